/**
 * The backprop inspector's picture as pure data: the network as columns of units (input, each
 * layer, the output) joined by its edges, each showing the number of the phase on screen.
 *
 * What shows in each phase: live, and in the forward pass, units show their activation a and edges
 * their weight w (the forward pass reveals a layer at a time); at the loss the output shows its
 * probability p (cross-entropy); going backward units show ∂L/∂z and edges ∂L/∂w, a layer at a
 * time from the output down; at the update units show their bias's step and edges their weight's.
 *
 * Sign and size, with and without colour: positive is blue and drawn solid, negative is orange and
 * drawn dotted (units ● and ○); size, relative to the largest number of the same kind on screen,
 * is faint, plain or bold. Edges are lines in braille (2 × 4 dots per character), or ASCII strokes.
 * The selected unit or edge is drawn in inverse, on top of the others.
 */
import type {InspectPhase, StepInspection} from '../../../core/inspect.js';
import type {InspectProbe} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {type Segment, type SegmentRow, toSegments} from '../../kit/cells.js';
import {displayWidth, padEnd} from '../../kit/format.js';
import {type CellStyle, darken} from '../../kit/palette.js';
import type {Theme} from '../../kit/theme.js';
import {word} from '../../kit/words.js';
import type {Selection} from './choice.js';

export type UnitQuantity = 'a' | 'p' | 'dLdz' | 'db';
export type EdgeQuantity = 'w' | 'dLdw' | 'dw';

/** What each column shows in a phase: a unit quantity per layer of units, an edge quantity per layer of edges; null = not reached yet. */
export interface PhaseShows {
	readonly units: readonly (UnitQuantity | null)[];
	/** Index l − 1 for the edges into layer l. */
	readonly edges: readonly (EdgeQuantity | null)[];
}

/** The quantities on screen in `phase` (null: live) for a network of `depth` dense layers. */
export function phaseShows(phase: InspectPhase | null, depth: number, crossEntropy: boolean): PhaseShows {
	const layers = Array.from({length: depth + 1}, (_, l) => l);
	const dense = layers.slice(1);
	if (phase === null) return {units: layers.map(() => 'a'), edges: dense.map(() => 'w')};
	switch (phase.kind) {
		case 'forward':
			return {units: layers.map((l) => (l <= phase.layer ? 'a' : null)), edges: dense.map((l) => (l <= phase.layer ? 'w' : null))};
		case 'loss':
			return {units: layers.map((l) => (l === depth && crossEntropy ? 'p' : 'a')), edges: dense.map(() => 'w')};
		case 'backward':
			return {units: layers.map((l) => (l >= phase.layer ? 'dLdz' : 'a')), edges: dense.map((l) => (l >= phase.layer ? 'dLdw' : 'w'))};
		case 'update':
			return {units: layers.map((l) => (l === 0 ? 'a' : 'db')), edges: dense.map(() => 'dw')};
	}
}

/** A unit's number for a quantity (layer 0 has only its input a). */
export function unitValue(inspection: StepInspection, layer: number, unit: number, quantity: UnitQuantity): number {
	const u = inspection.units[layer]![unit]!;
	switch (quantity) {
		case 'a':
			return u.a;
		case 'p':
			return inspection.output.probabilities?.[unit] ?? u.a;
		case 'dLdz':
			return u.dLdz ?? Number.NaN;
		case 'db':
			return u.bias ? u.bias.next - u.bias.value : Number.NaN;
	}
}

/** An edge's number for a quantity: the edge into layer `layer` from unit `from` to unit `to`. */
export function edgeValue(inspection: StepInspection, layer: number, to: number, from: number, quantity: EdgeQuantity): number {
	const e = inspection.edges[layer - 1]![to]![from]!;
	switch (quantity) {
		case 'w':
			return e.value;
		case 'dLdw':
			return e.grad;
		case 'dw':
			return e.next - e.value;
	}
}

/** A unit's name: x1 … for the input, o1 … for the output, h1 … for the hidden layer (h2.1 … with several). */
export function unitName(layers: readonly number[], layer: number, unit: number): string {
	const depth = layers.length - 1;
	if (layer === 0) return `x${unit + 1}`;
	if (layer === depth) return `o${unit + 1}`;
	return depth === 2 ? `h${unit + 1}` : `h${layer}.${unit + 1}`;
}

