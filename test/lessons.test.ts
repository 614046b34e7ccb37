/**
 * Every built-in lesson, trained headless to its step budget, must make the point its captions
 * claim. If a core change breaks one of these, the lesson (or the core) needs another look.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createOptimizer} from '../src/core/optim/index.js';
import {createSurfaceRun, SURFACES} from '../src/core/surfaces.js';
import {Trainer} from '../src/core/trainer.js';
import {buildDataSplit, buildTrainConfig} from '../src/scenarios/data.js';
import {builtinDir, findScenario, listScenarios, loadScenarioFile} from '../src/scenarios/load.js';
import type {NetworkRunSpec, NetworkScenario, SurfaceScenario} from '../src/scenarios/types.js';

/** A lesson's training time budget on a slow 2-core machine; they take a few seconds each. */
const SECONDS_BUDGET = 30;

interface RunResult {
	readonly label: string;
	readonly losses: number[];
	/** ‖∂L/∂W‖ of layer 1, one per step. */
	readonly firstLayerGrad: number[];
	readonly steps: number;
	readonly updatesPerEpoch: number;
	readonly divergedAt: number | null;
	readonly trainLoss: number;
	readonly testAccuracy: number;
}

function trainRun(spec: NetworkRunSpec): RunResult {
	const data = buildDataSplit(spec.dataset, spec.train.seed);
	const trainer = new Trainer(buildTrainConfig(spec, data), data);
	const losses: number[] = [];
	const firstLayerGrad: number[] = [];
	for (let s = 0; s < spec.train.steps && !trainer.diverged; s++) {
		const report = trainer.next();
		if (report.diverged) break;
		losses.push(report.loss);
		firstLayerGrad.push(report.layers[0]!.gradNormW);
	}
	const report = trainer.report();
	return {
		label: spec.label,
		losses,
		firstLayerGrad,
		steps: report.step,
		updatesPerEpoch: Math.ceil(data.train.n / trainer.batchSize),
		divergedAt: report.divergedAt,
		trainLoss: trainer.diverged ? Number.POSITIVE_INFINITY : trainer.evaluate('train').loss,
		testAccuracy: trainer.evaluate('test').accuracy,
	};
}

function lesson(id: string): NetworkScenario {
	const scenario = loadScenarioFile(findScenario(id));
	if (scenario.kind !== 'network') throw new Error(`${id} is not a network lesson`);
	return scenario;
}

/** Trains every run of a lesson, checking the wall-clock budget. */
function trainLesson(id: string): Map<string, RunResult> {
	const started = performance.now();
	const results = new Map(lesson(id).runs.map((spec) => [spec.label, trainRun(spec)] as const));
	expect((performance.now() - started) / 1000).toBeLessThan(SECONDS_BUDGET);
	return results;
}

