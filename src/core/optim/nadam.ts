import {allocateSlots, type ResolvedOptions} from './config.js';
import {BaseOptimizer, type OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * NAdam, as `torch.optim.NAdam` computes it in PyTorch 2.x (the μ_prod·μ_{t+1} of PR #92699):
 *   g ← g + wd·p
 *   μ_t = β₁(1 − ½·0.96^(tψ)),  μ_{t+1} = β₁(1 − ½·0.96^((t+1)ψ)),  μ_prod ← μ_prod·μ_t
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   denom = √(v / (1 − β₂ᵗ)) + eps
 *   p ← p − lr(1 − μ_t)/(1 − μ_prod)·g/denom − lr·μ_{t+1}/(1 − μ_prod·μ_{t+1})·m/denom
 * μ_prod, both coefficients and 1 − β₂ᵗ are per-step scalars, computed in beginStep() from the
 * lr of the step (a schedule may assign it; μ_prod does not depend on it).
 */
export class NAdam extends BaseOptimizer {
	private readonly beta1: number;
	private readonly beta2: number;
	private readonly oneMinusBeta1: number;
	private readonly oneMinusBeta2: number;
	private readonly eps: number;
	private readonly wd: number;
	private readonly psi: number;
	private readonly m: Float64Array[];
	private readonly v: Float64Array[];
	private t = 0;
	private muProduct = 1;
	private gradCoef = 0;
	private momentumCoef = 0;
	private bc2 = 1;

	constructor(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]) {
		super(name, o.lr);
		this.beta1 = o.beta1;
		this.beta2 = o.beta2;
		this.oneMinusBeta1 = 1 - o.beta1;
		this.oneMinusBeta2 = 1 - o.beta2;
		this.eps = o.eps;
		this.wd = o.weightDecay;
		this.psi = o.momentumDecay;
		this.m = allocateSlots(slotSizes);
		this.v = allocateSlots(slotSizes);
	}

	beginStep(): void {
		const t = ++this.t;
		const mu = this.beta1 * (1 - 0.5 * 0.96 ** (t * this.psi));
		const muNext = this.beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * this.psi));
		this.muProduct *= mu;
		const lr = this.learningRate;
		this.gradCoef = (-lr * (1 - mu)) / (1 - this.muProduct);
		this.momentumCoef = (-lr * muNext) / (1 - this.muProduct * muNext);
		this.bc2 = 1 - this.beta2 ** t;
	}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {beta1, beta2, oneMinusBeta1, oneMinusBeta2, eps, wd, gradCoef, momentumCoef, bc2} = this;
		const m = this.m[slot]!;
		const v = this.v[slot]!;
		let sq = 0;
		for (let i = start; i < end; i++) {
			const old = p[i]!;
			const gi = g[i]! + wd * old;
			const mi = m[i]! * beta1 + oneMinusBeta1 * gi;
			m[i] = mi;
			const vi = v[i]! * beta2 + oneMinusBeta2 * gi * gi;
			v[i] = vi;
			const denom = Math.sqrt(vi / bc2) + eps;
			const next = old + (gradCoef * gi) / denom + (momentumCoef * mi) / denom;
			p[i] = next;
			const d = next - old;
			sq += d * d;
		}
		return sq;
	}

	state(): OptimizerState {
		const {lr, beta1, beta2, eps, wd} = this;
		return {
			name: this.name,
			step: this.t,
			scalars: {
				lr, beta1, beta2, eps, weight_decay: wd, momentum_decay: this.psi,
				mu_product: this.muProduct, grad_coef: this.gradCoef, momentum_coef: this.momentumCoef, bias_correction2: this.bc2,
			},
			buffers: {exp_avg: this.m, exp_avg_sq: this.v},
		};
	}
}
