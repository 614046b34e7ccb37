/** One horizontal bar with eighth-block precision, like gemini-cli's ProgressBar. */
import {Text} from 'ink';
import type {Glyphs} from '../../kit/theme.js';
import {useTheme} from '../../kit/theme.js';

export interface BarProps {
	/** How full, 0 … 1 (clamped); any positive amount shows at least the thinnest sliver. */
	readonly fraction: number;
	/** Columns the bar takes, filled part and blank rest together. */
	readonly width: number;
	/** Colour of the filled part; none in the monochrome theme. */
	readonly color?: string;
}

/** The bar's characters, exactly `width` columns. ASCII glyphs round to whole cells. */
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

export function Bar({fraction, width, color}: BarProps) {
	const theme = useTheme();
	return <Text color={color}>{barString(fraction, width, theme.glyphs)}</Text>;
}
