/**
 * Read-only looks at an optimizer for the step inspector, and a deep copy to preview a step with.
 * Names follow `torch.optim`: hyperparameters as in a param group, buffers as in `state_dict()`.
 */
import type {Optimizer, OptimizerName} from './optimizer.js';

/** Hyperparameters in force and the per-step scalars the last `beginStep()` computed. */
export type OptimizerScalar =
	| 'lr'
	| 'momentum'
	| 'dampening'
	| 'weight_decay'
	/** adamw: the decoupled decay factor 1 − lr·wd that multiplies p before the Adam step. */
	| 'decay_factor'
	| 'eps'
	| 'alpha'
	| 'rho'
	| 'lr_decay'
	| 'beta1'
	| 'beta2'
	| 'momentum_decay'
	/** adagrad: this step's lr / (1 + (t − 1)·lr_decay). */
	| 'clr'
	/** adam/adamw: this step's lr / (1 − β₁ᵗ). */
	| 'step_size'
	/** adam/adamw: √(1 − β₂ᵗ). */
	| 'bias_correction2_sqrt'
	/** nadam: 1 − β₂ᵗ. */
	| 'bias_correction2'
	/** nadam: Π μ_i up to this step. */
	| 'mu_product'
	/** nadam: −lr(1 − μ_t)/(1 − μ_prod), the coefficient of g/denom. */
	| 'grad_coef'
	/** nadam: −lr·μ_{t+1}/(1 − μ_prod·μ_{t+1}), the coefficient of m/denom. */
	| 'momentum_coef';

/** Per-parameter state, one Float64Array per slot (torch's `state_dict()` names). */
export type OptimizerBuffer = 'momentum_buffer' | 'sum' | 'square_avg' | 'acc_delta' | 'grad_avg' | 'exp_avg' | 'exp_avg_sq' | 'max_exp_avg_sq';

export interface OptimizerState {
	readonly name: OptimizerName;
	/** Steps taken (t), or null for an optimizer that keeps no count. */
	readonly step: number | null;
	readonly scalars: Readonly<Partial<Record<OptimizerScalar, number>>>;
	/** The live buffers: read them, never write them. */
	readonly buffers: Readonly<Partial<Record<OptimizerBuffer, readonly Float64Array[]>>>;
}

/**
 * A copy of an optimizer, its state included, that shares nothing with the original: stepping
 * it previews the original's next step without changing the run. Every unit keeps its state in
 * own fields of plain values and per-slot Float64Array lists; anything else is refused rather than
 * shared.
 */
export function cloneOptimizer<T extends Optimizer>(optimizer: T): T {
	const copy = Object.create(Object.getPrototypeOf(optimizer) as object) as Record<string, unknown>;
	for (const [key, value] of Object.entries(optimizer) as [string, unknown][]) {
		if (Array.isArray(value)) {
			copy[key] = value.map((slot: unknown) => {
				if (!(slot instanceof Float64Array)) throw new Error(`cannot copy optimizer state "${key}"`);
				return slot.slice();
			});
		} else if (value === null || typeof value !== 'object') {
			copy[key] = value;
		} else {
			throw new Error(`cannot copy optimizer state "${key}"`);
		}
	}
	return copy as T;
}
