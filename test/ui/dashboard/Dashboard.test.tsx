import {describe, expect, test} from 'vitest';
import {Caption} from '../../../src/ui/dashboard/Caption.js';
import {currentNote} from '../../../src/ui/dashboard/caption-layout.js';
import {Dashboard} from '../../../src/ui/dashboard/Dashboard.js';
import {Footer} from '../../../src/ui/dashboard/Footer.js';
import {HelpOverlay} from '../../../src/ui/dashboard/HelpOverlay.js';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {type DashboardState, initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {StatusLine} from '../../../src/ui/dashboard/StatusLine.js';
import {fitHints, scopeHints} from '../../../src/ui/input/hints.js';
import {DESCRIPTIONS, KEYMAP, keysLabel} from '../../../src/ui/input/keymap.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {createTheme} from '../../../src/ui/kit/theme.js';
import {frameLines, history, runState, scenario, snapshot, stripAnsi, threeRuns} from '../fixtures.js';
import {renderUi, uiToString} from '../render.js';
import {expectIntact} from './intact.js';

const sc = scenario();

function stateWith(runs = threeRuns(), extra: Partial<DashboardState> = {}): DashboardState {
	return {...dashboardReducer(initialDashboardState(sc), snapshot(runs)), ...extra};
}

function expectFits(lines: string[], columns: number, rows: number) {
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
}

describe('Dashboard at 80×24', () => {
	const cases = [
		['loss', 'en'],
		['loss', 'ko'],
		['gradients', 'en'],
		['gradients', 'ko'],
	] as const;
	test.each(cases)('%s view in %s fits exactly', (view, language) => {
		const state = stateWith(threeRuns(), {view});
		const {lastFrame} = renderUi(<Dashboard state={state} scenario={sc} />, {language: language, size: {columns: 80, rows: 24}});
		const lines = frameLines(lastFrame());
		// One row stays free: a frame as tall as the terminal makes Ink clear the screen every frame.
		expectFits(lines, 80, 23);
		expect(lines.length).toBe(23);
		expectIntact(lines, {state, scenario: sc, language, size: {columns: 80, rows: 24}});
		const text = lines.join('\n');
		expect(text).toContain(language === 'en' ? 'Vanishing gradients' : '기울기 소실');
		expect(text).toContain(view === 'loss' ? (language === 'en' ? 'loss (log)' : '손실 (로그)') : '‖∂L/∂W‖');
		expect(text).toContain('sigmoid');
		expect(lines.at(-1)).toMatch(/q (quit|종료)/);
	});

	test('help overlay lists every keymap entry', () => {
		for (const language of ['en', 'ko'] as const) {
			const {lastFrame} = renderUi(<Dashboard state={stateWith(threeRuns(), {helpOpen: true})} scenario={sc} />, {language: language, size: {columns: 80, rows: 24}});
			const lines = frameLines(lastFrame());
			expectFits(lines, 80, 24);
			const text = lines.join('\n');
			for (const entry of KEYMAP.lesson.entries) {
				expect(text).toContain(keysLabel(entry));
				expect(text).toContain(DESCRIPTIONS[entry.command][language]);
			}
		}
	});

	test('before the first snapshot, with an error, paused, finished', () => {
		const empty = initialDashboardState(sc);
		for (const state of [empty, {...stateWith(), error: 'worker crashed: out of memory'}, stateWith(threeRuns(), {paused: true}), stateWith(threeRuns(), {finished: true})]) {
			const {lastFrame} = renderUi(<Dashboard state={state} scenario={sc} />, {language: 'en', size: {columns: 80, rows: 24}});
			expectFits(frameLines(lastFrame()), 80, 24);
		}
		const {lastFrame} = renderUi(<Dashboard state={{...stateWith(), error: 'boom'}} scenario={sc} />, {language: 'en', size: {columns: 80, rows: 24}});
		expect(stripAnsi(lastFrame() ?? '')).toContain('error: training stopped (boom)');
	});

	test('many runs and a diverged one still fit', () => {
		const runs = [...threeRuns(), ...threeRuns().map((r) => ({...r, label: `${r.label} (2)`})), runState('lr 5', history(20, (s) => 10 ** s), {diverged: true, divergedAt: 20})];
		for (const view of ['loss', 'gradients'] as const) {
			const {lastFrame} = renderUi(<Dashboard state={stateWith(runs, {view})} scenario={sc} />, {language: 'ko', size: {columns: 80, rows: 24}});
			expectFits(frameLines(lastFrame()), 80, 24);
		}
	});

	test('monochrome ASCII theme fits and uses no box-drawing glyphs', () => {
		for (const view of ['loss', 'gradients'] as const) {
			const state = stateWith(threeRuns(), {view});
			const theme = createTheme({color: false, ascii: true});
			const {lastFrame} = renderUi(<Dashboard state={state} scenario={sc} />, {theme});
			const frame = lastFrame() ?? '';
			// (No colours: chalk is off in tests, so a frame never has any; colours.test.tsx turns it on to check.)
			const lines = frameLines(frame);
			expectFits(lines, 80, 24);
			expectIntact(lines, {state, scenario: sc, language: 'en', size: {columns: 80, rows: 24}, theme}, `ascii ${view}`);
			expect(lines.join('\n')).not.toMatch(/[─│┌┐└┘█▏▎▍▌▋▊▉●▲■]/);
		}
	});
});

describe('other sizes', () => {
	test('60×20 shows TooSmall', () => {
		const {lastFrame} = renderUi(<Dashboard state={stateWith()} scenario={sc} />, {language: 'en', size: {columns: 60, rows: 20}});
		const lines = frameLines(lastFrame());
		expectFits(lines, 60, 20);
		expect(lines.join('\n')).toContain('terminal too small (need 80×24, have 60×20)');
	});
	test('80×23 and 79×24 are too small too', () => {
		for (const size of [{columns: 80, rows: 23}, {columns: 79, rows: 24}]) {
			const {lastFrame} = renderUi(<Dashboard state={stateWith()} scenario={sc} />, {language: 'ko', size: size});
			expect(stripAnsi(lastFrame() ?? '')).toContain('터미널이 너무 작아요');
		}
	});
	test('wide: the gradients view shows chart and bars side by side', () => {
		const frame = uiToString(<Dashboard state={stateWith(threeRuns(), {view: 'gradients'})} scenario={sc} />, {language: 'en', size: {columns: 140, rows: 32}});
		const lines = frameLines(frame);
		expectFits(lines, 140, 32);
		expect(lines[1]).toMatch(/loss \(log\).*‖∂L\/∂W‖/);
		expect(lines.join('\n')).toMatch(/■ relu/);
	});
	// At 160×50 six runs of bars took 116 columns side by side for 11 rows, leaving the chart 42.
	// Mutation: barsWidthWanted ignoring `most` (always one band) fails this.
	test('160×50: six runs of bars in two bands, the loss chart keeps more than half the width', () => {
		const runs = [...threeRuns(), ...threeRuns().map((r) => ({...r, label: `${r.label} again`}))];
		const state = stateWith(runs, {view: 'gradients'});
		const lines = frameLines(uiToString(<Dashboard state={state} scenario={sc} />, {language: 'en', size: {columns: 160, rows: 50}}));
		expectFits(lines, 160, 50);
		const bars = lines[1]!.indexOf('┌', 1); // the bars panel's top-left corner
		expect(bars, lines[1]).toBeGreaterThanOrEqual(80);
		const bottom = lines.findIndex((l, k) => k > 1 && l.startsWith('└'));
		const panel = lines.slice(2, bottom).map((l) => l.slice(bars)).join('\n');
		for (const run of runs) expect(panel).toMatch(new RegExp(`${run.label}( |$)`, 'm'));
		expect(panel).not.toContain('more');
	});
	// Mutation: barsWidthWanted without its no-layers case (a 4-column panel until the first step) fails this.
	test('160×50 before the first step: the bars panel already takes about half', () => {
		const state = {...initialDashboardState(sc), view: 'gradients' as const};
		const lines = frameLines(uiToString(<Dashboard state={state} scenario={sc} />, {language: 'en', size: {columns: 160, rows: 50}}));
		expectFits(lines, 160, 50);
		expect(lines[1]!.indexOf('┌', 1), lines[1]).toBe(80);
	});
	test.each([
		[80, 24],
		[100, 30],
		[120, 40],
		[200, 60],
	])('%i×%i fits', (columns, rows) => {
		for (const view of ['loss', 'gradients'] as const) {
			const state = stateWith(threeRuns(), {view});
			const frame = uiToString(<Dashboard state={state} scenario={sc} />, {language: 'ko', size: {columns, rows}});
			expectFits(frameLines(frame), columns, rows);
			expectIntact(frameLines(frame), {state, scenario: sc, language: 'ko', size: {columns, rows}}, `${view} ${columns}×${rows}`);
		}
	});
});

describe('pieces', () => {
	test('status line shows step, epoch, state and speed', () => {
		const runs = threeRuns();
		const line = (extra: object) =>
			stripAnsi(renderUi(<StatusLine title="Vanishing gradients" runs={runs} paused={false} finished={false} stepsPerSecond={1450} speed="max" width={80} {...extra} />).lastFrame() ?? '');
		expect(line({})).toMatch(/Vanishing gradients.*step 1200 · epoch 120 · ▶ 1450 steps\/s · speed max/);
		expect(line({paused: true})).toContain('⏸ paused');
		expect(line({finished: true})).toContain('✓ finished');
		expect(displayWidth(line({title: 'A very long lesson title that cannot possibly fit beside the status'}))).toBeLessThanOrEqual(80);
	});

	// The batch-size lesson read "step 40 · epoch 30": the full batch's epoch (finished at step 30)
	// beside batch 1's step. Mutation: the epoch as the largest of any run's fails this.
	test('status line: the epoch of the runs at the step shown, none where their epochs part', () => {
		const [a, b, c] = threeRuns();
		const line = (runs: object[]) => stripAnsi(renderUi(<StatusLine title="Batch size" runs={runs as ReturnType<typeof threeRuns>} paused={false} finished={false} stepsPerSecond={100} speed={100} width={80} />).lastFrame() ?? '');
		const full = {...a!, step: 30, epoch: 30};
		expect(line([full, {...b!, step: 40, epoch: 0.125}])).toContain('step 40 · epoch 0.1 ·');
		const text = line([full, {...b!, step: 30, epoch: 30 / 32}, {...c!, step: 30, epoch: 30}]);
		expect(text).toContain('step 30 · ▶');
		expect(text).not.toContain('epoch');
		expect(line([full, {...b!, step: 30, epoch: 30}])).toContain('step 30 · epoch 30 ·');
	});

	test('caption: the note for the current step, Korean within the width', () => {
		expect(currentNote(sc.notes, 0)?.at).toBe(0);
		expect(currentNote(sc.notes, 49)?.at).toBe(0);
		expect(currentNote(sc.notes, 5000)?.at).toBe(50);
		expect(currentNote([], 10)).toBeNull();
		for (const width of [80, 81, 57, 40]) {
			const {lastFrame} = renderUi(<Caption notes={sc.notes} step={60} width={width} lines={3} />, {language: 'ko'});
			const lines = frameLines(lastFrame());
			expect(lines.length).toBeLessThanOrEqual(3);
			for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
			expect(lines[0]).toContain('시그모이드');
		}
		// --ascii spells a caption's product as *, in Korean too (chapter 1's chain rule).
		const chain = [{at: 0, text: {en: '∂L/∂w = ∂L/∂z · a_prev', ko: '연결마다 ∂L/∂w = ∂L/∂z · a_prev'}}];
		const ascii = createTheme({color: false, ascii: true});
		expect(frameLines(renderUi(<Caption notes={chain} step={1} width={80} lines={3} />, {language: 'ko', theme: ascii}).lastFrame())[0]).toContain('연결마다 dL/dw = dL/dz * a_prev');
	});

	test('footer shows what fits, keeps help and quit, says resume when paused', () => {
		for (const width of [80, 60, 40, 200]) {
			const hints = fitHints(scopeHints('lesson', 'en'), width - 1, '·');
			expect(hints.map((h) => h.hint)).toEqual(expect.arrayContaining(['help', 'quit']));
			const {lastFrame} = renderUi(<Footer width={width} paused={false} />, {language: 'ko'});
			expect(displayWidth(stripAnsi(lastFrame() ?? ''))).toBeLessThanOrEqual(width);
		}
		expect(scopeHints('lesson', 'en', {paused: true})[0]).toMatchObject({keys: 'space', hint: 'resume'});
		expect(scopeHints('lesson', 'en').some((h) => h.keys === 'e')).toBe(false);
		expect(scopeHints('lesson', 'en', {enabled: ['export']}).some((h) => h.keys === 'e')).toBe(true);
	});

	test('footer drops hints one at a time, so a tie of ranks does not empty the line', () => {
		// The inspector's tab, select and change share a rank: dropping all three at once left
		// `space resume · ./, phase · ? help · q quit` at 80 columns, with no way out named.
		const text = stripAnsi(renderUi(<Footer width={80} paused={true} scope="inspector" />).lastFrame() ?? '');
		expect(text).toContain('tab view');
		expect(text).toContain('select');
		expect(displayWidth(text)).toBeLessThanOrEqual(80);
		const slope = stripAnsi(renderUi(<Footer width={80} paused={false} scope="slope" />).lastFrame() ?? '');
		expect(slope).toContain('tab view');
		expect(slope).toContain('g along');
	});

	// In a tour chapter at 80×24 the inspector's help has 18 rows of 78 columns: the first column
	// took its longest line (". next phase (pauses; then the step)") and the right one cut five
	// descriptions ("change settings, ad…"). Mutation: the first column always as wide as its
	// longest line fails this.
	test('help overlay: the first column gives way so that every description is read whole', () => {
		const {lastFrame} = renderUi(<HelpOverlay width={80} height={20} scope="inspector" />);
		const lines = frameLines(lastFrame());
		expectFits(lines, 80, 20);
		const text = lines.join('\n');
		expect(text).not.toContain('…');
		for (const words of ['change settings, add', 'lr ×10^¼ (the picked', 'save as a scenario file', 'previous run / all runs']) expect(text).toContain(words);
	});

	test('help overlay at its own size', () => {
		const {lastFrame} = renderUi(<HelpOverlay width={80} height={18} />);
		const lines = frameLines(lastFrame());
		expectFits(lines, 80, 18);
		for (const entry of KEYMAP.lesson.entries) expect(lines.join('\n')).toContain(DESCRIPTIONS[entry.command].en);
	});
});
