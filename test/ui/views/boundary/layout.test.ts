import {describe, expect, test} from 'vitest';
import {viewPalette} from '../../../../src/ui/kit/palette.js';
import {createTheme} from '../../../../src/ui/kit/theme.js';
import {boundaryTitle, layoutBoundary, tileTitleWidth, pointCells} from '../../../../src/ui/views/boundary/layout.js';
import {MIN_PLOT_ROWS, tileRuns} from '../../../../src/ui/views/plane/layout.js';
import {circleGrid, planeData, runState} from '../../fixtures.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';

const text = (rows: ReturnType<typeof layoutBoundary>) => rows.map((r) => r.map((s) => s.text).join(''));

describe('boundary', () => {
	test('a tile title says its percentage is test accuracy, and cuts the label, never the number', () => {
		const glyphs = {diverged: '✗', ellipsis: '…'};
		const run = runState('batch 1 (pure SGD)', [], {accuracy: 0.41, testAccuracy: 0.955});
		expect(boundaryTitle(run, 0, '●', glyphs, 'en')).toBe('● batch 1 (pure SGD) test 96%');
		expect(boundaryTitle(run, 0, '●', glyphs, 'ko')).toBe('● batch 1 (pure SGD) 테스트 96%');
		const narrow = boundaryTitle(run, 0, '●', glyphs, 'en', 16);
		expect(narrow).toBe('● batc… test 96%');
		expect(displayWidth(narrow)).toBeLessThanOrEqual(16);
		// No test figure yet: no number (the last batch's accuracy is the legend's acc, not this).
		expect(boundaryTitle(runState('relu', [], {accuracy: 0.8, testAccuracy: Number.NaN}), 1, '▲', glyphs, 'en')).toBe('▲ relu');
		// Five runs at 80 columns: 3 × 2 tiles 26 wide rather than five 16 wide, whose titles were "● … 테스트 …".
		const five = ['batch 1', 'batch 8', 'batch 32', 'batch 128', 'full batch'].map((label) => runState(label, [], {testAccuracy: 0.54}));
		const wanted = tileTitleWidth(five, ['●', '▲', '■', '◆', '★'], glyphs, 'ko');
		expect(wanted).toBe(displayWidth('● full ba… 테스트 54%') + 5);
		expect(tileRuns(5, 80, 16)).toMatchObject({across: 5, width: 16});
		const tiles = tileRuns(5, 80, 16, wanted);
		expect(tiles).toMatchObject({across: 3, down: 2, width: 26, shown: 5});
		expect(tiles.plotRows).toBeGreaterThanOrEqual(MIN_PLOT_ROWS);
		expect(boundaryTitle(runState('lr 50', [], {diverged: true}), 2, '■', glyphs, 'en', 14)).toBe('✗ lr… diverged');
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
