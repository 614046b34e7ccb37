/**
 * `npm run bench`: training steps per second and GFLOP/s of gradlab's core against TensorFlow.js's
 * pure-JavaScript CPU backend on the issue's five configurations, plus a per-step memory check.
 * Flags: --quick (short run), --json (results as JSON on stdout; progress still goes to stderr).
 * Always exits 0 once it has measured: a missed target is a result, not a failure.
 */
import {PerformanceObserver} from 'node:perf_hooks';
import {cpus} from 'node:os';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {CONFIGS, flopsPerStep, type BenchConfig} from './configs.js';
import {syntheticSplit} from './data.js';
import {gradlabSide} from './gradlab.js';
import {median, stepsPerSecond} from './timing.js';
import {initTfjs, tfjsSide} from './tfjs.js';

const SEED = 20240611;
const ROWS = 2048;

interface Plan {
	readonly warmSeconds: number;
	readonly seconds: number;
	readonly reps: number;
	readonly memorySteps: number;
}

const FULL: Plan = {warmSeconds: 0.5, seconds: 1.5, reps: 7, memorySteps: 100_000};
const QUICK: Plan = {warmSeconds: 0.2, seconds: 0.3, reps: 1, memorySteps: 10_000};

interface ConfigResult {
	readonly id: string;
	readonly label: string;
	readonly flopsPerStep: number;
	readonly gradlab: {readonly stepsPerSecond: number; readonly gflops: number; readonly reps: readonly number[]};
	readonly tfjs: {readonly stepsPerSecond: number; readonly gflops: number; readonly reps: readonly number[]};
	readonly ratio: number;
	readonly minRatio: number;
	readonly minGflops: number | null;
	readonly misses: readonly string[];
}

interface MemoryResult {
	readonly steps: number;
	readonly before: {readonly rss: number; readonly heapUsed: number};
	readonly after: {readonly rss: number; readonly heapUsed: number};
	/** Garbage collections V8 ran during the timed steps (0 when a step allocates nothing). */
	readonly collections: number;
}

function label(c: BenchConfig): string {
	return `(${c.id}) ${c.shape} ${c.activation} b${c.batch} ${c.optimizer}`;
}

function log(line: string): void {
	process.stderr.write(`${line}\n`);
}

/** A real `gc()` without needing --expose-gc on the command line (package.json is fixed). */
function loadGc(): () => void {
	setFlagsFromString('--expose-gc');
	const gc: unknown = runInNewContext('gc');
	if (typeof gc !== 'function') throw new Error('could not expose gc');
	return () => {
		gc();
		gc();
	};
}

function benchConfig(c: BenchConfig, plan: Plan, gc: () => void): ConfigResult {
	const data = syntheticSplit(ROWS, c.layers[0]!, c.layers.at(-1)!, SEED);
	const ours = gradlabSide(c, data, SEED);
	const theirs = tfjsSide(c, data, ours.trainer.network.getParameters());
	stepsPerSecond(ours.step, plan.warmSeconds);
	stepsPerSecond(theirs.step, plan.warmSeconds);
	const live = theirs.tensors();
	const gradlabReps: number[] = [];
	const tfjsReps: number[] = [];
	// Interleaved, so a noisy neighbour on the shared machine hits both sides alike. Each rep starts
	// from a collected heap, so neither side's clock runs while V8 collects the other side's garbage.
	for (let r = 0; r < plan.reps; r++) {
		gc();
		gradlabReps.push(stepsPerSecond(ours.step, plan.seconds));
		gc();
		tfjsReps.push(stepsPerSecond(theirs.step, plan.seconds));
	}
	if (theirs.tensors() !== live) log(`  warning: tfjs tensors grew from ${live} to ${theirs.tensors()} during timing`);
	theirs.dispose();
	const flops = flopsPerStep(c);
	const g = median(gradlabReps);
	const t = median(tfjsReps);
	const ratio = g / t;
	const misses: string[] = [];
	if (ratio < c.minRatio) misses.push(`${ratio.toFixed(2)}× tfjs < ${c.minRatio}×`);
	if (c.minGflops !== null && (g * flops) / 1e9 < c.minGflops) misses.push(`${((g * flops) / 1e9).toFixed(2)} GFLOP/s < ${c.minGflops}`);
	return {
		id: c.id,
		label: label(c),
		flopsPerStep: flops,
		gradlab: {stepsPerSecond: g, gflops: (g * flops) / 1e9, reps: gradlabReps},
		tfjs: {stepsPerSecond: t, gflops: (t * flops) / 1e9, reps: tfjsReps},
		ratio,
		minRatio: c.minRatio,
		minGflops: c.minGflops,
		misses,
	};
}

