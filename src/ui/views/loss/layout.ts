/**
 * The loss chart as pure data: lines from series.ts mapped onto the columns available (by x value,
 * so runs with different x extents line up), drawn with asciichart one line at a time and merged
 * into rows of styled segments. Dim lines go under the others, the run singled out on top, and
 * every run's end marker is placed after all lines, in a cell of its own. asciichart's sharp edges
 * are handled here: non-finite points are dropped, `height` is always passed, min/max are given,
 * and series are as wide as the columns.
 */
import {plot} from 'asciichart';
import type {Language, XAxis} from '../../../scenarios/types.js';
import {center, displayWidth, formatCount, formatTicks, padEnd} from '../../kit/format.js';
import type {ChartSymbols, Glyphs} from '../../kit/theme.js';
import {smoothingText, word, xAxisWord} from '../../kit/words.js';
import type {RunView} from '../model.js';
import {type ChartPoint, type ChartSeries, type Emphasis, niceCeiling, xValue} from './series.js';

/**
 * A stretch of one row drawn in one style. `run` is the run a line or marker belongs to, null for
 * the axis, labels and blanks.
 */
export interface ChartSegment {
	readonly text: string;
	readonly run: number | null;
	readonly kind: 'label' | 'axis' | 'line' | 'test' | 'marker' | 'diverged' | 'blank';
	readonly emphasis: Emphasis;
}

export type ChartLayout =
	/** Nothing finite to draw yet. */
	/** Nothing to draw yet — or ever, when every run diverged before a finite loss. */
	| {readonly kind: 'empty'; readonly allDiverged: boolean}
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
	/** A log10 scale is wanted (drawn only when every finite loss is positive). */
	readonly log: boolean;
	/** Columns for the whole chart (labels, axis, plot and end markers). */
	readonly width: number;
	/** Rows for the plot (the x-axis line is extra). */
	readonly height: number;
	/** Marker per run (index = run). */
	readonly markers: readonly string[];
	readonly glyphs: Glyphs;
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

/**
 * The line's finite points as plot-space values on columns 0 … width: the mean of the points
 * falling in a column, gaps interpolated.
 */
