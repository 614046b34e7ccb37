/**
 * The images view as pure data: a few test images drawn with half-blocks (two pixels a cell),
 * each with its true class and every run's predicted class beside it, and under them a confusion
 * matrix per run (rows: true class, columns: predicted). When the images and the matrices do not
 * fit one above the other, the images stand to the left of the matrices. Matrices that do not fit
 * are paged like the gradient bars: a line under the matrices names them and the keys (`[` `]`
 * single out one run, its matrix alone).
 */
import {NO_CLASS} from '../../../core/probe.js';
import type {ImagePredictions, ImageSamples} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {type Cell, type Segment, type SegmentRow, toSegments} from '../../kit/cells.js';
import {displayWidth, truncate} from '../../kit/format.js';
import {blend, type CellStyle} from '../../kit/palette.js';
import {moreText, word} from '../../kit/words.js';

/** One run as the images view draws it. */
export interface ImageRun {
	readonly marker: string;
	readonly label: string;
	readonly color: string | undefined;
	/** Absent until the first probe. */
	readonly predictions: ImagePredictions | undefined;
}

/** How pixels become characters: grey half-blocks, black-and-white half-blocks, or ASCII shades. */
export type ImageInk = 'grey' | 'blocks' | 'ascii';

export interface ImagesOptions {
	readonly columns: number;
	readonly rows: number;
	readonly ink: ImageInk;
	/** The run singled out: its matrix alone, its guesses bold, the others' dim; or null. */
	readonly focus: number | null;
	/** Off-diagonal counts (mistakes): the theme's colour for bad news, or nothing without colour. */
	readonly mistake: CellStyle;
	/** The vertical rule between matrices (│, or | in ASCII). */
	readonly rule: string;
	/** A zero count, and a guess not made yet (·, or . in ASCII). */
	readonly zero: string;
	/** For the line naming the runs whose matrices do not fit. */
	readonly language: Language;
	readonly separator: string;
	readonly ellipsis: string;
}

/** Columns between image tiles and between matrices. */
const GAP = 2;
/** Brightness above which a pixel is ink without greys. */
const INK = 0.4;
/** ASCII shades from empty to full, by the mean of a cell's two pixels. */
const ASCII_SHADES = [' ', '.', ':', '+', '#'] as const;
/** Grey levels of the colour half-blocks (few, so cells of one style merge). */
const GREYS = 9;

const PLAIN: CellStyle = {};
const DIM: CellStyle = {dimColor: true};
/** A blank row (a space: an empty one would take no height on screen). */
const BLANK: Segment[] = [{text: ' ', style: PLAIN}];

/** The character and style of the cell holding pixels `upper` and `lower` (0 … 1). */
export function pixelCell(upper: number, lower: number, ink: ImageInk): Cell {
	if (ink === 'ascii') return {ch: ASCII_SHADES[Math.min(4, Math.round(((upper + lower) / 2) * 4))]!, style: PLAIN};
	if (ink === 'blocks') return {ch: upper > INK ? (lower > INK ? '█' : '▀') : lower > INK ? '▄' : ' ', style: PLAIN};
	const grey = (v: number) => blend('#000000', '#ffffff', Math.round(Math.min(1, Math.max(0, v)) * (GREYS - 1)) / (GREYS - 1));
	return {ch: '▀', style: {color: grey(upper), backgroundColor: grey(lower)}};
}

/** Runs in the order they are shown: the one singled out alone, else all of them. */
export function shownRuns(count: number, focus: number | null): number[] {
	return focus !== null && focus < count ? [focus] : Array.from({length: count}, (_, k) => k);
}

/** Columns one matrix cell takes: the widest count (or class name, and at least two digits, so the matrix keeps its width while counts grow) and a space before it. */
function matrixCellWidth(samples: ImageSamples, runs: readonly ImageRun[]): number {
	let widest = 2;
	for (const run of runs) for (const n of run.predictions?.confusion ?? []) widest = Math.max(widest, String(n).length);
	for (const name of samples.classNames) widest = Math.max(widest, name.length);
	return widest + 1;
}

/** A confusion matrix's size: a corner/label column, then a cell per class; a header row, then a row per class. */
export function matrixSize(samples: ImageSamples, runs: readonly ImageRun[]): {width: number; height: number; cell: number; label: number} {
	const label = Math.max(2, ...samples.classNames.map((n) => n.length + 1));
	const cell = matrixCellWidth(samples, runs);
	const classes = samples.classNames.length;
	return {width: label + classes * cell, height: classes + 1, cell, label};
}

/** Columns between matrices: a rule with a space each side. */
const RULE_GAP = 3;

