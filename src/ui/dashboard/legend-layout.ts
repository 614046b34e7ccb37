/**
 * The legend as pure data: one entry per run, packed into as few lines as fit. A lesson's entry
 * says loss, accuracy (R² for a regression) and the learning rate the run uses now (it moves with
 * a schedule or a live change), and after an edit first what differs between the runs (the
 * editor's words: a run still labelled `sigmoid` reads `relu`, one labelled `sgd` reads `adam`);
 * an optimizer race's says after its numbers where a run left the map.
 */
import {SURFACES, type SurfaceName} from '../../core/surfaces.js';
import type {RunState} from '../../runner/protocol.js';
import type {Language} from '../../scenarios/types.js';
import {asciiText} from '../kit/ascii.js';
import {displayWidth, formatPercent, formatR2, formatRate, formatValue, truncate} from '../kit/format.js';
import {type Theme, runMarker} from '../kit/theme.js';
import {asciiWord, moreText, word} from '../kit/words.js';
import type {RunView} from '../views/model.js';
import {leftWindowAt} from '../views/race/layout.js';

/** How much an entry says: everything, without the test accuracy, the loss and lr, the loss alone, or no numbers (after an edit, what differs alone). */
export type LegendDetail = 'full' | 'train' | 'rate' | 'loss' | 'none';

