/**
 * A lesson split across real worker threads trains exactly as in one: the same messages in frames
 * mode (what a recording draws), the same histories, final states and probes live (what the screen
 * and the export show), every run standing at the same step once paused, and runs that share a
 * network and seed starting from the same weights whichever worker trains them.
 * Mutations tried: worker 1 given another seed in splitInit (the frames, live and weights tests
 * fail); live runs merged in reverse worker order (the live test fails); align never sent
 * (the pause test fails); a watch sent to every worker in the lesson's run numbers (the live
 * test fails: no inspection, slices on the wrong runs).
 */
import {describe, expect, it} from 'vitest';
import {type RunnerHandle, type RunnerSetup, workerLimit} from '../src/runner/client.js';
import type {ProbeMessage, RunState, Snapshot, WorkerMessage} from '../src/runner/protocol.js';
import type {NetworkScenario} from '../src/scenarios/types.js';
import {tinyScenario} from './helpers/scenarios.js';
import {next, readAll, startTestRunner} from './helpers/worker.js';

/** The four runs on the digits: image data, whose probes carry sample images, guesses and confusion matrices. */
function fourOnDigits(steps: number): NetworkScenario {
	const scenario = fourRuns(steps);
	return {...scenario, runs: scenario.runs.map((r) => ({...r, dataset: {kind: 'digits', test: 0.2, standardize: true}}))};
}

/** Four runs: three share a network and seed (adam, momentum and rmsprop on tanh), one differs (sgd on relu). */
function fourRuns(steps: number): NetworkScenario {
	const [adam, sgd] = tinyScenario({steps}).runs as [NetworkScenario['runs'][number], NetworkScenario['runs'][number]];
	const like = (label: string, optimizer: typeof adam.train.optimizer) => ({...adam, label, train: {...adam.train, optimizer}});
	return {...tinyScenario(), runs: [adam, sgd, like('momentum', {name: 'momentum', lr: 0.05, momentum: 0.9}), like('rmsprop', {name: 'rmsprop', lr: 0.01})]};
}

function collect(runner: RunnerHandle): WorkerMessage[] {
	const heard: WorkerMessage[] = [];
	runner.subscribe((m) => heard.push(m));
	return heard;
}

/** Resolves once the runner has said nothing for half a second (a finished lesson's last probe has come). */
function quiet(runner: RunnerHandle): Promise<void> {
	return new Promise((resolve) => {
		let timer = setTimeout(done, 500);
		const off = runner.subscribe(() => {
			clearTimeout(timer);
			timer = setTimeout(done, 500);
		});
		function done(): void {
			off();
			readAll(runner);
			resolve();
		}
	});
}

const isSnapshot = (m: WorkerMessage): m is Snapshot => m.type === 'snapshot';

/** A recording's worth of frames, with a pause, a live change and a restart on the way: every message heard. */
async function frames(workers: number, scenario = fourRuns(200)): Promise<WorkerMessage[]> {
	const runner = startTestRunner({scenario, options: {}, snapshotsPerSecond: 10, speed: 'max', paused: false, frames: true, boundary: true}, workers, 0);
	const heard = collect(runner);
	try {
		await next(runner, isSnapshot);
		for (let frame = 0; frame < 36; frame++) {
			if (frame === 8) runner.send({type: 'pause'});
			if (frame === 10) runner.send({type: 'resume'});
			if (frame === 12) runner.send({type: 'set', run: 2, lr: 0.2});
			if (frame === 20) runner.send({type: 'restart'});
			const answered = next(runner, isSnapshot);
			runner.send({type: 'advance', steps: 9});
			await answered;
		}
		await new Promise((r) => setTimeout(r, 100)); // the last frame's probe
		return heard;
	} finally {
		await runner.stop();
	}
}

/** Everything a live lesson said from start to finish, put together per run: its points (without wall-clock seconds), set-points and final state. */
async function live(workers: number): Promise<{runs: unknown[]; probe: ProbeMessage}> {
	const setup: RunnerSetup = {scenario: fourRuns(300), options: {}, snapshotsPerSecond: 30, speed: 'max', paused: false, boundary: true};
	const runner = startTestRunner(setup, workers, 0);
	const heard = collect(runner);
	try {
		await next(runner, (m) => isSnapshot(m) && m.finished, 20_000);
		await quiet(runner);
		// Every worker probes its final weights at once when asked (here: boundaries, the inspector on
		// the last run and the slope on the middle two, runs that a split puts in different workers).
		const probe = next(runner, (m) => m.type === 'probe');
		runner.send({type: 'watch', boundary: true, inspect: {run: 3, row: 1, alone: false}, slope: {runs: [1, 2], mode: 'weight', seed: 1}});
		await probe;
	} finally {
		await runner.stop();
	}
	expect(heard.filter((m) => m.type === 'error')).toEqual([]);
	const snapshots = heard.filter(isSnapshot);
	const final = snapshots.at(-1)!;
	const runs = final.runs.map((last: RunState, k) => ({
		points: snapshots.flatMap((s) => s.runs[k]!.newPoints.map(({seconds: _, ...point}) => point)),
		setPoints: snapshots.flatMap((s) => s.runs[k]!.newSetPoints),
		final: {...last, newPoints: [], newSetPoints: []},
	}));
	return {runs, probe: heard.filter((m): m is ProbeMessage => m.type === 'probe').at(-1)!};
}

