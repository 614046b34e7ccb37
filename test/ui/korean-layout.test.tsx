/**
 * Korean everywhere, and nothing overflows at 80×24: every word the dashboard shows exists in
 * both languages, and every lesson and tour chapter, trained for real up to its longest caption,
 * draws every one of its views within 80 columns and 23 rows (Ink keeps the last row free).
 */
import {describe, expect, test} from 'vitest';
import {Prober} from '../../src/runner/probes.js';
import {Session} from '../../src/runner/session.js';
import {listScenarios} from '../../src/scenarios/load.js';
import {localizeLabels} from '../../src/scenarios/localize.js';
import {loadTour} from '../../src/scenarios/tour.js';
import type {Language, Scenario, Text} from '../../src/scenarios/types.js';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {helpColumns, helpItems} from '../../src/ui/dashboard/help-layout.js';
import {dashboardReducer} from '../../src/ui/dashboard/reducer.js';
import {type DashboardState, initialDashboardState, viewScope} from '../../src/ui/dashboard/state.js';
import {hintsText, scopeHints} from '../../src/ui/input/hints.js';
import {DESCRIPTIONS, KEYMAP} from '../../src/ui/input/keymap.js';
import {displayWidth} from '../../src/ui/kit/format.js';
import {TooSmall} from '../../src/ui/kit/TooSmall.js';
import {MESSAGES, WORDS, chapterText, errorText, exportFailedText, exportedText, notATtyText, writeFailureText} from '../../src/ui/kit/words.js';
import {expectIntact} from './dashboard/intact.js';
import {frameLines, snapshot} from './fixtures.js';
import {renderUi} from './render.js';

const HANGUL = /[가-힣]/;

function bilingual(what: string, text: Text) {
	expect(text.en.trim(), `${what} (en)`).not.toBe('');
	expect(text.ko.trim(), `${what} (ko)`).not.toBe('');
}

describe('every word the dashboard shows, in English and Korean', () => {
	test('WORDS and MESSAGES (the dashboard\'s, the views\' and the picker\'s)', () => {
		// Notation reads the same in both languages.
		const notation = new Set(['layer', 'magnitude', 'lr', 'r2']);
		for (const [key, text] of Object.entries({...WORDS, ...MESSAGES})) {
			bilingual(key, text);
			if (!notation.has(key)) expect(text.ko, key).toMatch(HANGUL);
		}
	});

	test('every command\'s description and every hint of every screen', () => {
		for (const [command, words] of Object.entries(DESCRIPTIONS)) {
			bilingual(`${command} description`, words);
			expect(words.ko, command).toMatch(HANGUL);
		}
		for (const [scope, {entries}] of Object.entries(KEYMAP)) {
			for (const {command, hint} of entries) {
				if (!hint) continue;
				bilingual(`${scope} ${command} hint`, hint.words);
				expect(hint.words.ko, command).toMatch(HANGUL);
				if (hint.paused) bilingual(`${scope} ${command} paused`, hint.paused);
			}
		}
	});

	test('built sentences', () => {
		expect(chapterText(2, 9, 'en')).toBe('chapter 3 of 9');
		expect(chapterText(2, 9, 'ko')).toBe('9장 중 3장');
		expect(errorText('worker exited', 'ko')).toBe('오류: 학습이 멈췄어요 (worker exited)');
		expect(exportedText(['a.csv', 'a.json'], 'en')).toBe('saved a.csv and a.json');
		expect(exportedText(['a.csv', 'a.json'], 'ko')).toBe('a.csv, a.json에 저장했어요');
		expect(exportFailedText('EACCES', 'ko')).toBe('내보내지 못했어요: EACCES');
		expect(hintsText(scopeHints('intro', 'ko', {enabled: ['nextChapter', 'prevChapter']}), '·')).toBe('enter/space 시작 · n 다음 · p 이전 · q 종료');
		expect(hintsText(scopeHints('picker', 'ko'), '·')).toBe('↑/↓ 선택 · enter 열기 · q 종료');
		expect(hintsText(scopeHints('explorer', 'ko'), '·')).toBe('+/- 깊이 · b 뒤로 · q 종료');
		for (const which of ['stdin', 'stdout', 'both'] as const) {
			expect(notATtyText(which, 'ko').endsWith('\n')).toBe(true);
			expect(notATtyText(which, 'ko').split('\n')).toHaveLength(3);
		}
		expect(notATtyText('stdin', 'en')).toMatch(/\(stdin is not a TTY\)/);
		expect(notATtyText('stdout', 'ko')).toMatch(/\(stdout이 TTY가 아니에요\)/);
		expect(notATtyText('both', 'en')).toMatch(/\(stdin and stdout are not a TTY\)/);
		expect(exportFailedText(writeFailureText('a.jsonl', 'ENOSPC', 'no space left on the device', 'ko'), 'ko')).toBe('내보내지 못했어요: a.jsonl: 디스크에 남은 공간이 없어요');
		expect(exportFailedText(writeFailureText('a.jsonl', 'ENOSPC', 'no space left on the device', 'en'), 'en')).toBe('could not export: a.jsonl: no space left on the device');
	});
});

