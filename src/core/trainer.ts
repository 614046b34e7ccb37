/**
 * The training loop for one run: batching, loss, the fused backward/update pass, the per-step
 * report and divergence. Pure and synchronous; the runner decides when to call it.
 */
import type {StepInput} from './inspect-preview.js';
import {computeLoss, type LossResult} from './loss.js';
import {Network} from './network.js';
import {createOptimizer} from './optim/index.js';
import type {Optimizer} from './optim/optimizer.js';
import {createRng, deriveSeed, type Rng} from './rng.js';
import type {Checkpoint, DataSplit, Dataset, Evaluation, LayerStats, StepReport, TrainConfig} from './types.js';

/** Rows evaluated per forward pass when scoring a whole split. */
const EVAL_CHUNK = 256;

export class Trainer {
	readonly config: TrainConfig;
	readonly data: DataSplit;
	readonly network: Network;
	/** The optimizer, for a schedule to set its lr and momentum between steps. */
	readonly optimizer: Optimizer;
	private readonly orderRng: Rng;
	private readonly order: Uint32Array;
	private readonly batchRows: number;
	private readonly lossResult: LossResult = {loss: 0, correct: 0};
	private readonly labels: Int32Array;
	private cursor = 0;
	private stepCount = 0;
	private samples = 0;
	private lastLoss = Number.NaN;
	private lastAccuracy = Number.NaN;
	private divergedAt: number | null = null;

	/**
	 * `initial` replaces the seeded initial weights (a saved checkpoint); its layers and activation
	 * must match the config.
	 */
	constructor(config: TrainConfig, data: DataSplit, initial?: Checkpoint) {
		const {layers} = config.network;
		const train = data.train;
		if (train.n === 0) throw new Error('the training set is empty');
		if (layers[0] !== train.features) throw new Error(`the input layer has ${layers[0]} units but the data has ${train.features} features`);
		const outputs = layers[layers.length - 1]!;
		if (outputs !== train.classes && !(outputs === 1 && config.loss === 'mse' && train.classes === 2)) {
			throw new Error(`the output layer has ${outputs} units but the data has ${train.classes} classes`);
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
		this.labels = new Int32Array(this.batchRows);
		this.network.reserve(Math.max(this.batchRows, Math.min(EVAL_CHUNK, Math.max(train.n, data.test.n))));
		this.orderRng = createRng(deriveSeed(config.seed, 'order'));
		this.order = new Uint32Array(train.n);
		for (let k = 0; k < train.n; k++) this.order[k] = k;
		if (config.shuffle) this.orderRng.shuffle(this.order);
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
		const logits = net.forward(train.x, this.order, this.cursor, rows, true);
		const k = net.layers[net.depth]!;
		computeLoss(this.config.loss, logits, this.batchLabels(rows), rows, k, net.outputGradient(), this.lossResult);
		this.stepCount++;
		this.samples += rows;
		this.lastLoss = this.lossResult.loss;
		this.lastAccuracy = this.lossResult.correct / rows;
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
			if (this.config.shuffle) this.orderRng.shuffle(this.order);
		}
		return true;
	}

	/** What the next `advance()` will use, for looks that must not change the run (they work on copies). */
	nextStep(): StepInput {
		const rows = Math.min(this.batchRows, this.data.train.n - this.cursor);
		const batch = this.order.slice(this.cursor, this.cursor + rows);
		return {network: this.network, optimizer: this.optimizer, loss: this.config.loss, set: this.data.train, rows: batch};
	}

	/** The labels of the current batch, gathered in batch order. */
	private batchLabels(rows: number): Int32Array {
		const y = this.data.train.y;
		for (let b = 0; b < rows; b++) this.labels[b] = y[this.order[this.cursor + b]!]!;
		return this.labels;
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
			accuracy: this.lastAccuracy,
			layers,
			diverged: this.divergedAt !== null,
			divergedAt: this.divergedAt,
		};
	}

	/** Mean loss and accuracy over a whole split with the current weights (no update). */
	evaluate(which: 'train' | 'test'): Evaluation {
		return evaluateNetwork(this.network, which === 'train' ? this.data.train : this.data.test, this.config.loss);
	}
}

/** Scores `net` on every row of `set`, in chunks, without touching its parameters. */
export function evaluateNetwork(net: Network, set: Dataset, loss: TrainConfig['loss']): Evaluation {
	if (set.n === 0) return {loss: Number.NaN, accuracy: Number.NaN};
	const k = net.layers[net.depth]!;
	const result: LossResult = {loss: 0, correct: 0};
	let total = 0;
	let correct = 0;
	for (let start = 0; start < set.n; start += EVAL_CHUNK) {
		const rows = Math.min(EVAL_CHUNK, set.n - start);
		const logits = net.forward(set.x, null, start, rows, false);
		computeLoss(loss, logits, set.y.subarray(start, start + rows), rows, k, net.outputGradient(), result);
		total += result.loss * rows;
		correct += result.correct;
	}
	return {loss: total / set.n, accuracy: correct / set.n};
}
