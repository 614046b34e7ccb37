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
