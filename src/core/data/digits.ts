/**
 * The 8×8 handwritten digits (UCI optdigits test set, 1,797 images, 10 classes): a small real
 * data set where a few hundred steps of a tiny MLP reach well over 90% — fast enough to watch.
 * The pixels ship in digits-data.ts (see scripts/make-digits.py and data/README.md for source,
 * citation and licence) because the core may not read files.
 */
import {DIGITS_ROWS} from './digits-data.js';
import {defaultClassNames, type LabelledSource} from './prepare.js';

/** Pixels per side of a digit image. */
export const DIGITS_SIDE = 8;
export const DIGITS_FEATURES = DIGITS_SIDE * DIGITS_SIDE;
export const DIGITS_CLASSES = 10;

/** Decodes one base-17 pixel character ('0'–'9', 'a'–'g') to 0..16. */
function pixel(code: number): number {
	return code <= 57 ? code - 48 : code - 87;
}

/** All 1,797 digits in the file's order, pixels scaled from 0..16 to [0, 1] (÷16): the built-in set's definition. */
export function digitsSource(): LabelledSource {
	const n = DIGITS_ROWS.length;
	const x = new Float64Array(n * DIGITS_FEATURES);
	const y = new Int32Array(n);
	for (let r = 0; r < n; r++) {
		const row = DIGITS_ROWS[r]!;
		for (let j = 0; j < DIGITS_FEATURES; j++) x[r * DIGITS_FEATURES + j] = pixel(row.charCodeAt(j)) / 16;
		y[r] = row.charCodeAt(DIGITS_FEATURES) - 48;
	}
	return {
		name: 'digits',
		featureNames: Array.from({length: DIGITS_FEATURES}, (_, j) => `pixel ${j + 1}`),
		classNames: defaultClassNames(DIGITS_CLASSES),
		rows: {task: 'classification', x, y, n, features: DIGITS_FEATURES, classes: DIGITS_CLASSES},
	};
}