/** One run's legend entry, in pieces the view colours separately. */
export interface LegendEntry {
	readonly run: number;
	readonly marker: string;
	readonly label: string;
	/** `loss 0.693  acc 50%  test 48%`, `loss 0.012  R² 0.97  test R² 0.95`, or `diverged at step 120`; after an edit `relu, he-normal  loss 0.693 …`. */
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
/** The least of what differs worth showing when entries are cut to fit. */
const MIN_DIFFERS = 4;
/** Enough of a long first difference to keep the numbers beside it (`xavier-uniform` is 14). */
const MIN_FIRST = 12;

export interface LegendGlyphs {
	/** `--ascii`: R² is written R^2. */
	readonly ascii: boolean;
	readonly diverged: string;
	readonly ellipsis: string;
	readonly dash: string;
}

/** The legend entry for a run (`differs`: what differs between the runs, after an edit; `note`: said after the numbers, the race's `off the map since step 31`). */
export function legendEntry(run: RunState, index: number, marker: string, language: Language, glyphs: LegendGlyphs, level: LegendDetail = 'full', differs = '', note = ''): LegendEntry {
	const label = truncate(run.label, MAX_LABEL, glyphs.ellipsis);
	let detail: string;
	if (run.diverged) {
		detail = `${word('divergedAt', language)} ${run.divergedAt ?? run.step}`;
	} else {
		// A classification's accuracy; a regression's R² in its place (NaN for the other task).
		const r2 = asciiWord('r2', language, glyphs.ascii);
		const parts = level === 'none' ? [] : [`${word('loss', language)} ${formatValue(run.loss, glyphs.dash, word('overflow', language))}`];
		const train = level === 'full' || level === 'train';
		if (train && Number.isFinite(run.accuracy)) parts.push(`${word('accuracy', language)} ${formatPercent(run.accuracy)}`);
		if (train && Number.isFinite(run.r2)) parts.push(`${r2} ${formatR2(run.r2, glyphs.dash)}`);
		if (level === 'full' && Number.isFinite(run.testAccuracy)) parts.push(`${word('test', language)} ${formatPercent(run.testAccuracy)}`);
		if (level === 'full' && Number.isFinite(run.testR2)) parts.push(`${word('test', language)} ${r2} ${formatR2(run.testR2, glyphs.dash)}`);
		if (level !== 'loss' && level !== 'none') parts.push(`${word('lr', language)} ${formatRate(run.lr, glyphs.dash)}`);
		detail = parts.join('  ');
	}
	if (differs !== '') detail = detail === '' ? differs : `${differs}  ${detail}`;
	if (note !== '') detail = detail === '' ? note : `${detail}  ${note}`;
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

const LEVELS: readonly LegendDetail[] = ['full', 'train', 'rate', 'loss'];
/** After an edit, the live numbers an entry keeps at least: its loss and the lr it uses now. */
const NUMBERED: readonly LegendDetail[] = ['full', 'train', 'rate'];

/**
 * The most detailed legend that shows every run in `maxLines` lines (or the tersest one). After an
 * edit, what differs comes first in each entry: all of it at the most detail of the numbers that
 * fits; else the most of the numbers (at least loss and lr) that leaves every run room for its
 * first difference, the rest cut to the room left on its line (`relu, …`); else, when not even
 * loss and lr fit (8 runs at 80 columns), what differs alone, cut the same way (the charts still
 * show the loss).
 */
export function fitLegend(runs: readonly RunState[], markers: readonly string[], width: number, maxLines: number, language: Language, glyphs: LegendGlyphs, differs: readonly string[] = [], notes: readonly string[] = []): LegendLayout {
	const entries = (level: LegendDetail, texts: readonly string[]) => runs.map((run, k) => legendEntry(run, k, markers[k] ?? '*', language, glyphs, level, texts[k] ?? '', notes[k] ?? ''));
	const pack = (level: LegendDetail, texts: readonly string[]) => packLegend(entries(level, texts), width, maxLines, language);
	if (differs.some((d) => d !== '')) {
		for (const level of NUMBERED) {
			const layout = pack(level, differs);
			if (layout.hidden === 0) return layout;
		}
		for (const level of NUMBERED) {
			const numbers = spread(entries(level, []), width, maxLines) ?? pack(level, []);
			if (numbers.hidden > 0) continue;
			const said = withDifferences(numbers, level, runs, width, language, glyphs, differs, notes);
			if (said.firstShown) return said.layout;
		}
		// What differs alone, the runs spread over the lines.
		const bare = spread(entries('none', []), width, maxLines);
		if (bare) return withDifferences(bare, 'none', runs, width, language, glyphs, differs, notes).layout;
	}
	let tersest: LegendLayout = {lines: [], hidden: 0, moreText: ''};
	for (const level of LEVELS) {
		tersest = pack(level, []);
		if (tersest.hidden === 0) return tersest;
	}
	return tersest;
}

/**
 * The entries over every line there is, as evenly as they go (4 runs in 3 lines: 2, 1, 1), so what
 * differs has the most room; null if a line is too wide.
 */
function spread(entries: readonly LegendEntry[], width: number, maxLines: number): LegendLayout | null {
	const count = Math.min(entries.length, maxLines);
	const lines: LegendEntry[][] = [];
	for (let k = 0, from = 0; k < count; k++) {
		const size = Math.floor(entries.length / count) + (k < entries.length % count ? 1 : 0);
		lines.push(entries.slice(from, from + size));
		from += size;
	}
	const fits = lines.every((line) => line.reduce((sum, entry) => sum + entry.width, 0) + LEGEND_GAP * (line.length - 1) <= width);
	return fits ? {lines, hidden: 0, moreText: ''} : null;
}

/**
 * A legend's entries (at `level`) with what differs cut to the room left on their own line (lines
 * may hold different numbers of entries). A line's spare columns are shared among its entries in
 * order, what one leaves going to the next; a text that would be cut below `MIN_DIFFERS` columns
 * is left out. `firstShown`: every run that differs
 * shows its first difference whole (or `MIN_FIRST` columns of a long one).
 */
function withDifferences(layout: LegendLayout, level: LegendDetail, runs: readonly RunState[], width: number, language: Language, glyphs: LegendGlyphs, differs: readonly string[], notes: readonly string[]): {layout: LegendLayout; firstShown: boolean} {
	let firstShown = true;
	const lines = layout.lines.map((line) => {
		let spare = width - line.reduce((sum, entry) => sum + entry.width, 0) - LEGEND_GAP * (line.length - 1);
		return line.map((entry, k) => {
			const text = differs[entry.run] ?? '';
			const room = Math.floor(spare / (line.length - k)) - LABEL_GAP.length;
			const cut = room >= Math.min(MIN_DIFFERS, displayWidth(text)) ? cutDifferences(text, room, glyphs.ellipsis) : '';
			if (displayWidth(cut) < Math.min(displayWidth(text.split(DIFFERENCE_GAP)[0]!), MIN_FIRST)) firstShown = false;
			const said = legendEntry(runs[entry.run]!, entry.run, entry.marker, language, glyphs, level, cut, notes[entry.run] ?? '');
			spare -= said.width - entry.width;
			return said;
		});
	});
	return {layout: {...layout, lines}, firstShown};
}

/** Between differences (`relu, he-normal`), as differenceTexts joins them. */
const DIFFERENCE_GAP = ', ';

/** What differs in `room` columns: as many whole differences as fit, then `…` (`relu, …`); the first cut short when even it does not fit. */
function cutDifferences(text: string, room: number, ellipsis: string): string {
	if (displayWidth(text) <= room) return text;
	const more = `${DIFFERENCE_GAP}${ellipsis}`;
	let shown = '';
	for (const item of text.split(DIFFERENCE_GAP)) {
		const next = shown === '' ? item : `${shown}${DIFFERENCE_GAP}${item}`;
		if (displayWidth(next) + displayWidth(more) > room) break;
		shown = next;
	}
	return shown === '' ? truncate(text, room, ellipsis) : `${shown}${more}`;
}

/** A lesson's legend with the theme's markers (the dashboard sizes the panels above by it); `differs` after an edit, `notes` after the numbers. */
export function legendLayout(runs: readonly RunState[], width: number, maxLines: number, language: Language, theme: Theme, differs: readonly string[] = [], notes: readonly string[] = []): LegendLayout {
	const markers = runs.map((_, k) => runMarker(theme, k));
	const spelled = theme.glyphs.ascii ? differs.map(asciiText) : differs;
	return fitLegend(runs, markers, width, maxLines, language, theme.glyphs, spelled, notes);
}

/**
 * The race's legend: a lesson's (each optimizer's loss and lr, the loss alone when that is what
 * lets every run show; after an edit, what differs first), and for a run off the map the step where
 * it left.
 */
export function raceLegendLayout(runs: readonly RunView[], surface: SurfaceName, width: number, maxLines: number, language: Language, theme: Theme, differs: readonly string[] = []): LegendLayout {
	const view = SURFACES[surface].view;
	const notes = runs.map((run) => {
		const left = run.state.diverged ? null : leftWindowAt(run.history.points, run.state.position, view);
		return left === null ? '' : `${word('offMap', language)} ${left}`;
	});
	return legendLayout(runs.map((run) => run.state), width, maxLines, language, theme, differs, notes);
}
