/**
 * Headless mode: the same Session the dashboard's worker drives, stepped on this thread, with
 * records written as it goes. Yields to the event loop every few milliseconds so Ctrl-C (an
 * aborted signal) stops it between steps with everything written so far flushed.
 */
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import type {Writable} from 'node:stream';
import {type CsvColumns, csvHeader, csvRow, jsonLine, type StepRecord} from '../records/records.js';
import type {RunInputs} from '../runner/protocol.js';
import {Session} from '../runner/session.js';
import {writeFileWhole} from '../scenarios/atomic.js';
import {scenarioTask} from '../scenarios/dataset.js';
import {slug} from '../scenarios/save.js';
import type {Language, Scenario} from '../scenarios/types.js';
import {formatTable, type RunSummary} from './table.js';

export type OutputFormat = 'table' | 'jsonl' | 'csv';

export interface HeadlessOptions {
	readonly steps?: number;
	readonly seed?: number;
	/** Log every K steps (jsonl/csv); the last step of each run is always logged. */
	readonly every?: number;
	readonly format: OutputFormat;
	/** Folder for one checkpoint per network run. */
	readonly saveWeights?: string;
	readonly signal?: AbortSignal;
	/** The lesson's files, already read and checked (runner/inputs.ts); read here when absent. */
	readonly inputs?: readonly RunInputs[];
	/** The table's language and glyphs (records keep their field names). */
	readonly language?: Language;
	readonly ascii?: boolean;
}

export interface HeadlessResult {
	readonly interrupted: boolean;
	readonly steps: number;
	readonly summaries: readonly RunSummary[];
	readonly checkpoints: readonly string[];
}

/** Default logging interval for jsonl/csv. */
export const DEFAULT_EVERY = 10;
const YIELD_MS = 20;

async function write(out: Writable, text: string): Promise<void> {
	if (out.write(text) || out.destroyed) return;
	// A stream that fails while full never drains: its error (the caller's to report) ends the wait too.
	await new Promise<void>((resolve) => {
		out.once('drain', resolve);
		out.once('close', resolve);
	});
}

/** `<scenario>-<run>.json` per run; labels that slug alike ("a b", "a-b") get -2, -3 … rather than one file for both. */
export function checkpointNames(id: string, labels: readonly string[]): string[] {
	const used = new Set<string>();
	return labels.map((label) => {
		const base = `${id}-${slug(label, 'run')}`;
		let name = `${base}.json`;
		for (let n = 2; used.has(name); n++) name = `${base}-${n}.json`;
		used.add(name);
		return name;
	});
}

export async function runHeadless(scenario: Scenario, options: HeadlessOptions, out: Writable): Promise<HeadlessResult> {
	const session = new Session(scenario, {seed: options.seed, steps: options.steps}, {clock: () => performance.now(), ...(options.inputs ? {inputs: options.inputs} : {})});
	const every = options.every ?? DEFAULT_EVERY;
	const regression = scenarioTask(scenario) === 'regression';
	// No wall-clock seconds: the same seed must give the same bytes.
	const columns: CsvColumns = {
		depth: scenario.kind === 'network' ? Math.max(0, ...scenario.runs.map((r) => r.model.hidden.length + 1)) : 0,
		surface: scenario.kind === 'surface',
		seconds: false,
		regression,
	};
	if (options.format === 'csv') await write(out, csvHeader(columns));
	let step = 0;
	let interrupted = false;
	let lastYield = performance.now();
	while (!session.finished) {
		if (options.signal?.aborted) {
			interrupted = true;
			break;
		}
		session.stepAll();
		step++;
		if (options.format !== 'table') {
			let chunk = '';
			for (const run of session.runs) {
				// Log on the interval, and once more on a run's last step or its divergence.
				const last = run.step === step && (run.diverged || run.step >= run.budget);
				if (run.step !== step || (step % every !== 0 && !last)) continue;
				const record: StepRecord = {
					run: run.label,
					step: run.step,
					epoch: run.epoch,
					samples: run.samples,
					loss: run.loss,
					...(regression ? {accuracy: Number.NaN, r2: run.r2} : {accuracy: run.accuracy}),
					testLoss: run.testLoss,
					...(regression ? {testAccuracy: Number.NaN, testR2: run.testR2} : {testAccuracy: run.testAccuracy}),
					diverged: run.diverged,
					divergedAt: run.divergedAt,
					...(run.position ? {x: run.position[0], y: run.position[1]} : {}),
					layers: run.layers,
				};
				chunk += options.format === 'jsonl' ? jsonLine(record) : csvRow(record, columns);
			}
			if (chunk) await write(out, chunk);
		}
		const now = performance.now();
		if (now - lastYield > YIELD_MS) {
			await new Promise<void>((resolve) => setImmediate(resolve));
			lastYield = performance.now();
		}
	}
	const summaries: RunSummary[] = session.runs.map((run) => ({
		run: run.label,
		steps: run.step,
		loss: run.loss,
		accuracy: run.accuracy,
		testAccuracy: run.testAccuracy,
		testLoss: run.testLoss,
		r2: run.r2,
		testR2: run.testR2,
		...(run.position ? {x: run.position[0], y: run.position[1]} : {}),
		stepsPerSecond: run.busyMs > 0 ? (run.step * 1000) / run.busyMs : 0,
		divergedAt: run.divergedAt,
	}));
	const kind = scenario.kind === 'surface' ? 'surface' : regression ? 'regression' : 'classification';
	if (options.format === 'table') await write(out, formatTable(summaries, kind, {language: options.language ?? 'en', ascii: options.ascii ?? false}));
	const checkpoints: string[] = [];
	if (options.saveWeights) {
		mkdirSync(options.saveWeights, {recursive: true});
		const saved = session.checkpoints();
		const names = checkpointNames(scenario.id, saved.map((c) => c.label));
		saved.forEach(({checkpoint}, k) => {
			const file = join(options.saveWeights!, names[k]!);
			writeFileWhole(file, JSON.stringify(checkpoint) + '\n');
			checkpoints.push(file);
		});
	}
	return {interrupted, steps: step, summaries, checkpoints};
}
