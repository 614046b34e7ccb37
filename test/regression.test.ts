import {describe, expect, it} from 'vitest';
import {prepareData, REGRESSION_NAMES, regressionSource} from '../src/core/data/index.js';
import {regressionLoss, rSquared, type LossResult} from '../src/core/loss.js';
import {Network} from '../src/core/network.js';
import {inspectStep} from '../src/core/inspect.js';
import {predictCurve, predictValues} from '../src/core/probe.js';
import {createRng} from '../src/core/rng.js';
import {allowedOutputs, Trainer} from '../src/core/trainer.js';
import type {RegressionSplit, TrainConfig} from '../src/core/types.js';

function split(name: (typeof REGRESSION_NAMES)[number], samples = 300, noise = 0.05, seed = 1): RegressionSplit {
	const rng = createRng(seed);
	return prepareData(regressionSource(name, {samples, noise}, rng), {test: 0.2, order: 'shuffled', standardize: false}, rng);
}

describe('built-in regression sets', () => {
	it('sine, cubic, plane and bumps follow their formulas exactly without noise', () => {
		const clean = (name: (typeof REGRESSION_NAMES)[number]) => regressionSource(name, {samples: 200, noise: 0}, createRng(2)).rows;
		const sine = clean('sine');
		expect(sine.features).toBe(1);
		for (let i = 0; i < sine.n; i++) expect(sine.y[i]).toBe(Math.sin(2 * Math.PI * sine.x[i]!));
		const cubic = clean('cubic');
		for (let i = 0; i < cubic.n; i++) {
			const x = cubic.x[i]!;
			expect(cubic.y[i]).toBe(4 * x * x * x - 3 * x);
		}
		const plane = clean('plane');
		expect(plane.features).toBe(2);
		for (let i = 0; i < plane.n; i++) expect(plane.y[i]).toBeCloseTo(0.6 * (plane.x[2 * i]! + plane.x[2 * i + 1]!), 14);
		const bumps = clean('bumps');
		for (let i = 0; i < bumps.n; i++) expect(Math.abs(bumps.y[i]!)).toBeLessThanOrEqual(1);
	});

	it('the playground bumps: +1 or −1 at the centres, 0 between them', () => {
		// Noise-free points near the playground's landmarks (its units are 6 of ours).
		const bumps = regressionSource('bumps', {samples: 4000, noise: 0}, createRng(5)).rows;
		let nearPlus = 0;
		let nearMinus = 0;
		for (let i = 0; i < bumps.n; i++) {
			const a = bumps.x[2 * i]! * 6;
			const b = bumps.x[2 * i + 1]! * 6;
			if (Math.hypot(a + 4, b - 2.5) < 0.2) {
				expect(bumps.y[i]).toBeGreaterThan(0.9);
				nearPlus++;
			}
			if (Math.hypot(a, b - 2.5) < 0.2) {
				expect(bumps.y[i]).toBeLessThan(-0.9);
				nearMinus++;
			}
			if (Math.abs(b) < 0.3) expect(bumps.y[i]).toBe(0); // more than 2 units from every centre
		}
		expect(nearPlus).toBeGreaterThan(0);
		expect(nearMinus).toBeGreaterThan(0);
	});

	it('noise is Gaussian on the target with the given spread, and the inputs span [−1, 1]', () => {
		const rng = createRng(3);
		const noisy = regressionSource('cubic', {samples: 20_000, noise: 0.2}, rng).rows;
		let ss = 0;
		for (let i = 0; i < noisy.n; i++) {
			const x = noisy.x[i]!;
			expect(Math.abs(x)).toBeLessThanOrEqual(1);
			ss += (noisy.y[i]! - (4 * x * x * x - 3 * x)) ** 2;
		}
		expect(Math.sqrt(ss / noisy.n)).toBeCloseTo(0.2, 2);
	});

	it('same seed, same data; the split holds out the share', () => {
		for (const name of REGRESSION_NAMES) {
			const a = split(name);
			expect(split(name).train.y).toEqual(a.train.y);
			expect(split(name, 300, 0.05, 2).train.y).not.toEqual(a.train.y);
			expect(a.test.n).toBe(60);
			expect(a.targetNames).toEqual(['y']);
		}
	});
});

describe('regression losses and R²', () => {
	const Z = Float64Array.of(1, 2, 3, 5);
	const T = Float64Array.of(1.5, 2, 2, 3);
	const D = new Float64Array(4);
	const out: LossResult = {loss: 0, correct: 0};

	it('mse is the mean of squares, its gradient 2(z − t)/n', () => {
		regressionLoss('mse', Z, T, 2, 2, D, out);
		expect(out.loss).toBe((0.25 + 0 + 1 + 4) / 4);
		expect(Array.from(D)).toEqual([-0.25, 0, 0.5, 1]);
	});

	it('mae is the mean of absolute values, its gradient sign(z − t)/n (0 where equal)', () => {
		regressionLoss('mae', Z, T, 2, 2, D, out);
		expect(out.loss).toBe((0.5 + 0 + 1 + 2) / 4);
		expect(Array.from(D)).toEqual([-0.25, 0, 0.25, 0.25]);
	});

	it('R² averages 1 − SSres/SStot over the target columns; a constant column makes it NaN', () => {
		// Column 0: t = 1.5, 2 (mean 1.75, SStot 0.125), z = 1, 3 → SSres 0.25 + 1 = 1.25 → R² = −9.
		// Column 1: t = 2, 3 (mean 2.5, SStot 0.5), z = 2, 5 → SSres 0 + 4 = 4 → R² = −7.
		expect(rSquared(Float64Array.of(1, 2, 3, 5), T, 2, 2)).toBeCloseTo(-8, 12);
		expect(rSquared(T, T, 2, 2)).toBe(1);
		expect(rSquared(Float64Array.of(1.75, 2.5, 1.75, 2.5), T, 2, 2)).toBe(0);
		expect(rSquared(Z, Float64Array.of(1, 2, 1, 3), 2, 2)).toBeNaN();
	});
});

