import {allocateSlots, type ResolvedOptions} from './config.js';
import type {Optimizer, OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * RMSprop, as `torch.optim.RMSprop` computes it (eps outside the square root):
 *   g ← g + wd·p
 *   v ← α·v + (1 − α)·g²
 *   centered: ḡ ← α·ḡ + (1 − α)·g,  a = √(v − ḡ²) + eps;  else a = √v + eps
 *   momentum μ > 0: b ← μ·b + g/a,  p ← p − lr·b;  else p ← p − lr·g/a
 * The momentum buffer starts at zero (no first-step special case, unlike SGD's).
 */
export class RmsProp implements Optimizer {
	private readonly negLr: number;
	private readonly alpha: number;
	private readonly oneMinusAlpha: number;
	private readonly wd: number;
	private readonly eps: number;
	private readonly mu: number;
	private readonly centered: boolean;
	private readonly squareAvg: Float64Array[];
	/** ḡ per slot; empty arrays unless centered. */
	private readonly gradAvg: Float64Array[];
	/** b per slot; empty arrays unless μ > 0. */
	private readonly buf: Float64Array[];

	constructor(readonly name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]) {
		this.negLr = -o.lr;
		this.alpha = o.alpha;
		this.oneMinusAlpha = 1 - o.alpha;
		this.wd = o.weightDecay;
		this.eps = o.eps;
		this.mu = o.momentum;
		this.centered = o.centered;
		const none = slotSizes.map(() => 0);
		this.squareAvg = allocateSlots(slotSizes);
		this.gradAvg = allocateSlots(o.centered ? slotSizes : none);
		this.buf = allocateSlots(o.momentum > 0 ? slotSizes : none);
	}

	beginStep(): void {}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {negLr, alpha, oneMinusAlpha, wd, eps, mu, centered} = this;
		const useMomentum = mu > 0;
		const sqAvg = this.squareAvg[slot]!;
		const gAvg = this.gradAvg[slot]!;
		const buf = this.buf[slot]!;
		let sq = 0;
		for (let i = start; i < end; i++) {
			const old = p[i]!;
			const gi = g[i]! + wd * old;
			const v = sqAvg[i]! * alpha + oneMinusAlpha * gi * gi;
			sqAvg[i] = v;
			let a: number;
			if (centered) {
				const m = gAvg[i]! * alpha + oneMinusAlpha * gi;
				gAvg[i] = m;
				a = Math.sqrt(v - m * m) + eps;
			} else {
				a = Math.sqrt(v) + eps;
			}
			let next: number;
			if (useMomentum) {
				const b = buf[i]! * mu + gi / a;
				buf[i] = b;
				next = old + negLr * b;
			} else {
				next = old + (negLr * gi) / a;
			}
			p[i] = next;
			const d = next - old;
			sq += d * d;
		}
		return sq;
	}

	state(): OptimizerState {
		const {alpha, eps, wd, mu} = this;
		return {
			name: this.name,
			step: null,
			scalars: {lr: -this.negLr, alpha, eps, weight_decay: wd, momentum: mu},
			buffers: {square_avg: this.squareAvg, ...(this.centered ? {grad_avg: this.gradAvg} : {}), ...(mu > 0 ? {momentum_buffer: this.buf} : {})},
		};
	}
}
