/**
 * The loss chart as pure data: runs' histories mapped onto the columns available (by x value, so
 * runs with different x extents line up), drawn with asciichart one run at a time and merged into
 * rows of coloured segments. asciichart's sharp edges are handled here: non-finite points are
 * dropped, `height` is always passed, min/max are given, and series are as wide as the columns.
 */
import {plot} from 'asciichart';
import type {HistoryPoint} from '../../../runner/protocol.js';
import type {Language, XAxis} from '../../../scenarios/types.js';
import {center, displayWidth, formatCount, formatSci, padEnd} from '../../kit/format.js';
import type {Glyphs} from '../../kit/theme.js';
import {xAxisWord} from '../../kit/words.js';
import type {RunView} from '../model.js';

/** One run's line. */
export interface ChartSeries {
	readonly points: readonly HistoryPoint[];
	/** Ends with the diverged marker instead of the run's marker. */
	readonly diverged: boolean;
}

/** A stretch of one row drawn in one style. `series` is the run index, or null for axis and labels. */
export interface ChartSegment {
	readonly text: string;
	readonly series: number | null;
	readonly kind: 'label' | 'axis' | 'line' | 'marker' | 'diverged' | 'blank';
}

export type ChartLayout =
	/** Nothing finite to draw yet. */
	| {readonly kind: 'empty'}
	| {
			readonly kind: 'chart';
			readonly rows: readonly (readonly ChartSegment[])[];
			/** Column where the plot area starts (after labels and axis). */
			readonly plotStart: number;
			/** Columns from the first x to the last x. */
			readonly plotWidth: number;
			readonly xMin: number;
			readonly xMax: number;
			/** False when a log scale was asked for but some loss is ≤ 0. */
			readonly log: boolean;
	  };

export interface ChartOptions {
	/** The unit along x; points are placed by this value. */
	readonly xAxis: XAxis;
	/** A log10 scale is wanted (drawn only when every finite loss is positive). */
	readonly log: boolean;
	/** Columns for the whole chart (labels, axis, plot and end markers). */
	readonly width: number;
	/** Rows for the plot (the x-axis line is extra). */
	readonly height: number;
	/** Marker per run (index = series index). */
	readonly markers: readonly string[];
	readonly glyphs: Glyphs;
}

/** A point's x value in the chosen unit. */
export function xValue(point: HistoryPoint, axis: XAxis): number {
	return point[axis];
}

/** Formats an x value for the axis line. */
export function formatX(value: number, axis: XAxis): string {
	switch (axis) {
		case 'step':
		case 'samples':
			return formatCount(value);
		case 'epoch':
			return value < 100 ? String(Number(value.toFixed(1))) : String(Math.round(value));
		case 'seconds':
			return `${value < 100 ? value.toFixed(1) : Math.round(value)}s`;
	}
}

interface Plotted {
	/** Plot-space value per column (0 … last), gaps filled. */
	readonly columns: number[];
	readonly diverged: boolean;
}

/**
 * The series' finite points as plot-space values on columns 0 … width: the mean of the points
 * falling in a column (which calms batch-loss noise without hiding it), gaps interpolated.
 */