/** The step of a scenario's widest caption (by display width) in `language`, or 0. */
function widestCaptionStep(s: Scenario, language: Language): number {
	let best = {at: 0, width: -1};
	for (const note of s.notes) {
		const width = displayWidth(note.text[language]);
		if (width > best.width) best = {at: note.at, width};
	}
	return best.at;
}

const states = new Map<string, DashboardState>();

/** A dashboard state after really training `s` to `steps`, with the teaching views' probes. */
function trained(s: Scenario, steps: number): DashboardState {
	const key = `${s.file}:${steps}`;
	const cached = states.get(key);
	if (cached) return cached;
	const session = new Session(s, {historyCapacity: 2000});
	for (let k = 0; k < steps && !session.finished; k++) session.stepAll(k / 1000);
	let state = dashboardReducer(initialDashboardState(s), snapshot(session.states(), {finished: session.finished, stepsPerSecond: 12345}));
	const probe = new Prober().probe(session);
	if (probe) state = dashboardReducer(state, probe);
	states.set(key, state);
	return state;
}

function expectFits(lines: readonly string[], what: string) {
	expect(lines.length, what).toBeLessThanOrEqual(23);
	for (const line of lines) expect(displayWidth(line), `${what}: ${line}`).toBeLessThanOrEqual(80);
}

const budget = (s: Scenario): number => Math.max(...s.runs.map((r) => ('train' in r ? r.train.steps : r.steps)));

