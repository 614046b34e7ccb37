/**
 * `npm run bench`: training steps per second of gradlab's core on the issue's five configurations,
 * side by side in one run with what it is measured against: itself on its JavaScript kernels (the
 * fallback where WebAssembly SIMD is missing), the core as it was before the SIMD work
 * (before-simd/), a plain hand-written Float64Array MLP, TensorFlow.js's pure-JavaScript CPU backend, and PyTorch
 * (eager, float64, one thread) when a Python here imports torch. Reps are interleaved, so a noisy
 * neighbour on a shared machine hits every side alike, and each figure is a median.
 * Prints PASS or MISS for every target and exits 1 on any miss (a miss is a result, reported
 * after everything was measured). Flags: --quick (short run), --json (results as JSON on stdout;
 * progress still goes to stderr).
 */
import {PerformanceObserver} from 'node:perf_hooks';
import {cpus} from 'node:os';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {kernelChoice, useKernels, type KernelChoice} from '../src/core/kernels.js';
import {SIMD_AVAILABLE} from '../src/core/kernels-simd.js';
import {beforeSimdSide} from './before-simd/side.js';
import {CONFIGS, flopsPerStep, type BenchConfig, type Targets} from './configs.js';
import {syntheticSplit} from './data.js';
import {gradlabSide} from './gradlab.js';
import {plainSide} from './plain.js';
import {median, stepsPerSecond} from './timing.js';
import {initTfjs, tfjsSide} from './tfjs.js';
import {describeBlas, startTorch, type TorchSide} from './torch.js';

const SEED = 20240611;
const ROWS = 2048;

interface Plan {
	readonly warmSeconds: number;
	readonly seconds: number;
	readonly reps: number;
	readonly memorySteps: number;
}

const FULL: Plan = {warmSeconds: 0.5, seconds: 1, reps: 7, memorySteps: 100_000};
const QUICK: Plan = {warmSeconds: 0.2, seconds: 0.3, reps: 1, memorySteps: 10_000};

/** The sides every config is timed on, in the order each rep runs them. */
const SIDES = ['gradlab', 'js', 'before', 'plain', 'tfjs', 'torch'] as const;
type Side = (typeof SIDES)[number];

const SIDE_NAMES: Readonly<Record<Exclude<keyof Targets, 'gflops'>, string>> = {
	tfjs: 'tfjs',
	plain: 'the plain MLP',
	before: 'the core before SIMD',
	torch: 'PyTorch',
};

interface ConfigResult {
	readonly id: string;
	readonly label: string;
	readonly flopsPerStep: number;
	/** Median steps/s per side (torch absent when not measured), and every rep. */
	readonly stepsPerSecond: Partial<Record<Side, number>>;
	readonly reps: Partial<Record<Side, readonly number[]>>;
	readonly gflops: number;
	readonly targets: readonly TargetResult[];
}