/** How many of `shown` runs' matrices fit side by side in `columns`. */
export function matricesThatFit(columns: number, matrixWidth: number, shown: number): number {
	return Math.min(shown, Math.max(0, Math.floor((columns + RULE_GAP) / (matrixWidth + RULE_GAP))));
}

/** One run's matrix as rows of cells (width × height of matrixSize). */
function matrixRows(samples: ImageSamples, run: ImageRun, size: ReturnType<typeof matrixSize>, o: ImagesOptions): Segment[][] {
	const names = samples.classNames;
	const classes = names.length;
	const own: CellStyle = run.color ? {color: run.color, bold: true} : {bold: true};
	const pad = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length)) + text;
	const header: Segment[] = [{text: run.marker, style: own}, {text: pad('', size.label - 1), style: PLAIN}, {text: names.map((n) => pad(n, size.cell)).join(''), style: DIM}];
	const rows: Segment[][] = [header];
	const counts = run.predictions?.confusion;
	for (let t = 0; t < classes; t++) {
		const cells: Segment[] = [{text: pad(names[t]!, size.label - 1) + ' ', style: DIM}];
		for (let p = 0; p < classes; p++) {
			const n = counts?.[t * classes + p] ?? 0;
			const style = n === 0 ? DIM : t === p ? own : o.mistake;
			cells.push({text: pad(n === 0 ? o.zero : String(n), size.cell), style});
		}
		rows.push(cells);
	}
	return rows;
}

/** A tile: one image and, to its right, its true class and each shown run's guess. */
function tileRows(samples: ImageSamples, image: number, runs: readonly ImageRun[], shown: readonly number[], o: ImagesOptions, infoWidth: number, height: number): Segment[][] {
	const {width: w, height: h, pixels} = samples;
	const at = (r: number, c: number) => (r < h ? pixels[image * w * h + r * w + c]! : 0);
	const label = samples.labels[image]!;
	const rows: Segment[][] = [];
	for (let line = 0; line < height; line++) {
		const cells: Cell[] = [];
		for (let c = 0; c < w; c++) cells.push(line < Math.ceil(h / 2) ? pixelCell(at(2 * line, c), at(2 * line + 1, c), o.ink) : {ch: ' ', style: PLAIN});
		const segments = toSegments(cells);
		segments.push({text: ' ', style: PLAIN});
		let info: Segment[];
		if (line === 0) info = [{text: ` ${samples.classNames[label] ?? label}`, style: {bold: true}}];
		else {
			const k = shown[line - 1];
			const run = k === undefined ? undefined : runs[k];
			if (k === undefined || !run) info = [];
			else {
				const guess = run.predictions?.predicted[image];
				const name = guess === undefined || guess === NO_CLASS ? o.zero : (samples.classNames[guess] ?? String(guess));
				const wrong = guess !== undefined && guess !== NO_CLASS && guess !== label;
				const style: CellStyle = {...(run.color ? {color: run.color} : {}), ...(wrong ? {inverse: true} : {}), ...(k === o.focus ? {bold: true} : {})};
				info = [{text: `${run.marker}${name}`, style}];
			}
		}
		const used = info.reduce((n, s) => n + s.text.length, 0);
		rows.push([...segments, ...info, {text: ' '.repeat(Math.max(0, infoWidth - used)), style: PLAIN}]);
	}
	return rows;
}

/** Rows of blocks laid side by side, GAP columns apart (or ` │ ` between matrices), each block `widths[k]` wide. */
function sideBySide(blocks: readonly Segment[][][], widths: readonly number[], height: number, rule?: string): Segment[][] {
	const out: Segment[][] = [];
	for (let r = 0; r < height; r++) {
		const row: Segment[] = [];
		blocks.forEach((block, k) => {
			if (k > 0) row.push(rule === undefined ? {text: ' '.repeat(GAP), style: PLAIN} : {text: ` ${rule} `, style: DIM});
			const part = block[r] ?? [];
			const used = part.reduce((n, s) => n + displayWidth(s.text), 0);
			row.push(...part, ...(used < widths[k]! ? [{text: ' '.repeat(widths[k]! - used), style: PLAIN}] : []));
		});
		out.push(row);
	}
	return out;
}

