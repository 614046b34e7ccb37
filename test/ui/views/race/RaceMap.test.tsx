import {describe, expect, test} from 'vitest';
import {dashboardReducer} from '../../../../src/ui/dashboard/reducer.js';
import {initialDashboardState} from '../../../../src/ui/dashboard/state.js';
import {RaceMap} from '../../../../src/ui/views/race/RaceMap.js';
import {raceRuns, raceScenario, snapshot} from '../../fixtures.js';
import {BLOCKS, THEMES, draw, expectFits} from '../draw.js';

describe('RaceMap', () => {
	const sc = raceScenario();
	const views = (runs = raceRuns()) => dashboardReducer(initialDashboardState(sc), snapshot(runs)).runs;

	test.each(['color', 'mono', 'ascii'] as const)('paths, positions, the minimum and the window fit 78×13 (%s)', (theme) => {
		const lines = draw(<RaceMap runs={views()} surface="rosenbrock" width={78} height={13} />, theme);
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		const g = THEMES[theme].glyphs;
		expect(lines.at(-1)).toContain(`minimum (1, 1) ${g.separator} 2${theme === 'ascii' ? '-' : '–'}9 runs in a cell ${g.separator} x -2`);
		expect(text).toContain(g.markers[0]!); // SGD's path
		expect(text).toContain(g.markers[1]!); // Adam's
		expect(text).toMatch(theme === 'ascii' ? /[\^>]/ : /[↑→]/); // Adagrad left up and to the right
		if (theme === 'ascii') expect(text).not.toMatch(BLOCKS);
		if (theme !== 'color') expect(text).toContain(theme === 'ascii' ? '.' : '·'); // contour lines
	});

	test('shared cells show how many paths cross them', () => {
		// Every racer starts at (−1.5, 2): that cell is shared by all four.
		// Mutation: paths drawn without their count (a cell shows its first run's marker) fails this. The key line says
		// "2–9 runs in a cell" and holds the axes' numbers: only the map's own rows are looked at.
		const map = draw(<RaceMap runs={views()} surface="rosenbrock" width={78} height={13} />, 'mono').filter((line) => !line.includes('minimum'));
		expect(map).toHaveLength(12);
		expect(map.join('')).toContain('4');
		expect(map.join('')).not.toMatch(/[5-9]/); // never more than the four racers
	});

	test('no history yet, or only a diverged run: the surface alone', () => {
		for (const runs of [[] as ReturnType<typeof raceRuns>, [raceRuns()[3]!]]) {
			const lines = draw(<RaceMap runs={views(runs)} surface="saddle" width={78} height={13} />, 'mono', 100, 'ko');
			expectFits(lines, 78, 13);
			expect(lines.at(-1)).toContain('최솟값 (0, 1.41) (0, -1.41)');
		}
	});
});
