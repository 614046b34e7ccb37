import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeToy} from '../src/core/data/index.js';
import {useKernels, type KernelChoice} from '../src/core/kernels.js';
import {SIMD_AVAILABLE} from '../src/core/kernels-simd.js';
import {Network} from '../src/core/network.js';
import {createOptimizer} from '../src/core/optim/index.js';
import {createRng} from '../src/core/rng.js';
import {BatchOrder, Trainer} from '../src/core/trainer.js';
import type {DataSplit, TrainConfig} from '../src/core/types.js';

const data: DataSplit = makeToy('spiral', {samples: 200, noise: 0.1, test: 0.2}, createRng(1));

function config(overrides: Partial<TrainConfig> = {}): TrainConfig {
	return {
		network: {layers: [2, 16, 16, 2], activation: 'tanh'},
		init: {name: 'xavier-uniform'},
		optimizer: {name: 'adam', lr: 0.01},
		loss: 'cross-entropy',
		batch: 32,
		shuffle: true,
		seed: 42,
		...overrides,
	};
}

function trajectory(trainer: Trainer, steps: number): number[] {
	return Array.from({length: steps}, () => trainer.next().loss);
}

/** Every test on each side of the kernel switch ('simd': every product on the WebAssembly kernels). */
const PATHS: readonly KernelChoice[] = SIMD_AVAILABLE ? ['simd', 'js'] : ['js'];

