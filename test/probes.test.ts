import {describe, expect, it} from 'vitest';
import {NO_CLASS} from '../src/core/probe.js';
import {evaluateNetwork} from '../src/core/trainer.js';
import {FIT_CURVE_POINTS, MAX_IMAGES, MAX_TEST_POINTS, MAX_TRAIN_POINTS, PROBE_GRID, Prober, dataBounds, imageSamples, sampleRows, subsample} from '../src/runner/probes.js';
import type {ProbeMessage} from '../src/runner/protocol.js';
import {Session} from '../src/runner/session.js';
import type {NetworkScenario} from '../src/scenarios/types.js';
import {divergingScenario, surfaceScenario, tinyScenario} from './helpers/scenarios.js';
import {next, startTestRunner} from './helpers/worker.js';

/** The tiny scenario on the digits: 64 features, so no boundary. */
function digitsScenario(): NetworkScenario {
	const base = tinyScenario();
	return {...base, runs: base.runs.map((r) => ({...r, dataset: {kind: 'digits', test: 0.2, standardize: false}}))};
}

/** The tiny scenario on a built-in regression set, MSE. */
function regressionScenario(name: 'sine' | 'plane'): NetworkScenario {
	const base = tinyScenario({loss: 'mse'});
	return {...base, runs: base.runs.map((r) => ({...r, dataset: {kind: 'regression', name, samples: 120, noise: 0.1, test: 0.25, standardize: false}}))};
}

