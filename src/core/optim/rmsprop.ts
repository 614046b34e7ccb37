import {allocateSlots, type ResolvedOptions} from './config.js';
import {BaseOptimizer, checkMomentum, type OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * RMSprop, as `torch.optim.RMSprop` computes it (eps outside the square root):
 *   g ← g + wd·p
 *   v ← α·v + (1 − α)·g²
 *   centered: ḡ ← α·ḡ + (1 − α)·g,  a = √(v − ḡ²) + eps;  else a = √v + eps
 *   momentum μ > 0: b ← μ·b + g/a,  p ← p − lr·b;  else p ← p − lr·g/a
 * The momentum buffer starts at zero (no first-step special case, unlike SGD's). lr and μ are
 * read at every step, so a schedule may assign them between steps, as torch's param_group. Torch
 * creates the buffer on the first step only if μ > 0 then; raising μ from 0 later fails there
 * (KeyError 'momentum_buffer'), and `setMomentum` refuses it here alike.
 */
export class RmsProp extends BaseOptimizer {
	private readonly alpha: number;
	private readonly oneMinusAlpha: number;
	private readonly wd: number;
	private readonly eps: number;
	private mu: number;
	private readonly centered: boolean;
	private readonly squareAvg: Float64Array[];
	/** ḡ per slot; empty arrays unless centered. */
	private readonly gradAvg: Float64Array[];
	/** b per slot (allocated up front, so `cloneOptimizer` can copy it); torch makes it on the first step iff μ > 0 then. */
	private readonly buf: Float64Array[];
	private hasBuffer = false;
	private started = false;

	constructor(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]) {
		super(name, o.lr);
		this.alpha = o.alpha;
		this.oneMinusAlpha = 1 - o.alpha;
		this.wd = o.weightDecay;
		this.eps = o.eps;
		this.mu = o.momentum;
		this.centered = o.centered;
		this.squareAvg = allocateSlots(slotSizes);
		this.gradAvg = allocateSlots(o.centered ? slotSizes : slotSizes.map(() => 0));
		this.buf = allocateSlots(slotSizes);
	}

	override get momentum(): number {
		return this.mu;
	}

	override setMomentum(momentum: number): void {
		checkMomentum(this.name, momentum);
		if (momentum > 0 && this.started && !this.hasBuffer) {
			throw new Error(`${this.name}: momentum was 0 on the first step, so there is no momentum buffer to use now (torch.optim.RMSprop fails alike); give the optimizer a momentum > 0 from the start`);
		}
		this.mu = momentum;
	}

	beginStep(): void {
		if (!this.started) this.hasBuffer = this.mu > 0;
		this.started = true;
	}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {alpha, oneMinusAlpha, wd, eps, mu, centered} = this;
		const negLr = -this.learningRate;
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
		const {lr, alpha, eps, wd, mu} = this;
		return {
			name: this.name,
			step: null,
			scalars: {lr, alpha, eps, weight_decay: wd, momentum: mu},
			buffers: {square_avg: this.squareAvg, ...(this.centered ? {grad_avg: this.gradAvg} : {}), ...(mu > 0 ? {momentum_buffer: this.buf} : {})},
		};
	}
}
