/**
 * The decision boundary as a character picture: the worker's grid of predicted classes resampled
 * to the plot's size, two pixels per character (upper half block: fg = upper, bg = lower) where
 * the theme has colour and block glyphs, one shade glyph per class otherwise; the data points on
 * top, one per character (the cell's majority class).
 */
import {NO_CLASS} from '../../../core/probe.js';
import type {BoundaryGrid, PlanePoints, ProbeData, RunState} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {type Cell, type SegmentRow, toSegments} from '../../kit/cells.js';
import {displayWidth, formatPercent, truncate} from '../../kit/format.js';
import {type CellStyle, type ViewPalette, cycled} from '../../kit/palette.js';
import {word} from '../../kit/words.js';

export interface BoundaryOptions {
	/** Plot size in characters. */
	readonly columns: number;
	readonly rows: number;
	readonly showTest: boolean;
	readonly palette: ViewPalette;
}

/** The largest square plot (in data units) that fits: characters are about twice as tall as wide. */
export function squarePlot(width: number, height: number): {columns: number; rows: number} {
	const rows = Math.max(0, Math.min(height, Math.floor(width / 2)));
	return {columns: 2 * rows, rows};
}

/** Memoised styles, so equal cells share one object (and merge into one segment cheaply). */
class Styles {
	private readonly cache = new Map<string, CellStyle>();
	get(color?: string, backgroundColor?: string, bold?: boolean, dimColor?: boolean): CellStyle {
		const key = `${color}|${backgroundColor}|${bold ? 1 : 0}|${dimColor ? 1 : 0}`;
		let style = this.cache.get(key);
		if (!style) {
			style = {
				...(color ? {color} : {}),
				...(backgroundColor ? {backgroundColor} : {}),
				...(bold ? {bold} : {}),
				...(dimColor ? {dimColor} : {}),
			};
			this.cache.set(key, style);
		}
		return style;
	}
}

/** The class at pixel (column, pixel row) of a plot `columns` × `pixelRows`, nearest grid cell. */
function sampler(grid: BoundaryGrid, columns: number, pixelRows: number): (c: number, p: number) => number {
	const gx = Array.from({length: columns}, (_, c) => Math.min(grid.width - 1, Math.floor(((c + 0.5) / columns) * grid.width)));
	const gy = Array.from({length: pixelRows}, (_, p) => Math.min(grid.height - 1, Math.floor(((p + 0.5) / pixelRows) * grid.height)));
	return (c, p) => grid.cells[gy[p]! * grid.width + gx[c]!] ?? NO_CLASS;
}