function toColumns(points: readonly HistoryPoint[], axis: XAxis, log: boolean, xMin: number, xMax: number, width: number): number[] {
	const sums: number[] = [];
	const counts: number[] = [];
	for (const p of points) {
		const y = plotY(p.loss, log);
		const x = xValue(p, axis);
		if (!Number.isFinite(y) || !Number.isFinite(x)) continue;
		const c = xMax > xMin ? Math.round(((x - xMin) / (xMax - xMin)) * width) : 0;
		sums[c] = (sums[c] ?? 0) + y;
		counts[c] = (counts[c] ?? 0) + 1;
	}
	const filled: number[] = [];
	for (let c = 0; c < sums.length; c++) {
		const sum = sums[c];
		if (sum === undefined) continue;
		const y = sum / counts[c]!;
		const from = filled.length - 1;
		if (from >= 0) {
			// Interpolate linearly across the gap since the previous filled column.
			const start = filled[from]!;
			for (let g = from + 1; g < c; g++) filled.push(start + ((y - start) * (g - from)) / (c - from));
		}
		while (filled.length < c) filled.push(y); // leading gap: hold the first value
		filled.push(y);
	}
	return filled;
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

/**
 * The y range widened to round values: quarter decades on a log scale, a twentieth of the span's
 * decade on a linear one. A falling loss then moves the scale now and then, not every frame, so
 * the rows already drawn stay put (calmer, and far fewer bytes redrawn).
 */
export function roundedRange(min: number, max: number, log: boolean): [number, number] {
	const step = log ? 0.25 : 10 ** Math.floor(Math.log10(max - min)) / 2;
	if (!(step > 0) || !Number.isFinite(step)) return [min, max];
	return [Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step];
}

/** Log scale only when every finite loss is positive (a surface's value can be negative). */
export function effectiveLog(series: readonly ChartSeries[], log: boolean): boolean {
	return log && series.every((s) => s.points.every((p) => !Number.isFinite(p.loss) || p.loss > 0));
}

/**
 * The top of the y range: the highest starting loss among the runs that have not diverged (each
 * run's first finite point) plus a decade (log) or plus the span below it again (linear). A run
 * shooting past it rides the top edge instead of flattening everyone else into one line; a
 * diverged run rides it to the step it diverged at, where its ✗ is drawn.
 */
function ceiling(series: readonly ChartSeries[], yMin: number, log: boolean): number {
	const settled = series.some((s) => !s.diverged) ? series.filter((s) => !s.diverged) : series;
	const starts = settled.map((s) => plotY(s.points.find((p) => Number.isFinite(plotY(p.loss, log)))?.loss ?? Number.NaN, log));
	const start = Math.max(...starts.filter(Number.isFinite));
	if (!Number.isFinite(start)) return Infinity;
	return log ? start + 1 : start + Math.max(start - yMin, Math.abs(start) * 0.5, 1e-9);
}

function plotY(loss: number, log: boolean): number {
	if (!log) return loss;
	return loss > 0 ? Math.log10(loss) : Number.NaN;
}

/** The rows asciichart draws for `height` over [min, max] (its own rounding, so we can match it). */
function rowsFor(min: number, max: number, height: number): {rows: number; ratio: number; min2: number} {
	const range = Math.abs(max - min);
	const ratio = range !== 0 ? height / range : 1;
	const min2 = Math.round(min * ratio);
	const max2 = Math.round(max * ratio);
	return {rows: Math.abs(max2 - min2), ratio, min2};
}

/**
 * The y labels by row: the top and bottom rows show their own value; between them, on a log
 * scale, the row nearest each decade shows that decade (`1e-02`), and rows evenly spaced fill in
 * where decades are few. Labels keep at least one unlabelled row between them.
 */
function yLabels(rows: number, min: number, max: number, log: boolean): Map<number, number> {
	const valueAt = (r: number) => max - (r * (max - min)) / rows;
	const labels = new Map<number, number>([
		[0, valueAt(0)],
		[rows, valueAt(rows)],
	]);
	const far = (r: number) => [...labels.keys()].every((l) => Math.abs(l - r) >= 2);
	if (log) {
		for (let k = Math.ceil(min); k <= Math.floor(max); k++) {
			const r = Math.round(((max - k) / (max - min)) * rows);
			if (far(r)) labels.set(r, k);
		}
	}
	if (labels.size <= Math.floor(rows / 6) + 1) {
		const every = Math.max(2, Math.round(rows / Math.max(1, Math.floor(rows / 4))));
		for (let r = every; r < rows - 1; r += every) if (far(r)) labels.set(r, valueAt(r));
	}
	const shown = new Map<number, number>();
	for (const [r, v] of labels) shown.set(r, log ? 10 ** v : v);
	return shown;
}

/** Lays out the chart; see the module comment. */
export function layoutChart(series: readonly ChartSeries[], options: ChartOptions): ChartLayout {
	const log = effectiveLog(series, options.log);
	let xMin = Infinity;
	let xMax = -Infinity;
	for (const s of series) {
		for (const p of s.points) {
			const x = xValue(p, options.xAxis);
			if (!Number.isFinite(x) || !Number.isFinite(plotY(p.loss, log))) continue;
			xMin = Math.min(xMin, x);
			xMax = Math.max(xMax, x);
		}
	}
	if (!Number.isFinite(xMin)) return {kind: 'empty'};
	if (xMax > xMin) xMax = Math.max(xMax, niceCeiling(xMax));

	const labelGuess = 8; // columns for labels and axis; refined below
	const columnsFor = (plotWidth: number) => series.map((s) => toColumns(s.points, options.xAxis, log, xMin, xMax, plotWidth));
	let columns = columnsFor(Math.max(1, options.width - labelGuess - 2));
	const all = columns.flat();
	let yMin = Math.min(...all);
	let yMax = Math.min(Math.max(...all), ceiling(series, yMin, log));
	if (yMax - yMin < 1e-9) {
		const pad = log ? 0.5 : Math.max(Math.abs(yMax) * 0.1, 1e-3);
		yMin -= pad;
		yMax += pad;
	}
	[yMin, yMax] = roundedRange(yMin, yMax, log);

	// asciichart may round to one row more or less than asked; ask until it fits.
	let height = options.height - 1;
	while (height > 1 && rowsFor(yMin, yMax, height).rows + 1 > options.height) height--;
	const {rows, ratio, min2} = rowsFor(yMin, yMax, height);
	const labelled = yLabels(rows, yMin, yMax, log);
	const texts = new Map([...labelled].map(([r, v]) => [r, formatSci(v, options.glyphs.dash)]));
	const labelWidth = Math.max(2, ...[...texts.values()].map((t) => t.length));
	const plotWidth = Math.max(1, options.width - labelWidth - 2); // label, axis, …, end marker
	// asciichart's `format` gets (value, row); we label by row.
	const format = (_: number, i: number) => (texts.get(i) ?? '').padStart(labelWidth);

	if (plotWidth !== Math.max(1, options.width - labelGuess - 2)) columns = columnsFor(plotWidth);
	// Every line is clamped into the y range.
	const plotted: Plotted[] = columns.map((c, k) => ({columns: c.map((y) => Math.min(yMax, Math.max(yMin, y))), diverged: series[k]!.diverged}));
	// Grid cells after the axis: value column c (1 … plotWidth) is drawn in cell c − 1; cell plotWidth is for end markers.
	// Value column 0 sits on the axis, which we draw ourselves.
	const cells: {ch: string; owner: number | null}[][] = Array.from({length: rows + 1}, () => Array.from({length: plotWidth + 1}, () => ({ch: ' ', owner: null})));
	const labels: string[] = Array.from({length: rows + 1}, (_, i) => format(0, i));
	for (let s = plotted.length - 1; s >= 0; s--) {
		const columns = plotted[s]!.columns;
		if (columns.length < 2) continue;
		const lines = plot(columns, {min: yMin, max: yMax, height, offset: 2, format, symbols: [...options.glyphs.chart]}).split('\n');
		lines.slice(0, rows + 1).forEach((line, r) => {
			const chars = Array.from(line).slice(labelWidth + 1);
			chars.forEach((ch, c) => {
				const cell = cells[r]?.[c];
				if (cell && ch !== ' ') {
					cell.ch = ch;
					cell.owner = s;
				}
			});
		});
	}
	const ends: {row: number; column: number; series: number; diverged: boolean}[] = [];
	plotted.forEach((p, s) => {
		const last = p.columns.at(-1);
		if (last === undefined) return;
		const row = rows - (Math.round(last * ratio) - min2);
		ends.push({row: Math.max(0, Math.min(rows, row)), column: p.columns.length - 1, series: s, diverged: p.diverged});
	});

	const out: ChartSegment[][] = cells.map((row, r) => {
		const segments: ChartSegment[] = [
			{text: labels[r]!, series: null, kind: 'label'},
			{text: labelled.has(r) ? options.glyphs.tick : options.glyphs.axis, series: null, kind: 'axis'},
		];
		const markers = new Map<number, (typeof ends)[number]>();
		for (const e of ends) if (e.row === r) markers.set(Math.min(e.column, plotWidth), e);
		row.forEach((cell, c) => {
			const end = markers.get(c);
			const segment: ChartSegment = end
				? {text: end.diverged ? options.glyphs.diverged : (options.markers[end.series] ?? '*'), series: end.series, kind: end.diverged ? 'diverged' : 'marker'}
				: {text: cell.ch, series: cell.owner, kind: cell.owner === null ? 'blank' : 'line'};
			const previous = segments.at(-1)!;
			if (previous.kind === segment.kind && previous.series === segment.series && (segment.kind === 'line' || segment.kind === 'blank')) {
				segments[segments.length - 1] = {...previous, text: previous.text + segment.text};
			} else {
				segments.push(segment);
			}
		});
		return segments;
	});
	return {kind: 'chart', rows: out, plotStart: labelWidth + 1, plotWidth, xMin, xMax, log};
}

/** The runs as chart series. */
export function runSeries(runs: readonly RunView[]): ChartSeries[] {
	return runs.map((r) => ({points: r.history.points, diverged: r.state.diverged}));
}

/** Whether the chart for these runs is drawn on a log scale (not when some loss is ≤ 0). */
export function chartIsLog(runs: readonly RunView[], logScale: boolean): boolean {
	return effectiveLog(runSeries(runs), logScale);
}

/** A run's lr or momentum change, marked in the plot's top row above the step it happened at. */
export interface ChangeMark {
	/** Column in the chart's rows (labels and axis included). */
	readonly column: number;
	readonly series: number;
}

/**
 * Where the runs' changes go: above the step each set-point acted after (in the x unit shown: the
 * x of the first point from that step on), within the plot. The top row, not the x-axis line:
 * a live change happens near the newest step, where the axis line has its last label.
 */
export function changeMarks(runs: readonly RunView[], layout: Extract<ChartLayout, {kind: 'chart'}>, axis: XAxis): ChangeMark[] {
	const {xMin, xMax, plotStart, plotWidth} = layout;
	return runs.flatMap((run, series) =>
		(run.changedAt ?? []).flatMap((at) => {
			const point = axis === 'step' ? undefined : run.history.points.find((p) => p.step >= at);
			const x = axis === 'step' ? at : point === undefined ? Number.NaN : xValue(point, axis);
			if (!(x >= xMin && x <= xMax)) return [];
			// Value column c is drawn in cell c − 1 after the axis (layoutChart).
			const value = xMax > xMin ? Math.round(((x - xMin) / (xMax - xMin)) * plotWidth) : 0;
			return [{column: plotStart + Math.max(0, value - 1), series}];
		}),
	);
}

/** The chart's rows with each change's run marker in its top row. */
export function markChanges(rows: readonly (readonly ChartSegment[])[], marks: readonly ChangeMark[], markers: readonly string[]): (readonly ChartSegment[])[] {
	const [top, ...rest] = rows;
	if (!top || marks.length === 0) return [...rows];
	const at = new Map(marks.map((m) => [m.column, m.series]));
	const cells = top.flatMap((segment) => [...segment.text].map((ch) => ({ch, segment})));
	const out: ChartSegment[] = [];
	cells.forEach(({ch, segment}, column) => {
		const series = at.get(column);
		const piece: ChartSegment = series !== undefined && segment.kind !== 'label' && segment.kind !== 'axis' ? {text: markers[series] ?? '*', series, kind: 'marker'} : {...segment, text: ch};
		const last = out.at(-1);
		if (last && last.kind === piece.kind && last.series === piece.series && piece.kind !== 'marker') out[out.length - 1] = {...last, text: last.text + piece.text};
		else out.push(piece);
	});
	return [out, ...rest];
}

/** The line under the plot: first x, the unit, last x. */
export function xAxisLine(plotStart: number, plotWidth: number, xMin: number, xMax: number, axis: XAxis, language: Language): string {
	const span = plotWidth + 1;
	const left = formatX(xMin, axis);
	const right = xMax > xMin ? formatX(xMax, axis) : '';
	const middle = center(xAxisWord(axis, language), Math.max(0, span - displayWidth(left) - displayWidth(right)));
	return padEnd(' '.repeat(plotStart) + left + middle + right, plotStart + span);
}
