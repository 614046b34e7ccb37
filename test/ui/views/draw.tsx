/** Draws a view for a test: inside the UI's contexts, with one of the three themes, as plain lines. */
import type {ReactNode} from 'react';
import {expect} from 'vitest';
import type {Language} from '../../../src/scenarios/types.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {createTheme} from '../../../src/ui/kit/theme.js';
import {frameLines} from '../fixtures.js';
import {uiToString} from '../render.js';

export const THEMES = {color: createTheme(), mono: createTheme({color: false}), ascii: createTheme({color: false, ascii: true})} as const;
export type ThemeName = keyof typeof THEMES;

/** Glyphs no ASCII frame may hold: blocks, shades, markers, box drawing, braille. */
export const BLOCKS = /[▀▄█░▒▓▁▂▃▄▅▆▇●▲■◆○△□◇◎─│┌┐└┘⠀-⣿]/;

/** The frame's lines, drawn at `columns` wide with a theme. */
export function draw(node: ReactNode, theme: ThemeName = 'color', columns = 100, language: Language = 'en'): string[] {
	return frameLines(uiToString(node, {theme: THEMES[theme], language, size: {columns, rows: 24}}));
}

export function expectFits(lines: readonly string[], columns: number, rows: number) {
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
}
