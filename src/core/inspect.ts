/**
 * The backprop inspector: one training step of a small network, split into its phases with every
 * number filled in — forward (z and a at each unit, the prediction, the loss), backward (∂L/∂a,
 * f′(z), ∂L/∂z at each unit; ∂L/∂w on each edge) and update (each parameter's step and the
 * optimizer's state). The numbers are the core's own (see inspect-preview.ts); the result is plain
 * data, ready to cross the worker boundary.
 */
import type {ActivationName} from './activations.js';
import {multiplyDerivative} from './activation-kernels.js';
import {previewStep, type StepInput} from './inspect-preview.js';
import {jsBackwardInput} from './kernels-js.js';
import {computeLoss, type LossResult} from './loss.js';
import type {Network} from './network.js';
import type {OptimizerBuffer, OptimizerScalar} from './optim/state.js';
import type {OptimizerName} from './optim/optimizer.js';
import type {LossName} from './types.js';

/**
 * The inspector draws every unit and edge, so it takes networks of at most this many dense layers
 * with at most this many units in every layer (input and output included). Larger networks are
 * refused: the gradient and histogram views already summarise them layer by layer.
 */
export const INSPECT_MAX_LAYERS = 4;
export const INSPECT_MAX_UNITS = 4;

export interface BeforeAfter {
	readonly before: number;
	readonly after: number;
}

/** One parameter through the update phase. */
export interface ParamStep {
	readonly value: number;
	/** ∂L/∂p over the batch: the core's gradient. */
	readonly grad: number;
	/** The value after the optimizer's step. */
	readonly next: number;
	/** This parameter's entries of the optimizer's buffers, before and after the step. */
	readonly state: Readonly<Partial<Record<OptimizerBuffer, BeforeAfter>>>;
}

/** The weight on the edge from unit `from` of layer l to unit `to` of layer l + 1. */
export interface EdgeNumbers extends ParamStep {
	/**
	 * The focus example's term of ∂L/∂w = Σ_b ∂L/∂z_b · a_prev,b: ∂L/∂z of the unit above times a
	 * of the unit below (equal to `grad` for a batch of one).
	 */
	readonly term: number;
}

/** One unit, for the focus example. Layer 0 (the input) has only `a`. */
export interface UnitNumbers {
	/** Pre-activation Σ w·a_prev + b. */
	readonly z: number | null;
	/** Output f(z): the input value at layer 0, z itself at the linear output layer. */
	readonly a: number;
	/** ∂L/∂a = Σ_next w·∂L/∂z_next (at the output, ∂L/∂z from the loss). */
	readonly dLda: number | null;
	/** f′(z): 1 at the linear output layer. */
	readonly fPrime: number | null;
	/** ∂L/∂z = ∂L/∂a · f′(z). In a batch of B rows it carries the 1/B of the mean. */
	readonly dLdz: number | null;
	readonly bias: ParamStep | null;
}

/** The prediction and loss of the focus example. */
export interface OutputNumbers {
	/** The example's class; null for a regression (its targets are in `targets`). */
	readonly label: number | null;
	/** Whether the core's loss counts this example as correctly predicted (never, for a regression). */
	readonly correct: boolean;
	/** Cross-entropy: softmax(z) (inverted from ∂ℓ/∂z = p − onehot(label)); null for MSE. */
	readonly probabilities: readonly number[] | null;
	/** MSE: the targets t (inverted from ∂ℓ/∂z = 2(z − t)/K; a regression's own); null for cross-entropy. */
	readonly targets: readonly number[] | null;
	/** ℓ, this example's own loss; the batch loss L is the mean of ℓ over the rows. */
	readonly loss: number;
	/** ∂ℓ/∂z for this example alone (B times its ∂L/∂z). */
	readonly dldz: readonly number[];
}