/** A signed number in at most 7 columns, three significant digits: `-0.274`, `+1.00`, `0.00123` → `+1.2e-3`. */
export function compact(value: number, dash: string): string {
	if (!Number.isFinite(value)) return dash;
	if (value === 0) return '0';
	const abs = Math.abs(value);
	const sign = value < 0 ? '-' : '+';
	if (abs >= 0.01 && abs < 999.5) return sign + abs.toPrecision(3);
	const [m, e] = abs.toExponential(1).split('e') as [string, string];
	return `${sign}${m.replace(/\.0$/, '')}e${Number(e)}`;
}

/** Styles and glyphs for sign and size. */
export interface InspectorPalette {
	/** Faint, plain, bold: positive and negative. */
	readonly positive: readonly [CellStyle, CellStyle, CellStyle];
	readonly negative: readonly [CellStyle, CellStyle, CellStyle];
	/** Not reached in this phase (structure only). */
	readonly unknown: CellStyle;
	readonly header: CellStyle;
	readonly positiveUnit: string;
	readonly negativeUnit: string;
	readonly unknownUnit: string;
	readonly ascii: boolean;
}

/** Sky blue positive, orange negative (TensorFlow Playground's pair); without colour, weight only. */
export function inspectorPalette(theme: Theme): InspectorPalette {
	const ascii = theme.glyphs.ascii;
	const glyphs = {positiveUnit: ascii ? '+' : '●', negativeUnit: ascii ? '-' : '○', unknownUnit: ascii ? '.' : '·', ascii};
	if (theme.name === 'mono') {
		const weights: [CellStyle, CellStyle, CellStyle] = [{dimColor: true}, {}, {bold: true}];
		return {positive: weights, negative: weights, unknown: {dimColor: true}, header: {dimColor: true}, ...glyphs};
	}
	const levels = (c: string): [CellStyle, CellStyle, CellStyle] => [{color: darken(c, 0.5)}, {color: c}, {color: c, bold: true}];
	return {positive: levels('#56B4E9'), negative: levels('#E69F00'), unknown: {color: 'gray', dimColor: true}, header: {dimColor: true}, ...glyphs};
}

/** 0 faint, 1 plain, 2 bold: |v| against the largest of its kind on screen. */
export function sizeLevel(value: number, largest: number): 0 | 1 | 2 {
	if (!(largest > 0) || !Number.isFinite(value)) return 0;
	const r = Math.abs(value) / largest;
	return r >= 2 / 3 ? 2 : r >= 1 / 4 ? 1 : 0;
}

function styleOf(palette: InspectorPalette, value: number | null, largest: number): CellStyle {
	if (value === null || !Number.isFinite(value)) return palette.unknown;
	const set = value < 0 ? palette.negative : palette.positive;
	return set[sizeLevel(value, largest)];
}

const inverse = (style: CellStyle): CellStyle => ({...style, inverse: true});

/** Columns a unit takes: its glyph, a 7-column number and a space. */
export const UNIT_WIDTH = 9;
/** The edges between two columns take at least this many columns, at most the other. */
const MIN_BAND = 3;
const MAX_BAND = 24;

export interface NetworkGeometry {
	/** Left edge of each unit column. */
	readonly columnX: readonly number[];
	/** Row (from 0, under the header row) of each unit, per layer. */
	readonly unitRow: readonly (readonly number[])[];
	readonly band: number;
	/** Rows the units take (header excluded). */
	readonly rows: number;
	readonly width: number;
}

/** Where everything goes in `columns` × `rows` (the header row included); null when the units cannot fit. */
export function networkGeometry(layers: readonly number[], columns: number, rows: number): NetworkGeometry | null {
	const count = layers.length;
	const band = Math.min(MAX_BAND, Math.floor((columns - count * UNIT_WIDTH) / Math.max(1, count - 1)));
	const most = Math.max(...layers);
	const room = rows - 1;
	if (band < MIN_BAND || room < most) return null;
	const spacing = most <= 1 ? 1 : Math.max(1, Math.min(3, Math.floor((room - 1) / (most - 1))));
	const span = spacing * (most - 1) + 1;
	const width = count * UNIT_WIDTH + (count - 1) * band;
	const left = Math.floor((columns - width) / 2);
	return {
		columnX: layers.map((_, l) => left + l * (UNIT_WIDTH + band)),
		unitRow: layers.map((m) => {
			const offset = Math.floor((span - (spacing * (m - 1) + 1)) / 2);
			return Array.from({length: m}, (_, k) => offset + k * spacing);
		}),
		band,
		rows: span,
		width: columns,
	};
}

