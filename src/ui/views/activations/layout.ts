/**
 * A small plot of an activation f and its derivative f′ over [−6, 6] on a shared y range, in
 * braille (2 × 4 dots per character) or, for --ascii, one sample per character. The largest f′
 * is marked where it happens; values off the y range are left out (not clamped, which would
 * draw a false plateau).
 */
import {ACTIVATION_NAMES, type Activation} from '../../../core/activations.js';
import {formatSci} from '../../kit/format.js';
import type {Role} from '../../kit/theme.js';

/** What a character of the plot shows; the view maps each kind to a style. */
export type PlotKind = 'blank' | 'axis' | 'f' | 'derivative' | 'peak';

export interface PlotCell {
	readonly ch: string;
	readonly kind: PlotKind;
}

export interface PlotOptions {
	readonly columns: number;
	readonly rows: number;
	readonly ascii: boolean;
}

/** The window every activation is drawn in: the same y range for all, so f′ compares across plots. */
export const PLOT_X: readonly [number, number] = [-6, 6];
export const PLOT_Y: readonly [number, number] = [-1.25, 1.25];

const BRAILLE_BASE = 0x2800;
/** Braille dot bits by [column][row] within a character. */
const DOTS = [
	[0x01, 0x02, 0x04, 0x40],
	[0x08, 0x10, 0x20, 0x80],
] as const;

/** f and f′ sampled at `n` evenly spaced x (cell centres) across PLOT_X. */
export function sampleActivation(act: Activation, n: number): {x: number[]; f: number[]; derivative: number[]} {
	const x: number[] = [];
	const f: number[] = [];
	const derivative: number[] = [];
	for (let k = 0; k < n; k++) {
		const z = PLOT_X[0] + ((k + 0.5) / n) * (PLOT_X[1] - PLOT_X[0]);
		const y = act.value(z);
		x.push(z);
		f.push(y);
		derivative.push(act.derivative(z, y));
	}
	return {x, f, derivative};
}

/** The index of the largest value; the middle of a plateau (relu′ = 1 for every x > 0). */
export function peakIndex(values: readonly number[]): number {
	const max = Math.max(...values);
	const at = values.flatMap((v, k) => (Math.abs(v - max) <= 1e-9 * Math.max(1, Math.abs(max)) ? [k] : []));
	return at[Math.floor((at.length - 1) / 2)] ?? 0;
}

/** The unclamped sub-row (0 at the top) of value `y` on a plot `subRows` tall. */
const subRow = (y: number, subRows: number): number => ((PLOT_Y[1] - y) / (PLOT_Y[1] - PLOT_Y[0])) * subRows;

/** The plot's characters, `rows` × `columns`. */
export function plotActivation(act: Activation, {columns, rows, ascii}: PlotOptions): PlotCell[][] {
	if (columns <= 0 || rows <= 0) return [];
	const perX = ascii ? 1 : 2;
	const perY = ascii ? 1 : 4;
	const subRows = rows * perY;
	const samples = sampleActivation(act, columns * perX);
	// Bit layers per character: f, f′ and the y = 0 axis.
	const layers = {f: new Uint16Array(columns * rows), derivative: new Uint16Array(columns * rows), axis: new Uint16Array(columns * rows)};
	const set = (layer: Uint16Array, sx: number, sy: number) => {
		if (sy < 0 || sy >= subRows) return;
		const k = Math.floor(sy / perY) * columns + Math.floor(sx / perX);
		layer[k] = layer[k]! | (ascii ? 1 : DOTS[sx % 2]![sy % 4]!);
	};
	const draw = (layer: Uint16Array, values: readonly number[]) => {
		let previous = Number.NaN;
		values.forEach((v, sx) => {
			const row = Math.floor(subRow(v, subRows));
			if (!Number.isFinite(row)) return void (previous = Number.NaN);
			// Join to the previous sample so steep stretches stay connected (empty when both are off the plot on one side).
			const from = Number.isNaN(previous) ? row : previous;
			for (let r = Math.max(0, Math.min(from, row)); r <= Math.min(subRows - 1, Math.max(from, row)); r++) set(layer, sx, r);
			previous = row;
		});
	};
	const zero = Math.floor(subRow(0, subRows));
	for (let sx = 0; sx < columns * perX; sx++) set(layers.axis, sx, zero);
	draw(layers.f, samples.f);
	draw(layers.derivative, samples.derivative);
	const peak = peakIndex(samples.derivative);
	const peakRow = Math.floor(subRow(samples.derivative[peak]!, subRows));
	const peakCell = peakRow >= 0 && peakRow < subRows ? Math.floor(peakRow / perY) * columns + Math.floor(peak / perX) : -1;
	const glyph = (bits: number, fallback: string) => (ascii ? fallback : String.fromCodePoint(BRAILLE_BASE + bits));
	const out: PlotCell[][] = [];
	for (let r = 0; r < rows; r++) {
		const row: PlotCell[] = [];
		for (let c = 0; c < columns; c++) {
			const k = r * columns + c;
			const f = layers.f[k]!;
			const d = layers.derivative[k]!;
			if (k === peakCell) row.push({ch: ascii ? '^' : '◆', kind: 'peak'});
			else if (d !== 0) row.push({ch: glyph(d | f, f !== 0 ? '#' : '+'), kind: 'derivative'});
			else if (f !== 0) row.push({ch: glyph(f, '*'), kind: 'f'});
			else if (layers.axis[k] !== 0) row.push({ch: glyph(layers.axis[k]!, '-'), kind: 'axis'});
			else row.push({ch: ' ', kind: 'blank'});
		}
		out.push(row);
	}
	return out;
}

/** `0.25¹⁰` (or `0.25^10` in ASCII): the base and the depth as an exponent. */
export function powerText(base: string, depth: number, ascii: boolean): string {
	if (ascii) return `${base}^${depth}`;
	const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
	return base + [...String(depth)].map((d) => superscripts[Number(d)]).join('');
}

/** 0.25, 1, 1.13: the largest f′ in three significant digits. */
export function formatMax(value: number): string {
	return String(Number(value.toPrecision(3)));
}

/** (max f′)^d as text: `1` exactly, three digits in [0.001, 1000), scientific outside. */
export function formatFactor(value: number): string {
	if (value === 1) return '1';
	if (value >= 1e-3 && value < 1e3) return String(Number(value.toPrecision(3)));
	return formatSci(value);
}

/** How the factor reads: vanishing (bad), exploding (warn), or fine. */
export function factorRole(value: number): Role {
	if (value < 1e-3) return 'bad';
	if (value > 1e3) return 'warn';
	return 'good';
}

/** The explorer's grid: 4 × 2 cells (2 × 4 when narrow), a key line under them when there is room. */
export function explorerGrid(width: number, height: number): {across: number; down: number; cellWidth: number; cellHeight: number; key: boolean} {
	const across = width >= 4 * 16 + 3 ? 4 : 2;
	const down = Math.ceil(ACTIVATION_NAMES.length / across);
	const key = height - 1 >= down * 5;
	return {across, down, cellWidth: Math.floor((width - (across - 1)) / across), cellHeight: Math.max(2, Math.floor((height - (key ? 1 : 0)) / down)), key};
}
