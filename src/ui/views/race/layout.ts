/**
 * The optimizer race map as pure data: the surface as contour bands (log-spaced levels of
 * f − min), each run's path rasterised from its history, where paths share a cell, where each run
 * stands now, and where a run left the window.
 */
import {SURFACES, type Surface, type SurfaceName, type SurfaceView} from '../../../core/surfaces.js';
import type {HistoryPoint} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {type Cell, type SegmentRow, toSegments} from '../../kit/cells.js';
import {type CellStyle, type ViewPalette, cycled} from '../../kit/palette.js';
import {asciiWord, word} from '../../kit/words.js';

/** Decades the bands span at most, from the highest value in the window down. */
const MAX_DECADES = 8;

/** Band index (0 = lowest) per cell of a columns × rows map, row 0 at the top. */
export function contourBands(surface: Surface, view: SurfaceView, columns: number, rows: number, bands: number): Uint8Array {
	const logs = new Float64Array(columns * rows);
	let hi = -Infinity;
	let lo = Infinity;
	for (let r = 0; r < rows; r++) {
		const y = view.yMax - ((r + 0.5) / rows) * (view.yMax - view.yMin);
		for (let c = 0; c < columns; c++) {
			const x = view.xMin + ((c + 0.5) / columns) * (view.xMax - view.xMin);
			const v = surface.value(x, y) - surface.minValue;
			const l = v > 0 ? Math.log10(v) : -Infinity;
			logs[r * columns + c] = l;
			if (Number.isFinite(l)) {
				if (l > hi) hi = l;
				if (l < lo) lo = l;
			}
		}
	}
	lo = Math.max(lo, hi - MAX_DECADES);
	const out = new Uint8Array(columns * rows);
	if (!(hi > lo)) return out;
	for (let k = 0; k < out.length; k++) {
		const l = logs[k]!;
		out[k] = l === -Infinity ? 0 : Math.min(bands - 1, Math.max(0, Math.floor(((l - lo) / (hi - lo)) * bands)));
	}
	return out;
}

/** Maps surface coordinates to (fractional) map cells. */
export class MapFrame {
	constructor(
		readonly view: SurfaceView,
		readonly columns: number,
		readonly rows: number,
	) {}

	column(x: number): number {
		return ((x - this.view.xMin) / (this.view.xMax - this.view.xMin)) * this.columns;
	}

	row(y: number): number {
		return ((this.view.yMax - y) / (this.view.yMax - this.view.yMin)) * this.rows;
	}

	/** The cell index of (x, y), or −1 outside the window (or not finite). */
	cell(x: number, y: number): number {
		const c = Math.floor(this.column(x));
		const r = Math.floor(this.row(y));
		return c >= 0 && c < this.columns && r >= 0 && r < this.rows ? r * this.columns + c : -1;
	}

	inside(x: number, y: number): boolean {
		return this.cell(x, y) >= 0;
	}
}

/** The run's bit in a cell mask (runs beyond 31 share the last bit). */
export const runBit = (run: number): number => (1 << Math.min(run, 31)) >>> 0;

/** Number of runs in a mask. */
export function countRuns(mask: number): number {
	let n = 0;
	for (let m = mask >>> 0; m !== 0; m = (m & (m - 1)) >>> 0) n++;
	return n;
}

/** The lowest run in a mask. */
export function firstRun(mask: number): number {
	return 31 - Math.clz32((mask & -mask) >>> 0);
}

/**
 * Marks with `bit` every cell the path through `points` crosses: consecutive points are joined by
 * a straight line so the path stays connected however far one step jumps (a line far longer than
 * the map, from a run flying off, is left out: only its inside end points are drawn).
 */