interface TargetResult {
	readonly config: string;
	/** What is compared: a side's name, or 'GFLOP/s'. */
	readonly against: string;
	readonly value: number;
	readonly min: number;
	readonly pass: boolean;
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

/** Steps per second of a gradlab step on `kernels`, with the default choice restored after. */
function onKernels(kernels: KernelChoice, step: () => void, seconds: number): number {
	const before = kernelChoice();
	useKernels(kernels);
	try {
		return stepsPerSecond(step, seconds);
	} finally {
		useKernels(before);
	}
}

async function benchConfig(c: BenchConfig, plan: Plan, gc: () => void, torch: TorchSide | null): Promise<ConfigResult> {
	const data = syntheticSplit(ROWS, c.layers[0]!, c.layers.at(-1)!, SEED);
	const ours = gradlabSide(c, data, SEED);
	const js = gradlabSide(c, data, SEED);
	const before = beforeSimdSide(c, data, SEED);
	const weights = ours.trainer.network.getParameters();
	const plain = plainSide(c, data, weights);
	const theirs = tfjsSide(c, data, weights);
	const timers: Record<Exclude<Side, 'torch'>, (seconds: number) => number> = {
		gradlab: (seconds) => onKernels('auto', ours.step, seconds),
		js: (seconds) => onKernels('js', js.step, seconds),
		before: (seconds) => stepsPerSecond(before.step, seconds),
		plain: (seconds) => stepsPerSecond(plain.step, seconds),
		tfjs: (seconds) => stepsPerSecond(theirs.step, seconds),
	};
	for (const time of Object.values(timers)) time(plan.warmSeconds);
	await torch?.setup(c, plan.warmSeconds);
	const live = theirs.tensors();
	const reps: Partial<Record<Side, number[]>> = {};
	// Each rep starts from a collected heap, so no side's clock runs while V8 collects another's garbage.
	for (let r = 0; r < plan.reps; r++) {
		for (const side of SIDES) {
			gc();
			const rate = side === 'torch' ? (torch ? await torch.stepsPerSecond(c.id, plan.seconds) : null) : timers[side](plan.seconds);
			if (rate !== null) (reps[side] ??= []).push(rate);
		}
	}
	if (theirs.tensors() !== live) log(`  warning: tfjs tensors grew from ${live} to ${theirs.tensors()} during timing`);
	theirs.dispose();
	const rates: Partial<Record<Side, number>> = {};
	for (const side of SIDES) if (reps[side]) rates[side] = median(reps[side]!);
	const flops = flopsPerStep(c);
	const g = rates.gradlab!;
	const targets: TargetResult[] = [];
	for (const against of ['plain', 'before', 'tfjs', 'torch'] as const) {
		const min = c.targets[against];
		const theirRate = rates[against];
		if (min === null || theirRate === undefined) continue;
		targets.push({config: c.id, against: SIDE_NAMES[against], value: g / theirRate, min, pass: g / theirRate >= min});
	}
	if (c.targets.gflops !== null) targets.push({config: c.id, against: 'GFLOP/s', value: (g * flops) / 1e9, min: c.targets.gflops, pass: (g * flops) / 1e9 >= c.targets.gflops});
	return {id: c.id, label: label(c), flopsPerStep: flops, stepsPerSecond: rates, reps, gflops: (g * flops) / 1e9, targets};
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

function rate(value: number | undefined): string {
	return value === undefined ? '–' : fmt(value, value < 100 ? 1 : 0);
}

function times(value: number | undefined): string {
	return value === undefined ? '–' : `${fmt(value, 2)}×`;
}

function mib(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MiB`;
}

function signedKib(bytes: number): string {
	return `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024).toFixed(1)} KiB`;
}

function table(results: readonly ConfigResult[]): string {
	const head = ['config', 'gradlab steps/s', 'GFLOP/s', '× plain', '× before SIMD', '× JS fallback', 'tfjs steps/s', '× tfjs', 'torch steps/s', '× torch'];
	const rows = results.map((r) => {
		const s = r.stepsPerSecond;
		const ratio = (side: Side) => (s[side] === undefined ? undefined : s.gradlab! / s[side]!);
		return [r.label, rate(s.gradlab), fmt(r.gflops, 2), times(ratio('plain')), times(ratio('before')), times(ratio('js')), rate(s.tfjs), times(ratio('tfjs')), rate(s.torch), times(ratio('torch'))];
	});
	const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
	const line = (cells: readonly string[]) => cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ').trimEnd();
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function targetLine(t: TargetResult): string {
	const claim = t.against === 'GFLOP/s' ? `≥ ${t.min} GFLOP/s: ${fmt(t.value, 2)}` : `≥ ${t.min}× ${t.against}: ${fmt(t.value, 2)}×`;
	return `${t.pass ? 'PASS' : 'MISS'}  (${t.config}) ${claim}`;
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
	const torch = await startTorch();
	const cpu = cpus()[0]?.model ?? 'unknown cpu';
	const kernels = SIMD_AVAILABLE ? 'WebAssembly SIMD from the crossover, JavaScript below it' : 'JavaScript only (no WebAssembly SIMD here)';
	const torchLine = torch ? `PyTorch ${torch.info.torch} (${torch.info.python}), ${torch.info.threads} thread, float64, BLAS: ${describeBlas(torch.info)}` : 'PyTorch: not measured (no Python here imports torch)';
	const env = `node ${process.version}, ${cpu}, ${cpus().length} cores; gradlab float64 on ${kernels}; tfjs cpu backend float32; ${torchLine}; median of ${plan.reps} × ${plan.seconds} s after ${plan.warmSeconds} s warm-up`;
	log(`bench: ${env}`);
	const started = performance.now();
	const gc = loadGc();
	// Memory first, while tfjs has left nothing for the OS to reclaim under the RSS reading.
	const memory = await memoryCheck(plan.memorySteps, gc);
	const results: ConfigResult[] = [];
	try {
		for (const c of CONFIGS) {
			const r = await benchConfig(c, plan, gc, torch);
			results.push(r);
			log(`  ${r.label}: ${SIDES.filter((side) => r.reps[side]).map((side) => `${side} ${rate(r.stepsPerSecond[side])}/s (${r.reps[side]!.map((v) => rate(v)).join(', ')})`).join('; ')}`);
		}
	} finally {
		torch?.close();
	}
	const seconds = (performance.now() - started) / 1000;
	const targets = results.flatMap((r) => r.targets);
	const misses = targets.filter((t) => !t.pass);
	process.exitCode = misses.length === 0 ? 0 : 1;
	if (json) {
		process.stdout.write(`${JSON.stringify({environment: env, seconds, results, memory, misses: misses.length}, null, '\t')}\n`);
		return;
	}
	const out: string[] = [];
	out.push(table(results));
	out.push('');
	out.push(...targets.map(targetLine));
	out.push('');
	out.push(`memory, ${fmt(memory.steps, 0)} steps of (a): rss ${mib(memory.before.rss)} → ${mib(memory.after.rss)} (${signedKib(memory.after.rss - memory.before.rss)}), heap ${mib(memory.before.heapUsed)} → ${mib(memory.after.heapUsed)} (${signedKib(memory.after.heapUsed - memory.before.heapUsed)}), ${memory.collections} GCs during the steps`);
	out.push("GFLOP/s: 2·in·out forward + 4·in·out backward per layer and row, times the batch (nominal: gradlab skips the first layer's input gradient)");
	out.push(`${env}; ${seconds.toFixed(0)} s in all`);
	out.push(misses.length === 0 ? `all ${targets.length} targets met` : `MISSED ${misses.length} of ${targets.length} targets`);
	process.stdout.write(`${out.join('\n')}\n`);
}

await main();
