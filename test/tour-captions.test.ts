/**
 * The tour's captions against real training: each chapter is trained to its budget and every
 * caption that states a number is checked at its own step (found by its words, so moving a
 * caption moves the check). The loading and language checks are in tour.test.ts.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {Trainer} from '../src/core/trainer.js';
import {Prober} from '../src/runner/probes.js';
import type {RunProbe, Watch} from '../src/runner/protocol.js';
import {Session} from '../src/runner/session.js';
import {buildDataSplit, buildTrainConfig} from '../src/scenarios/data.js';
import {loadTour} from '../src/scenarios/tour.js';
import type {Note, Scenario} from '../src/scenarios/types.js';

let chapters: Scenario[];
beforeAll(() => {
	chapters = loadTour();
});

const chapter = (id: string): Scenario => {
	const c = chapters.find((ch) => ch.id === id);
	if (!c) throw new Error(`no chapter ${id}`);
	return c;
};

/** The step budget of a chapter: its longest run. */
const budget = (s: Scenario): number => Math.max(...s.runs.map((r) => ('train' in r ? r.train.steps : r.steps)));

/** What one run reported at one step (test numbers are the latest evaluation, as on screen). */
interface Point {
	readonly loss: number;
	readonly testLoss: number;
	readonly testAccuracy: number;
	/** ‖∂L/∂W‖ per layer, input side first. */
	readonly grads: readonly number[];
	readonly dead: readonly (number | null)[];
	readonly x: number;
	readonly y: number;
	readonly diverged: boolean;
	readonly divergedAt: number | null;
}

interface Trace {
	/** Each run's points, index k = step k + 1 (runs that finish early stop there). */
	readonly runs: ReadonlyMap<string, readonly Point[]>;
}

/** Trains a chapter to its budget, recording every step of every run. */
function trace(scenario: Scenario): Trace {
	const session = new Session(scenario);
	const runs = new Map<string, Point[]>(session.runs.map((r) => [r.label, []]));
	while (!session.finished) {
		session.stepAll();
		for (const state of session.states()) {
			const points = runs.get(state.label)!;
			if (points.length >= state.step) continue; // finished earlier
			points.push({
				loss: state.loss,
				testLoss: state.testLoss,
				testAccuracy: state.testAccuracy,
				grads: state.layers.map((l) => l.gradNormW),
				dead: state.layers.map((l) => l.dead),
				x: state.position?.[0] ?? Number.NaN,
				y: state.position?.[1] ?? Number.NaN,
				diverged: state.diverged,
				divergedAt: state.divergedAt,
			});
		}
	}
	return {runs};
}

/** A run's point at `step` (its last one if it finished before). */
function at(t: Trace, label: string, step: number): Point {
	const points = t.runs.get(label);
	if (!points) throw new Error(`no run labelled ${label}`);
	return points[Math.min(step, points.length) - 1]!;
}

const series = (t: Trace, label: string): readonly Point[] => t.runs.get(label)!;

/** The step of the caption whose English text matches. */
function captionStep(s: Scenario, words: RegExp): number {
	const found: Note[] = s.notes.filter((n) => words.test(n.text.en));
	expect(found, `${s.id}: one caption matching ${words}`).toHaveLength(1);
	return found[0]!.at;
}

/**
 * What the inspector or the slope view shows at each step of [from, until): the worker's own probes
 * for the look the view asks for, taken on a fresh training of the chapter.
 */
function onScreen(s: Scenario, watch: Watch, from: number, until: number, check: (step: number, probes: readonly RunProbe[]) => void): void {
	const session = new Session(s);
	const prober = new Prober();
	for (let step = 0; step < until; step++) {
		if (step >= from) check(step, prober.probe(session, watch)!.runs);
		session.stepAll();
	}
}

/** ‖∂L/∂W‖ of each layer as the inspector's edges show it. */
function edgeNorms(probe: RunProbe): number[] {
	const inspection = probe.inspect!.inspection;
	if (inspection.kind !== 'step') throw new Error('the inspector refused the network');
	return inspection.edges.map((layer) => Math.hypot(...layer.flat().map((e) => e.grad)));
}