/** Per character cell, the majority class of the points in it (−1 where there are none), thinned on small plots. */
export function pointCells(points: PlanePoints, bounds: ProbeData['bounds'], columns: number, rows: number, classes: number): Int16Array {
	const k = Math.max(1, classes);
	const counts = new Uint16Array(columns * rows * k);
	// Small plots take every stride-th point only: a plane buried under points shows no boundary.
	const stride = Math.max(1, Math.ceil(points.labels.length / Math.max(1, Math.floor(columns * rows * POINT_SHARE))));
	for (let i = 0; i < points.labels.length; i += stride) {
		const x = points.xy[2 * i]!;
		const y = points.xy[2 * i + 1]!;
		const c = Math.floor(((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * columns);
		const r = Math.floor(((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * rows);
		if (!(c >= 0 && c < columns && r >= 0 && r < rows)) continue;
		const label = Math.min(k - 1, points.labels[i]!);
		counts[(r * columns + c) * k + label]!++;
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
	const classAt = grid ? sampler(grid, columns, pixelRows) : () => NO_CLASS;
	const region = (cls: number) => (cls === NO_CLASS ? undefined : cycled(palette.regions, cls));
	const bounds = grid?.bounds ?? data?.bounds;
	const classes = data?.classes ?? 2;
	const train = data && bounds ? pointCells(data.train, bounds, columns, rows, classes) : null;
	const test = data && bounds && options.showTest ? pointCells(data.test, bounds, columns, rows, classes) : null;
	const out: SegmentRow[] = [];
	for (let r = 0; r < rows; r++) {
		const cells: Cell[] = [];
		for (let c = 0; c < columns; c++) {
			const upper = classAt(c, half ? 2 * r : r);
			const lower = half ? classAt(c, 2 * r + 1) : upper;
			const testClass = test ? test[r * columns + c]! : -1;
			const trainClass = train ? train[r * columns + c]! : -1;
			if (testClass >= 0 || trainClass >= 0) {
				// Test points (when shown) are the ones being asked about: they win the cell.
				const isTest = testClass >= 0;
				const cls = isTest ? testClass : trainClass;
				const glyph = cycled(isTest ? palette.testGlyphs : palette.trainGlyphs, cls) ?? 'o';
				cells.push({ch: glyph, style: styles.get(cycled(palette.points, cls), region(lower), !isTest || !palette.color, isTest && !palette.color)});
			} else if (!palette.color) {
				cells.push({ch: upper === NO_CLASS ? ' ' : (cycled(palette.shades, upper) ?? ' '), style: styles.get()});
			} else if (upper === lower || !half || upper === NO_CLASS || lower === NO_CLASS) {
				cells.push({ch: ' ', style: styles.get(undefined, region(upper) ?? region(lower))});
			} else {
				cells.push({ch: palette.upperHalf, style: styles.get(region(upper), region(lower))});
			}
		}
		out.push(toSegments(cells));
	}
	return out;
}

/** How small panels tile the area: `across` × `down`, each `width` × `height` (borders included). */
export interface Tiles {
	readonly across: number;
	readonly down: number;
	readonly width: number;
	readonly height: number;
	/** Runs drawn; when fewer than asked, the last tile says how many more there are. */
	readonly shown: number;
	/** The square plot's rows inside each tile. */
	readonly plotRows: number;
}

/** The smallest plot worth drawing (rows; twice as many columns). */
export const MIN_PLOT_ROWS = 5;

/** At most this share of a plot's cells carry a point, so the predicted regions stay visible. */
const POINT_SHARE = 1 / 3;

/**
 * The tiling of `count` panels over width × height with the largest square plots; when not all
 * fit at MIN_PLOT_ROWS, as many as fit, one tile kept for "+N more". Tiles at least `titleWidth`
 * wide (borders included) come first, so each title keeps a readable label and its number.
 */
export function tileRuns(count: number, width: number, height: number, titleWidth = 0): Tiles {
	const score = (t: Tiles) => [t.plotRows >= MIN_PLOT_ROWS ? 1 : 0, t.width >= titleWidth ? 1 : 0, t.shown, t.plotRows];
	const beats = (a: Tiles, b: Tiles) => {
		const [x, y] = [score(a), score(b)];
		for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! > y[k]!;
		return false;
	};
	let best: Tiles | null = null;
	const maxDown = Math.max(1, Math.floor(height / (MIN_PLOT_ROWS + 2)));
	for (let across = 1; across <= Math.max(1, count); across++) {
		for (let down = 1; down <= maxDown; down++) {
			const slots = across * down;
			// Skip tilings with a whole spare row or column.
			if ((across - 1) * down >= count || across * (down - 1) >= count) continue;
			const w = Math.floor(width / across);
			const h = Math.floor(height / down);
			const shown = slots >= count ? count : Math.max(1, slots - 1);
			const tile: Tiles = {across, down, width: w, height: h, shown, plotRows: squarePlot(w - 2, h - 2).rows};
			if (!best || beats(tile, best)) best = tile;
		}
	}
	return best ?? {across: 1, down: 1, width, height, shown: Math.min(1, count), plotRows: squarePlot(width - 2, height - 2).rows};
}

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
