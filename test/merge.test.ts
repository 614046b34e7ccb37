/**
 * A split lesson's merge, driven without threads: fake workers' messages in, the one stream out.
 * Mutations tried: runs concatenated in reverse worker order (the frames test fails); a worker's
 * carried points dropped in `carry` (the live test fails); `align` disabled (its test fails);
 * a restart passed on at the first worker's reset (the restart test fails); a watch sent to every
 * worker unchanged (the watch test fails: the inspector's run 3 would be worker 0's run 3).
 */
import {describe, expect, it} from 'vitest';
import {frameSamplesPerSecond} from '../src/runner/loop.js';
import {MessageMerger} from '../src/runner/merge.js';
import type {Command, HistoryPoint, ImageSamples, ProbeData, RunProbe, RunState, Snapshot, WorkerMessage} from '../src/runner/protocol.js';
import {slack} from '../src/runner/gate.js';
import {splitRuns} from '../src/runner/split.js';

const point = (step: number): HistoryPoint => ({step, epoch: 0, samples: step * 8, seconds: 0, loss: 1 / step, accuracy: 0.5, testLoss: Number.NaN, testAccuracy: Number.NaN});

function run(label: string, step: number, points: number[] = []): RunState {
	return {
		label, step, epoch: 0, samples: step * 8 + label.length, loss: 1, accuracy: 0.5, r2: Number.NaN, testLoss: Number.NaN, testAccuracy: Number.NaN, testR2: Number.NaN, layers: [],
		diverged: false, divergedAt: null, lr: 0.1, momentum: null, newSetPoints: [], newPoints: points.map(point),
	};
}

const snapshot = (runs: RunState[], extra: Partial<Snapshot> = {}): Snapshot => ({type: 'snapshot', runs, paused: false, finished: false, stepsPerSecond: 30, samplesPerSecond: 900, speed: 'max', ...extra});
const images = (rows: number): ImageSamples => ({width: 1, height: 1, pixels: new Float32Array(1), labels: new Uint8Array(1), classNames: ['a', 'b'], split: 'test', rows});
/** A run's probe on image data: its guesses on the samples and its confusion matrix. */
const guessed = (guess: number): RunProbe => ({histograms: [[guess]], images: {predicted: Uint8Array.of(guess), confusion: new Uint32Array(4)}});
const data = (classes: number): ProbeData => ({kind: 'classes', bounds: {xMin: 0, xMax: 1, yMin: 0, yMax: 1}, classes, train: {xy: new Float32Array(2), labels: new Uint8Array(1)}, test: {xy: new Float32Array(0), labels: new Uint8Array(0)}});

/** A merger over fake workers and a clock that moves only when told. */
function harness(sizes: number[], frames: boolean) {
	let now = 0;
	let timers: {at: number; fn: () => void}[] = [];
	const out: WorkerMessage[] = [];
	const posted: [number, Command][] = [];
	const merger = new MessageMerger(sizes, {frames, snapshotsPerSecond: 30}, {
		timers: {
			after(ms, fn) {
				const timer = {at: now + ms, fn};
				timers.push(timer);
				return () => void (timers = timers.filter((t) => t !== timer));
			},
		},
		emit: (m) => out.push(m),
		post: (worker, command) => posted.push([worker, command]),
	});
	return {
		merger, out, posted,
		pending: () => timers.length,
		wait(ms: number) {
			now += ms;
			for (const t of timers.filter((t) => t.at <= now)) {
				timers = timers.filter((x) => x !== t);
				t.fn();
			}
		},
	};
}

describe('splitting a lesson’s runs', () => {
	it('gives each worker a contiguous block, the costliest share as small as blocks allow', () => {
		expect(splitRuns([1, 1, 1, 1, 1, 1, 1, 1], 2)).toEqual([4, 4]);
		expect(splitRuns([1, 1, 1], 2)).toEqual([1, 2]);
		expect(splitRuns([4, 1, 1, 1, 1], 2)).toEqual([1, 4]);
		expect(splitRuns([1, 2, 3], 8)).toEqual([1, 1, 1]);
		expect(splitRuns([5, 5], 1)).toEqual([2]);
	});

	it('lets a worker run a few steps, then a share of the steps so far, ahead of the slowest', () => {
		expect(slack(0, 0)).toBe(16);
		expect(slack(1600, 0)).toBe(116);
		expect(slack(1600, 2000)).toBe(500);
	});
});

