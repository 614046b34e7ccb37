/**
 * The dashboard and the shell's job control, in a real terminal (tmux): Ctrl-Z and `kill -TSTP`
 * hand the terminal back and stop the process, `fg` brings the dashboard back whole and in raw
 * mode, and TERM or HUP (an SSH drop) always end it with the terminal restored.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The process's state letter (R, S, T …) and its CPU time so far, from /proc. */
function procState(pid: number): {state: string; cpu: number} {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return {state: fields[0]!, cpu: Number(fields[11]) + Number(fields[12])};
}

async function waitForState(tmux: Tmux, want: {cursorVisible: boolean; alternateScreen: boolean}): Promise<void> {
	const end = Date.now() + 10_000;
	while (Date.now() < end) {
		const now = tmux.state();
		if (now.cursorVisible === want.cursorVisible && now.alternateScreen === want.alternateScreen) return;
		await sleep(50);
	}
	expect(tmux.state()).toEqual(want);
}

async function expectCleanExit(tmux: Tmux): Promise<void> {
	await tmux.waitFor(/^\$\s*$/m);
	await sleep(100);
	expect(tmux.state()).toEqual({cursorVisible: true, alternateScreen: false});
	expect(tmux.children()).toEqual([]);
}

/** The lesson's dashboard, training; returns the gradlab process id. */
async function openLesson(tmux: Tmux): Promise<number> {
	tmux.line(`node ${CLI} optimizers --steps 1000000`);
	await tmux.waitUntil((s) => /steps\/s/.test(s) && /loss \(log\)/.test(s), 'the dashboard');
	const [pid] = tmux.children();
	expect(pid).toBeDefined();
	return pid!;
}

/** `fg`: the whole dashboard is back (status line, panel, legend, keys) and keys need no Enter. */
async function expectResumed(tmux: Tmux): Promise<void> {
	tmux.line('fg');
	await waitForState(tmux, {cursorVisible: false, alternateScreen: true});
	const screen = await tmux.waitUntil((s) => /^ gradlab · Optimizers/m.test(s) && /loss \(log\)/.test(s) && /q quit/.test(s), 'the whole dashboard again');
	// Nothing of the shell's screen shows through: the frame was drawn on a cleared screen.
	expect(screen).not.toMatch(/Stopped|\$ fg/);
	tmux.keys('Space'); // no Enter: raw mode is back
	await tmux.waitFor(/paused/);
}

describe.skipIf(!hasTmux())('job control', {timeout: E2E_TEST_MS}, () => {
	it('Ctrl-Z gives the shell its screen back and stops; fg brings the dashboard back whole, in raw mode', async () => {
		const tmux = start();
		const pid = await openLesson(tmux);
		tmux.keys('C-z');
		await tmux.waitFor(/Stopped/);
		await waitForState(tmux, {cursorVisible: true, alternateScreen: false});
		expect(procState(pid).state).toBe('T');
		await expectResumed(tmux);
		tmux.keys('q');
		await expectCleanExit(tmux);
	});

	it('kill -TSTP does the same, and nothing trains while stopped', async () => {
		const tmux = start();
		const pid = await openLesson(tmux);
		execFileSync('kill', ['-TSTP', String(pid)]);
		await tmux.waitFor(/Stopped/);
		await waitForState(tmux, {cursorVisible: true, alternateScreen: false});
		const before = procState(pid);
		await sleep(1000);
		const after = procState(pid);
		expect(after.state).toBe('T');
		expect(after.cpu).toBe(before.cpu);
		await expectResumed(tmux);
		tmux.keys('q');
		await expectCleanExit(tmux);
	});

	for (const signal of ['TERM', 'HUP'] as const) {
		it(`SIG${signal} ends the dashboard and restores the terminal`, async () => {
			const tmux = start();
			const pid = await openLesson(tmux);
			execFileSync('kill', [`-${signal}`, String(pid)]);
			await expectCleanExit(tmux);
		});
	}
});