/** The tiles that fit `columns` × `rows`, row by row. */
function tileGrid(samples: ImageSamples, runs: readonly ImageRun[], shown: readonly number[], o: ImagesOptions, columns: number, rows: number): Segment[][] {
	const infoWidth = 1 + Math.max(...samples.classNames.map((n) => n.length), 1);
	const tileWidth = samples.width + 1 + infoWidth;
	const guesses = Math.min(shown.length, Math.max(Math.ceil(samples.height / 2), rows) - 1);
	const tileHeight = Math.max(Math.ceil(samples.height / 2), 1 + guesses);
	const across = Math.floor((columns + GAP) / (tileWidth + GAP));
	const down = Math.floor((rows + 1) / (tileHeight + 1));
	const count = samples.labels.length;
	const out: Segment[][] = [];
	for (let d = 0; d < down && d * across < count; d++) {
		if (d > 0) out.push(BLANK);
		const images = Array.from({length: Math.min(across, count - d * across)}, (_, a) => d * across + a);
		const tiles = images.map((image) => tileRows(samples, image, runs, shown.slice(0, guesses), o, infoWidth, tileHeight));
		out.push(...sideBySide(tiles, tiles.map(() => tileWidth), tileHeight));
	}
	return out;
}

/**
 * How many matrices stand beside the images when the two do not fit one above the other: as many
 * as fit, less one at a time until a column of images fits too (the images are the point).
 */
function besideFit(samples: ImageSamples, runs: readonly ImageRun[], o: Pick<ImagesOptions, 'columns'>, shown: number): number {
	const size = matrixSize(samples, runs);
	const tileWidth = samples.width + 2 + Math.max(1, ...samples.classNames.map((n) => n.length));
	let fit = matricesThatFit(o.columns, size.width, shown);
	while (fit > 1 && o.columns - (fit * (size.width + RULE_GAP) - RULE_GAP + GAP) < tileWidth) fit--;
	return fit;
}

/**
 * Whether the images stand above the matrices (when a row of images fits over them, and over the
 * line naming the runs left out, if any) or beside them; and how many matrices are drawn.
 */
function arrange(samples: ImageSamples, runs: readonly ImageRun[], o: Pick<ImagesOptions, 'columns' | 'rows'>, shown: number): {above: boolean; fit: number} {
	const size = matrixSize(samples, runs);
	const across = matricesThatFit(o.columns, size.width, shown);
	const more = across < shown ? 1 : 0;
	if (o.rows - size.height - more >= Math.ceil(samples.height / 2)) return {above: true, fit: across};
	return {above: false, fit: besideFit(samples, runs, o, shown)};
}

/** The line under the matrices when some do not fit: how many, the keys, then their runs (cut first). */
function moreLine(runs: readonly ImageRun[], hidden: readonly number[], width: number, o: ImagesOptions): Segment[] {
	const names = hidden.map((k) => `${runs[k]!.marker} ${runs[k]!.label}`).join(', ');
	const text = `${moreText(hidden.length, 'runs', o.language)} ${o.separator} [ ] ${word('pickRun', o.language)}: ${names}`;
	return [{text: truncate(text, width, o.ellipsis), style: DIM}];
}

/** The view's rows, at most `columns` wide and `rows` tall; empty before the images arrive. */
export function layoutImages(samples: ImageSamples | null, runs: readonly ImageRun[], o: ImagesOptions): SegmentRow[] {
	if (!samples || o.columns <= 0 || o.rows <= 0) return [];
	const shown = shownRuns(runs.length, o.focus);
	const size = matrixSize(samples, runs);
	const {above, fit} = arrange(samples, runs, o, shown.length);
	const matrices = shown.slice(0, fit).map((k) => matrixRows(samples, runs[k]!, size, o));
	const matrixBlock = sideBySide(matrices, matrices.map(() => size.width), matrices.length > 0 ? size.height : 0, o.rule);
	const matricesWidth = matrices.length * (size.width + RULE_GAP) - RULE_GAP;
	if (fit < shown.length) matrixBlock.push(moreLine(runs, shown.slice(fit), above || fit === 0 ? o.columns : matricesWidth, o));
	if (above || matrices.length === 0) {
		// The images above the matrices, with a blank line between when that costs no row of images.
		const room = o.rows - matrixBlock.length;
		const full = tileGrid(samples, runs, shown, o, o.columns, room);
		const spaced = tileGrid(samples, runs, shown, o, o.columns, room - 1);
		const tiles = full.length > spaced.length ? full : spaced;
		const blank = tiles.length < room && matrixBlock.length > 0 ? [BLANK] : [];
		return [...tiles, ...blank, ...matrixBlock].slice(0, o.rows);
	}
	const tiles = tileGrid(samples, runs, shown, o, o.columns - matricesWidth - GAP, o.rows);
	const tileWidth = tiles.length > 0 ? Math.max(...tiles.map((r) => r.reduce((n, seg) => n + displayWidth(seg.text), 0))) : 0;
	const blocks = tiles.length > 0 ? [tiles, matrixBlock] : [matrixBlock];
	const widths = tiles.length > 0 ? [tileWidth, matricesWidth] : [matricesWidth];
	return sideBySide(blocks, widths, Math.min(o.rows, Math.max(tiles.length, matrixBlock.length)));
}
