/** Plain data shapes shared across the core: configs in, reports out. All serialisable. */
import type {ActivationName} from './activations.js';

/** Weight initialisers. Biases are zero except for `pytorch`, which matches `nn.Linear`'s default. */
export type InitName =
	| 'pytorch'
	| 'xavier-uniform'
	| 'xavier-normal'
	| 'he-uniform'
	| 'he-normal'
	| 'lecun-normal'
	| 'normal'
	| 'uniform'
	| 'zeros';

export interface InitSpec {
	readonly name: InitName;
	/** `normal`: standard deviation (default 1). */
	readonly std?: number;
	/** `uniform`: weights drawn from U(−a, a) (default 1). */
	readonly a?: number;
}

/** Dense layer sizes [n0, n1, …, nL] and the one hidden activation; the last layer is linear. */
export interface NetworkSpec {
	readonly layers: readonly number[];
	readonly activation: ActivationName;
}

/** The JSON checkpoint format: W is [out][in] like PyTorch's `nn.Linear.weight`. */
export interface Checkpoint {
	readonly layers: number[];
	readonly activation: ActivationName;
	readonly weights: {W: number[][]; b: number[]}[];
}

export type LossName = 'cross-entropy' | 'mse';

/** A labelled table: x is n × features, row-major; y holds class indices 0 … classes−1. */
export interface Dataset {
	readonly x: Float64Array;
	readonly y: Int32Array;
	readonly n: number;
	readonly features: number;
	readonly classes: number;
}

export interface DataSplit {
	readonly name: string;
	readonly train: Dataset;
	readonly test: Dataset;
	/** Class names when the source had them (a CSV's label strings); otherwise "0", "1", … */
	readonly classNames: readonly string[];
}

/** Statistics of one dense layer (layer 1 = the one fed by the input). */
export interface LayerStats {
	/** ‖∂L/∂W‖₂ (Frobenius). */
	readonly gradNormW: number;
	/** ‖∂L/∂b‖₂. */
	readonly gradNormB: number;
	/** ‖ΔW‖₂ / ‖W‖₂ for this step's update (0 when W is all zeros). */
	readonly updateRatio: number;
	/** sigmoid/tanh layers: fraction of the batch's unit outputs within 0.02 of the bounds; else null. */
	readonly saturated: number | null;
	/** relu layers: fraction of units that were never positive on the batch; else null. */
	readonly dead: number | null;
}

export interface StepReport {
	/** Steps taken so far (1 after the first update). */
	readonly step: number;
	/** Epochs completed, fractional: samples / training-set size. */
	readonly epoch: number;
	/** Training rows consumed so far. */
	readonly samples: number;
	/** Mean loss on this step's batch (before the update). */
	readonly loss: number;
	/** Accuracy on this step's batch (before the update). */
	readonly accuracy: number;
	/** One entry per dense layer, input side first. */
	readonly layers: readonly LayerStats[];
	readonly diverged: boolean;
	/** The step at which the loss or a parameter first became non-finite, else null. */
	readonly divergedAt: number | null;
}

export interface Evaluation {
	readonly loss: number;
	readonly accuracy: number;
}

/** Everything a trainer needs besides the data. Same seed ⇒ same initial weights and data order. */
export interface TrainConfig {
	readonly network: NetworkSpec;
	readonly init: InitSpec;
	readonly optimizer: import('./optim/optimizer.js').OptimizerConfig;
	readonly loss: LossName;
	/** Rows per step, or the whole training set. */
	readonly batch: number | 'full';
	/** Reshuffle the training rows every epoch (seeded); off: rows in file order. */
	readonly shuffle: boolean;
	readonly seed: number;
}
