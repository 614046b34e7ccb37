import {describe, expect, test} from 'vitest';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {builtinDir} from '../../../src/scenarios/load.js';
import {center, displayWidth, formatCount, formatEpoch, formatPercent, formatSci, formatValue, padEnd, padStart, truncate, wrap, wrapLines} from '../../../src/ui/kit/format.js';
import {DESCRIPTIONS, KEYMAP} from '../../../src/ui/input/keymap.js';
import {MESSAGES, WORDS} from '../../../src/ui/kit/words.js';

describe('displayWidth', () => {
	test('Hangul and CJK take two columns, ASCII and symbols one', () => {
		expect(displayWidth('abc')).toBe(3);
		expect(displayWidth('한국어')).toBe(6);
		expect(displayWidth('기울기 소실')).toBe(11);
		expect(displayWidth('●▲■◆★✚✖◉✗▶⏸✓‖∂▏█┌·—…')).toBe(20);
		expect(displayWidth('中文')).toBe(4);
	});
	test('combining marks and controls take none', () => {
		expect(displayWidth('e\u0301')).toBe(1);
		expect(displayWidth('a\u200Bb')).toBe(2);
	});
	// A hand-written code-point table counted these as one column each (✅ and ⏩ outside its ranges,
	// the skin tone and the joined family as extra glyphs), and a panel title with one overflowed.
	test('emoji take two columns, sequences included, as the terminal draws them', () => {
		expect(displayWidth('✅')).toBe(2);
		expect(displayWidth('⏩ done')).toBe(7);
		expect(displayWidth('👍🏽')).toBe(2);
		expect(displayWidth('👨‍👩‍👧')).toBe(2);
		expect(displayWidth('1️⃣')).toBe(2);
	});
	test('cuts between glyphs, never inside an emoji or a syllable made of jamo', () => {
		expect(truncate('✅✅✅', 5)).toBe('✅✅…');
		expect(truncate('✅✅✅', 5, '')).toBe('✅✅');
		expect(truncate('✅✅✅', 4, '…')).toBe('✅…');
		expect(padEnd('👍🏽ok', 5)).toBe('👍🏽ok ');
		expect(truncate('\u1100\u1161\u1100\u1161', 3, '')).toBe('\u1100\u1161');
		expect(wrap('✅✅✅ 완료', 4)).toEqual(['✅✅', '✅', '완료']);
	});
});

describe('truncate and pad', () => {
	test('truncates by display width with an ellipsis', () => {
		expect(truncate('hello world', 8)).toBe('hello w…');
		expect(truncate('hello', 8)).toBe('hello');
		expect(truncate('기울기 소실', 6)).toBe('기울…');
		expect(displayWidth(truncate('기울기 소실', 6))).toBeLessThanOrEqual(6);
		expect(truncate('abcdef', 4, '...')).toBe('a...');
		expect(truncate('abc', 0)).toBe('');
	});
	test('never splits a wide character over the limit', () => {
		for (let w = 1; w < 12; w++) expect(displayWidth(truncate('가나다라마바', w))).toBeLessThanOrEqual(w);
	});
	test('pads to exact widths', () => {
		expect(padEnd('한', 4)).toBe('한  ');
		expect(padStart('ab', 4)).toBe('  ab');
		expect(displayWidth(center('가', 7))).toBe(7);
	});
});

/** Strings mixing one- and two-column glyphs, combining marks and an emoji. */
const SAMPLES = ['기울기 소실', '가나다라마바사', 'a가b나c다', '시그모이드′ ≤ 0.25: 10층', 'e\u0301가', '손실 🙂 0.693', 'plain ascii text', '‖∂L/∂W‖ 층별'];

/** Whether `out` is `text` cut at a code-point boundary, maybe followed by the ellipsis. */
function isCleanCut(out: string, text: string, ellipsis = '…'): boolean {
	const body = out.endsWith(ellipsis) && !text.startsWith(out) ? out.slice(0, -ellipsis.length) : out;
	return text.startsWith(body) && (body.length === text.length || !/[\uDC00-\uDFFF]/.test(text[body.length] ?? ''));
}

