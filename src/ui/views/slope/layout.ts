/**
 * The slope view as pure data: the loss along one line through a run's parameters (core/slope.ts)
 * plotted in braille (2 × 4 dots per character; one sample per character for --ascii) with the
 * tangent at the current point, the point itself and where the optimizer's step lands; under it
 * the step as an arrow along the x axis, the axis's values, and the numbers.
 */
import type {LossSlice, ParamRef} from '../../../core/slope.js';
import type {Language} from '../../../scenarios/types.js';
import {asciiText} from '../../kit/ascii.js';
import {formatValue} from '../../kit/format.js';
import {isOverflow} from '../../../records/numbers.js';
import {word} from '../../kit/words.js';
import type {SlopeChoice} from './choice.js';

/** The narrowest tile: a plot a class can read, and its numbers. */
export const MIN_TILE = 25;
/** Between tiles side by side. */
export const GAP = 1;

/** How many runs fit side by side in `width` columns, and each tile's width. */
export function slopeTiles(count: number, width: number): {across: number; width: number} {
	const across = Math.max(1, Math.min(count, Math.floor((width + GAP) / (MIN_TILE + GAP))));
	return {across, width: Math.floor((width - GAP * (across - 1)) / across)};
}

/** The runs the view shows (and the worker slices): the focused one, else as many as fit, from the first. */
export function slopeRuns(focus: number | null, count: number, width: number): number[] {
	if (focus !== null && focus < count) return [focus];
	return Array.from({length: Math.min(count, slopeTiles(count, width).across)}, (_, k) => k);
}

/** What a character of the plot shows; the view maps each kind to a style. */
export type SlopeKind = 'blank' | 'curve' | 'tangent' | 'now' | 'down' | 'up';

export interface SlopeCell {
	readonly ch: string;
	readonly kind: SlopeKind;
}

export interface SlopeGlyphs {
	readonly ascii: boolean;
}

const BRAILLE_BASE = 0x2800;
/** Braille dot bits by [column][row] within a character. */
const DOTS = [
	[0x01, 0x02, 0x04, 0x40],
	[0x08, 0x10, 0x20, 0x80],
] as const;

/** The y range the plot shows: every finite loss on the curve and at the landing point, with a little room. */
export function lossRange(slice: LossSlice): {lo: number; hi: number} {
	const values = [...slice.losses, slice.loss0, slice.step.lossOnCurve].filter((v) => Number.isFinite(v));
	if (values.length === 0) return {lo: 0, hi: 1};
	let lo = Math.min(...values);
	let hi = Math.max(...values);
	const room = (hi - lo) * 0.06 || Math.max(1e-12, Math.abs(hi) * 1e-3);
	lo -= room;
	hi += room;
	return {lo, hi};
}

/** The loss on the sampled curve at `x`, between samples linearly. */
function curveAt(slice: LossSlice, x: number): number {
	const {xs, losses} = slice;
	const last = xs.length - 1;
	const t = ((x - xs[0]!) / (xs[last]! - xs[0]!)) * last;
	const k = Math.max(0, Math.min(last - 1, Math.floor(t)));
	const f = t - k;
	return losses[k]! * (1 - f) + losses[k + 1]! * f;
}

/**
 * The plot, `rows` × `columns`: the curve (solid), its tangent at the current point (dotted, where
 * it stays inside the y range), the point (● / O) and the landing point of the step (◆ / @), `down`
 * when the step lowers the loss along the line and `up` when it jumps past the dip to higher ground.
 */
