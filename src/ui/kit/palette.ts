/**
 * Colours and glyphs of the teaching views, derived from the theme. Classes get colours and glyphs
 * that no run uses (a run's ● in the legend is never mistaken for class 0's points), darkened for
 * the plane so points stay visible on it. The monochrome theme gets shade glyphs instead of
 * colours, --ascii gets ASCII shades and letters (a b c for training points, A B C for test).
 */
import type {Theme} from './theme.js';

/** How one cell looks: Ink `<Text>` props. */
export interface CellStyle {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly inverse?: boolean;
}

export interface ViewPalette {
	/** Colours in use: false in the monochrome theme (shade glyphs stand in). */
	readonly color: boolean;
	/** Half-block cells (two pixels per character) are available. */
	readonly halfBlocks: boolean;
	/** The upper half block, drawn with fg = upper pixel, bg = lower pixel. */
	readonly upperHalf: string;
	/** Plane colour per class (darkened), cycled; empty without colour. */
	readonly regions: readonly string[];
	/** Point colour per class (bright), cycled; empty without colour. */
	readonly points: readonly string[];
	/** Shade glyph per class for the monochrome plane, cycled. */
	readonly shades: readonly string[];
	/** Point glyphs per class: training and test. */
	readonly trainGlyphs: readonly string[];
	readonly testGlyphs: readonly string[];
	/** Contour band colours from the lowest values up (colour theme); empty without colour. */
	readonly contour: readonly string[];
	/** Drawn on the band edges of a contour map without colour. */
	readonly contourLine: string;
	/** The surface's minimum. */
	readonly minimum: string;
	/** Arrows on the map's edge toward a run that left it: up, down, left, right. */
	readonly arrows: readonly [string, string, string, string];
	/** Sparkline levels 1 … 8 (index 0 is empty). */
	readonly spark: readonly string[];
}

/** `#rrggbb` moved toward black by `amount` (0 … 1). */
export function darken(hex: string, amount: number): string {
	const m = /^#([0-9a-f]{6})$/i.exec(hex);
	if (!m) return hex;
	const n = Number.parseInt(m[1]!, 16);
	const channel = (shift: number) => Math.round(((n >> shift) & 0xff) * (1 - amount));
	return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

/** Linear blend of two `#rrggbb` colours (t = 0 gives `a`). */
export function blend(a: string, b: string, t: number): string {
	const parse = (hex: string) => Number.parseInt(hex.slice(1), 16);
	const x = parse(a);
	const y = parse(b);
	const channel = (shift: number) => Math.round(((x >> shift) & 0xff) * (1 - t) + ((y >> shift) & 0xff) * t);
	return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

const CONTOUR_BANDS = 8;

/**
 * Class colours, none a run colour (theme.ts's RUN_COLORS: sky blue, orange, green, pink, yellow,
 * blue, red-orange, grey): violet and white first, the two-class pair.
 */
export const CLASS_COLORS: readonly string[] = ['#A070FF', '#F2F2F2', '#00D7D7', '#B07040', '#E0204A', '#A8E000'];

export function viewPalette(theme: Theme): ViewPalette {
	const ascii = theme.glyphs.ascii;
	const runColors = theme.runs.filter((c): c is string => c !== undefined);
	const color = theme.name === 'color' && runColors.length > 0;
	// Contour bands: dark blue-grey in the valleys to a lighter grey on the walls, dark enough
	// for every run colour to stay readable on top.
	const low = darken(runColors[5] ?? '#5C8DFF', 0.86);
	const high = darken(runColors[7] ?? '#B8B8B8', 0.58);
	return {
		color,
		halfBlocks: !ascii,
		upperHalf: '▀',
		// 40% darker: dark enough for the bright points on top, light enough that a 16-colour
		// terminal still maps violet and white to magenta and grey rather than both to black.
		regions: color ? CLASS_COLORS.map((c) => darken(c, 0.4)) : [],
		points: color ? CLASS_COLORS : [],
		shades: ascii ? [' ', '.', ':', '#'] : [' ', '░', '▒', '▓'],
		// None a run marker (theme.ts: ● ▲ ■ ◆ ★ ✚ ✖ ◉, ASCII o * + x # @ % &); test points hollow.
		trainGlyphs: ascii ? ['a', 'b', 'c', 'd', 'e', 'f'] : ['▼', '♦', '♣', '♠', '♥', '✱'],
		testGlyphs: ascii ? ['A', 'B', 'C', 'D', 'E', 'F'] : ['▽', '◊', '♧', '♤', '♡', '∗'],
		contour: color ? Array.from({length: CONTOUR_BANDS}, (_, k) => blend(low, high, k / (CONTOUR_BANDS - 1))) : [],
		contourLine: ascii ? '.' : '·',
		minimum: ascii ? 'M' : '◎',
		arrows: ascii ? ['^', 'v', '<', '>'] : ['↑', '↓', '←', '→'],
		spark: ascii ? [' ', '.', ':', '-', '=', '+', '*', '#', '@'] : [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
	};
}

/** The k-th entry of a list, cycled; undefined for an empty list. */
export function cycled<T>(items: readonly T[], k: number): T | undefined {
	return items.length === 0 ? undefined : items[((k % items.length) + items.length) % items.length];
}
