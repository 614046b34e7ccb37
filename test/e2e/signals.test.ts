/**
 * What the README promises about ending, in a real terminal (tmux): SIGTERM, SIGHUP and SIGINT
 * sent to the dashboard restore the terminal (main screen, cursor shown, the line mode the shell
 * had), and Ctrl-C stops a headless run between steps with exit code 130 and complete records.
 *
 * Mutations: without the dashboard's signal handlers (src/cli/dashboard.tsx) each signal's test
 * fails (Node dies by the signal, no exit handler runs, the terminal stays in the alternate screen
 * with the cursor hidden); without runCommand's SIGINT handler the headless test fails (the shell
 * still says 130, but nothing says where it stopped and the last record can be cut).
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {CLI, Tmux, hasTmux} from '../helpers/tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});
const dir = mkdtempSync(join(tmpdir(), 'gradlab-signals-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function start(): Tmux {
	const tmux = Tmux.start({columns: 80, rows: 24});
	sessions.push(tmux);
	return tmux;
}

describe.skipIf(!hasTmux())('signals', () => {
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		it(`${signal} to the dashboard: the terminal is as it was before`, async () => {
			const tmux = start();
			const modes = join(dir, signal);
			// The shell's line mode before and after (stty -g: echo, canonical input, signals …).
			tmux.line(`stty -g > ${modes}.before; node ${CLI} optimizers --steps 1000000; echo "exit=$?"; stty -g > ${modes}.after; echo modes saved`);
			await tmux.waitUntil((s) => /steps\/s/.test(s) && /loss \(log\)/.test(s), 'the dashboard');
			expect(tmux.state()).toEqual({cursorVisible: false, alternateScreen: true});
			const [pid] = tmux.children();
			process.kill(pid!, signal);
			const screen = await tmux.waitFor(/^modes saved/m);
			expect(screen).toMatch(/^exit=\d+$/m);
			expect(screen).not.toMatch(/steps\/s/); // the shell's own screen, not a dashboard left behind
			expect(tmux.state()).toEqual({cursorVisible: true, alternateScreen: false});
			expect(readFileSync(`${modes}.after`, 'utf8')).toBe(readFileSync(`${modes}.before`, 'utf8'));
			expect(tmux.children()).toEqual([]);
			// Keys echo again: typed text shows at the prompt.
			tmux.keys('-l', 'echo-is-on');
			await tmux.waitFor(/^\$ echo-is-on/m);
		});
	}

	it('Ctrl-C in a headless run: exit 130, where it stopped, and every record written whole', async () => {
		const tmux = start();
		const out = join(dir, 'runs.jsonl');
		tmux.line(`node ${CLI} run optimizers --headless --steps 10000000 --every 1 --format jsonl --out ${out}; echo "exit=$?"`);
		// Training has written records (to the temporary file that becomes runs.jsonl at the end): interrupt it mid-run.
		await tmux.waitUntil(() => {
			try {
				const temp = readdirSync(dir).find((name) => /^\.runs\.jsonl\..*\.tmp$/.test(name));
				return temp !== undefined && readFileSync(join(dir, temp), 'utf8').length > 10_000;
			} catch {
				return false;
			}
		}, 'records in the file', 20_000);
		tmux.keys('C-c');
		// (Killed by the signal, the shell would skip the echo: the prompt is back either way.)
		const screen = await tmux.waitUntil((s) => /exit=\d+/.test(s) || /^\$\s*$/m.test(s), 'the shell again', 20_000);
		expect(screen).toMatch(/^exit=130$/m);
		const stopped = Number(/interrupted at step (\d+); what was written is complete up to there/.exec(screen)?.[1]);
		expect(stopped).toBeGreaterThan(0);
		const text = readFileSync(out, 'utf8');
		expect(text.endsWith('\n')).toBe(true);
		const records = text.trimEnd().split('\n').map((line) => JSON.parse(line) as {run: string; step: number});
		// --every 1: each of the eight runs logged every step up to the one it stopped at.
		expect(records).toHaveLength(8 * stopped);
		expect(records.at(-1)!.step).toBe(stopped);
	});
});
