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
	test('a regression: R² and test R² where the accuracies would be; R^2 in ASCII', () => {
		const runs = [runState('relu', history(3, () => 0.02), {accuracy: Number.NaN, testAccuracy: Number.NaN, r2: 0.968, testR2: 0.951})];
		expect(legendLayout(runs, 79, 3, 'en', THEMES.color).lines.flat().map((e) => e.detail)).toEqual(['loss 0.0200  R² 0.97  test R² 0.95  lr 0.1']);
		expect(legendLayout(runs, 79, 3, 'en', THEMES.ascii).lines.flat().map((e) => e.detail)).toEqual(['loss 0.0200  R^2 0.97  test R^2 0.95  lr 0.1']);
	});
	test('many runs: terser entries first, then +N more', () => {
		const runs = Array.from({length: 12}, (_, k) => runState(`run number ${k}`, history(3, () => 0.5), {testAccuracy: 0.5}));
		const {lastFrame} = renderUi(<Legend layout={legendLayout(runs, 79, 2, 'ko', THEMES.color)} width={79} />, {language: 'ko'});
		const lines = frameLines(lastFrame());
		expect(lines.length).toBeLessThanOrEqual(2);
		expect(lines.join('\n')).toMatch(/\+\d+개 더/);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(79);
	});
	test('"+N more" always fits whole on the last line, and every run is shown or counted', () => {
		// Some widths leave the last line too full for "+N more", and an entry must make room
		// (without the drop, 45–53, 65–73 and 88–96 fail in English).
		// Mutation caught: packLegend's loop that drops entries from the last line for "+N more" removed.
		const runs = Array.from({length: 9}, (_, k) => runState(`run ${'x'.repeat(k % 4)}${k}`, history(3, () => 0.5), {testAccuracy: 0.5}));
		for (const language of ['en', 'ko'] as const) {
			for (let width = 40; width <= 120; width += 4) {
				const layout = legendLayout(runs, width, 2, language, THEMES.color);
				const shown = layout.lines.flat().length;
				expect(shown + layout.hidden, `${language} ${width}`).toBe(runs.length);
				const lines = frameLines(renderUi(<Legend layout={layout} width={width} />, {language}).lastFrame());
				for (const line of lines) expect(displayWidth(line), `${language} ${width}`).toBeLessThanOrEqual(width);
				if (layout.hidden > 0) expect(lines.at(-1)!.trimEnd().endsWith(layout.moreText), `${language} ${width}: ${lines.at(-1)}`).toBe(true);
			}
		}
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
