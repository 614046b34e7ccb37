/**
 * Gradient histograms as text: one sparkline per layer over the log-magnitude bins the worker
 * counts (core/probe.ts), and the axis under them labelled by decade.
 */
import {HISTOGRAM_BINS, HISTOGRAM_BINS_PER_DECADE, HISTOGRAM_MIN_EXPONENT} from '../../../core/probe.js';

/** Each bin's level (0 = empty, 1 … 8), scaled to the fullest bin; any non-empty bin shows. */
export function sparkLevels(counts: readonly number[]): number[] {
	const max = Math.max(0, ...counts);
	return counts.map((n) => (n > 0 && max > 0 ? Math.max(1, Math.round((n / max) * 8)) : 0));
}

/** The sparkline: each bin drawn `perBin` columns wide with `glyphs[level]`. */
export function sparkline(counts: readonly number[], perBin: number, glyphs: readonly string[]): string {
	return sparkLevels(counts)
		.map((level) => (glyphs[level] ?? ' ').repeat(perBin))
		.join('');
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
 * The axis under the sparklines, `width` columns: each decade's label starting at its bin edge,
 * left to right, skipping any that would touch the previous one or run past the end.
 */
export function histogramAxis(perBin: number, width: number, bins = HISTOGRAM_BINS): string {
	const decades = bins / HISTOGRAM_BINS_PER_DECADE;
	let line = '';
	for (let d = 0; d <= decades; d++) {
		const at = d * HISTOGRAM_BINS_PER_DECADE * perBin;
		const label = decadeLabel(HISTOGRAM_MIN_EXPONENT + d);
		if ((line.length > 0 && at <= line.length) || at + label.length > width) continue;
		line = line.padEnd(at) + label;
	}
	return line.padEnd(width);
}

/** Layer labels `L1 ` … `L11 `. */
export const LABEL_WIDTH = 4;
/** ` med 2.5e-07`. */
export const STAT_WIDTH = 13;
/** Between runs side by side. */
export const GAP = 2;
/** The narrowest block: labels and one column per bin. */
export const MIN_BLOCK = LABEL_WIDTH + HISTOGRAM_BINS + 1;

/** How many runs fit: `across` × `down` blocks of `width`, and how many are left out. */
export function histogramTiles(count: number, layers: number, width: number, height: number): {across: number; down: number; width: number; shown: number} {
	const across = Math.max(1, Math.min(count, Math.floor((width + GAP) / (MIN_BLOCK + GAP))));
	const blockHeight = layers + 2;
	let down = Math.max(1, Math.floor((height + 1) / (blockHeight + 1)));
	if (across * down < count) down = Math.max(1, Math.floor(height / (blockHeight + 1))); // a line for "+N more"
	const shown = Math.min(count, across * down);
	return {across, down, width: Math.floor((width - GAP * (across - 1)) / across), shown};
}
