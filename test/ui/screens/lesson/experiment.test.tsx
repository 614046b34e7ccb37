/**
 * A lesson as an experiment: `c` opens the editor over it (training pauses, Esc resumes, `s`
 * hands the edited scenario to the app), the lr and momentum keys change the picked run live,
 * and `w` saves what was trained, live changes included.
 *
 * Mutations that make these fail (checked by hand): the lr keys stepping from the last snapshot's
 * lr instead of the value just sent (a burst of two would send the same value twice); the
 * worker's set-points not recorded (`recordSetPoints` skipped: the saved file has no schedule).
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {RunnerHandle, RunnerSetup} from '../../../../src/runner/client.js';
import type {Command, WorkerMessage} from '../../../../src/runner/protocol.js';
import {parseScenario} from '../../../../src/scenarios/load.js';
import type {NetworkScenario, Scenario} from '../../../../src/scenarios/types.js';
import {LessonScreen} from '../../../../src/ui/screens/lesson/LessonScreen.js';
import {liveChange} from '../../../../src/ui/screens/lesson/experiment.js';
import {history, runState, snapshot} from '../../fixtures.js';
import {renderUi} from '../../render.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-experiment-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function fakeRunner() {
	const sent: Command[] = [];
	const listeners = new Set<(m: WorkerMessage) => void>();
	const handle: RunnerHandle = {
		send: (command) => void sent.push(command),
		subscribe: (listener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		stop: async () => {},
	};
	return {sent, start: () => handle, emit: (m: WorkerMessage) => listeners.forEach((l) => l(m))};
}

const tick = () => new Promise((r) => setTimeout(r, 20));
// A resolved scenario (every option filled in), as the app hands a lesson.
const lesson = parseScenario(
	`title: Tiny
dataset: {name: moons, samples: 200, noise: 0.1, test: 0.25}
model: {hidden: [8, 8], activation: tanh, init: xavier-uniform}
train: {batch: 16, steps: 300, seed: 7}
runs:
  - {label: adam, train: {optimizer: {name: adam, lr: 0.01}}}
  - {label: sgd, model: {activation: relu}, train: {optimizer: {name: sgd, lr: 0.1}}}
`,
	join(dir, 'tiny.yaml'),
);
const init: RunnerSetup = {scenario: lesson, options: {steps: 200}, snapshotsPerSecond: 15, speed: 'max', paused: false};
const states = (step: number, extra: {lr?: number; newSetPoints?: readonly {at: number; lr?: number}[]} = {}) => [
	runState('adam', history(step, (s) => 1 / s), {lr: 0.01}),
	runState('sgd', history(step, (s) => 2 / s), {lr: extra.lr ?? 0.1, momentum: 0, newSetPoints: extra.newSetPoints ?? []}),
];

describe('a lesson as an experiment', () => {
	it('c opens the editor and pauses; Esc closes it and resumes; s hands the edit to the app', async () => {
		const runner = fakeRunner();
		const edited: Scenario[] = [];
		const {lastFrame, stdin} = renderUi(<LessonScreen init={init} onAppCommand={() => {}} start={runner.start} onEdited={(s) => void edited.push(s)} />, {keys: true});
		await tick();
		runner.emit(snapshot(states(40)));
		await tick();
		stdin.write('c');
		await tick();
		expect(lastFrame()).toMatch(/runs 2\/8/);
		expect(lastFrame()).toMatch(/adam · settings/);
		expect(runner.sent).toEqual([{type: 'pause'}]);
		// In the editor, space and r mean nothing to the lesson.
		stdin.write(' r');
		await tick();
		stdin.write('\u001B');
		await tick();
		expect(lastFrame()).toMatch(/step 40/);
		expect(runner.sent).toEqual([{type: 'pause'}, {type: 'resume'}]);

		// Edit: the second run's lr ×10 (the lr field is under the optimizer), then start.
		stdin.write('c');
		await tick();
		stdin.write('\t');
		await tick();
		stdin.write('\u001B[B');
		await tick();
		for (let k = 0; k < 4; k++) {
			stdin.write('\u001B[C');
			await tick();
		}
		stdin.write('s');
		await tick();
		expect(edited).toHaveLength(1);
		const runs = (edited[0] as NetworkScenario).runs;
		expect(runs.map((r) => [r.label, r.train.optimizer.lr, r.train.steps])).toEqual([
			['adam', 0.01, 200],
			['sgd', 1, 200],
		]);
	});

	it('the lr keys change the picked run at once, each key from the one before; w saves it all', async () => {
		const runner = fakeRunner();
		const {lastFrame, stdin} = renderUi(<LessonScreen init={init} onAppCommand={() => {}} start={runner.start} saveDir={dir} />, {keys: true});
		await tick();
		runner.emit(snapshot(states(40)));
		await tick();
		stdin.write(']]');
		await tick();
		stdin.write('<<');
		await tick();
		expect(runner.sent).toEqual([
			{type: 'set', run: 1, lr: 0.0562},
			{type: 'set', run: 1, lr: 0.0316},
		]);
		// Asked for: the step is the worker's to say.
		expect(lastFrame()).toMatch(/sgd: lr 0\.0562 → 0\.0316 …/);
		// Adam has no momentum to change: said, nothing sent.
		stdin.write('[');
		await tick();
		stdin.write('}');
		await tick();
		expect(lastFrame()).toMatch(/adam has no momentum to change/);
		expect(runner.sent).toHaveLength(2);

		// The worker took the change after step 41; the legend shows the lr the run now uses.
		runner.emit(snapshot(states(45, {lr: 0.0316, newSetPoints: [{at: 41, lr: 0.0316}]}), {paused: true}));
		await tick();
		expect(lastFrame()).toMatch(/sgd .*lr 0\.0316/);
		// The notice names the step the worker took it at (the set-point at 41 acts from step 42), from the lr it used before.
		expect(lastFrame()).toMatch(/sgd: lr 0\.1 → 0\.0316 from step 42/);
		// …and the loss chart marks the step in its top row with the run's marker.
		expect(lastFrame()!.split('\n')[2]).toMatch(/┤.*▲/);
		stdin.write('w');
		await tick();
		// Named after the title, in the folder asked for.
		const [file] = readdirSync(dir);
		expect(readdirSync(dir)).toEqual(['tiny.yaml']);
		expect(lastFrame()).toMatch(new RegExp(`saved .*${file}`));
		const saved = parseScenario(readFileSync(join(dir, file!), 'utf8'), join(dir, file!)) as NetworkScenario;
		expect(saved.runs.map((r) => [r.train.steps, r.train.schedule])).toEqual([
			[200, []],
			[200, [{at: 41, lr: 0.0316}]],
		]);
	});

	it('refuses what a file could not hold, and says which run has finished', () => {
		const network = lesson as NetworkScenario;
		const experiment: Scenario = {...network, runs: network.runs.map((r) => ({...r, train: {...r.train, steps: 50}}))};
		const done = [runState('adam', history(50, () => 1), {lr: 0.01}), runState('sgd', history(10, () => 1), {lr: 10, momentum: 0})];
		const result = liveChange(experiment, done, [], null, {what: 'lr', by: 1}, 'en');
		// adam finished; sgd is at the top of the lr scale already (10).
		expect(result.commands).toEqual([]);
		expect(result.notice).toMatch(/^adam has finished/);
		const ko = liveChange(experiment, done, [], 0, {what: 'momentum', by: 1}, 'ko');
		expect(ko.notice).toMatch(/학습이 끝났어요/);
	});
});
