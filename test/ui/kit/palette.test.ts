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
	test('monochrome palettes have no colours', () => {
		const mono = viewPalette(createTheme({color: false}));
		expect(mono.color).toBe(false);
		expect(mono.regions).toEqual([]);
		expect(viewPalette(createTheme({ascii: true})).halfBlocks).toBe(false);
	});
});
