/**
 * `npm run bench:dashboard`: the dashboard as a person meets it, measured in a real terminal
 * (tmux): time to the first frame, bytes written per second while training, training speed with
 * the dashboard open against headless, and how fast a key press shows on screen.
 * Needs tmux. Flags: --seconds N (each measuring window, default 10), --json.
 */
import {readFileSync, rmSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {parseArgs} from 'node:util';
import {Session} from '../src/runner/session.js';
import {findScenario, loadScenarioFile} from '../src/scenarios/load.js';
import {CLI, Tmux, hasTmux} from '../test/helpers/tmux.js';

const {values} = parseArgs({options: {seconds: {type: 'string'}, json: {type: 'boolean'}, lesson: {type: 'string'}}});
const SECONDS = Number(values.seconds ?? 10);
const LESSON = values.lesson ?? 'vanishing-gradients';
const log = (text: string): void => void process.stderr.write(`${text}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function stepOf(screen: string): number | null {
	const m = /step ([\d.]+)(k|M)?/.exec(screen);
	return m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1) : null;
}

async function waitFor(tmux: Tmux, check: (screen: string) => boolean, pollMs = 5, timeoutMs = 10_000): Promise<number> {
	const start = performance.now();
	while (performance.now() - start < timeoutMs) {
		if (check(tmux.screen())) return performance.now() - start;
		await sleep(pollMs);
	}
	throw new Error('timed out');
}

/** Milliseconds from typing the command to the first frame, `reps` times. */
async function firstFrame(args: string, ready: RegExp, reps = 5): Promise<number[]> {
	const times: number[] = [];
	for (let k = 0; k < reps; k++) {
		const tmux = Tmux.start({columns: 100, rows: 30});
		try {
			await sleep(200);
			tmux.line(`node ${CLI} ${args}`);
			times.push(await waitFor(tmux, (s) => ready.test(s)));
			tmux.keys('q');
			await sleep(300);
		} finally {
			tmux.kill();
		}
	}
	return times;
}

/** Bytes the app writes per second and the steps it trains per second, over one window. */
async function liveWindow(view: 'loss' | 'gradients', fps: number): Promise<{bytesPerSecond: number; stepsPerSecond: number}> {
	const tmux = Tmux.start({columns: 100, rows: 30});
	const file = join(tmpdir(), `gradlab-bytes-${process.pid}-${view}-${fps}`);
	try {
		tmux.line(`node ${CLI} ${LESSON} --steps 100000000 --fps ${fps}`);
		await waitFor(tmux, (s) => (stepOf(s) ?? 0) > 0);
		if (view === 'gradients') tmux.keys('Tab');
		await sleep(2000); // past start-up and the first re-layouts
		const step0 = stepOf(tmux.screen())!;
		const t0 = performance.now();
		execFileSync('tmux', ['-L', tmux.name, 'pipe-pane', '-o', '-t', tmux.name, `cat > ${file}`]);
		await sleep(SECONDS * 1000);
		execFileSync('tmux', ['-L', tmux.name, 'pipe-pane', '-t', tmux.name]);
		const elapsed = (performance.now() - t0) / 1000;
		const step1 = stepOf(tmux.screen())!;
		const bytes = readFileSync(file).length;
		tmux.keys('q');
		await sleep(300);
		return {bytesPerSecond: bytes / elapsed, stepsPerSecond: (step1 - step0) / elapsed};
	} finally {
		tmux.kill();
		rmSync(file, {force: true});
	}
}

/** Lockstep steps per second of the same lesson with no UI at all (what the worker does, on this thread). */
function headless(): number {
	const session = new Session(loadScenarioFile(findScenario(LESSON)), {steps: 100_000_000});
	for (let k = 0; k < 200; k++) session.stepAll(0);
	let steps = 0;
	const t0 = performance.now();
	while (performance.now() - t0 < SECONDS * 1000) {
		for (let k = 0; k < 20; k++) session.stepAll(0);
		steps += 20;
	}
	return steps / ((performance.now() - t0) / 1000);
}

/** Milliseconds from a key press to the screen showing its effect, while training at full speed. */
async function keyLatency(reps = 10): Promise<number[]> {
	const tmux = Tmux.start({columns: 100, rows: 30});
	const times: number[] = [];
	try {
		tmux.line(`node ${CLI} ${LESSON} --steps 100000000`);
		await waitFor(tmux, (s) => (stepOf(s) ?? 0) > 0);
		await sleep(1000);
		for (let k = 0; k < reps; k++) {
			tmux.keys('Space');
			times.push(await waitFor(tmux, (s) => /paused/.test(s), 2));
			await sleep(150);
			tmux.keys('Space');
			times.push(await waitFor(tmux, (s) => !/paused/.test(s), 2));
			await sleep(250);
		}
		tmux.keys('q');
		await sleep(300);
	} finally {
		tmux.kill();
	}
	return times;
}

if (!hasTmux()) {
	log('bench:dashboard needs tmux (apt-get install tmux)');
	process.exit(1);
}
log(`lesson ${LESSON}, windows of ${SECONDS} s, terminal 100×30`);
const picker = await firstFrame('', /pick a lesson/);
log(`first frame (picker):  median ${median(picker).toFixed(0)} ms  (${picker.map((t) => t.toFixed(0)).join(', ')})`);
const lesson = await firstFrame(LESSON, /steps\/s/);
log(`first frame (lesson):  median ${median(lesson).toFixed(0)} ms  (${lesson.map((t) => t.toFixed(0)).join(', ')})`);
const lossView = await liveWindow('loss', 15);
log(`loss view, 15 fps:      ${(lossView.bytesPerSecond / 1024).toFixed(1)} KB/s, ${lossView.stepsPerSecond.toFixed(0)} steps/s`);
const barsView = await liveWindow('gradients', 15);
log(`gradients view, 15 fps: ${(barsView.bytesPerSecond / 1024).toFixed(1)} KB/s, ${barsView.stepsPerSecond.toFixed(0)} steps/s`);
const noUi = headless();
log(`headless (same lesson, no UI): ${noUi.toFixed(0)} steps/s`);
log(`dashboard / headless: loss view ${((100 * lossView.stepsPerSecond) / noUi).toFixed(1)}%, gradients view ${((100 * barsView.stepsPerSecond) / noUi).toFixed(1)}%`);
const keys = await keyLatency();
log(`key → screen: median ${median(keys).toFixed(0)} ms, max ${Math.max(...keys).toFixed(0)} ms over ${keys.length} presses (includes tmux polling)`);
if (values.json) {
	const result = {lesson: LESSON, seconds: SECONDS, firstFrameMs: {picker, lesson}, lossView, barsView, headlessStepsPerSecond: noUi, keyLatencyMs: keys};
	process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