function toColumns(points: readonly ChartPoint[], log: boolean, xMin: number, xMax: number, width: number): number[] {
	const sums: number[] = [];
	const counts: number[] = [];
	for (const p of points) {
		const y = plotY(p.y, log);
		if (!Number.isFinite(y) || !Number.isFinite(p.x)) continue;
		const c = xMax > xMin ? Math.round(((p.x - xMin) / (xMax - xMin)) * width) : 0;
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
	return log && series.every((s) => s.points.every((p) => !Number.isFinite(p.y) || p.y > 0));
}

/**
 * The top of the y range: the highest starting loss among the runs that have not diverged (each
 * run's first finite point) plus a decade (log) or plus the span below it again (linear). A run
 * shooting past it rides the top edge instead of flattening everyone else into one line; a
 * diverged run rides it to the step it diverged at, where its ✗ is drawn.
 */
function ceiling(series: readonly ChartSeries[], yMin: number, log: boolean): number {
	const trains = series.filter((s) => s.kind === 'train');
	const settled = trains.some((s) => !s.diverged) ? trains.filter((s) => !s.diverged) : trains;
	const starts = settled.map((s) => plotY(s.points.find((p) => Number.isFinite(plotY(p.y, log)))?.y ?? Number.NaN, log));
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
 * scale, the row nearest each decade shows that decade (`0.01`), and rows evenly spaced fill in
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
	for (const r of [...labels.keys()].sort((a, b) => a - b)) shown.set(r, log ? 10 ** labels.get(r)! : labels.get(r)!);
	return shown;
}

/** Lines under lines: dim ones first, the run singled out last; a run's test line under its train line. */
const DRAW_ORDER: Readonly<Record<Emphasis, number>> = {dim: 0, normal: 1, focus: 2};
const drawRank = (s: ChartSeries) => 2 * DRAW_ORDER[s.emphasis] + (s.kind === 'train' ? 1 : 0);

function symbolsFor(s: ChartSeries, glyphs: Glyphs): ChartSymbols {
	if (s.kind === 'test') return glyphs.chartTest;
	return s.emphasis === 'focus' ? glyphs.chartFocus : glyphs.chart;
}

interface GridCell {
	ch: string;
	series: ChartSeries | null;
}

/** An end marker: where a train line ends, and the run it marks. */
interface EndMarker {
	readonly row: number;
	readonly column: number;
	readonly series: ChartSeries;
}

/**
 * Each end marker in a cell of its own: the run singled out first (it keeps its place), then the
 * others in run order; a marker whose cell is taken moves to the nearest free cell on its row,
 * right first, so two runs ending at the same point both show.
 */
function placeMarkers(ends: readonly EndMarker[], lastColumn: number): Map<string, EndMarker> {
	const placed = new Map<string, EndMarker>();
	const order = [...ends].sort((a, b) => DRAW_ORDER[b.series.emphasis] - DRAW_ORDER[a.series.emphasis] || a.series.run - b.series.run);
	for (const end of order) {
		for (let d = 0; d <= lastColumn; d++) {
			const column = [end.column + d, end.column - d].find((c) => c >= 0 && c <= lastColumn && !placed.has(`${end.row}:${c}`));
			if (column === undefined) continue;
			placed.set(`${end.row}:${column}`, {...end, column});
			break;
		}
	}
	return placed;
}

/** Lays out the chart; see the module comment. */
export function layoutChart(series: readonly ChartSeries[], options: ChartOptions): ChartLayout {
	const log = effectiveLog(series, options.log);
	let xMin = Infinity;
	let xMax = -Infinity;
	for (const s of series) {
		for (const p of s.points) {
			if (!Number.isFinite(p.x) || !Number.isFinite(plotY(p.y, log))) continue;
			xMin = Math.min(xMin, p.x);
			xMax = Math.max(xMax, p.x);
		}
	}
	if (!Number.isFinite(xMin)) return {kind: 'empty', allDiverged: series.length > 0 && series.every((s) => s.diverged)};
	if (xMax > xMin) xMax = Math.max(xMax, niceCeiling(xMax));

	const labelGuess = 8; // columns for labels and axis; refined below
	const columnsFor = (plotWidth: number) => series.map((s) => toColumns(s.points, log, xMin, xMax, plotWidth));
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
	const ticks = formatTicks([...labelled.values()], options.glyphs.dash);
	const texts = new Map([...labelled.keys()].map((r, k) => [r, ticks[k]!]));
	const labelWidth = Math.max(2, ...[...texts.values()].map((t) => t.length));
	const plotWidth = Math.max(1, options.width - labelWidth - 2); // label, axis, …, end marker
	// asciichart's `format` gets (value, row); we label by row.
	const format = (_: number, i: number) => (texts.get(i) ?? '').padStart(labelWidth);

	if (plotWidth !== Math.max(1, options.width - labelGuess - 2)) columns = columnsFor(plotWidth);
	// Every line is clamped into the y range.
	const clamped = columns.map((c) => c.map((y) => Math.min(yMax, Math.max(yMin, y))));
	// Grid cells after the axis: value column c (1 … plotWidth) is drawn in cell c − 1; cell plotWidth is for end markers.
	// Value column 0 sits on the axis, which we draw ourselves.
	const cells: GridCell[][] = Array.from({length: rows + 1}, () => Array.from({length: plotWidth + 1}, () => ({ch: ' ', series: null})));
	const labels: string[] = Array.from({length: rows + 1}, (_, i) => format(0, i));
	const order = series.map((_, k) => k).sort((a, b) => drawRank(series[a]!) - drawRank(series[b]!) || series[b]!.run - series[a]!.run);
	for (const k of order) {
		const line = clamped[k]!;
		if (line.length < 2) continue;
		const drawn = plot(line, {min: yMin, max: yMax, height, offset: 2, format, symbols: [...symbolsFor(series[k]!, options.glyphs)]}).split('\n');
		drawn.slice(0, rows + 1).forEach((text, r) => {
			Array.from(text)
				.slice(labelWidth + 1)
				.forEach((ch, c) => {
					const cell = cells[r]?.[c];
					if (cell && ch !== ' ') {
						cell.ch = ch;
						cell.series = series[k]!;
					}
				});
		});
	}
	const ends: EndMarker[] = [];
	clamped.forEach((line, k) => {
		const s = series[k]!;
		const last = line.at(-1);
		if (last === undefined || s.kind !== 'train') return;
		const row = rows - (Math.round(last * ratio) - min2);
		ends.push({row: Math.max(0, Math.min(rows, row)), column: Math.min(line.length - 1, plotWidth), series: s});
	});
	const markers = placeMarkers(ends, plotWidth);

	const out: ChartSegment[][] = cells.map((row, r) => {
		const segments: ChartSegment[] = [
			{text: labels[r]!, run: null, kind: 'label', emphasis: 'normal'},
			{text: texts.has(r) ? options.glyphs.tick : options.glyphs.axis, run: null, kind: 'axis', emphasis: 'normal'},
		];
		row.forEach((cell, c) => {
			const end = markers.get(`${r}:${c}`);
			const s = end?.series ?? cell.series;
			const segment: ChartSegment = end
				? {text: end.series.diverged ? options.glyphs.diverged : (options.markers[end.series.run] ?? '*'), run: end.series.run, kind: end.series.diverged ? 'diverged' : 'marker', emphasis: end.series.emphasis}
				: {text: cell.ch, run: s?.run ?? null, kind: s === null ? 'blank' : s.kind === 'test' ? 'test' : 'line', emphasis: s?.emphasis ?? 'normal'};
			const previous = segments.at(-1)!;
			const joins = previous.kind === segment.kind && previous.run === segment.run && previous.emphasis === segment.emphasis;
			if (joins && (segment.kind === 'line' || segment.kind === 'test' || segment.kind === 'blank')) {
				segments[segments.length - 1] = {...previous, text: previous.text + segment.text};
			} else {
				segments.push(segment);
			}
		});
		return segments;
	});
	return {kind: 'chart', rows: out, plotStart: labelWidth + 1, plotWidth, xMin, xMax, log};
}

/** Whether the chart for these runs is drawn on a log scale (not when some loss is ≤ 0). */
export function chartIsLog(runs: readonly RunView[], logScale: boolean): boolean {
	return logScale && runs.every((r) => r.history.points.every((p) => !Number.isFinite(p.loss) || p.loss > 0));
}

/** What the loss panel's title says about the chart. */
export interface LossTitle {
	/** Drawn on a log scale (chartIsLog). */
	readonly log: boolean;
	/** The batch loss's smoothing in steps, null when raw; undefined where there is no batch (surfaces). */
	readonly smoothing?: number | null;
	/** Test-loss lines are drawn. */
	readonly test: boolean;
	/** The run singled out: its marker and label. */
	readonly focus: {readonly marker: string; readonly label: string} | null;
}

/** `loss (log) · EMA 60 steps · ╌ test · ▲ tanh`: the scale, the smoothing, the test lines' dash, the run singled out. */
export function lossTitle(t: LossTitle, glyphs: Glyphs, language: Language): string {
	const parts = [`${word('loss', language)} (${word(t.log ? 'log' : 'linear', language)})`];
	if (t.smoothing !== undefined) parts.push(t.smoothing === null ? word('raw', language) : smoothingText(t.smoothing, language));
	if (t.test) parts.push(`${glyphs.chartTest[4]}${glyphs.chartTest[4]} ${word('test', language)}`);
	if (t.focus) parts.push(`${t.focus.marker} ${t.focus.label}`);
	return parts.join(` ${glyphs.separator} `);
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
		const piece: ChartSegment =
			series !== undefined && segment.kind !== 'label' && segment.kind !== 'axis' ? {text: markers[series] ?? '*', run: series, kind: 'marker', emphasis: 'normal'} : {...segment, text: ch};
		const last = out.at(-1);
		if (last && last.kind === piece.kind && last.run === piece.run && last.emphasis === piece.emphasis && piece.kind !== 'marker') out[out.length - 1] = {...last, text: last.text + piece.text};
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
