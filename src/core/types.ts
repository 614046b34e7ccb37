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

/**
 * cross-entropy: classification only. mse: classification (against one-hot labels, or the label
 * itself with one output) and regression. mae: regression only.
 */
export type LossName = 'cross-entropy' | 'mse' | 'mae';

/** What the network learns to predict: a class per row, or real numbers per row. */
export type Task = 'classification' | 'regression';

/** Rows with a class each: x is n × features, row-major; y holds class indices 0 … classes−1. */
export interface LabelledRows {
	readonly task: 'classification';
	readonly x: Float64Array;
	readonly y: Int32Array;
	readonly n: number;
	readonly features: number;
	readonly classes: number;
}

/** Rows with real-valued targets: x is n × features and y is n × outputs, both row-major. */
export interface TargetRows {
	readonly task: 'regression';
	readonly x: Float64Array;
	readonly y: Float64Array;
	readonly n: number;
	readonly features: number;
	readonly outputs: number;
}

export type Dataset = LabelledRows | TargetRows;

/** What standardising did to feature column j: z = (x − mean[j]) · scale[j] (scale 0: a constant column). */
export interface Standardization {
	readonly mean: readonly number[];
	readonly scale: readonly number[];
}

interface SplitBase {
	readonly name: string;
	/** Column names of the features (a CSV's header; "x1", "x2", … for built-in sets). */
	readonly featureNames: readonly string[];
	/** Set when the features were standardised (from the training rows); null when used as given. */
	readonly standardization: Standardization | null;
}

export interface ClassificationSplit extends SplitBase {
	readonly task: 'classification';
	readonly train: LabelledRows;
	readonly test: LabelledRows;
	/** Class names when the source had them (a CSV's label strings); otherwise "0", "1", … */
	readonly classNames: readonly string[];
}

export interface RegressionSplit extends SplitBase {
	readonly task: 'regression';
	readonly train: TargetRows;
	readonly test: TargetRows;
	/** The target columns' names ("y" for built-in sets). */
	readonly targetNames: readonly string[];
}

/** A data set ready to train on: training rows, test rows (possibly none), and their names. */
export type DataSplit = ClassificationSplit | RegressionSplit;

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
	/** Classification: accuracy on this step's batch (before the update); null for regression. */
	readonly accuracy: number | null;
	/** Regression: R² on this step's batch (before the update; see rSquared in loss.ts); null for classification. */
	readonly r2: number | null;
	/** One entry per dense layer, input side first. */
	readonly layers: readonly LayerStats[];
	readonly diverged: boolean;
	/** The step at which the loss or a parameter first became non-finite, else null. */
	readonly divergedAt: number | null;
}

export interface Evaluation {
	readonly loss: number;
	/** Classification only (else NaN). */
	readonly accuracy: number;
	/** Regression only (else NaN). */
	readonly r2: number;
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
