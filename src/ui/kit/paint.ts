/**
 * A styled segment as one ANSI string, the way Ink's `<Text>` would colour it (dim, colour,
 * background, bold, inverse, in that order; colours by name, #hex, ansi256(n) or rgb(r,g,b)).
 * The picture views hand Ink one pre-coloured string per row instead of a `<Text>` per segment:
 * Ink re-walks and re-colours every text node on every frame, which was most of a large
 * picture's frame cost.
 */
import chalk, {type ChalkInstance} from 'chalk';
import type {CellStyle} from './palette.js';

const RGB = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/;
const ANSI256 = /^ansi256\(\s?(\d+)\s?\)$/;

function colour(c: ChalkInstance, value: string, background: boolean): ChalkInstance {
	if (value in chalk) {
		const name = background ? `bg${value[0]!.toUpperCase()}${value.slice(1)}` : value;
		return (c as unknown as Record<string, ChalkInstance>)[name] ?? c;
	}
	if (value.startsWith('#')) return background ? c.bgHex(value) : c.hex(value);
	const ansi = ANSI256.exec(value);
	if (ansi) return background ? c.bgAnsi256(Number(ansi[1])) : c.ansi256(Number(ansi[1]));
	const rgb = RGB.exec(value);
	if (rgb) return background ? c.bgRgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3])) : c.rgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]));
	return c;
}

/** `text` in `style`. */
export function paint(text: string, style: CellStyle): string {
	let out = text;
	if (style.dimColor) out = chalk.dim(out);
	if (style.color) out = colour(chalk, style.color, false)(out);
	if (style.backgroundColor) out = colour(chalk, style.backgroundColor, true)(out);
	if (style.bold) out = chalk.bold(out);
	if (style.inverse) out = chalk.inverse(out);
	return out;
}
