import {describe, expect, it} from 'vitest';
import {denseBackwardInput, denseForward, denseWeightGradRows, prepareWeightGrad} from '../src/core/kernels.js';
import {createRng} from '../src/core/rng.js';

/**
 * Each kernel against a plain triple loop. The shapes reach every path: row loops (narrow),
 * packed panels with full and partial edge tiles, and the row-loop fallback for products too
 * large for the panel buffer (n = 4000 on 140 rows; 600 inputs into 900 outputs).
 */
const SHAPES: readonly (readonly [rows: number, n: number, m: number])[] = [
	[1, 5, 3],
	[2, 70, 65],
	[7, 67, 66],
	[3, 256, 4],
	[130, 259, 70],
	[128, 256, 256],
	[5, 300, 2],
	[140, 4000, 64],
	[4, 600, 900],
];

function random(length: number, seed: number): Float64Array {
	const rng = createRng(seed);
	return Float64Array.from({length}, () => rng.normal());
}

function expectClose(actual: Float64Array, expected: Float64Array): void {
	let worst = 0;
	for (let k = 0; k < expected.length; k++) {
		worst = Math.max(worst, Math.abs(actual[k]! - expected[k]!) / Math.max(1, Math.abs(expected[k]!)));
	}
	expect(worst).toBeLessThan(1e-12);
}

describe('dense kernels agree with a plain triple loop', () => {
	for (const [rows, n, m] of SHAPES) {
		const A = random(rows * n, 1);
		const W = random(m * n, 2);
		const bias = random(m, 3);
		const D = random(rows * m, 4);

		it(`forward ${rows}×${n} → ${m}`, () => {
			const expected = new Float64Array(rows * m);
			for (let b = 0; b < rows; b++) {
				for (let o = 0; o < m; o++) {
					let s = bias[o]!;
					for (let i = 0; i < n; i++) s += A[b * n + i]! * W[o * n + i]!;
					expected[b * m + o] = s;
				}
			}
			// Stale values in the output must not leak into the result.
			const Z = new Float64Array(rows * m).fill(Number.NaN);
			denseForward(A, W, bias, Z, rows, n, m);
			expectClose(Z, expected);
		});

		it(`input gradient ${rows}×${n} → ${m}`, () => {
			const expected = new Float64Array(rows * n);
			for (let b = 0; b < rows; b++) {
				for (let i = 0; i < n; i++) {
					let s = 0;
					for (let o = 0; o < m; o++) s += D[b * m + o]! * W[o * n + i]!;
					expected[b * n + i] = s;
				}
			}
			const dA = new Float64Array(rows * n).fill(Number.NaN);
			denseBackwardInput(D, W, dA, rows, n, m);
			expectClose(dA, expected);
		});

		it(`weight and bias gradients ${rows}×${n} → ${m}`, () => {
			const expectedW = new Float64Array(m * n);
			const expectedB = new Float64Array(m);
			for (let o = 0; o < m; o++) {
				for (let b = 0; b < rows; b++) expectedB[o] = expectedB[o]! + D[b * m + o]!;
				for (let i = 0; i < n; i++) {
					let s = 0;
					for (let b = 0; b < rows; b++) s += D[b * m + o]! * A[b * n + i]!;
					expectedW[o * n + i] = s;
				}
			}
			const dW = new Float64Array(m * n).fill(Number.NaN);
			const dB = new Float64Array(m).fill(Number.NaN);
			const block = prepareWeightGrad(A, rows, n, m);
			for (let o = 0; o < m; o += block) denseWeightGradRows(D, A, dW, dB, rows, n, m, o, Math.min(block, m - o));
			expectClose(dW, expectedW);
			expectClose(dB, expectedB);
		});
	}
});
