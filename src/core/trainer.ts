/**
 * The training loop for one run: batching, loss, the fused backward/update pass, the per-step
 * report and divergence. Pure and synchronous; the runner decides when to call it.
 */
import type {StepInput} from './inspect-preview.js';
import {classificationLoss, lossMismatch, regressionLoss, rSquared, type LossResult} from './loss.js';
import {Network} from './network.js';
import {createOptimizer} from './optim/index.js';
import type {Optimizer} from './optim/optimizer.js';
import {createRng, deriveSeed, type Rng} from './rng.js';
import type {Checkpoint, DataSplit, Dataset, Evaluation, LayerStats, LossName, StepReport, TrainConfig} from './types.js';

/** Rows evaluated per forward pass when scoring a whole split. */
const EVAL_CHUNK = 256;

/**
 * The order the training rows are read in: stored order when not shuffling; otherwise a seeded
 * permutation, reshuffled (from the previous one) at the start of every epoch, the first included.
 */
export class BatchOrder {
	readonly rows: Uint32Array;
	private readonly rng: Rng | null;

	constructor(n: number, shuffle: boolean, seed: number) {
		this.rows = new Uint32Array(n);
		for (let k = 0; k < n; k++) this.rows[k] = k;
		this.rng = shuffle ? createRng(deriveSeed(seed, 'order')) : null;
		this.rng?.shuffle(this.rows);
	}

	/** Moves on to the next epoch's order. */
	nextEpoch(): void {
		this.rng?.shuffle(this.rows);
	}
}

/** The output widths a network may have for this data and loss (the first is what a fresh network gets). */
export function allowedOutputs(data: DataSplit, loss: LossName): number[] {
	if (data.task === 'regression') return [data.train.outputs];
	const classes = data.train.classes;
	// MSE on two classes may use one output that predicts the label itself (class 1 above 0.5).
	return loss === 'mse' && classes === 2 ? [2, 1] : [classes];
}

export class Trainer {
	readonly config: TrainConfig;
	readonly data: DataSplit;
	readonly network: Network;
	/** The optimizer, for a schedule to set its lr and momentum between steps. */
	readonly optimizer: Optimizer;
	private readonly order: BatchOrder;
	private readonly batchRows: number;
	private readonly lossResult: LossResult = {loss: 0, correct: 0};
	/** The batch's labels (classification) or targets (regression), gathered in batch order. */
	private readonly labels: Int32Array;
	private readonly targets: Float64Array;
	private cursor = 0;
	private stepCount = 0;
	private samples = 0;
	private lastLoss = Number.NaN;
	private lastAccuracy = Number.NaN;
	private lastR2 = Number.NaN;
	private divergedAt: number | null = null;

	/**
	 * `initial` replaces the seeded initial weights (a saved checkpoint); its layers and activation
	 * must match the config.
	 */
	constructor(config: TrainConfig, data: DataSplit, initial?: Checkpoint) {
		const {layers} = config.network;
		const train = data.train;
		if (train.n === 0) throw new Error('the training set is empty');
		const mismatch = lossMismatch(data.task, config.loss);
		if (mismatch) throw new Error(mismatch);
		if (layers[0] !== train.features) throw new Error(`the input layer has ${layers[0]} units but the data has ${train.features} features`);
		const outputs = layers[layers.length - 1]!;
		const allowed = allowedOutputs(data, config.loss);
		if (!allowed.includes(outputs)) {
			const has = data.task === 'regression' ? `${data.train.outputs} target columns` : `${data.train.classes} classes`;
			throw new Error(`the output layer has ${outputs} units but the data has ${has} (${config.loss} takes ${allowed.join(' or ')} outputs)`);
		}
		this.config = config;
		this.data = data;
		this.network = new Network(config.network);
		if (initial) {
			if (initial.activation !== config.network.activation || initial.layers.join() !== layers.join()) {
				throw new Error(`the checkpoint is a ${initial.layers.join('-')} ${initial.activation} network, the scenario asks for ${layers.join('-')} ${config.network.activation}`);
			}
			this.network.setParameters(initial.weights);
		} else {
			this.network.initialise(config.init, createRng(deriveSeed(config.seed, 'init')));
		}
		this.optimizer = createOptimizer(config.optimizer, this.network.slotSizes());
		this.batchRows = config.batch === 'full' ? train.n : Math.min(Math.max(1, Math.floor(config.batch)), train.n);
		this.labels = new Int32Array(data.task === 'classification' ? this.batchRows : 0);
		this.targets = new Float64Array(data.task === 'regression' ? this.batchRows * outputs : 0);
		this.network.reserve(Math.max(this.batchRows, Math.min(EVAL_CHUNK, Math.max(train.n, data.test.n))));
		this.order = new BatchOrder(train.n, config.shuffle, config.seed);
	}

	get step(): number {
		return this.stepCount;
	}

	get diverged(): boolean {
		return this.divergedAt !== null;
	}

	/** Rows per step (the last batch of an epoch may be smaller). */
	get batchSize(): number {
		return this.batchRows;
	}

