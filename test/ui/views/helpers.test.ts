import {describe, expect, test} from 'vitest';
import {ACTIVATIONS} from '../../../src/core/activations.js';
import {SURFACES} from '../../../src/core/surfaces.js';
import type {HistoryPoint} from '../../../src/runner/protocol.js';
import {explorerGrid, factorRole, formatFactor, formatMax} from '../../../src/ui/views/activations/ActivationExplorer.js';
import {PLOT_Y, peakIndex, plotActivation, powerText, sampleActivation} from '../../../src/ui/views/activations/layout.js';
import {MIN_PLOT_ROWS, layoutBoundary, pointCells, squarePlot, tileRuns} from '../../../src/ui/views/boundary/layout.js';
import {toSegments} from '../../../src/ui/kit/cells.js';
import {histogramTiles} from '../../../src/ui/views/histograms/GradientHistograms.js';
import {histogramAxis, medianMagnitude, sparkLevels, sparkline} from '../../../src/ui/views/histograms/layout.js';
import {MapFrame, contourBands, countRuns, edgeArrow, firstRun, layoutRaceMap, leftWindowAt, runBit, tracePath} from '../../../src/ui/views/race/layout.js';
import {createTheme} from '../../../src/ui/kit/theme.js';
import {blend, darken, viewPalette} from '../../../src/ui/kit/palette.js';
import {circleGrid, planeData} from '../fixtures.js';

const point = (step: number, x: number, y: number): HistoryPoint => ({step, epoch: 0, samples: 0, seconds: 0, loss: 1, accuracy: Number.NaN, testLoss: Number.NaN, testAccuracy: Number.NaN, x, y});
const text = (rows: ReturnType<typeof layoutBoundary>) => rows.map((r) => r.map((s) => s.text).join(''));

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

describe('race', () => {
	const rosenbrock = SURFACES.rosenbrock;

	test('contour bands: log-spaced, lowest at the minimum of a bowl, highest on the walls', () => {
		const bowl = SURFACES.quadratic;
		const bands = contourBands(bowl, bowl.view, 41, 21, 8);
		const frame = new MapFrame(bowl.view, 41, 21);
		expect(bands[frame.cell(0, 0)]).toBe(0);
		expect(bands[frame.cell(-4.9, 1.9)]).toBe(7);
		// Rosenbrock: the far corner is high, the valley floor (y = x²) low.
		const r = contourBands(rosenbrock, rosenbrock.view, 40, 20, 8);
		const rf = new MapFrame(rosenbrock.view, 40, 20);
		expect(r[rf.cell(-1.95, -0.95)]).toBe(7);
		expect(r[rf.cell(0.5, 0.25)]).toBeLessThan(3);
	});

	test('masks count runs', () => {
		expect(countRuns(runBit(0) | runBit(3) | runBit(31))).toBe(3);
		expect(firstRun(runBit(5) | runBit(7))).toBe(5);
		expect(runBit(40)).toBe(runBit(31));
	});

	test('paths are joined between far points, never through an absurd jump', () => {
		const frame = new MapFrame({xMin: 0, xMax: 10, yMin: 0, yMax: 10}, 10, 10);
		const masks = new Uint32Array(100);
		tracePath([point(1, 0.5, 9.5), point(2, 9.5, 9.5)], frame, 1, masks);
		expect(Array.from(masks.subarray(0, 10))).toEqual(Array(10).fill(1));
		const jump = new Uint32Array(100);
		tracePath([point(1, 0.5, 0.5), point(2, 1e9, 1e9), point(3, Number.NaN, 0), point(4, 5.5, 5.5)], frame, 2, jump);
		expect(jump.filter((m) => m !== 0).length).toBe(2); // the two inside points only
	});

	test('edge arrows and where a run left the window', () => {
		const frame = new MapFrame({xMin: 0, xMax: 10, yMin: 0, yMax: 10}, 10, 10);
		expect(edgeArrow(5, 50, frame)).toEqual({cell: 5, arrow: 0});
		expect(edgeArrow(5, -50, frame)).toEqual({cell: 95, arrow: 1});
		expect(edgeArrow(-50, 5, frame)).toEqual({cell: 50, arrow: 2});
		expect(edgeArrow(50, 5, frame)).toEqual({cell: 59, arrow: 3});
		expect(edgeArrow(5, 5, frame)).toBeNull();
		expect(edgeArrow(Number.NaN, 5, frame)).toBeNull();
		const view = frame.view;
		const points = [point(1, 1, 1), point(2, 20, 1), point(3, 2, 2), point(4, 20, 20), point(5, 30, 30)];
		expect(leftWindowAt(points, [30, 30], view)).toBe(4);
		expect(leftWindowAt(points, [2, 2], view)).toBeNull();
		expect(leftWindowAt(points, [Number.NaN, 2], view)).toBeNull();
		expect(leftWindowAt([], [30, 30], view)).toBe(0);
	});

	test('the map: current positions win their cell, shared paths show a count', () => {
		const palette = viewPalette(createTheme({color: false}));
		const view = {xMin: 0, xMax: 10, yMin: 0, yMax: 10};
		const surface = {...rosenbrock, view, minima: [[9.5, 0.5]] as const};
		const bands = contourBands(surface, view, 10, 10, 8);
		const shared = [point(1, 0.5, 9.5), point(2, 5.5, 9.5)];
		const racers = [
			{points: shared, position: [5.5, 9.5] as const, marker: 'a', color: undefined},
			{points: [...shared, point(3, 5.5, 5.5)], position: [5.5, 5.5] as const, marker: 'b', color: undefined},
			{points: [], position: [50, 5] as const, marker: 'c', color: undefined},
		];
		const rows = layoutRaceMap(surface, racers, {columns: 10, rows: 10, palette, bands});
		const lines = rows.map((r) => r.map((s) => s.text).join(''));
		expect(lines[0]!.slice(0, 5)).toBe('22222');
		expect(lines[0]![5]).toBe('a'); // a's position (b's path passes too, but a stands there)
		expect(lines[4]![5]).toBe('b'); // y = 5.5 is row 4 from the top
		expect(lines[5]![9]).toBe('→'); // c is off to the right
		expect(lines[9]![9]).toBe('◎');
		expect(rows[0]!.some((s) => s.text.includes('a') && s.style.inverse)).toBe(true);
	});
});

