/**
 * Number and text formatting for the dashboard. Widths are terminal columns as Ink measures them
 * (string-width): Hangul, CJK, full-width forms and emoji take two, combining marks and controls
 * none, everything else one; text is cut between grapheme clusters, never inside one.
 */
import stringWidth from 'string-width';
import {isOverflow} from '../../records/numbers.js';

/** Columns a string occupies in a terminal (ANSI escapes take none). */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

const graphemes = new Intl.Segmenter();

/** The grapheme clusters of `text`: what a terminal draws as one glyph (한, é, 👍🏽). */
function clusters(text: string): string[] {
	return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Cuts `text` to at most `width` columns, ending with `ellipsis` when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (displayWidth(text) <= width) return text;
	const room = width - displayWidth(ellipsis);
	if (room < 0) return take(text, width);
	return take(text, room) + ellipsis;
}

/** The longest prefix of `text` that fits in `width` columns. */
function take(text: string, width: number): string {
	// Printable ASCII is one column a character: no need to segment it.
	if (/^[\x20-\x7e]*$/.test(text)) return text.slice(0, Math.max(0, width));
	let out = '';
	let used = 0;
	for (const glyph of clusters(text)) {
		const w = stringWidth(glyph);
		if (used + w > width) break;
		out += glyph;
		used += w;
	}
	return out;
}

/** Pads with spaces on the right to exactly `width` columns (truncating first if longer). */
export function padEnd(text: string, width: number, ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/** Pads with spaces on the left to exactly `width` columns (truncating first if longer). */
export function padStart(text: string, width: number, ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	return ' '.repeat(Math.max(0, width - displayWidth(cut))) + cut;
}

/** Centres `text` in `width` columns (truncating first if longer). */
export function center(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	const cut = truncate(text, width, ellipsis);
	const left = Math.max(0, Math.floor((width - displayWidth(cut)) / 2));
	return padEnd(' '.repeat(left) + cut, width);
}

/**
 * Word-wraps `text` into at most `maxLines` lines of `width` columns. A word longer than a line
 * is broken; when text is left over, the last line ends with `ellipsis`.
 */
export function wrap(text: string, width: number, maxLines = Infinity, ellipsis = '…'): string[] {
	if (width <= 0 || maxLines <= 0) return [];
	const lines: string[] = [];
	let line = '';
	for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
		const joined = line === '' ? word : `${line} ${word}`;
		if (displayWidth(joined) <= width) {
			line = joined;
			continue;
		}
		if (line !== '') lines.push(line);
		while (displayWidth(word) > width) {
			const head = take(word, width);
			// A glyph wider than the whole line (a Hangul syllable in one column) cannot be shown: drop it.
			if (head === '') {
				word = word.slice(clusters(word)[0]!.length);
				continue;
			}
			lines.push(head);
			word = word.slice(head.length);
		}
		line = word;
	}
	if (line !== '') lines.push(line);
	return keepLines(lines, width, maxLines, ellipsis);
}

/** The first `maxLines` of `lines`, the last of them ending with `ellipsis` when some are left out. */
function keepLines(lines: string[], width: number, maxLines: number, ellipsis: string): string[] {
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1]!;
	kept[maxLines - 1] = displayWidth(last) + displayWidth(ellipsis) <= width ? last + ellipsis : truncate(`${last}${ellipsis}${ellipsis}`, width, ellipsis);
	return kept;
}

/**
 * Like `wrap`, but keeps the text's own line breaks: each line is wrapped on its own (a blank
 * line stays blank), and the whole is cut to `maxLines` with an ellipsis on the last line.
 */
export function wrapLines(text: string, width: number, maxLines = Infinity, ellipsis = '…'): string[] {
	if (width <= 0 || maxLines <= 0) return [];
	const lines = text.split('\n').flatMap((line) => (line.trim() === '' ? [''] : wrap(line, width, Infinity, ellipsis)));
	return keepLines(lines, width, maxLines, ellipsis);
}