export function tracePath(points: readonly HistoryPoint[], frame: MapFrame, bit: number, masks: Uint32Array): void {
	const limit = 4 * (frame.columns + frame.rows);
	let pc = Number.NaN;
	let pr = Number.NaN;
	for (const p of points) {
		if (p.x === undefined || p.y === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
			pc = pr = Number.NaN;
			continue;
		}
		const c = frame.column(p.x);
		const r = frame.row(p.y);
		if (Number.isNaN(pc)) [pc, pr] = [c, r]; // a path's first point: a line of length 0
		const steps = Math.ceil(Math.max(Math.abs(c - pc), Math.abs(r - pr)));
		const from = steps > limit ? steps : 0;
		for (let i = from; i <= steps; i++) {
			const t = steps === 0 ? 1 : i / steps;
			mark(masks, frame, Math.floor(pc + (c - pc) * t), Math.floor(pr + (r - pr) * t), bit);
		}
		pc = c;
		pr = r;
	}
}

function mark(masks: Uint32Array, frame: MapFrame, c: number, r: number, bit: number): void {
	if (c < 0 || c >= frame.columns || r < 0 || r >= frame.rows) return;
	const k = r * frame.columns + c;
	masks[k] = (masks[k]! | bit) >>> 0;
}

export type Arrow = 0 | 1 | 2 | 3;

/** Where a run outside the window is pointed at from its edge: the cell and the arrow (up, down, left, right). */
export function edgeArrow(x: number, y: number, frame: MapFrame): {cell: number; arrow: Arrow} | null {
	if (!Number.isFinite(x) || !Number.isFinite(y) || frame.inside(x, y)) return null;
	const c = Math.floor(frame.column(x));
	const r = Math.floor(frame.row(y));
	const cc = Math.min(frame.columns - 1, Math.max(0, c));
	const rr = Math.min(frame.rows - 1, Math.max(0, r));
	// The axis it is furthest out along decides the arrow.
	const outX = c < 0 ? -c : c >= frame.columns ? c - frame.columns + 1 : 0;
	const outY = r < 0 ? -r : r >= frame.rows ? r - frame.rows + 1 : 0;
	const arrow: Arrow = outY * frame.columns >= outX * frame.rows ? (r < 0 ? 0 : 1) : c < 0 ? 2 : 3;
	return {cell: rr * frame.columns + cc, arrow};
}

/**
 * The step at which a run currently outside the window last left it, or null when it is inside
 * (or its position is not finite: it diverged, which the legend says instead).
 */
export function leftWindowAt(points: readonly HistoryPoint[], position: readonly [number, number] | undefined, view: SurfaceView): number | null {
	const inside = (x: number, y: number) => x >= view.xMin && x <= view.xMax && y >= view.yMin && y <= view.yMax;
	if (!position || !Number.isFinite(position[0]) || !Number.isFinite(position[1]) || inside(position[0], position[1])) return null;
	let left: number | null = null;
	for (let k = points.length - 1; k >= 0; k--) {
		const p = points[k]!;
		if (p.x !== undefined && p.y !== undefined && inside(p.x, p.y)) break;
		left = p.step;
	}
	return left ?? 0;
}

/** One racer as the map needs it. */
export interface Racer {
	readonly points: readonly HistoryPoint[];
	readonly position: readonly [number, number] | undefined;
	readonly marker: string;
	readonly color: string | undefined;
}

export interface RaceMapOptions {
	readonly columns: number;
	readonly rows: number;
	readonly palette: ViewPalette;
	/** Contour bands from `contourBands` for this size (computed once per size). */
	readonly bands: Uint8Array;
}

const DIM: CellStyle = {dimColor: true};

/** The digit for a count of runs sharing a cell (9 stands for 9 or more). */
const countGlyph = (n: number): string => String(Math.min(9, n));

/**
 * The map's rows. Precedence in a cell: current positions (inverse), paths (a run's own marker,
 * or the number of runs whose paths share the cell, so no run hides another), the minimum, an
 * edge arrow toward a run outside the window, then the contour band.
 */
