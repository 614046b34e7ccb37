import {allocateSlots, type ResolvedOptions} from './config.js';
import {BaseOptimizer, type Optimizer, type OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * Adam and AdamW, as `torch.optim.Adam` / `torch.optim.AdamW` compute them:
 *   Adam:  g ← g + wd·p                 (coupled L2)
 *   AdamW: p ← p·(1 − lr·wd)            (decoupled decay, before the Adam step; g untouched)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   amsgrad: v̂ ← max(v̂, v), else v̂ = v
 *   step_size = lr / (1 − β₁ᵗ)
 *   denom = √v̂ / √(1 − β₂ᵗ) + eps       (eps outside the root, added after the bias correction)
 *   p ← p − step_size·m / denom
 * Both variants run the same loop: Adam has shrink 1, AdamW has an L2 factor of 0. step_size and
 * AdamW's shrink 1 − lr·wd use the lr of the step (a schedule may assign it), as torch does.
 */
export class Adam extends BaseOptimizer {
	private readonly beta1: number;
	private readonly beta2: number;
	private readonly oneMinusBeta1: number;
	private readonly oneMinusBeta2: number;
	private readonly eps: number;
	private readonly l2: number;
	private readonly decoupledWd: number;
	private shrink = 1;
	private readonly amsgrad: boolean;
	private readonly m: Float64Array[];
	private readonly v: Float64Array[];
	/** max v per slot; empty arrays unless amsgrad. */
	private readonly vMax: Float64Array[];
	private t = 0;
	private negStepSize = 0;
	private bc2Sqrt = 1;

	constructor(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[], decoupled: boolean) {
		super(name, o.lr);
		this.beta1 = o.beta1;
		this.beta2 = o.beta2;
		this.oneMinusBeta1 = 1 - o.beta1;
		this.oneMinusBeta2 = 1 - o.beta2;
		this.eps = o.eps;
		this.l2 = decoupled ? 0 : o.weightDecay;
		this.decoupledWd = decoupled ? o.weightDecay : 0;
		this.amsgrad = o.amsgrad;
		this.m = allocateSlots(slotSizes);
		this.v = allocateSlots(slotSizes);
		this.vMax = allocateSlots(o.amsgrad ? slotSizes : slotSizes.map(() => 0));
	}

	beginStep(): void {
		this.t++;
		this.shrink = 1 - this.learningRate * this.decoupledWd;
		this.negStepSize = -(this.learningRate / (1 - this.beta1 ** this.t));
		this.bc2Sqrt = Math.sqrt(1 - this.beta2 ** this.t);
	}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {beta1, beta2, oneMinusBeta1, oneMinusBeta2, eps, l2, shrink, amsgrad, negStepSize, bc2Sqrt} = this;
		const m = this.m[slot]!;
		const v = this.v[slot]!;
		const vMax = this.vMax[slot]!;
		let sq = 0;
		for (let i = start; i < end; i++) {
			const old = p[i]!;
			const gi = g[i]! + l2 * old;
			const mi = m[i]! * beta1 + oneMinusBeta1 * gi;
			m[i] = mi;
			let vi = v[i]! * beta2 + oneMinusBeta2 * gi * gi;
			v[i] = vi;
			if (amsgrad) {
				vi = Math.max(vMax[i]!, vi);
				vMax[i] = vi;
			}
			const next = old * shrink + (negStepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
			p[i] = next;
			const d = next - old;
			sq += d * d;
		}
		return sq;
	}

	state(): OptimizerState {
		const {lr, beta1, beta2, eps} = this;
		const decay = this.name === 'adamw' ? {decay_factor: this.shrink} : {weight_decay: this.l2};
		return {
			name: this.name,
			step: this.t,
			scalars: {lr, beta1, beta2, eps, ...decay, step_size: -this.negStepSize, bias_correction2_sqrt: this.bc2Sqrt},
			buffers: {exp_avg: this.m, exp_avg_sq: this.v, ...(this.amsgrad ? {max_exp_avg_sq: this.vMax} : {})},
		};
	}
}

/** adam (coupled L2) and adamw (decoupled decay). */
export function createAdam(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]): Optimizer {
	return new Adam(name, o, slotSizes, name === 'adamw');
}
