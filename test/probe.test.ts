import {describe, expect, test} from 'vitest';
import {Network} from '../src/core/network.js';
import {
	HISTOGRAM_BINS,
	HISTOGRAM_BINS_PER_DECADE,
	HISTOGRAM_MAX_EXPONENT,
	HISTOGRAM_MIN_EXPONENT,
	NO_CLASS,
	type PlaneBounds,
	confusionMatrix,
	gradientHistograms,
	planeBounds,
	predictPlane,
	predictRows,
	squareBounds,
	unionBounds,
} from '../src/core/probe.js';

const square: PlaneBounds = {xMin: -1, xMax: 1, yMin: -1, yMax: 1};

/** A network with the given layer sizes and hand-set parameters. */
function net(layers: number[], activation: 'linear' | 'relu', params: {W: number[][]; b: number[]}[]): Network {
	const n = new Network({layers, activation});
	n.setParameters(params);
	return n;
}

/** predictPlane over a width × height grid, as rows of classes. */
function classes(network: Network, width: number, height: number, bounds = square, chunk?: number): number[][] {
	const out = new Uint8Array(width * height);
	predictPlane(network, bounds, width, height, out, new Float64Array(2 * width * height), chunk);
	return Array.from({length: height}, (_, r) => Array.from(out.subarray(r * width, (r + 1) * width)));
}

/** Cell centres of the same grid, row 0 at the top. */
const centre = (c: number, r: number, w: number, h: number, b = square) => [b.xMin + ((c + 0.5) / w) * (b.xMax - b.xMin), b.yMax - ((r + 0.5) / h) * (b.yMax - b.yMin)] as const;

describe('planeBounds and friends', () => {
	test('the data extent plus a margin', () => {
		expect(planeBounds(Float64Array.of(0, 0, 1, 2), 2)).toEqual({xMin: -0.1, xMax: 1.1, yMin: -0.2, yMax: 2.2});
	});
	test('a single point gets a window around it', () => {
		const b = planeBounds(Float64Array.of(3, 4), 1, 0);
		expect(b).toEqual({xMin: 2, xMax: 4, yMin: 3, yMax: 5});
	});
	test('squareBounds widens the short side about the centre; unionBounds holds both', () => {
		expect(squareBounds({xMin: 0, xMax: 4, yMin: 1, yMax: 3})).toEqual({xMin: 0, xMax: 4, yMin: 0, yMax: 4});
		expect(unionBounds({xMin: 0, xMax: 1, yMin: 0, yMax: 1}, {xMin: -1, xMax: 0.5, yMin: 0.5, yMax: 2})).toEqual({xMin: -1, xMax: 1, yMin: 0, yMax: 2});
	});
});

describe('predictPlane', () => {
	test('a hand-set linear network: class 1 where y > x, row 0 at the top', () => {
		const identity = net([2, 2], 'linear', [{W: [[1, 0], [0, 1]], b: [0, 0]}]);
		const grid = classes(identity, 4, 4);
		grid.forEach((row, r) =>
			row.forEach((cls, c) => {
				const [x, y] = centre(c, r, 4, 4);
				expect(cls).toBe(y > x ? 1 : 0);
			}),
		);
		expect(grid[0]).toEqual([1, 1, 1, 0]); // top row: y = 0.75
		expect(grid[3]).toEqual([0, 0, 0, 0]); // bottom row: y = −0.75, never above x
	});

	test('the same classes whatever the chunk size, on a rectangular grid', () => {
		const identity = net([2, 2], 'linear', [{W: [[1, 0], [0, 1]], b: [0, 0]}]);
		expect(classes(identity, 5, 3, square, 2)).toEqual(classes(identity, 5, 3));
	});

	test('a hidden relu layer: ties (both units dead) go to class 0', () => {
		const relu = net([2, 2, 2], 'relu', [
			{W: [[1, 0], [0, 1]], b: [0, 0]},
			{W: [[1, 0], [0, 1]], b: [0, 0]},
		]);
		const grid = classes(relu, 4, 4);
		grid.forEach((row, r) =>
			row.forEach((cls, c) => {
				const [x, y] = centre(c, r, 4, 4);
				expect(cls).toBe(Math.max(0, y) > Math.max(0, x) ? 1 : 0);
			}),
		);
		expect(grid[3]![0]).toBe(0); // x, y < 0: both logits 0
	});

	test('a single output (MSE on two classes) predicts class 1 above 0.5', () => {
		const single = net([2, 1], 'linear', [{W: [[1, 0]], b: [0.5]}]);
		expect(classes(single, 4, 2)).toEqual([
			[0, 0, 1, 1],
			[0, 0, 1, 1],
		]);
	});

	test('non-finite logits give NO_CLASS (a diverged network predicts nothing)', () => {
		const broken = net([2, 2], 'linear', [{W: [[Number.NaN, 0], [0, 1]], b: [0, 0]}]);
		expect(classes(broken, 3, 2).flat()).toEqual(Array(6).fill(NO_CLASS));
	});
});

