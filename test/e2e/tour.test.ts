/**
 * The tour and recording mode in a real terminal: Korean at 80×24 without overflow, walking the
 * chapters without leaking workers, and two recordings with the same seed and size that are
 * byte-for-byte the same.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {CLI, E2E_TEST_MS, hasTmux, Tmux} from '../helpers/tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});
const dir = mkdtempSync(join(tmpdir(), 'gradlab-tour-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function start(columns: number, rows: number, env: Record<string, string> = {}): Tmux {
	const tmux = Tmux.start({columns, rows, env});
	sessions.push(tmux);
	return tmux;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Threads and resident memory of a process, from /proc. */
function usage(pid: number): {threads: number; rssKiB: number} {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return {threads: Number(/Threads:\s+(\d+)/.exec(status)![1]), rssKiB: Number(/VmRSS:\s+(\d+)/.exec(status)![1])};
}

describe.skipIf(!hasTmux())('the guided tour in a terminal', {timeout: E2E_TEST_MS}, () => {
	it('in Korean at 80×24 nothing overflows, on the intro card or the live chapter', async () => {
		const tmux = start(80, 24, {LANG: 'ko_KR.UTF-8'});
		tmux.line(`clear; node ${CLI} tour`);
		await tmux.waitFor(/9장 중 1장/);
		// On joined lines: a plain capture is cut at the pane's width, where nothing can be too wide.
		expect(tmux.linesTooWide()).toEqual([]);
		tmux.keys('Enter');
		await tmux.waitFor(/스텝\/초/);
		const screen = await tmux.waitFor(/▸/); // a caption
		expect(tmux.linesTooWide()).toEqual([]);
		const lines = screen.split('\n');
		expect(lines[22]).toMatch(/종료/); // the footer's quit hint, on the row above the spare last one
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
	});

	it('n and p walk the chapters twenty times without leaking workers or memory', async () => {
		const tmux = start(80, 24);
		tmux.line(`node ${CLI} tour`);
		await tmux.waitFor(/chapter 1 of 9/);
		const [pid] = tmux.children();
		expect(pid).toBeDefined();
		const moves = ['n', 'n', 'p', 'n', 'n', 'n', 'p', 'p', 'n', 'n', 'n', 'n', 'p', 'n', 'n', 'p', 'p', 'p', 'n', 'n'];
		let chapter = 1;
		let baseline: ReturnType<typeof usage> | undefined;
		for (const [k, move] of moves.entries()) {
			tmux.keys('Enter'); // start training: a worker
			await tmux.waitFor(/steps\/s/);
			await sleep(150);
			if (k === 1) baseline = usage(pid!);
			tmux.keys(move);
			chapter += move === 'n' ? 1 : -1;
			await tmux.waitFor(new RegExp(`chapter ${chapter} of 9`));
		}
		await sleep(800); // let the last workers' threads end
		const after = usage(pid!);
		// The main thread plus Node's own helpers; no worker survives its chapter.
		expect(after.threads).toBeLessThanOrEqual(baseline!.threads);
		expect(after.rssKiB - baseline!.rssKiB).toBeLessThan(40 * 1024);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
		expect(tmux.children()).toEqual([]);
	});

	/**
	 * The app's output for a recording of the curve-fitting lesson (3 runs, costly enough to split
	 * across 3 workers: test/split-cost.test.ts), from entering the alternate screen to leaving it.
	 */
	const record = async (name: string, env: Record<string, string> = {}): Promise<Buffer> => {
		const tmux = start(100, 30, env);
		const file = join(dir, name);
		await tmux.waitFor(/^\$/m); // the shell is ready: what it prints before this is not ours
		execFileSync('tmux', ['-L', tmux.name, 'pipe-pane', '-o', '-t', tmux.name, `cat > ${file}`]);
		tmux.line(`node ${CLI} curve-fitting --duration 3 --fps 10 --seed 7; echo "exit=$?"`);
		await tmux.waitFor(/exit=0/);
		await sleep(500); // let the pipe drain before closing it
		execFileSync('tmux', ['-L', tmux.name, 'pipe-pane', '-t', tmux.name]);
		// The app's own output: from entering the alternate screen to leaving it.
		const all = readFileSync(file);
		const from = all.indexOf('\u001B[?1049h');
		const to = all.indexOf('\u001B[?1049l');
		expect(from).toBeGreaterThanOrEqual(0);
		expect(to).toBeGreaterThan(from);
		return all.subarray(from, to);
	};

	/** Where two recordings part, if they do: the position and what follows in each. */
	const expectSameBytes = (first: Buffer, second: Buffer): void => {
		expect(first.length).toBeGreaterThan(10_000);
		let at = 0;
		while (at < first.length && first[at] === second[at]) at++;
		expect({at, second: second.subarray(at, at + 120).toString()}).toEqual({at: first.length, second: first.subarray(at, at + 120).toString()});
		expect(second.length).toBe(first.length);
	};

	it('two recordings with the same seed and size write the same bytes', async () => {
		expectSameBytes(await record('a.out'), await record('b.out'));
	}, 60_000);

	// Mutation tried: worker 2 given another seed (split.ts) makes the recordings part at the first chart.
	it('a recording trained in one worker and one split across three write the same bytes', async () => {
		expectSameBytes(await record('one.out', {GRADLAB_WORKERS: '1'}), await record('three.out', {GRADLAB_WORKERS: '3'}));
	}, 60_000);
});
