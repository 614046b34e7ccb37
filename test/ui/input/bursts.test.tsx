/**
 * Keys that arrive in one read — typed quickly, pasted, or sent over a slow SSH link — do exactly
 * what the same keys typed one at a time do, on every screen. Each case runs the whole app twice,
 * against a fake worker that answers like the real one (a snapshot a moment after each command):
 * once with the keys in one stdin chunk, once key by key with the worker's answer in between.
 *
 * Mutations that make these fail (checked by hand): keyPresses not splitting a text run (Ink's
 * own behaviour without the old parser patch); faster/slower routed without 'speeding' (reading
 * the speed only the worker's snapshot updates); the router not holding keys after a screen
 * change; a lesson reading its rendered state instead of the store.
 */
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import type {RunnerHandle, RunnerSetup} from '../../../src/runner/client.js';
import type {Command, Speed, WorkerMessage} from '../../../src/runner/protocol.js';
import {App} from '../../../src/ui/screens/App.js';
import type {Screen} from '../../../src/ui/screens/navigation.js';
import {tinyScenario} from '../../helpers/scenarios.js';
import {history, runState, snapshot, stripAnsi} from '../fixtures.js';

/** A worker that keeps pause, speed and a step count, and posts a snapshot shortly after each command. */
function fakeWorker() {
	const sent: string[] = [];
	let unanswered = 0;
	const start = (init: RunnerSetup): RunnerHandle => {
		const listeners = new Set<(m: WorkerMessage) => void>();
		let paused = init.paused;
		let speed: Speed = init.speed;
		let step = 0;
		const post = () => {
			unanswered++;
			setTimeout(() => {
				unanswered--;
				const runs = init.scenario.runs.map((r) => runState(r.label, history(step, () => 0.5), {step}));
				listeners.forEach((l) => l(snapshot(runs, {paused, speed, stepsPerSecond: 0})));
			}, 2);
		};
		const apply = (command: Command) => {
			if (command.type === 'pause' || command.type === 'resume') paused = command.type === 'pause';
			if (command.type === 'step') [paused, step] = [true, step + 1];
			if (command.type === 'speed') speed = command.speed;
		};
		return {
			send: (command) => {
				sent.push(JSON.stringify(command));
				apply(command);
				post();
			},
			subscribe: (listener) => {
				listeners.add(listener);
				post();
				return () => listeners.delete(listener);
			},
			stop: async () => {},
		};
	};
	return {sent, start, busy: () => unanswered > 0};
}

const named = (title: string, file: string) => ({...tinyScenario(), id: file, file, title: {en: title, ko: title}});
const scenarios = [named('First lesson', '/a.yaml'), named('Second lesson', '/b.yaml'), named('Third lesson', '/c.yaml')].map((s) => ({...s, speed: 100}));
const chapters = [{...named('Chapter one', '/t1.yaml'), speed: 100}, {...named('Chapter two', '/t2.yaml'), speed: 100}];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the worker has answered everything and the screen has stopped changing (a loaded machine is slow). */
async function settle(worker: {busy: () => boolean}, frame: () => string | undefined): Promise<void> {
	let last = frame();
	for (let k = 0; k < 100; k++) {
		await sleep(25);
		const now = frame();
		if (!worker.busy() && now === last && k > 0) return;
		last = now;
	}
}

interface Outcome {
	readonly frame: string;
	readonly sent: readonly string[];
}

/** The screen and what the worker was told after `before` (typed slowly), then `keys` together or one by one. */
async function outcome(first: Screen, keys: readonly string[], together: boolean, before: readonly string[] = []): Promise<Outcome> {
	const worker = fakeWorker();
	const ui = render(<App scenarios={scenarios} chapters={chapters} first={first} language="en" training={{snapshotsPerSecond: 15}} start={worker.start} />);
	const quiet = () => settle(worker, ui.lastFrame);
	await quiet();
	for (const key of before) {
		ui.stdin.write(key);
		await quiet();
	}
	if (together) ui.stdin.write(keys.join(''));
	else {
		for (const key of keys) {
			ui.stdin.write(key);
			await quiet();
		}
	}
	await quiet();
	const result = {frame: stripAnsi(ui.lastFrame() ?? ''), sent: [...worker.sent]};
	ui.unmount();
	return result;
}

