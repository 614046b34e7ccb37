import {describe, expect, it} from 'vitest';
import type {Snapshot, WorkerMessage} from '../src/runner/protocol.js';
import {tinyScenario} from './helpers/scenarios.js';
import {next, startTestRunner} from './helpers/worker.js';


const snapshot = (test: (s: Snapshot) => boolean = () => true) => (m: WorkerMessage) => m.type === 'snapshot' && test(m);

// One worker's loop in a thread; a lesson split across several is split.test.ts's.
describe('training worker', () => {
	it('trains, pauses, single-steps, restarts and quits', async () => {
		const runner = startTestRunner({scenario: tinyScenario({steps: 1_000_000}), options: {}, snapshotsPerSecond: 30, speed: 'max', paused: false}, 1);
		try {
			const first = (await next(runner, snapshot((s) => s.runs[0]!.step > 100))) as Snapshot;
			expect(first.runs).toHaveLength(2);
			expect(first.runs[0]!.layers).toHaveLength(3);

			runner.send({type: 'pause'});
			const paused = (await next(runner, snapshot((s) => s.paused))) as Snapshot;
			await new Promise((r) => setTimeout(r, 150));
			runner.send({type: 'step'});
			const stepped = (await next(runner, snapshot((s) => s.runs[0]!.step === paused.runs[0]!.step + 1))) as Snapshot;
			expect(stepped.paused).toBe(true);

			runner.send({type: 'restart'});
			await next(runner, (m) => m.type === 'reset');
			const restarted = (await next(runner, snapshot())) as Snapshot;
			expect(restarted.runs[0]!.step).toBeLessThan(paused.runs[0]!.step);

			runner.send({type: 'speed', speed: 50});
			runner.send({type: 'resume'});
			const slow = (await next(runner, snapshot((s) => s.speed === 50 && s.runs[0]!.step > 20))) as Snapshot;
			expect(slow.paused).toBe(false);
		} finally {
			await runner.stop();
		}
	});

	it('paused, the thread goes quiet: no snapshot, not even the once-a-second refresh it used to send', async () => {
		const runner = startTestRunner({scenario: tinyScenario({steps: 1_000_000}), options: {}, snapshotsPerSecond: 30, speed: 'max', paused: false}, 1);
		try {
			await next(runner, snapshot((s) => s.runs[0]!.step > 10));
			runner.send({type: 'pause'});
			await next(runner, snapshot((s) => s.paused));
			await new Promise((r) => setTimeout(r, 400)); // the last probe the cadence held back
			const heard: string[] = [];
			const off = runner.subscribe((m) => heard.push(m.type));
			await new Promise((r) => setTimeout(r, 1300));
			off();
			expect(heard).toEqual([]);
			runner.send({type: 'step'});
			await next(runner, snapshot((s) => s.paused));
		} finally {
			await runner.stop();
		}
	});

	it('reports a scenario that cannot start as an error instead of crashing', async () => {
		const bad = tinyScenario();
		const broken = {...bad, runs: [{...bad.runs[0]!, model: {...bad.runs[0]!.model, weights: '/nonexistent/weights.json'}}]};
		const runner = startTestRunner({scenario: broken, options: {}, snapshotsPerSecond: 30, speed: 'max', paused: false}, 1);
		const errors: string[] = [];
		runner.subscribe((m) => void (m.type === 'error' && errors.push(m.message)));
		const message = await next(runner, (m) => m.type === 'error');
		expect(message).toMatchObject({type: 'error'});
		// The worker then ends; its own reason stays the one shown, not a vaguer "ended unexpectedly".
		await new Promise((r) => setTimeout(r, 300));
		expect(errors.some((e) => /unexpectedly/.test(e))).toBe(false);
		await runner.stop();
	});
});
