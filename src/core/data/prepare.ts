/**
 * The one path every data source takes from its rows to a DataSplit, in this order:
 * 1. split: a share of the rows is held out for testing (seeded; stratified by class), or a
 *    second source is the test set;
 * 2. order: both sets in a seeded random order, or both in the source's own order;
 * 3. standardise (when asked): each feature column to mean 0 and standard deviation 1, with the
 *    training rows' statistics applied to both sets.
 * Labels and targets are never changed. The README's "Data" section says the same.
 */
import type {Rng} from '../rng.js';
import type {ClassificationSplit, DataSplit, Dataset, LabelledRows, RegressionSplit, Standardization, TargetRows} from '../types.js';

interface SourceBase {
	/** The data set's display name. */
	readonly name: string;
	readonly featureNames: readonly string[];
}

/** Labelled rows as a generator or a file gives them, before any split, in source order. */
export interface LabelledSource extends SourceBase {
	readonly rows: LabelledRows;
	readonly classNames: readonly string[];
}

/** Rows with real-valued targets, before any split, in source order. */
export interface TargetSource extends SourceBase {
	readonly rows: TargetRows;
	readonly targetNames: readonly string[];
}

export type Source = LabelledSource | TargetSource;

/**
 * `shuffled`: both sets come out in a seeded random order (and the trainer reshuffles every
 * epoch). `source`: both keep the source's order (a CSV's file order, a generator's order).
 */
export type RowOrder = 'shuffled' | 'source';

export interface PrepareOptions {
	/** The share of rows held out for testing, in [0, 1) (0: every row trains), or a separate test set. */
	readonly test: number | Source;
	readonly order: RowOrder;
	/** Standardise the features with the training rows' mean and standard deviation. */
	readonly standardize: boolean;
}

/** "0", "1", … for sources whose classes have no names of their own. */
export function defaultClassNames(classes: number): string[] {
	return Array.from({length: classes}, (_, i) => String(i));
}

/**
 * Splits, orders and (optionally) standardises `source`; see the module comment. A held-out
 * share holds round(n · test) rows (at most n − 1, so training never starves), shared out among
 * the classes by largest remainder so each class keeps its proportion (a small test set of an
 * imbalanced CSV still sees every class). The same seed picks the same test rows in either order.
 */
export function prepareData(source: LabelledSource, options: PrepareOptions, rng: Rng): ClassificationSplit;
export function prepareData(source: TargetSource, options: PrepareOptions, rng: Rng): RegressionSplit;
export function prepareData(source: Source, options: PrepareOptions, rng: Rng): DataSplit;
export function prepareData(source: Source, options: PrepareOptions, rng: Rng): DataSplit {
	const all = source.rows;
	checkRows(all);
	let train: Dataset;
	let test: Dataset;
	if (typeof options.test === 'number') {
		const {trainRows, testRows} = holdOut(all, options.test, rng);
		if (options.order === 'shuffled') {
			rng.shuffle(trainRows);
			rng.shuffle(testRows);
		} else {
			trainRows.sort((a, b) => a - b);
			testRows.sort((a, b) => a - b);
		}
		train = gather(all, trainRows);
		test = gather(all, testRows);
	} else {
		const other = options.test.rows;
		checkRows(other);
		if (other.task !== all.task || other.features !== all.features || width(other) !== width(all)) {
			throw new RangeError(`the test rows have ${other.features} features and ${width(other)} ${other.task} outputs; the training rows ${all.features} and ${width(all)} ${all.task}`);
		}
		const trainRows = Array.from({length: all.n}, (_, i) => i);
		if (options.order === 'shuffled') rng.shuffle(trainRows);
		train = gather(all, trainRows);
		test = gather(other, Array.from({length: other.n}, (_, i) => i));
	}
	const standardization = options.standardize ? standardize(train, test) : null;
	const base = {name: source.name, featureNames: [...source.featureNames], standardization};
	if ('classNames' in source) {
		if (source.classNames.length !== (all as LabelledRows).classes) throw new RangeError(`${source.classNames.length} class names for ${(all as LabelledRows).classes} classes`);
		return {...base, task: 'classification', train: train as LabelledRows, test: test as LabelledRows, classNames: [...source.classNames]};
	}
	return {...base, task: 'regression', train: train as TargetRows, test: test as TargetRows, targetNames: [...source.targetNames]};
}

/** Values per row in y: 1 label, or `outputs` targets. */
function width(rows: Dataset): number {
	return rows.task === 'classification' ? 1 : rows.outputs;
}

