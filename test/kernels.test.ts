import {afterAll, describe, expect, it} from 'vitest';
import {ACTIVATION_NAMES, ACTIVATIONS} from '../src/core/activations.js';
import {BatchBuffers, useKernels, type KernelChoice} from '../src/core/kernels.js';
import {SIMD_AVAILABLE} from '../src/core/kernels-simd.js';
import {createRng} from '../src/core/rng.js';

/**
 * Each product against a plain triple loop that sums from +0 in index order, compared bit for bit:
 * every kernel promises exactly those sums, so the SIMD and JavaScript sides agree with each other
 * too. Run once with every product on the SIMD kernels and once on the JavaScript ones, on shapes
 * that reach every path: the JavaScript row loops (fewer than 32 wide, or fewer than 3 rows) and
 * 3 × 4 panels with edge tiles of 1–3 rows and columns; the SIMD 4 × 4 tiles with 1–3 rows or
 * columns of padding (rows or sizes 1, 2, 3, 5, 7, 33, 37, 65, 66, 70 …); products too large for
 * the JavaScript panel buffer (the weight gradient of 300 rows over 2,000 inputs, a 1,000 × 1,000
 * layer). Mutations caught: a SIMD tile's sums added in another order (pairs of k), a padded lane
 * left unzeroed (stale NaN), an edge tile's last row dropped, the bias added before the sums.
 */
const SHAPES: readonly (readonly [rows: number, n: number, m: number])[] = [
	[1, 5, 3],
	[2, 2, 9],
	[3, 8, 8],
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

const PATHS: readonly KernelChoice[] = SIMD_AVAILABLE ? ['simd', 'js'] : ['js'];

function random(length: number, seed: number): Float64Array {
	const rng = createRng(seed);
	return Float64Array.from({length}, () => rng.normal());
}

/** Stale values in an output buffer must not leak into a result. */
function stale(length: number): Float64Array {
	return new Float64Array(length).fill(Number.NaN);
}

/** The first index where two arrays differ (=== on each entry, so +0 and −0 agree), or −1. */
function firstDifference(actual: Float64Array, expected: Float64Array): number {
	for (let k = 0; k < expected.length; k++) if (!(actual[k] === expected[k])) return k;
	return -1;
}

/** Buffers for a layers[0] → layers[1] → … network and `rows` rows, every entry stale. */
function buffers(layers: readonly number[], rows: number): BatchBuffers {
	const batch = new BatchBuffers(layers);
	batch.reserve(rows);
	for (const list of [batch.Z, batch.A, batch.D]) for (const values of list) values.fill(Number.NaN);
	return batch;
}

afterAll(() => useKernels('auto'));

it('this runtime runs the WebAssembly SIMD kernels (node ≥ 20 always does)', () => {
	expect(SIMD_AVAILABLE).toBe(true);
});

for (const path of PATHS) {
	describe(`dense products on the ${path} kernels equal a plain triple loop bit for bit`, () => {
		for (const [rows, n, m] of SHAPES) {
			const A = random(rows * n, 1);
			const W = random(m * n, 2);
			const bias = random(m, 3);
			const D = random(rows * m, 4);

			it(`forward ${rows}×${n} → ${m}`, () => {
				const expected = new Float64Array(rows * m);
				for (let b = 0; b < rows; b++) {
					for (let o = 0; o < m; o++) {
						let s = 0;
						for (let i = 0; i < n; i++) s += A[b * n + i]! * W[o * n + i]!;
						expected[b * m + o] = s + bias[o]!;
					}
				}
				useKernels(path);
				const batch = buffers([n, m], rows);
				batch.A[0]!.set(A);
				batch.forward(0, W, bias, null, rows);
				expect(firstDifference(batch.Z[1]!.subarray(0, rows * m), expected)).toBe(-1);
				// Edge tiles store only their own entries: the buffer past the batch is untouched.
				expect(batch.Z[1]!.subarray(rows * m).every(Number.isNaN)).toBe(true);
				// The output layer has no activation: its A is left as it was.
				expect(batch.A[1]!.every(Number.isNaN)).toBe(true);
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
				useKernels(path);
				const batch = buffers([n, m], rows);
				batch.D[1]!.set(D);
				// linear: f′ = 1, so D[0] is the product itself.
				batch.backwardInput(0, W, 'linear', rows);
				expect(firstDifference(batch.D[0]!.subarray(0, rows * n), expected)).toBe(-1);
				expect(batch.D[0]!.subarray(rows * n).every(Number.isNaN)).toBe(true);
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
				const dW = stale(m * n);
				const dB = stale(m);
				useKernels(path);
				const batch = buffers([n, m], rows);
				batch.A[0]!.set(A);
				batch.D[1]!.set(D);
				batch.prepareGradients(0, rows, dW, dB);
				// Blocks of 5 rows: none lines up with a kernel's own blocks of 2, 3 or 4.
				for (let o = 0; o < m; o += 5) batch.weightGradRows(0, rows, o, Math.min(5, m - o));
				batch.keepGradients(dW, dB);
				expect(firstDifference(dW, expectedW)).toBe(-1);
				expect(firstDifference(dB, expectedB)).toBe(-1);
			});
		}
	});

	describe(`the ${path} kernels apply the activation in the pass that finishes a product`, () => {
		// Wide enough for the SIMD kernels under 'simd', panels under 'js', with padded edges.
		const [rows, n, m, k] = [6, 37, 34, 35];
		const A = random(rows * n, 11);
		const W = random(m * n, 12);
		const bias = random(m, 13);
		const W2 = random(k * m, 14);
		const D = random(rows * k, 15);
		for (const name of ACTIVATION_NAMES) {
			it(name, () => {
				useKernels(path);
				const batch = buffers([n, m, k], rows);
				batch.A[0]!.set(A);
				batch.forward(0, W, bias, name, rows);
				const f = ACTIVATIONS[name];
				const Z = batch.Z[1]!.subarray(0, rows * m), out = batch.A[1]!.subarray(0, rows * m);
				expect(firstDifference(out, Z.map((z) => f.value(z)))).toBe(-1);
				// Back into layer 1: the product D[2]·W2 (through 'linear'), then with f′ applied.
				batch.D[2]!.set(D);
				batch.backwardInput(1, W2, 'linear', rows);
				const sums = Float64Array.from(batch.D[1]!.subarray(0, rows * m));
				batch.backwardInput(1, W2, name, rows);
				expect(firstDifference(batch.D[1]!.subarray(0, rows * m), sums.map((s, j) => s * f.derivative(Z[j]!, out[j]!)))).toBe(-1);
			});
		}
	});

}

describe('the JavaScript weight gradient guards its packed input', () => {
	it('refuses to run after another product has reused the packing buffer', () => {
		const [rows, n, m] = [8, 40, 36];
		useKernels('js');
		const batch = buffers([n, m], rows);
		batch.A[0]!.set(random(rows * n, 5));
		batch.D[1]!.set(random(rows * m, 6));
		const dW = new Float64Array(m * n);
		const dB = new Float64Array(m);
		batch.prepareGradients(0, rows, dW, dB);
		batch.weightGradRows(0, rows, 0, 12);
		batch.forward(0, random(m * n, 7), new Float64Array(m), 'relu', rows);
		expect(() => batch.weightGradRows(0, rows, 12, 12)).toThrow(/prepare/i);
	});
});