describe('Korean: truncation, padding and centring count columns, never split a glyph, never overflow', () => {
	test('truncate fits every width from 0 to 24, cutting between glyphs', () => {
		for (const text of SAMPLES) {
			for (let width = 0; width <= 24; width++) {
				for (const ellipsis of ['…', '...']) {
					const out = truncate(text, width, ellipsis);
					expect(displayWidth(out), `${text} @${width}`).toBeLessThanOrEqual(width);
					expect(isCleanCut(out, text, ellipsis), `${JSON.stringify(out)} from ${text}`).toBe(true);
					if (displayWidth(text) <= width) expect(out).toBe(text);
				}
			}
		}
	});
	test('a wide glyph that does not fit is left out whole, not halved', () => {
		expect(truncate('가나다', 4)).toBe('가…');
		expect(truncate('가나다', 3)).toBe('가…');
		expect(truncate('가나다', 2)).toBe('…');
		expect(truncate('가나다', 1)).toBe('…');
		expect(truncate('가나다', 2, '...')).toBe('가');
		expect(truncate('a가', 2, '')).toBe('a');
	});
	test('padEnd, padStart and center give exactly the width asked for', () => {
		for (const text of SAMPLES) {
			for (let width = 0; width <= 24; width++) {
				for (const pad of [padEnd, padStart, center]) {
					const out = pad(text, width);
					expect(displayWidth(out), `${pad.name}(${text}, ${width})`).toBe(width);
				}
			}
		}
		expect(padEnd('한글', 5)).toBe('한글 ');
		expect(padStart('한글', 5)).toBe(' 한글');
		expect(center('한글', 8)).toBe('  한글  ');
		expect(center('한', 1)).toBe('…');
	});
	test('zero and negative widths give nothing instead of throwing', () => {
		for (const width of [0, -1, -10]) {
			expect(truncate('가나', width)).toBe('');
			expect(padEnd('가나', width)).toBe('');
			expect(padStart('가나', width)).toBe('');
			expect(center('가나', width)).toBe('');
			expect(wrap('가나', width)).toEqual([]);
		}
	});
	test('Hangul syllables and jamo are two columns; halfwidth forms one', () => {
		expect(displayWidth('한')).toBe(2);
		expect(displayWidth('ㄱ')).toBe(2);
		expect(displayWidth('\u1100')).toBe(2); // leading jamo
		expect(displayWidth('\u1100\u1161')).toBe(2); // 가 written as jamo: the vowel joins the syllable
		expect(displayWidth('\uffa1')).toBe(1); // halfwidth ᄀ
	});
	test('agrees with Ink (string-width) on every non-ASCII character the dashboard and the lessons use', () => {
		const texts = [
			...Object.values(WORDS).flatMap((w) => [w.en, w.ko]),
			...Object.values(MESSAGES).flatMap((w) => [w.en, w.ko]),
			...Object.values(DESCRIPTIONS).flatMap((w) => [w.en, w.ko]),
			...Object.values(KEYMAP).flatMap((scope) =>
				scope.entries.flatMap((e) => [e.hint?.keys ?? '', e.hint?.words.en ?? '', e.hint?.words.ko ?? '', e.hint?.paused?.ko ?? '', ...e.keys.map((k) => k.label)]),
			),
		];
		for (const dir of [builtinDir(), join(builtinDir(), 'tour')]) {
			for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) texts.push(readFileSync(join(dir, name), 'utf8'));
		}
		const chars = new Set([...texts.join('')].filter((ch) => ch.codePointAt(0)! > 0x7e && ch !== '\n'));
		expect(chars.size).toBeGreaterThan(300);
		const disagree = [...chars].filter((ch) => displayWidth(ch) !== stringWidth(ch)).map((ch) => `${ch} U+${ch.codePointAt(0)!.toString(16)}`);
		expect(disagree).toEqual([]);
	});
});

