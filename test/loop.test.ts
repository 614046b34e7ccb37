/** The worker's scheduling, driven without a thread: a fake clock, fake timers, and the posts collected. */
import {describe, expect, it} from 'vitest';
import type {StepGate} from '../src/runner/gate.js';
import {type LoopHost, type LoopSettings, TrainingLoop} from '../src/runner/loop.js';
import type {Command, Snapshot, WorkerMessage} from '../src/runner/protocol.js';
import {Session} from '../src/runner/session.js';
import type {Scenario} from '../src/scenarios/types.js';
import {surfaceScenario, tinyScenario} from './helpers/scenarios.js';

interface Timer {
	readonly at: number;
	readonly order: number;
	readonly fn: () => void;
}

/** A loop on a fake clock: time moves only when a timer fires (or `wait` says so). */
function harness(scenario: Scenario, settings: Partial<LoopSettings> = {}, session = new Session(scenario), gate?: StepGate) {
	let now = 0;
	let order = 0;
	let timers: Timer[] = [];
	const posted: WorkerMessage[] = [];
	const add = (at: number, fn: () => void) => {
		const timer = {at, order: order++, fn};
		timers.push(timer);
		return () => void (timers = timers.filter((t) => t !== timer));
	};
	const host: LoopHost = {
		clock: () => now,
		post: (message) => posted.push(message),
		timers: {after: (ms, fn) => add(now + ms, fn), soon: (fn) => add(now, fn)},
		gate,
	};
	const loop = new TrainingLoop(session, {snapshotsPerSecond: 30, speed: 'max', paused: false, ...settings}, host);
	return {
		loop,
		posted,
		session,
		pending: () => timers.length,
		/** Fires timers in time order until none is left or `ms` have passed; returns how many fired. */
		run(ms = Number.POSITIVE_INFINITY): number {
			const until = now + ms;
			let fired = 0;
			for (;;) {
				timers.sort((a, b) => a.at - b.at || a.order - b.order);
				const first = timers[0];
				if (!first || first.at > until) break;
				timers.shift();
				now = Math.max(now, first.at);
				first.fn();
				if (++fired > 100_000) throw new Error('the loop never goes quiet');
			}
			if (Number.isFinite(until)) now = Math.max(now, until);
			return fired;
		},
		wait(ms: number) {
			now += ms;
		},
		send(command: Command) {
			loop.handle(command);
		},
		snapshots: () => posted.filter((m): m is Snapshot => m.type === 'snapshot'),
	};
}

const lastSnapshot = (h: ReturnType<typeof harness>) => h.snapshots().at(-1)!;

