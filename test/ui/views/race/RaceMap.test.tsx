import {describe, expect, test} from 'vitest';
import {SURFACES} from '../../../../src/core/surfaces.js';
import {dashboardReducer} from '../../../../src/ui/dashboard/reducer.js';
import {initialDashboardState} from '../../../../src/ui/dashboard/state.js';
import {RaceMap} from '../../../../src/ui/views/race/RaceMap.js';
import {raceRuns, raceScenario, snapshot} from '../../fixtures.js';
import {BLOCKS, THEMES, draw, expectFits} from '../draw.js';

describe('RaceMap', () => {
	const sc = raceScenario();
	const views = (runs = raceRuns()) => dashboardReducer(initialDashboardState(sc), snapshot(runs)).runs;
	const map = (theme: keyof typeof THEMES, focus: number | null = null, language: 'en' | 'ko' = 'en') =>
		draw(<RaceMap runs={views()} surface="rosenbrock" focus={focus} width={78} height={13} />, theme, 100, language);

	/** The map cell (row, column) of a point of Rosenbrock's window at 78 × 12, worked out here from the window alone. */
	const cellOf = (x: number, y: number): [number, number] => {
		const v = SURFACES.rosenbrock.view;
		return [Math.floor(((v.yMax - y) / (v.yMax - v.yMin)) * 12), Math.floor(((x - v.xMin) / (v.xMax - v.xMin)) * 78)];
	};

	test.each(['color', 'mono', 'ascii'] as const)('paths, positions, the minimum and the key fit 78×13 (%s)', (theme) => {
		const lines = map(theme);
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		const g = THEMES[theme].glyphs;
		expect(lines.at(-1)).toContain(`minimum (1, 1) ${g.separator} `);
		expect(lines.at(-1)).toContain(theme === 'ascii' ? 'f - min' : 'f − min');
		for (const marker of g.markers.slice(0, 3)) expect(text).toContain(marker); // SGD's, Adam's and Adagrad's paths
		expect(text).toMatch(theme === 'ascii' ? /[\^>]/ : /[↑→]/); // Adagrad left up and to the right
		if (theme === 'ascii') expect(text).not.toMatch(BLOCKS);
		if (theme !== 'color') expect(lines.slice(0, -1).join('\n')).toContain(theme === 'ascii' ? '.' : '·'); // contour lines
	});

	// The old map wrote a count of runs where paths met ("3888888888767888"), so no path could be followed.
	// Mutation: ranking paths without the focus (pathRanks ignoring it) fails this.
	test.each(['mono', 'ascii'] as const)('a run singled out shows its own marker on every cell of its path (%s)', (theme) => {
		const runs = raceRuns();
		const markers = THEMES[theme].glyphs.markers;
		for (const focus of [0, 1, 2]) {
			const lines = map(theme, focus);
			const rows = lines.slice(0, -1).map((l) => [...l]);
			expect(rows.join('\n')).not.toMatch(/\d/);
			for (const p of runs[focus]!.newPoints) {
				if (p.x === undefined || p.y === undefined || !Number.isFinite(p.x) || Math.abs(p.x) > 2 || p.y < -1 || p.y > 3) continue;
				const [r, c] = cellOf(p.x, p.y);
				const minimum = theme === 'ascii' ? 'M' : '◎';
				if ((p.x - 1) ** 2 + (p.y - 1) ** 2 < 1e-9) expect(rows[r]![c]).toBe(minimum);
				else expect(rows[r]![c], `run ${focus} at step ${p.step}`).toBe(markers[focus]);
			}
		}
	});

	// Mutation: drawing paths (or positions) before the minimum fails this: Adam's path ends on it.
	test('the minimum is always drawn, under a path that crosses it and a run that stands on it', () => {
		for (const focus of [null, 1]) {
			const rows = map('mono', focus).slice(0, -1).map((l) => [...l]);
			const [r, c] = cellOf(1, 1);
			expect(rows[r]![c]).toBe('◎');
		}
	});

	test('no history yet, or only a diverged run: the surface alone, the key in Korean', () => {
		for (const runs of [[] as ReturnType<typeof raceRuns>, [raceRuns()[3]!]]) {
			const lines = draw(<RaceMap runs={views(runs)} surface="saddle" focus={null} width={78} height={13} />, 'mono', 100, 'ko');
			expectFits(lines, 78, 13);
			expect(lines.at(-1)).toContain('최솟값 (0, 1.41) (0, -1.41)');
			expect(lines.at(-1)).toContain('등고선: f − 최솟값 =');
		}
	});
});
