import {renderToString} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {Caption, currentNote} from '../../../src/ui/dashboard/Caption.js';
import {Dashboard} from '../../../src/ui/dashboard/Dashboard.js';
import {type DashboardState, dashboardReducer, initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {Footer, footerHints} from '../../../src/ui/dashboard/Footer.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {HelpOverlay} from '../../../src/ui/dashboard/HelpOverlay.js';
import {KEYMAP, keysLabel} from '../../../src/ui/input/keymap.js';
import {StatusLine} from '../../../src/ui/dashboard/StatusLine.js';
import {ThemeContext, createTheme} from '../../../src/ui/kit/theme.js';
import {frameLines, history, runState, scenario, snapshot, stripAnsi, threeRuns} from '../fixtures.js';

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
		const {lastFrame} = render(<Dashboard state={stateWith(threeRuns(), {view})} scenario={sc} language={language} size={{columns: 80, rows: 24}} />);
		const lines = frameLines(lastFrame());
		// One row stays free: a frame as tall as the terminal makes Ink clear the screen every frame.
		expectFits(lines, 80, 23);
		expect(lines.length).toBe(23);
		const text = lines.join('\n');
		expect(text).toContain(language === 'en' ? 'Vanishing gradients' : '기울기 소실');
		expect(text).toContain(view === 'loss' ? (language === 'en' ? 'loss (log)' : '손실 (로그)') : '‖∂L/∂W‖');
		expect(text).toContain('sigmoid');
		expect(lines.at(-1)).toMatch(/q (quit|종료)/);
	});

	test('help overlay lists every keymap entry', () => {
		for (const language of ['en', 'ko'] as const) {
			const {lastFrame} = render(<Dashboard state={stateWith(threeRuns(), {helpOpen: true})} scenario={sc} language={language} size={{columns: 80, rows: 24}} />);
			const lines = frameLines(lastFrame());
			expectFits(lines, 80, 24);
			const text = lines.join('\n');
			for (const entry of KEYMAP) {
				expect(text).toContain(keysLabel(entry));
				expect(text).toContain(entry.description[language]);
			}
		}
	});

	test('before the first snapshot, with an error, paused, finished', () => {
		const empty = initialDashboardState(sc);
		for (const state of [empty, {...stateWith(), error: 'worker crashed: out of memory'}, stateWith(threeRuns(), {paused: true}), stateWith(threeRuns(), {finished: true})]) {
			const {lastFrame} = render(<Dashboard state={state} scenario={sc} language="en" size={{columns: 80, rows: 24}} />);
			expectFits(frameLines(lastFrame()), 80, 24);
		}
		const {lastFrame} = render(<Dashboard state={{...stateWith(), error: 'boom'}} scenario={sc} language="en" size={{columns: 80, rows: 24}} />);
		expect(stripAnsi(lastFrame() ?? '')).toContain('error: training stopped (boom)');
	});

	test('many runs and a diverged one still fit', () => {
		const runs = [...threeRuns(), ...threeRuns().map((r) => ({...r, label: `${r.label} (2)`})), runState('lr 5', history(20, (s) => 10 ** s), {diverged: true, divergedAt: 20})];
		for (const view of ['loss', 'gradients'] as const) {
			const {lastFrame} = render(<Dashboard state={stateWith(runs, {view})} scenario={sc} language="ko" size={{columns: 80, rows: 24}} />);
			expectFits(frameLines(lastFrame()), 80, 24);
		}
	});

	test('monochrome ASCII theme fits and uses no box-drawing glyphs', () => {
		for (const view of ['loss', 'gradients'] as const) {
			const {lastFrame} = render(
				<ThemeContext.Provider value={createTheme({color: false, ascii: true})}>
					<Dashboard state={stateWith(threeRuns(), {view})} scenario={sc} language="en" size={{columns: 80, rows: 24}} />
				</ThemeContext.Provider>,
			);
			const frame = lastFrame() ?? '';
			expect(frame).not.toMatch(/\u001B\[3\dm/); // no foreground colours
			const lines = frameLines(frame);
			expectFits(lines, 80, 24);
			expect(lines.join('\n')).not.toMatch(/[─│┌┐└┘█▏▎▍▌▋▊▉●▲■]/);
		}
	});
});

