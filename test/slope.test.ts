import {describe, expect, it} from 'vitest';
import type {ActivationName} from '../src/core/activations.js';
import {makeToy} from '../src/core/data/index.js';
import {batchLabels, batchLoss, copyNetwork} from '../src/core/inspect-preview.js';
import type {OptimizerConfig} from '../src/core/optim/index.js';
import {createRng} from '../src/core/rng.js';
import {filterNormalisedDirection, lossSlice, SLOPE_HALF_WIDTH, type SliceRequest, sliceFlops, steepestWeight} from '../src/core/slope.js';
import {Trainer} from '../src/core/trainer.js';
import type {LossName} from '../src/core/types.js';

const data = makeToy('moons', {samples: 60, noise: 0.15, test: 0.2}, createRng(4));

function trainer(optimizer: OptimizerConfig = {name: 'sgd', lr: 0.5}, activation: ActivationName = 'tanh', loss: LossName = 'cross-entropy', layers = [2, 5, 4, 2]): Trainer {
	const t = new Trainer({network: {layers, activation}, init: {name: 'xavier-normal'}, optimizer, loss, batch: 9, shuffle: true, seed: 8}, data);
	for (let k = 0; k < 4; k++) t.advance();
	return t;
}

/** Five-point central difference at the middle of a five-sample curve. */
function curveSlope(xs: readonly number[], losses: readonly number[]): number {
	const h = xs[1]! - xs[0]!;
	return (losses[0]! - 8 * losses[1]! + 8 * losses[3]! - losses[4]!) / (12 * h);
}