describe('Trainer on real-valued targets', () => {
	const data = split('sine', 300, 0.05);
	const config = (overrides: Partial<TrainConfig> = {}): TrainConfig => ({
		network: {layers: [1, 16, 16, 1], activation: 'tanh'},
		init: {name: 'xavier-uniform'},
		optimizer: {name: 'adam', lr: 0.01},
		loss: 'mse',
		batch: 32,
		shuffle: true,
		seed: 4,
		...overrides,
	});

	it('fits the sine: R² on the test rows above 0.95, and reports R² instead of accuracy', () => {
		const trainer = new Trainer(config(), data);
		const start = trainer.evaluate('test');
		let report = trainer.next();
		expect(report.accuracy).toBeNull();
		expect(report.r2).toBeTypeOf('number');
		for (let k = 0; k < 3000; k++) report = trainer.next();
		const end = trainer.evaluate('test');
		expect(end.loss).toBeLessThan(start.loss / 10);
		expect(end.r2).toBeGreaterThan(0.95);
		expect(end.accuracy).toBeNaN();
		expect(JSON.parse(JSON.stringify(report))).toEqual(report);
	});

	it('the test R² is over the whole split, not averaged over chunks', () => {
		const big = split('plane', 1500, 0.1);
		const trainer = new Trainer(config({network: {layers: [2, 4, 1], activation: 'tanh'}}), big);
		for (let k = 0; k < 50; k++) trainer.advance();
		const net = trainer.network;
		const predictions = Float64Array.from(net.forward(big.test.x, null, 0, big.test.n, false).subarray(0, big.test.n));
		expect(big.test.n).toBeGreaterThan(256); // more than one evaluation chunk
		expect(trainer.evaluate('test').r2).toBeCloseTo(rSquared(predictions, big.test.y, big.test.n, 1), 12);
	});

	it('takes as many outputs as target columns, and refuses cross-entropy', () => {
		expect(allowedOutputs(data, 'mse')).toEqual([1]);
		expect(() => new Trainer(config({network: {layers: [1, 4, 2], activation: 'tanh'}}), data)).toThrow(/output layer has 2 units but the data has 1 target columns/);
		expect(() => new Trainer(config({loss: 'cross-entropy'}), data)).toThrow(/cross-entropy needs class labels/);
	});
});

describe('what a fit view draws', () => {
	it('predictCurve: the network at evenly spaced inputs, ends included; predictValues: at cell centres, top row first', async () => {
		// y = 2x + 1 (one linear layer) and z = x − y.
		const line = new Network({layers: [1, 1], activation: 'linear'});
		line.setParameters([{W: [[2]], b: [1]}]);
		const curve = new Float64Array(5);
		predictCurve(line, -1, 1, 5, curve, 2);
		expect(Array.from(curve)).toEqual([-1, 0, 1, 2, 3]);
		const plane = new Network({layers: [2, 1], activation: 'linear'});
		plane.setParameters([{W: [[1, -1]], b: [0]}]);
		const grid = new Float32Array(4);
		predictValues(plane, {xMin: 0, xMax: 2, yMin: 0, yMax: 2}, 2, 2, grid, new Float64Array(8), 3);
		// Cell centres: (0.5, 1.5), (1.5, 1.5) on top; (0.5, 0.5), (1.5, 0.5) below.
		expect(Array.from(grid)).toEqual([-1, 0, 0, 1]);
	});
});

describe('the step inspector on a regression run', () => {
	it('shows the example\'s own targets, no class, and the loss the trainer takes', () => {
		const data = split('plane', 40, 0.1);
		const trainer = new Trainer({network: {layers: [2, 3, 1], activation: 'tanh'}, init: {name: 'xavier-uniform'}, optimizer: {name: 'sgd', lr: 0.1}, loss: 'mse', batch: 4, shuffle: true, seed: 2}, data);
		const input = trainer.nextStep();
		const inspection = inspectStep(input, 1);
		if (inspection.kind !== 'step') throw new Error('expected a step');
		expect(inspection.output.label).toBeNull();
		expect(inspection.output.correct).toBe(false);
		expect(inspection.output.targets).toEqual([data.train.y[input.rows[1]!]]);
		expect(inspection.loss).toBe(trainer.next().loss);
	});
});