function checkRows(rows: Dataset): void {
	if (rows.x.length !== rows.n * rows.features) {
		throw new RangeError(`x has ${rows.x.length} values; ${rows.n} rows × ${rows.features} features needs ${rows.n * rows.features}`);
	}
	if (rows.y.length !== rows.n * width(rows)) throw new RangeError(`y has ${rows.y.length} values for ${rows.n} rows`);
	if (rows.task === 'classification') {
		for (let i = 0; i < rows.n; i++) {
			const c = rows.y[i]!;
			if (!(c >= 0 && c < rows.classes)) throw new RangeError(`label ${c} at row ${i} is outside 0…${rows.classes - 1}`);
		}
	}
}

/** The held-out rows: per class (one group for regression), a seeded random pick of its share. */
function holdOut(rows: Dataset, testFraction: number, rng: Rng): {trainRows: number[]; testRows: number[]} {
	if (!(testFraction >= 0 && testFraction < 1)) throw new RangeError(`test fraction must be in [0, 1), got ${testFraction}`);
	const n = rows.n;
	const groups: number[][] = Array.from({length: rows.task === 'classification' ? rows.classes : 1}, () => []);
	for (let i = 0; i < n; i++) groups[rows.task === 'classification' ? rows.y[i]! : 0]!.push(i);
	for (const group of groups) rng.shuffle(group);
	const testCount = n === 0 ? 0 : Math.min(Math.round(n * testFraction), n - 1);
	const perGroup = apportion(groups.map((g) => g.length), testCount);
	const trainRows: number[] = [];
	const testRows: number[] = [];
	groups.forEach((group, c) => {
		const t = perGroup[c]!;
		for (let k = 0; k < group.length; k++) (k < t ? testRows : trainRows).push(group[k]!);
	});
	return {trainRows, testRows};
}

/** Largest-remainder shares of `total` in proportion to `sizes` (ties go to the lower class index). */
function apportion(sizes: readonly number[], total: number): number[] {
	const n = sizes.reduce((a, b) => a + b, 0);
	if (n === 0) return sizes.map(() => 0);
	const quotas = sizes.map((s) => (s * total) / n);
	const shares = quotas.map(Math.floor);
	let left = total - shares.reduce((a, b) => a + b, 0);
	const order = quotas.map((_q, i) => i).sort((a, b) => quotas[b]! - shares[b]! - (quotas[a]! - shares[a]!) || a - b);
	for (const i of order) {
		if (left <= 0) break;
		if (shares[i]! < sizes[i]!) {
			shares[i]!++;
			left--;
		}
	}
	return shares;
}

/** Copies the chosen rows, in the order given. */
function gather(rows: Dataset, picked: readonly number[]): Dataset {
	const {features} = rows;
	const w = width(rows);
	const x = new Float64Array(picked.length * features);
	const y = rows.task === 'classification' ? new Int32Array(picked.length) : new Float64Array(picked.length * w);
	picked.forEach((r, k) => {
		x.set(rows.x.subarray(r * features, (r + 1) * features), k * features);
		y.set(rows.y.subarray(r * w, (r + 1) * w), k * w);
	});
	return rows.task === 'classification'
		? {task: 'classification', x, y: y as Int32Array, n: picked.length, features, classes: rows.classes}
		: {task: 'regression', x, y: y as Float64Array, n: picked.length, features, outputs: rows.outputs};
}

/**
 * Standardises both sets in place with the training rows' mean and population standard
 * deviation: the test rows must not leak into what the model sees. A column that is constant on
 * the training rows carries no information and becomes all zeros.
 */
function standardize(train: Dataset, test: Dataset): Standardization {
	const {features} = train;
	const mean: number[] = [];
	const scale: number[] = [];
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
		const m = train.n > 0 ? sum / train.n : 0;
		let ss = 0;
		for (let i = 0; i < train.n; i++) {
			const d = train.x[i * features + j]! - m;
			ss += d * d;
		}
		// Compare min and max rather than the std: a constant column's computed std can be a
		// rounding crumb, and dividing by it would blow rounding noise up to unit scale.
		const s = !(max > min) ? 0 : 1 / Math.sqrt(ss / train.n);
		for (const set of [train, test]) {
			for (let i = 0; i < set.n; i++) {
				const at = i * features + j;
				set.x[at] = (set.x[at]! - m) * s;
			}
		}
		mean.push(m);
		scale.push(s);
	}
	return {mean, scale};
}
