/**
 * The gradient bars as pure data: a shared log scale, which runs and layers fit, and each row as
 * segments. Runs are columns (a run header, then one row per layer, layer 1 at the top), so three
 * runs of ten layers fit 80×24.
 */
import type {LayerStats} from '../../../core/types.js';
import {isOverflow} from '../../../records/numbers.js';
import type {RunState} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {displayWidth, formatPercent, formatSci, padEnd, padStart, truncate} from '../../kit/format.js';
import {type Glyphs, type Role, type Theme, runMarker} from '../../kit/theme.js';
import {moreText, word} from '../../kit/words.js';

/** A log10 scale from 10^lo to 10^hi (whole decades). */
export interface BarScale {
	readonly lo: number;
	readonly hi: number;
}

/** Whole decades around the finite positive values, at least two wide; 1e-8 … 1e0 when there are none. */
export function barScale(values: readonly number[]): BarScale {
	const logs = values.filter((v) => Number.isFinite(v) && v > 0).map((v) => Math.log10(v));
	if (logs.length === 0) return {lo: -8, hi: 0};
	let lo = Math.floor(Math.min(...logs));
	let hi = Math.ceil(Math.max(...logs));
	while (hi - lo < 2) {
		if ((hi - lo) % 2 === 0) hi++;
		else lo--;
	}
	return {lo: lo + 0, hi: hi + 0}; // + 0 turns −0 into 0
}

/** Where `value` sits on the scale, 0 … 1; 0 for zero, negative or non-finite values. */
export function barFraction(value: number, scale: BarScale): number {
	if (!Number.isFinite(value) || value <= 0) return 0;
	// A positive value never vanishes entirely: at the scale's bottom it still gets the thinnest bar.
	return Math.min(1, Math.max(Number.EPSILON, (Math.log10(value) - scale.lo) / (scale.hi - scale.lo)));
}

export type BarsSegment =
	| {readonly kind: 'text'; readonly text: string; readonly role: Role; readonly run?: number; readonly selected?: boolean}
	| {readonly kind: 'bar'; readonly fraction: number; readonly width: number; readonly run: number};

export interface BarsLayout {
	readonly rows: readonly (readonly BarsSegment[])[];
	readonly scale: BarScale;
	/** Runs drawn: `shown` of them from index `first` (a page, when they do not all fit). */
	readonly first: number;
	readonly shown: number;
}

export interface BarsOptions {
	readonly width: number;
	readonly height: number;
	readonly showStats: boolean;
	readonly language: Language;
	/** Marker per run index (the diverged marker replaces it for a diverged run). */
	readonly markers: readonly string[];
	readonly diverged: string;
	readonly dash: string;
	readonly ellipsis: string;
	readonly separator: string;
	/** The run `[`/`]` picked (its page is shown, its name marked), or null for the first page. */
	readonly focus?: number | null;
}

const GAP = 2;
const MIN_BAR = 6;
const MAX_BAR = 30;
const STATS = 4;

/** A layer's saturation (sigmoid/tanh) or dead fraction (ReLU), or null. */
function stat(layer: LayerStats | undefined): number | null {
	return layer?.saturated ?? layer?.dead ?? null;
}

/**
 * Columns the bars want in a panel `rows` tall (borders excluded), with bars `barWidth` wide: every
 * run side by side if that takes at most `most` columns, else in the fewest bands (runs one band
 * under another, as layoutBars draws them) that do, else in as many bands as the rows hold.
 * Before the first step (no layers known) it asks for `most`.
 */
export function barsWidthWanted(runs: readonly RunState[], showStats: boolean, language: Language, rows = Infinity, most = Infinity, barWidth = 10): number {
	const overflow = word('overflow', language);
	const numberWidth = Math.max(5, ...runs.flatMap((r) => r.layers.map((l) => displayWidth(formatSci(l.gradNormW, '—', overflow)))));
	const layers = Math.max(0, ...runs.map((r) => r.layers.length));
	if (layers === 0 && Number.isFinite(most)) return most; // before the first step: the usual half, not a sliver
	const perRun = GAP + barWidth + 1 + numberWidth + (showStats ? 1 + STATS : 0);
	const bandsFit = Math.max(1, Math.min(runs.length, Math.floor((rows + 1) / (layers + 2))));
	const width = (bands: number): number => `L${layers}`.length + Math.ceil(runs.length / bands) * perRun;
	let bands = 1;
	while (bands < bandsFit && width(bands) > most) bands++;
	return width(bands);
}