const DOWN = '\u001B[B';
const BURSTS = {
	'five +': ['+', '+', '+', '+', '+'],
	'five -': ['-', '-', '-', '-', '-'],
	's s s': ['s', ' ', 's', ' ', 's'],
	'Tab Tab': ['\t', '\t'],
	'↓↓↓ Enter': [DOWN, DOWN, DOWN, '\r'],
} as const;
type Burst = keyof typeof BURSTS;

const SCREENS: Readonly<Record<string, {first: Screen; before?: readonly string[]}>> = {
	picker: {first: {kind: 'picker'}},
	'intro card': {first: {kind: 'tour', chapter: 0, started: false}},
	lesson: {first: {kind: 'lesson', scenario: scenarios[0]!, started: true}},
	'help overlay': {first: {kind: 'lesson', scenario: scenarios[0]!, started: true}, before: ['?']},
	explorer: {first: {kind: 'explorer'}},
};

/** What each burst must do, beyond doing the same both ways (so a burst that does nothing either way cannot pass unnoticed). */
const EXPECTED: Partial<Record<string, Partial<Record<Burst, (o: Outcome) => void>>>> = {
	picker: {
		'↓↓↓ Enter': (o) => expect(o.frame).toMatch(/Third lesson .*step/),
	},
	'intro card': {
		// s is no key on the card; space starts the chapter, and the keys after it reach the lesson.
		's s s': (o) => {
			expect(o.frame).toMatch(/Chapter one .*step 2 .*paused/);
			expect(o.sent).toEqual(['{"type":"step"}', '{"type":"resume"}', '{"type":"step"}']);
		},
		'↓↓↓ Enter': (o) => expect(o.frame).toMatch(/Chapter one .*step/),
	},
	lesson: {
		'five +': (o) => {
			expect(o.frame).toContain('speed 5000');
			expect(o.sent.map((c) => JSON.parse(c).speed)).toEqual([200, 500, 1000, 2000, 5000]);
		},
		'five -': (o) => expect(o.frame).toMatch(/speed 2\s*$/m),
		's s s': (o) => expect(o.frame).toMatch(/step 3 .*paused/),
		'Tab Tab': (o) => {
			expect(o.frame).toContain('backprop inspector');
			expect(o.sent).toEqual(['{"type":"watch","boundary":false,"inspect":{"run":0,"row":0,"alone":false}}']);
		},
		'↓↓↓ Enter': (o) => expect(o.sent).toEqual([]),
	},
	'help overlay': {
		// The first key closes the help; the rest are the lesson's.
		'five -': (o) => expect(o.frame).toMatch(/speed 5\s*$/m),
		's s s': (o) => expect(o.frame).toMatch(/step 2 .*paused/),
	},
	explorer: {
		'five +': (o) => expect(o.frame).toContain('d = 15'),
		'five -': (o) => expect(o.frame).toMatch(/d = 5\s*$/m),
	},
};

describe('keys in one read do what they do typed one by one', () => {
	const cases = Object.keys(SCREENS).flatMap((screen) => (Object.keys(BURSTS) as Burst[]).map((burst) => [screen, burst] as const));
	test.each(cases)('%s: %s', async (screen, burst) => {
		const {first, before} = SCREENS[screen]!;
		const together = await outcome(first, BURSTS[burst], true, before);
		const slowly = await outcome(first, BURSTS[burst], false, before);
		expect(together).toEqual(slowly);
		EXPECTED[screen]?.[burst]?.(together);
	});
});