describe('the training loop', () => {
	it('once paused it sets no timer at all until a command, after saying so in a snapshot and a last probe', () => {
		const h = harness(tinyScenario({steps: 1_000_000}), {speed: 200});
		h.loop.start();
		h.run(500);
		expect(lastSnapshot(h).runs[0]!.step).toBeGreaterThan(50);
		h.send({type: 'pause'});
		const fired = h.run();
		expect(fired).toBeLessThan(5);
		expect(h.pending()).toBe(0);
		expect(lastSnapshot(h)).toMatchObject({paused: true, stepsPerSecond: 0});
		expect(h.posted.at(-1)!.type).toBe('probe');
		const quiet = h.posted.length;
		h.wait(60_000);
		expect(h.run()).toBe(0);
		expect(h.posted).toHaveLength(quiet);
	});

	it('a single step while paused is taken and shown at once, then it sleeps again', () => {
		const h = harness(tinyScenario({steps: 1_000_000}), {paused: true, speed: 100});
		h.loop.start();
		h.run();
		expect(h.pending()).toBe(0);
		expect(lastSnapshot(h).runs[0]!.step).toBe(0);
		h.send({type: 'step'});
		h.send({type: 'step'});
		h.run(0); // only what is due now: no poll interval to wait for
		expect(lastSnapshot(h).runs[0]!.step).toBe(2);
		h.run();
		expect(h.pending()).toBe(0);
		h.send({type: 'resume'});
		h.run(100);
		expect(lastSnapshot(h).paused).toBe(false);
		expect(h.pending()).toBe(1);
	});

	it('finished, it posts the final snapshot (held back by the cadence if need be) and then sets no timer', () => {
		const h = harness(tinyScenario({steps: 300}));
		h.loop.start();
		h.run();
		expect(lastSnapshot(h)).toMatchObject({finished: true, stepsPerSecond: 0});
		expect(lastSnapshot(h).runs.map((r) => r.step)).toEqual([300, 300]);
		expect(h.pending()).toBe(0);
		const race = harness(surfaceScenario(), {speed: 1000});
		race.loop.start();
		race.run();
		expect(lastSnapshot(race).finished).toBe(true);
		expect(race.pending()).toBe(0);
	});

	it('a restart says reset, then shows step 0 and sends the boundary data again', () => {
		const h = harness(tinyScenario({steps: 1_000_000}), {speed: 100});
		h.loop.start();
		h.run(300);
		const from = h.posted.length;
		h.send({type: 'restart'});
		h.run(300);
		const after = h.posted.slice(from);
		expect(after[0]).toEqual({type: 'reset'});
		const snapshot = after.find((m): m is Snapshot => m.type === 'snapshot')!;
		expect(snapshot.runs[0]!.step).toBeLessThan(5);
		expect(after.some((m) => m.type === 'probe' && m.data !== undefined)).toBe(true);
	});

	it('frames mode never sets a timer: each advance is one snapshot, the same bytes every time', () => {
		const record = () => {
			const h = harness(tinyScenario(), {frames: true, snapshotsPerSecond: 10});
			h.loop.start();
			for (let frame = 0; frame < 40; frame++) {
				if (frame === 10) h.send({type: 'pause'});
				if (frame === 12) h.send({type: 'resume'});
				h.send({type: 'advance', steps: 5});
				expect(h.pending()).toBe(0);
			}
			return h;
		};
		const a = record();
		const b = record();
		expect(a.snapshots()).toHaveLength(41);
		expect(a.snapshots().map((s) => s.runs[0]!.step).slice(9, 14)).toEqual([45, 50, 50, 50, 55]);
		expect(a.snapshots()[20]!.runs[0]!.newPoints.map((p) => p.seconds)).toEqual([2.0, 2.0, 2.0, 2.0, 2.0]);
		expect(a.posted).toEqual(b.posted);
	});

	it('a live change shows in the next snapshot; one the session refuses is reported and training goes on', () => {
		const h = harness(tinyScenario({steps: 1_000_000}), {paused: true});
		h.loop.start();
		h.run();
		h.send({type: 'set', run: 0, lr: 0.05});
		h.run(0);
		expect(lastSnapshot(h).runs[0]!.lr).toBe(0.05);
		h.send({type: 'set', run: 7, lr: 0.05});
		expect(h.posted.at(-1)).toMatchObject({type: 'error', message: expect.stringMatching(/no run 7/)});
		h.send({type: 'step'});
		h.run(0);
		expect(lastSnapshot(h).runs[0]!.step).toBe(1);
	});

	it('told to align while paused, it trains up to that step, then sleeps; a resume forgets what was owed', () => {
		const h = harness(tinyScenario({steps: 1_000_000}), {paused: true});
		h.loop.start();
		h.run();
		h.send({type: 'step'});
		h.run();
		h.send({type: 'align', step: 40});
		h.run();
		expect(lastSnapshot(h).runs.map((r) => r.step)).toEqual([40, 40]);
		expect(h.pending()).toBe(0);
		h.send({type: 'align', step: 30}); // behind it already: nothing to do
		h.run();
		expect(lastSnapshot(h).runs[0]!.step).toBe(40);
	});

	it('held at a split lesson’s gate, it waits without spinning, goes on once let, and says when it is done', () => {
		let allowed = 10;
		const published: [number, boolean][] = [];
		const gate: StepGate = {mayStep: (next) => next <= allowed, publish: (steps, done = false) => void published.push([steps, done])};
		const scenario = tinyScenario({steps: 60});
		const h = harness(scenario, {}, new Session(scenario), gate);
		h.loop.start();
		expect(h.run(100)).toBeLessThan(60); // polls every few milliseconds, not as fast as it can
		expect(lastSnapshot(h).runs[0]!.step).toBe(10);
		expect(published.at(-1)).toEqual([10, false]);
		allowed = 1000;
		h.run();
		expect(lastSnapshot(h)).toMatchObject({finished: true, runs: [{step: 60}, {step: 60}]});
		expect(published.at(-1)).toEqual([60, true]);
		expect(h.pending()).toBe(0);
	});

	it('quit cancels the next wake-up and ignores whatever comes after', () => {
		const h = harness(tinyScenario({steps: 1_000_000}), {speed: 100});
		h.loop.start();
		h.run(50);
		expect(h.pending()).toBe(1);
		h.send({type: 'quit'});
		expect(h.pending()).toBe(0);
		const count = h.posted.length;
		h.send({type: 'step'});
		h.run();
		expect(h.posted).toHaveLength(count);
	});

	it('an error in training is posted once and stops the loop', () => {
		class Broken extends Session {
			override stepAll(): number {
				throw new Error('boom');
			}
		}
		const scenario = tinyScenario();
		const h = harness(scenario, {}, new Broken(scenario));
		h.loop.start();
		h.run();
		expect(h.posted.filter((m) => m.type === 'error')).toEqual([{type: 'error', message: 'boom'}]);
		expect(h.pending()).toBe(0);
	});
});
