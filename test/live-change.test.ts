/** Live changes are data: a session applies them, records them as set-points, and replays them exactly. */
import {describe, expect, it} from 'vitest';
import type {Snapshot, WorkerMessage} from '../src/runner/protocol.js';
import {Session} from '../src/runner/session.js';
import {withLiveChange, withOverrides, withSetPoint} from '../src/scenarios/edit.js';
import type {NetworkScenario} from '../src/scenarios/types.js';
import {surfaceScenario, tinyScenario} from './helpers/scenarios.js';
import {next, startTestRunner} from './helpers/worker.js';

/** Every run's loss after each of `steps` steps. */
function losses(session: Session, steps: number): number[][] {
	const out: number[][] = [];
	for (let k = 0; k < steps; k++) {
		session.stepAll();
		out.push(session.runs.map((r) => r.loss));
	}
	return out;
}

describe('a run\'s schedule in the session', () => {
	it('sets each step\'s lr, reports it, and reports a set-point when it takes effect', () => {
		const base = tinyScenario({steps: 40});
		const run = {...base.runs[1]!, train: {...base.runs[1]!.train, schedule: [{name: 'step' as const, every: 10, gamma: 0.5}, {at: 25, lr: 0.2, momentum: 0.5}]}};
		const session = new Session({...base, runs: [base.runs[0]!, run]});
		expect(session.states()[1]).toMatchObject({lr: 0.1, momentum: 0, newSetPoints: []});
		const seen: {step: number; lr: number; momentum: number | null; points: number}[] = [];
		for (let k = 0; k < 30; k++) {
			session.stepAll();
			const s = session.states()[1]!;
			seen.push({step: s.step, lr: s.lr, momentum: s.momentum, points: s.newSetPoints.length});
			if (s.newSetPoints.length > 0) expect(s.newSetPoints).toEqual([{at: 25, lr: 0.2, momentum: 0.5}]);
		}
		expect(seen[8]).toEqual({step: 9, lr: 0.1, momentum: 0, points: 0});
		expect(seen[9]).toEqual({step: 10, lr: 0.05, momentum: 0, points: 0});
		expect(seen[19]!.lr).toBe(0.025);
		expect(seen[24]).toEqual({step: 25, lr: 0.2, momentum: 0.5, points: 1});
		expect(seen[29]!.lr).toBe(0.1);
		expect(session.states()[0]).toMatchObject({lr: 0.01, momentum: null});
	});
});

describe('live changes', () => {
	it('act from the next step, are recorded in the scenario, and a new session of it replays them bit for bit', () => {
		const live = new Session(tinyScenario({steps: 60}));
		const before = losses(live, 20);
		expect(live.setPoint(1, {lr: 0.02, momentum: 0.9})).toEqual({at: 20, lr: 0.02, momentum: 0.9});
		expect(live.states()[1]).toMatchObject({lr: 0.02, momentum: 0.9, newSetPoints: [{at: 20, lr: 0.02, momentum: 0.9}]});
		const after = losses(live, 20);
		expect(live.setPoint(0, {lr: 0.001})).toEqual({at: 40, lr: 0.001});
		const rest = losses(live, 20);
		const recorded = live.scenario as NetworkScenario;
		expect(recorded.runs.map((r) => r.train.schedule)).toEqual([[{at: 40, lr: 0.001}], [{at: 20, lr: 0.02, momentum: 0.9}]]);

		// The change did something: without it, the runs part ways after step 20.
		const plain = losses(new Session(tinyScenario({steps: 60})), 60);
		expect(plain.slice(0, 20)).toEqual(before);
		expect(plain.slice(20, 40)).not.toEqual(after);

		const replay = new Session(recorded);
		expect(losses(replay, 60)).toEqual([...before, ...after, ...rest]);
		live.restart();
		expect(losses(live, 60)).toEqual([...before, ...after, ...rest]);
	});

	it('refuse what a file could not hold, change nothing then, and do nothing once a run has finished', () => {
		const session = new Session(tinyScenario({steps: 5}));
		session.stepAll();
		expect(() => session.setPoint(0, {momentum: 0.5})).toThrow(RangeError);
		expect(() => session.setPoint(0, {momentum: 0.5})).toThrow('adam: adam has no momentum to change');
		expect(() => session.setPoint(1, {lr: -1})).toThrow('sgd: schedule: invalid set-point lr -1');
		expect(() => session.setPoint(7, {lr: 1})).toThrow('no run 7');
		expect(session.runs.map((r) => r.optimizer.lr)).toEqual([0.01, 0.1]);
		expect((session.scenario as NetworkScenario).runs.every((r) => r.train.schedule.length === 0)).toBe(true);
		while (!session.finished) session.stepAll();
		expect(session.setPoint(0, {lr: 0.5})).toBeNull();
	});

	it('work on surface runs too', () => {
		const session = new Session(surfaceScenario());
		losses(session, 10);
		expect(session.setPoint(0, {lr: 0.002})).toEqual({at: 10, lr: 0.002});
		const rest = losses(session, 20);
		const replay = new Session(session.scenario);
		expect(losses(replay, 30).slice(10)).toEqual(rest);
	});

	it('the session trains its --seed and --steps, and its scenario says so', () => {
		const session = new Session(tinyScenario({steps: 300}), {seed: 3, steps: 50});
		const runs = (session.scenario as NetworkScenario).runs;
		expect(runs.map((r) => [r.train.seed, r.train.steps])).toEqual([[3, 50], [3, 50]]);
		expect(session.runs[0]!.budget).toBe(50);
	});

	it('the worker applies a `set` command at the run\'s current step and reports it', async () => {
		const runner = startTestRunner({scenario: tinyScenario({steps: 1000}), options: {}, snapshotsPerSecond: 30, speed: 'max', paused: true});
		try {
			const snapshot = (test: (s: Snapshot) => boolean) => (m: WorkerMessage) => m.type === 'snapshot' && test(m);
			for (let k = 0; k < 3; k++) runner.send({type: 'step'});
			await next(runner, snapshot((s) => s.runs[1]!.step === 3));
			runner.send({type: 'set', run: 1, lr: 0.5});
			const changed = (await next(runner, snapshot((s) => s.runs[1]!.lr === 0.5))) as Snapshot;
			expect(changed.runs[1]!.newSetPoints).toEqual([{at: 3, lr: 0.5}]);
			runner.send({type: 'set', run: 0, momentum: 0.5});
			expect(await next(runner, (m) => m.type === 'error')).toEqual({type: 'error', message: 'adam: adam has no momentum to change; momentum set-points are for sgd, momentum, nesterov, rmsprop'});
		} finally {
			await runner.stop();
		}
	});
});