/** Milliseconds per training sample of a run of `s`: warmed up, the best of three timings of ≥ 4,000 samples. */
function msPerSample(s: Scenario, label: string): number {
	if (s.kind !== 'network') throw new Error('not a network chapter');
	const spec = s.runs.find((r) => r.label === label)!;
	const data = buildDataSplit(spec.dataset, spec.train.seed);
	const trainer = new Trainer(buildTrainConfig(spec, data), data);
	const batch = trainer.batchSize;
	const steps = Math.max(50, Math.ceil(4000 / batch));
	for (let k = 0; k < steps; k++) trainer.next();
	let best = Infinity;
	for (let round = 0; round < 3; round++) {
		const started = performance.now();
		for (let k = 0; k < steps; k++) trainer.next();
		best = Math.min(best, (performance.now() - started) / (steps * batch));
	}
	return best;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const roughness = (xs: readonly number[]): number => mean(xs.slice(1).map((x, i) => Math.abs(x - xs[i]!)));
const distance = (p: Point, x: number, y: number): number => Math.hypot(p.x - x, p.y - y);

/** Lengths of a surface run's steps, from the start. */
function stepLengths(s: Scenario, t: Trace, label: string): number[] {
	if (s.kind !== 'surface') throw new Error('not a surface chapter');
	const points = [{x: s.start[0], y: s.start[1]}, ...series(t, label)];
	return points.slice(1).map((p, k) => Math.hypot(p.x - points[k]!.x, p.y - points[k]!.y));
}
const meanStep = (lengths: readonly number[], from: number, to: number): number => mean(lengths.slice(from - 1, to));

describe('each chapter makes its point where its captions say', () => {
	const traces = new Map<string, Trace>();
	const run = (id: string): Trace => {
		let t = traces.get(id);
		if (!t) {
			t = trace(chapter(id));
			traces.set(id, t);
		}
		return t;
	};

	it('01-backprop: only the model with a hidden layer learns XOR; the inspector shows backprop reaching layer 1', () => {
		const s = chapter('01-backprop');
		const t = run('01-backprop');
		const hidden = s.runs.findIndex((r) => r.label === 'hidden layer');
		const inspect: Watch = {boundary: false, inspect: {run: hidden, row: 0, alone: false}};
		// "L1's edges get about as much as L2's", for as long as the caption shows.
		const whole = captionStep(s, /reaches layer 1 whole/);
		onScreen(s, inspect, whole, captionStep(s, /above 90%/), (step, probes) => {
			const [l1, l2] = edgeNorms(probes[hidden]!);
			expect(l1! / l2!, `step ${step}`).toBeGreaterThan(1 / 3);
			expect(l1! / l2!, `step ${step}`).toBeLessThan(3);
		});
		// "above 90%" holds for as long as the caption shows, not just when it appears.
		const from = captionStep(s, /above 90%/);
		const until = captionStep(s, /a coin toss/);
		for (let step = from; step < until; step++) {
			expect(at(t, 'hidden layer', step).testAccuracy, `step ${step}`).toBeGreaterThan(0.9);
		}
		const flat = captionStep(s, /ln 2/);
		for (const p of series(t, 'no hidden layer').slice(flat - 1)) {
			expect(p.testLoss).toBeGreaterThan(0.69);
			expect(p.testLoss).toBeLessThan(0.7);
		}
		expect(at(t, 'no hidden layer', flat).grads[0]).toBeGreaterThan(0);
		// The update phase: w ← w − 0.4·∂L/∂w on every edge, a positive gradient lowering its weight.
		const update = captionStep(s, /update phase/);
		onScreen(s, inspect, update, captionStep(s, /below 0\.1/), (step, probes) => {
			const inspection = probes[hidden]!.inspect!.inspection;
			if (inspection.kind !== 'step') throw new Error('refused');
			expect(inspection.optimizer.scalars.lr).toBe(0.4);
			for (const e of inspection.edges.flat(2)) {
				expect(e.next - e.value, `step ${step}`).toBeCloseTo(-0.4 * e.grad, 12);
				if (e.grad !== 0) expect(Math.sign(e.next - e.value)).toBe(-Math.sign(e.grad));
			}
		});
		const below = captionStep(s, /below 0\.1/);
		for (let step = below; step <= budget(s); step++) expect(at(t, 'hidden layer', step).testLoss, `step ${step}`).toBeLessThan(0.1);
	});

	it('02-gradient-descent: lr 2 blows up, the others descend at every step', () => {
		const s = chapter('02-gradient-descent');
		const t = run('02-gradient-descent');
		const big = series(t, 'lr 2').map((p) => p.loss);
		const shown = [0.66, 3.3, 12, 172, 9400];
		shown.forEach((value, k) => expect(big[k]! / value).toBeCloseTo(1, 1));
		expect(captionStep(s, /9,400/)).toBeGreaterThanOrEqual(5);
		for (const label of ['lr 0.05', 'lr 0.4']) {
			const losses = series(t, label).map((p) => p.loss);
			expect(losses.every((l, k) => k === 0 || l < losses[k - 1]!), label).toBe(true);
		}
		const diverged = captionStep(s, /diverged at step 113/);
		expect(at(t, 'lr 2', diverged).divergedAt).toBe(113);
		expect(at(t, 'lr 0.4', diverged).loss).toBeLessThan(at(t, 'lr 0.05', diverged).loss);
		// The slope view, along the line the chapter opens it on (−∇L): where each step lands, and the tangent flattening.
		// Mutation tried: without `along: gradient` in the chapter's view it opens along one weight, and lr 2's step lands lower.
		const slope = (runs: readonly number[]): Watch => ({boundary: false, slope: {runs, mode: s.view.along, seed: 0}});
		const labels = s.runs.map((r) => r.label);
		const [small, good, large] = ['lr 0.05', 'lr 0.4', 'lr 2'].map((l) => labels.indexOf(l)) as [number, number, number];
		onScreen(s, slope([small, good, large]), captionStep(s, /across the valley and lands higher/), captionStep(s, /9,400/), (step, probes) => {
			for (const k of [small, good]) expect(probes[k]!.slice!.slice.step.lossOnCurve, `step ${step}`).toBeLessThan(probes[k]!.slice!.slice.loss0);
			expect(probes[large]!.slice!.slice.step.lossOnCurve, `step ${step}`).toBeGreaterThan(probes[large]!.slice!.slice.loss0);
		});
		const first: number[] = [];
		onScreen(s, slope([small, good]), 0, 1, (_, probes) => first.push(...[small, good].map((k) => Math.abs(probes[k]!.slice!.slice.slope))));
		const flat = captionStep(s, /25× flatter/);
		onScreen(s, slope([small, good]), flat, captionStep(s, /too slow for big data/), (step, probes) => {
			[small, good].forEach((k, i) => expect(Math.abs(probes[k]!.slice!.slice.slope) * 25, `step ${step}`).toBeLessThan(first[i]!));
		});
	});

	it('03-vanishing: the 10-layer sigmoid network starves layer 1 (below 1e-6) and never learns', () => {
		const s = chapter('03-vanishing');
		const t = run('03-vanishing');
		const bars = at(t, '10 layers', captionStep(s, /typically a quarter/)).grads;
		const ratios = bars.slice(0, -1).map((g, k) => g / bars[k + 1]!).sort((a, b) => a - b);
		expect(ratios[Math.floor(ratios.length / 2)]).toBeLessThanOrEqual(0.25);
		expect(bars[0]! / bars.at(-1)!).toBeGreaterThan(1e-7); // "about a millionth"
		expect(bars[0]! / bars.at(-1)!).toBeLessThan(1e-5);
		const starved = captionStep(s, /below 1e-6/);
		const g = at(t, '10 layers', starved).grads;
		expect(g[0]).toBeLessThan(1e-6);
		expect(g[0]).toBeGreaterThan(1e-8); // "down at 1e-8 to 1e-7"
		expect(g[0]).toBeLessThan(2e-7);
		// And it stays there for the rest of the chapter.
		for (const p of series(t, '10 layers').slice(starved - 1)) expect(p.grads[0]).toBeLessThan(1e-6);
		const coin = captionStep(s, /coin toss/);
		expect(at(t, '2 layers', coin).testAccuracy).toBeGreaterThan(0.85);
		expect(at(t, '2 layers', coin).testAccuracy).toBeLessThan(0.95);
		expect(at(t, '10 layers', coin).testAccuracy).toBe(0.5);
		expect(Math.abs(at(t, '10 layers', coin).testLoss - Math.LN2)).toBeLessThan(0.02);
		const end = captionStep(s, /over 95%/);
		expect(at(t, '2 layers', end).testAccuracy).toBeGreaterThan(0.95);
		expect(at(t, '10 layers', end).testAccuracy).toBe(0.5);
	});

	it('04-activations: every activation but sigmoid gets its gradient to layer 1 and learns', () => {
		const s = chapter('04-activations');
		const t = run('04-activations');
		const others = ['tanh', 'relu', 'leaky_relu', 'gelu'];
		const bars = captionStep(s, /Layer-1 bars/);
		expect(at(t, 'sigmoid', bars).grads[0]).toBeLessThan(1e-6);
		expect(at(t, 'sigmoid', bars).grads[0]).toBeGreaterThan(1e-8);
		for (const label of others) {
			const g = at(t, label, bars).grads;
			expect(g[0], label).toBeGreaterThan(1e-2);
			expect(g[0]!, label).toBeGreaterThanOrEqual(g.at(-1)! / 2); // at least half the top layer's
		}
		const learning = captionStep(s, /below 0\.35/);
		for (const label of others) expect(at(t, label, learning).testLoss, label).toBeLessThan(0.35);
		expect(Math.abs(at(t, 'sigmoid', learning).testLoss - Math.LN2)).toBeLessThan(0.01);
		const dead = at(t, 'relu', captionStep(s, /dead column/)).dead.filter((d): d is number => d !== null);
		expect(Math.max(...dead)).toBeGreaterThanOrEqual(0.25);
		const all = captionStep(s, /all of the test points/);
		for (const label of others) expect(at(t, label, all).testAccuracy, label).toBe(1);
		expect(at(t, 'sigmoid', all).testAccuracy).toBe(0.5);
	});

	it('05-batch-size: small batches update more per epoch and are noisier; large ones are faster per sample', () => {
		const s = chapter('05-batch-size');
		const t = run('05-batch-size');
		const done = captionStep(s, /10, 50 and 100 updates/);
		expect(['full batch', 'batch 64', 'batch 32'].map((l) => series(t, l).length)).toEqual([10, 50, 100]);
		expect(done).toBeGreaterThanOrEqual(100);
		for (const label of ['full batch', 'batch 64', 'batch 32']) expect(at(t, label, done).testLoss, label).toBeGreaterThan(0.5);
		const eight = captionStep(s, /Batch 8 finished too/);
		expect(series(t, 'batch 8')).toHaveLength(400);
		expect(eight).toBeGreaterThanOrEqual(400);
		expect(at(t, 'batch 8', eight).testAccuracy).toBe(1);
		// "within 1.25 epochs (400 updates)"
		expect(at(t, 'batch 1', 400).testLoss).toBeLessThan(at(t, 'batch 32', 100).testLoss);
		captionStep(s, /noisy/);
		expect(roughness(series(t, 'batch 1').map((p) => p.loss))).toBeGreaterThan(5 * roughness(series(t, 'full batch').map((p) => p.loss)));
		captionStep(s, /Per sample, large batches are faster/);
		// Timed on warmed-up trainers (the chapter's own runs are too short to time fairly).
		const one = msPerSample(s, 'batch 1');
		expect(msPerSample(s, 'batch 64')).toBeLessThan(one / 2);
	});

	it('06-momentum: Momentum and Nesterov reach (1, 1) while SGD crawls', () => {
		const s = chapter('06-momentum');
		const t = run('06-momentum');
		const early = captionStep(s, /Step 100/);
		expect(early).toBe(100);
		expect(at(t, 'Nesterov', early).x).toBeCloseTo(0.66, 1);
		expect(at(t, 'Momentum', early).x).toBeGreaterThan(-0.65);
		expect(at(t, 'Momentum', early).x).toBeLessThan(-0.55);
		expect(distance(at(t, 'SGD', early), -1.5, 2)).toBeLessThan(0.25);
		const closing = captionStep(s, /closing in/);
		for (const label of ['Momentum', 'Nesterov']) expect(at(t, label, closing).loss, label).toBeLessThan(0.02);
		for (let step = closing; step <= budget(s); step++) expect(at(t, 'Nesterov', step).loss).toBeLessThan(at(t, 'Momentum', step).loss);
		const late = captionStep(s, /Step 500/);
		expect(late).toBe(500);
		expect(at(t, 'SGD', late).x).toBeCloseTo(-1.1, 1);
		for (const label of ['Momentum', 'Nesterov']) expect(distance(at(t, label, late), 1, 1), label).toBeLessThan(0.15);
	});

	it('07-adagrad: equal first steps, no zig-zag, there first, steps that only shrink', () => {
		const s = chapter('07-adagrad');
		const t = run('07-adagrad');
		const first = {sgd: at(t, 'SGD', 1), adagrad: at(t, 'Adagrad', 1)};
		expect(first.sgd.y).toBeCloseTo(-0.75, 6);
		expect(first.sgd.x + 4).toBeCloseTo(0.14, 6);
		expect(first.adagrad.x).toBeCloseTo(-3.5, 6);
		expect(first.adagrad.y).toBeCloseTo(0.5, 6);
		const zig = captionStep(s, /zig-zags/);
		const ys = series(t, 'SGD').map((p) => p.y);
		for (let k = 1; k < zig; k++) expect(Math.sign(ys[k]!)).toBe(-Math.sign(ys[k - 1]!));
		for (const p of series(t, 'Adagrad')) expect(p.y).toBeGreaterThan(0);
		captionStep(s, /step 86/);
		const firstBelow = (label: string) => series(t, label).findIndex((p) => p.loss < 1e-3) + 1;
		expect(firstBelow('Adagrad')).toBe(86);
		expect(firstBelow('SGD')).toBe(127); // beyond this chapter's budget: said as a prediction
		const shrink = captionStep(s, /shorter than the one before/);
		const lengths = stepLengths(s, t, 'Adagrad').slice(0, shrink);
		for (let k = 1; k < lengths.length; k++) expect(lengths[k]).toBeLessThan(lengths[k - 1]!);
	});

	it('08-rmsprop: Adagrad crawls at SGD pace while RMSprop rounds the bend', () => {
		const s = chapter('08-rmsprop');
		const t = run('08-rmsprop');
		const jump = at(t, 'Adagrad', 1);
		expect(jump.x).toBeCloseTo(-1, 6);
		expect(jump.y).toBeCloseTo(2.5, 6);
		expect(jump.loss).toBeCloseTo(229, 6);
		expect(captionStep(s, /12\.5 to 229/)).toBeGreaterThan(0);
		const ahead = captionStep(s, /pulling ahead/);
		expect(at(t, 'RMSprop', ahead).loss).toBeCloseTo(3.3, 1);
		expect(at(t, 'Adagrad', ahead).loss).toBeCloseTo(4.5, 1);
		expect(at(t, 'SGD', ahead).loss).toBeCloseTo(4.9, 1);
		const bend = captionStep(s, /rounded the bend/);
		expect(at(t, 'RMSprop', bend).x).toBeCloseTo(0.5, 1);
		const ada = stepLengths(s, t, 'Adagrad');
		const sgd = stepLengths(s, t, 'SGD');
		const rms = stepLengths(s, t, 'RMSprop');
		expect(meanStep(ada, bend - 9, bend)).toBeLessThan(1.5 * meanStep(sgd, bend - 9, bend));
		expect(meanStep(ada, bend - 9, bend)).toBeCloseTo(0.002, 3);
		const ten = captionStep(s, /ten times/);
		const ratio = meanStep(rms, ten - 9, ten) / meanStep(ada, ten - 9, ten);
		expect(ratio).toBeGreaterThan(5);
		expect(ratio).toBeLessThan(20);
		const unsettled = captionStep(s, /does not settle/);
		const late = series(t, 'RMSprop').slice(bend).map((p) => p.loss);
		expect(late.filter((f, k) => k > 0 && f > late[k - 1]!).length).toBeGreaterThan(10);
		expect(unsettled).toBeGreaterThan(bend);
	});

	it('09-adam: Adam breaks away first and keeps the lowest test loss', () => {
		const s = chapter('09-adam');
		const t = run('09-adam');
		const away = captionStep(s, /breaks away/);
		expect(at(t, 'Adam', away).testLoss).toBeLessThan(0.4);
		for (const label of ['SGD', 'Momentum', 'RMSprop']) expect(at(t, label, away).testLoss, label).toBeGreaterThan(0.6);
		const follow = captionStep(s, /half of Adam's idea/);
		for (const label of ['Momentum', 'RMSprop']) expect(at(t, label, follow).testLoss, label).toBeLessThan(0.6);
		expect(at(t, 'SGD', follow).testLoss).toBeGreaterThan(0.6);
		const lowest = captionStep(s, /lowest test loss/);
		for (let step = away; step <= lowest; step++) {
			for (const label of ['SGD', 'Momentum', 'RMSprop']) expect(at(t, 'Adam', step).testLoss, `${label} at ${step}`).toBeLessThan(at(t, label, step).testLoss);
		}
	});
});
