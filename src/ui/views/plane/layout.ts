/**
 * What the two input-plane views (decision boundary, 2-D fit) share: square plots tiled one a run,
 * the data window mapped to character cells, a picture grid resampled to the plot, and a cell
 * drawn as two half-block pixels.
 */
import type {PlaneBounds} from '../../../core/probe.js';
import {type Cell, type SegmentRow, toSegments} from '../../kit/cells.js';
import type {CellStyle} from '../../kit/palette.js';

/** The largest square plot (in data units) that fits: characters are about twice as tall as wide. */
export function squarePlot(width: number, height: number): {columns: number; rows: number} {
	const rows = Math.max(0, Math.min(height, Math.floor(width / 2)));
	return {columns: 2 * rows, rows};
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

/**
 * The focused run large: the plot panel's width, the key beside it getting the rest (at most 44
 * columns). The key keeps at least 24 columns: the plot shrinks for it if need be.
 */
export function focusWidths(width: number, height: number): {plot: number; key: number} {
	const side = squarePlot(width - 2, height - 2);
	const plot = Math.min(44, width - side.columns - 2) >= 24 ? side.columns + 2 : Math.max(8, width - 24);
	return {plot, key: Math.min(44, width - plot)};
}

/** The cell (row × columns + column) of a `columns` × `rows` plot over `bounds` that (x, y) falls in; −1 off the plot. */
export function cellOf(x: number, y: number, bounds: PlaneBounds, columns: number, rows: number): number {
	const c = Math.floor(((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * columns);
	const r = Math.floor(((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * rows);
	return c >= 0 && c < columns && r >= 0 && r < rows ? r * columns + c : -1;
}

/** The index in a `width` × `height` grid (row 0 at the top) nearest pixel (column, pixel row) of a plot `columns` × `pixelRows`. */
export function gridSampler(width: number, height: number, columns: number, pixelRows: number): (c: number, p: number) => number {
	const gx = Array.from({length: columns}, (_, c) => Math.min(width - 1, Math.floor(((c + 0.5) / columns) * width)));
	const gy = Array.from({length: pixelRows}, (_, p) => Math.min(height - 1, Math.floor(((p + 0.5) / pixelRows) * height)));
	return (c, p) => gy[p]! * width + gx[c]!;
}

/** Memoised styles, so equal cells share one object (and merge into one segment cheaply). */
export class Styles {
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

/**
 * A coloured cell of two pixels: the upper half block (fg = upper, bg = lower) where they differ,
 * a blank in the one colour where they agree or one is missing (`undefined`: nothing drawn).
 */
export function halfBlockCell(upper: string | undefined, lower: string | undefined, upperHalf: string, styles: Styles): Cell {
	if (upper === lower || upper === undefined || lower === undefined) return {ch: ' ', style: styles.get(undefined, upper ?? lower)};
	return {ch: upperHalf, style: styles.get(upper, lower)};
}

/**
 * A picture's rows, `columns` × `rows` characters: `cell` draws the character at `index`
 * (row × columns + column) from the values of its two pixels, upper and lower, read by `pixel`
 * (column, pixel row): two pixel rows a character where `half`, else one, passed twice.
 */
export function planeRows(columns: number, rows: number, half: boolean, pixel: (c: number, p: number) => number, cell: (index: number, upper: number, lower: number) => Cell): SegmentRow[] {
	const out: SegmentRow[] = [];
	for (let r = 0; r < rows; r++) {
		const line: Cell[] = [];
		for (let c = 0; c < columns; c++) {
			const upper = pixel(c, half ? 2 * r : r);
			line.push(cell(r * columns + c, upper, half ? pixel(c, 2 * r + 1) : upper));
		}
		out.push(toSegments(line));
	}
	return out;
}
