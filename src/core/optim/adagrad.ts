import {allocateSlots, type ResolvedOptions} from './config.js';
import {BaseOptimizer, type OptimizerName} from './optimizer.js';
import type {OptimizerState} from './state.js';

/**
 * Adagrad, as `torch.optim.Adagrad` computes it (eps outside the square root):
 *   g ← g + wd·p
 *   clr = lr / (1 + (t − 1)·lr_decay)
 *   s ← s + g²            (s starts at initial_accumulator_value)
 *   p ← p − clr·g / (√s + eps)
 * clr is computed from the lr of the step (a schedule may assign it), as torch reads group['lr'].
 */
export class Adagrad extends BaseOptimizer {
	private readonly lrDecay: number;
	private readonly wd: number;
	private readonly eps: number;
	private readonly sum: Float64Array[];
	private t = 0;
	private negClr = 0;

	constructor(name: OptimizerName, o: ResolvedOptions, slotSizes: readonly number[]) {
		super(name, o.lr);
		this.lrDecay = o.lrDecay;
		this.wd = o.weightDecay;
		this.eps = o.eps;
		this.sum = allocateSlots(slotSizes, o.initialAccumulatorValue);
	}

	beginStep(): void {
		this.t++;
		this.negClr = -(this.learningRate / (1 + (this.t - 1) * this.lrDecay));
	}

	update(slot: number, p: Float64Array, g: Float64Array, start: number, end: number): number {
		const {negClr, wd, eps} = this;
		const sum = this.sum[slot]!;
		let sq = 0;
		for (let i = start; i < end; i++) {
			const old = p[i]!;
			const gi = g[i]! + wd * old;
			const s = sum[i]! + gi * gi;
			sum[i] = s;
			const next = old + (negClr * gi) / (Math.sqrt(s) + eps);
			p[i] = next;
			const d = next - old;
			sq += d * d;
		}
		return sq;
	}

	state(): OptimizerState {
		const {lr, eps, wd} = this;
		return {name: this.name, step: this.t, scalars: {lr, lr_decay: this.lrDecay, eps, weight_decay: wd, clr: -this.negClr}, buffers: {sum: this.sum}};
	}
}
