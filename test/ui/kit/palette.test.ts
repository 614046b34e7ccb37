import {describe, expect, test} from 'vitest';
import {toSegments} from '../../../src/ui/kit/cells.js';
import {blend, darken, viewPalette} from '../../../src/ui/kit/palette.js';
import {createTheme} from '../../../src/ui/kit/theme.js';

describe('cells and palette', () => {
	test('toSegments merges equal styles', () => {
		const a = {color: 'red'};
		const segments = toSegments([
			{ch: 'x', style: a},
			{ch: 'y', style: {color: 'red'}},
			{ch: 'z', style: {}},
		]);
		expect(segments).toEqual([
			{text: 'xy', style: a},
			{text: 'z', style: {}},
		]);
		expect(toSegments([])).toEqual([]);
	});
	test('darken and blend', () => {
		expect(darken('#ff8000', 0.5)).toBe('#804000');
		expect(blend('#000000', '#ffffff', 0.5)).toBe('#808080');
		expect(darken('red', 0.5)).toBe('red');
	});
	test('classes look like no run: their glyphs are no run marker, their colours no run colour', () => {
		for (const options of [{}, {ascii: true}, {color: false}, {color: false, ascii: true}]) {
			const theme = createTheme(options);
			const palette = viewPalette(theme);
			const markers = new Set([...theme.glyphs.markers, theme.glyphs.diverged]);
			for (const glyph of [...palette.trainGlyphs, ...palette.testGlyphs]) expect(markers.has(glyph), `${JSON.stringify(options)} ${glyph}`).toBe(false);
			expect(new Set([...palette.trainGlyphs, ...palette.testGlyphs]).size).toBe(palette.trainGlyphs.length + palette.testGlyphs.length);
			const runColors = new Set(theme.runs.filter((c) => c !== undefined).map((c) => c.toLowerCase()));
			for (const c of palette.points) expect(runColors.has(c.toLowerCase()), c).toBe(false);
		}
		expect(viewPalette(createTheme({})).points.length).toBeGreaterThanOrEqual(6);
	});
	test('monochrome palettes have no colours', () => {
		const mono = viewPalette(createTheme({color: false}));
		expect(mono.color).toBe(false);
		expect(mono.regions).toEqual([]);
		expect(viewPalette(createTheme({ascii: true})).halfBlocks).toBe(false);
	});
});
