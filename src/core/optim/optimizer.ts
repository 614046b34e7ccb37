/**
 * The optimizer contract. Parameters live in "slots" (one flat Float64Array each: a layer's W,
 * its b, or a 2-D surface point). The training loop calls `beginStep()` once per step and then
 * `update()` on each slot, or on row-sized pieces of a slot, as soon as that piece's gradient
 * is final — so the update can be fused into the backward pass. Updates are element-wise, so
 * updating a slot piece by piece gives the same result as updating it whole.
 */
import type {OptimizerState} from './state.js';

export type OptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'adadelta' | 'rmsprop' | 'adam' | 'adamw' | 'nadam';

export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamw', 'nadam'];

/** Hyperparameters; any field left out takes `torch.optim`'s default for that optimizer. */
export interface OptimizerConfig {
	readonly name: OptimizerName;
	readonly lr?: number;
	/** sgd/momentum/nesterov/rmsprop: momentum factor. */
	readonly momentum?: number;
	/** sgd/momentum: dampening of the momentum buffer. */
	readonly dampening?: number;
	readonly weightDecay?: number;
	/** adam/adamw/nadam: β₁ and β₂. */
	readonly betas?: readonly [number, number];
	readonly eps?: number;
	/** rmsprop: smoothing constant α. */
	readonly alpha?: number;
	/** rmsprop: centered variant. */
	readonly centered?: boolean;
	/** adadelta: ρ. */
	readonly rho?: number;
	/** adagrad: learning-rate decay and initial accumulator value. */
	readonly lrDecay?: number;
	readonly initialAccumulatorValue?: number;
	/** adam/adamw: AMSGrad variant. */
	readonly amsgrad?: boolean;
	/** nadam: ψ, the momentum decay. */
	readonly momentumDecay?: number;
}

export interface Optimizer {
	readonly name: OptimizerName;
	/** Starts the next step (t ← t + 1) and precomputes its scalars (bias corrections, μ_t…). */
	beginStep(): void;
	/**
	 * Updates p[start, end) of `slot` in place from g[start, end) (the same indices), keeping the
	 * slot's state for those indices. Returns Σ (Δp)² over the piece, for the update/weight ratio.
	 */
	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number;
	/** A read-only look at the hyperparameters, per-step scalars and buffers, for the step inspector. */
	state(): OptimizerState;
}
