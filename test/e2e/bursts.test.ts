/**
 * Keys sent in one burst (one tmux send-keys call, as a fast typist over SSH sends them) do what
 * they do typed one by one, on every screen of the real CLI. Needs `npm run build` and tmux.
 *
 * Against the build before the one input path (checked by running this file with that bundle):
 * `-----` moved the speed one notch, not five; on the intro card the keys after the space that
 * started the chapter were lost, so `s s s` left the chapter running instead of paused.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {CLI, E2E_TEST_MS, hasTmux, Tmux} from '../helpers/tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});

function start(): Tmux {
	const tmux = Tmux.start({columns: 80, rows: 24});
	sessions.push(tmux);
	return tmux;
}

/** Typed as one string in one send-keys call. */
const burst = (tmux: Tmux, text: string) => tmux.keys('-l', '--', text);

/** The status line's speed setting. */
const speedOf = (screen: string) => /speed (\S+)/.exec(screen.split('\n').find((l) => l.includes('gradlab ·')) ?? '')?.[1];

/** Nothing on screen is wider than the terminal (on joined lines: a plain capture is cut at the pane's width). */
function expectFits(tmux: Tmux) {
	expect(tmux.linesTooWide()).toEqual([]);
}

describe.skipIf(!hasTmux())('keys in one burst', {timeout: E2E_TEST_MS}, () => {
	it('picker ↓↓↓ Enter; in the lesson five -, five +, Tab Tab, s s s; in the help five -', async () => {
		const tmux = start();
		tmux.line(`node ${CLI} --steps 1000000`);
		await tmux.waitFor(/pick a lesson/);
		tmux.keys('Down', 'Down', 'Down', 'Enter');
		await tmux.waitFor(/Optimizers .*steps\/s/);

		burst(tmux, '-----');
		await tmux.waitUntil((s) => speedOf(s) === '1', "speed 1 (the lesson's 50, then 20, 10, 5, 2, 1)");
		burst(tmux, '+++++');
		await tmux.waitUntil((s) => speedOf(s) === '50', 'speed 50 again');

		tmux.keys('Tab', 'Tab', 'Tab', 'Tab'); // loss → gradients → inspector → slope → the decision boundary
		await tmux.waitFor(/┌─ ● SGD/);

		burst(tmux, 's s s'); // step, resume, step, resume, step: paused at the end
		let screen = await tmux.waitFor(/⏸ paused/);
		expectFits(tmux);

		tmux.keys('?');
		await tmux.waitFor(/keys \(\? \/ esc\)/);
		burst(tmux, '-----'); // the first key closes the help, the other four slow down
		screen = await tmux.waitUntil((s) => speedOf(s) === '2', 'speed 2 (50, 20, 10, 5, 2)');
		expect(screen).not.toMatch(/keys \(\? \/ esc\)/);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
	});

	it('the intro card: a space starts the chapter and the keys after it reach the lesson', async () => {
		const tmux = start();
		tmux.line(`node ${CLI} tour`);
		await tmux.waitFor(/chapter 1 of 9/);
		burst(tmux, 's s s'); // s is no key on the card; space starts; then step, resume, step
		const screen = await tmux.waitFor(/⏸ paused/);
		expect(screen).toMatch(/Forward pass .*step \d/);
		expectFits(tmux);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
	});

	it('the explorer: five - and five + change the depth five times', async () => {
		const tmux = start();
		tmux.line(`node ${CLI}`);
		await tmux.waitFor(/pick a lesson/);
		tmux.keys('Up', 'Enter'); // the list wraps: the explorer is the last entry
		await tmux.waitFor(/d = 10/);
		burst(tmux, '-----');
		await tmux.waitFor(/d = 5 /);
		burst(tmux, '+++++');
		await tmux.waitFor(/d = 10 /);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
	});
});