/** RSS and heap around `steps` steps of config (a), with GCs forced on both sides of the window. */
async function memoryCheck(steps: number, gc: () => void): Promise<MemoryResult> {
	const c = CONFIGS[0]!;
	const ours = gradlabSide(c, syntheticSplit(ROWS, c.layers[0]!, c.layers.at(-1)!, SEED), SEED);
	for (let k = 0; k < 1000; k++) ours.step();
	const events: number[] = [];
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) events.push(entry.startTime);
	});
	observer.observe({entryTypes: ['gc']});
	gc();
	const m0 = process.memoryUsage();
	const t0 = performance.now();
	for (let k = 0; k < steps; k++) ours.step();
	const t1 = performance.now();
	gc();
	const m1 = process.memoryUsage();
	// GC entries arrive asynchronously.
	await new Promise((resolve) => setTimeout(resolve, 50));
	observer.disconnect();
	return {
		steps,
		before: {rss: m0.rss, heapUsed: m0.heapUsed},
		after: {rss: m1.rss, heapUsed: m1.heapUsed},
		collections: events.filter((t) => t >= t0 && t <= t1).length,
	};
}

function fmt(value: number, digits: number): string {
	return value.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

function mib(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MiB`;
}

function signedKib(bytes: number): string {
	return `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024).toFixed(1)} KiB`;
}

function table(results: readonly ConfigResult[]): string {
	const head = ['config', 'gradlab steps/s', 'gradlab GFLOP/s', 'tfjs steps/s', 'tfjs GFLOP/s', 'ratio', 'target', 'result'];
	const rows = results.map((r) => [
		r.label,
		fmt(r.gradlab.stepsPerSecond, r.gradlab.stepsPerSecond < 100 ? 1 : 0),
		fmt(r.gradlab.gflops, 2),
		fmt(r.tfjs.stepsPerSecond, 1),
		fmt(r.tfjs.gflops, 3),
		`${fmt(r.ratio, 2)}×`,
		`≥${r.minRatio}×${r.minGflops === null ? '' : `, ≥${r.minGflops} GF/s`}`,
		r.misses.length === 0 ? 'pass' : 'FAIL',
	]);
	const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
	// Text columns left-aligned, numbers right-aligned.
	const line = (cells: readonly string[]) => cells.map((cell, k) => (k === 0 || k >= 6 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ').trimEnd();
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const unknown = args.filter((a) => a !== '--json' && a !== '--quick');
	if (unknown.length > 0) {
		log(`bench: unknown option ${unknown.join(' ')} (expected --quick, --json)`);
		process.exitCode = 2;
		return;
	}
	const json = args.includes('--json');
	const plan = args.includes('--quick') ? QUICK : FULL;
	await initTfjs();
	const cpu = cpus()[0]?.model ?? 'unknown cpu';
	const env = `node ${process.version}, ${cpu}, ${cpus().length} cores; gradlab float64, tfjs cpu backend float32; median of ${plan.reps} × ${plan.seconds} s after ${plan.warmSeconds} s warm-up`;
	log(`bench: ${env}`);
	const started = performance.now();
	const gc = loadGc();
	// Memory first, while tfjs has left nothing for the OS to reclaim under the RSS reading.
	const memory = await memoryCheck(plan.memorySteps, gc);
	const results: ConfigResult[] = [];
	for (const c of CONFIGS) {
		const r = benchConfig(c, plan, gc);
		results.push(r);
		log(`  ${r.label}: gradlab ${fmt(r.gradlab.stepsPerSecond, 1)}/s (reps ${r.gradlab.reps.map((v) => fmt(v, 1)).join(', ')}), tfjs ${fmt(r.tfjs.stepsPerSecond, 1)}/s (reps ${r.tfjs.reps.map((v) => fmt(v, 1)).join(', ')}), ${fmt(r.ratio, 2)}×`);
	}
	const seconds = (performance.now() - started) / 1000;
	const misses = results.flatMap((r) => r.misses.map((m) => `(${r.id}) ${m}`));
	if (json) {
		process.stdout.write(`${JSON.stringify({environment: env, seconds, results, memory, misses}, null, '\t')}\n`);
		return;
	}
	const out: string[] = [];
	out.push(table(results));
	out.push('');
	out.push(`memory, ${fmt(memory.steps, 0)} steps of (a): rss ${mib(memory.before.rss)} → ${mib(memory.after.rss)} (${signedKib(memory.after.rss - memory.before.rss)}), heap ${mib(memory.before.heapUsed)} → ${mib(memory.after.heapUsed)} (${signedKib(memory.after.heapUsed - memory.before.heapUsed)}), ${memory.collections} GCs during the steps`);
	out.push('GFLOP/s: 2·in·out forward + 4·in·out backward per layer and row, times the batch (nominal: gradlab skips the first layer\'s input gradient)');
	out.push(`${env}; ${seconds.toFixed(0)} s in all`);
	out.push(misses.length === 0 ? 'all targets met' : `MISSED ${misses.length} target${misses.length === 1 ? '' : 's'}:\n${misses.map((m) => `  ✗ ${m}`).join('\n')}`);
	process.stdout.write(`${out.join('\n')}\n`);
}

await main();
