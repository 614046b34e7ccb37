/**
 * A CSV file's checks around the core's parser: its size in rows, columns and cells before the
 * parse allocates anything, its number of classes after, and whether an error may quote it.
 */
import {realpathSync} from 'node:fs';
import {type Problem, ruleBroken} from './errors.js';
import {formatBytes} from './files.js';
import {dataBytes, LIMITS} from './limits.js';

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Rows (lines after the header), columns (cells in the header) and cells against the limits,
 * counted without parsing; a quoted field with a comma or line break only makes the count higher.
 * `targets`: a regression's target columns (0: one label column). `trainRows`: for a test file,
 * the training file's rows — both files' rows count against the one row limit.
 */
export function csvShapeProblem(text: string, field: string, shown: string, targets: number, trainRows = 0): Problem | undefined {
	let lines = 0;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
	if (!text.endsWith('\n')) lines++;
	const rows = Math.max(0, lines - 1);
	const headerEnd = text.indexOf('\n');
	const header = headerEnd < 0 ? text : text.slice(0, headerEnd);
	let columns = 1;
	for (let i = header.indexOf(','); i >= 0; i = header.indexOf(',', i + 1)) columns++;
	const outputs = Math.max(1, targets);
	const features = Math.max(0, columns - outputs);
	const memory = formatBytes(dataBytes({task: targets > 0 ? 'regression' : 'classification', rows: rows + trainRows, features, outputs}));
	const over = (what: string, allowed: string): Problem => ruleBroken(field, shown, allowed, `${shown} has ${what}; the limit is ${allowed} (it would take about ${memory} as training data)`);
	if (rows + trainRows > LIMITS.samples) {
		const what = trainRows > 0 ? `${count(rows)} rows and the training file ${count(trainRows)}` : `${count(rows)} rows`;
		return over(what, `${count(LIMITS.samples)} rows of data${trainRows > 0 ? ' in both files together' : ''}`);
	}
	if (features > LIMITS.features) return over(`${count(columns)} columns (${count(features)} features)`, `${count(LIMITS.features)} feature columns`);
	if (rows * columns > LIMITS.cells) return over(`${count(rows * columns)} cells (${count(rows)} rows × ${count(columns)} columns)`, `${count(LIMITS.cells)} cells`);
	return undefined;
}

/** A label column with more distinct values than a classifier may have classes. */
export function classCountProblem(classes: number, field: string, shown: string): Problem | undefined {
	if (classes <= LIMITS.classes) return undefined;
	return ruleBroken(
		field,
		shown,
		`at most ${LIMITS.classes} classes`,
		`${shown}: the label column has ${count(classes)} distinct values; a classifier here has at most ${LIMITS.classes} classes (one output each) — is it an id or a measurement? Choose the label column with label:`,
	);
}

/**
 * Whether an error may quote a cell of `file`: only when its name, and the name of the file it
 * links to, end in .csv. A scenario may name any path (`csv: ../../etc/shadow`), and a message
 * must not show what such a file holds.
 */
export function quotesCsvContent(file: string): boolean {
	const csv = (name: string): boolean => name.toLowerCase().endsWith('.csv');
	if (!csv(file)) return false;
	try {
		return csv(realpathSync(file));
	} catch {
		return false;
	}
}