describe('merging split workers’ messages', () => {
	it('sends a live change to the worker that trains the run, by its index there, and the rest to all', () => {
		const h = harness([2, 3], false);
		h.merger.send({type: 'set', run: 3, lr: 0.5});
		h.merger.send({type: 'set', run: 1, momentum: 0.9});
		h.merger.send({type: 'pause'});
		expect(h.posted).toEqual([[1, {type: 'set', run: 1, lr: 0.5}], [0, {type: 'set', run: 1, momentum: 0.9}], [0, {type: 'pause'}], [1, {type: 'pause'}]]);
	});

	it('tells each worker what the views watch in its own run numbers, and carries the inspection and slices back in lesson order', () => {
		const h = harness([2, 3], false);
		h.merger.send({type: 'watch', boundary: false, inspect: {run: 3, row: 1, alone: true}});
		h.merger.send({type: 'watch', boundary: true, slope: {runs: [1, 2, 4], mode: 'weight', seed: 7}});
		expect(h.posted).toEqual([
			[0, {type: 'watch', boundary: false}],
			[1, {type: 'watch', boundary: false, inspect: {run: 1, row: 1, alone: true}}],
			[0, {type: 'watch', boundary: true, slope: {runs: [1], mode: 'weight', seed: 7}}],
			[1, {type: 'watch', boundary: true, slope: {runs: [0, 2], mode: 'weight', seed: 7}}],
		]);
		// What the workers send back for those runs reaches the view on the lesson's run.
		const inspect = {step: 4, row: 1, alone: true, batchRows: 8, inspection: {kind: 'tooLarge'}} as unknown as RunProbe['inspect'];
		const slice = {step: 4, lr: 0.1, layers: [2, 1], slice: {}} as unknown as RunProbe['slice'];
		h.merger.receive(0, snapshot([run('a', 4), run('b', 4)]));
		h.merger.receive(1, snapshot([run('c', 4), run('d', 4), run('e', 4)]));
		h.merger.receive(0, {type: 'probe', runs: [{}, {slice}]});
		h.merger.receive(1, {type: 'probe', runs: [{}, {inspect}, {}]});
		expect(h.out.at(-1)).toEqual({type: 'probe', runs: [{}, {slice}, {}, {inspect}, {}]});
	});

	it('frames mode: waits for every worker, then writes each answer as one worker would, runs in lesson order', () => {
		const h = harness([1, 2], true);
		h.merger.receive(1, snapshot([run('b', 5, [5]), run('c', 5, [5])], {stepsPerSecond: 50}));
		h.merger.receive(1, {type: 'probe', runs: [{histograms: [[1]]}, {histograms: [[2]]}], data: data(3)});
		h.merger.receive(1, snapshot([run('b', 10, [10]), run('c', 10)], {stepsPerSecond: 50, finished: true}));
		expect(h.out).toEqual([]);
		h.merger.receive(0, snapshot([run('a', 5, [5])], {stepsPerSecond: 50}));
		const runs = [run('a', 5, [5]), run('b', 5, [5]), run('c', 5, [5])];
		expect(h.out).toEqual([{...snapshot(runs), stepsPerSecond: 50, samplesPerSecond: frameSamplesPerSecond(runs, 50)}]);
		h.merger.receive(0, {type: 'probe', runs: [{histograms: [[0]]}]});
		expect(h.out[1]).toEqual({type: 'probe', runs: [{histograms: [[0]]}, {histograms: [[1]]}, {histograms: [[2]]}], data: data(3)});
		h.merger.receive(0, snapshot([run('a', 10)], {stepsPerSecond: 50, finished: true}));
		expect(h.out[2]).toMatchObject({finished: true, runs: [{label: 'a', step: 10}, {label: 'b', step: 10}, {label: 'c', step: 10}]});
		expect(h.pending()).toBe(0);
	});

	it('live mode: merges as soon as every worker has spoken, else one interval after the first; no point is lost or repeated', () => {
		const h = harness([1, 1], false);
		h.merger.receive(0, snapshot([run('a', 2, [1, 2])]));
		h.merger.receive(0, snapshot([run('a', 3, [3])]));
		h.wait(40);
		expect(h.out).toEqual([]); // worker 1 has not said anything yet
		h.merger.receive(1, snapshot([run('b', 3, [1, 2, 3])]));
		expect(h.out).toHaveLength(1);
		expect((h.out[0] as Snapshot).runs.map((r) => r.newPoints.map((p) => p.step))).toEqual([[1, 2, 3], [1, 2, 3]]);
		h.merger.receive(0, snapshot([run('a', 4, [4])]));
		expect(h.out).toHaveLength(1);
		h.wait(20);
		expect(h.out).toHaveLength(1);
		h.wait(20);
		expect(h.out).toHaveLength(2);
		expect((h.out[1] as Snapshot).runs.map((r) => [r.step, r.newPoints.map((p) => p.step)])).toEqual([[4, [4]], [3, []]]);
		expect(h.pending()).toBe(0);
	});

	it('passes a restart on once every worker has restarted; what a restarted worker says meanwhile waits', () => {
		const h = harness([1, 1], false);
		h.merger.receive(0, snapshot([run('a', 9)]));
		h.merger.receive(1, snapshot([run('b', 9)]));
		h.merger.receive(0, {type: 'reset'});
		h.merger.receive(0, snapshot([run('a', 1, [1])]));
		h.merger.receive(1, snapshot([run('b', 10)]));
		h.wait(100);
		expect(h.out.map((m) => m.type)).toEqual(['snapshot']);
		h.merger.receive(1, {type: 'reset'});
		h.merger.receive(1, snapshot([run('b', 1, [1])]));
		expect(h.out.map((m) => m.type)).toEqual(['snapshot', 'reset', 'snapshot']);
		expect((h.out[2] as Snapshot).runs.map((r) => r.newPoints.length)).toEqual([1, 1]);
	});

	it('once every worker has paused, tells the ones behind to catch up with the furthest, once', () => {
		const h = harness([1, 1, 1], false);
		h.merger.receive(0, snapshot([run('a', 100)], {paused: true}));
		h.merger.receive(1, snapshot([run('b', 95)], {paused: false}));
		h.merger.receive(2, snapshot([run('c', 40)], {paused: true, finished: true}));
		expect(h.posted).toEqual([]);
		h.merger.receive(1, snapshot([run('b', 97)], {paused: true}));
		h.wait(40);
		expect(h.posted).toEqual([[1, {type: 'align', step: 100}]]);
		expect(h.out.at(-1)).toMatchObject({paused: true});
		h.merger.receive(1, snapshot([run('b', 98)], {paused: true}));
		h.wait(40);
		expect(h.posted).toHaveLength(1);
	});

	// Mutation: the merger not carrying `images` (as before the images view) fails both modes; carrying
	// them with every probe fails the once-only checks.
	it('carries image data as one worker does: the first worker’s sample images once, every run’s guesses, again after a restart', () => {
		for (const frames of [true, false]) {
			const h = harness([1, 2], frames);
			const probes = () => h.out.filter((m) => m.type === 'probe');
			h.merger.receive(1, {type: 'probe', runs: [guessed(1), guessed(2)], images: images(20)});
			h.merger.receive(0, {type: 'probe', runs: [guessed(0)], images: images(10)});
			expect(probes()).toEqual([{type: 'probe', runs: [guessed(0), guessed(1), guessed(2)], images: images(10)}]);
			h.merger.receive(0, {type: 'probe', runs: [guessed(1)]});
			h.merger.receive(1, {type: 'probe', runs: [guessed(0), guessed(0)]});
			expect(probes()[1]).toEqual({type: 'probe', runs: [guessed(1), guessed(0), guessed(0)]});
			for (const worker of [0, 1]) h.merger.receive(worker, {type: 'reset'});
			h.merger.receive(0, {type: 'probe', runs: [guessed(0)], images: images(10)});
			h.merger.receive(1, {type: 'probe', runs: [guessed(1), guessed(2)], images: images(20)});
			expect(probes()[2]).toMatchObject({images: images(10)});
			expect(probes()).toHaveLength(3);
		}
	});
});
