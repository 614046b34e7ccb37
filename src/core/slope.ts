/**
 * The slope gradient descent follows: the loss along a line through the current parameters,
 * sampled, with its tangent and where the optimizer's next step lands.
 *
 * The line is either one weight moving with every other parameter held (x is that weight's value),
 * or the whole network moving along a direction (x is the distance α along it):
 * - 'gradient': d = −g/‖g‖, the unit steepest-descent direction, so the slope at α = 0 is −‖g‖ and
 *   plain SGD's step lands on the line at α = lr·‖g‖;
 * - 'random': a seeded Gaussian direction, filter-normalised as in Li et al. 2018 ("Visualizing
 *   the loss landscape of neural nets"): each unit's incoming weights are scaled to the norm of
 *   that unit's weights, biases are not moved. α = 1 then moves every unit by its own size, so
 *   slices of networks at different weight scales compare.
 *
 * The loss is the mean over the batch the next step uses (the whole training set in a full-batch
 * run), because that is the function the step descends: the tangent is then exactly the gradient
 * the optimizer receives, and SGD's step is exactly −lr times the slope drawn. (On the whole set,
 * a mini-batch step would not follow the drawn slope, and the picture would teach the wrong rule;
 * a mini-batch curve jitters from step to step, which is SGD's noise, seen.)
 */
import {batchLoss, previewStep, type StepInput} from './inspect-preview.js';
import type {Network} from './network.js';
import {createRng} from './rng.js';

/** Samples per curve (odd: the current point is one of them). */
export const SLOPE_POINTS = 41;
/** The curve spans at least x0 ± this, and always the step's landing point with a margin. */
export const SLOPE_HALF_WIDTH = 1;
/** Room beyond the step's landing point, as a multiple of the step. */
const STEP_MARGIN = 1.25;

/** One parameter: the weight from unit `from` of layer `layer` to unit `to` of the next, or (from null) the bias of `to`. Layers count from 0. */
export interface ParamRef {
	readonly layer: number;
	readonly to: number;
	readonly from: number | null;
}

/** The lines a slice can follow, in the order the slope view's `g` goes round them. */
export const SLICE_MODES = ['weight', 'gradient', 'random'] as const;
export type SliceMode = (typeof SLICE_MODES)[number];

export interface SliceRequest {
	readonly mode: SliceMode;
	/** 'weight': the parameter to move; by default the weight with the largest |∂L/∂w|. */
	readonly param?: ParamRef;
	/** 'random': the seed of the direction (the same seed gives the same direction). */
	readonly seed?: number;
	/** Samples on the curve (odd, ≥ 3; default SLOPE_POINTS). */
	readonly points?: number;
	/** Half the x range; by default SLOPE_HALF_WIDTH, widened to show the step's landing point. */
	readonly halfWidth?: number;
}

/** Where the optimizer's next step goes, seen on the line. */
export interface SliceStep {
	/** The step's landing point on the x axis: the weight's new value, or the step's projection α on the direction. */
	readonly x: number;
	/** The curve's loss at x (the other parameters held on the line). */
	readonly lossOnCurve: number;
	/** The batch loss after the whole step (every parameter moved). */
	readonly lossAfter: number;
	/** How far the step leaves the line: the norm of its part off the line (0 for plain SGD along the gradient). */
	readonly offLine: number;
}

export interface LossSlice {
	readonly mode: SliceMode;
	/** The moved parameter ('weight' mode), else null. */
	readonly param: ParamRef | null;
	/** Rows in the batch the loss is averaged over. */
	readonly rows: number;
	/** The sampled curve: x and the batch loss there. */
	readonly xs: readonly number[];
	readonly losses: readonly number[];
	/** The current point. */
	readonly x0: number;
	readonly loss0: number;
	/** dL/dx at x0 from the core's backward pass: ∂L/∂w, or g·d along a direction. The curve's exact slope there. */
	readonly slope: number;
	readonly step: SliceStep;
}

/**
 * Network forward passes one slice costs: the step preview (two forwards and two backwards, a
 * backward costing about two forwards), the curve, and the two step losses. Measured
 * (`npm run bench:slope`, 41 points): 0.4–2 ms on the small lesson networks at batch 32, 6–32 ms
 * on ten layers of 16, eight of 32, the digits and full batches of 320 rows — so a worker keeping
 * slices within 10% of its time takes one every 250–320 ms, or fewer points.
 */
export function sliceForwardPasses(points = SLOPE_POINTS): number {
	return points + 8;
}

/** Floating-point operations of one slice of `rows` rows through `layers` (2 per multiply-add of the dense layers). */
export function sliceFlops(layers: readonly number[], rows: number, points = SLOPE_POINTS): number {
	let macs = 0;
	for (let l = 0; l + 1 < layers.length; l++) macs += layers[l]! * layers[l + 1]!;
	return 2 * macs * rows * sliceForwardPasses(points);
}

/** The weight with the largest |∂L/∂w| in `net`'s last backward pass (the first of equals). */
export function steepestWeight(net: Network): ParamRef {
	let best: ParamRef = {layer: 0, to: 0, from: 0};
	let largest = -1;
	net.gradW.forEach((g, layer) => {
		const n = net.layers[layer]!;
		for (let k = 0; k < g.length; k++) {
			const size = Math.abs(g[k]!);
			if (size > largest) {
				largest = size;
				best = {layer, to: Math.floor(k / n), from: k % n};
			}
		}
	});
	return best;
}

