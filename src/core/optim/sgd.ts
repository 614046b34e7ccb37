import {allocateSlots, type ResolvedOptions} from './config.js';
import {BaseOptimizer, checkMomentum, type OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * SGD, as `torch.optim.SGD` computes it (L2 decay coupled into the gradient, biases included;
 * dampening 0 by default), for sgd, momentum and nesterov:
 *   g ← g + wd·p
 *   μ = 0:  p ← p − lr·g                       (the momentum buffer, if any, is left alone)
 *   μ > 0:  b ← g on the buffer's first step, else b ← μ·b + (1 − dampening)·g
 *           nesterov: g ← g + μ·b;  classical: g ← b
 *           p ← p − lr·g
 * lr and μ are read at every step, so assigning them between steps (a schedule) acts like
 * assigning `param_group['lr']` / `['momentum']`: torch keeps the buffer as None until the
 * first step with μ ≠ 0, which starts it at g; a step with μ = 0 leaves it as it was.
 * The buffer's first step is folded into two per-step scalars (keep 0, take 1), so the loop has
 * no branch on it; b starts at zero, so 0·b + g is exactly g. (The buffer is allocated up front:
 * all state is plain fields and slot arrays, which `cloneOptimizer` copies.)
 */
export class Sgd extends BaseOptimizer {
	private readonly wd: number;
	private mu: number;
	private readonly nesterov: boolean;
	private readonly dampening: number;
	/** torch's momentum_buffer, in use from the first step with μ ≠ 0 (None in torch before it). */
	private readonly buf: Float64Array[];
	private bufferStarted = false;
	private t = 0;
	private keep = 0;
	private take = 1;

	constructor(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[], nesterov: boolean) {
		super(name, o.lr);
		this.wd = o.weightDecay;
		this.mu = o.momentum;
		this.dampening = o.dampening;
		this.nesterov = nesterov;
		this.buf = allocateSlots(slotSizes);
	}

	override get momentum(): number {
		return this.mu;
	}

	override setMomentum(momentum: number): void {
		checkMomentum(this.name, momentum);
		this.mu = momentum;
	}

	beginStep(): void {
		this.t++;
		if (this.mu === 0) return;
		this.keep = this.bufferStarted ? this.mu : 0;
		this.take = this.bufferStarted ? 1 - this.dampening : 1;
		this.bufferStarted = true;
	}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {wd, mu, nesterov, keep, take} = this;
		const negLr = -this.learningRate;
		let sq = 0;
		if (mu === 0) {
			for (let i = start; i < end; i++) {
				const old = p[i]!;
				const next = old + negLr * (g[i]! + wd * old);
				p[i] = next;
				const d = next - old;
				sq += d * d;
			}
			return sq;
		}
		const buf = this.buf[slot]!;
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

	/** The step count and buffer while momentum is on (torch's SGD keeps no count; the inspector reads it). */
	state(): OptimizerState {
		const {lr, mu, dampening, wd} = this;
		if (mu === 0) return {name: this.name, step: null, scalars: {lr, weight_decay: wd}, buffers: {}};
		return {name: this.name, step: this.t, scalars: {lr, momentum: mu, dampening, weight_decay: wd}, buffers: {momentum_buffer: this.buf}};
	}
}

/** sgd, momentum and nesterov: one unit, Nesterov's look-ahead for `nesterov`. */
export function createSgd(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]): Sgd {
	return new Sgd(name, o, slotSizes, name === 'nesterov');
}
