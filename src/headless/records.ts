/**
 * What headless mode writes: one record per logged step per run, as JSON Lines or CSV, and a
 * final summary table. Records hold no wall-clock time, so the same seed gives the same bytes.
 */
import type {LayerStats} from '../core/types.js';

/** One logged step of one run (the jsonl object; documented in the README). */
export interface StepRecord {
	readonly run: string;
	readonly step: number;
	readonly epoch: number;
	readonly samples: number;
	readonly loss: number | null;
	readonly accuracy: number | null;
	readonly testLoss: number | null;
	readonly testAccuracy: number | null;
	readonly diverged: boolean;
	readonly divergedAt: number | null;
	/** Surface runs: the current point. */
	readonly x?: number;
	readonly y?: number;
	readonly layers: readonly LayerStats[];
}

/** The end of a run, for the table. */
export interface RunSummary {
	readonly run: string;
	readonly steps: number;
	readonly loss: number;
	readonly accuracy: number;
	readonly testAccuracy: number;
	readonly stepsPerSecond: number;
	readonly divergedAt: number | null;
}

/** JSON has no NaN or Infinity: those become null. */
export function finiteOrNull(value: number): number | null {
	return Number.isFinite(value) ? value : null;
}

export function toJsonLine(record: StepRecord): string {
	return `${JSON.stringify(record, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value))}\n`;
}

const CSV_BASE = ['run', 'step', 'epoch', 'samples', 'loss', 'accuracy', 'test_loss', 'test_accuracy', 'diverged', 'diverged_at'] as const;

/** The CSV header: the base columns, x/y for surfaces, then per-layer gradient norms for `depth` layers. */
export function csvHeader(depth: number, surface: boolean): string {
	const layers = Array.from({length: depth}, (_, l) => [`grad_norm_w_${l + 1}`, `grad_norm_b_${l + 1}`, `update_ratio_${l + 1}`, `saturated_${l + 1}`, `dead_${l + 1}`]).flat();
	return [...CSV_BASE, ...(surface ? ['x', 'y'] : []), ...layers].join(',') + '\n';
}

const cell = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? '' : String(value));

/** A CSV row matching `csvHeader(depth, surface)`; runs with fewer layers leave the extra cells empty. */
export function toCsvRow(record: StepRecord, depth: number, surface: boolean): string {
	const label = /[",\n]/.test(record.run) ? `"${record.run.replaceAll('"', '""')}"` : record.run;
	const cells = [label, String(record.step), cell(record.epoch), String(record.samples), cell(record.loss), cell(record.accuracy), cell(record.testLoss), cell(record.testAccuracy), String(record.diverged), cell(record.divergedAt)];
	if (surface) cells.push(cell(record.x), cell(record.y));
	for (let l = 0; l < depth; l++) {
		const layer = record.layers[l];
		cells.push(cell(layer?.gradNormW), cell(layer?.gradNormB), cell(layer?.updateRatio), cell(layer?.saturated), cell(layer?.dead));
	}
	return cells.join(',') + '\n';
}

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—');

/** A plain-text table, one row per run, columns padded to fit. */
export function formatTable(rows: readonly RunSummary[]): string {
	const header = ['run', 'steps', 'batch loss', 'batch acc', 'test acc', 'steps/s', 'diverged at'];
	const body = rows.map((r) => [r.run, String(r.steps), fixed(r.loss, 4), percent(r.accuracy), percent(r.testAccuracy), r.stepsPerSecond.toFixed(0), r.divergedAt === null ? '—' : `step ${r.divergedAt}`]);
	const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
	const line = (cells: readonly string[]): string => cells.map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join('  ').trimEnd();
	return [line(header), line(widths.map((w) => '─'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
