/**
 * A user's own CSV as a classification data set. Deliberately small: a header row, numeric
 * feature columns and one label column; a simple RFC 4180 subset (commas, CRLF or LF, double
 * quotes around fields that contain commas, quotes or line breaks, "" for a quote inside).
 * Every problem becomes a `CsvError` whose message a user can act on without reading code.
 */
import type {Rng} from '../rng.js';
import type {DataSplit, Dataset} from '../types.js';
import {splitData} from './split.js';

/** A CSV the lab cannot use. `row` is the 1-based line in the file, `column` the header name. */
export class CsvError extends Error {
	override name = 'CsvError';
	readonly row: number | undefined;
	readonly column: string | undefined;

	constructor(message: string, where: {readonly row?: number; readonly column?: string} = {}) {
		super(message);
		this.row = where.row;
		this.column = where.column;
	}
}

export interface CsvOptions {
	/** The label column: a header name, a 0-based index, or (left out) the last column. */
	readonly label?: string | number;
	/** Test fraction in [0, 1). */
	readonly test: number;
	/** The data set's display name (default "csv"). */
	readonly name?: string;
}

interface CsvRecord {
	/** 1-based line where the record starts. */
	readonly line: number;
	readonly cells: string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/**
 * Parses `text` into a seeded, stratified train/test split.
 *
 * Labels: if every label cell is an integer, classes are the distinct values in numeric order;
 * otherwise the distinct strings in code-unit order. Either way `classNames` keeps the original
 * text, so "setosa" or "-1" can be shown back to the user.
 *
 * Features are standardised to zero mean and unit variance with the mean and (population)
 * standard deviation of the training rows only, applied to both sets: the test rows must not
 * leak into what the model sees, and unscaled columns (say, 0..1 next to 0..10 000) would make
 * a fair optimizer comparison impossible. A column that is constant on the training rows
 * carries no information and becomes all zeros.
 */
export function parseCsv(text: string, options: CsvOptions, rng: Rng): DataSplit {
	const records = tokenize(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	if (records.length === 0) throw new CsvError('The CSV file is empty: it needs a header row and at least one data row.');
	const header = records[0]!.cells.map((h) => h.trim());
	const rows = records.slice(1);
	if (rows.length === 0) throw new CsvError('The CSV file has a header row but no data rows.', {row: records[0]!.line});

	const columnName = (j: number): string => header[j] || `column ${j + 1}`;
	const labelAt = findLabel(header, options.label, columnName);
	const labelName = columnName(labelAt);
	if (header.length < 2) {
		throw new CsvError(`The CSV file has only the label column "${labelName}"; it needs at least one feature column.`, {column: labelName});
	}

	const features = header.length - 1;
	const n = rows.length;
	const x = new Float64Array(n * features);
	const labels: string[] = [];
	rows.forEach((record, r) => {
		const {cells, line} = record;
		if (cells.length !== header.length) {
			throw new CsvError(`Row ${line} has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, header has ${header.length}.`, {row: line});
		}
		let f = 0;
		cells.forEach((raw, j) => {
			const cell = raw.trim();
			if (j === labelAt) {
				if (cell === '') throw new CsvError(`Row ${line}, column "${labelName}": the label is empty; every row needs one.`, {row: line, column: labelName});
				labels.push(cell);
				return;
			}
			if (cell === '') {
				throw new CsvError(`Row ${line}, column "${columnName(j)}" is empty; feature cells must be numbers.`, {row: line, column: columnName(j)});
			}
			if (!NUMBER.test(cell)) {
				throw new CsvError(`Row ${line}, column "${columnName(j)}": "${raw}" is not a number.`, {row: line, column: columnName(j)});
			}
			const value = Number(cell);
			if (!Number.isFinite(value)) {
				throw new CsvError(`Row ${line}, column "${columnName(j)}": "${raw}" is too large to use.`, {row: line, column: columnName(j)});
			}
			x[r * features + f++] = value;
		});
	});

	const {y, classNames} = encodeLabels(labels);
	if (classNames.length < 2) {
		throw new CsvError(
			`The label column "${labelName}" has only one class ("${classNames[0]}"); a classifier needs at least two.`,
			{column: labelName},
		);
	}
	const split = splitData(options.name ?? 'csv', x, y, features, classNames.length, options.test, rng, classNames);
	standardise(split.train, split.test);
	return split;
}

/** The label column's index, from a name (exact, else case-insensitive), an index, or the last column. */
function findLabel(header: readonly string[], label: string | number | undefined, columnName: (j: number) => string): number {
	const list = header.map((_h, j) => columnName(j)).join(', ');
	if (label === undefined) return header.length - 1;
	if (typeof label === 'number') {
		if (Number.isInteger(label) && label >= 0 && label < header.length) return label;
		throw new CsvError(
			`Label column index ${label} is out of range: the file has ${header.length} columns, numbered 0 to ${header.length - 1} (${list}).`,
			{column: String(label)},
		);
	}
	const exact = header.indexOf(label.trim());
	if (exact >= 0) return exact;
	const lower = label.trim().toLowerCase();
	const loose = header.filter((h) => h.toLowerCase() === lower);
	if (loose.length === 1) return header.indexOf(loose[0]!);
	throw new CsvError(`Label column "${label}" not found. The columns are: ${list}.`, {column: label});
}

/** Class indices for the label strings; see parseCsv for the ordering. */
function encodeLabels(labels: readonly string[]): {y: Int32Array; classNames: string[]} {
	const numeric = labels.every((l) => INTEGER.test(l));
	const keyOf = numeric ? (l: string): string => String(Number(l)) : (l: string): string => l;
	const distinct = [...new Set(labels.map(keyOf))];
	if (numeric) distinct.sort((a, b) => Number(a) - Number(b));
	else distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const index = new Map(distinct.map((k, i) => [k, i]));
	const y = Int32Array.from(labels, (l) => index.get(keyOf(l))!);
	return {y, classNames: distinct};
}

/** Standardises both sets in place with the training rows' mean and population std. */
function standardise(train: Dataset, test: Dataset): void {
	const {features} = train;
	for (let j = 0; j < features; j++) {
		let sum = 0;
		let min = Infinity;
		let max = -Infinity;
		for (let i = 0; i < train.n; i++) {
			const v = train.x[i * features + j]!;
			sum += v;
			if (v < min) min = v;
			if (v > max) max = v;
		}
		const mean = sum / train.n;
		let ss = 0;
		for (let i = 0; i < train.n; i++) {
			const d = train.x[i * features + j]! - mean;
			ss += d * d;
		}
		// Compare min and max rather than the std: a constant column's computed std can be a
		// rounding crumb, and dividing by it would blow rounding noise up to unit scale.
		const scale = min === max ? 0 : 1 / Math.sqrt(ss / train.n);
		for (const set of [train, test]) {
			for (let i = 0; i < set.n; i++) {
				const at = i * features + j;
				set.x[at] = (set.x[at]! - mean) * scale;
			}
		}
	}
}

/**
 * Splits text into records. Blank (or whitespace-only) lines are skipped; a quoted field may
 * hold commas, doubled quotes and line breaks; spaces around a quoted field are ignored.
 */
function tokenize(text: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	const len = text.length;
	let i = 0;
	let line = 1;
	while (i < len) {
		const start = line;
		const cells: string[] = [];
		let blank = true;
		for (;;) {
			let j = i;
			while (j < len && (text[j] === ' ' || text[j] === '\t')) j++;
			if (text[j] === '"') {
				blank = false;
				let cell = '';
				i = j + 1;
				for (;;) {
					if (i >= len) throw new CsvError(`Row ${start}: a quoted field is never closed (a " is missing).`, {row: start});
					const ch = text[i]!;
					if (ch === '"') {
						if (text[i + 1] === '"') {
							cell += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
					cell += ch;
					i++;
				}
				while (i < len && (text[i] === ' ' || text[i] === '\t')) i++;
				if (i < len && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
					throw new CsvError(`Row ${line}: unexpected text after a closing quote; quote the whole field.`, {row: line});
				}
				cells.push(cell);
			} else {
				let k = i;
				while (k < len && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') k++;
				const cell = text.slice(i, k);
				if (cell.trim() !== '') blank = false;
				cells.push(cell);
				i = k;
			}
			if (text[i] !== ',') break;
			blank = false;
			i++;
		}
		if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
		else if (text[i] === '\n') i++;
		line++;
		if (!blank) records.push({line: start, cells});
	}
	return records;
}
