import {describe, expect, test} from 'vitest';
import {center, displayWidth, formatCount, formatPercent, formatSci, formatValue, padEnd, padStart, truncate, wrap} from '../../src/ui/format.js';

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
});
