/**
 * `npm run bench:idle`: what a dashboard costs a shared server, in a real terminal (tmux). CPU
 * while paused and once finished (the issue's target: under 0.1%, i.e. no timers until something
 * changes), and RSS while training (target: under 130 MiB in one worker, as every dashboard on a
 * busy shared server trains; the same lesson split across one worker per core is measured beside
 * it, for information: each worker is a V8 heap of its own, and the split takes idle cores only). CPU is the process's every thread
 * (main, workers, V8's) from /proc/PID/task/*\/schedstat, in nanoseconds; RSS is sampled from
 * /proc/PID/status every 250 ms. Linux and tmux only. Prints PASS or MISS per target and exits 1
 * on a miss. The dashboard starts as `gradlab` starts it, with the V8 flags of the bundle's #! line.
 * Flags: --seconds N (each window, default 20), --lesson NAME (repeatable; default
 * vanishing-gradients and digits, one run and two). Other GRADLAB_ variables for the CLI
 * pass through.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {availableParallelism, loadavg} from 'node:os';
import {parseArgs} from 'node:util';
import {LIMITS} from '../src/scenarios/limits.js';
import {CLI, Tmux, hasTmux} from '../test/helpers/tmux.js';

const {values} = parseArgs({options: {seconds: {type: 'string'}, lesson: {type: 'string', multiple: true}}});
const SECONDS = Number(values.seconds ?? 20);
const LESSONS = values.lesson ?? ['vanishing-gradients', 'digits'];
const CPU_TARGET = 0.1; // percent of one core
const RSS_TARGET = 130; // MiB
/** After pausing or finishing, V8 collects what the last steps left (a second or two, once): the window starts after. */
const SETTLE_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string): void => void process.stderr.write(`${text}\n`);

/** CPU time the process has used, all threads, in nanoseconds. */
function cpuNs(pid: number): number {
	let total = 0;
	for (const task of readdirSync(`/proc/${pid}/task`)) {
		try {
			total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
		} catch {
			// A thread that ended between the listing and the read.
		}
	}
	return total;
}

function rssMiB(pid: number): number {
	const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return Number(m![1]) / 1024;
}

/** Percent of one core the process used over `seconds`. */
async function cpuPercent(pid: number, seconds: number): Promise<number> {
	const t0 = performance.now();
	const c0 = cpuNs(pid);
	await sleep(seconds * 1000);
	return (100 * (cpuNs(pid) - c0)) / ((performance.now() - t0) * 1e6);
}

/** RSS samples over `seconds`: median and largest. */
async function rssWhile(pid: number, seconds: number): Promise<{median: number; max: number}> {
	const samples: number[] = [];
	const end = performance.now() + seconds * 1000;
	while (performance.now() < end) {
		samples.push(rssMiB(pid));
		await sleep(250);
	}
	samples.sort((a, b) => a - b);
	return {median: samples[samples.length >> 1]!, max: samples.at(-1)!};
}

/** The command line `gradlab` runs the bundle with: its #! line (node and its V8 flags), then the file. */
function launcher(): string {
	const words = readFileSync(CLI, 'utf8').split('\n', 1)[0]!.replace(/^#!/, '').trim().split(/\s+/);
	if (words[0]!.endsWith('/env')) words.shift();
	if (words[0] === '-S') words.shift();
	return [...words, CLI].join(' ');
}

async function dashboard<T>(args: string, ready: RegExp, measure: (tmux: Tmux, pid: number) => Promise<T>, workers?: number): Promise<T> {
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('GRADLAB_')) as [string, string][]);
	if (workers !== undefined) env['GRADLAB_WORKERS'] = String(workers);
	const tmux = Tmux.start({columns: 100, rows: 30, env});
	try {
		tmux.line(`${launcher()} ${args}`);
		await tmux.waitFor(ready, 30_000);
		const [pid] = tmux.children();
		if (pid === undefined) throw new Error(`gradlab ${args} is not running`);
		return await measure(tmux, pid);
	} finally {
		tmux.kill();
	}
}

if (!hasTmux() || process.platform !== 'linux') {
	log('bench:idle needs Linux (/proc) and tmux');
	process.exit(1);
}
log(`bench:idle: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; windows of ${SECONDS} s; terminal 100×30`);
const lines: string[] = [];
let misses = 0;
const verdict = (pass: boolean) => {
	if (!pass) misses++;
	return pass ? 'PASS' : 'MISS';
};
/** RSS while training, then CPU once paused, in `workers` workers. */
const training = (lesson: string, workers: number) =>
	dashboard(
		`${lesson} --steps ${LIMITS.steps}`,
		/step [1-9]/,
		async (tmux, pid) => {
			await sleep(3000); // past start-up, the first re-layouts and the heaps' first growth
			const rss = await rssWhile(pid, SECONDS);
			tmux.keys('Space');
			await tmux.waitFor(/paused/);
			await sleep(SETTLE_MS);
			return {rss, paused: await cpuPercent(pid, SECONDS)};
		},
		workers,
	);
const cores = availableParallelism();
for (const lesson of LESSONS) {
	const one = await training(lesson, 1);
	lines.push(`${verdict(one.rss.max < RSS_TARGET)}  ${lesson}: RSS while training in one worker ${one.rss.median.toFixed(0)} MiB (median), ${one.rss.max.toFixed(0)} MiB at most (< ${RSS_TARGET} MiB)`);
	lines.push(`${verdict(one.paused < CPU_TARGET)}  ${lesson}: CPU while paused ${one.paused.toFixed(3)}% of a core (< ${CPU_TARGET}%)`);
	if (cores > 1) {
		const split = await training(lesson, cores);
		lines.push(`info  ${lesson}: split across up to ${cores} workers (idle cores only): RSS ${split.rss.median.toFixed(0)} MiB (median), ${split.rss.max.toFixed(0)} MiB at most; CPU paused ${split.paused.toFixed(3)}%`);
	}
	const finished = await dashboard(`${lesson} --steps 50`, /finished/, async (_tmux, pid) => {
		await sleep(SETTLE_MS);
		return cpuPercent(pid, SECONDS);
	});
	lines.push(`${verdict(finished < CPU_TARGET)}  ${lesson}: CPU once finished ${finished.toFixed(3)}% of a core (< ${CPU_TARGET}%)`);
}
lines.push(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = misses === 0 ? 0 : 1;
