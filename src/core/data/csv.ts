/**
 * A user's own CSV: a header row, numeric feature columns, and either one label column (a class
 * per row) or one or more numeric target columns (regression). A simple RFC 4180 subset (commas,
 * CRLF or LF, double quotes around fields that contain commas, quotes or line breaks, "" for a
 * quote inside). Parsing only reads: the values come out exactly as written, in file order;
 * splitting and standardising happen in prepare.ts. Every problem becomes a `CsvError` whose
 * message a user can act on without reading code.
 */
import type {LabelledSource, Source, TargetSource} from './prepare.js';

/** A CSV the lab cannot use. `row` is the 1-based line in the file, `column` the header name. */
export class CsvError extends Error {
	override name = 'CsvError';
	readonly row: number | undefined;
	readonly column: string | undefined;

	constructor(message: string, where: {readonly row?: number; readonly column?: string} = {}) {
		super(message);
		this.row = where.row;
		this.column = where.column === undefined ? undefined : excerpt(where.column);
	}
}

/** Characters of a cell or a column name that a message quotes: one cell may be megabytes long. */
const QUOTED = 40;

/** `text` as a message quotes it: whole when short, else its start and "…". */
export function excerpt(text: string): string {
	if (text.length <= QUOTED) return text;
	const code = text.charCodeAt(QUOTED - 2);
	// Never cut a surrogate pair in two.
	return `${text.slice(0, code >= 0xd800 && code < 0xdc00 ? QUOTED - 2 : QUOTED - 1)}…`;
}

/** Names as a message lists them: the first ten, each shortened as `excerpt` does (in quotes with `quote`), then how many there are. */
export function nameList(names: readonly string[], quote = false): string {
	const most = 10;
	const listed = names
		.slice(0, most)
		.map((name) => (quote ? `"${excerpt(name)}"` : excerpt(name)))
		.join(', ');
	return names.length > most ? `${listed}, … (${names.length} in all)` : listed;
}

/** A column: a header name (exact, else case-insensitive) or a 0-based index. */
export type ColumnRef = string | number;

export interface CsvOptions {
	/** Classification: the label column (left out, and no target: the last column). */
	readonly label?: ColumnRef;
	/** Regression: the target column(s), real numbers; every other column is a feature. */
	readonly target?: ColumnRef | readonly ColumnRef[];
	/** The data set's display name (default "csv"). */
	readonly name?: string;
	/**
	 * A second file (a test set): its labels must be among these classes (the training file's),
	 * and they keep the training file's class numbers.
	 */
	readonly classes?: readonly string[];
}

interface CsvRecord {
	/** 1-based line where the record starts. */
	readonly line: number;
	readonly cells: string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/**
 * Reads `text` into rows in file order.
 *
 * Labels: if every label cell is an integer, classes are the distinct values in numeric order;
 * otherwise the distinct strings in code-unit order. Either way `classNames` keeps the original
 * text, so "setosa" or "-1" can be shown back to the user.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Source {
	const records = tokenize(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	if (records.length === 0) throw new CsvError('The CSV file is empty: it needs a header row and at least one data row.');
	const header = records[0]!.cells.map((h) => h.trim());
	const rows = records.slice(1);
	if (rows.length === 0) throw new CsvError('The CSV file has a header row but no data rows.', {row: records[0]!.line});

	const columnName = (j: number): string => header[j] || `column ${j + 1}`;
	/** A column's name as messages quote it. */
	const quoted = (j: number): string => excerpt(columnName(j));
	const regression = options.target !== undefined;
	const refs: readonly ColumnRef[] = regression ? (Array.isArray(options.target) ? options.target : [options.target as ColumnRef]) : [options.label ?? header.length - 1];
	const role = regression ? 'Target' : 'Label';
	const picked = refs.map((ref) => findColumn(header, ref, role, columnName));
	const duplicate = picked.find((j, k) => picked.indexOf(j) !== k);
	if (duplicate !== undefined) throw new CsvError(`The target column "${quoted(duplicate)}" is named twice.`, {column: columnName(duplicate)});
	if (header.length - picked.length < 1) {
		const names = nameList(picked.map(columnName), true);
		throw new CsvError(`The CSV file has only the ${regression ? 'target' : 'label'} column${picked.length > 1 ? 's' : ''} ${names}; it needs at least one feature column.`, {
			column: columnName(picked[0]!),
		});
	}

