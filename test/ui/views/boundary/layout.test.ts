import {describe, expect, test} from 'vitest';
import {viewPalette} from '../../../../src/ui/kit/palette.js';
import {createTheme} from '../../../../src/ui/kit/theme.js';
import {MIN_PLOT_ROWS, layoutBoundary, pointCells, squarePlot, tileRuns} from '../../../../src/ui/views/boundary/layout.js';
import {circleGrid, planeData} from '../../fixtures.js';

const text = (rows: ReturnType<typeof layoutBoundary>) => rows.map((r) => r.map((s) => s.text).join(''));

describe('boundary', () => {
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

	test('points land in their cells, majority class wins, small plots are thinned', () => {
		const data = planeData();
		const cells = pointCells(data.train, data.bounds, 20, 10, 2);
		const centre = cells[5 * 20 + 10]!; // inner ring is class 1, near the centre
		expect([-1, 1]).toContain(centre);
		expect(cells.filter((c) => c >= 0).length).toBeGreaterThan(10);
		const tiny = pointCells(data.train, data.bounds, 4, 2, 2);
		expect(tiny.filter((c) => c >= 0).length).toBeLessThanOrEqual(3);
	});

	test('monochrome: shades by class, the circle in the middle', () => {
		const palette = viewPalette(createTheme({color: false}));
		const rows = text(layoutBoundary(circleGrid(), null, {columns: 16, rows: 8, showTest: false, palette}));
		expect(rows).toHaveLength(8);
		expect(rows[0]).toBe(' '.repeat(16));
		expect(rows[4]!.slice(6, 10)).toBe('░░░░');
	});

	test('colour: half blocks where the upper and lower pixels differ, background elsewhere', () => {
		const palette = viewPalette(createTheme());
		const rows = layoutBoundary(circleGrid(), null, {columns: 16, rows: 8, showTest: false, palette});
		const all = rows.flat();
		expect(all.some((s) => s.text.includes('▀') && s.style.color && s.style.backgroundColor)).toBe(true);
		expect(all.every((s) => s.style.backgroundColor !== undefined)).toBe(true);
	});
});