describe('Korean at 80×24: every lesson and tour chapter, every view, trained up to its widest caption', () => {
	const scenarios: Scenario[] = [...listScenarios(), ...loadTour()];

	test.each(scenarios.map((s) => [s.id, localizeLabels(s, 'ko')] as const))('%s', (_id, s) => {
		const steps = Math.min(budget(s), widestCaptionStep(s, 'ko') + 1);
		const state = trained(s, steps);
		expect(state.views.length).toBeGreaterThan(0);
		const enabled = ['nextChapter', 'prevChapter', 'export'] as const;
		const size = {columns: 80, rows: 24};
		// Every part whole and in its place, not only within 80×23: see dashboard/intact.tsx.
		// Mutation: the panel one row taller (layout.ts) fails every scenario here.
		for (const view of state.views) {
			for (const extra of [{}, {paused: true}, {finished: true}] as const) {
				const shown = {...state, ...extra, view};
				const {lastFrame} = renderUi(<Dashboard state={shown} scenario={s} enabled={enabled} />, {language: 'ko'});
				const what = `${s.id} ${view} ${JSON.stringify(extra)}`;
				expectFits(frameLines(lastFrame()), what);
				expectIntact(frameLines(lastFrame()), {state: shown, scenario: s, language: 'ko', size, enabled}, what);
			}
		}
		// The help of every view (the inspector and the slope view have keys of their own).
		// Mutation tried: the inspector's help listing the lesson's keys (Dashboard's scope).
		for (const view of state.views) {
			const helpState = {...state, view, helpOpen: true};
			const help = renderUi(<Dashboard state={helpState} scenario={s} enabled={enabled} />, {language: 'ko'});
			const helpLines = frameLines(help.lastFrame());
			expectFits(helpLines, `${s.id} ${view} help`);
			expectIntact(helpLines, {state: helpState, scenario: s, language: 'ko', size, enabled}, `${s.id} ${view} help`);
			// Korean help is never cut: every description is on screen whole, on one row or wrapped onto
			// the next (the overlay's 78 × 19 cells inside its borders at 80×24: layout.ts).
			// Mutation tried: the help panel without the legend's and caption's rows (the inspector's ( ) and q go missing).
			const helpText = helpLines.join('\n');
			const drawn = helpColumns(78, 19, helpItems('ko', false, viewScope(view)), '…');
			for (const entry of KEYMAP[viewScope(view)].entries) {
				const rows = drawn.flatMap((column) => column.rows.filter((row) => row.entry === entry));
				expect(rows.map((row) => row.text.trim()).join(' '), `${view}: ${entry.command}`).toBe(DESCRIPTIONS[entry.command].ko);
				for (const row of rows) expect(helpText, `${view}: ${entry.command}`).toContain(`${row.keys}${row.text}`.trim());
			}
		}
		const errorState = {...state, error: '학습 작업자가 갑자기 멈췄어요. r을 눌러 다시 시작하세요 (worker exited with code 1)'};
		const error = renderUi(<Dashboard state={errorState} scenario={s} />, {language: 'ko'});
		expectFits(frameLines(error.lastFrame()), `${s.id} error`);
		expectIntact(frameLines(error.lastFrame()), {state: errorState, scenario: s, language: 'ko', size}, `${s.id} error`);
		// The widest caption is on screen (its first words at least).
		const caption = [...s.notes].reverse().find((n) => n.at <= steps)!;
		const frame = frameLines(renderUi(<Dashboard state={state} scenario={s} />, {language: 'ko'}).lastFrame()).join('\n');
		expect(frame).toContain(caption.text.ko.split(' ').slice(0, 2).join(' '));
	});

	test('English too, on the loss view', () => {
		for (const s of scenarios) {
			const state = trained(s, Math.min(budget(s), widestCaptionStep(s, 'ko') + 1));
			const {lastFrame} = renderUi(<Dashboard state={state} scenario={s} />, {language: 'en'});
			expectFits(frameLines(lastFrame()), `${s.id} en`);
			expectIntact(frameLines(lastFrame()), {state, scenario: s, language: 'en', size: {columns: 80, rows: 24}}, `${s.id} en`);
		}
	});

	test('a dashboard on a terminal too small says so and how to quit, in either language', () => {
		const s = listScenarios()[0]!;
		for (const [language, quit] of [
			['en', 'q quit'],
			['ko', 'q 종료'],
		] as const) {
			const text = frameLines(renderUi(<Dashboard state={initialDashboardState(s)} scenario={s} />, {language, size: {columns: 60, rows: 20}}).lastFrame()).join('\n');
			expect(text).toContain(language === 'en' ? 'terminal too small (need 80×24, have 60×20)' : '터미널이 너무 작아요');
			expect(text).toContain(quit);
		}
	});

	test('the too-small notice fits whatever the size', () => {
		for (const [columns, rows] of [
			[79, 24],
			[60, 20],
			[40, 10],
			[20, 5],
		] as const) {
			const {lastFrame} = renderUi(<TooSmall quit="q 종료" />, {language: 'ko', size: {columns, rows}});
			const lines = frameLines(lastFrame());
			if (columns >= 40) expect(lines.join('\n')).toContain('q 종료');
			expect(lines.length).toBeLessThanOrEqual(rows);
			for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
		}
	});
});
