/**
 * Read-only looks inside a network for the teaching views: its predicted class over a grid of the
 * input plane (the decision boundary) or for rows of a data set (and their confusion matrix), its predicted value along a line or over the plane (the
 * fit of a regression), and its weight gradients binned by magnitude.
 */
import type {Network} from './network.js';

export interface PlaneBounds {
	readonly xMin: number;
	readonly xMax: number;
	readonly yMin: number;
	readonly yMax: number;
}

/** Marks a grid cell whose logits were not finite (a diverged network predicts nothing). */
export const NO_CLASS = 255;

/** The data's extent plus a margin, so the points sit inside the picture. */
export function planeBounds(x: Float64Array, n: number, margin = 0.1): PlaneBounds {
	let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
	for (let k = 0; k < n; k++) {
		const a = x[2 * k]!;
		const b = x[2 * k + 1]!;
		if (a < xMin) xMin = a;
		if (a > xMax) xMax = a;
		if (b < yMin) yMin = b;
		if (b > yMax) yMax = b;
	}
	if (!(xMax > xMin)) [xMin, xMax] = [xMin - 1, xMin + 1];
	if (!(yMax > yMin)) [yMin, yMax] = [yMin - 1, yMin + 1];
	const dx = (xMax - xMin) * margin;
	const dy = (yMax - yMin) * margin;
	return {xMin: xMin - dx, xMax: xMax + dx, yMin: yMin - dy, yMax: yMax + dy};
}

/** `bounds` widened on its shorter side to a square around the same centre (so circles stay round). */
export function squareBounds(bounds: PlaneBounds): PlaneBounds {
	const half = Math.max(bounds.xMax - bounds.xMin, bounds.yMax - bounds.yMin) / 2;
	const cx = (bounds.xMin + bounds.xMax) / 2;
	const cy = (bounds.yMin + bounds.yMax) / 2;
	return {xMin: cx - half, xMax: cx + half, yMin: cy - half, yMax: cy + half};
}

/** The smallest bounds holding both. */
export function unionBounds(a: PlaneBounds, b: PlaneBounds): PlaneBounds {
	return {xMin: Math.min(a.xMin, b.xMin), xMax: Math.max(a.xMax, b.xMax), yMin: Math.min(a.yMin, b.yMin), yMax: Math.max(a.yMax, b.yMax)};
}

/**
 * The network's outputs for the first `n` rows of `x` (row-major, the network's input width),
 * `chunk` rows a pass: `use` gets each pass's outputs (`k` a row) from row `start` on.
 */
function forwardRows(net: Network, x: Float64Array, n: number, chunk: number, use: (outputs: Float64Array, start: number, rows: number, k: number) => void): void {
	const k = net.layers[net.depth]!;
	for (let start = 0; start < n; start += chunk) {
		const rows = Math.min(chunk, n - start);
		use(net.forward(x, null, start, rows, false), start, rows, k);
	}
}

/**
 * The network's outputs at the centre of each cell of a width × height grid over `bounds`, row 0
 * at the top (largest y), as forwardRows gives them. `scratch` holds the grid's inputs (2·width·height).
 */
function forwardCells(net: Network, bounds: PlaneBounds, width: number, height: number, scratch: Float64Array, chunk: number, use: (outputs: Float64Array, start: number, rows: number, k: number) => void): void {
	for (let r = 0; r < height; r++) {
		const y = bounds.yMax - ((r + 0.5) / height) * (bounds.yMax - bounds.yMin);
		for (let c = 0; c < width; c++) {
			const at = 2 * (r * width + c);
			scratch[at] = bounds.xMin + ((c + 0.5) / width) * (bounds.xMax - bounds.xMin);
			scratch[at + 1] = y;
		}
	}
	forwardRows(net, scratch, width * height, chunk, use);
}

/**
 * Into `out` from `start`: each of `rows` rows' class, the largest of its `k` logits, or for a
 * single output (MSE on two classes) class 1 above 0.5; NO_CLASS where a logit is not finite.
 */
function classesInto(out: Uint8Array, logits: Float64Array, start: number, rows: number, k: number): void {
	for (let b = 0; b < rows; b++) {
		let arg = 0;
		let finite = true;
		for (let j = 0; j < k; j++) {
			const v = logits[b * k + j]!;
			if (!Number.isFinite(v)) finite = false;
			else if (k > 1 && v > logits[b * k + arg]!) arg = j;
		}
		if (k === 1) arg = logits[b]! > 0.5 ? 1 : 0;
		out[start + b] = finite ? arg : NO_CLASS;
	}
}

