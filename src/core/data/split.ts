/**
 * The train/test split every data source goes through, so that toys, digits and CSVs all get
 * the same seeded, stratified, shuffled treatment.
 */
import type {Rng} from '../rng.js';
import type {DataSplit, Dataset} from '../types.js';

/** "0", "1", … for sources whose classes have no names of their own. */
export function defaultClassNames(classes: number): string[] {
	return Array.from({length: classes}, (_, i) => String(i));
}

/**
 * Splits n = y.length rows into train and test sets. The test set holds round(n · testFraction)
 * rows (at most n − 1, so training never starves), shared out among the classes by largest
 * remainder so each class keeps its proportion (stratified: a small test set of an imbalanced
 * CSV still sees every class). Both sets come out in a seeded random order, because the trainer
 * may read rows in stored order and toys are generated class by class.
 * `testFraction` must be in [0, 1); 0 gives an empty test set.
 */
export function splitData(
	name: string,
	x: Float64Array,
	y: Int32Array,
	features: number,
	classes: number,
	testFraction: number,
	rng: Rng,
	classNames?: readonly string[],
): DataSplit {
	const n = y.length;
	if (!(testFraction >= 0 && testFraction < 1)) {
		throw new RangeError(`test fraction must be in [0, 1), got ${testFraction}`);
	}
	if (x.length !== n * features) {
		throw new RangeError(`x has ${x.length} values; ${n} rows × ${features} features needs ${n * features}`);
	}
	if (classNames !== undefined && classNames.length !== classes) {
		throw new RangeError(`${classNames.length} class names for ${classes} classes`);
	}

	// Rows of each class, each list in a seeded random order.
	const byClass: number[][] = Array.from({length: classes}, () => []);
	for (let i = 0; i < n; i++) {
		const c = y[i]!;
		if (!(c >= 0 && c < classes)) throw new RangeError(`label ${c} at row ${i} is outside 0…${classes - 1}`);
		byClass[c]!.push(i);
	}
	for (const rows of byClass) rng.shuffle(rows);

	const testCount = n === 0 ? 0 : Math.min(Math.round(n * testFraction), n - 1);
	const perClass = apportion(byClass.map((rows) => rows.length), testCount);

	const trainRows: number[] = [];
	const testRows: number[] = [];
	byClass.forEach((rows, c) => {
		const t = perClass[c]!;
		for (let k = 0; k < rows.length; k++) (k < t ? testRows : trainRows).push(rows[k]!);
	});
	rng.shuffle(trainRows);
	rng.shuffle(testRows);

	return {
		name,
		train: gather(x, y, features, classes, trainRows),
		test: gather(x, y, features, classes, testRows),
		classNames: classNames ? [...classNames] : defaultClassNames(classes),
	};
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

function gather(x: Float64Array, y: Int32Array, features: number, classes: number, rows: readonly number[]): Dataset {
	const gx = new Float64Array(rows.length * features);
	const gy = new Int32Array(rows.length);
	rows.forEach((r, k) => {
		gx.set(x.subarray(r * features, (r + 1) * features), k * features);
		gy[k] = y[r]!;
	});
	return {x: gx, y: gy, n: rows.length, features, classes};
}
