import {allocateSlots, type ResolvedOptions} from './config.js';
import type {Optimizer, OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * Plain SGD, as `torch.optim.SGD` with momentum 0 computes it (L2 decay coupled into the
 * gradient, biases included):
 *   g ← g + wd·p
 *   p ← p − lr·g
 */
export class PlainSgd implements Optimizer {
	private readonly negLr: number;
	private readonly wd: number;

	constructor(readonly name: OptimizerName, o: ResolvedOptions) {
		this.negLr = -o.lr;
		this.wd = o.weightDecay;
	}

	beginStep(): void {}

	update(_slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {negLr, wd} = this;
		let sq = 0;
		for (let i = start; i < end; i++) {
			const old = p[i]!;
			const next = old + negLr * (g[i]! + wd * old);
			p[i] = next;
			const d = next - old;
			sq += d * d;
		}
		return sq;
	}

	state(): OptimizerState {
		return {name: this.name, step: null, scalars: {lr: -this.negLr, weight_decay: this.wd}, buffers: {}};
	}
}

/**
 * SGD with momentum μ > 0, as `torch.optim.SGD` computes it (dampening 0 by default):
 *   g ← g + wd·p
 *   b ← g on the first step, else b ← μ·b + (1 − dampening)·g
 *   nesterov: g ← g + μ·b;  classical: g ← b
 *   p ← p − lr·g
 * The first step is folded into two per-step scalars (keep 0, take 1), so the loop has no branch
 * on it; b starts at zero, so 0·b + g is exactly g.
 */
export class MomentumSgd implements Optimizer {
	private readonly negLr: number;
	private readonly wd: number;
	private readonly mu: number;
	private readonly nesterov: boolean;
	private readonly dampening: number;
	private readonly buf: Float64Array[];
	private t = 0;
	private keep = 0;
	private take = 1;

	constructor(readonly name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[], nesterov: boolean) {
		this.negLr = -o.lr;
		this.wd = o.weightDecay;
		this.mu = o.momentum;
		this.dampening = o.dampening;
		this.nesterov = nesterov;
		this.buf = allocateSlots(slotSizes);
	}

	beginStep(): void {
		this.t++;
		this.keep = this.t === 1 ? 0 : this.mu;
		this.take = this.t === 1 ? 1 : 1 - this.dampening;
	}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {negLr, wd, mu, nesterov, keep, take} = this;
		const buf = this.buf[slot]!;
		let sq = 0;
		for (let i = start; i < end; i++) {
			const old = p[i]!;
			const gi = g[i]! + wd * old;
			const b = keep * buf[i]! + take * gi;
			buf[i] = b;
			const next = old + negLr * (nesterov ? gi + mu * b : b);
			p[i] = next;
			const d = next - old;
			sq += d * d;
		}
		return sq;
	}

	state(): OptimizerState {
		const {mu, dampening, wd} = this;
		return {name: this.name, step: this.t, scalars: {lr: -this.negLr, momentum: mu, dampening, weight_decay: wd}, buffers: {momentum_buffer: this.buf}};
	}
}

/** sgd, momentum and nesterov: plain SGD when momentum is 0, else the momentum unit. */
export function createSgd(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]): Optimizer {
	return o.momentum === 0 ? new PlainSgd(name, o) : new MomentumSgd(name, o, slotSizes, name === 'nesterov');
}