export function plotSlice(slice: LossSlice, columns: number, rows: number, {ascii}: SlopeGlyphs): SlopeCell[][] {
	if (columns <= 0 || rows <= 0) return [];
	const perX = ascii ? 1 : 2;
	const perY = ascii ? 1 : 4;
	const dotsX = columns * perX;
	const dotsY = rows * perY;
	const {lo, hi} = lossRange(slice);
	const x0 = slice.xs[0]!;
	const x1 = slice.xs.at(-1)!;
	const xAt = (dx: number): number => x0 + ((dx + 0.5) / dotsX) * (x1 - x0);
	const dotRow = (y: number): number => Math.floor(((hi - y) / (hi - lo)) * dotsY);
	const curve = new Uint16Array(columns * rows);
	const tangent = new Uint16Array(columns * rows);
	const set = (layer: Uint16Array, dx: number, dy: number): void => {
		if (dy < 0 || dy >= dotsY || dx < 0 || dx >= dotsX) return;
		const k = Math.floor(dy / perY) * columns + Math.floor(dx / perX);
		layer[k] = layer[k]! | (ascii ? 1 : DOTS[dx % 2]![dy % 4]!);
	};
	let previous = Number.NaN;
	for (let dx = 0; dx < dotsX; dx++) {
		const row = dotRow(curveAt(slice, xAt(dx)));
		if (!Number.isFinite(row)) {
			previous = Number.NaN;
			continue;
		}
		// Joined to the previous column so steep walls stay connected.
		const from = Number.isNaN(previous) ? row : previous;
		for (let r = Math.min(from, row); r <= Math.max(from, row); r++) set(curve, dx, r);
		previous = row;
	}
	if (Number.isFinite(slice.slope)) {
		for (let dx = 0; dx < dotsX; dx += 2) set(tangent, dx, dotRow(slice.loss0 + slice.slope * (xAt(dx) - slice.x0)));
	}
	const cellOf = (x: number, y: number): number => {
		const c = Math.floor(((x - x0) / (x1 - x0)) * columns);
		const r = Math.floor(((hi - y) / (hi - lo)) * rows);
		return Number.isFinite(c) && Number.isFinite(r) && c >= 0 && c < columns && r >= 0 && r < rows ? r * columns + c : -1;
	};
	const now = cellOf(slice.x0, slice.loss0);
	const landing = cellOf(slice.step.x, slice.step.lossOnCurve);
	const glyph = (bits: number, fallback: string): string => (ascii ? fallback : String.fromCodePoint(BRAILLE_BASE + bits));
	const out: SlopeCell[][] = [];
	for (let r = 0; r < rows; r++) {
		const row: SlopeCell[] = [];
		for (let c = 0; c < columns; c++) {
			const k = r * columns + c;
			if (k === now) row.push({ch: ascii ? 'O' : '●', kind: 'now'});
			else if (k === landing) row.push({ch: ascii ? '@' : '◆', kind: slice.step.lossOnCurve > slice.loss0 ? 'up' : 'down'});
			else if (curve[k]) row.push({ch: glyph(curve[k]! | tangent[k]!, '*'), kind: 'curve'});
			else if (tangent[k]) row.push({ch: glyph(tangent[k]!, '.'), kind: 'tangent'});
			else row.push({ch: ' ', kind: 'blank'});
		}
		out.push(row);
	}
	return out;
}

/** The column of `x` on an axis `columns` wide over the slice's x range. */
function columnOf(slice: LossSlice, x: number, columns: number): number {
	const x0 = slice.xs[0]!;
	const x1 = slice.xs.at(-1)!;
	return Math.max(0, Math.min(columns - 1, Math.floor(((x - x0) / (x1 - x0)) * columns)));
}

/** The axis under the plot with the step drawn on it: `────●━━━━▶───` from the current x to where the step lands. */
export function stepAxis(slice: LossSlice, columns: number, {ascii}: SlopeGlyphs): {rule: string; from: number; to: number; arrow: string} {
	const from = columnOf(slice, slice.x0, columns);
	const to = columnOf(slice, slice.step.x, columns);
	const rule = (ascii ? '-' : '─').repeat(columns);
	let arrow: string;
	if (to === from) arrow = ascii ? '|' : '│';
	else {
		const body = (ascii ? '=' : '━').repeat(Math.abs(to - from));
		arrow = to > from ? `${body}${ascii ? '>' : '▶'}` : `${ascii ? '<' : '◀'}${body}`;
	}
	return {rule, from: Math.min(from, to), to: Math.max(from, to), arrow};
}

/**
 * A number for the axis and the readouts: three significant digits, a sign only when negative;
 * past float32's range `overflow`, as the legend says it (records/numbers.ts), not `8.6e+253`.
 */
export function short(value: number, dash: string, overflow?: string): string {
	return formatValue(value, dash, overflow);
}

/** A signed number: `+0.0641`, `-0.52`. */
export function signed(value: number, dash: string, overflow?: string): string {
	const text = formatValue(value, dash, overflow);
	return Number.isFinite(value) && value > 0 && !isOverflow(value) ? `+${text}` : text;
}