/**
 * Lays out the bars; see the module comment. Runs that do not fit side by side go in further bands
 * below; when even those cannot hold them all, the runs are shown a page at a time (the page of the
 * `focus` run, which `[`/`]` move) with a last line naming the others and the keys.
 */
export function layoutBars(runs: readonly RunState[], options: BarsOptions): BarsLayout {
	const {width, height, showStats, language, dash, ellipsis} = options;
	const overflow = word('overflow', language);
	const numbers = runs.flatMap((r) => r.layers.map((l) => formatSci(l.gradNormW, dash, overflow)));
	const numberWidth = Math.max(5, ...numbers.map(displayWidth));
	const layers = Math.max(0, ...runs.map((r) => r.layers.length));
	const labelWidth = `L${layers}`.length;
	const fixed = GAP + 1 + numberWidth + (showStats ? 1 + STATS : 0);
	const perBand = Math.max(1, Math.min(runs.length, Math.floor((width - labelWidth) / (fixed + MIN_BAR))));
	const barWidth = Math.max(1, Math.min(MAX_BAR, Math.floor((width - labelWidth) / perBand) - fixed));
	const columnWidth = fixed + barWidth;

	// A band is a header and one row per layer; bands are separated by a blank row.
	const bandsWanted = Math.ceil(runs.length / perBand);
	const bandsFit = Math.max(1, Math.floor((height + 1) / (layers + 2)));
	let bands = Math.min(bandsWanted, bandsFit);
	let perPage = Math.min(runs.length, bands * perBand);
	if (perPage < runs.length && bands > 1 && bands * (layers + 2) > height) {
		bands--; // room for the "+N more" line
		perPage = bands * perBand;
	}
	const focus = options.focus ?? null;
	const first = focus !== null && focus < runs.length ? Math.floor(focus / perPage) * perPage : 0;
	const visible = runs.slice(first, first + perPage);
	const hiddenRuns = runs.length - visible.length;
	const room = Math.max(1, height - 1 - (hiddenRuns > 0 ? 1 : 0));
	const shownLayers = layers <= room ? layers : Math.max(1, room - 1);
	// Diverged runs report meaningless gradients (0, NaN, 1e+150): they do not set the scale.
	const healthy = visible.some((r) => !r.diverged) ? visible.filter((r) => !r.diverged) : visible;
	const scale = barScale(healthy.flatMap((r) => r.layers.slice(0, shownLayers).map((l) => l.gradNormW)));

	const rows: BarsSegment[][] = [];
	for (let band = 0; band * perBand < visible.length; band++) {
		const members = visible.slice(band * perBand, (band + 1) * perBand);
		const start = first + band * perBand;
		if (band > 0) rows.push([{kind: 'text', text: '', role: 'dim'}]);
		const header: BarsSegment[] = [{kind: 'text', text: ' '.repeat(labelWidth), role: 'dim'}];
		members.forEach((run, m) => {
			const k = start + m;
			const marker = run.diverged ? options.diverged : (options.markers[k] ?? '*');
			const kind = run.layers.some((l) => l.saturated !== null) ? word('saturated', language) : run.layers.some((l) => l.dead !== null) ? word('dead', language) : '';
			const statsHead = showStats ? ` ${padStart(kind, STATS, ellipsis)}` : '';
			header.push({kind: 'text', text: `${' '.repeat(GAP)}${marker} `, role: run.diverged ? 'bad' : 'text', run: run.diverged ? undefined : k});
			header.push({kind: 'text', text: padEnd(run.label, columnWidth - GAP - 2 - displayWidth(statsHead), ellipsis), role: 'text', run: k, ...(k === focus ? {selected: true} : {})});
			if (statsHead) header.push({kind: 'text', text: statsHead, role: 'dim'});
		});
		rows.push(header);
		for (let i = 0; i < shownLayers; i++) {
			const row: BarsSegment[] = [{kind: 'text', text: padEnd(`L${i + 1}`, labelWidth), role: 'dim'}];
			members.forEach((run, m) => row.push(...layerCell(run, start + m, run.layers[i], {scale, barWidth, columnWidth, numberWidth, showStats, dash, overflow})));
			rows.push(row);
		}
		if (shownLayers < layers) rows.push([{kind: 'text', text: truncate(`${' '.repeat(labelWidth + GAP)}${moreText(layers - shownLayers, 'layers', language)}`, width, ellipsis), role: 'dim'}]);
	}
	if (hiddenRuns > 0) {
		// The keys before the names, so a narrow panel cuts names, not the way to reach them.
		const names = runs.filter((_, k) => k < first || k >= first + visible.length).map((r) => r.label).join(', ');
		const text = `${' '.repeat(labelWidth + GAP)}${moreText(hiddenRuns, 'runs', language)} ${options.separator} [ ] ${word('pickRun', language)}: ${names}`;
		rows.push([{kind: 'text', text: truncate(text, width, ellipsis), role: 'dim'}]);
	}
	return {rows, scale, first, shown: visible.length};
}