describe('edits of a resolved scenario', () => {
	const run = tinyScenario().runs[1]!; // sgd, 300 steps

	it('withSetPoint adds a set-point in step order, and merges with one at the same step', () => {
		const a = withSetPoint(run, {at: 200, lr: 0.01});
		const b = withSetPoint(a, {at: 100, momentum: 0.9});
		const c = withSetPoint(b, {at: 200, momentum: 0.5});
		const d = withSetPoint(c, {at: 200, lr: 0.02});
		expect(d.train.schedule).toEqual([{at: 100, momentum: 0.9}, {at: 200, lr: 0.02, momentum: 0.5}]);
		expect(withSetPoint(d, {at: 200, lr: 0.02})).toEqual(d);
		expect(run.train.schedule).toEqual([]);
		const formula = withSetPoint({...run, train: {...run.train, schedule: [{name: 'cosine', steps: 300, minLr: 0}]}}, {at: 5, lr: 1});
		expect(formula.train.schedule).toEqual([{name: 'cosine', steps: 300, minLr: 0}, {at: 5, lr: 1}]);
	});

	it('withSetPoint refuses what a file may not hold', () => {
		expect(() => withSetPoint(run, {at: 300, lr: 0.1})).toThrow('sgd: got 300, but the run trains 300 steps');
		expect(() => withSetPoint(run, {at: 3, lr: 0})).toThrow('sgd: schedule: invalid set-point lr 0');
		expect(() => withSetPoint(run, {at: 3})).toThrow('must be given an lr or a momentum');
		expect(() => withSetPoint({...run, train: {...run.train, optimizer: {name: 'rmsprop'}}}, {at: 3, momentum: 0.5})).toThrow('rmsprop has momentum 0 on its first step');
		expect(() => withLiveChange(tinyScenario(), 2, {at: 3, lr: 1})).toThrow('no run 2');
	});

	it('withOverrides writes --seed and --steps in, dropping set-points past a shortened end', () => {
		const scenario = tinyScenario();
		const withPoints = {...scenario, runs: scenario.runs.map((r) => withSetPoint(withSetPoint(r, {at: 10, lr: 0.5}), {at: 100, lr: 0.05}))};
		const short = withOverrides(withPoints, {steps: 50}) as NetworkScenario;
		expect(short.runs.map((r) => [r.train.steps, r.train.seed, r.train.schedule])).toEqual([
			[50, 7, [{at: 10, lr: 0.5}]],
			[50, 7, [{at: 10, lr: 0.5}]],
		]);
		expect(withOverrides(scenario, {})).toBe(scenario);
		const surface = withOverrides(surfaceScenario(), {seed: 4, steps: 20});
		expect(surface.kind === 'surface' && [surface.seed, surface.runs[0]!.steps]).toEqual([4, 20]);
	});
});
