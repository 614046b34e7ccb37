/**
 * Losses on a batch of logits. Each returns the batch's mean loss and the number of correct
 * predictions, and writes ∂(mean loss)/∂logits into D, ready for the backward pass.
 */
import type {LossName} from './types.js';

export interface LossResult {
	loss: number;
	correct: number;
}

/**
 * Softmax cross-entropy, mean over rows: L = −(1/B) Σ_b log softmax(z_b)[y_b].
 * Stable: subtracts each row's max before exp. ∂L/∂z = (softmax(z) − onehot(y)) / B.
 */
function crossEntropy(Z: Float64Array, y: Int32Array, rows: number, k: number, D: Float64Array, out: LossResult): void {
	let total = 0;
	let correct = 0;
	const inv = 1 / rows;
	for (let b = 0; b < rows; b++) {
		const r = b * k;
		let max = Z[r]!;
		let arg = 0;
		for (let j = 1; j < k; j++) {
			const v = Z[r + j]!;
			if (v > max) {
				max = v;
				arg = j;
			}
		}
		let sum = 0;
		for (let j = 0; j < k; j++) {
			const e = Math.exp(Z[r + j]! - max);
			D[r + j] = e;
			sum += e;
		}
		const label = y[b]!;
		total += Math.log(sum) - (Z[r + label]! - max);
		if (arg === label) correct++;
		const scale = inv / sum;
		for (let j = 0; j < k; j++) D[r + j] = D[r + j]! * scale;
		D[r + label] = D[r + label]! - inv;
	}
	out.loss = total * inv;
	out.correct = correct;
}

/**
 * Mean squared error over all rows × outputs: L = (1/(B·K)) Σ (z − t)², t the one-hot label
 * (or the label itself when there is a single output). ∂L/∂z = 2(z − t)/(B·K).
 */
function meanSquared(Z: Float64Array, y: Int32Array, rows: number, k: number, D: Float64Array, out: LossResult): void {
	let total = 0;
	let correct = 0;
	const scale = 2 / (rows * k);
	for (let b = 0; b < rows; b++) {
		const r = b * k;
		const label = y[b]!;
		let arg = 0;
		for (let j = 0; j < k; j++) {
			const target = k === 1 ? label : j === label ? 1 : 0;
			const diff = Z[r + j]! - target;
			total += diff * diff;
			D[r + j] = scale * diff;
			if (Z[r + j]! > Z[r + arg]!) arg = j;
		}
		const predicted = k === 1 ? (Z[r]! > 0.5 ? 1 : 0) : arg;
		if (predicted === label) correct++;
	}
	out.loss = total / (rows * k);
	out.correct = correct;
}

export function computeLoss(name: LossName, Z: Float64Array, y: Int32Array, rows: number, k: number, D: Float64Array, out: LossResult): void {
	if (name === 'cross-entropy') crossEntropy(Z, y, rows, k, D, out);
	else meanSquared(Z, y, rows, k, D, out);
}
