/**
 * `npm run bench:workers`: a two-run and an eight-run lesson trained with no dashboard, at full
 * speed, in one worker and split across one worker per core (client.ts), side by side: lesson
 * steps per second (every run moves one step per lesson step) and the split's speed-up. Reps
 * alternate, so a noisy neighbour hits both alike; each figure is a median. Prints PASS or MISS
 * against the target (the split ≥ 0.9× its worker count as fast, issue 16 saw 1.9× with two
 * processes) and exits 1 on a miss. Flags: --seconds N (each window, default 4), --reps N (default 3).
 */
import {availableParallelism, loadavg} from 'node:os';
import {parseArgs} from 'node:util';
import {startRunner} from '../src/runner/client.js';
import type {Snapshot} from '../src/runner/protocol.js';
import {findScenario, loadScenarioFile} from '../src/scenarios/load.js';
import {median} from './timing.js';

const {values} = parseArgs({options: {seconds: {type: 'string'}, reps: {type: 'string'}}});
const SECONDS = Number(values.seconds ?? 4);
const REPS = Number(values.reps ?? 3);
const WARM_MS = 1500;
/** The split's speed-up must reach this share of its worker count. */
const EFFICIENCY = 0.9;
const LESSONS = ['digits', 'optimizers'] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lesson steps per second (the furthest run's step, as the dashboard shows it) over one window. */
async function rate(lesson: string, workers: number): Promise<number> {
	const scenario = loadScenarioFile(findScenario(lesson));
	const runner = startRunner({scenario, options: {steps: 100_000_000}, snapshotsPerSecond: 30, speed: 'max', paused: false}, undefined, workers);
	let latest: {step: number; at: number} = {step: 0, at: performance.now()};
	let started: () => void = () => {};
	const training = new Promise<void>((resolve) => (started = resolve));
	runner.subscribe((m) => {
		if (m.type === 'error') throw new Error(m.message);
		if (m.type !== 'snapshot') return;
		latest = {step: Math.max(...(m as Snapshot).runs.map((r) => r.step)), at: performance.now()};
		if (latest.step > 0) started();
	});
	try {
		// Threads start slowly on a busy machine: time from the first steps on, after a warm-up.
		await training;
		await sleep(WARM_MS);
		const first = latest;
		await sleep(SECONDS * 1000);
		const last = latest;
		return ((last.step - first.step) * 1000) / (last.at - first.at);
	} finally {
		await runner.stop();
	}
}

const cores = availableParallelism();
const log = (line: string) => process.stderr.write(`${line}\n`);
log(`bench:workers: ${cores} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; windows of ${SECONDS} s after ${WARM_MS / 1000} s, median of ${REPS}`);
const lines: string[] = [];
let misses = 0;
for (const lesson of LESSONS) {
	const runs = loadScenarioFile(findScenario(lesson)).runs.length;
	const split = Math.min(cores, runs);
	const one: number[] = [];
	const many: number[] = [];
	for (let r = 0; r < REPS; r++) {
		one.push(await rate(lesson, 1));
		many.push(await rate(lesson, split));
	}
	const speedUp = median(many) / median(one);
	const target = EFFICIENCY * split;
	const pass = split > 1 && speedUp >= target;
	if (!pass) misses++;
	log(`  ${lesson}: one worker ${one.map((v) => v.toFixed(0)).join(', ')}; ${split} workers ${many.map((v) => v.toFixed(0)).join(', ')}`);
	lines.push(`${pass ? 'PASS' : 'MISS'}  ${lesson} (${runs} runs): ${median(one).toFixed(0)} steps/s in one worker, ${median(many).toFixed(0)} in ${split}: ${speedUp.toFixed(2)}× (≥ ${target.toFixed(2)}×)`);
}
lines.push(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = misses === 0 ? 0 : 1;