const BRAILLE_BASE = 0x2800;
const DOTS = [
	[0x01, 0x02, 0x04, 0x40],
	[0x08, 0x10, 0x20, 0x80],
] as const;

interface EdgeStroke {
	readonly from: number;
	readonly to: number;
	readonly value: number | null;
	readonly selected: boolean;
}

/**
 * The strokes of one band of edges, `band` × `rows` characters: each edge a line from its source
 * row on the left to its target row on the right, dotted when negative. Where lines cross, the
 * dots merge and the cell takes the style of the selected edge, else of the largest.
 */
function drawBand(strokes: readonly EdgeStroke[], fromRows: readonly number[], toRows: readonly number[], band: number, rows: number, palette: InspectorPalette, largest: number): Segment[][] {
	const ascii = palette.ascii;
	const perX = ascii ? 1 : 2;
	const perY = ascii ? 1 : 4;
	const bits = new Uint16Array(band * rows);
	const chars: string[] = Array.from({length: band * rows}, () => ' ');
	const owner = new Int32Array(band * rows).fill(-1);
	const rank = (s: EdgeStroke): number => (s.selected ? Infinity : s.value === null || !Number.isFinite(s.value) ? -1 : Math.abs(s.value));
	const order = strokes.map((_, k) => k).sort((a, b) => rank(strokes[a]!) - rank(strokes[b]!));
	for (const k of order) {
		const s = strokes[k]!;
		const dotted = s.value !== null && s.value < 0;
		const y0 = fromRows[s.from]! * perY + (perY - 1) / 2;
		const y1 = toRows[s.to]! * perY + (perY - 1) / 2;
		const dotsX = band * perX;
		let previous = Number.NaN;
		let along = 0;
		for (let dx = 0; dx < dotsX; dx++) {
			const y = Math.round(y0 + ((dx + 0.5) / dotsX) * (y1 - y0));
			const from = Number.isNaN(previous) ? y : previous + Math.sign(y - previous);
			for (let dy = Math.min(from, y); dy <= Math.max(from, y); dy++) {
				if (dotted && along++ % 2 === 1) continue;
				const cell = Math.floor(dy / perY) * band + Math.floor(dx / perX);
				if (ascii) {
					const slope = (y1 - y0) / band;
					chars[cell] = Math.abs(slope) < 0.35 ? '-' : slope > 0 ? '\\' : '/';
				} else bits[cell] = bits[cell]! | DOTS[dx % 2]![dy % 4]!;
				owner[cell] = k;
			}
			previous = y;
		}
	}
	return Array.from({length: rows}, (_, r) =>
		Array.from({length: band}, (_, c): Segment => {
			const cell = r * band + c;
			const k = owner[cell]!;
			if (k < 0) return {text: ' ', style: {}};
			const s = strokes[k]!;
			const style = styleOf(palette, s.value, largest);
			return {text: ascii ? chars[cell]! : String.fromCodePoint(BRAILLE_BASE + bits[cell]!), style: s.selected ? inverse(style) : style};
		}),
	);
}

/** The column headers: `input`, `L1`, …, `L2 out`. */
export function columnHeader(layer: number, depth: number, language: Language): string {
	if (layer === 0) return language === 'ko' ? '입력' : 'input';
	return layer === depth ? `L${layer} ${language === 'ko' ? '출력' : 'out'}` : `L${layer}`;
}

export interface NetworkPicture {
	readonly rows: readonly SegmentRow[];
}

