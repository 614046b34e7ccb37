import {describe, expect, test} from 'vitest';
import {Legend} from '../../../src/ui/dashboard/Legend.js';
import {legendLayout, raceLegendLayout} from '../../../src/ui/dashboard/legend-layout.js';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {frameLines, history, raceRuns, raceScenario, runState, snapshot, threeRuns} from '../fixtures.js';
import {renderUi} from '../render.js';
import {THEMES, draw, expectFits} from '../views/draw.js';

describe('the lesson legend', () => {
	test('each run: marker, label, loss, accuracy, test accuracy; diverged in words', () => {
		const runs = [...threeRuns(), runState('lr 5', [], {diverged: true, divergedAt: 137})];
		const {lastFrame} = renderUi(<Legend layout={legendLayout(runs, 79, 3, 'en', THEMES.color)} width={79} />);
		const lines = frameLines(lastFrame());
		const text = lines.join('\n');
		expect(text).toContain('● sigmoid  loss 0.693  acc 50%  test 49%');
		expect(text).toContain('✗ lr 5  diverged at step 137');
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(79);
	});
	// Mutation: formatValue without the overflow word (1e+200) fails this.
	test('a loss past float32 reads overflow, in both languages; a large one still a number', () => {
		const runs = [runState('lr 2', history(3, () => 2.17e247)), runState('lr 1', history(3, () => 1.4e3))];
		for (const [language, word] of [['en', 'overflow'], ['ko', '오버플로']] as const) {
			const text = frameLines(renderUi(<Legend layout={legendLayout(runs, 79, 3, language, THEMES.color)} width={79} />, {language}).lastFrame()).join('\n');
			expect(text).toMatch(new RegExp(`lr 2 {2}\\S+ ${word}`));
			expect(text).toContain('1.4e+03');
			expect(text).not.toContain('e+247');
		}
	});
	test('many runs: terser entries first, then +N more', () => {
		const runs = Array.from({length: 12}, (_, k) => runState(`run number ${k}`, history(3, () => 0.5), {testAccuracy: 0.5}));
		const {lastFrame} = renderUi(<Legend layout={legendLayout(runs, 79, 2, 'ko', THEMES.color)} width={79} />, {language: 'ko'});
		const lines = frameLines(lastFrame());
		expect(lines.length).toBeLessThanOrEqual(2);
		expect(lines.join('\n')).toMatch(/\+\d+개 더/);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(79);
	});
});

describe('the race legend', () => {
	const sc = raceScenario();
	const views = (runs = raceRuns()) => dashboardReducer(initialDashboardState(sc), snapshot(runs)).runs;

	test('the legend: loss, where a run left the map, divergence', () => {
		const lines = draw(<Legend layout={raceLegendLayout(views(), 'rosenbrock', 79, 3, 'en', THEMES.color)} width={79} />);
		expectFits(lines, 79, 3);
		const text = lines.join('\n');
		expect(text).toMatch(/● SGD {2}loss \d/);
		expect(text).toContain('Adagrad  loss');
		expect(text).toContain('off the map since step 31');
		expect(text).toContain('diverged at step 11');
		expect(text).not.toMatch(/SGD[^▲]*off the map/);
	});
});