function get(results: Map<string, RunResult>, label: string): RunResult {
	const r = results.get(label);
	if (!r) throw new Error(`no run labelled ${label}`);
	return r;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean |Δloss| between consecutive steps: how jumpy a loss curve is. */
const roughness = (xs: readonly number[]): number => mean(xs.slice(1).map((x, i) => Math.abs(x - xs[i]!)));

describe('network lessons make their point', () => {
	it('vanishing-gradients: sigmoid layer 1 gets ≥100× less gradient than ReLU, and ReLU ends lower', () => {
		const r = trainLesson('vanishing-gradients');
		const sigmoid = get(r, 'sigmoid');
		const relu = get(r, 'relu');
		expect(mean(sigmoid.firstLayerGrad) * 100).toBeLessThan(mean(relu.firstLayerGrad));
		expect(relu.trainLoss).toBeLessThan(0.3);
		expect(sigmoid.trainLoss).toBeGreaterThan(0.68);
		// tanh: the gradient reaches layer 1 (the caption's point), though it learns slowly.
		expect(mean(get(r, 'tanh').firstLayerGrad)).toBeGreaterThan(100 * mean(sigmoid.firstLayerGrad));
	});

	it('activations: the ReLU family beats sigmoid', () => {
		const r = trainLesson('activations');
		const sigmoid = get(r, 'sigmoid').trainLoss;
		for (const label of ['relu', 'leaky_relu', 'elu', 'gelu']) expect(get(r, label).trainLoss).toBeLessThan(sigmoid / 2);
	});

	it('optimizers: Adam ends below SGD, and every adaptive method too', () => {
		const r = trainLesson('optimizers');
		const sgd = get(r, 'SGD').trainLoss;
		expect(get(r, 'Adam').trainLoss).toBeLessThan(sgd);
		for (const label of ['Momentum', 'Nesterov', 'Adagrad', 'AdaDelta', 'RMSprop', 'NAdam']) expect(get(r, label).trainLoss).toBeLessThan(sgd);
	});

	it('batch-size: batch 1 makes the most updates per epoch and the noisiest curve; all runs train 30 epochs', () => {
		const r = trainLesson('batch-size');
		const one = get(r, 'batch 1');
		const full = get(r, 'full batch');
		expect(one.updatesPerEpoch).toBe(320);
		expect(full.updatesPerEpoch).toBe(1);
		for (const run of r.values()) expect(run.steps / run.updatesPerEpoch).toBe(30);
		expect(roughness(one.losses)).toBeGreaterThan(5 * roughness(full.losses));
		// Per epoch, more updates get further.
		expect(one.trainLoss).toBeLessThan(full.trainLoss);
		expect(get(r, 'batch 8').trainLoss).toBeLessThan(get(r, 'batch 128').trainLoss);
	});

	it('learning-rate: 2 diverges a little after step 100, 0.5 ends lowest, 0.01 crawls', () => {
		const r = trainLesson('learning-rate');
		const large = get(r, 'lr 2');
		expect(large.divergedAt).not.toBeNull();
		expect(large.divergedAt!).toBeGreaterThanOrEqual(100);
		expect(large.divergedAt!).toBeLessThan(110);
		const good = get(r, 'lr 0.5');
		const small = get(r, 'lr 0.01');
		expect(good.divergedAt).toBeNull();
		expect(small.divergedAt).toBeNull();
		expect(good.trainLoss).toBeLessThan(small.trainLoss);
		expect(small.trainLoss).toBeGreaterThan(0.2);
	});

	it('initialization: He beats N(0, 0.01), zeros never learns, N(0, 1) explodes', () => {
		const r = trainLesson('initialization');
		const he = get(r, 'He');
		expect(he.trainLoss).toBeLessThan(0.2);
		expect(he.trainLoss).toBeLessThan(get(r, 'N(0, 0.01)').trainLoss);
		const zeros = get(r, 'zeros');
		expect(zeros.trainLoss).toBeCloseTo(Math.LN2, 3);
		expect(Math.max(...zeros.firstLayerGrad)).toBe(0);
		expect(get(r, 'N(0, 1)').divergedAt!).toBeLessThan(20);
		expect(get(r, 'Xavier').trainLoss).toBeLessThan(0.5);
	});

	it('curve-fitting: tanh and ReLU fit the waves early; sigmoid is the best straight line on a plateau, then bends; at its caption steps', () => {
		const s = lesson('curve-fitting');
		const at = (words: RegExp): number => {
			const found = s.notes.filter((n) => words.test(n.text.en));
			expect(found, `one caption matching ${words}`).toHaveLength(1);
			return found[0]!.at;
		};
		const early = at(/already follow both waves/);
		const plateau = at(/still on the line/);
		const bends = at(/has left the plateau/);
		const ceiling = at(/the most any fit can reach/);
		const started = performance.now();
		// Per run: test R² after each caption's step, and layer 1's ‖∂L/∂W‖ per step up to the plateau's caption.
		const runs = new Map(
			s.runs.map((spec) => {
				const data = buildDataSplit(spec.dataset, spec.train.seed);
				const trainer = new Trainer(buildTrainConfig(spec, data), data);
				const testR2 = new Map<number, number>();
				const grad: number[] = [];
				for (let step = 1; step <= spec.train.steps; step++) {
					const report = trainer.next();
					if (step <= plateau) grad.push(report.layers[0]!.gradNormW);
					if ([early, plateau, bends, ceiling].includes(step)) testR2.set(step, trainer.evaluate('test').r2);
				}
				return [spec.label, {testR2, grad}] as const;
			}),
		);
		expect((performance.now() - started) / 1000).toBeLessThan(SECONDS_BUDGET);
		const r2 = (label: string, step: number): number => runs.get(label)!.testR2.get(step)!;
		// The best straight line through sin(2πx) on [−1, 1]: slope −3/(2π), R² = (3/4π²) / (1/2 + noise²) ≈ 0.149.
		const line = 3 / (4 * Math.PI ** 2) / (0.5 + 0.1 ** 2);
		for (const label of ['tanh', 'relu']) expect(r2(label, early)).toBeGreaterThan(0.9);
		for (const step of [early, plateau]) expect(Math.abs(r2('sigmoid', step) - line)).toBeLessThan(0.02);
		expect(mean(runs.get('sigmoid')!.grad) * 10).toBeLessThan(mean(runs.get('relu')!.grad));
		expect(r2('sigmoid', bends)).toBeGreaterThan(0.9);
		for (const label of ['tanh', 'relu']) expect(r2(label, ceiling)).toBeGreaterThan(0.97);
		expect(r2('sigmoid', ceiling)).toBeGreaterThan(0.85);
		expect(r2('sigmoid', ceiling)).toBeLessThan(r2('tanh', ceiling));
	});

	it('digits: Adam reaches > 90% test accuracy and beats SGD', () => {
		const r = trainLesson('digits');
		expect(get(r, 'Adam').testAccuracy).toBeGreaterThan(0.9);
		expect(get(r, 'Adam').testAccuracy).toBeGreaterThan(get(r, 'SGD').testAccuracy);
	});
});

/** Each run's path on the lesson's surface. */
function race(id: string): Map<string, {x: number; y: number}[]> {
	const scenario = loadScenarioFile(findScenario(id)) as SurfaceScenario;
	expect(scenario.kind).toBe('surface');
	const surface = SURFACES[scenario.surface];
	return new Map(
		scenario.runs.map((spec) => {
			const run = createSurfaceRun(surface, scenario.start, createOptimizer(spec.optimizer, [2]));
			const path = Array.from({length: spec.steps}, () => run.step());
			expect(path.some((p) => p.diverged)).toBe(false);
			return [spec.label, path] as const;
		}),
	);
}

describe('surface lessons make their point', () => {
	it('optimizer-race: Momentum, Nesterov and Adam reach (1, 1); SGD is still in the valley; AdaDelta stalls', () => {
		const paths = race('optimizer-race');
		const distance = (label: string, step?: number): number => {
			const path = paths.get(label)!;
			const p = path[(step ?? path.length) - 1]!;
			return Math.hypot(p.x - 1, p.y - 1);
		};
		for (const label of ['Momentum', 'Nesterov', 'Adam']) {
			expect(distance(label)).toBeLessThan(1e-3);
			expect(distance(label, 1200)).toBeLessThan(0.02);
		}
		expect(distance('SGD')).toBeGreaterThan(0.5);
		expect(distance('SGD')).toBeGreaterThan(distance('RMSprop'));
		const adadelta = paths.get('AdaDelta')!.at(-1)!;
		expect(adadelta.x).toBeCloseTo(0.7, 1);
		expect(adadelta.y).toBeCloseTo(0.55, 1);
	});

	it('saddle-race: plain SGD leaves the saddle last', () => {
		const paths = race('saddle-race');
		const escape = (label: string): number => paths.get(label)!.findIndex((p) => Math.abs(p.y) > 1) + 1;
		const sgd = escape('SGD');
		expect(sgd).toBeGreaterThan(200);
		for (const label of ['Momentum', 'Adagrad', 'RMSprop', 'Adam']) {
			expect(escape(label)).toBeGreaterThan(0);
			expect(escape(label)).toBeLessThan(sgd / 2);
		}
	});
});

describe('built-in lessons', () => {
	const all = listScenarios();

	it('all validate, in lesson order, with English and Korean text', () => {
		expect(all.map((s) => s.id)).toEqual([
			'vanishing-gradients',
			'activations',
			'optimizers',
			'batch-size',
			'learning-rate',
			'initialization',
			'digits',
			'curve-fitting',
			'optimizer-race',
			'saddle-race',
		]);
		for (const s of all) {
			expect(s.file.startsWith(builtinDir())).toBe(true);
			for (const text of [s.title, s.summary, ...s.notes.map((n) => n.text)]) {
				expect(text.en).not.toBe('');
				expect(text.ko).not.toBe(text.en);
				expect(text.ko).toMatch(/[가-힣]/);
			}
			expect(s.notes.length).toBeGreaterThanOrEqual(3);
			const budget = Math.max(...s.runs.map((r) => ('train' in r ? r.train.steps : r.steps)));
			for (const note of s.notes) expect(note.at).toBeLessThan(budget);
		}
	});

	it('are found by id', () => {
		expect(findScenario('digits')).toBe(join(builtinDir(), 'digits.yaml'));
		expect(loadScenarioFile(findScenario('optimizer-race')).kind).toBe('surface');
	});
});