/** The loss along a line through the parameters of the step `input` describes; nothing in `input` changes. */
export function lossSlice(input: StepInput, request: SliceRequest): LossSlice {
	const points = request.points ?? SLOPE_POINTS;
	if (!(Number.isInteger(points) && points >= 3 && points % 2 === 1)) throw new Error(`a slice needs an odd number of points ≥ 3, got ${points}`);
	const preview = previewStep(input);
	const {before, after, labels} = preview;
	const base = slots(input.network);
	const grads = before.gradW.flatMap((g, l) => [g, before.gradB[l]!]);
	const param = request.mode === 'weight' ? checkParam(input.network, request.param ?? steepestWeight(before)) : null;
	const direction = param ? unitDirection(input.network, param) : request.mode === 'gradient' ? descentDirection(grads) : filterNormalisedDirection(input.network, request.seed ?? 0);
	const x0 = param ? base[slotOf(param)]![indexOf(input.network, param)]! : 0;

	// The copy that took the backward pass moves along the line; its gradients stay as they were.
	const work = before;
	const target = slots(work);
	const lossAt = (t: number): number => {
		target.forEach((p, s) => {
			const b = base[s]!;
			const d = direction[s]!;
			for (let k = 0; k < p.length; k++) p[k] = b[k]! + t * d[k]!;
		});
		return batchLoss(work, input, labels);
	};

	// The step, split into its part along the line and the rest.
	const moved = slots(after).map((p, s) => p.map((v, k) => v - base[s]![k]!));
	const along = dot(moved, direction) / dot(direction, direction) || 0;
	const offLine = Math.sqrt(moved.reduce((sum, m, s) => sum + m.reduce((acc, v, k) => acc + (v - along * direction[s]![k]!) ** 2, 0), 0));
	const halfWidth = request.halfWidth ?? Math.max(SLOPE_HALF_WIDTH, STEP_MARGIN * Math.abs(along));
	if (!(halfWidth > 0 && Number.isFinite(halfWidth))) throw new Error(`a slice needs a finite half width > 0, got ${halfWidth}`);

	const offsets = Array.from({length: points}, (_, k) => (-1 + (2 * k) / (points - 1)) * halfWidth);
	return {
		mode: request.mode,
		param,
		rows: input.rows.length,
		xs: offsets.map((t) => x0 + t),
		losses: offsets.map(lossAt),
		x0,
		loss0: preview.loss,
		slope: dot(grads, direction),
		step: {x: x0 + along, lossOnCurve: lossAt(along), lossAfter: batchLoss(after, input, labels), offLine},
	};
}

/** The parameters as the optimizer's slots: W₁, b₁, W₂, b₂, … (live arrays). */
function slots(net: Network): Float64Array[] {
	return net.weights.flatMap((w, l) => [w, net.biases[l]!]);
}

function slotOf(param: ParamRef): number {
	return 2 * param.layer + (param.from === null ? 1 : 0);
}

function indexOf(net: Network, param: ParamRef): number {
	return param.from === null ? param.to : param.to * net.layers[param.layer]! + param.from;
}

function checkParam(net: Network, param: ParamRef): ParamRef {
	const {layer, to, from} = param;
	const inRange = (v: number, size: number | undefined) => Number.isInteger(v) && v >= 0 && size !== undefined && v < size;
	if (!inRange(layer, net.depth) || !inRange(to, net.layers[layer + 1]) || (from !== null && !inRange(from, net.layers[layer]))) {
		throw new Error(`no parameter ${from === null ? `b[${layer}][${to}]` : `W[${layer}][${to}][${from}]`} in a ${net.layers.join('-')} network`);
	}
	return param;
}

function dot(a: readonly Float64Array[], b: readonly Float64Array[]): number {
	let sum = 0;
	a.forEach((x, s) => {
		const y = b[s]!;
		for (let k = 0; k < x.length; k++) sum += x[k]! * y[k]!;
	});
	return sum;
}

/** 1 at the parameter, 0 elsewhere. */
function unitDirection(net: Network, param: ParamRef): Float64Array[] {
	const direction = slots(net).map((p) => new Float64Array(p.length));
	direction[slotOf(param)]![indexOf(net, param)] = 1;
	return direction;
}

/** −g/‖g‖ (zero when the gradient is). */
function descentDirection(grads: readonly Float64Array[]): Float64Array[] {
	const norm = Math.sqrt(dot(grads, grads));
	return grads.map((g) => g.map((v) => (norm > 0 ? -v / norm : 0)));
}

/** A seeded Gaussian direction over the weights, each unit's row scaled to the norm of that unit's weights; zero on the biases. */
export function filterNormalisedDirection(net: Network, seed: number): Float64Array[] {
	const rng = createRng(seed);
	return net.weights.flatMap((w, l) => {
		const n = net.layers[l]!;
		const d = w.map(() => rng.normal());
		for (let start = 0; start < w.length; start += n) {
			const row = d.subarray(start, start + n);
			const scale = norm(w.subarray(start, start + n)) / norm(row);
			for (let k = 0; k < n; k++) row[k] = row[k]! * scale;
		}
		return [d, new Float64Array(net.biases[l]!.length)];
	});
}

function norm(v: Float64Array): number {
	let sum = 0;
	for (let k = 0; k < v.length; k++) sum += v[k]! * v[k]!;
	return Math.sqrt(sum);
}
