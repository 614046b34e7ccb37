/**
 * One training step, previewed on copies: the step inspector and the loss slices look at the
 * step a run is about to take without changing it. Every number comes from the trainer's own
 * path (the network's forward and backward, the loss, the optimizer's update), run on a copy of
 * the network and a copy of the optimizer.
 */
import {computeLoss, type LossResult} from './loss.js';
import {Network} from './network.js';
import {cloneOptimizer} from './optim/state.js';
import type {Optimizer} from './optim/optimizer.js';
import type {Dataset, LossName} from './types.js';

/**
 * The step to look at: what `Trainer.nextStep()` returns (or one chosen example of the set). The
 * network and optimizer are the run's own, so a look is valid until the run's next step.
 */
export interface StepInput {
	readonly network: Network;
	readonly optimizer: Optimizer;
	readonly loss: LossName;
	readonly set: Dataset;
	/** Rows of `set`, in batch order; the loss is their mean. */
	readonly rows: Uint32Array;
}

export interface StepPreview {
	/** A copy at the current parameters after forward, loss and backward: gradients and pass buffers filled. */
	readonly before: Network;
	/** A copy after the optimizer's step (unchanged when the loss is not finite: the trainer would not step). */
	readonly after: Network;
	/** A copy of the optimizer that took the step (its state is the state after it). */
	readonly optimizer: Optimizer;
	/** Mean loss on the batch before the step. */
	readonly loss: number;
	/** The batch's labels (or, for a regression, its targets: rows × outputs), in batch order. */
	readonly labels: Int32Array | Float64Array;
}

/** A network with the same parameters and buffers of its own. */
export function copyNetwork(net: Network): Network {
	const copy = new Network({layers: net.layers, activation: net.activation});
	copy.weights.forEach((w, l) => w.set(net.weights[l]!));
	copy.biases.forEach((b, l) => b.set(net.biases[l]!));
	return copy;
}

/** The labels (or a regression's targets, rows × outputs) of `input.rows`, in batch order. */
export function batchLabels(input: StepInput): Int32Array | Float64Array {
	const set = input.set;
	if (set.task === 'classification') return Int32Array.from(input.rows, (row) => set.y[row]!);
	const k = set.outputs;
	const targets = new Float64Array(input.rows.length * k);
	input.rows.forEach((row, b) => targets.set(set.y.subarray(row * k, (row + 1) * k), b * k));
	return targets;
}

/**
 * The mean loss of `net` on the batch, as the trainer computes it (forward over the rows, then the
 * loss); leaves ∂L/∂logits in `net.outputGradient()`, ready for `backward`.
 */
export function batchLoss(net: Network, input: StepInput, labels: Int32Array | Float64Array, out: LossResult = {loss: 0, correct: 0}): number {
	const rows = input.rows.length;
	const logits = net.forward(input.set.x, input.rows, 0, rows, false);
	computeLoss(input.loss, logits, labels, rows, net.layers[net.depth]!, net.outputGradient(), out);
	return out.loss;
}

/** The step `input` describes, taken on copies: the network and optimizer in `input` are not touched. */
export function previewStep(input: StepInput): StepPreview {
	const rows = input.rows.length;
	if (rows === 0) throw new Error('a step needs at least one row');
	const labels = batchLabels(input);
	const before = copyNetwork(input.network);
	const loss = batchLoss(before, input, labels);
	before.backward(rows, null);
	const after = copyNetwork(input.network);
	const optimizer = cloneOptimizer(input.optimizer);
	if (Number.isFinite(loss)) {
		// Exactly Trainer.advance: forward and loss, then the backward pass with the update fused in.
		batchLoss(after, input, labels);
		optimizer.beginStep();
		after.backward(rows, optimizer);
	}
	return {before, after, optimizer, loss, labels};
}