/** The picture, `columns` wide and `rows` tall at most (header row first); null when the network does not fit. */
export function layoutNetwork(
	inspection: StepInspection,
	shows: PhaseShows,
	selection: Selection,
	{columns, rows, palette, language, dash}: {readonly columns: number; readonly rows: number; readonly palette: InspectorPalette; readonly language: Language; readonly dash: string},
): NetworkPicture | null {
	const layers = inspection.layers;
	const depth = layers.length - 1;
	const geometry = networkGeometry(layers, columns, rows);
	if (!geometry) return null;
	const {columnX, unitRow, band} = geometry;
	// The largest of each kind on screen sets the sizes.
	const largestUnit = new Map<UnitQuantity, number>();
	const largestEdge = new Map<EdgeQuantity, number>();
	layers.forEach((m, l) => {
		const q = shows.units[l];
		if (q) for (let k = 0; k < m; k++) largestUnit.set(q, Math.max(largestUnit.get(q) ?? 0, Math.abs(unitValue(inspection, l, k, q)) || 0));
		const e = l > 0 ? shows.edges[l - 1] : null;
		if (e) for (let to = 0; to < m; to++) for (let from = 0; from < layers[l - 1]!; from++) largestEdge.set(e, Math.max(largestEdge.get(e) ?? 0, Math.abs(edgeValue(inspection, l, to, from, e)) || 0));
	});
	// Each row as cells, one string per column.
	const grid: Segment[][] = Array.from({length: geometry.rows + 1}, () => Array.from({length: columns}, (): Segment => ({text: ' ', style: {}})));
	const put = (row: number, x: number, text: string, style: CellStyle) => {
		let at = x;
		for (const ch of text) {
			const wide = displayWidth(ch);
			if (at + wide > columns) break;
			if (at >= 0) grid[row]![at] = {text: ch, style};
			// A wide character covers the next cell too: it draws nothing of its own.
			for (let k = 1; k < wide; k++) grid[row]![at + k] = {text: '', style};
			at += wide;
		}
	};
	layers.forEach((_, l) => put(0, columnX[l]!, padEnd(columnHeader(l, depth, language), UNIT_WIDTH, ''), palette.header));
	for (let l = 1; l <= depth; l++) {
		const quantity = shows.edges[l - 1] ?? null;
		const strokes: EdgeStroke[] = [];
		for (let to = 0; to < layers[l]!; to++) {
			for (let from = 0; from < layers[l - 1]!; from++) {
				const selected = selection.kind === 'edge' && selection.layer === l && selection.to === to && selection.from === from;
				strokes.push({from, to, value: quantity ? edgeValue(inspection, l, to, from, quantity) : null, selected});
			}
		}
		const cells = drawBand(strokes, unitRow[l - 1]!, unitRow[l]!, band, geometry.rows, palette, (quantity && largestEdge.get(quantity)) || 0);
		const x = columnX[l - 1]! + UNIT_WIDTH;
		cells.forEach((row, r) => row.forEach((cell, c) => cell.text !== ' ' && (grid[r + 1]![x + c] = cell)));
	}
	layers.forEach((m, l) => {
		const quantity = shows.units[l] ?? null;
		for (let k = 0; k < m; k++) {
			const value = quantity ? unitValue(inspection, l, k, quantity) : null;
			const selected = selection.kind === 'unit' && selection.layer === l && selection.unit === k;
			const style = styleOf(palette, value, (quantity && largestUnit.get(quantity)) || 0);
			const glyph = value === null || !Number.isFinite(value) ? palette.unknownUnit : value < 0 ? palette.negativeUnit : palette.positiveUnit;
			const number = value === null ? '' : compact(value, dash);
			// The input's glyph on its right, where its edges leave; the others' on the left, where theirs arrive.
			const text = l === 0 ? ` ${number.padStart(UNIT_WIDTH - 2)}${glyph}` : `${glyph}${number} `;
			put(unitRow[l]![k]! + 1, columnX[l]!, text, selected ? inverse(style) : style);
		}
	});
	return {rows: grid.map((row) => toSegments(row.map((s) => ({ch: s.text, style: s.style}))))};
}

/**
 * The panel's title: `backprop inspector · hidden layer · next step 214 · example 4/32 · mini-batch`.
 * The step only while paused: live, the look trails the status line by a probe's interval.
 */
export function inspectorTitle(label: string | undefined, probe: InspectProbe | null, paused: boolean, language: Language, separator: string): string {
	const parts = [word('inspector', language), ...(label ? [label] : [])];
	if (probe && probe.inspection.kind === 'step') {
		const next = probe.step + 1;
		if (paused) parts.push(language === 'ko' ? `다음 스텝 ${next}` : `next step ${next}`);
		parts.push(`${word('example', language)} ${probe.row + 1}/${probe.batchRows}`, word(probe.alone ? 'oneExample' : 'miniBatch', language));
	}
	return parts.join(` ${separator} `);
}
