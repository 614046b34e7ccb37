/**
 * Semantic colours and glyphs. Components ask for a role (`bad`, `dim`, run 2's colour, the
 * diverged marker), never for a literal colour or box character, so NO_COLOR and --ascii are a
 * different theme, not a different code path.
 */
import {createContext, useContext} from 'react';

/** What a piece of text means; each theme decides how it looks. */
export type Role = 'text' | 'dim' | 'accent' | 'border' | 'good' | 'warn' | 'bad';

/** Props spread onto Ink's `<Text>`. */
export interface TextStyle {
	/** An Ink/chalk colour name or hex; absent in the monochrome theme. */
	readonly color?: string;
	/** Faint text. */
	readonly dimColor?: boolean;
	/** Bold text. */
	readonly bold?: boolean;
}

/** asciichart's symbols: axis cross, axis, line start and end, horizontal, four corners, vertical. */
export type ChartSymbols = readonly [string, string, string, string, string, string, string, string, string, string];

/** The characters the dashboard draws with. */
export interface Glyphs {
	/** True for the `--ascii` set. */
	readonly ascii: boolean;
	/** Ink `borderStyle` for panels. */
	readonly borderStyle: 'single' | 'classic';
	/** Panel title line: top-left corner, horizontal rule, top-right corner. */
	readonly topLeft: string;
	readonly horizontal: string;
	readonly topRight: string;
	/** Bar pieces: index k (1…7) is k/8 of a cell; `full` is a whole cell. */
	readonly eighths: readonly string[];
	readonly full: string;
	/** One marker per run (cycled), so runs differ without colour. */
	readonly markers: readonly string[];
	/** Ends a diverged run's line and marks it in the legend. */
	readonly diverged: string;
	readonly running: string;
	readonly paused: string;
	readonly finished: string;
	readonly ellipsis: string;
	/** Stands in for a missing number (NaN, ±Infinity). */
	readonly dash: string;
	/** Between items on one line. */
	readonly separator: string;
	/** Before a caption. */
	readonly caption: string;
	/** asciichart's ten line symbols. */
	readonly chart: ChartSymbols;
	/** The same for the loss chart's run singled out (heavy lines) and for test-loss lines (dashed). */
	readonly chartFocus: ChartSymbols;
	readonly chartTest: ChartSymbols;
	/** Chart y axis: at a labelled row, and between labels. */
	readonly tick: string;
	readonly axis: string;
	/** The gradient-norm symbol in titles. */
	readonly gradNorm: string;
}

export interface Theme {
	readonly name: 'color' | 'mono';
	readonly roles: Readonly<Record<Role, TextStyle>>;
	/** Run colours in legend order (≥ 8); `undefined` entries in the monochrome theme. */
	readonly runs: readonly (string | undefined)[];
	readonly glyphs: Glyphs;
}

export const UNICODE_GLYPHS: Glyphs = {
	ascii: false,
	borderStyle: 'single',
	topLeft: '┌',
	horizontal: '─',
	topRight: '┐',
	eighths: ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'],
	full: '█',
	markers: ['●', '▲', '■', '◆', '★', '✚', '✖', '◉'],
	diverged: '✗',
	running: '▶',
	paused: '⏸',
	finished: '✓',
	ellipsis: '…',
	dash: '—',
	separator: '·',
	caption: '▸',
	chart: ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
	chartFocus: ['╋', '┫', '╺', '╸', '━', '┗', '┏', '┓', '┛', '┃'],
	chartTest: ['┼', '┤', '╶', '╴', '╌', '╰', '╭', '╮', '╯', '╎'],
	tick: '┤',
	axis: '│',
	gradNorm: '‖∂L/∂W‖',
};

export const ASCII_GLYPHS: Glyphs = {
	ascii: true,
	borderStyle: 'classic',
	topLeft: '+',
	horizontal: '-',
	topRight: '+',
	eighths: ['', '', '', '', '', '', '', ''],
	full: '#',
	markers: ['o', '*', '+', 'x', '#', '@', '%', '&'],
	diverged: 'X',
	running: '>',
	paused: '||',
	finished: 'v',
	ellipsis: '...',
	dash: '-',
	separator: '|',
	caption: '>',
	chart: ['+', '|', '-', '-', '-', '\\', '/', '\\', '/', '|'],
	// No heavy ASCII: the run singled out is bold, the others dim.
	chartFocus: ['+', '|', '-', '-', '-', '\\', '/', '\\', '/', '|'],
	chartTest: ['+', '|', '.', '.', '.', "'", '.', '.', "'", ':'],
	tick: '+',
	axis: '|',
	gradNorm: '|dL/dW|',
};

/**
 * Eight run colours after Okabe & Ito (distinguishable with the common colour-vision
 * deficiencies), lightened for dark terminals. chalk maps them to 256 or 16 colours as needed.
 */
const RUN_COLORS: readonly string[] = ['#56B4E9', '#E69F00', '#2FD19A', '#E27FB8', '#F0E442', '#5C8DFF', '#FF6A33', '#B8B8B8'];

const COLOR_ROLES: Record<Role, TextStyle> = {
	text: {},
	dim: {dimColor: true},
	accent: {color: 'cyan', bold: true},
	border: {color: 'gray'},
	good: {color: 'green'},
	warn: {color: 'yellow'},
	bad: {color: 'red', bold: true},
};

const MONO_ROLES: Record<Role, TextStyle> = {
	text: {},
	dim: {dimColor: true},
	accent: {bold: true},
	border: {},
	good: {},
	warn: {bold: true},
	bad: {bold: true},
};

/** The theme for `--no-color`/NO_COLOR (`color: false`) and `--ascii` (`ascii: true`). */
export function createTheme({color = true, ascii = false}: {readonly color?: boolean; readonly ascii?: boolean} = {}): Theme {
	return {
		name: color ? 'color' : 'mono',
		roles: color ? COLOR_ROLES : MONO_ROLES,
		runs: color ? RUN_COLORS : RUN_COLORS.map(() => undefined),
		glyphs: ascii ? ASCII_GLYPHS : UNICODE_GLYPHS,
	};
}

/** True when the environment asks for no colour (https://no-color.org: any non-empty NO_COLOR). */
export function noColorRequested(env: NodeJS.ProcessEnv = process.env): boolean {
	return (env['NO_COLOR'] ?? '') !== '';
}

/** Run `index`'s colour (cycled). */
export function runColor(theme: Theme, index: number): string | undefined {
	return theme.runs[index % theme.runs.length];
}

/** Run `index`'s marker (cycled). */
export function runMarker(theme: Theme, index: number): string {
	const markers = theme.glyphs.markers;
	return markers[index % markers.length]!;
}

export const ThemeContext = createContext<Theme>(createTheme());

/** The theme of the nearest `<ThemeContext.Provider>` (colour + unicode by default). */
export function useTheme(): Theme {
	return useContext(ThemeContext);
}
