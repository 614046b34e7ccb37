import {describe, expect, test} from 'vitest';
import {loadTour} from '../../../../src/scenarios/tour.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';
import {createTheme} from '../../../../src/ui/kit/theme.js';
import {ChapterList} from '../../../../src/ui/screens/tour/ChapterList.js';
import {chapterListSegments} from '../../../../src/ui/screens/tour/chapter-layout.js';
import {stripAnsi} from '../../fixtures.js';
import {renderUi} from '../../render.js';

const chapters = loadTour();
const titles = (language: 'en' | 'ko') => chapters.map((s) => s.title[language]);

const line = (language: 'en' | 'ko', current: number, width: number, color = true) =>
	stripAnsi(renderUi(<ChapterList titles={titles(language)} current={current} width={width} />, {language, theme: createTheme({color})}).lastFrame() ?? '');

describe('ChapterList', () => {
	test.each(['en', 'ko'] as const)('one line within 80 columns in %s, every number, the current title whole', (language) => {
		chapters.forEach((s, k) => {
			const text = line(language, k, 80);
			expect(text.split('\n')).toHaveLength(1);
			expect(displayWidth(text)).toBeLessThanOrEqual(80);
			expect(text).toContain(s.title[language]);
			for (let n = 1; n <= chapters.length; n++) expect(text).toMatch(new RegExp(`(^|[ \\[])${n}( |\\]|$)`));
		});
	});

	test('monochrome marks the current chapter with brackets; colour draws it inverse instead (same width)', () => {
		expect(line('ko', 2, 80, false)).toContain(`[3 ${titles('ko')[2]}]`);
		const colour = line('en', 2, 80, true);
		expect(colour).toContain(` 3 ${titles('en')[2]} `);
		expect(colour).not.toContain('[3');
		expect(displayWidth(colour)).toBe(displayWidth(line('en', 2, 80, false)));
	});

	test('every width from 1 to 140 fits, Korean included', () => {
		for (const language of ['en', 'ko'] as const) {
			for (let width = 1; width <= 140; width++) {
				for (const current of [0, 4, 8]) {
					const segments = chapterListSegments(titles(language), current, width, language, '…');
					const size = segments.reduce((n, s) => n + displayWidth(s.text), 0);
					expect(size, `${language} ${width} ${current}`).toBeLessThanOrEqual(width);
				}
			}
		}
	});

	test('wide screens show the label and every title; narrow ones cut the current title, then fall back to 3/9', () => {
		const wide = chapterListSegments(['One', 'Two', 'Three'], 1, 80, 'en', '…').map((s) => s.text).join('');
		expect(wide).toBe(' Guided tour 1 One [2 Two] 3 Three');
		const cut = chapterListSegments(titles('ko'), 2, 30, 'ko', '…').map((s) => s.text).join('');
		expect(cut).toMatch(/^ 1 2 \[3 .*…\] 4 5 6 7 8 9$/);
		expect(displayWidth(cut)).toBeLessThanOrEqual(30);
		const tiny = chapterListSegments(titles('ko'), 2, 16, 'ko', '…').map((s) => s.text).join('');
		expect(tiny.startsWith(' 3/9 ')).toBe(true);
		expect(chapterListSegments([], 0, 80, 'en', '…')).toEqual([]);
	});
});
