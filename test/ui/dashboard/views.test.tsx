import {describe, expect, test} from 'vitest';
import {findScenario, loadScenarioFile} from '../../../src/scenarios/load.js';
import type {NetworkScenario, Scenario} from '../../../src/scenarios/types.js';
import {Dashboard} from '../../../src/ui/dashboard/Dashboard.js';
import {dashboardLayout} from '../../../src/ui/dashboard/layout.js';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {type DashboardState, initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {createTheme} from '../../../src/ui/kit/theme.js';
import type {ViewName} from '../../../src/ui/views/model.js';
import {frameLines, history, planeData, raceRuns, raceScenario, runState, scenario, snapshot, threeProbes, threeRuns} from '../fixtures.js';
import {uiToString} from '../render.js';
import {expectIntact} from './intact.js';

const THEMES = {color: createTheme(), mono: createTheme({color: false}), ascii: createTheme({color: false, ascii: true})} as const;

/** The vanishing-gradients fixture with real run specs, so it offers every network view. */
function spiralScenario(): NetworkScenario {
	const spec = {
		label: 'sigmoid',
		dataset: {kind: 'toy', name: 'spiral', samples: 400, noise: 0.05, classes: 2, test: 0.2, standardize: false},
		model: {hidden: Array<number>(10).fill(16), activation: 'sigmoid', init: {name: 'xavier-uniform'}, weights: null, inputs: null, outputs: null},
		train: {optimizer: {name: 'sgd', lr: 0.1}, schedule: [], batch: 32, steps: 3000, loss: 'cross-entropy', shuffle: true, seed: 1},
	} as const;
	return scenario({runs: [spec, {...spec, label: 'tanh', model: {...spec.model, activation: 'tanh'}}, {...spec, label: 'relu', model: {...spec.model, activation: 'relu'}}]});
}

function networkState(extra: Partial<DashboardState> = {}, runs = threeRuns()): DashboardState {
	let s = dashboardReducer(initialDashboardState(spiralScenario()), snapshot(runs));
	s = dashboardReducer(s, {type: 'probe', runs: threeProbes(), data: planeData()});
	return {...s, ...extra};
}

function raceState(extra: Partial<DashboardState> = {}): DashboardState {
	return {...dashboardReducer(initialDashboardState(raceScenario()), snapshot(raceRuns())), ...extra};
}

function frame(state: DashboardState, sc: Scenario, columns: number, rows: number, theme: keyof typeof THEMES = 'color', language: 'en' | 'ko' = 'en'): string[] {
	return frameLines(uiToString(<Dashboard state={state} scenario={sc} />, {theme: THEMES[theme], language, size: {columns, rows}}));
}

/** One row stays free (Ink clears the screen every frame when the output fills it). */
function expectFits(lines: readonly string[], columns: number, rows: number) {
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
}

const NETWORK_VIEWS: readonly ViewName[] = ['boundary', 'histograms', 'activations'];

describe('teaching views in the dashboard', () => {
	test('a toy-data scenario offers every network view; Tab reaches each', () => {
		const s = initialDashboardState(spiralScenario());
		expect(s.views).toEqual(['loss', 'gradients', 'inspector', 'slope', 'boundary', 'histograms', 'activations']);
		let view = s;
		const seen: ViewName[] = [];
		for (const _ of s.views) {
			seen.push(view.view);
			view = dashboardReducer(view, {type: 'command', command: 'nextView'});
		}
		expect(seen).toEqual(s.views);
	});

	const cases = NETWORK_VIEWS.flatMap((view) => (['color', 'mono', 'ascii'] as const).flatMap((theme) => (['en', 'ko'] as const).map((language) => [view, theme, language] as const)));
	test.each(cases)('%s view, %s, %s: fits 80×24', (view, theme, language) => {
		const state = networkState({view});
		const lines = frame(state, spiralScenario(), 80, 24, theme, language);
		expectFits(lines, 80, 24);
		expectIntact(lines, {state, scenario: spiralScenario(), language, size: {columns: 80, rows: 24}, theme: THEMES[theme]}, `${view} ${theme} ${language}`);
		expect(lines.at(-1)).toMatch(/q (quit|종료)/);
		const text = lines.join('\n');
		if (theme === 'ascii') expect(text).not.toMatch(/[─│┌┐└┘█▀░▒▓▁▂▃▄▅▆▇●▲■⠁-⣿]/);
	});

	test.each(NETWORK_VIEWS)('%s view before anything arrived, and with a diverged run', (view) => {
		const empty = {...initialDashboardState(spiralScenario()), view};
		expectFits(frame(empty, spiralScenario(), 80, 24), 80, 24);
		const runs = [...threeRuns(), runState('lr 5', history(20, (s) => 10 ** s), {diverged: true, divergedAt: 20})];
		const diverged = networkState({view}, runs);
		expectFits(frame(diverged, spiralScenario(), 80, 24, 'mono'), 80, 24);
	});

	test.each(NETWORK_VIEWS)('%s view, one run focused, fits 80×24 and 160×50', (view) => {
		for (const [columns, rows] of [
			[80, 24],
			[160, 50],
		] as const) {
			const lines = frame(networkState({view, focus: 1, showTest: true}), spiralScenario(), columns, rows);
			expectFits(lines, columns, rows);
		}
	});

	test('the boundary and histogram views at 160×50 show every run', () => {
		for (const view of ['boundary', 'histograms'] as const) {
			const text = frame(networkState({view}), spiralScenario(), 160, 50).join('\n');
			for (const label of ['sigmoid', 'tanh', 'relu']) expect(text).toContain(label);
		}
	});
});

describe('the optimizer race in the dashboard', () => {
	test.each(['color', 'mono', 'ascii'] as const)('race map at 80×24 (%s), English and Korean', (theme) => {
		for (const language of ['en', 'ko'] as const) {
			const lines = frame(raceState(), raceScenario(), 80, 24, theme, language);
			expectFits(lines, 80, 24);
			expectIntact(lines, {state: raceState(), scenario: raceScenario(), language, size: {columns: 80, rows: 24}, theme: THEMES[theme]}, `race ${theme} ${language}`);
			const text = lines.join('\n');
			expect(text).toContain(language === 'en' ? 'optimizer race' : '옵티마이저 경주');
			expect(text).toContain(language === 'en' ? 'off the map since step 31' : '지도 밖, 스텝 31');
		}
	});

	// The saddle's key line was cut at 80 columns ("y -2.5 … …"); the window now sits in the title.
	test.each(['color', 'mono', 'ascii'] as const)('saddle at 80×24 (%s): the window in the title, the key whole, in both languages', (theme) => {
		for (const language of ['en', 'ko'] as const) {
			const saddle = raceScenario({surface: 'saddle'});
			const lines = frame({...dashboardReducer(initialDashboardState(saddle), snapshot(raceRuns()))}, saddle, 80, 24, theme, language);
			expectFits(lines, 80, 24);
			const g = THEMES[theme].glyphs;
			expect(lines[1]).toContain(`x -2.5 ${g.ellipsis} 2.5 ${g.separator} y -2.5 ${g.ellipsis} 2.5`);
			const key = lines.find((l) => l.includes(language === 'en' ? 'minima (0, 1.41) (0, -1.41)' : '최솟값 (0, 1.41) (0, -1.41)'))!;
			expect(key).toBeDefined();
			expect(key).not.toContain(g.ellipsis);
			expect(key).toContain(language === 'en' ? (theme === 'ascii' ? 'f - min' : 'f − min') : '최솟값');
		}
	});

	// Mutation: the race view ignoring state.focus fails this.
	test('[ and ] single out a run on the race map too: the title names it, its trail draws on top', () => {
		let state = raceState();
		for (const key of ['nextRun', 'nextRun'] as const) state = dashboardReducer(state, {type: 'command', command: key});
		const lines = frame(state, raceScenario(), 80, 24, 'mono');
		expect(lines[1]).toMatch(/optimizer race · rosenbrock · x -2 … 2 · y -1 … 3 · ▲ Adam/);
		// Adam's path from the start (−1.5, 2) to (1, 1) shows ▲ all along: where SGD's ● shared it before, ▲ now.
		const plain = frame(raceState(), raceScenario(), 80, 24, 'mono');
		const count = (ls: string[], ch: string) => ls.slice(2, 14).join('').split(ch).length - 1;
		expect(count(lines, '▲')).toBeGreaterThan(count(plain, '▲'));
		expect(count(lines, '●')).toBeLessThan(count(plain, '●'));
		state = dashboardReducer(state, {type: 'command', command: 'prevRun'});
		expect(frame(state, raceScenario(), 80, 24, 'mono')[1]).toContain('● SGD');
	});

	test('wide: the loss chart beside the map', () => {
		const layout = dashboardLayout({columns: 160, rows: 50}, 'race', false, 2);
		expect(layout.panels.map((p) => p.content)).toEqual(['race', 'loss']);
		const lines = frame(raceState(), raceScenario(), 160, 50);
		expectFits(lines, 160, 50);
		expectIntact(lines, {state: raceState(), scenario: raceScenario(), language: 'en', size: {columns: 160, rows: 50}}, 'race 160×50');
		expect(lines[1]).toMatch(/optimizer race · rosenbrock.*loss \(log\)/);
	});

	test('before the first snapshot, and the loss view', () => {
		const empty = initialDashboardState(raceScenario());
		expect(empty.view).toBe('race');
		expectFits(frame(empty, raceScenario(), 80, 24), 80, 24);
		expectFits(frame(raceState({view: 'loss'}), raceScenario(), 80, 24, 'ascii'), 80, 24);
	});
});

describe('the images view in the dashboard', () => {
	/** Two runs on the digits; images of class k % 10 with a lit column, SGD wrong on image 1. */
	function digitsState(focus: number | null = null): {state: DashboardState; sc: NetworkScenario} {
		const base = spiralScenario();
		const sc: NetworkScenario = {...base, runs: base.runs.slice(0, 2).map((r, k) => ({...r, label: k === 0 ? 'SGD' : 'Adam', dataset: {kind: 'digits', test: 0.2, standardize: false}}))};
		const count = 40;
		const pixels = new Float32Array(count * 64);
		for (let k = 0; k < count; k++) for (let r = 0; r < 8; r++) pixels[k * 64 + r * 8 + (k % 8)] = 1;
		const images = {width: 8, height: 8, pixels, labels: Uint8Array.from({length: count}, (_, k) => k % 10), classNames: Array.from({length: 10}, (_, k) => String(k)), split: 'test', rows: 360} as const;
		const confusion = new Uint32Array(100);
		for (let c = 0; c < 10; c++) confusion[c * 11] = 33;
		const probe = (wrong: boolean) => ({images: {predicted: Uint8Array.from({length: count}, (_, k) => (wrong && k === 1 ? 7 : k % 10)), confusion}});
		let state = dashboardReducer(initialDashboardState(sc), snapshot([runState('SGD', history(50, () => 1)), runState('Adam', history(50, () => 0.5))]));
		state = dashboardReducer(state, {type: 'probe', runs: [probe(true), probe(false)], images});
		return {state: {...state, view: 'images', focus}, sc};
	}

	test('digits offer it after the loss chart', () => {
		const {sc} = digitsState();
		expect(initialDashboardState(sc).views).toEqual(['loss', 'images', 'gradients', 'inspector', 'slope', 'histograms', 'activations']);
		expect(initialDashboardState(spiralScenario()).views).not.toContain('images');
	});

	// Mutation: ViewPanel without the images case (or the reducer dropping action.images) fails this.
	test.each(['color', 'mono', 'ascii'] as const)('80×24 (%s): digits and both matrices, in both languages', (theme) => {
		for (const language of ['en', 'ko'] as const) {
			const {state, sc} = digitsState();
			const lines = frame(state, sc, 80, 24, theme, language);
			expectFits(lines, 80, 24);
			expect(lines[1]).toContain(language === 'en' ? 'test images' : '테스트 이미지');
			const g = THEMES[theme].glyphs;
			const tiles = lines.filter((l) => l.includes(`${g.markers[0]}7`));
			expect(tiles.length, lines.join('\n')).toBeGreaterThan(0); // SGD's wrong guess on image 1
			const matrices = lines.filter((l) => l.includes(`${g.markers[0]}   0  1  2`) && l.includes(`${g.markers[1]}   0  1  2`));
			expect(matrices.length, lines.join('\n')).toBe(1);
			// The panel (the caption is the lesson's own text, in the fixture not spelled for ASCII).
			const panel = lines.slice(1, 17);
			if (theme === 'ascii' && language === 'en') expect(panel.join('')).not.toMatch(/[^\x20-\x7e]/);
			if (theme !== 'ascii') expect(panel.join('')).toMatch(/[▀█]/);
		}
	});

	// An empty row takes no height in Ink: blank rows must hold a space. Mutation: `[]` for a blank row fails this.
	test('160×50: rows of images a blank line apart, then the matrices', () => {
		const {state, sc} = digitsState();
		const lines = frame(state, sc, 160, 50, 'mono');
		expectFits(lines, 160, 50);
		expect(lines[2]).toMatch(/^│█ {9}0 {3}█ {8}1/);
		expect(lines[6]).toMatch(/^│ +│$/);
		expect(lines[7]).toMatch(/^│ {4}█ {5}2 {3}/); // image 12: class 2, its column 4 lit
		const header = lines.findIndex((l) => l.includes('●   0  1  2'));
		expect(lines[header - 1]).toMatch(/^│ +│$/);
	});

	// At 80×24 the digits lesson's legend takes two lines (test accuracy), so one matrix stands
	// beside the images: SGD's. The caption on Adam's matrix says the key that shows it, and that
	// key does. Mutation: the caption without "[" (as it was), or [ from all runs picking the first
	// run, fails this.
	test('80×24: the digits caption on Adam\'s matrix names [, and [ shows Adam\'s matrix', () => {
		const digits = loadScenarioFile(findScenario('digits')) as NetworkScenario;
		const note = digits.notes.find((n) => n.text.en.includes('confusion matrix'))!;
		expect(digits.runs.map((r) => r.label)).toEqual(['SGD', 'Adam']);
		expect(note.text.en).toMatch(/Adam.*\[ shows it/);
		expect(note.text.ko).toContain('[ 키로');
		const {state, sc} = digitsState();
		const tested = {...state, runs: state.runs.map((r) => ({...r, state: {...r.state, testAccuracy: 0.9}}))};
		const before = frame(tested, sc, 80, 24, 'mono');
		expect(before.some((l) => l.includes('●   0  1'))).toBe(true);
		expect(before.some((l) => l.includes('▲   0  1'))).toBe(false);
		const after = frame(dashboardReducer(tested, {type: 'command', command: 'prevRun'}), sc, 80, 24, 'mono');
		expect(after.some((l) => l.includes('▲   0  1')), after.join('\n')).toBe(true);
	});

	test('[ ] single out a run: its name in the title, its matrix alone', () => {
		const {state, sc} = digitsState(1);
		const lines = frame(state, sc, 80, 24, 'mono');
		expect(lines[1]).toContain('test images · ▲ Adam ·');
		expect(lines.some((l) => l.includes('●   0  1'))).toBe(false);
		expect(lines.some((l) => l.includes('▲   0  1'))).toBe(true);
	});
});
