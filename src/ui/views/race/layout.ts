/**
 * The optimizer race map as pure data: the surface as contour bands (whole decades of f − min),
 * each run's path rasterised from its history and drawn in its own marker and colour along the
 * whole trail, where each run stands now, the minimum, and where a run left the window. A run
 * singled out draws on top, the others dim.
 */
import {SURFACES, type Surface, type SurfaceName, type SurfaceView} from '../../../core/surfaces.js';
import type {HistoryPoint} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {type Cell, type Segment, type SegmentRow, toSegments} from '../../kit/cells.js';
import {displayWidth, formatTicks} from '../../kit/format.js';
import type {CellStyle, ViewPalette} from '../../kit/palette.js';
import {asciiWord, word} from '../../kit/words.js';

/** Decades the bands span at most, from the highest value in the window down (one band each). */
export const MAX_DECADES = 8;

/** The surface's contour bands for one map size. */
export interface Contours {
	/** Band index (0 = lowest) per cell of a columns × rows map, row 0 at the top. */
	readonly bands: Uint8Array;
	/** log10 of band 0's upper edge minus one: band k holds f − min in [10^(lo+k), 10^(lo+k+1)). Band 0 also holds everything lower, the top band everything higher. */
	readonly lo: number;
	/** How many bands (decades) there are, at least 2. */
	readonly count: number;
}

/** The map's contour bands: one per decade of f − min, up to MAX_DECADES below the highest value in the window. */
export function contourBands(surface: Surface, view: SurfaceView, columns: number, rows: number): Contours {
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
	const out = new Uint8Array(columns * rows);
	if (!Number.isFinite(hi)) return {bands: out, lo: 0, count: 2};
	const top = Math.ceil(hi);
	const count = Math.max(2, Math.min(MAX_DECADES, top - Math.floor(lo)));
	const bottom = top - count;
	for (let k = 0; k < out.length; k++) {
		const l = logs[k]!;
		out[k] = l === -Infinity ? 0 : Math.min(count - 1, Math.max(0, Math.floor(l - bottom)));
	}
	return {bands: out, lo: bottom, count};
}

/** Band `band`'s colour out of `count`, spread over the palette's ramp from its lowest to its highest; undefined without colour. */
export function bandColor(palette: ViewPalette, band: number, count: number): string | undefined {
	const ramp = palette.contour;
	if (ramp.length === 0) return undefined;
	return ramp[Math.round((Math.min(band, count - 1) * (ramp.length - 1)) / Math.max(1, count - 1))];
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
	readonly contours: Contours;
	/** The run singled out (on top, the others dim), or null. */
	readonly focus: number | null;
}

const DIM: CellStyle = {dimColor: true};

/**
 * Which run a cell crossed by several paths shows, as a rank per run (higher on top): the run
 * singled out, then the shorter trails, so a run that barely moved is never buried under one
 * that went far; equal trails by run order.
 */
export function pathRanks(trailCells: readonly number[], focus: number | null): number[] {
	const order = trailCells.map((_, k) => k).sort((a, b) => trailCells[b]! - trailCells[a]! || b - a);
	const ranks = new Array<number>(trailCells.length).fill(0);
	order.forEach((k, r) => (ranks[k] = r));
	if (focus !== null && focus < ranks.length) ranks[focus] = ranks.length;
	return ranks;
}

/** The run in `mask` with the highest rank, or −1 for an empty mask. */
function topRun(mask: number, ranks: readonly number[]): number {
	let best = -1;
	for (let m = mask >>> 0; m !== 0; m = (m & (m - 1)) >>> 0) {
		const k = 31 - Math.clz32((m & -m) >>> 0);
		if (best < 0 || (ranks[k] ?? -1) > (ranks[best] ?? -1)) best = k;
	}
	return best;
}

/**
 * The map's rows. Precedence in a cell: the minimum (always visible; inverse, in the colour of
 * a run standing on it), current positions (inverse), paths (the top-ranked run's marker, so
 * each trail is one glyph and one colour end to end), an edge arrow toward a run outside the
 * window, then the contour band.
 */
