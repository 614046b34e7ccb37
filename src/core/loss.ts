/**
 * Losses on a batch of network outputs. Each returns the batch's mean loss (and, for labels, the
 * number of correct predictions) and writes ∂(mean loss)/∂outputs into D, ready for the backward
 * pass. R² is the regression's score, as accuracy is classification's.
 */
import type {LossName, Task} from './types.js';

export interface LossResult {
	loss: number;
	/** Classification: correct predictions in the batch (0 for regression). */
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

/** Why `loss` cannot train on this task, or null when it can. */
export function lossMismatch(task: Task, loss: LossName): string | null {
	if (task === 'regression' && loss === 'cross-entropy') return 'cross-entropy needs class labels; a regression set takes mse or mae';
	if (task === 'classification' && loss === 'mae') return 'mae is a regression loss; classification takes cross-entropy or mse';
	return null;
}

/**
 * The loss of a batch against its labels (an Int32Array of class indices) or its targets (a
 * Float64Array of rows × k real values): the one entry the trainer and the step inspector share.
 */
export function computeLoss(name: LossName, Z: Float64Array, y: Int32Array | Float64Array, rows: number, k: number, D: Float64Array, out: LossResult): void {
	if (y instanceof Int32Array) classificationLoss(name, Z, y, rows, k, D, out);
	else regressionLoss(name, Z, y, rows, k, D, out);
}

/** A loss against class labels: cross-entropy or MSE (mae is refused by the trainer before this). */
export function classificationLoss(name: LossName, Z: Float64Array, y: Int32Array, rows: number, k: number, D: Float64Array, out: LossResult): void {
	if (name === 'cross-entropy') crossEntropy(Z, y, rows, k, D, out);
	else meanSquared(Z, y, rows, k, D, out);
}

/**
 * A loss against real-valued targets T (rows × k, row-major), mean over all rows × outputs:
 * mse: L = (1/(B·K)) Σ (z − t)², ∂L/∂z = 2(z − t)/(B·K) (`F.mse_loss`);
 * mae: L = (1/(B·K)) Σ |z − t|, ∂L/∂z = sign(z − t)/(B·K), 0 where z = t (`F.l1_loss`).
 */
export function regressionLoss(name: LossName, Z: Float64Array, T: Float64Array, rows: number, k: number, D: Float64Array, out: LossResult): void {
	const count = rows * k;
	let total = 0;
	if (name === 'mae') {
		const scale = 1 / count;
		for (let i = 0; i < count; i++) {
			const diff = Z[i]! - T[i]!;
			total += Math.abs(diff);
			D[i] = diff > 0 ? scale : diff < 0 ? -scale : 0;
		}
	} else {
		const scale = 2 / count;
		for (let i = 0; i < count; i++) {
			const diff = Z[i]! - T[i]!;
			total += diff * diff;
			D[i] = scale * diff;
		}
	}
	out.loss = total / count;
	out.correct = 0;
}

/**
 * R² of predictions Z for targets T (rows × k), averaged over the k target columns (scikit-learn's
 * r2_score default): per column 1 − Σ(t − z)² / Σ(t − t̄)², t̄ the column's mean over these rows.
 * 1 is a perfect fit, 0 no better than predicting the mean; NaN when a column's targets are all
 * equal (R² is undefined there). Allocates nothing.
 */
export function rSquared(Z: Float64Array, T: Float64Array, rows: number, k: number): number {
	let sum = 0;
	for (let j = 0; j < k; j++) {
		let mean = 0;
		for (let b = 0; b < rows; b++) mean += T[b * k + j]!;
		mean /= rows;
		let residual = 0;
		let spread = 0;
		for (let b = 0; b < rows; b++) {
			const t = T[b * k + j]!;
			const r = t - Z[b * k + j]!;
			const d = t - mean;
			residual += r * r;
			spread += d * d;
		}
		if (!(spread > 0)) return Number.NaN;
		sum += 1 - residual / spread;
	}
	return sum / k;
}