describe('predictRows and confusionMatrix', () => {
	test("each row's class from its logits, in any chunk; the counts of (true, predicted)", () => {
		// Three outputs: x, y and 0.5 − x − y; the largest wins.
		const three = net([2, 3], 'linear', [{W: [[1, 0], [0, 1], [-1, -1]], b: [0, 0, 0.5]}]);
		const x = Float64Array.from([2, 0, 0, 2, -1, -1, 1, 0.5, 0, 0]);
		for (const chunk of [1, 2, 256]) {
			const out = new Uint8Array(5);
			predictRows(three, x, 5, out, chunk);
			expect(Array.from(out)).toEqual([0, 1, 2, 0, 2]); // the last: 0, 0, 0.5
		}
		const predicted = Uint8Array.from([0, 1, 2, 0, 2, NO_CLASS]);
		const labels = Int32Array.from([0, 1, 1, 2, 2, 0]);
		// Rows true, columns predicted; the row predicted as nothing is left out.
		expect(Array.from(confusionMatrix(predicted, labels, 6, 3))).toEqual([1, 0, 0, 0, 1, 1, 1, 0, 1]);
	});
});

describe('gradientHistograms', () => {
	test('two bins per decade from 1e-12 to 1e2', () => {
		expect(HISTOGRAM_BINS).toBe((HISTOGRAM_MAX_EXPONENT - HISTOGRAM_MIN_EXPONENT) * HISTOGRAM_BINS_PER_DECADE);
		expect(HISTOGRAM_BINS).toBe(28);
	});

	test('bins by |g|: zeros and tiny values in the first bin, huge in the last, non-finite left out', () => {
		const n = new Network({layers: [2, 4, 2], activation: 'tanh'});
		n.gradW[0]!.set([0, -1e-13, 3.2e-12, 5, -1e5, Number.NaN, Number.POSITIVE_INFINITY, 2e-7]);
		n.gradW[1]!.fill(0.3);
		const [first, second] = gradientHistograms(n);
		expect(first).toHaveLength(HISTOGRAM_BINS);
		const expected = new Array<number>(HISTOGRAM_BINS).fill(0);
		expected[0] = 2; // 0 and 1e-13
		expected[1] = 1; // 3.2e-12: log10 = −11.49 → (0.51) × 2
		expected[10] = 1; // 2e-7: log10 = −6.70 → (5.30) × 2
		expected[25] = 1; // 5: log10 = 0.70 → (12.70) × 2
		expected[27] = 1; // 1e5 is past 1e2
		expect(first).toEqual(expected);
		// 0.3: log10 = −0.52 → (11.48) × 2 = bin 22, all eight weights.
		expect(second![22]).toBe(8);
		expect(second!.reduce((a, b) => a + b, 0)).toBe(8);
	});
});