/** The x axis's values: the ends of the range, and the current x where it does not touch them. */
export function xLabels(slice: LossSlice, columns: number, dash: string, overflow?: string): string {
	const left = short(slice.xs[0]!, dash, overflow);
	const right = short(slice.xs.at(-1)!, dash, overflow);
	const middle = short(slice.x0, dash, overflow);
	let line = left.padEnd(columns);
	const at = Math.max(0, Math.min(columns - middle.length, columnOf(slice, slice.x0, columns) - Math.floor(middle.length / 2)));
	if (at > left.length && at + middle.length < columns - right.length) line = line.slice(0, at) + middle + line.slice(at + middle.length);
	if (right.length + left.length < columns) line = line.slice(0, columns - right.length) + right;
	return line.slice(0, columns);
}

/** The moved parameter's name: `w(h3→o1)` in layer terms, `b(o1)` for a bias. */
export function paramName(param: ParamRef, layers: readonly number[], ascii: boolean): string {
	const depth = layers.length - 1;
	const unit = (l: number, k: number): string => (l === 0 ? `x${k + 1}` : l === depth ? `o${k + 1}` : depth === 2 ? `h${k + 1}` : `h${l}.${k + 1}`);
	const arrow = ascii ? '->' : '→';
	if (param.from === null) return `b(${unit(param.layer + 1, param.to)})`;
	return `w(${unit(param.layer, param.from)}${arrow}${unit(param.layer + 1, param.to)})`;
}

/**
 * The numbers under a plot, most telling first: the slope (the tangent's, ∂L/∂w from the backward
 * pass), where the step takes the x, and the loss there on the curve (↓ lower, ↑ higher: a step
 * past the dip).
 */
export function readouts(slice: LossSlice, lr: number, language: Language, ascii: boolean, dash: string): string[] {
	const d = ascii ? 'd' : '∂';
	const arrow = ascii ? '->' : '→';
	const over = word('overflow', language);
	const slope = `${slice.mode === 'weight' ? `${d}L/${d}w` : language === 'ko' ? '기울기' : 'slope'} ${signed(slice.slope, dash, over)}`;
	const x = slice.mode === 'weight' ? 'w' : ascii ? 'alpha' : 'α';
	const up = slice.step.lossOnCurve > slice.loss0;
	const mark = up ? (ascii ? '^' : '↑') : ascii ? 'v' : '↓';
	const lines = [
		`${slope}  lr ${Number.isFinite(lr) ? String(Number(lr.toPrecision(6))) : dash}`,
		`${x} ${short(slice.x0, dash, over)} ${arrow} ${short(slice.step.x, dash, over)}`,
		`L ${short(slice.loss0, dash, over)} ${arrow} ${short(slice.step.lossOnCurve, dash, over)} ${mark}`,
	];
	return lines;
}

/** What the plot's marks mean, as one line; the tangent's slope is ∂L/∂w only along one weight. */
export function slopeKey(language: Language, ascii: boolean, mode: LossSlice['mode']): string {
	const [now, step, tangent, arrow] = ascii ? ['O', '@', '...', '=>'] : ['●', '◆', '⠂⠂⠂', '━▶'];
	const d = ascii ? 'd' : '∂';
	const slope = mode === 'weight' ? ` ${d}L/${d}w` : '';
	return language === 'ko'
		? `${now} 지금  ${step} 스텝 뒤  ${tangent} 접선 (기울기${slope})  ${arrow} 옵티마이저의 스텝`
		: `${now} now  ${step} after the step  ${tangent} tangent (slope${slope})  ${arrow} the optimizer's step`;
}

/** The panel's title: `slope · loss along the steepest weight`. */
export function slopeTitle(choice: SlopeChoice, language: Language, separator: string): string {
	const along = choice.mode === 'gradient' ? 'alongGradient' : choice.mode === 'random' ? 'alongRandom' : choice.param ? 'alongChosen' : 'alongSteepest';
	return `${word('slope', language)} ${separator} ${word(along, language)}`;
}

/** The same, spelled in ASCII for --ascii (−∇L → -grad L). */
export function asciiSlopeTitle(choice: SlopeChoice, language: Language, separator: string, ascii: boolean): string {
	const title = slopeTitle(choice, language, separator);
	return ascii ? asciiText(title) : title;
}
