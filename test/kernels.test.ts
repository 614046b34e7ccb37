import {describe, expect, it} from 'vitest';
import {denseBackwardInput, denseForward, denseWeightGradRows, prepareWeightGrad} from '../src/core/kernels.js';
import {createRng} from '../src/core/rng.js';

/**
 * Each kernel against a plain triple loop, on shapes that reach every path: the row loops (fewer
 * than 32 wide, or fewer than 3 rows); the packed panels with full tiles and with edge tiles of
 * 1–3 rows and 1–3 columns (m or n = 1, 33, 37, 65, 66, 70 …); and the row loops again for
 * products far too large for the 4 MiB panel buffer: the weight gradient of 300 rows over 2,000
 * inputs (packed forward and input gradient), and everything of a 1,000 × 1,000 layer.
 */
const SHAPES: readonly (readonly [rows: number, n: number, m: number])[] = [
	[1, 5, 3],
	[1, 37, 33],
	[2, 70, 65],
	[4, 33, 37],
	[5, 37, 1],
	[7, 67, 66],
	[3, 256, 4],
	[130, 259, 70],
	[128, 256, 256],
	[5, 300, 2],
	[300, 2000, 64],
	[4, 1000, 1000],
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

describe('the weight gradient guards its packed input', () => {
	it('refuses to run after another kernel has reused the panels', () => {
		const [rows, n, m] = [8, 40, 36];
		const A = random(rows * n, 5);
		const D = random(rows * m, 6);
		const dW = new Float64Array(m * n);
		const dB = new Float64Array(m);
		expect(prepareWeightGrad(A, rows, n, m)).toBe(3);
		denseWeightGradRows(D, A, dW, dB, rows, n, m, 0, 3);
		denseForward(A, random(m * n, 7), new Float64Array(m), new Float64Array(rows * m), rows, n, m);
		expect(() => denseWeightGradRows(D, A, dW, dB, rows, n, m, 3, 3)).toThrow(/prepareWeightGrad/);
	});
});