describe('image data', () => {
	// Mutation: confusionMatrix counting (predicted, true) instead, or predictions of a stale network, fails this.
	it("digits: a few test images once, each run's guesses and a confusion matrix that agrees with its test accuracy", () => {
		const session = new Session(digitsScenario());
		for (let k = 0; k < 60; k++) session.stepAll();
		const prober = new Prober();
		const first = prober.probe(session)!;
		const images = first.images!;
		const test = session.runs[0]!.trainer!.data.test;
		expect(images.split).toBe('test');
		expect(images.rows).toBe(test.n);
		expect([images.width, images.height]).toEqual([8, 8]);
		expect(images.labels).toHaveLength(MAX_IMAGES);
		expect(Array.from(images.labels.slice(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]); // a round of every class first
		expect(images.pixels).toHaveLength(MAX_IMAGES * 64);
		expect(Math.min(...images.pixels)).toBe(0);
		expect(Math.max(...images.pixels)).toBe(1);
		first.runs.forEach((run, k) => {
			const {predicted, confusion} = run.images!;
			expect(predicted).toHaveLength(MAX_IMAGES);
			const total = confusion.reduce((a, b) => a + b, 0);
			expect(total).toBe(test.n);
			const diagonal = Array.from({length: 10}, (_, c) => confusion[c * 11]!).reduce((a, b) => a + b, 0);
			const evaluation = evaluateNetwork(session.runs[k]!.trainer!.network, test, 'cross-entropy');
			expect(diagonal / total).toBeCloseTo(evaluation.accuracy, 12);
			// Row t of the matrix counts class t's rows.
			for (let t = 0; t < 10; t++) expect(confusion.slice(t * 10, t * 10 + 10).reduce((a, b) => a + b, 0)).toBe(test.y.filter((y) => y === t).length);
		});
		session.stepAll();
		expect(prober.probe(session)!.images).toBeUndefined();
		// The guesses are a costly picture: none while no picture view shows (mutation: not gating them on `wanted.boundary` fails this).
		session.stepAll();
		expect(prober.probe(session, {boundary: false})!.runs[0]!.images).toBeUndefined();
		expect(prober.probe(session, {boundary: true})!.runs[0]!.images).toBeDefined();
		prober.reset();
		expect(prober.probe(session)!.images).toBeDefined();
	});

	it('sampleRows takes a round of every class, then the next; imageSamples undoes standardising for display', () => {
		const set = {task: 'classification', x: Float64Array.from([0, 2, 4, 6, 8, 10]), y: Int32Array.from([1, 1, 0, 1, 0, 0]), n: 6, features: 1, classes: 2} as const;
		expect(sampleRows(set, 10)).toEqual([2, 0, 4, 1, 5, 3]);
		expect(sampleRows(set, 3)).toEqual([2, 0, 4]);
		// One pixel per image (side 1), standardised with mean 4 and scale 0.5: raw values 4 + z / 0.5.
		const split = {task: 'classification', name: 'x', featureNames: ['p'], classNames: ['a', 'b'], standardization: {mean: [4], scale: [0.5]}, train: set, test: set} as const;
		const samples = imageSamples(split, set, 'test', [0, 1, 2], 1);
		// Raw 4, 8, 12 spread over 0 … 1.
		expect(Array.from(samples.pixels)).toEqual([0, 0.5, 1]);
		expect(Array.from(samples.labels)).toEqual([1, 1, 0]);
	});
});

describe('Prober', () => {
	it('sends a boundary grid and histograms per run, and the data once', () => {
		const session = new Session(tinyScenario());
		for (let k = 0; k < 100; k++) session.stepAll();
		const prober = new Prober();
		const first = prober.probe(session)!;
		expect(first.type).toBe('probe');
		expect(first.runs).toHaveLength(2);
		for (const run of first.runs) {
			expect(run.boundary!.width).toBe(PROBE_GRID);
			expect(run.boundary!.cells).toHaveLength(PROBE_GRID * PROBE_GRID);
			expect(Math.max(...run.boundary!.cells)).toBeLessThan(2);
			expect(run.histograms).toHaveLength(3);
		}
		// A trained moons network predicts both classes somewhere on the plane.
		expect(new Set(first.runs[0]!.boundary!.cells).size).toBe(2);
		const data = first.data!;
		if (data.kind !== 'classes') throw new Error('expected classes');
		expect(data.classes).toBe(2);
		expect(data.train.labels.length).toBeLessThanOrEqual(MAX_TRAIN_POINTS);
		expect(data.test.labels.length).toBeLessThanOrEqual(MAX_TEST_POINTS);
		expect(data.train.xy).toHaveLength(2 * data.train.labels.length);
		// The window is square and holds every point.
		const b = data.bounds;
		expect(b.xMax - b.xMin).toBeCloseTo(b.yMax - b.yMin, 12);
		for (let k = 0; k < data.train.labels.length; k++) {
			expect(data.train.xy[2 * k]).toBeGreaterThan(b.xMin);
			expect(data.train.xy[2 * k + 1]).toBeLessThan(b.yMax);
		}
		session.stepAll();
		expect(prober.probe(session)!.data).toBeUndefined();
		prober.reset();
		expect(prober.probe(session)!.data).toBeDefined();
	});

	it('leaves the grid out when not wanted, and reuses a probe while a run stands still', () => {
		const session = new Session(tinyScenario());
		session.stepAll();
		const prober = new Prober();
		const light = prober.probe(session, {boundary: false})!;
		expect(light.runs[0]!.boundary).toBeUndefined();
		expect(light.runs[0]!.histograms).toBeDefined();
		const full = prober.probe(session, {boundary: true})!;
		expect(full.runs[0]!.boundary).toBeDefined();
		expect(prober.probe(session, {boundary: true})!.runs[0]).toBe(full.runs[0]); // no step since: the same object
		session.stepAll();
		expect(prober.probe(session, {boundary: true})!.runs[0]).not.toBe(full.runs[0]);
	});

	it('probing does not change training', () => {
		const plain = new Session(tinyScenario());
		const probed = new Session(tinyScenario());
		const prober = new Prober();
		for (let k = 0; k < 120; k++) {
			plain.stepAll();
			probed.stepAll();
			if (k % 7 === 0) prober.probe(probed);
		}
		expect(probed.states().map((s) => s.loss)).toEqual(plain.states().map((s) => s.loss));
	});

	it('a diverged run still gets a probe of the right shape (NO_CLASS where its logits are not finite)', () => {
		const session = new Session(divergingScenario());
		for (let k = 0; k < 300 && !session.runs[1]!.diverged; k++) session.stepAll();
		expect(session.runs[1]!.diverged).toBe(true);
		const message = new Prober().probe(session)!;
		const cells = message.runs[1]!.boundary!.cells;
		expect(cells).toHaveLength(PROBE_GRID * PROBE_GRID);
		expect(cells.every((c) => c < 2 || c === NO_CLASS)).toBe(true);
		expect(message.runs[1]!.histograms).toHaveLength(3);
		expect(message.runs[0]!.boundary!.cells.some((c) => c === NO_CLASS)).toBe(false);
	});

	it('no boundary for data that is not 2-D, nothing at all for a surface race', () => {
		const digits = new Session(digitsScenario());
		digits.stepAll();
		const message = new Prober().probe(digits)!;
		expect(message.data).toBeUndefined();
		expect(message.runs[0]!.boundary).toBeUndefined();
		expect(message.runs[0]!.histograms![0]).toHaveLength(28);
		expect(new Prober().probe(new Session(surfaceScenario()))).toBeNull();
	});

	it('subsample keeps every k-th row; dataBounds is square', () => {
		const x = Float64Array.from({length: 20}, (_, k) => k);
		const set = {task: 'classification' as const, x, y: Int32Array.from({length: 10}, (_, k) => k % 2), n: 10, features: 2, classes: 2};
		const points = subsample(set, 4);
		expect(Array.from(points.labels)).toEqual([0, 1, 0, 1]); // rows 0, 3, 6, 9
		expect(Array.from(points.xy)).toEqual([0, 1, 6, 7, 12, 13, 18, 19]);
		const bounds = dataBounds({task: 'classification', name: 't', featureNames: ['x1', 'x2'], standardization: null, train: set, test: {...set, n: 0}, classNames: ['0', '1']});
		expect(bounds.xMax - bounds.xMin).toBeCloseTo(bounds.yMax - bounds.yMin, 12);
	});
});


describe('the worker’s probes', () => {
	it('sends histograms and the data at once, boundaries only while watched, and again after a restart', async () => {
		const runner = startTestRunner({scenario: tinyScenario({steps: 1_000_000}), options: {}, snapshotsPerSecond: 30, speed: 'max', paused: false});
		try {
			const first = (await next(runner, (m) => m.type === 'probe')) as ProbeMessage;
			expect(first.data).toBeDefined();
			expect(first.runs[0]!.histograms).toBeDefined();
			expect(first.runs[0]!.boundary).toBeUndefined();
			runner.send({type: 'watch', boundary: true});
			const watched = (await next(runner, (m) => m.type === 'probe' && m.runs[0]!.boundary !== undefined)) as ProbeMessage;
			expect(watched.runs[1]!.boundary!.cells).toHaveLength(PROBE_GRID * PROBE_GRID);
			runner.send({type: 'restart'});
			await next(runner, (m) => m.type === 'reset');
			const again = (await next(runner, (m) => m.type === 'probe')) as ProbeMessage;
			expect(again.data).toBeDefined();
		} finally {
			await runner.stop();
		}
	});

	it('a surface race gets no probes', async () => {
		const runner = startTestRunner({scenario: surfaceScenario(), options: {}, snapshotsPerSecond: 30, speed: 'max', paused: false});
		const seen: string[] = [];
		runner.subscribe((m) => seen.push(m.type));
		try {
			await next(runner, (m) => m.type === 'snapshot' && m.finished);
			expect(seen).not.toContain('probe');
		} finally {
			await runner.stop();
		}
	});

	it('a 1-D regression: each run’s curve is its network’s first output along the window; the targets once', () => {
		const session = new Session(regressionScenario('sine'));
		for (let k = 0; k < 50; k++) session.stepAll();
		const message = new Prober().probe(session)!;
		const data = message.data!;
		if (data.kind !== 'fit') throw new Error('expected a fit');
		expect(data.inputs).toBe(1);
		expect(data.train.targets.length).toBe(90);
		expect(data.test.targets.length).toBe(30);
		// The window holds every point: x over the inputs, y over the targets.
		for (let k = 0; k < 90; k++) {
			expect(data.train.x[k]).toBeGreaterThan(data.bounds.xMin);
			expect(data.train.targets[k]).toBeLessThan(data.bounds.yMax);
			expect(data.train.targets[k]).toBeGreaterThanOrEqual(Math.fround(data.low));
		}
		message.runs.forEach((probe, r) => {
			const fit = probe.fit!;
			if (fit.kind !== 'curve') throw new Error('expected a curve');
			expect(fit.values).toHaveLength(FIT_CURVE_POINTS);
			const net = session.runs[r]!.trainer!.network;
			for (const k of [0, 100, FIT_CURVE_POINTS - 1]) {
				const x = data.bounds.xMin + (k / (FIT_CURVE_POINTS - 1)) * (data.bounds.xMax - data.bounds.xMin);
				expect(fit.values[k]).toBeCloseTo(net.forward(Float64Array.of(x), null, 0, 1, false)[0]!, 5);
			}
			expect(probe.boundary).toBeUndefined();
		});
	});

	it('a 2-D regression: a grid of predictions over the square window', () => {
		const session = new Session(regressionScenario('plane'));
		for (let k = 0; k < 50; k++) session.stepAll();
		const message = new Prober().probe(session)!;
		expect(message.data).toMatchObject({kind: 'fit', inputs: 2});
		const fit = message.runs[0]!.fit!;
		if (fit.kind !== 'map') throw new Error('expected a map');
		expect(fit.values).toHaveLength(PROBE_GRID * PROBE_GRID);
		// The plane rises to the top right: so does a network trained on it for a while.
		expect(fit.values[PROBE_GRID - 1]!).toBeGreaterThan(fit.values[(PROBE_GRID - 1) * PROBE_GRID]!);
	});
});