/**
 * Short scientific notation with a two-digit exponent: `2e-07`, `1.2e-01`, `1e+30`, `1e-300`.
 * Zero is `0`; NaN is `dash`; past float32's range (±Infinity included) `overflow` when given,
 * else `dash` (see records/numbers.ts).
 */
export function formatSci(value: number, dash = '—', overflow?: string, digits = 2): string {
	if (overflow !== undefined && isOverflow(value)) return overflow;
	if (!Number.isFinite(value)) return dash;
	if (value === 0) return '0';
	const [mantissa = '0', exponent = '0'] = value.toExponential(digits - 1).split('e');
	const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
	const e = Number(exponent);
	return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** A loss-like value with three significant digits (0.693, 0.0812, 12.3); scientific outside [0.001, 1000); `overflow` as formatSci. */
export function formatValue(value: number, dash = '—', overflow?: string): string {
	if (overflow !== undefined && isOverflow(value)) return overflow;
	if (!Number.isFinite(value)) return dash;
	if (value === 0) return '0';
	const abs = Math.abs(value);
	if (abs < 1e-3 || abs >= 1e3) return formatSci(value, dash);
	return value.toPrecision(3);
}

/** A rate (a learning rate, a momentum) as a file would say it: three significant digits, no trailing zeros (0.5, 0.00316), scientific below 1e-4. */
export function formatRate(value: number, dash = '—'): string {
	if (!Number.isFinite(value)) return dash;
	if (value !== 0 && Math.abs(value) < 1e-4) return formatSci(value, dash);
	return String(Number(value.toPrecision(3)));
}

/**
 * Labels for an axis: plain decimals where they are short (`0.75`, `0.001`, `1200`), scientific
 * where they are not (`1e-04`, `3.2e+07`), with as few significant digits (2 … 4) as keep
 * neighbouring labels apart. A value within a billionth of the largest one's size of zero is `0`
 * (rounding noise on a linear axis).
 */
export function formatTicks(values: readonly number[], dash = '—'): string[] {
	const size = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs));
	const texts = (digits: number) => values.map((v) => (Number.isFinite(v) && Math.abs(v) <= size * 1e-9 ? '0' : tick(v, digits, dash)));
	for (let digits = 2; digits < 4; digits++) {
		const out = texts(digits);
		if (out.every((t, k) => k === 0 || t !== out[k - 1])) return out;
	}
	return texts(4);
}

function tick(value: number, digits: number, dash: string): string {
	const sci = formatSci(value, dash, undefined, digits);
	if (!Number.isFinite(value)) return sci;
	const plain = String(Number(value.toPrecision(digits)));
	return !plain.includes('e') && plain.length <= Math.max(5, sci.length - 2) ? plain : sci;
}

/** A fraction as a whole percentage (0.5 → `50%`); non-finite → `dash`. */
export function formatPercent(fraction: number, dash = '—'): string {
	if (!Number.isFinite(fraction)) return dash;
	return `${Math.round(fraction * 100)}%`;
}

/** R² with two decimals (0.97, -0.12); far below 0 (a fit worse than the mean by miles) as formatValue. */
export function formatR2(value: number, dash = '—'): string {
	if (!Number.isFinite(value)) return dash;
	return value > -10 ? value.toFixed(2) : formatValue(value, dash);
}

/** A count for a status line: 1200, 45.3k, 1.2M. */
export function formatCount(value: number): string {
	if (!Number.isFinite(value)) return '—';
	const abs = Math.abs(value);
	if (abs < 1e4) return String(Math.round(value));
	if (abs < 1e6) return `${trimZero((value / 1e3).toFixed(abs < 1e5 ? 1 : 0))}k`;
	if (abs < 1e9) return `${trimZero((value / 1e6).toFixed(abs < 1e8 ? 1 : 0))}M`;
	return formatSci(value);
}

/** Epochs: one decimal below 10, whole numbers above. */
export function formatEpoch(epoch: number): string {
	if (!Number.isFinite(epoch)) return '—';
	return epoch < 10 ? trimZero(epoch.toFixed(1)) : String(Math.floor(epoch));
}

function trimZero(text: string): string {
	return text.endsWith('.0') ? text.slice(0, -2) : text;
}
