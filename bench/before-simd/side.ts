/**
 * The core as it was before the WebAssembly SIMD work (commit daa3150): its network, dense kernels
 * and activation passes are copied beside this file unchanged but for their imports; the loss,
 * initialisers and optimizers are today's (the SIMD work left them alone). One step here is what
 * that commit's Trainer.advance() did: a shuffled batch, forward, loss, the fused
 * backward/update with per-layer gradient norms. Issue 16's "≥ 2.5× today's JS core on (d) and
 * (e)" is measured against this, not against the JavaScript fallback the SIMD work rewrote.
 */
import {computeLoss, type LossResult} from '../../src/core/loss.js';
import {createOptimizer} from '../../src/core/optim/index.js';
import {createRng, deriveSeed} from '../../src/core/rng.js';
import type {ClassificationSplit} from '../../src/core/types.js';
import type {BenchConfig} from '../configs.js';
import {Network} from './network.js';

export interface BeforeSimdSide {
	step(): void;
	/** Loss of the last step, so a test can check this side trains the same network. */
	readonly loss: number;
}

export function beforeSimdSide(c: BenchConfig, data: ClassificationSplit, seed: number): BeforeSimdSide {
	const train = data.train;
	const rows = Math.min(c.batch, train.n);
	const net = new Network({layers: c.layers, activation: c.activation});
	net.initialise({name: 'pytorch'}, createRng(deriveSeed(seed, 'init')));
	const optimizer = createOptimizer({name: c.optimizer, lr: c.lr}, net.slotSizes());
	net.reserve(rows);
	const orderRng = createRng(deriveSeed(seed, 'order'));
	const order = new Uint32Array(train.n).map((_, k) => k);
	orderRng.shuffle(order);
	const labels = new Int32Array(rows);
	const result: LossResult = {loss: 0, correct: 0};
	const classes = c.layers.at(-1)!;
	let cursor = 0;
	return {
		step() {
			const n = Math.min(rows, train.n - cursor);
			const logits = net.forward(train.x, order, cursor, n, true);
			for (let b = 0; b < n; b++) labels[b] = train.y[order[cursor + b]!]!;
			computeLoss('cross-entropy', logits, labels, n, classes, net.outputGradient(), result);
			if (!Number.isFinite(result.loss)) throw new Error(`before-SIMD core: config ${c.id} diverged`);
			optimizer.beginStep();
			if (!net.backward(n, optimizer)) throw new Error(`before-SIMD core: config ${c.id} diverged`);
			cursor += n;
			if (cursor >= train.n) {
				cursor = 0;
				orderRng.shuffle(order);
			}
		},
		get loss() {
			return result.loss;
		},
	};
}
