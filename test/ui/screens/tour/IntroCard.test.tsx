import {describe, expect, test} from 'vitest';
import {loadTour} from '../../../../src/scenarios/tour.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';
import {UNICODE_GLYPHS, createTheme} from '../../../../src/ui/kit/theme.js';
import {IntroCard} from '../../../../src/ui/screens/tour/IntroCard.js';
import {introCardLayout} from '../../../../src/ui/screens/tour/intro-layout.js';
import {frameLines, stripAnsi} from '../../fixtures.js';
import {renderUi} from '../../render.js';

const chapters = loadTour();

function card(index: number, language: 'en' | 'ko', size = {columns: 80, rows: 24}, ascii = false) {
	const s = chapters[index]!;
	const {lastFrame} = renderUi(<IntroCard title={s.title[language]} intro={s.intro![language]} place={{chapter: index, chapters: chapters.length}} />, {language, size, theme: createTheme({color: !ascii, ascii})});
	return lastFrame() ?? '';
}

function expectFits(lines: readonly string[], columns: number, rows: number) {
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
}

describe('IntroCard', () => {
	test.each(['en', 'ko'] as const)('every chapter fits 80×24 in %s, with all of its intro, title, place and keys', (language) => {
		chapters.forEach((s, k) => {
			const text = stripAnsi(card(k, language));
			const lines = text.split('\n');
			expectFits(lines, 80, 23);
			expect(text).toContain(s.title[language]);
			expect(text).toContain(language === 'en' ? `Guided tour · chapter ${k + 1} of ${chapters.length}` : `가이드 투어 · ${chapters.length}장 중 ${k + 1}장`);
			for (const line of s.intro![language].split('\n')) expect(text, line).toContain(line);
			expect(text).not.toContain('…');
			expect(lines.some((l) => (language === 'en' ? /enter\/space start · n next · p previous · q quit/ : /enter\/space 시작 · n 다음 · p 이전 · q 종료/).test(l))).toBe(true);
		});
	});

	test('the card is centred: as much room left of the box as right of it', () => {
		const lines = stripAnsi(card(2, 'ko')).split('\n');
		const top = lines.find((l) => l.includes('┌'))!;
		const left = top.indexOf('┌');
		expect(left).toBeGreaterThan(0);
		expect(80 - displayWidth(top.trimEnd())).toBeGreaterThanOrEqual(left - 1);
		// Vertically: blank rows above the box.
		expect(lines.findIndex((l) => l.includes('┌'))).toBeGreaterThan(0);
	});

	test('long intros wrap by display width and are cut with an ellipsis when the terminal is short', () => {
		const intro = Array.from({length: 12}, (_, k) => `${k + 1}번째 줄: 시그모이드의 도함수는 최대 0.25라서 층을 지날 때마다 기울기가 4분의 1 이하로 줄어요.`).join('\n');
		for (const size of [
			{columns: 80, rows: 24},
			{columns: 60, rows: 16},
			{columns: 40, rows: 12},
			{columns: 120, rows: 40},
		]) {
			const {lastFrame} = renderUi(<IntroCard title="기울기 소실" intro={intro} place={{chapter: 2, chapters: 9}} />, {language: 'ko', size});
			const lines = frameLines(lastFrame());
			expectFits(lines, size.columns, size.rows - 1);
		}
		const {lastFrame} = renderUi(<IntroCard title="기울기 소실" intro={intro} place={{chapter: 2, chapters: 9}} />, {language: 'ko', size: {columns: 80, rows: 16}});
		expect(stripAnsi(lastFrame() ?? '')).toContain('…');
	});

	test('ASCII theme: no box-drawing glyphs, still fits', () => {
		const text = stripAnsi(card(0, 'ko', {columns: 80, rows: 24}, true));
		expectFits(text.split('\n'), 80, 23);
		expect(text).not.toMatch(/[─│┌┐└┘·]/);
		expect(text).toContain('가이드 투어 | 9장 중 1장');
	});

	test('on a narrow screen the hints keep start and quit', () => {
		const hints = (language: 'en' | 'ko', columns: number) => introCardLayout({title: '', intro: '', place: {chapter: 0, chapters: 9}}, {columns, rows: 24}, language, UNICODE_GLYPHS).hints.map((h) => h.keys);
		expect(hints('ko', 200)).toEqual(['enter/space', 'n', 'p', 'q']);
		expect(hints('en', 40)).toEqual(['enter/space', 'n', 'q']);
		expect(hints('en', 30)).toEqual(['enter/space', 'q']);
	});

	test("a lesson's card has no place in a tour and offers no chapter keys", () => {
		const layout = introCardLayout({title: 'My lesson', intro: 'Two lines\nof intro'}, {columns: 80, rows: 24}, 'en', UNICODE_GLYPHS);
		expect(layout.heading).toBe('before we start');
		expect(layout.hints.map((h) => h.keys)).toEqual(['enter/space', 'q']);
	});
});
