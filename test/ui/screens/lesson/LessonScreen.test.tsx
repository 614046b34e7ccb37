import {describe, expect, it} from 'vitest';
import type {RunnerHandle} from '../../../../src/runner/client.js';
import type {Command, WorkerMessage} from '../../../../src/runner/protocol.js';
import type {RunnerSetup} from '../../../../src/runner/client.js';
import type {AppCommand} from '../../../../src/ui/dashboard/routing.js';
import {LessonScreen} from '../../../../src/ui/screens/lesson/LessonScreen.js';
import {tinyScenario} from '../../../helpers/scenarios.js';
import {history, runState, snapshot} from '../../fixtures.js';
import {renderUi} from '../../render.js';

/** A runner that records what it is told and lets the test speak for the worker. */
function fakeRunner() {
	const sent: Command[] = [];
	const listeners = new Set<(m: WorkerMessage) => void>();
	let stopped = 0;
	const handle: RunnerHandle = {
		send: (command) => void sent.push(command),
		subscribe: (listener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		stop: async () => void stopped++,
	};
	return {sent, start: () => handle, emit: (m: WorkerMessage) => listeners.forEach((l) => l(m)), stopped: () => stopped};
}

const tick = () => new Promise((r) => setTimeout(r, 20));
const init: RunnerSetup = {scenario: tinyScenario(), options: {}, snapshotsPerSecond: 15, speed: 'max', paused: false};

describe('LessonScreen', () => {
	it('draws what the worker sends, sends what the keys mean, and stops the worker on unmount', async () => {
		const runner = fakeRunner();
		const app: AppCommand[] = [];
		const {lastFrame, stdin, unmount} = renderUi(<LessonScreen init={init} onAppCommand={(c) => void app.push(c)} start={runner.start} />, {keys: true});
		await tick();
		runner.emit(snapshot([runState('adam', history(40, (s) => 1 / s)), runState('sgd', history(40, (s) => 2 / s))]));
		await tick();
		expect(lastFrame()).toMatch(/step 40/);
		expect(lastFrame()).toMatch(/adam .*loss/);

		stdin.write(' ');
		await tick();
		stdin.write('+');
		await tick();
		stdin.write('r');
		await tick();
		expect(runner.sent).toEqual([{type: 'pause'}, {type: 'speed', speed: 'max'}, {type: 'restart'}]);

		stdin.write('b');
		await tick();
		stdin.write('e'); // export is not offered here: nothing happens
		await tick();
		stdin.write('q');
		await tick();
		expect(app).toEqual(['back', 'quit']);
		expect(runner.sent.at(-1)).toEqual({type: 'quit'});

		unmount();
		expect(runner.stopped()).toBe(1);
	});

	it('keys that arrive in one read each see the one before (a fast typist over SSH)', async () => {
		const runner = fakeRunner();
		const {stdin} = renderUi(<LessonScreen init={init} onAppCommand={() => {}} start={runner.start} />, {keys: true});
		await tick();
		runner.emit(snapshot([runState('adam', history(40, (s) => 1 / s))]));
		await tick();
		stdin.write('  ');
		await tick();
		expect(runner.sent).toEqual([{type: 'pause'}, {type: 'resume'}]);
		// loss → gradients → inspector: the worker is told to inspect the run's next step.
		stdin.write('\t\t');
		await tick();
		expect(runner.sent.slice(2)).toEqual([{type: 'watch', boundary: false, inspect: {run: 0, row: 0, alone: false}}]);
	});

	it('shows a worker error in the caption instead of crashing', async () => {
		const runner = fakeRunner();
		const {lastFrame} = renderUi(<LessonScreen init={init} onAppCommand={() => {}} start={runner.start} />, {keys: true});
		await tick();
		runner.emit({type: 'error', message: 'out of memory'});
		await tick();
		expect(lastFrame()).toMatch(/out of memory/);
	});
});

describe('captions that carry a view', () => {
	const note = (at: number, en: string, view?: 'gradients' | 'boundary' | 'loss') => ({at, text: {en, ko: en}, ...(view ? {view} : {})});
	const scenario = {
		...tinyScenario(),
		notes: [note(0, 'Start on the bars.', 'gradients'), note(20, 'Nothing to switch.'), note(30, 'Now the boundary.', 'boundary'), note(50, 'Back to the loss.', 'loss')],
	};
	const at = (step: number) => snapshot([runState('adam', history(step, (s) => 1 / s))]);
	const paced: RunnerSetup = {...init, scenario};

	it('opens on the first caption\'s view, switches as each caption appears, and asks the worker for boundaries only while shown', async () => {
		const runner = fakeRunner();
		const {lastFrame} = renderUi(<LessonScreen init={paced} onAppCommand={() => {}} start={runner.start} />, {keys: true});
		await tick();
		expect(lastFrame()).toMatch(/per layer/);
		for (const step of [10, 25]) {
			runner.emit(at(step));
			await tick();
			expect(lastFrame(), `step ${step}`).toMatch(/per layer/);
		}
		expect(runner.sent).toEqual([]);
		runner.emit(at(30));
		await tick();
		expect(lastFrame()).toMatch(/Now the boundary/);
		expect(lastFrame()).toMatch(/waiting for the first look inside/);
		expect(runner.sent).toEqual([{type: 'watch', boundary: true}]);
		runner.emit(at(60));
		await tick();
		expect(lastFrame()).toMatch(/loss \(log\)/);
		expect(runner.sent).toEqual([{type: 'watch', boundary: true}, {type: 'watch', boundary: false}]);
	});

	it('a view picked by hand stays until a restart hands the view back to the captions', async () => {
		const runner = fakeRunner();
		const {lastFrame, stdin} = renderUi(<LessonScreen init={paced} onAppCommand={() => {}} start={runner.start} />, {keys: true});
		await tick();
		runner.emit(at(10));
		await tick();
		for (const key of ['\t', '\t', '\t', '\t']) {
			stdin.write(key); // gradients → inspector → slope → boundary → histograms, by hand
			await tick();
		}
		runner.emit(at(35));
		await tick();
		expect(lastFrame()).toMatch(/Now the boundary/);
		expect(lastFrame()).toMatch(/gradient histograms/);
		runner.emit({type: 'reset'});
		runner.emit(at(1));
		await tick();
		expect(lastFrame()).toMatch(/per layer/);
	});

	it('a wide terminal that already shows the loss beside the bars keeps them', async () => {
		const runner = fakeRunner();
		const {lastFrame} = renderUi(<LessonScreen init={paced} onAppCommand={() => {}} start={runner.start} />, {keys: true, size: {columns: 160, rows: 50}});
		await tick();
		runner.emit(at(60)); // "Back to the loss": the loss chart is on screen beside the bars
		await tick();
		expect(lastFrame()).toMatch(/per layer/);
		expect(lastFrame()).toMatch(/loss \(log\)/);
	});
});
