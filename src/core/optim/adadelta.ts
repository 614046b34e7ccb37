import {allocateSlots, type ResolvedOptions} from './config.js';
import {BaseOptimizer, type OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * Adadelta, as `torch.optim.Adadelta` computes it (eps inside both square roots):
 *   g ← g + wd·p
 *   v ← ρ·v + (1 − ρ)·g²
 *   Δ = √(u + eps) / √(v + eps) · g
 *   u ← ρ·u + (1 − ρ)·Δ²
 *   p ← p − lr·Δ
 * No per-step scalars: Adadelta has no step count. lr is read at every step (a schedule may assign it).
 */
export class Adadelta extends BaseOptimizer {
	private readonly rho: number;
	private readonly oneMinusRho: number;
	private readonly wd: number;
	private readonly eps: number;
	private readonly squareAvg: Float64Array[];
	private readonly accDelta: Float64Array[];

	constructor(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]) {
		super(name, o.lr);
		this.rho = o.rho;
		this.oneMinusRho = 1 - o.rho;
		this.wd = o.weightDecay;
		this.eps = o.eps;
		this.squareAvg = allocateSlots(slotSizes);
		this.accDelta = allocateSlots(slotSizes);
	}

	beginStep(): void {}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {rho, oneMinusRho, wd, eps} = this;
		const negLr = -this.learningRate;
		const sqAvg = this.squareAvg[slot]!;
		const acc = this.accDelta[slot]!;
		let sq = 0;
		for (let i = start; i < end; i++) {
			const old = p[i]!;
			const gi = g[i]! + wd * old;
			const v = sqAvg[i]! * rho + oneMinusRho * gi * gi;
			sqAvg[i] = v;
			const delta = (Math.sqrt(acc[i]! + eps) / Math.sqrt(v + eps)) * gi;
			acc[i] = acc[i]! * rho + oneMinusRho * delta * delta;
			const next = old + negLr * delta;
			p[i] = next;
			const d = next - old;
			sq += d * d;
		}
		return sq;
	}

	state(): OptimizerState {
		const {lr, rho, eps, wd} = this;
		return {name: this.name, step: null, scalars: {lr, rho, eps, weight_decay: wd}, buffers: {square_avg: this.squareAvg, acc_delta: this.accDelta}};
	}
}
