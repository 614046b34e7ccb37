/**
 * Gradient histograms as text: a sparkline per layer over the log-magnitude bins the worker
 * counts (core/probe.ts), one row tall or, where the panel has the rows, up to MAX_LAYER_ROWS; and
 * the axis under them labelled by decade.
 */
import {HISTOGRAM_BINS, HISTOGRAM_BINS_PER_DECADE, HISTOGRAM_MIN_EXPONENT} from '../../../core/probe.js';

/** The most rows one layer's histogram grows to when the panel has room (taller adds little). */
export const MAX_LAYER_ROWS = 4;

/** Each bin's level in eighths of a row (0 = empty, 1 … 8 × rows), scaled to the fullest bin; any non-empty bin shows. */
export function sparkLevels(counts: readonly number[], rows = 1): number[] {
	const max = Math.max(0, ...counts);
	return counts.map((n) => (n > 0 && max > 0 ? Math.max(1, Math.round((n / max) * 8 * rows)) : 0));
}

/**
 * The sparkline `rows` tall, top row first: each bin `perBin` columns wide, its column filled
 * from the bottom with `glyphs` (nine: empty, then one to eight eighths of a cell).
 */
export function sparkRows(counts: readonly number[], perBin: number, glyphs: readonly string[], rows = 1): string[] {
	const levels = sparkLevels(counts, rows);
	return Array.from({length: rows}, (_, r) => {
		const below = (rows - 1 - r) * 8;
		return levels.map((level) => (glyphs[Math.max(0, Math.min(8, level - below))] ?? ' ').repeat(perBin)).join('');
	});
}

/** Rows for each of `layers` histograms in `height` rows (a header and the axis aside): 1 … MAX_LAYER_ROWS. */
export function layerRows(layers: number, height: number): number {
	return Math.max(1, Math.min(MAX_LAYER_ROWS, Math.floor((height - 2) / Math.max(1, layers))));
}

/** The lower edge of bin `k` as a power of ten. */
export function binExponent(k: number): number {
	return HISTOGRAM_MIN_EXPONENT + k / HISTOGRAM_BINS_PER_DECADE;
}

/** The magnitude at the middle of the mass (the centre of the bin holding the median), or NaN. */
export function medianMagnitude(counts: readonly number[]): number {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total === 0) return Number.NaN;
	let seen = 0;
	for (let k = 0; k < counts.length; k++) {
		seen += counts[k]!;
		if (seen * 2 >= total) return 10 ** binExponent(k + 0.5);
	}
	return Number.NaN;
}

/** `1e-12`, `1e-8`, `1e0`, `1e2`. */
export const decadeLabel = (exponent: number): string => `1e${exponent}`;

/**
 * The axis under the sparklines, `width` columns: every `step`-th decade's label starting at its
 * bin edge, with the smallest step at which no label touches the previous one (labels past the end
 * are left off). One step throughout: "1e-3 1e0 1e2" read as if the scale changed at 1e0.
 */
export function histogramAxis(perBin: number, width: number, bins = HISTOGRAM_BINS): string {
	const decades = bins / HISTOGRAM_BINS_PER_DECADE;
	const labelled = (step: number): string | null => {
		let line = '';
		for (let d = 0; d <= decades; d += step) {
			const at = d * HISTOGRAM_BINS_PER_DECADE * perBin;
			const label = decadeLabel(HISTOGRAM_MIN_EXPONENT + d);
			if (at + label.length > width) break;
			if (line.length > 0 && at <= line.length) return null;
			line = line.padEnd(at) + label;
		}
		return line.padEnd(width);
	};
	for (let step = 1; step <= decades; step++) {
		const line = labelled(step);
		if (line !== null) return line;
	}
	return ' '.repeat(width);
}

/** Layer labels `L1 ` … `L11 `. */
export const LABEL_WIDTH = 4;
/** ` med 2.5e-07`. */
export const STAT_WIDTH = 13;
/** Between runs side by side. */
export const GAP = 2;
/** The narrowest block: labels and one column per bin. */
export const MIN_BLOCK = LABEL_WIDTH + HISTOGRAM_BINS + 1;

/**
 * How many runs fit: `across` × `down` blocks of `width` (each layer one row tall at least), how
 * many are shown, and how many rows each layer gets in the rows the blocks leave (`rows`).
 */
export function histogramTiles(count: number, layers: number, width: number, height: number): {across: number; down: number; width: number; shown: number; rows: number} {
	const across = Math.max(1, Math.min(count, Math.floor((width + GAP) / (MIN_BLOCK + GAP))));
	const blockHeight = layers + 2;
	let down = Math.max(1, Math.floor((height + 1) / (blockHeight + 1)));
	if (across * down < count) down = Math.max(1, Math.floor(height / (blockHeight + 1))); // a line for "+N more"
	down = Math.min(down, Math.ceil(count / across));
	const shown = Math.min(count, across * down);
	// Each block's share of the rows: a blank row between blocks, a line for "+N more" if runs are left out.
	const room = Math.floor((height - (shown < count ? 1 : 0) + 1) / down) - 1;
	return {across, down, width: Math.floor((width - GAP * (across - 1)) / across), shown, rows: layerRows(layers, room)};
}
