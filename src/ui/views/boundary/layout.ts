/**
 * The decision boundary as a character picture: the worker's grid of predicted classes resampled
 * to the plot's size, two pixels per character (upper half block: fg = upper, bg = lower) where
 * the theme has colour and block glyphs, one shade glyph per class otherwise; the data points on
 * top, one per character (the cell's majority class).
 */
import {NO_CLASS} from '../../../core/probe.js';
import type {BoundaryGrid, PlanePoints, ProbeData, RunState} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import type {Cell, SegmentRow} from '../../kit/cells.js';
import {displayWidth, formatPercent, truncate} from '../../kit/format.js';
import {type ViewPalette, cycled} from '../../kit/palette.js';
import {word} from '../../kit/words.js';
import {Styles, cellOf, gridSampler, halfBlockCell, planeRows} from '../plane/layout.js';

export interface BoundaryOptions {
	/** Plot size in characters. */
	readonly columns: number;
	readonly rows: number;
	readonly showTest: boolean;
	readonly palette: ViewPalette;
}

/** Per character cell, the majority class of the points in it (−1 where there are none), thinned on small plots. */
export function pointCells(points: PlanePoints, bounds: ProbeData['bounds'], columns: number, rows: number, classes: number): Int16Array {
	const k = Math.max(1, classes);
	const counts = new Uint16Array(columns * rows * k);
	// Small plots take every stride-th point only: a plane buried under points shows no boundary.
	const stride = Math.max(1, Math.ceil(points.labels.length / Math.max(1, Math.floor(columns * rows * POINT_SHARE))));
	for (let i = 0; i < points.labels.length; i += stride) {
		const cell = cellOf(points.xy[2 * i]!, points.xy[2 * i + 1]!, bounds, columns, rows);
		if (cell < 0) continue;
		const label = Math.min(k - 1, points.labels[i]!);
		counts[cell * k + label]!++;
	}
	const out = new Int16Array(columns * rows).fill(-1);
	for (let cell = 0; cell < columns * rows; cell++) {
		let best = -1;
		let most = 0;
		for (let j = 0; j < k; j++) {
			const n = counts[cell * k + j]!;
			if (n > most) [best, most] = [j, n];
		}
		out[cell] = best;
	}
	return out;
}

/** The plot's rows. Without a grid, only the points are drawn (on a blank plane). */
export function layoutBoundary(grid: BoundaryGrid | undefined, data: ProbeData | null, options: BoundaryOptions): SegmentRow[] {
	const {columns, rows, palette} = options;
	if (columns <= 0 || rows <= 0) return [];
	const styles = new Styles();
	const half = palette.halfBlocks && palette.color;
	const pixelRows = half ? 2 * rows : rows;
	const at = grid ? gridSampler(grid.width, grid.height, columns, pixelRows) : null;
	const classAt = (c: number, p: number) => (grid && at ? (grid.cells[at(c, p)] ?? NO_CLASS) : NO_CLASS);
	const region = (cls: number) => (cls === NO_CLASS ? undefined : cycled(palette.regions, cls));
	const bounds = grid?.bounds ?? data?.bounds;
	const classes = data?.classes ?? 2;
	const train = data && bounds ? pointCells(data.train, bounds, columns, rows, classes) : null;
	const test = data && bounds && options.showTest ? pointCells(data.test, bounds, columns, rows, classes) : null;
	return planeRows(columns, rows, half, classAt, (cell, upper, lower): Cell => {
		const testClass = test ? test[cell]! : -1;
		const trainClass = train ? train[cell]! : -1;
		if (testClass >= 0 || trainClass >= 0) {
			// Test points (when shown) are the ones being asked about: they win the cell.
			const isTest = testClass >= 0;
			const cls = isTest ? testClass : trainClass;
			const glyph = cycled(isTest ? palette.testGlyphs : palette.trainGlyphs, cls) ?? 'o';
			return {ch: glyph, style: styles.get(cycled(palette.points, cls), region(lower), !isTest || !palette.color, isTest && !palette.color)};
		}
		if (!palette.color) return {ch: upper === NO_CLASS ? ' ' : (cycled(palette.shades, upper) ?? ' '), style: styles.get()};
		return halfBlockCell(region(upper), region(lower), palette.upperHalf, styles);
	});
}

/** At most this share of a plot's cells carry a point, so the predicted regions stay visible. */
const POINT_SHARE = 1 / 3;

/** A tile's title keeps at least this many columns of its run's label. */
const TITLE_LABEL = 8;

/** The narrowest tile (borders included) that shows every run's title with TITLE_LABEL columns of label. */
export function tileTitleWidth(runs: readonly RunState[], markers: readonly string[], glyphs: {readonly diverged: string; readonly ellipsis: string}, language: Language): number {
	const widths = runs.map((run, k) => displayWidth(boundaryTitle({...run, label: truncate(run.label, TITLE_LABEL, glyphs.ellipsis)}, k, markers[k] ?? '', glyphs, language)));
	return Math.max(0, ...widths) + 5;
}

/**
 * `● relu test 97%` or `✗ lr 5 diverged`: a run's panel title within `maxWidth` columns. The
 * percentage is the test accuracy, said so (the legend's `acc` is the last batch's); the label is
 * shortened before it, so a narrow tile keeps its number.
 */
export function boundaryTitle(run: RunState | undefined, index: number, marker: string, glyphs: {readonly diverged: string; readonly ellipsis: string}, language: Language, maxWidth = Infinity): string {
	if (!run) return `${marker} ${index + 1}`;
	const head = run.diverged ? glyphs.diverged : marker;
	const tail = run.diverged ? word('diverged', language) : Number.isFinite(run.testAccuracy) ? `${word('test', language)} ${formatPercent(run.testAccuracy)}` : '';
	const room = maxWidth - displayWidth(head) - 1 - (tail === '' ? 0 : 1 + displayWidth(tail));
	const label = truncate(run.label, Math.max(1, room), glyphs.ellipsis);
	return tail === '' ? `${head} ${label}` : `${head} ${label} ${tail}`;
}
