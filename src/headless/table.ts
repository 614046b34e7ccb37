/** Headless mode's default output: one row per run at the end, columns padded to fit. */

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
	readonly stepsPerSecond: number;
	readonly divergedAt: number | null;
}

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—');

/** A regression's table has R² where a classification's has accuracy, and the test loss. */
export function formatTable(rows: readonly RunSummary[], regression = false): string {
	const header = regression
		? ['run', 'steps', 'batch loss', 'batch R²', 'test loss', 'test R²', 'steps/s', 'diverged at']
		: ['run', 'steps', 'batch loss', 'batch acc', 'test acc', 'steps/s', 'diverged at'];
	const scores = (r: RunSummary): string[] => (regression ? [fixed(r.r2, 4), fixed(r.testLoss, 4), fixed(r.testR2, 4)] : [percent(r.accuracy), percent(r.testAccuracy)]);
	const body = rows.map((r) => [r.run, String(r.steps), fixed(r.loss, 4), ...scores(r), r.stepsPerSecond.toFixed(0), r.divergedAt === null ? '—' : `step ${r.divergedAt}`]);
	const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
	const line = (cells: readonly string[]): string => cells.map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join('  ').trimEnd();
	return [line(header), line(widths.map((w) => '─'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