	const featureColumns = header.map((_h, j) => j).filter((j) => !picked.includes(j));
	const features = featureColumns.length;
	const n = rows.length;
	const x = new Float64Array(n * features);
	const targets = new Float64Array(regression ? n * picked.length : 0);
	const labels: string[] = [];
	rows.forEach((record, r) => {
		const {cells, line} = record;
		if (cells.length !== header.length) {
			throw new CsvError(`Row ${line} has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, header has ${header.length}.`, {row: line});
		}
		featureColumns.forEach((j, f) => {
			x[r * features + f] = numberAt(cells[j]!, line, quoted(j), 'feature');
		});
		picked.forEach((j, t) => {
			if (regression) {
				targets[r * picked.length + t] = numberAt(cells[j]!, line, quoted(j), 'target');
				return;
			}
			const cell = cells[j]!.trim();
			if (cell === '') throw new CsvError(`Row ${line}, column "${quoted(j)}": the label is empty; every row needs one.`, {row: line, column: columnName(j)});
			labels.push(cell);
		});
	});

	const name = options.name ?? 'csv';
	const featureNames = featureColumns.map(columnName);
	if (regression) {
		const source: TargetSource = {name, featureNames, targetNames: picked.map(columnName), rows: {task: 'regression', x, y: targets, n, features, outputs: picked.length}};
		return source;
	}
	const labelName = columnName(picked[0]!);
	const {y, classNames} = options.classes ? encodeAs(labels, options.classes, rows, labelName) : encodeLabels(labels);
	if (classNames.length < 2) {
		throw new CsvError(
			`The label column "${excerpt(labelName)}" has only one class ("${excerpt(classNames[0]!)}"); a classifier needs at least two.`,
			{column: labelName},
		);
	}
	const source: LabelledSource = {name, featureNames, classNames, rows: {task: 'classification', x, y, n, features, classes: classNames.length}};
	return source;
}

/** A feature or target cell as a number; anything else (empty, text, NaN, ∞) is an error naming the cell (`column` as quoted). */
function numberAt(raw: string, line: number, column: string, what: 'feature' | 'target'): number {
	const cell = raw.trim();
	if (cell === '') throw new CsvError(`Row ${line}, column "${column}" is empty; ${what} cells must be numbers.`, {row: line, column});
	if (!NUMBER.test(cell)) throw new CsvError(`Row ${line}, column "${column}": "${excerpt(raw)}" is not a number.`, {row: line, column});
	const value = Number(cell);
	if (!Number.isFinite(value)) throw new CsvError(`Row ${line}, column "${column}": "${excerpt(raw)}" is too large to use.`, {row: line, column});
	return value;
}

/** A column's index, from a name (exact, else case-insensitive) or an index. */
function findColumn(header: readonly string[], ref: ColumnRef, role: 'Label' | 'Target', columnName: (j: number) => string): number {
	const list = nameList(header.map((_h, j) => columnName(j)));
	if (typeof ref === 'number') {
		if (Number.isInteger(ref) && ref >= 0 && ref < header.length) return ref;
		throw new CsvError(
			`${role} column index ${ref} is out of range: the file has ${header.length} columns, numbered 0 to ${header.length - 1} (${list}).`,
			{column: String(ref)},
		);
	}
	const exact = header.indexOf(ref.trim());
	if (exact >= 0) return exact;
	const lower = ref.trim().toLowerCase();
	const loose = header.filter((h) => h.toLowerCase() === lower);
	if (loose.length === 1) return header.indexOf(loose[0]!);
	throw new CsvError(`${role} column "${excerpt(ref)}" not found. The columns are: ${list}.`, {column: ref});
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

/** Class indices by another file's classes (numeric ones compared as numbers: "01" is class "1"). */
function encodeAs(labels: readonly string[], classes: readonly string[], rows: readonly CsvRecord[], column: string): {y: Int32Array; classNames: string[]} {
	const numeric = classes.every((c) => INTEGER.test(c));
	const index = new Map(classes.map((c, i) => [c, i]));
	const y = Int32Array.from(labels, (l, r) => {
		const k = index.get(numeric && INTEGER.test(l) ? String(Number(l)) : l);
		if (k === undefined) {
			const line = rows[r]!.line;
			throw new CsvError(`Row ${line}, column "${excerpt(column)}": "${excerpt(l)}" is not one of the training file's classes (${nameList(classes)}).`, {row: line, column});
		}
		return k;
	});
	return {y, classNames: [...classes]};
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