/** One run's cell in a layer row: gap, bar, number, stats (or blanks when the run has no such layer). */
function layerCell(
	run: RunState,
	k: number,
	layer: LayerStats | undefined,
	o: {scale: BarScale; barWidth: number; columnWidth: number; numberWidth: number; showStats: boolean; dash: string; overflow: string},
): BarsSegment[] {
	if (!layer) return [{kind: 'text', text: ' '.repeat(o.columnWidth), role: 'dim'}];
	const g = layer.gradNormW;
	const cells: BarsSegment[] = [
		{kind: 'text', text: ' '.repeat(GAP), role: 'dim'},
		{kind: 'bar', fraction: barFraction(g, o.scale), width: o.barWidth, run: k},
		{kind: 'text', text: ` ${padStart(formatSci(g, o.dash, o.overflow), o.numberWidth)}`, role: isOverflow(g) || Number.isNaN(g) || run.diverged ? 'bad' : g === 0 ? 'dim' : 'text'},
	];
	if (o.showStats) {
		const s = stat(layer);
		cells.push({kind: 'text', text: ` ${padStart(s === null ? '' : formatPercent(s, o.dash), STATS)}`, role: s !== null && s >= 0.5 ? 'warn' : 'dim'});
	}
	return cells;
}

/** The scale for a title: `1e-08 … 1e+00`. */
export function scaleLabel(scale: BarScale, ellipsis: string): string {
	return `${formatSci(10 ** scale.lo)} ${ellipsis} ${formatSci(10 ** scale.hi)}`;
}

/** The bars laid out with the theme's glyphs and markers. */
export function barsLayoutFor(runs: readonly RunState[], width: number, height: number, showStats: boolean, focus: number | null, language: Language, theme: Theme): BarsLayout {
	const g = theme.glyphs;
	const markers = runs.map((_, k) => runMarker(theme, k));
	return layoutBars(runs, {width, height, showStats, language, markers, diverged: g.diverged, dash: g.dash, ellipsis: g.ellipsis, separator: g.separator, focus});
}

/** One bar's characters, exactly `width` columns, eighth-block precise. ASCII glyphs round to whole cells. */
export function barString(fraction: number, width: number, glyphs: Glyphs): string {
	const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
	const steps = glyphs.eighths[4] === '' ? 1 : 8;
	let units = Math.round(f * width * steps);
	if (f > 0 && units === 0) units = 1;
	const full = Math.floor(units / steps);
	const rest = units % steps;
	const filled = glyphs.full.repeat(full) + (rest > 0 ? (glyphs.eighths[rest] ?? '') : '');
	return filled + ' '.repeat(Math.max(0, width - full - (rest > 0 ? 1 : 0)));
}
