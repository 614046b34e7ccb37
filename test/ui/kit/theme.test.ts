import {describe, expect, test} from 'vitest';
import {ASCII_GLYPHS, UNICODE_GLYPHS, createTheme, noColorRequested, runColor, runMarker} from '../../../src/ui/kit/theme.js';

describe('theme', () => {
	test('the colour theme has at least 8 distinct run colours', () => {
		const theme = createTheme();
		expect(new Set(theme.runs).size).toBeGreaterThanOrEqual(8);
		expect(runColor(theme, 8)).toBe(runColor(theme, 0));
	});
	test('the monochrome theme sets no colour anywhere', () => {
		const mono = createTheme({color: false});
		expect(mono.runs.every((c) => c === undefined)).toBe(true);
		expect(Object.values(mono.roles).every((r) => r.color === undefined)).toBe(true);
		// Roles still differ without colour: bad and warn are bold, dim is dim.
		expect(mono.roles.bad.bold).toBe(true);
		expect(mono.roles.dim.dimColor).toBe(true);
	});
	test('runs are distinguishable without colour: 8 distinct markers per glyph set', () => {
		for (const glyphs of [UNICODE_GLYPHS, ASCII_GLYPHS]) {
			expect(new Set(glyphs.markers).size).toBe(8);
			expect(glyphs.markers).not.toContain(glyphs.diverged);
		}
		expect(runMarker(createTheme(), 9)).toBe('▲');
	});
	test('the ASCII set is plain ASCII', () => {
		const all = Object.values(ASCII_GLYPHS)
			.flatMap((v) => (Array.isArray(v) ? v : [v]))
			.filter((v): v is string => typeof v === 'string')
			.join('');
		expect(all).toMatch(/^[\x20-\x7e]*$/);
	});
	test('NO_COLOR: any non-empty value', () => {
		expect(noColorRequested({NO_COLOR: '1'})).toBe(true);
		expect(noColorRequested({NO_COLOR: ''})).toBe(false);
		expect(noColorRequested({})).toBe(false);
	});
});
