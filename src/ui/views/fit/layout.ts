/**
 * The fit of a regression as character pictures. 1-D inputs: the data points, and each run's
 * prediction as a curve over them — braille dots in the run's colour (2 × 4 dots a character)
 * where the theme has colour and Unicode, the run's marker glyph once a column otherwise, so runs
 * differ without colour. 2-D inputs: the prediction as a shaded map (half blocks on a colour
 * scale, or glyphs of growing density without colour) with the points on top, `+` where a
 * point's target is in the upper half of the targets' range and `-` where it is in the lower.
 */
import type {FitData, FitPicture, RunState, TargetPoints} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {type Cell, type SegmentRow, toSegments} from '../../kit/cells.js';
import {displayWidth, formatR2} from '../../kit/format.js';
import {type CellStyle, type ViewPalette, blend, darken} from '../../kit/palette.js';
import {word} from '../../kit/words.js';
import {Styles, cellOf, gridSampler, halfBlockCell, planeRows} from '../plane/layout.js';

/** One run's curve as the 1-D picture draws it. */
export interface CurveRun {
	readonly values: Float32Array | undefined;
	/** Its colour (colour theme) and marker (without colour, or --ascii). */
	readonly color?: string;
	readonly marker: string;
}

export interface CurveOptions {
	/** Plot size in characters. */
	readonly columns: number;
	readonly rows: number;
	readonly showTest: boolean;
	readonly palette: ViewPalette;
	/** Curves in drawing order: the last is on top. */
	readonly runs: readonly CurveRun[];
}

/** Glyphs of the data points under the curves: training and test. */
export function pointGlyphs(palette: ViewPalette): {train: string; test: string} {
	return palette.halfBlocks ? {train: '·', test: '∘'} : {train: '.', test: ':'};
}

/** Braille dot bits for pixel (x, y) of a 2 × 4 cell. */
const BRAILLE_BITS: readonly (readonly number[])[] = [
	[0x01, 0x02, 0x04, 0x40],
	[0x08, 0x10, 0x20, 0x80],
];
const BRAILLE_BASE = 0x2800;

/** The curve's value at `t` ∈ [0, 1] of its window, linearly between its samples (NaN stays NaN). */
function valueAt(values: Float32Array, t: number): number {
	const at = Math.max(0, Math.min(values.length - 1, t * (values.length - 1)));
	const k = Math.floor(at);
	const next = Math.min(values.length - 1, k + 1);
	const f = at - k;
	return values[k]! * (1 - f) + values[next]! * f;
}

/**
 * The pixels a curve covers on a width × height pixel grid (row 0 at the top): one per pixel
 * column, joined to the column before by a vertical run, so steep stretches stay connected.
 * Pixels off the grid are left out (a prediction far outside the data's range leaves the
 * picture at its edge); a non-finite value breaks the curve.
 */
export function curvePixels(values: Float32Array, bounds: FitData['bounds'], width: number, height: number): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let previous: number | null = null;
	for (let px = 0; px < width; px++) {
		const v = valueAt(values, width === 1 ? 0.5 : px / (width - 1));
		if (!Number.isFinite(v)) {
			previous = null;
			continue;
		}
		const y = Math.floor(((bounds.yMax - v) / (bounds.yMax - bounds.yMin)) * height);
		const [from, to] = previous === null ? [y, y] : y > previous ? [previous + 1, y] : y < previous ? [y, previous - 1] : [y, y];
		for (let py = Math.max(0, from); py <= Math.min(height - 1, to); py++) out.push([px, py]);
		previous = y;
	}
	return out;
}

/** Per character cell of the 1-D plot, whether a train (1) or test (2) point (x, target) falls in it (0: none); test points win. */
function pointCells(points: TargetPoints, bounds: FitData['bounds'], columns: number, rows: number, kind: 1 | 2, out: Uint8Array): void {
	for (let i = 0; i < points.targets.length; i++) {
		const cell = cellOf(points.x[i]!, points.targets[i]!, bounds, columns, rows);
		if (cell >= 0) out[cell] = Math.max(out[cell]!, kind);
	}
}

