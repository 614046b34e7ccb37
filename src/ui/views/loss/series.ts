/**
 * The loss chart's data path: runs' histories turned into the lines it draws. Each run gives its
 * batch loss (smoothed by an exponential moving average unless raw is asked for) and, when asked,
 * its test loss; a run singled out draws on top, the others dim. Everything the chart places
 * (lines, end markers, and marks along a line) is keyed by run and x here, so a new kind of mark
 * is one more field, not a new path.
 */
import type {HistoryPoint} from '../../../runner/protocol.js';
import type {XAxis} from '../../../scenarios/types.js';
import type {RunView} from '../model.js';

/** One point of a line, x already in the chart's unit. */
export interface ChartPoint {
	readonly x: number;
	readonly y: number;
}

/** How a line stands out: the run singled out, the others while one is, or all alike. */
export type Emphasis = 'normal' | 'focus' | 'dim';

/** One line of the chart. */
export interface ChartSeries {
	readonly points: readonly ChartPoint[];
	/** The run it belongs to (colour and marker). */
	readonly run: number;
	/** The batch loss (ends with the run's marker) or the test loss (a dashed line, no marker). */
	readonly kind: 'train' | 'test';
	/** Train lines: ends with the diverged marker instead of the run's marker. */
	readonly diverged: boolean;
	readonly emphasis: Emphasis;
}

export interface SeriesOptions {
	readonly xAxis: XAxis;
	/** Time constant of the batch loss's moving average, in steps; null draws the raw batch loss. */
	readonly smoothing: number | null;
	/** Add each run's test loss. */
	readonly test: boolean;
	/** The run singled out, or null. */
	readonly focus: number | null;
}

/** A point's x value in the chosen unit. */
export function xValue(point: HistoryPoint, axis: XAxis): number {
	return point[axis];
}

/**
 * The batch loss smoothed by an exponential moving average with time constant `tau` steps: each
 * point pulls the average towards itself by 1 − e^(−Δstep/τ), so the history's sampling stride
 * (which doubles as a run grows) does not change how much is smoothed. The average starts at the
 * first finite loss (no bias towards zero); non-finite losses are left out and come back NaN.
 */
export function movingAverage(points: readonly HistoryPoint[], tau: number): number[] {
	const out: number[] = [];
	let average = Number.NaN;
	let last = Number.NaN;
	for (const p of points) {
		if (!Number.isFinite(p.loss)) {
			out.push(Number.NaN);
			continue;
		}
		average = Number.isNaN(average) ? p.loss : average + (1 - Math.exp(-(p.step - last) / tau)) * (p.loss - average);
		last = p.step;
		out.push(average);
	}
	return out;
}

/**
 * The moving average's time constant for a chart reaching `lastStep`: a fiftieth of the x range's
 * nice ceiling, itself nice (1, 2, 5, 10, 20, 60 …). It changes only when the x axis rescales, and
 * is then still a column or two of the chart at 80 columns.
 */
export function smoothingSteps(lastStep: number): number {
	return Math.max(1, Math.round(niceCeiling(niceCeiling(Math.max(1, lastStep)) / 50)));
}

const NICE_MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The smallest "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above `x`. The x
 * axis ends there, so between steps of this ladder the drawn curve only grows at its right end
 * instead of being squeezed every frame — calmer to watch and far fewer bytes to redraw.
 */
export function niceCeiling(x: number): number {
	if (!(x > 0) || !Number.isFinite(x)) return x;
	const decade = 10 ** Math.floor(Math.log10(x));
	const m = NICE_MANTISSAS.find((n) => n * decade >= x * (1 - 1e-12)) ?? 10;
	return m * decade;
}

/** The emphasis of run `k` when `focus` is singled out. */
export function emphasisOf(k: number, focus: number | null): Emphasis {
	return focus === null ? 'normal' : k === focus ? 'focus' : 'dim';
}

/** The runs as chart lines, in run order (the chart decides what draws on top). */
export function runSeries(runs: readonly RunView[], options: SeriesOptions): ChartSeries[] {
	const {xAxis, smoothing, test, focus} = options;
	return runs.flatMap((r, k): ChartSeries[] => {
		const points = r.history.points;
		const emphasis = emphasisOf(k, focus);
		const losses = smoothing === null ? points.map((p) => p.loss) : movingAverage(points, smoothing);
		const train: ChartSeries = {points: points.map((p, i) => ({x: xValue(p, xAxis), y: losses[i]!})), run: k, kind: 'train', diverged: r.state.diverged, emphasis};
		if (!test) return [train];
		const tested = points.filter((p) => Number.isFinite(p.testLoss)).map((p) => ({x: xValue(p, xAxis), y: p.testLoss}));
		return tested.length > 0 ? [train, {points: tested, run: k, kind: 'test', diverged: false, emphasis}] : [train];
	});
}

/** The furthest step any run's history reaches (0 before the first point). */
export function lastStep(runs: readonly RunView[]): number {
	return runs.reduce((m, r) => Math.max(m, r.history.points.at(-1)?.step ?? 0), 0);
}
