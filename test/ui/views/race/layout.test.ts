import {describe, expect, test} from 'vitest';
import {SURFACES} from '../../../../src/core/surfaces.js';
import type {HistoryPoint} from '../../../../src/runner/protocol.js';
import {viewPalette} from '../../../../src/ui/kit/palette.js';
import {createTheme} from '../../../../src/ui/kit/theme.js';
import {MapFrame, contourBands, edgeArrow, layoutRaceMap, leftWindowAt, pathRanks, raceKeyRow, runBit, tracePath} from '../../../../src/ui/views/race/layout.js';

const point = (step: number, x: number, y: number): HistoryPoint => ({step, epoch: 0, samples: 0, seconds: 0, loss: 1, accuracy: Number.NaN, testLoss: Number.NaN, testAccuracy: Number.NaN, x, y});

describe('race', () => {
	const rosenbrock = SURFACES.rosenbrock;

	test('contour bands: one decade of f − min each, lowest at the minimum of a bowl, highest on the walls', () => {
		const bowl = SURFACES.quadratic;
		const contours = contourBands(bowl, bowl.view, 41, 21);
		const frame = new MapFrame(bowl.view, 41, 21);
		expect(contours.bands[frame.cell(0, 0)]).toBe(0);
		expect(contours.bands[frame.cell(-4.9, 1.9)]).toBe(contours.count - 1);
		// Each band is a decade: a point's band is floor(log10(f − min)) − lo.
		const x = -3.1;
		const y = 1.3;
		const k = frame.cell(x, y);
		const cx = bowl.view.xMin + ((k % 41) + 0.5) * ((bowl.view.xMax - bowl.view.xMin) / 41);
		const cy = bowl.view.yMax - (Math.floor(k / 41) + 0.5) * ((bowl.view.yMax - bowl.view.yMin) / 21);
		expect(contours.bands[k]).toBe(Math.floor(Math.log10(bowl.value(cx, cy) - bowl.minValue)) - contours.lo);
		// Rosenbrock: the far corner is high, the valley floor (y = x²) low; at most eight decades.
		const r = contourBands(rosenbrock, rosenbrock.view, 40, 20);
		const rf = new MapFrame(rosenbrock.view, 40, 20);
		expect(r.bands[rf.cell(-1.95, -0.95)]).toBe(r.count - 1);
		expect(r.bands[rf.cell(0.5, 0.25)]).toBeLessThan(3);
		expect(r.count).toBeLessThanOrEqual(8);
	});

	test('path ranks: the run singled out on top, then the shorter trails', () => {
		expect(pathRanks([10, 3, 50], null)).toEqual([1, 2, 0]);
		expect(pathRanks([10, 3, 50], 2)).toEqual([1, 2, 3]);
		expect(pathRanks([5, 5], null)).toEqual([1, 0]); // equal trails: the first run on top
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

	test('the map: each trail in its own marker, positions inverse, the minimum on top, the others dim when one is singled out', () => {
		const palette = viewPalette(createTheme());
		const view = {xMin: 0, xMax: 10, yMin: 0, yMax: 10};
		const surface = {...rosenbrock, view, minima: [[9.5, 0.5]] as const};
		const contours = contourBands(surface, view, 10, 10);
		const shared = [point(1, 0.5, 9.5), point(2, 5.5, 9.5)];
		const racers = [
			{points: shared, position: [5.5, 9.5] as const, marker: 'a', color: '#111111'},
			{points: [...shared, point(3, 5.5, 5.5), point(4, 9.5, 5.5), point(5, 9.5, 0.5)], position: [9.5, 0.5] as const, marker: 'b', color: '#222222'},
			{points: [], position: [50, 5] as const, marker: 'c', color: '#333333'},
			{points: [point(1, 0.5, 7.5), point(2, 3.5, 7.5)], position: [3.5, 7.5] as const, marker: 'd', color: '#444444'},
		];
		const layout = (focus: number | null) => layoutRaceMap(surface, racers, {columns: 10, rows: 10, palette, contours, focus});
		const text = (rows: ReturnType<typeof layout>) => rows.map((r) => r.map((s) => s.text).join(''));
		const plain = text(layout(null));
		expect(plain[0]!.slice(0, 6)).toBe('aaaaaa'); // a's shorter trail is on top where they share, its position at the end
		expect(plain[4]!.slice(5)).toBe('bbbbb');
		expect(plain[5]![9]).toBe('b');
		expect(plain[9]![9]).toBe('◎'); // b stands on the minimum: still drawn
		const focused = text(layout(1));
		expect(focused[0]!.slice(0, 5)).toBe('bbbbb'); // singled out, b's trail is on top
		expect(focused[0]![5]).toBe('a'); // a's position still shows
		const segments = layout(1).flat();
		const style = (ch: string) => segments.filter((s) => s.text.includes(ch)).map((s) => s.style);
		expect(style('a').every((s) => s.dimColor)).toBe(true);
		expect(focused[2]!.slice(0, 4)).toBe('dddd');
		expect(style('d').length).toBeGreaterThanOrEqual(2); // its trail and its position
		expect(style('d').every((s) => s.dimColor)).toBe(true);
		expect(style('b').every((s) => !s.dimColor && s.bold)).toBe(true);
		expect(style('◎')).toEqual([expect.objectContaining({inverse: true, color: '#222222'})]);
		// c is off to the right, level with b's path down the right edge: the path wins the cell.
		expect(segments.some((s) => s.text.includes('→'))).toBe(false);
	});

	// Mutation: the swatches left out (or one colour for all) fails this.
	test("the key: a swatch per decade in the bands' colours with colour; the contour values without", () => {
		const contours = contourBands(rosenbrock, rosenbrock.view, 78, 12);
		const key = (theme: ReturnType<typeof createTheme>, width = 78) =>
			raceKeyRow('rosenbrock', {contours, palette: viewPalette(theme), separator: theme.glyphs.separator, ellipsis: theme.glyphs.ellipsis, language: 'en', width, ascii: theme.glyphs.ascii});
		const colour = key(createTheme());
		const swatches = colour.filter((s) => s.style.backgroundColor !== undefined);
		expect(swatches).toHaveLength(contours.count);
		expect(new Set(swatches.map((s) => s.style.backgroundColor)).size).toBe(contours.count);
		const line = colour.map((s) => s.text).join('');
		expect(line).toMatch(new RegExp(`^◎ minimum \\(1, 1\\) · f − min: ${String(10 ** contours.lo).replace('.', '\\.')} {${contours.count + 2}}\\d+, ×10 a band$`));
		const mono = key(createTheme({color: false})).map((s) => s.text).join('');
		expect(mono).toMatch(/^◎ minimum \(1, 1\) · · contours at f − min = /);
		const ascii = key(createTheme({color: false, ascii: true})).map((s) => s.text).join('');
		expect(ascii).toMatch(/^M minimum \(1, 1\) \| \. contours at f - min = /);
		expect(ascii).not.toMatch(/[^\x20-\x7e]/);
		// Short of room: the longest form that fits, never a cut number.
		const narrow = key(createTheme(), 45).map((s) => s.text).join('');
		expect(narrow.length).toBeLessThanOrEqual(45);
		expect(narrow).not.toContain('×10');
	});
});