/** The 1-D picture's rows: the points, then each run's curve on top. */
export function layoutCurves(data: FitData, options: CurveOptions): SegmentRow[] {
	const {columns, rows, palette, runs} = options;
	if (columns <= 0 || rows <= 0) return [];
	const {bounds} = data;
	const braille = palette.color && palette.halfBlocks;
	const [sx, sy] = braille ? [2, 4] : [1, 1];
	const cells = columns * rows;
	// Per cell: the run drawn there (−1: none) and, in braille, each run's dots.
	const owner = new Int16Array(cells).fill(-1);
	const dots = runs.map(() => new Uint8Array(braille ? cells : 0));
	runs.forEach((run, k) => {
		if (!run.values) return;
		for (const [px, py] of curvePixels(run.values, bounds, columns * sx, rows * sy)) {
			const cell = Math.floor(py / sy) * columns + Math.floor(px / sx);
			owner[cell] = k;
			if (braille) dots[k]![cell]! |= BRAILLE_BITS[px % 2]![py % 4]!;
		}
	});
	const points = new Uint8Array(cells);
	pointCells(data.train, bounds, columns, rows, 1, points);
	if (options.showTest) pointCells(data.test, bounds, columns, rows, 2, points);
	const glyphs = pointGlyphs(palette);
	const dim: CellStyle = {dimColor: true};
	const plain: CellStyle = {};
	const styles = runs.map((run): CellStyle => (run.color ? {color: run.color} : {bold: true}));
	const out: SegmentRow[] = [];
	for (let r = 0; r < rows; r++) {
		const line: Cell[] = [];
		for (let c = 0; c < columns; c++) {
			const cell = r * columns + c;
			const k = owner[cell]!;
			if (k >= 0 && braille) {
				let bits = 0;
				for (const d of dots) bits |= d[cell]!;
				line.push({ch: String.fromCharCode(BRAILLE_BASE + bits), style: styles[k]!});
			} else if (k >= 0) line.push({ch: runs[k]!.marker, style: styles[k]!});
			else if (points[cell] === 2) line.push({ch: glyphs.test, style: plain});
			else if (points[cell] === 1) line.push({ch: glyphs.train, style: dim});
			else line.push({ch: ' ', style: plain});
		}
		out.push(toSegments(line));
	}
	return out;
}

/** A tick's value as written: `0.5`, `-1`, `250`, `1e-4` (ticks are round, so short). */
export function formatTick(value: number): string {
	const abs = Math.abs(value);
	return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(0).replace('e+', 'e') : String(Number(value.toPrecision(6)));
}

/**
 * Round values to label an axis from `min` to `max` with: a step of 1, 2 or 5 times a power of
 * ten, giving at most `count` ticks inside the range.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
	if (!(max > min) || count < 1) return [];
	const rough = (max - min) / Math.max(1, count);
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
	const ticks: number[] = [];
	for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
	return ticks;
}

/** Round x values centred under the columns they fall in (`-1   -0.5   0   0.5   1`), none overlapping. */
export function xLabels(min: number, max: number, columns: number): string {
	let line = '';
	for (const v of niceTicks(min, max, Math.max(1, Math.floor(columns / 10)))) {
		const text = formatTick(v);
		const at = Math.round(((v - min) / (max - min)) * columns - displayWidth(text) / 2);
		// The last label may lean left from the edge rather than be left out.
		const start = Math.max(Math.min(at, columns - displayWidth(text)), displayWidth(line) + (line ? 2 : 0), 0);
		if (start + displayWidth(text) > columns) break;
		line += ' '.repeat(start - displayWidth(line)) + text;
	}
	return line;
}

/** Levels of the 2-D map's scale: shades without colour, colour bands with it. */
export const MAP_LEVELS = 9;

/** The level (0 … levels − 1) of `value` on the scale from `low` to `high`; −1 for a non-finite value. */
export function levelOf(value: number, low: number, high: number, levels: number): number {
	if (!Number.isFinite(value)) return -1;
	if (!(high > low)) return Math.floor(levels / 2);
	const t = (value - low) / (high - low);
	return Math.max(0, Math.min(levels - 1, Math.floor(t * levels)));
}

/**
 * The map's colour per level: the second run colour (orange) for low values through a dark grey
 * to the first (sky blue) for high ones, darkened so the points stay visible, as TensorFlow
 * Playground shades its outputs.
 */
export function mapColors(palette: ViewPalette): string[] {
	const [high, low] = palette.points;
	if (!palette.color || !high || !low) return [];
	const mid = '#303030';
	return Array.from({length: MAP_LEVELS}, (_, k) => {
		const t = k / (MAP_LEVELS - 1);
		return t < 0.5 ? blend(darken(low, 0.35), mid, t * 2) : blend(mid, darken(high, 0.35), (t - 0.5) * 2);
	});
}