/**
 * The predicted class at the centre of each cell of a width × height grid over `bounds`, row 0 at
 * the top (largest y); NO_CLASS where a logit is not finite. `scratch` holds the grid's inputs
 * (2·width·height) and is reused by callers. A single-output network (MSE on two classes) predicts
 * class 1 above 0.5.
 */
export function predictPlane(net: Network, bounds: PlaneBounds, width: number, height: number, out: Uint8Array, scratch: Float64Array, chunk = 256): void {
	forwardCells(net, bounds, width, height, scratch, chunk, (logits, start, rows, k) => classesInto(out, logits, start, rows, k));
}

/** The predicted class of each of the first `n` rows of `x` (row-major, the network's input width), as predictPlane's cells. */
export function predictRows(net: Network, x: Float64Array, n: number, out: Uint8Array, chunk = 256): void {
	forwardRows(net, x, n, chunk, (logits, start, rows, k) => classesInto(out, logits, start, rows, k));
}

/**
 * Counts of (true class, predicted class): row t, column p holds the rows of class t predicted
 * as p, at t · classes + p. Rows predicted as NO_CLASS (or beyond `classes`) are left out.
 */
export function confusionMatrix(predicted: Uint8Array, labels: Int32Array, n: number, classes: number): Uint32Array {
	const out = new Uint32Array(classes * classes);
	for (let r = 0; r < n; r++) {
		const t = labels[r]!;
		const p = predicted[r]!;
		if (t >= 0 && t < classes && p < classes) out[t * classes + p] = out[t * classes + p]! + 1;
	}
	return out;
}

/** The x of each of `count` evenly spaced points from `min` to `max` (both ends included). */
function along(min: number, max: number, count: number, k: number): number {
	return count === 1 ? (min + max) / 2 : min + (k / (count - 1)) * (max - min);
}

/**
 * A 1-D regression network's first output at `count` evenly spaced inputs from `min` to `max`
 * (both ends included): the curve a fit view draws over the data points. Non-finite outputs
 * stay as they are (the view leaves them out).
 */
export function predictCurve(net: Network, min: number, max: number, count: number, out: Float64Array, chunk = 256): void {
	const k = net.layers[net.depth]!;
	const inputs = new Float64Array(chunk);
	for (let start = 0; start < count; start += chunk) {
		const rows = Math.min(chunk, count - start);
		for (let b = 0; b < rows; b++) inputs[b] = along(min, max, count, start + b);
		const outputs = net.forward(inputs, null, 0, rows, false);
		for (let b = 0; b < rows; b++) out[start + b] = outputs[b * k]!;
	}
}

/**
 * A 2-D regression network's first output at the centre of each cell of a width × height grid
 * over `bounds`, row 0 at the top (the cells of predictPlane): the shaded map of a fit view.
 * `scratch` holds the grid's inputs (2·width·height).
 */
export function predictValues(net: Network, bounds: PlaneBounds, width: number, height: number, out: Float32Array, scratch: Float64Array, chunk = 256): void {
	forwardCells(net, bounds, width, height, scratch, chunk, (outputs, start, rows, k) => {
		for (let b = 0; b < rows; b++) out[start + b] = outputs[b * k]!;
	});
}

/** Decades covered by the gradient histogram: 1e-12 … 1e2, two bins per decade. */
export const HISTOGRAM_MIN_EXPONENT = -12;
export const HISTOGRAM_MAX_EXPONENT = 2;
export const HISTOGRAM_BINS_PER_DECADE = 2;
export const HISTOGRAM_BINS = (HISTOGRAM_MAX_EXPONENT - HISTOGRAM_MIN_EXPONENT) * HISTOGRAM_BINS_PER_DECADE;

/**
 * Counts of |∂L/∂W| per layer by log-magnitude: bin 0 also takes everything smaller (exact zeros
 * included), the last bin everything larger; non-finite values are left out.
 */
export function gradientHistograms(net: Network): number[][] {
	return net.gradW.map((g) => {
		const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
		for (let k = 0; k < g.length; k++) {
			const v = Math.abs(g[k]!);
			if (!Number.isFinite(v)) continue;
			const bin = v === 0 ? 0 : Math.floor((Math.log10(v) - HISTOGRAM_MIN_EXPONENT) * HISTOGRAM_BINS_PER_DECADE);
			counts[Math.min(HISTOGRAM_BINS - 1, Math.max(0, bin))]!++;
		}
		return counts;
	});
}