export function layoutRaceMap(surface: Surface, racers: readonly Racer[], options: RaceMapOptions): SegmentRow[] {
	const {columns, rows, palette, contours, focus} = options;
	if (columns <= 0 || rows <= 0) return [];
	const frame = new MapFrame(surface.view, columns, rows);
	const paths = new Uint32Array(columns * rows);
	const current = new Uint32Array(columns * rows);
	const arrows = new Map<number, {run: number; arrow: Arrow}>();
	const trails = racers.map((racer, k) => {
		const own = new Uint32Array(columns * rows);
		tracePath(racer.points, frame, runBit(k), own);
		let cells = 0;
		for (let i = 0; i < own.length; i++) {
			if (own[i] === 0) continue;
			cells++;
			paths[i] = (paths[i]! | own[i]!) >>> 0;
		}
		const position = racer.position;
		if (position) {
			const cell = frame.cell(position[0], position[1]);
			if (cell >= 0) current[cell] = (current[cell]! | runBit(k)) >>> 0;
			const edge = edgeArrow(position[0], position[1], frame);
			if (edge && (!arrows.has(edge.cell) || k === focus)) arrows.set(edge.cell, {run: k, arrow: edge.arrow});
		}
		return cells;
	});
	const ranks = pathRanks(trails, focus);
	const minima = new Set(surface.minima.map(([x, y]) => frame.cell(x, y)).filter((c) => c >= 0));
	const styles = new Map<string, CellStyle>();
	const style = (color: string | undefined, bg: string | undefined, bold = false, inverse = false, dim = false): CellStyle => {
		const key = `${color}|${bg}|${bold}|${inverse}|${dim}`;
		let s = styles.get(key);
		if (!s) {
			s = {...(color ? {color} : {}), ...(bg ? {backgroundColor: bg} : {}), ...(bold ? {bold} : {}), ...(inverse ? {inverse} : {}), ...(dim ? {dimColor: true} : {})};
			styles.set(key, s);
		}
		return s;
	};
	const dimmed = (run: number) => focus !== null && run !== focus;
	const bands = contours.bands;
	const out: SegmentRow[] = [];
	for (let r = 0; r < rows; r++) {
		const cells: Cell[] = [];
		for (let c = 0; c < columns; c++) {
			const k = r * columns + c;
			const band = bands[k] ?? 0;
			const bg = bandColor(palette, band, contours.count);
			const here = topRun(current[k]!, ranks);
			const path = topRun(paths[k]!, ranks);
			const arrow = arrows.get(k);
			if (minima.has(k)) {
				const run = racers[here];
				cells.push({ch: palette.minimum, style: run ? style(run.color, undefined, true, true, dimmed(here)) : style(undefined, bg, true)});
			} else if (here >= 0) {
				const run = racers[here]!;
				cells.push({ch: run.marker, style: style(run.color, undefined, true, true, dimmed(here))});
			} else if (path >= 0) {
				const run = racers[path]!;
				cells.push({ch: run.marker, style: style(run.color, bg, path === focus, false, dimmed(path))});
			} else if (arrow) {
				cells.push({ch: palette.arrows[arrow.arrow], style: style(racers[arrow.run]?.color, bg, true, false, dimmed(arrow.run))});
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

/** Three significant digits, no trailing zeros: 1, -1.5, 3.13. */
const coordinate = (x: number) => (Math.abs(x) < 1e-12 ? '0' : String(Number(x.toPrecision(3))));

/** `x -2 … 2 · y -1 … 3`: the window the map shows. */
export function windowText(surface: SurfaceName, ellipsis: string, separator: string): string {
	const v = SURFACES[surface].view;
	return `x ${coordinate(v.xMin)} ${ellipsis} ${coordinate(v.xMax)} ${separator} y ${coordinate(v.yMin)} ${ellipsis} ${coordinate(v.yMax)}`;
}

/** What the key line needs besides the surface. */
export interface RaceKeyOptions {
	readonly contours: Contours;
	readonly palette: ViewPalette;
	readonly separator: string;
	readonly ellipsis: string;
	readonly language: Language;
	/** Columns the line may take. */
	readonly width: number;
	/** Spell the words in ASCII (f − min → f - min). */
	readonly ascii: boolean;
}

/**
 * The key under the map: every minimum, then what the contours mean — with colour, a swatch per
 * band between the lowest and highest decade (`f − min: 1e-05 ████████ 1000, ×10 a band`);
 * without, the values the dotted lines are drawn at. The longest form that fits `width`.
 */
export function raceKeyRow(surface: SurfaceName, o: RaceKeyOptions): SegmentRow {
	const s = SURFACES[surface];
	const minima = s.minima.map(([x, y]) => `(${coordinate(x)}, ${coordinate(y)})`).join(' ');
	const head = `${o.palette.minimum} ${word(s.minima.length > 1 ? 'minima' : 'minimum', o.language)} ${minima} ${o.separator} `;
	const say = (key: Parameters<typeof word>[0]) => asciiWord(key, o.language, o.ascii);
	const fMin = say('fMinusMin');
	const {lo, count} = o.contours;
	const plain: CellStyle = {};
	const dim: CellStyle = {dimColor: true};
	const candidates: Segment[][] = [];
	if (o.palette.color) {
		const [low, high] = formatTicks([10 ** lo, 10 ** (lo + count)]);
		const swatches = Array.from({length: count}, (_, b): Segment => ({text: ' ', style: {backgroundColor: bandColor(o.palette, b, count)!}}));
		const scale = [{text: `${fMin}: ${low} `, style: plain}, ...swatches, {text: ` ${high}`, style: plain}];
		candidates.push([...scale, {text: `, ${say('perBand')}`, style: plain}], scale);
	} else {
		const edges = formatTicks(Array.from({length: count - 1}, (_, b) => 10 ** (lo + b + 1)));
		const listed = edges.length > 3 ? `${edges[0]}, ${edges[1]} ${o.ellipsis} ${edges.at(-1)}` : edges.join(', ');
		const line = {text: o.palette.contourLine, style: dim};
		candidates.push([line, {text: ` ${say('contours')} ${fMin} = ${listed}`, style: plain}], [line, {text: ` ${fMin} = ${edges[0]} ${o.ellipsis} ${edges.at(-1)}`, style: plain}]);
	}
	const width = (segments: readonly Segment[]) => segments.reduce((n, seg) => n + displayWidth(seg.text), 0);
	const fitting = candidates.find((c) => displayWidth(head) + width(c) <= o.width);
	return fitting ? [{text: head, style: plain}, ...fitting] : [{text: head.slice(0, -(o.separator.length + 2)), style: plain}];
}
