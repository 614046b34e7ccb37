import {describe, expect, test} from 'vitest';
import {Legend} from '../../../src/ui/dashboard/Legend.js';
import {legendLayout, raceLegendLayout} from '../../../src/ui/dashboard/legend-layout.js';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {findScenario, loadScenarioFile} from '../../../src/scenarios/load.js';
import type {NetworkScenario, SurfaceScenario} from '../../../src/scenarios/types.js';
import {differenceTexts, draftOf} from '../../../src/ui/screens/editor/draft.js';
import {initialEditorState} from '../../../src/ui/screens/editor/editor-state.js';
import {runRows} from '../../../src/ui/screens/editor/editor-layout.js';
import {UNICODE_GLYPHS} from '../../../src/ui/kit/theme.js';
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

describe('an edited lesson\'s legend: what differs between the runs', () => {
	/** Vanishing gradients with the sigmoid run switched to relu (its label still says sigmoid). */
	function edited(): NetworkScenario {
		const sc = loadScenarioFile(findScenario('vanishing-gradients')) as NetworkScenario;
		const [first, ...rest] = sc.runs;
		return {...sc, runs: [{...first!, model: {...first!.model, activation: 'relu'}}, ...rest]};
	}

	test('a run labelled sigmoid reads relu, in the editor\'s own words', () => {
		const sc = edited();
		const differs = differenceTexts(draftOf(sc), 'en');
		expect(differs).toEqual(['relu, xavier-uniform', 'tanh, xavier-uniform', 'relu, he-normal']);
		// One implementation: the editor's runs panel says the same.
		expect(runRows(initialEditorState(sc), 'en', UNICODE_GLYPHS).map((r) => r.detail)).toEqual(differs);
		const lines = draw(<Legend layout={legendLayout(threeRuns(), 79, 3, 'en', THEMES.color, differs)} width={79} />, 'color', 80);
		expectFits(lines, 79, 3);
		const text = lines.join('\n');
		// Mutation: drop `differs` from legendEntry's detail and these fail.
		expect(text).toContain('● sigmoid  relu, xavier-uniform  loss 0.693');
		expect(text).toContain('relu, he-normal  loss');
		// Not edited: as before.
		expect(draw(<Legend layout={legendLayout(threeRuns(), 79, 3, 'en', THEMES.color)} width={79} />, 'color', 80).join('\n')).toContain('● sigmoid  loss 0.693');
	});

	test('4 edited runs at 80×24, one lr lowered live: every run keeps its loss and the lr it uses now; what differs gets the room left, without its lr', () => {
		// The experiment e2e's legend: sigmoid given ReLU and He init, a copy of it at lr ×10 whose lr
		// was lowered live to 0.0562. Entries of two different widths pack 2 + 1 + 1 on the lines, so
		// "the runs share the lines evenly" would be wrong about the room each has.
		// Mutation caught: fitLegend without the step that keeps the numbers and cuts what differs to
		// the room left (its old fallback: what differs alone, the numbers dropped) fails every line.
		const sc = edited();
		const [sigmoid, tanh, relu] = sc.runs;
		const first = {...sigmoid!, model: relu!.model};
		const copy = {...first, label: 'sigmoid 2', train: {...first.train, optimizer: {...first.train.optimizer, lr: 0.1}}};
		const withCopy: NetworkScenario = {...sc, runs: [first, tanh!, relu!, copy]};
		const differs = differenceTexts(draftOf(withCopy), 'en', ['lr']);
		// The legend's words leave the lr out: it shows the one the run uses now.
		expect(differs).toEqual(['relu, he-normal', 'tanh, xavier-uniform', 'relu, he-normal', 'relu, he-normal']);
		expect(differenceTexts(draftOf(withCopy), 'en')[3]).toBe('relu, he-normal, lr 0.1');
		// Runs that differ only in lr say nothing there, not "same settings as another run"
		// (mutation caught: differenceTexts without its check of the unfiltered differences).
		expect(differenceTexts(draftOf({...sc, runs: [first, copy]}), 'en', ['lr'])).toEqual(['', '']);
		const runs = [...threeRuns().map((run) => ({...run, lr: 0.01})), runState('sigmoid 2', history(1200, () => 0.41), {accuracy: 0.81, testAccuracy: 0.8, lr: 0.0562})];
		const layout = legendLayout(runs, 79, 3, 'en', THEMES.color, differs);
		expect(layout.hidden).toBe(0);
		const lines = draw(<Legend layout={layout} width={79} />, 'color', 80);
		expectFits(lines, 79, 3);
		const text = lines.join('\n');
		for (const run of runs) expect(text).toMatch(new RegExp(`${run.label} .*loss \\d.*lr ${String(run.lr).replace('.', '\\.')}\\b`));
		expect(text).toMatch(/◆ sigmoid 2 {2}relu, he-normal {2}loss 0\.410 .*lr 0\.0562/);
		expect(text).not.toContain('lr 0.1');
	});

	test('4 runs whose numbers fill a line: the test and train accuracy give way before what differs does, and each run shows its first difference', () => {
		// As on the screen just after an edit (no test accuracy yet): sigmoid given ReLU, a copy on rmsprop.
		// With every number, sigmoid and tanh fill a line and what differs gets no room at all.
		// Mutations caught: firstShown always true (the richest numbers win: no "relu" for sigmoid); spread
		// putting ceil(4 / 3) runs a line (2, 2: relu and sigmoid 2 cut short too).
		const differs = ['relu, xavier-uniform, momentum', 'tanh, xavier-uniform, momentum', 'relu, he-normal, momentum', 'relu, xavier-uniform, rmsprop'];
		const runs = [...threeRuns().map((run) => ({...run, lr: 0.01, testAccuracy: Number.NaN})), runState('sigmoid 2', history(1200, () => 0.41), {accuracy: 0.59, lr: 0.01})];
		const layout = legendLayout(runs, 79, 3, 'en', THEMES.color, differs);
		expect(layout.hidden).toBe(0);
		const lines = draw(<Legend layout={layout} width={79} />, 'color', 80);
		expectFits(lines, 79, 3);
		// Spread 2, 1, 1 over the three lines; cut at a whole difference.
		expect(lines[0]).toMatch(/^● sigmoid {2}relu, … {2}loss 0\.693 {2}lr 0\.01 {2}▲ tanh {2}tanh, … {2}loss \S+ {2}lr 0\.01/);
		expect(lines[1]).toMatch(/^■ relu {2}relu, he-normal, momentum {2}loss \S+ {2}lr 0\.01/);
		expect(lines[2]).toMatch(/^◆ sigmoid 2 {2}relu, xavier-uniform, rmsprop {2}loss 0\.410 {2}lr 0\.01/);
	});

	test.each([
		['en', 'color'],
		['ko', 'color'],
		['en', 'ascii'],
		['ko', 'mono'],
	] as const)('8 runs at 80×24 (%s, %s): every run, each saying what differs (cut to fit), in 3 lines', (language, theme) => {
		const runs = Array.from({length: 8}, (_, k) => runState(`relu ${k + 2}`, history(3, () => 0.5), {accuracy: 0.8, testAccuracy: 0.7, lr: 0.01}));
		const differs = runs.map((_, k) => (k === 7 ? differenceTexts({kind: 'network', shared: {}, runs: [{}, {}]}, language)[0]! : `hidden 10×16, tanh, he-normal, lr ${k}`));
		const layout = legendLayout(runs, 79, 3, language, THEMES[theme], differs);
		expect(layout.hidden).toBe(0);
		const lines = draw(<Legend layout={layout} width={79} />, theme, 80, language);
		expectFits(lines, 79, 3);
		const text = lines.join('\n');
		// Mutation: drop fitLegend's last step (what differs cut to the room) and runs go to "+N more".
		for (let k = 0; k < 7; k++) expect(text).toContain(`relu ${k + 2}  hidden 10`);
		expect(text).toContain(`relu 9  ${differs[7]!.slice(0, 4)}`);
		if (theme === 'ascii') expect(text).toMatch(/^[\x20-\x7e\n]*$/);
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

	test.each([
		['en', 'color'],
		['ko', 'color'],
		['en', 'ascii'],
	] as const)('after an edit at 80×24 (%s, %s): the run labelled SGD reads adam, every run in 3 lines, in the lesson legend\'s words', (language, theme) => {
		// Mutation caught: raceLegendLayout ignoring `differs` (no "SGD  adam": the race said nothing of the edit).
		const race = loadScenarioFile(findScenario('optimizer-race')) as SurfaceScenario;
		const [sgd, ...rest] = race.runs;
		const edited: SurfaceScenario = {...race, runs: [{...sgd!, optimizer: {...sgd!.optimizer, name: 'adam'}}, ...rest]};
		const differs = differenceTexts(draftOf(edited), language, ['lr']);
		expect(differs[0]).toBe('adam');
		// Eight runs on the map, one of them off it since step 31 (raceRuns' Adagrad).
		const base = raceRuns();
		const states = edited.runs.map((run, k) => ({...base[k % 3]!, label: run.label}));
		const layout = raceLegendLayout(views(states), 'rosenbrock', 79, 3, language, THEMES[theme], differs);
		expect(layout.hidden).toBe(0);
		const lines = draw(<Legend layout={layout} width={79} />, theme, 80, language);
		expectFits(lines, 79, 3);
		const text = lines.join('\n');
		expect(text).toMatch(theme === 'ascii' ? /SGD {2}adam\b/ : /● SGD {2}adam\b/);
		for (const run of edited.runs) expect(text).toContain(`${run.label}  `);
		// Where a run left the map still follows its numbers (none here: what differs alone).
		expect(text).toContain(language === 'en' ? 'Nesterov  nesterov  off the map since step 31' : 'Nesterov  nesterov  지도 밖, 스텝 31');
	});
});
