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
	/** The learning rate the next step uses: torch's `param_group['lr']`. */
	readonly lr: number;
	/** torch's `param_group['momentum']` for the optimizers that have one (sgd, momentum, nesterov, rmsprop); else undefined. */
	readonly momentum: number | undefined;
	/**
	 * Assigns `param_group['lr']` between steps (before `beginStep()`): the next step uses it in the
	 * very formula of the unit's doc comment, as torch reads `group['lr']` afresh at every step.
	 * Any finite number, as torch takes (a schedule may round to a hair below 0).
	 */
	setLr(lr: number): void;
	/**
	 * Assigns `param_group['momentum']` between steps, with torch's semantics for the unit's state
	 * (see sgd.ts and rmsprop.ts). Throws for an optimizer without momentum, or a value < 0.
	 */
	setMomentum(momentum: number): void;
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

/**
 * What every unit shares: the learning rate, which torch keeps in `param_group['lr']` and a
 * schedule may assign between steps. Units with momentum override the momentum pair.
 */
export abstract class BaseOptimizer implements Optimizer {
	/** Read by the units at each step (or each update), never cached across steps. */
	protected learningRate: number;

	constructor(readonly name: OptimizerName, lr: number) {
		this.learningRate = lr;
	}

	get lr(): number {
		return this.learningRate;
	}

	get momentum(): number | undefined {
		return undefined;
	}

	setLr(lr: number): void {
		if (!Number.isFinite(lr)) throw new Error(`${this.name}: invalid learning rate ${String(lr)} (must be a finite number)`);
		this.learningRate = lr;
	}

	setMomentum(momentum: number): void {
		throw new Error(`${this.name} has no momentum to set (to ${String(momentum)}): torch.optim's ${this.name} takes none`);
	}

	abstract beginStep(): void;
	abstract update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number;
	abstract state(): OptimizerState;
}

/** Throws unless `momentum` is a finite number ≥ 0 (what torch's constructors accept). */
export function checkMomentum(name: OptimizerName, momentum: number): void {
	if (!(Number.isFinite(momentum) && momentum >= 0)) throw new Error(`${name}: invalid momentum ${String(momentum)} (must be a finite number ≥ 0)`);
}