describe('other sizes', () => {
	test('60×20 shows TooSmall', () => {
		const {lastFrame} = render(<Dashboard state={stateWith()} scenario={sc} language="en" size={{columns: 60, rows: 20}} />);
		const lines = frameLines(lastFrame());
		expectFits(lines, 60, 20);
		expect(lines.join('\n')).toContain('terminal too small (need 80×24, have 60×20)');
	});
	test('80×23 and 79×24 are too small too', () => {
		for (const size of [{columns: 80, rows: 23}, {columns: 79, rows: 24}]) {
			const {lastFrame} = render(<Dashboard state={stateWith()} scenario={sc} language="ko" size={size} />);
			expect(stripAnsi(lastFrame() ?? '')).toContain('터미널이 너무 작아요');
		}
	});
	test('wide: the gradients view shows chart and bars side by side', () => {
		const frame = renderToString(<Dashboard state={stateWith(threeRuns(), {view: 'gradients'})} scenario={sc} language="en" size={{columns: 140, rows: 32}} />, {columns: 140});
		const lines = frameLines(frame);
		expectFits(lines, 140, 32);
		expect(lines[1]).toMatch(/loss \(log\).*‖∂L\/∂W‖/);
		expect(lines.join('\n')).toMatch(/■ relu/);
	});
	test.each([
		[80, 24],
		[100, 30],
		[120, 40],
		[200, 60],
	])('%i×%i fits', (columns, rows) => {
		for (const view of ['loss', 'gradients'] as const) {
			const frame = renderToString(<Dashboard state={stateWith(threeRuns(), {view})} scenario={sc} language="ko" size={{columns, rows}} />, {columns});
			expectFits(frameLines(frame), columns, rows);
		}
	});
});

describe('pieces', () => {
	test('status line shows step, epoch, state and speed', () => {
		const runs = threeRuns();
		const line = (extra: object) =>
			stripAnsi(render(<StatusLine title="Vanishing gradients" runs={runs} paused={false} finished={false} stepsPerSecond={1450} speed="max" width={80} language="en" {...extra} />).lastFrame() ?? '');
		expect(line({})).toMatch(/Vanishing gradients.*step 1200 · epoch 120 · ▶ 1450 steps\/s · speed max/);
		expect(line({paused: true})).toContain('⏸ paused');
		expect(line({finished: true})).toContain('✓ finished');
		expect(displayWidth(line({title: 'A very long lesson title that cannot possibly fit beside the status'}))).toBeLessThanOrEqual(80);
	});

	test('caption: the note for the current step, Korean within the width', () => {
		expect(currentNote(sc.notes, 0)?.at).toBe(0);
		expect(currentNote(sc.notes, 49)?.at).toBe(0);
		expect(currentNote(sc.notes, 5000)?.at).toBe(50);
		expect(currentNote([], 10)).toBeNull();
		for (const width of [80, 81, 57, 40]) {
			const {lastFrame} = render(<Caption notes={sc.notes} step={60} language="ko" width={width} lines={3} />);
			const lines = frameLines(lastFrame());
			expect(lines.length).toBeLessThanOrEqual(3);
			for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
			expect(lines[0]).toContain('시그모이드');
		}
	});

	test('footer shows what fits, keeps help and quit, says resume when paused', () => {
		for (const width of [80, 60, 40, 200]) {
			const hints = footerHints(width, 'en', false, '·');
			expect(hints.map((h) => h.hint)).toEqual(expect.arrayContaining(['help', 'quit']));
			const {lastFrame} = render(<Footer width={width} language="ko" paused={false} />);
			expect(displayWidth(stripAnsi(lastFrame() ?? ''))).toBeLessThanOrEqual(width);
		}
		expect(footerHints(80, 'en', true, '·')[0]).toEqual({keys: 'space', hint: 'resume'});
		expect(footerHints(200, 'en', false, '·').some((h) => h.keys === 'e')).toBe(false);
		expect(footerHints(200, 'en', false, '·', ['export']).some((h) => h.keys === 'e')).toBe(true);
	});

	test('help overlay at its own size', () => {
		const {lastFrame} = render(<HelpOverlay width={80} height={18} language="en" />);
		const lines = frameLines(lastFrame());
		expectFits(lines, 80, 18);
		for (const entry of KEYMAP) expect(lines.join('\n')).toContain(entry.description.en);
	});
});