describe('histograms', () => {
	test('levels, sparkline and median', () => {
		expect(sparkLevels([0, 1, 50, 100])).toEqual([0, 1, 4, 8]);
		expect(sparkLevels([0, 0])).toEqual([0, 0]);
		expect(sparkline([0, 1, 100], 2, [' ', '1', '2', '3', '4', '5', '6', '7', '8'])).toBe('  1188');
		const counts = new Array<number>(28).fill(0);
		counts[10] = 5; // 1e-7 … 3.2e-7
		expect(medianMagnitude(counts)).toBeCloseTo(10 ** -6.75, 10);
		expect(medianMagnitude(new Array<number>(28).fill(0))).toBeNaN();
	});

	test('axis labels start at their decade and never touch', () => {
		const one = histogramAxis(1, 28);
		expect(one).toHaveLength(28);
		expect(one.startsWith('1e-12 1e-9')).toBe(true);
		expect(one.indexOf('1e-9')).toBe(6); // decade 3 → bin 6
		const two = histogramAxis(2, 60);
		expect(two.indexOf('1e-10')).toBe(8);
		expect(two).toContain('1e2');
		expect(histogramAxis(1, 3)).toBe('   ');
	});

	test('tiles: two runs side by side at 78 columns, a line kept for "+N more"', () => {
		expect(histogramTiles(3, 11, 78, 13)).toMatchObject({across: 2, down: 1, shown: 2});
		expect(histogramTiles(8, 4, 78, 13)).toMatchObject({across: 2, down: 1, shown: 2});
		expect(histogramTiles(4, 4, 78, 13)).toMatchObject({across: 2, down: 2, shown: 4});
		expect(histogramTiles(1, 4, 78, 13)).toMatchObject({across: 1, shown: 1});
	});
});

describe('activation plots', () => {
	test('peaks: sigmoid′ at 0, relu′ in the middle of its plateau', () => {
		const sig = sampleActivation(ACTIVATIONS.sigmoid, 24);
		expect(Math.abs(sig.x[peakIndex(sig.derivative)]!)).toBeLessThan(0.5);
		expect(Math.max(...sig.derivative)).toBeLessThanOrEqual(0.25);
		const relu = sampleActivation(ACTIVATIONS.relu, 24);
		expect(relu.x[peakIndex(relu.derivative)]).toBeCloseTo(2.75, 5); // samples 12 … 23 are x > 0
	});

	test('plots are the asked size, with the peak marked once; off-range values are left out', () => {
		for (const ascii of [false, true]) {
			const plot = plotActivation(ACTIVATIONS.linear, {columns: 18, rows: 4, ascii});
			expect(plot).toHaveLength(4);
			for (const row of plot) expect(row).toHaveLength(18);
			expect(plot.flat().filter((c) => c.kind === 'peak')).toHaveLength(1);
			// linear leaves the y range at |x| > 1.25: the outer columns hold no f.
			expect(plot.map((row) => row[0]!.kind)).not.toContain('f');
		}
		expect(PLOT_Y[1]).toBeGreaterThan(ACTIVATIONS.gelu.maxDerivative);
		expect(plotActivation(ACTIVATIONS.tanh, {columns: 0, rows: 4, ascii: false})).toEqual([]);
	});

	test('numbers: max f′, (max f′)^d, its role, the grid', () => {
		expect(formatMax(0.25)).toBe('0.25');
		expect(formatMax(1.1289115)).toBe('1.13');
		expect(formatFactor(0.25 ** 10)).toBe('9.5e-07');
		expect(formatFactor(1)).toBe('1');
		expect(formatFactor(1.1289115 ** 10)).toBe('3.36');
		expect(factorRole(0.25 ** 10)).toBe('bad');
		expect(factorRole(2 ** 20)).toBe('warn');
		expect(factorRole(1)).toBe('good');
		expect(powerText('0.25', 10, false)).toBe('0.25¹⁰');
		expect(powerText('0.25', 10, true)).toBe('0.25^10');
		expect(explorerGrid(78, 13)).toEqual({across: 4, down: 2, cellWidth: 18, cellHeight: 6, key: true});
	});
});
