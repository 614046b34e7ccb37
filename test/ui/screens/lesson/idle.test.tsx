/**
 * A paused or finished lesson runs no timer on the UI side (no interval, timeout or immediate
 * fires) while nothing changes; the worker sleeps then too. Mutation: an interval in
 * LessonScreen, or the frame clock ticking without a recording, fails this.
 */
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {RunnerHandle, RunnerSetup} from '../../../../src/runner/client.js';
import type {WorkerMessage} from '../../../../src/runner/protocol.js';
import {LessonScreen} from '../../../../src/ui/screens/lesson/LessonScreen.js';
import {tinyScenario} from '../../../helpers/scenarios.js';
import {history, runState, snapshot} from '../../fixtures.js';
import {renderUi} from '../../render.js';

/** The real setTimeout, taken before any spy: the test's own waiting is not counted. */
const realSetTimeout = globalThis.setTimeout;
const sleep = (ms: number) => new Promise((r) => realSetTimeout(r, ms));

/** Records every timer callback that runs from now on (intervals once per run), with where it was set. */
function watchTimers() {
	const fired: string[] = [];
	for (const name of ['setTimeout', 'setInterval', 'setImmediate'] as const) {
		const real = globalThis[name] as (callback: (...a: unknown[]) => void, ...rest: unknown[]) => unknown;
		vi.spyOn(globalThis, name).mockImplementation(((callback: (...a: unknown[]) => void, ...rest: unknown[]) => {
			const where = new Error().stack?.split('\n')[3]?.trim() ?? '';
			return real((...args: unknown[]) => {
				fired.push(`${name} ${where}`);
				callback(...args);
			}, ...rest);
		}) as never);
	}
	return fired;
}

afterEach(() => vi.restoreAllMocks());

describe('an idle lesson', () => {
	test.each([
		['paused', {paused: true}],
		['finished', {finished: true}],
	] as const)('%s: nothing scheduled while nothing changes', async (_name, state) => {
		const fired = watchTimers();
		let post: (m: WorkerMessage) => void = () => {};
		const start = (): RunnerHandle => ({send: () => {}, subscribe: (l) => ((post = l), () => {}), stop: async () => {}});
		const init: RunnerSetup = {scenario: tinyScenario(), options: {}, snapshotsPerSecond: 15, speed: 'max', paused: false};
		const ui = renderUi(<LessonScreen init={init} onAppCommand={() => undefined} start={start} />, {keys: true});
		await sleep(50);
		post(snapshot([runState('adam', history(40, (s) => 1 / s)), runState('sgd', history(40, (s) => 2 / s))], state));
		await sleep(100);
		const before = fired.length;
		await sleep(600);
		expect(fired.slice(before)).toEqual([]);
		ui.unmount();
	});
});