export interface StepInspection {
	readonly kind: 'step';
	readonly layers: readonly number[];
	readonly activation: ActivationName;
	readonly lossName: LossName;
	/** Rows in the batch (B). */
	readonly rows: number;
	/** The batch row whose per-unit numbers are shown, and its index in the training set. */
	readonly focus: number;
	readonly example: number;
	/** units[l][k]: unit k of layer l (0 = input). */
	readonly units: readonly (readonly UnitNumbers[])[];
	/** edges[l][to][from]: the weight from unit `from` of layer l to unit `to` of layer l + 1 (nn.Linear's W[to][from]). */
	readonly edges: readonly (readonly (readonly EdgeNumbers[])[])[];
	readonly output: OutputNumbers;
	/** The batch's mean loss L. */
	readonly loss: number;
	/** The optimizer after the step: its count and the scalars the step used. */
	readonly optimizer: {
		readonly name: OptimizerName;
		readonly step: number | null;
		readonly scalars: Readonly<Partial<Record<OptimizerScalar, number>>>;
	};
}

export interface InspectionRefused {
	readonly kind: 'too-large';
	readonly layers: readonly number[];
	readonly maxLayers: number;
	readonly maxUnits: number;
}

export type Inspection = StepInspection | InspectionRefused;

/** The phases a view steps through, one per key press. Layers count from 1 (the first dense layer). */
export type InspectPhase = {readonly kind: 'forward'; readonly layer: number} | {readonly kind: 'loss'} | {readonly kind: 'backward'; readonly layer: number} | {readonly kind: 'update'};

/** Forward through each layer, the loss, backward from the output down to layer 1, the update. */
export function inspectPhases(depth: number): InspectPhase[] {
	const layers = Array.from({length: depth}, (_, k) => k + 1);
	return [
		...layers.map((layer) => ({kind: 'forward', layer}) as const),
		{kind: 'loss'},
		...layers.reverse().map((layer) => ({kind: 'backward', layer}) as const),
		{kind: 'update'},
	];
}

export function canInspect(layers: readonly number[]): boolean {
	return layers.length - 1 <= INSPECT_MAX_LAYERS && layers.every((size) => size <= INSPECT_MAX_UNITS);
}

/**
 * The step `input` describes, with the per-unit numbers of batch row `focus` (0 by default). For
 * one chosen example, pass a batch of that one row: the update is then the step that example alone
 * would cause, not the run's.
 */
export function inspectStep(input: StepInput, focus = 0): Inspection {
	const layers = input.network.layers;
	if (!canInspect(layers)) return {kind: 'too-large', layers: [...layers], maxLayers: INSPECT_MAX_LAYERS, maxUnits: INSPECT_MAX_UNITS};
	const rows = input.rows.length;
	if (!(Number.isInteger(focus) && focus >= 0 && focus < rows)) throw new Error(`focus row ${focus} is outside the batch of ${rows}`);
	const preview = previewStep(input);
	const net = preview.before;
	const depth = net.depth;
	const stateBefore = input.optimizer.state();
	const stateAfter = preview.optimizer.state();
	const param = (slot: number, index: number, value: number, grad: number, next: number): ParamStep => {
		const state: Partial<Record<OptimizerBuffer, BeforeAfter>> = {};
		for (const [name, buffers] of Object.entries(stateAfter.buffers) as [OptimizerBuffer, readonly Float64Array[]][]) {
			state[name] = {before: stateBefore.buffers[name]![slot]![index]!, after: buffers[slot]![index]!};
		}
		return {value, grad, next, state};
	};

	const units: UnitNumbers[][] = [];
	const edges: EdgeNumbers[][][] = [];
	const input0 = net.passBuffers(0).a;
	units.push(Array.from({length: layers[0]!}, (_, k) => ({z: null, a: input0[focus * layers[0]! + k]!, dLda: null, fPrime: null, dLdz: null, bias: null})));
	for (let l = 1; l <= depth; l++) {
		const n = layers[l - 1]!;
		const m = layers[l]!;
		const {z, a, d} = net.passBuffers(l);
		const aPrev = net.passBuffers(l - 1).a;
		const row = focus * m;
		const {dLda, fPrime} = l === depth ? {dLda: d.subarray(row, row + m), fPrime: new Float64Array(m).fill(1)} : hiddenFactors(net, l, rows, focus);
		const W = net.weights[l - 1]!;
		const b = net.biases[l - 1]!;
		const gW = net.gradW[l - 1]!;
		const gB = net.gradB[l - 1]!;
		const nextW = preview.after.weights[l - 1]!;
		const nextB = preview.after.biases[l - 1]!;
		units.push(
			Array.from({length: m}, (_, k) => ({
				z: z[row + k]!,
				a: l === depth ? z[row + k]! : a[row + k]!,
				dLda: dLda[k]!,
				fPrime: fPrime[k]!,
				dLdz: d[row + k]!,
				bias: param(2 * (l - 1) + 1, k, b[k]!, gB[k]!, nextB[k]!),
			})),
		);
		edges.push(
			Array.from({length: m}, (_, to) =>
				Array.from({length: n}, (_, from) => {
					const k = to * n + from;
					return {...param(2 * (l - 1), k, W[k]!, gW[k]!, nextW[k]!), term: d[row + to]! * aPrev[focus * n + from]!};
				}),
			),
		);
	}
	return {
		kind: 'step',
		layers: [...layers],
		activation: net.activation,
		lossName: input.loss,
		rows,
		focus,
		example: input.rows[focus]!,
		units,
		edges,
		output: outputNumbers(net, input.loss, preview.labels, focus),
		loss: preview.loss,
		optimizer: {name: stateAfter.name, step: stateAfter.step, scalars: {...stateAfter.scalars}},
	};
}

