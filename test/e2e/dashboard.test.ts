/**
 * The real CLI in a real pseudo-terminal (tmux): what a person sees and types, and the state of
 * the terminal after the program has gone. Needs `npm run build` (npm test does it) and tmux.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {CLI, E2E_TEST_MS, hasTmux, Tmux} from '../helpers/tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});

function start(columns: number, rows: number, env: Record<string, string> = {}): Tmux {
	const tmux = Tmux.start({columns, rows, env});
	sessions.push(tmux);
	return tmux;
}

const gradlab = (args = ''): string => `node ${CLI} ${args}`.trim();

/** The step counter on the status line. */
function stepOf(screen: string): number {
	const m = /step ([\d.]+)(k?)/.exec(screen);
	if (!m) throw new Error(`no step on screen:\n${screen}`);
	return Number(m[1]) * (m[2] === 'k' ? 1000 : 1);
}

/** Nothing on screen is wider than the terminal (on joined lines: a plain capture is cut at the pane's width). */
function expectFits(tmux: Tmux): void {
	expect(tmux.linesTooWide()).toEqual([]);
}

async function expectCleanExit(tmux: Tmux): Promise<void> {
	await tmux.waitFor(/^\$\s*$/m);
	await new Promise((r) => setTimeout(r, 100));
	expect(tmux.state()).toEqual({cursorVisible: true, alternateScreen: false});
	expect(tmux.children()).toEqual([]);
}

describe.skipIf(!hasTmux())('the dashboard in a terminal', {timeout: E2E_TEST_MS}, () => {
	it('80×24: picks a lesson with the arrows, trains, pauses, steps, resizes and quits cleanly', async () => {
		const tmux = start(80, 24);
		tmux.line(gradlab('--steps 1000000'));
		await tmux.waitFor(/pick a lesson/);
		// One key at a time, then three at once (a fast typist over SSH): each moves one row.
		tmux.keys('Down');
		await tmux.waitFor(/❯ Vanishing gradients/);
		tmux.keys('Down', 'Down', 'Up');
		await tmux.waitFor(/❯ Activation functions/);
		tmux.keys('Down', 'Enter');
		let screen = await tmux.waitFor(/Optimizers .*steps\/s/);
		expectFits(tmux);
		expect(screen).toMatch(/loss \(log\)/);
		// Curves appear and move.
		screen = await tmux.waitUntil((s) => /[╭╮╰╯─]/.test(s) && stepOf(s) > 10, 'curves'); // the lesson trains at 50 steps/s
		const before = stepOf(screen);
		await tmux.waitUntil((s) => stepOf(s) > before, 'training to go on');

		// The gradient bars.
		tmux.keys('Tab');
		screen = await tmux.waitFor(/‖∂L\/∂W‖/);
		expect(screen).toMatch(/L1 .*e-\d\d/);
		expectFits(tmux);

		// Pause, then a single step.
		tmux.keys('Space');
		screen = await tmux.waitFor(/paused/);
		await new Promise((r) => setTimeout(r, 300));
		const paused = stepOf(tmux.screen());
		await new Promise((r) => setTimeout(r, 300));
		expect(stepOf(tmux.screen())).toBe(paused);
		tmux.keys('s');
		await tmux.waitUntil((s) => stepOf(s) === paused + 1, 'one step');
		// Three at once, as a fast typist over SSH sends them: three steps.
		tmux.keys('s', 's', 's');
		await tmux.waitUntil((s) => stepOf(s) === paused + 4, 'three more steps');

		// Resize: bigger, too small, back.
		tmux.resize(120, 36);
		screen = await tmux.waitUntil((s) => s.split('\n').some((l) => [...l].length > 100), 'the wider layout');
		expectFits(tmux);
		tmux.resize(60, 20);
		screen = await tmux.waitFor(/terminal too small \(need 80×24, have 60×20\)/);
		tmux.resize(80, 24);
		screen = await tmux.waitFor(/‖∂L\/∂W‖/);
		expectFits(tmux);

		tmux.keys('q');
		await expectCleanExit(tmux);
	});

	it('redraws the picker whole after the terminal narrows and widens again', async () => {
		const tmux = start(80, 24);
		tmux.line(gradlab());
		await tmux.waitFor(/pick a lesson/);
		tmux.keys('Down', 'Down');
		await tmux.waitFor(/❯ Activation functions/);
		// Narrowing makes the terminal rewrap the old frame; a stale copy of the summary stayed behind.
		for (const [columns, rows] of [[60, 20], [80, 24]] as const) {
			tmux.resize(columns, rows);
			await tmux.waitUntil((s) => s.split('\n').some((l) => /·.*·/.test(l) && [...l].length <= columns) && /^gradlab · pick a lesson/.test(s), `the picker at ${columns}×${rows}`);
			await new Promise((r) => setTimeout(r, 300));
			const settled = tmux.screen();
			expect(settled.split('\n')[0]).toMatch(/^gradlab · pick a lesson/);
			expect(settled.match(/One small network/g)).toHaveLength(1);
			expect(settled).toMatch(/❯ Activation functions/);
			expectFits(tmux);
		}
		tmux.keys('q');
		await expectCleanExit(tmux);
	});

	it('wide and monochrome: NO_COLOR draws no colour, runs still told apart by their markers', async () => {
		const tmux = start(160, 48, {NO_COLOR: '1'});
		tmux.line(gradlab('vanishing-gradients --steps 1000000'));
		await tmux.waitUntil((s) => /steps\/s/.test(s) && /relu .*loss/.test(s), 'the legend');
		const coloured = tmux.screenWithColour();
		// SGR colour codes: 30–37, 90–97 foreground, 38;… extended.
		expect(coloured).not.toMatch(/\u001B\[(?:[\d;]*;)?(?:3[0-8]|9[0-7]|4[0-8])(?:;[\d;]*)?m/);
		const screen = tmux.screen();
		expectFits(tmux);
		// Three runs, three different markers in the legend.
		const markers = [...screen.matchAll(/(\S) (sigmoid|tanh|relu)  loss/g)].map((m) => m[1]);
		expect(new Set(markers).size).toBe(3);
		tmux.keys('C-c');
		await expectCleanExit(tmux);
	});

	it('--ascii draws with ASCII only', async () => {
		const tmux = start(100, 30);
		tmux.line(gradlab('learning-rate --ascii --steps 1000000'));
		const screen = await tmux.waitUntil((s) => /steps\/s/.test(s) && /lr 0\.5 .*loss/.test(s), 'the legend');
		const body = screen.split('\n').slice(1).join('\n'); // the first line still shows the command typed
		expect(body).toMatch(/^[\x20-\x7e\n]*$/);
		tmux.keys('q');
		await expectCleanExit(tmux);
	});

	it('b goes back to the picker, with the lesson highlighted', async () => {
		const tmux = start(80, 24);
		tmux.line(gradlab('batch-size'));
		await tmux.waitFor(/Batch size .*step/);
		tmux.keys('b');
		await tmux.waitFor(/❯ Batch size/);
		tmux.keys('q');
		await expectCleanExit(tmux);
	});

	it('says so when stdout is not a terminal, and exits 2', async () => {
		const tmux = start(80, 24);
		tmux.line(`${gradlab()} | cat; echo "exit=\${PIPESTATUS[0]}"`);
		const screen = await tmux.waitFor(/exit=\d/);
		expect(screen).toMatch(/needs an interactive terminal/);
		expect(screen).toMatch(/--headless/);
		expect(screen).toMatch(/exit=2/);
	});
});
