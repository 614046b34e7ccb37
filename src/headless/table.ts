/** Headless mode's default output: one row per run at the end, columns padded to fit. */
import {OVERFLOW, isOverflow} from '../records/numbers.js';

/** The end of a run, for the table. */
export interface RunSummary {
	readonly run: string;
	readonly steps: number;
	readonly loss: number;
	readonly accuracy: number;
	readonly testAccuracy: number;
	/** Regression runs. */
	readonly testLoss: number;
	readonly r2: number;
	readonly testR2: number;
	/** Surface runs: where the run stands (its loss is f there). */
	readonly x?: number;
	readonly y?: number;
	readonly stepsPerSecond: number;
	readonly divergedAt: number | null;
}

/**
 * Four decimals where they say something (0.1951, 1400.0000), else four significant digits in
 * scientific notation (1.7e-12); overflow as the word; missing as a dash.
 */
export function tableNumber(value: number | undefined): string {
	if (value === undefined || Number.isNaN(value)) return '—';
	if (isOverflow(value)) return OVERFLOW.en;
	const abs = Math.abs(value);
	if (abs === 0 || (abs >= 1e-4 && abs < 1e6)) return value.toFixed(4);
	return Number(value.toPrecision(4)).toExponential();
}

const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—');

/** A classification's columns, a regression's (R² where accuracy would be, and the test loss), or a surface's: f at its point, and the point, where batches mean nothing. */
export type TableKind = 'classification' | 'regression' | 'surface';

export function formatTable(rows: readonly RunSummary[], kind: TableKind = 'classification'): string {
	const diverged = (r: RunSummary) => (r.divergedAt === null ? '—' : `step ${r.divergedAt}`);
	const header =
		kind === 'surface'
			? ['run', 'steps', 'f', 'x', 'y', 'steps/s', 'diverged at']
			: kind === 'regression'
				? ['run', 'steps', 'batch loss', 'batch R²', 'test loss', 'test R²', 'steps/s', 'diverged at']
				: ['run', 'steps', 'batch loss', 'batch acc', 'test acc', 'steps/s', 'diverged at'];
	const scores = (r: RunSummary): string[] =>
		kind === 'surface'
			? [tableNumber(r.loss), tableNumber(r.x), tableNumber(r.y)]
			: kind === 'regression'
				? [tableNumber(r.loss), tableNumber(r.r2), tableNumber(r.testLoss), tableNumber(r.testR2)]
				: [tableNumber(r.loss), percent(r.accuracy), percent(r.testAccuracy)];
	const body = rows.map((r) => [r.run, String(r.steps), ...scores(r), r.stepsPerSecond.toFixed(0), diverged(r)]);
	const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
	const line = (cells: readonly string[]): string => cells.map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join('  ').trimEnd();
	return [line(header), line(widths.map((w) => '─'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
