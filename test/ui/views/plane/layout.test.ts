import {describe, expect, test} from 'vitest';
import {MIN_PLOT_ROWS, Styles, cellOf, focusWidths, gridSampler, halfBlockCell, squarePlot, tileRuns} from '../../../../src/ui/views/plane/layout.js';

describe('the input plane’s layout (boundary and 2-D fit)', () => {
	test('square plots and tilings', () => {
		expect(squarePlot(24, 20)).toEqual({columns: 24, rows: 12});
		expect(squarePlot(80, 10)).toEqual({columns: 20, rows: 10});
		const eight = tileRuns(8, 80, 15);
		expect(eight.shown).toBe(8);
		expect(eight.across * eight.down).toBeGreaterThanOrEqual(8);
		expect(eight.plotRows).toBeGreaterThanOrEqual(MIN_PLOT_ROWS);
		expect(tileRuns(1, 80, 15)).toMatchObject({across: 1, down: 1, shown: 1});
		const many = tileRuns(30, 80, 15);
		expect(many.shown).toBeLessThan(30);
		expect(many.plotRows).toBeGreaterThanOrEqual(MIN_PLOT_ROWS);
	});

	test('the focused plot and its key: the square plot and up to 44 columns of key; a narrow area shrinks the plot so the key keeps 24', () => {
		expect(focusWidths(78, 15)).toEqual({plot: 28, key: 44});
		expect(focusWidths(40, 15)).toEqual({plot: 16, key: 24});
		// 22 columns would be left: the plot gives up two.
		expect(focusWidths(50, 15)).toEqual({plot: 26, key: 24});
	});

	test('a point’s cell: x across from the left, y down from the top, off the plot −1', () => {
		const bounds = {xMin: -1, xMax: 1, yMin: -1, yMax: 1};
		expect(cellOf(-1, 1, bounds, 4, 2)).toBe(0);
		expect(cellOf(0.99, -0.99, bounds, 4, 2)).toBe(7);
		expect(cellOf(0.2, 0.2, bounds, 4, 2)).toBe(2);
		expect(cellOf(1, 0, bounds, 4, 2)).toBe(-1);
		expect(cellOf(0, -1, bounds, 4, 2)).toBe(-1);
		expect(cellOf(-1.01, 0, bounds, 4, 2)).toBe(-1);
	});

	test('a picture grid resampled to the plot: the nearest grid cell of each pixel', () => {
		const at = gridSampler(4, 2, 8, 4);
		expect(at(0, 0)).toBe(0);
		expect(at(2, 1)).toBe(1);
		expect(at(3, 2)).toBe(5);
		expect(at(7, 3)).toBe(7);
		// Each pixel's centre picks its cell: two pixels over three cells take the first and the last.
		expect(gridSampler(3, 1, 2, 1)(1, 0)).toBe(2);
		expect(gridSampler(1, 3, 1, 2)(0, 1)).toBe(2);
	});

	test('two pixels a cell: a half block where they differ, a blank in the colour where they agree or one is missing; equal styles are one object', () => {
		const styles = new Styles();
		expect(halfBlockCell('red', 'blue', '▀', styles)).toEqual({ch: '▀', style: {color: 'red', backgroundColor: 'blue'}});
		expect(halfBlockCell('red', 'red', '▀', styles)).toEqual({ch: ' ', style: {backgroundColor: 'red'}});
		expect(halfBlockCell(undefined, 'blue', '▀', styles)).toEqual({ch: ' ', style: {backgroundColor: 'blue'}});
		expect(halfBlockCell('red', undefined, '▀', styles)).toEqual({ch: ' ', style: {backgroundColor: 'red'}});
		expect(halfBlockCell(undefined, undefined, '▀', styles)).toEqual({ch: ' ', style: {}});
		expect(halfBlockCell('red', undefined, '▀', styles).style).toBe(halfBlockCell('red', 'red', '▀', styles).style);
	});
});
