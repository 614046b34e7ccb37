/**
 * The legend as pure data: one entry per run, packed into as few lines as fit. A lesson's entry
 * says loss, accuracy (R² for a regression) and the learning rate the run uses now (it moves with
 * a schedule or a live change); an optimizer race's says where a run left the map.
 */
import {SURFACES, type SurfaceName} from '../../core/surfaces.js';
import type {RunState} from '../../runner/protocol.js';
import type {Language} from '../../scenarios/types.js';
import {displayWidth, formatPercent, formatR2, formatRate, formatValue, truncate} from '../kit/format.js';
import {type Theme, runMarker} from '../kit/theme.js';
import {asciiWord, moreText, word} from '../kit/words.js';
import type {RunView} from '../views/model.js';
import {leftWindowAt} from '../views/race/layout.js';

/** How much an entry says: everything, without the test accuracy, the loss and lr, or the loss alone. */
export type LegendDetail = 'full' | 'train' | 'rate' | 'loss';

/** One run's legend entry, in pieces the view colours separately. */
export interface LegendEntry {
	readonly run: number;
	readonly marker: string;
	readonly label: string;
	/** `loss 0.693  acc 50%  test 48%`, `loss 0.012  R² 0.97  test R² 0.95`, or `diverged at step 120`. */
	readonly detail: string;
	readonly diverged: boolean;
	/** Columns the whole entry takes. */
	readonly width: number;
}

export interface LegendLayout {
	/** Entries per line. */
	readonly lines: readonly (readonly LegendEntry[])[];
	/** Runs left out (shown as `+N more` at the end of the last line). */
	readonly hidden: number;
	readonly moreText: string;
}

/** Gap between entries on one line. */
export const LEGEND_GAP = 2;
/** Between the label and the numbers. */
export const LABEL_GAP = '  ';
const MAX_LABEL = 16;

export interface LegendGlyphs {
	/** `--ascii`: R² is written R^2. */
	readonly ascii: boolean;
	readonly diverged: string;
	readonly ellipsis: string;
	readonly dash: string;
}

/** The legend entry for a run. */
export function legendEntry(run: RunState, index: number, marker: string, language: Language, glyphs: LegendGlyphs, level: LegendDetail = 'full'): LegendEntry {
	const label = truncate(run.label, MAX_LABEL, glyphs.ellipsis);
	let detail: string;
	if (run.diverged) {
		detail = `${word('divergedAt', language)} ${run.divergedAt ?? run.step}`;
	} else {
		// A classification's accuracy; a regression's R² in its place (NaN for the other task).
		const r2 = asciiWord('r2', language, glyphs.ascii);
		const parts = [`${word('loss', language)} ${formatValue(run.loss, glyphs.dash, word('overflow', language))}`];
		const train = level === 'full' || level === 'train';
		if (train && Number.isFinite(run.accuracy)) parts.push(`${word('accuracy', language)} ${formatPercent(run.accuracy)}`);
		if (train && Number.isFinite(run.r2)) parts.push(`${r2} ${formatR2(run.r2, glyphs.dash)}`);
		if (level === 'full' && Number.isFinite(run.testAccuracy)) parts.push(`${word('test', language)} ${formatPercent(run.testAccuracy)}`);
		if (level === 'full' && Number.isFinite(run.testR2)) parts.push(`${word('test', language)} ${r2} ${formatR2(run.testR2, glyphs.dash)}`);
		if (level !== 'loss') parts.push(`${word('lr', language)} ${formatRate(run.lr, glyphs.dash)}`);
		detail = parts.join('  ');
	}
	const shownMarker = run.diverged ? glyphs.diverged : marker;
	return {run: index, marker: shownMarker, label, detail, diverged: run.diverged, width: displayWidth(`${shownMarker} ${label}${LABEL_GAP}${detail}`)};
}

/** Packs entries greedily into at most `maxLines` lines of `width` columns. */
export function packLegend(entries: readonly LegendEntry[], width: number, maxLines: number, language: Language): LegendLayout {
	const lines: LegendEntry[][] = [];
	let used = 0;
	let k = 0;
	for (; k < entries.length; k++) {
		const entry = entries[k]!;
		const line = lines.at(-1);
		if (line && used + LEGEND_GAP + entry.width <= width) {
			line.push(entry);
			used += LEGEND_GAP + entry.width;
			continue;
		}
		if (lines.length === maxLines) break;
		lines.push([entry]);
		used = entry.width;
	}
	let hidden = entries.length - k;
	// Make room for "+N more" on the last line by dropping its entries from the end.
	const last = lines.at(-1);
	while (hidden > 0 && last && last.length > 1 && used + LEGEND_GAP + displayWidth(moreText(hidden, 'runs', language)) > width) {
		const dropped = last.pop()!;
		used -= LEGEND_GAP + dropped.width;
		hidden++;
	}
	return {lines, hidden, moreText: hidden > 0 ? moreText(hidden, 'runs', language) : ''};
}

/** The most detailed legend that shows every run in `maxLines` lines (or the tersest one). */
export function fitLegend(runs: readonly RunState[], markers: readonly string[], width: number, maxLines: number, language: Language, glyphs: LegendGlyphs): LegendLayout {
	const levels: readonly LegendDetail[] = ['full', 'train', 'rate', 'loss'];
	let layout: LegendLayout = {lines: [], hidden: 0, moreText: ''};
	for (const level of levels) {
		const entries = runs.map((run, k) => legendEntry(run, k, markers[k] ?? '*', language, glyphs, level));
		layout = packLegend(entries, width, maxLines, language);
		if (layout.hidden === 0) return layout;
	}
	return layout;
}

/** A lesson's legend with the theme's markers (the dashboard sizes the panels above by it). */
export function legendLayout(runs: readonly RunState[], width: number, maxLines: number, language: Language, theme: Theme): LegendLayout {
	const markers = runs.map((_, k) => runMarker(theme, k));
	return fitLegend(runs, markers, width, maxLines, language, theme.glyphs);
}

/** The race's legend: each optimizer's loss and lr (the loss alone when that is what lets every run show) and, for a run off the map, the step where it left. */
export function raceLegendLayout(runs: readonly RunView[], surface: SurfaceName, width: number, maxLines: number, language: Language, theme: Theme): LegendLayout {
	const view = SURFACES[surface].view;
	const at = (level: LegendDetail): LegendLayout => {
		const entries = runs.map((run, k) => {
			const entry = legendEntry(run.state, k, runMarker(theme, k), language, theme.glyphs, level);
			const left = run.state.diverged ? null : leftWindowAt(run.history.points, run.state.position, view);
			if (left === null) return entry;
			const detail = `${entry.detail}  ${word('offMap', language)} ${left}`;
			return {...entry, detail, width: displayWidth(`${entry.marker} ${entry.label}${LABEL_GAP}${detail}`)};
		});
		return packLegend(entries, width, maxLines, language);
	};
	const withRate = at('rate');
	return withRate.hidden === 0 ? withRate : at('loss');
}