export function layoutRaceMap(surface: Surface, racers: readonly Racer[], options: RaceMapOptions): SegmentRow[] {
	const {columns, rows, palette, bands} = options;
	if (columns <= 0 || rows <= 0) return [];
	const frame = new MapFrame(surface.view, columns, rows);
	const paths = new Uint32Array(columns * rows);
	const current = new Uint32Array(columns * rows);
	const arrows = new Map<number, {run: number; arrow: Arrow}>();
	racers.forEach((racer, k) => {
		tracePath(racer.points, frame, runBit(k), paths);
		const position = racer.position;
		if (!position) return;
		const cell = frame.cell(position[0], position[1]);
		if (cell >= 0) current[cell] = (current[cell]! | runBit(k)) >>> 0;
		const edge = edgeArrow(position[0], position[1], frame);
		if (edge && !arrows.has(edge.cell)) arrows.set(edge.cell, {run: k, arrow: edge.arrow});
	});
	const minima = new Set(surface.minima.map(([x, y]) => frame.cell(x, y)).filter((c) => c >= 0));
	const styles = new Map<string, CellStyle>();
	const style = (color: string | undefined, bg: string | undefined, bold = false, inverse = false): CellStyle => {
		const key = `${color}|${bg}|${bold}|${inverse}`;
		let s = styles.get(key);
		if (!s) styles.set(key, (s = {...(color ? {color} : {}), ...(bg ? {backgroundColor: bg} : {}), ...(bold ? {bold} : {}), ...(inverse ? {inverse} : {})}));
		return s;
	};
	const out: SegmentRow[] = [];
	for (let r = 0; r < rows; r++) {
		const cells: Cell[] = [];
		for (let c = 0; c < columns; c++) {
			const k = r * columns + c;
			const band = bands[k] ?? 0;
			const bg = cycled(palette.contour, band);
			const here = current[k]!;
			const path = paths[k]!;
			const arrow = arrows.get(k);
			if (here !== 0) {
				const n = countRuns(here);
				const run = racers[firstRun(here)];
				cells.push({ch: n === 1 ? (run?.marker ?? '?') : countGlyph(n), style: style(n === 1 ? run?.color : undefined, undefined, true, true)});
			} else if (path !== 0) {
				const n = countRuns(path);
				const run = racers[firstRun(path)];
				cells.push({ch: n === 1 ? (run?.marker ?? '?') : countGlyph(n), style: style(n === 1 ? run?.color : undefined, bg, n > 1)});
			} else if (minima.has(k)) {
				cells.push({ch: palette.minimum, style: style(undefined, bg, true)});
			} else if (arrow) {
				cells.push({ch: palette.arrows[arrow.arrow], style: style(racers[arrow.run]?.color, bg, true)});
			} else if (bg) {
				cells.push({ch: ' ', style: style(undefined, bg)});
			} else {
				// No colour: the band edges drawn as dotted contour lines.
				const edge = (c + 1 < columns && bands[k + 1] !== band) || (r + 1 < rows && bands[k + columns] !== band);
				cells.push({ch: edge ? palette.contourLine : ' ', style: edge ? DIM : style(undefined, undefined)});
			}
		}
		out.push(toSegments(cells));
	}
	return out;
}

/**
 * `◎ minimum (1, 1) · 2–9 runs in a cell · x −2 … 2 · y −1 … 3`: every minimum, what a digit on a
 * path means, and the window.
 */
export function raceKey(surface: SurfaceName, minimum: string, separator: string, ellipsis: string, language: Language, ascii = false): string {
	const s = SURFACES[surface];
	const v = s.view;
	// Three significant digits, no trailing zeros: 1, −1.5, 3.13.
	const n = (x: number) => (Math.abs(x) < 1e-12 ? '0' : String(Number(x.toPrecision(3))));
	const minima = s.minima.map(([x, y]) => `(${n(x)}, ${n(y)})`).join(' ');
	const name = word(s.minima.length > 1 ? 'minima' : 'minimum', language);
	return `${minimum} ${name} ${minima} ${separator} ${asciiWord('sharedCell', language, ascii)} ${separator} x ${n(v.xMin)} ${ellipsis} ${n(v.xMax)} ${separator} y ${n(v.yMin)} ${ellipsis} ${n(v.yMax)}`;
}