describe('a lesson split across workers', () => {
	it('frames mode: one, two and three workers send the same messages, byte for byte', async () => {
		const one = await frames(1);
		expect(one.filter(isSnapshot).length).toBe(37);
		expect(one.some((m) => m.type === 'reset')).toBe(true);
		expect(await frames(2)).toEqual(one);
		expect(await frames(3)).toEqual(one);
	}, 60_000);

	// Mutation: the merger not carrying the sample images fails this.
	it('frames mode on image data: one and two workers send the same sample images, guesses and confusion matrices', async () => {
		const one = await frames(1, fourOnDigits(200));
		const probes = one.filter((m): m is ProbeMessage => m.type === 'probe');
		expect(probes.filter((m) => m.images)).toHaveLength(2); // at the start and after the restart
		expect(probes.at(-1)!.runs.every((r) => r.images && r.images.confusion.length === 100)).toBe(true);
		expect(await frames(2, fourOnDigits(200))).toEqual(one);
	}, 60_000);

	it('live: trained to the end, one worker and two give the same histories, final states and probes', async () => {
		const one = await live(1);
		expect(one.runs).toHaveLength(4);
		const two = await live(2);
		expect(two.runs).toEqual(one.runs);
		expect(two.probe.runs).toEqual(one.probe.runs);
		expect(two.probe.runs.map((r) => [r.inspect?.row ?? null, r.slice !== undefined])).toEqual([[null, false], [null, true], [null, true], [1, false]]);
	}, 60_000);

	it('paused, every run stands at the same step, as in one worker; a single step moves them all; then all is quiet', async () => {
		const runner = startTestRunner({scenario: fourRuns(1_000_000), options: {}, snapshotsPerSecond: 30, speed: 'max', paused: false}, 2, 0);
		try {
			await next(runner, (m) => isSnapshot(m) && m.runs[0]!.step > 300, 20_000);
			runner.send({type: 'pause'});
			const steps = (s: Snapshot) => s.runs.map((r) => r.step);
			const aligned = (await next(runner, (m) => isSnapshot(m) && m.paused && new Set(steps(m)).size === 1)) as Snapshot;
			runner.send({type: 'step'});
			const stepped = (await next(runner, (m) => isSnapshot(m) && m.runs.every((r) => r.step === aligned.runs[0]!.step + 1))) as Snapshot;
			expect(stepped.paused).toBe(true);
			// Then nothing wakes: no worker, and no merge waiting on one.
			await new Promise((r) => setTimeout(r, 700));
			const heard = collect(runner);
			await new Promise((r) => setTimeout(r, 1300));
			expect(heard).toEqual([]);
		} finally {
			await runner.stop();
		}
	}, 30_000);

	it('runs that share a network and seed start from the same weights in different workers', async () => {
		const runner = startTestRunner({scenario: fourRuns(50), options: {}, snapshotsPerSecond: 10, speed: 'max', paused: false, frames: true}, 2, 0);
		try {
			await next(runner, isSnapshot);
			const answered = next(runner, isSnapshot);
			runner.send({type: 'advance', steps: 1});
			const first = (await answered) as Snapshot;
			// Step 1's loss is taken before the first update: it is the initial weights' loss on the first batch.
			const [adam, sgd, momentum, rmsprop] = first.runs.map((r) => r.newPoints[0]!.loss);
			expect(momentum).toBe(adam);
			expect(rmsprop).toBe(adam);
			expect(sgd).not.toBe(adam);
		} finally {
			await runner.stop();
		}
	});
});

describe('how many workers a lesson may use', () => {
	it('one per idle core: the cores less the load average (rounded), at least one; GRADLAB_WORKERS overrides', () => {
		expect(workerLimit({}, 8, 0.2)).toBe(8);
		expect(workerLimit({}, 8, 5.6)).toBe(2);
		expect(workerLimit({}, 2, 1.4)).toBe(1);
		// A busy shared server: every dashboard keeps to one worker (and one V8 heap).
		expect(workerLimit({}, 16, 40)).toBe(1);
		expect(workerLimit({GRADLAB_WORKERS: '3'}, 2, 9)).toBe(3);
		expect(() => workerLimit({GRADLAB_WORKERS: 'two'}, 2, 0)).toThrow(/GRADLAB_WORKERS must be a whole number ≥ 1, not "two"/);
	});
});