describe('wrap', () => {
	test('wraps words to the width', () => {
		expect(wrap('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
	});
	test('cuts to maxLines with an ellipsis on the last line', () => {
		const lines = wrap('one two three four five six seven eight', 10, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]!.endsWith('…')).toBe(true);
		for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(10);
	});
	test('Korean lines stay within the width', () => {
		const ko = '시그모이드의 도함수는 최대 0.25라서, 시그모이드 층을 하나 지날 때마다 기울기가 4분의 1 이하로 줄어요.';
		for (const l of wrap(ko, 20, 5)) expect(displayWidth(l)).toBeLessThanOrEqual(20);
	});
	test('breaks a word longer than a line', () => {
		expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrap('가나다라마', 5)).toEqual(['가나', '다라', '마']);
	});
	test('a line narrower than one Hangul glyph ends instead of looping', () => {
		expect(wrap('가나', 1)).toEqual([]);
		expect(wrap('a가b', 1)).toEqual(['a', 'b']);
	});
	test('Korean wraps at spaces within the width at every width, with the ellipsis when cut', () => {
		const ko = '은닉층 모델의 두 막대는 크기가 비슷해요. 층이 두 개뿐이라 기울기가 줄지 않고 1층까지 와요.';
		for (let width = 2; width <= 40; width++) {
			for (const l of wrap(ko, width)) expect(displayWidth(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
			const cut = wrap(ko, width, 2);
			expect(cut.length).toBeLessThanOrEqual(2);
			for (const l of cut) expect(displayWidth(l)).toBeLessThanOrEqual(width);
		}
		expect(wrap(ko, 20, 2).at(-1)!.endsWith('…')).toBe(true);
	});
	test('wrapLines keeps the text\'s own line breaks and blank lines', () => {
		expect(wrapLines('첫 줄이에요\n\n둘째 줄은 조금 더 길어요', 12)).toEqual(['첫 줄이에요', '', '둘째 줄은', '조금 더', '길어요']);
		const cut = wrapLines('one\ntwo\nthree', 10, 2);
		expect(cut).toEqual(['one', 'two…']);
		expect(wrapLines('가나다', 0)).toEqual([]);
	});
});

describe('numbers', () => {
	test('short scientific notation', () => {
		expect(formatSci(2e-7)).toBe('2e-07');
		expect(formatSci(0.12)).toBe('1.2e-01');
		expect(formatSci(1)).toBe('1e+00');
		expect(formatSci(1e30)).toBe('1e+30');
		expect(formatSci(1e-300)).toBe('1e-300');
		expect(formatSci(-3.4e-5)).toBe('-3.4e-05');
		expect(formatSci(0)).toBe('0');
		expect(formatSci(Number.NaN)).toBe('—');
		expect(formatSci(Infinity, '-')).toBe('-');
		expect(formatSci(0.996)).toBe('1e+00');
	});
	test('values, percents, counts', () => {
		expect(formatValue(0.6931)).toBe('0.693');
		expect(formatValue(0.0812)).toBe('0.0812');
		expect(formatValue(4.8e-5)).toBe('4.8e-05');
		expect(formatPercent(0.5)).toBe('50%');
		expect(formatPercent(Number.NaN)).toBe('—');
		expect(formatCount(1200)).toBe('1200');
		expect(formatCount(45_300)).toBe('45.3k');
		expect(formatCount(1_200_000)).toBe('1.2M');
	});
	test('percents round to the nearest whole; epochs one decimal below 10, whole above', () => {
		// Mutations caught: Math.round as Math.floor in formatPercent; the one-decimal bound of formatEpoch at 1 instead of 10.
		expect(formatPercent(0.987)).toBe('99%');
		expect(formatPercent(0.004)).toBe('0%');
		expect(formatPercent(1)).toBe('100%');
		expect(formatEpoch(0.25)).toBe('0.3');
		expect(formatEpoch(2)).toBe('2');
		expect(formatEpoch(2.46)).toBe('2.5');
		expect(formatEpoch(9.94)).toBe('9.9');
		expect(formatEpoch(12.7)).toBe('12');
		expect(formatEpoch(Number.NaN)).toBe('—');
	});
});