/** Shade glyphs without colour, emptiest (lowest value) first. */
export function mapShades(palette: ViewPalette): readonly string[] {
	return palette.halfBlocks ? [' ', '░', '▒', '▓', '█'] : [' ', '.', ':', '=', '#'];
}

export interface MapOptions {
	readonly columns: number;
	readonly rows: number;
	readonly showTest: boolean;
	readonly palette: ViewPalette;
}

/** At most this share of a map's cells carry a point (as on the decision boundary). */
const POINT_SHARE = 1 / 4;

/** Per character cell: +1 where the points' targets are mostly high, −1 mostly low, 0 none; test points win when shown. */
function signCells(points: TargetPoints, data: FitData, columns: number, rows: number): Int8Array {
	const {bounds, low, high} = data;
	const mid = (low + high) / 2;
	const sums = new Float64Array(columns * rows);
	const counts = new Uint16Array(columns * rows);
	// Small maps take every stride-th point only: a map buried under points shows no prediction.
	const stride = Math.max(1, Math.ceil(points.targets.length / Math.max(1, Math.floor(columns * rows * POINT_SHARE))));
	for (let i = 0; i < points.targets.length; i += stride) {
		const cell = cellOf(points.x[2 * i]!, points.x[2 * i + 1]!, bounds, columns, rows);
		if (cell < 0) continue;
		sums[cell]! += points.targets[i]! - mid;
		counts[cell]!++;
	}
	return Int8Array.from(sums, (s, k) => (counts[k] === 0 ? 0 : s >= 0 ? 1 : -1));
}

/** The 2-D picture's rows: the predicted value as a shaded map, the points on top. */
export function layoutMap(picture: Extract<FitPicture, {kind: 'map'}> | undefined, data: FitData, options: MapOptions): SegmentRow[] {
	const {columns, rows, palette} = options;
	if (columns <= 0 || rows <= 0) return [];
	const colors = mapColors(palette);
	const half = palette.color && palette.halfBlocks;
	const pixelRows = half ? 2 * rows : rows;
	const levels = palette.color ? MAP_LEVELS : mapShades(palette).length;
	const at = picture ? gridSampler(picture.width, picture.height, columns, pixelRows) : null;
	const level = (c: number, p: number): number => (picture && at ? levelOf(picture.values[at(c, p)]!, data.low, data.high, levels) : -1);
	const styles = new Styles();
	const train = signCells(data.train, data, columns, rows);
	const test = options.showTest ? signCells(data.test, data, columns, rows) : null;
	const [highColor, lowColor] = palette.points;
	return planeRows(columns, rows, half, level, (cell, upper, lower): Cell => {
		const isTest = test !== null && test[cell] !== 0;
		const sign = isTest ? test[cell]! : train[cell]!;
		if (sign !== 0) {
			const color = palette.color ? (sign > 0 ? highColor : lowColor) : undefined;
			const ch = sign > 0 ? '+' : palette.halfBlocks ? '−' : '-';
			return {ch, style: styles.get(color, lower >= 0 ? colors[lower] : undefined, !isTest, isTest && !palette.color)};
		}
		if (!palette.color) return {ch: upper < 0 ? ' ' : mapShades(palette)[upper]!, style: styles.get()};
		return halfBlockCell(colors[upper], colors[lower], palette.upperHalf, styles);
	});
}

/** `● relu  R² 0.97` or `✗ lr 5 diverged`: a run's title over its fit (the test R² when measured). */
export function fitTitle(run: RunState | undefined, index: number, marker: string, diverged: string, r2: string, language: Language): string {
	if (!run) return `${marker} ${index + 1}`;
	if (run.diverged) return `${diverged} ${run.label} ${word('diverged', language)}`;
	const score = Number.isFinite(run.testR2) ? run.testR2 : run.r2;
	return Number.isFinite(score) ? `${marker} ${run.label}  ${r2} ${formatR2(score)}` : `${marker} ${run.label}`;
}

/** The values of `shown` evenly spaced steps of the map's scale, high to low, to two digits of its range (0.98 … -0.92). */
export function scaleLabels(data: FitData, shown: number): string[] {
	const range = data.high - data.low;
	const decimals = range > 0 ? Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(range)))) : 2;
	return Array.from({length: shown}, (_, k) => {
		const value = data.high - (k / Math.max(1, shown - 1)) * range;
		const text = value.toFixed(decimals);
		return Number(text) === 0 ? (0).toFixed(decimals) : text;
	});
}