	/**
	 * One optimisation step on the next batch. Returns false (and changes nothing) once the run
	 * has diverged; a non-finite loss or parameter marks it diverged at this step.
	 */
	advance(): boolean {
		if (this.divergedAt !== null) return false;
		const train = this.data.train;
		const rows = Math.min(this.batchRows, train.n - this.cursor);
		const net = this.network;
		const outputs = net.forward(train.x, this.order.rows, this.cursor, rows, true);
		const k = net.layers[net.depth]!;
		const result = this.lossResult;
		if (this.data.task === 'classification') {
			classificationLoss(this.config.loss, outputs, this.batchLabels(this.data.train.y, rows), rows, k, net.outputGradient(), result);
			this.lastAccuracy = result.correct / rows;
		} else {
			const targets = this.batchTargets(this.data.train.y, rows, k);
			regressionLoss(this.config.loss, outputs, targets, rows, k, net.outputGradient(), result);
			this.lastR2 = rSquared(outputs, targets, rows, k);
		}
		this.stepCount++;
		this.samples += rows;
		this.lastLoss = result.loss;
		if (!Number.isFinite(this.lastLoss)) {
			this.divergedAt = this.stepCount;
			return false;
		}
		this.optimizer.beginStep();
		if (!net.backward(rows, this.optimizer)) {
			this.divergedAt = this.stepCount;
			return false;
		}
		this.cursor += rows;
		if (this.cursor >= train.n) {
			this.cursor = 0;
			this.order.nextEpoch();
		}
		return true;
	}

	/** What the next `advance()` will use, for looks that must not change the run (they work on copies). */
	nextStep(): StepInput {
		const rows = Math.min(this.batchRows, this.data.train.n - this.cursor);
		const batch = this.order.rows.slice(this.cursor, this.cursor + rows);
		return {network: this.network, optimizer: this.optimizer, loss: this.config.loss, set: this.data.train, rows: batch};
	}

	/** The current batch's labels, gathered in batch order. */
	private batchLabels(y: Int32Array, rows: number): Int32Array {
		const order = this.order.rows;
		for (let b = 0; b < rows; b++) this.labels[b] = y[order[this.cursor + b]!]!;
		return this.labels;
	}

	/** The current batch's targets (rows × k), gathered in batch order. */
	private batchTargets(y: Float64Array, rows: number, k: number): Float64Array {
		const order = this.order.rows;
		for (let b = 0; b < rows; b++) {
			const src = order[this.cursor + b]! * k;
			for (let j = 0; j < k; j++) this.targets[b * k + j] = y[src + j]!;
		}
		return this.targets;
	}

	/** `advance()` then `report()`. */
	next(): StepReport {
		this.advance();
		return this.report();
	}

	/** The state after the last step, as a plain serialisable object. */
	report(): StepReport {
		const net = this.network;
		const s = net.stats;
		const layers: LayerStats[] = [];
		for (let l = 0; l < net.depth; l++) {
			layers.push({
				gradNormW: s.gradNormW[l]!,
				gradNormB: s.gradNormB[l]!,
				updateRatio: s.updateRatio[l]!,
				saturated: Number.isNaN(s.saturated[l]!) ? null : s.saturated[l]!,
				dead: Number.isNaN(s.dead[l]!) ? null : s.dead[l]!,
			});
		}
		return {
			step: this.stepCount,
			epoch: this.samples / this.data.train.n,
			samples: this.samples,
			loss: this.lastLoss,
			accuracy: this.data.task === 'classification' ? this.lastAccuracy : null,
			r2: this.data.task === 'regression' ? this.lastR2 : null,
			layers,
			diverged: this.divergedAt !== null,
			divergedAt: this.divergedAt,
		};
	}

	/** Mean loss and accuracy (or R²) over a whole split with the current weights (no update). */
	evaluate(which: 'train' | 'test'): Evaluation {
		return evaluateNetwork(this.network, which === 'train' ? this.data.train : this.data.test, this.config.loss);
	}
}

/**
 * Scores `net` on every row of `set`, in chunks, without touching its parameters: the mean loss,
 * and accuracy (labels) or R² over the whole set (targets).
 */
export function evaluateNetwork(net: Network, set: Dataset, loss: LossName): Evaluation {
	if (set.n === 0) return {loss: Number.NaN, accuracy: Number.NaN, r2: Number.NaN};
	const k = net.layers[net.depth]!;
	const result: LossResult = {loss: 0, correct: 0};
	const predictions = set.task === 'regression' ? new Float64Array(set.n * k) : null;
	let total = 0;
	let correct = 0;
	for (let start = 0; start < set.n; start += EVAL_CHUNK) {
		const rows = Math.min(EVAL_CHUNK, set.n - start);
		const outputs = net.forward(set.x, null, start, rows, false);
		if (set.task === 'classification') {
			classificationLoss(loss, outputs, set.y.subarray(start, start + rows), rows, k, net.outputGradient(), result);
			correct += result.correct;
		} else {
			predictions!.set(outputs.subarray(0, rows * k), start * k);
			regressionLoss(loss, outputs, set.y.subarray(start * k, (start + rows) * k), rows, k, net.outputGradient(), result);
		}
		total += result.loss * rows;
	}
	if (set.task === 'classification') return {loss: total / set.n, accuracy: correct / set.n, r2: Number.NaN};
	return {loss: total / set.n, accuracy: Number.NaN, r2: rSquared(predictions!, set.y, set.n, k)};
}