/**
 * ∂L/∂a and f′(z) of hidden layer l at the focus row, with the kernels the backward pass uses:
 * ∂L/∂a = Wᵀ·∂L/∂z_above (the step before the derivative is multiplied in), and f′ as that
 * multiplication applied to ones, so ∂L/∂a · f′(z) is exactly the backward pass's ∂L/∂z.
 */
function hiddenFactors(net: Network, l: number, rows: number, focus: number): {dLda: Float64Array; fPrime: Float64Array} {
	const n = net.layers[l]!;
	const m = net.layers[l + 1]!;
	const below = new Float64Array(rows * n);
	// The JavaScript kernel gives the same bits as whichever kernel the backward pass ran on.
	jsBackwardInput(net.passBuffers(l + 1).d, net.weights[l]!, below, rows, n, m);
	const {z, a} = net.passBuffers(l);
	const fPrime = new Float64Array(n).fill(1);
	multiplyDerivative(net.activation, fPrime, 0, n, z.subarray(focus * n), a.subarray(focus * n), fPrime, 1, n);
	return {dLda: below.subarray(focus * n, (focus + 1) * n), fPrime};
}

/** The focus example's loss and ∂ℓ/∂z, from the loss run on that one row. */
function outputNumbers(net: Network, loss: LossName, labels: Int32Array | Float64Array, focus: number): OutputNumbers {
	const k = net.layers[net.depth]!;
	const z = net.passBuffers(net.depth).z.subarray(focus * k, (focus + 1) * k);
	const dldz = new Float64Array(k);
	const result: LossResult = {loss: 0, correct: 0};
	// A class label, or a regression's k targets.
	const own = labels instanceof Int32Array ? labels.subarray(focus, focus + 1) : labels.subarray(focus * k, (focus + 1) * k);
	computeLoss(loss, z, own, 1, k, dldz, result);
	const label = labels instanceof Int32Array ? labels[focus]! : null;
	const crossEntropy = loss === 'cross-entropy';
	return {
		label,
		correct: label !== null && result.correct === 1,
		probabilities: crossEntropy ? Array.from(dldz, (g, j) => g + (j === label ? 1 : 0)) : null,
		targets: crossEntropy ? null : label === null ? Array.from(own) : Array.from(dldz, (g, j) => z[j]! - (k / 2) * g),
		loss: result.loss,
		dldz: Array.from(dldz),
	};
}
