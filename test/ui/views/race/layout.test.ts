import {describe, expect, test} from 'vitest';
import {SURFACES} from '../../../../src/core/surfaces.js';
import type {HistoryPoint} from '../../../../src/runner/protocol.js';
import {viewPalette} from '../../../../src/ui/kit/palette.js';
import {createTheme} from '../../../../src/ui/kit/theme.js';
import {MapFrame, contourBands, countRuns, edgeArrow, firstRun, layoutRaceMap, leftWindowAt, runBit, tracePath} from '../../../../src/ui/views/race/layout.js';

const point = (step: number, x: number, y: number): HistoryPoint => ({step, epoch: 0, samples: 0, seconds: 0, loss: 1, accuracy: Number.NaN, testLoss: Number.NaN, testAccuracy: Number.NaN, x, y});

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