describe.each(PATHS)('Trainer on the %s kernels', (path) => {
	beforeAll(() => useKernels(path));
	afterAll(() => useKernels('auto'));

	it('is deterministic for a seed and differs across seeds', () => {
		const a = trajectory(new Trainer(config(), data), 50);
		const b = trajectory(new Trainer(config(), data), 50);
		const c = trajectory(new Trainer(config({seed: 43}), data), 50);
		expect(a).toEqual(b);
		expect(c).not.toEqual(a);
		expect(new Trainer(config({seed: 43}), data).network.weights[0]).not.toEqual(new Trainer(config(), data).network.weights[0]);
	});

	it('learns the spiral', () => {
		const trainer = new Trainer(config({network: {layers: [2, 16, 16, 2], activation: 'relu'}, init: {name: 'he-normal'}}), data);
		const first = trainer.evaluate('train').loss;
		for (let k = 0; k < 3000; k++) trainer.advance();
		expect(trainer.evaluate('train').loss).toBeLessThan(first / 4);
		expect(trainer.evaluate('train').accuracy).toBeGreaterThan(0.9);
	});

	it('counts steps, samples and epochs, with a partial last batch when not shuffling', () => {
		const trainer = new Trainer(config({batch: 64, shuffle: false}), data);
		// 160 training rows: batches of 64, 64, 32, then the next epoch starts at row 0.
		const sizes: number[] = [];
		let before = 0;
		for (let k = 0; k < 4; k++) {
			const r = trainer.next();
			sizes.push(r.samples - before);
			before = r.samples;
		}
		expect(sizes).toEqual([64, 64, 32, 64]);
		expect(trainer.report().epoch).toBeCloseTo(224 / 160, 12);
	});

	it('BatchOrder: stored order every epoch without shuffling; a fresh seeded permutation each epoch with it', () => {
		const plain = new BatchOrder(6, false, 1);
		expect(Array.from(plain.rows)).toEqual([0, 1, 2, 3, 4, 5]);
		plain.nextEpoch();
		expect(Array.from(plain.rows)).toEqual([0, 1, 2, 3, 4, 5]);
		const shuffled = new BatchOrder(50, true, 1);
		const first = Array.from(shuffled.rows);
		expect(first).not.toEqual(Array.from({length: 50}, (_, i) => i));
		expect([...first].sort((a, b) => a - b)).toEqual(Array.from({length: 50}, (_, i) => i));
		shuffled.nextEpoch();
		expect(Array.from(shuffled.rows)).not.toEqual(first);
		expect(Array.from(new BatchOrder(50, true, 1).rows)).toEqual(first);
	});

	it('full batch takes the whole training set each step', () => {
		const trainer = new Trainer(config({batch: 'full'}), data);
		expect(trainer.next().samples).toBe(data.train.n);
		expect(trainer.report().epoch).toBe(1);
	});

	it('reports per-layer statistics that make sense', () => {
		const sig = new Trainer(config({network: {layers: [2, 8, 8, 2], activation: 'sigmoid'}, init: {name: 'normal', std: 20}}), data).next();
		expect(sig.layers).toHaveLength(3);
		expect(sig.layers[0]!.saturated).toBeGreaterThan(0.5);
		expect(sig.layers[2]!.saturated).toBeNull();
		expect(sig.layers[0]!.dead).toBeNull();
		const relu = new Trainer(config({network: {layers: [2, 8, 2], activation: 'relu'}, init: {name: 'zeros'}}), data).next();
		// All-zero weights: every ReLU unit outputs 0 on every row, so all are dead.
		expect(relu.layers[0]!.dead).toBe(1);
		const r = new Trainer(config(), data).next();
		for (const layer of r.layers) {
			expect(layer.gradNormW).toBeGreaterThan(0);
			expect(layer.updateRatio).toBeGreaterThan(0);
			expect(layer.updateRatio).toBeLessThan(1);
		}
		expect(JSON.parse(JSON.stringify(r))).toEqual(r);
	});

	it('the fused update equals a gradient pass followed by a separate optimizer step', () => {
		const cfg = config({batch: 'full', shuffle: false, optimizer: {name: 'adam', lr: 0.05, weightDecay: 0.01}});
		const fused = new Trainer(cfg, data);
		fused.advance();
		fused.advance();
		// Same seed, same initial weights; gradients first, then the optimizer slot by slot.
		const net = new Trainer(cfg, data).network;
		const opt = createOptimizer(cfg.optimizer, net.slotSizes());
		for (let step = 0; step < 2; step++) {
			const grads = gradients(net);
			opt.beginStep();
			for (let l = 0; l < net.depth; l++) {
				opt.update(2 * l, net.weights[l]!, grads.W[l]!, 0, net.weights[l]!.length);
				opt.update(2 * l + 1, net.biases[l]!, grads.b[l]!, 0, net.biases[l]!.length);
			}
		}
		for (let l = 0; l < net.depth; l++) {
			const expected = net.weights[l]!;
			fused.network.weights[l]!.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 12));
		}
	});

	it('marks a run diverged instead of throwing, and stops it', () => {
		// MSE with a far too large step grows the loss geometrically until it overflows.
		const trainer = new Trainer(config({optimizer: {name: 'sgd', lr: 5}, loss: 'mse', network: {layers: [2, 16, 2], activation: 'tanh'}}), data);
		let report = trainer.next();
		for (let k = 0; k < 200 && !report.diverged; k++) report = trainer.next();
		expect(report.diverged).toBe(true);
		expect(report.divergedAt).toBe(report.step);
		const after = trainer.next();
		expect(after.step).toBe(report.step);
		expect(trainer.advance()).toBe(false);
	});

	it('checkpoints round-trip bit for bit', () => {
		const trainer = new Trainer(config(), data);
		for (let k = 0; k < 20; k++) trainer.advance();
		const json = JSON.stringify(trainer.network.toCheckpoint());
		const restored = Network.fromCheckpoint(JSON.parse(json));
		restored.weights.forEach((w, l) => expect(w).toEqual(trainer.network.weights[l]));
		const resumed = new Trainer(config(), data, JSON.parse(json));
		expect(resumed.network.biases).toEqual(trainer.network.biases);
		expect(() => new Trainer(config({network: {layers: [2, 4, 2], activation: 'tanh'}}), data, JSON.parse(json))).toThrow(/checkpoint/);
	});
});

/** Loss gradients of the whole training set without updating, via the network's backward pass. */
function gradients(net: Network) {
	const y = data.train.y;
	const k = net.layers.at(-1)!;
	const logits = net.forward(data.train.x, null, 0, data.train.n, false);
	const D = net.outputGradient();
	// Softmax cross-entropy gradient, written out independently of loss.ts.
	for (let b = 0; b < data.train.n; b++) {
		let max = -Infinity;
		for (let j = 0; j < k; j++) max = Math.max(max, logits[b * k + j]!);
		let sum = 0;
		for (let j = 0; j < k; j++) sum += Math.exp(logits[b * k + j]! - max);
		for (let j = 0; j < k; j++) D[b * k + j] = (Math.exp(logits[b * k + j]! - max) / sum - (j === y[b] ? 1 : 0)) / data.train.n;
	}
	net.backward(data.train.n, null);
	return {W: net.gradW.map((g) => Float64Array.from(g)), b: net.gradB.map((g) => Float64Array.from(g))};
}