describe('the loss slice', () => {
	const CASES: readonly {readonly name: string; readonly request: SliceRequest; readonly activation: ActivationName; readonly loss: LossName}[] = [
		{name: 'the steepest weight, tanh, cross-entropy', request: {mode: 'weight'}, activation: 'tanh', loss: 'cross-entropy'},
		{name: 'a chosen weight, relu, MSE', request: {mode: 'weight', param: {layer: 1, to: 2, from: 1}}, activation: 'relu', loss: 'mse'},
		{name: 'a bias, gelu, cross-entropy', request: {mode: 'weight', param: {layer: 2, to: 1, from: null}}, activation: 'gelu', loss: 'cross-entropy'},
		{name: 'the gradient direction, sigmoid, MSE', request: {mode: 'gradient'}, activation: 'sigmoid', loss: 'mse'},
		{name: 'a random direction, elu, cross-entropy', request: {mode: 'random', seed: 3}, activation: 'elu', loss: 'cross-entropy'},
	];
	for (const {name, request, activation, loss} of CASES) {
		it(`its tangent is the slope of the sampled curve: ${name}`, () => {
			const t = trainer({name: 'sgd', lr: 0.5}, activation, loss);
			const slice = lossSlice(t.nextStep(), {...request, points: 5, halfWidth: 1e-3});
			expect(slice.losses[2]).toBe(slice.loss0);
			expect(slice.xs[2]).toBe(slice.x0);
			const numeric = curveSlope(slice.xs, slice.losses);
			expect(Math.abs(numeric - slice.slope) / Math.max(Math.abs(slice.slope), 1e-4)).toBeLessThan(1e-6);
			expect(Math.abs(slice.slope)).toBeGreaterThan(1e-4);
		});
	}

	it('moves the steepest weight by default, with the gradient the step uses', () => {
		const t = trainer();
		const input = t.nextStep();
		const slice = lossSlice(input, {mode: 'weight'});
		t.advance();
		const {layer, to, from} = slice.param!;
		const n = t.network.layers[layer]!;
		expect(slice.slope).toBe(t.network.gradW[layer]![to * n + from!]);
		const largest = Math.max(...t.network.gradW.flatMap((g) => Array.from(g, Math.abs)));
		expect(Math.abs(slice.slope)).toBe(largest);
		expect(steepestWeight(t.network)).toEqual(slice.param);
		// By size, whatever the sign: the first of equals.
		const net = copyNetwork(t.network);
		for (const g of net.gradW) g.fill(0.5);
		net.gradW[1]![7] = -2;
		net.gradW[2]![1] = 2;
		expect(steepestWeight(net)).toEqual({layer: 1, to: 1, from: 2});
	});

	for (const optimizer of [{name: 'sgd', lr: 0.5}, {name: 'momentum', lr: 0.2}, {name: 'adam', lr: 0.05}] as const) {
		it(`lands where the run's next step takes the weight: ${optimizer.name}`, () => {
			const t = trainer(optimizer);
			const twin = trainer(optimizer);
			const input = t.nextStep();
			const param = {layer: 0, to: 4, from: 1};
			const slice = lossSlice(input, {mode: 'weight', param});
			const old = t.network.weights[0]![4 * 2 + 1]!;
			const halfWidth = Math.abs(slice.step.x - old);
			const near = lossSlice(input, {mode: 'weight', param, points: 3, halfWidth});
			t.advance();
			twin.advance();
			expect(t.network.toCheckpoint()).toEqual(twin.network.toCheckpoint());
			expect(slice.x0).toBe(old);
			expect(slice.step.x).toBeCloseTo(t.network.weights[0]![4 * 2 + 1]!, 15);
			expect(slice.step.lossAfter).toBe(batchLoss(copyNetwork(t.network), input, batchLabels(input)));
			// On the curve only this weight moved: the loss there is the curve's own.
			expect(slice.step.lossOnCurve).toBeCloseTo(near.losses[slice.step.x > old ? 2 : 0]!, 14);
			expect(Math.abs(slice.step.x - slice.x0)).toBeLessThanOrEqual(slice.xs.at(-1)! - slice.x0);
			expect(slice.step.offLine).toBeGreaterThan(0);
		});

		it(`splits the step along and off the gradient direction: ${optimizer.name}`, () => {
			const t = trainer(optimizer);
			const input = t.nextStep();
			const slice = lossSlice(input, {mode: 'gradient'});
			const before = t.network.toCheckpoint().weights.flatMap(({W, b}) => [...W.flat(), ...b]);
			t.advance();
			const after = t.network.toCheckpoint().weights.flatMap(({W, b}) => [...W.flat(), ...b]);
			const gradNorm = Math.hypot(...t.network.gradW.flatMap((g, l) => [...g, ...t.network.gradB[l]!]));
			expect(slice.slope).toBeCloseTo(-gradNorm, 14);
			// d is a unit vector: the step's length² is its part along d squared plus its part off d squared.
			const stepLength = Math.hypot(...after.map((v, k) => v - before[k]!));
			expect(Math.hypot(slice.step.x, slice.step.offLine)).toBeCloseTo(stepLength, 14);
			expect(slice.step.lossAfter).toBe(batchLoss(copyNetwork(t.network), input, batchLabels(input)));
			if (optimizer.name === 'sgd') {
				// Plain SGD steps straight down the gradient: on the line, at α = lr·‖g‖.
				expect(slice.step.x).toBeCloseTo(optimizer.lr * gradNorm, 14);
				expect(slice.step.offLine).toBeLessThan(1e-12 * stepLength);
				expect(slice.step.lossOnCurve).toBeCloseTo(slice.step.lossAfter, 12);
			} else {
				expect(slice.step.offLine).toBeGreaterThan(1e-6 * stepLength);
			}
		});
	}

	it('draws the random direction filter-normalised from its seed', () => {
		const net = trainer().network;
		const d = filterNormalisedDirection(net, 7);
		net.weights.forEach((w, l) => {
			const n = net.layers[l]!;
			for (let start = 0; start < w.length; start += n) {
				expect(Math.hypot(...d[2 * l]!.subarray(start, start + n))).toBeCloseTo(Math.hypot(...w.subarray(start, start + n)), 12);
			}
			expect(Array.from(d[2 * l + 1]!)).toEqual(new Array(net.biases[l]!.length).fill(0));
		});
		expect(filterNormalisedDirection(net, 7)).toEqual(d);
		expect(filterNormalisedDirection(net, 8)).not.toEqual(d);
	});

	it('widens the curve to show a step larger than the default span', () => {
		const slice = lossSlice(trainer({name: 'sgd', lr: 400}).nextStep(), {mode: 'weight'});
		const halfWidth = slice.xs.at(-1)! - slice.x0;
		expect(Math.abs(slice.step.x - slice.x0)).toBeGreaterThan(SLOPE_HALF_WIDTH);
		expect(Math.abs(slice.step.x - slice.x0)).toBeLessThan(halfWidth);
		expect(slice.x0 - slice.xs[0]!).toBeCloseTo(halfWidth, 12);
	});

	it('refuses a parameter the network lacks and an even number of points', () => {
		const input = trainer().nextStep();
		expect(() => lossSlice(input, {mode: 'weight', param: {layer: 0, to: 5, from: 0}})).toThrow('no parameter W[0][5][0] in a 2-5-4-2 network');
		expect(() => lossSlice(input, {mode: 'weight', param: {layer: 3, to: 0, from: null}})).toThrow('no parameter b[3][0]');
		expect(() => lossSlice(input, {mode: 'gradient', points: 4})).toThrow('odd number of points');
	});

	it('counts its cost in forward passes of the batch', () => {
		// 2-5-4-2: 10 + 20 + 8 = 38 multiply-adds per row; 41 points + 8 passes.
		expect(sliceFlops([2, 5, 4, 2], 9)).toBe(2 * 38 * 9 * 49);
	});

	it('is plain data', () => {
		const slice = lossSlice(trainer().nextStep(), {mode: 'random', seed: 1});
		expect(slice.xs).toHaveLength(41);
		expect(structuredClone(slice)).toEqual(slice);
	});
});
