import {describe, expect, it} from 'vitest';
import {chooseDisplay, takesUtf8} from '../src/cli/locale.js';
import {USAGE} from '../src/cli/usage.js';
import {formatTable, type RunSummary} from '../src/headless/table.js';
import {parseCli, UsageError} from '../src/cli/args.js';
import {describeFailure} from '../src/cli/errors.js';
import {koreanProblem} from '../src/scenarios/korean.js';

describe('the locale', () => {
	it('takes the language from the flag, then LC_ALL, LC_MESSAGES, LANG', () => {
		expect(chooseDisplay({ascii: false}, {LANG: 'ko_KR.UTF-8'}).language).toBe('ko');
		expect(chooseDisplay({ascii: false}, {LANG: 'en_US.UTF-8', LC_ALL: 'ko_KR.UTF-8'}).language).toBe('ko');
		expect(chooseDisplay({ascii: false}, {LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8'}).language).toBe('en');
		expect(chooseDisplay({ascii: false}, {}).language).toBe('en');
		expect(chooseDisplay({lang: 'en', ascii: false}, {LANG: 'ko_KR.UTF-8'}).language).toBe('en');
	});

	it('knows a UTF-8 locale by its charset; no locale at all counts as UTF-8', () => {
		for (const utf8 of ['ko_KR.UTF-8', 'C.UTF-8', 'en_US.utf8', 'de_DE.UTF-8@euro', undefined]) expect(takesUtf8(utf8), String(utf8)).toBe(true);
		for (const other of ['C', 'POSIX', 'ko_KR.EUC-KR', 'en_US.ISO-8859-1', 'en_US']) expect(takesUtf8(other), other).toBe(false);
	});

	it('falls back to ASCII, and to English for Korean, when the locale is not UTF-8, saying so once', () => {
		const c = chooseDisplay({ascii: false}, {LANG: 'C'});
		expect(c).toMatchObject({language: 'en', ascii: true});
		expect(c.notice).toMatch(/locale C is not UTF-8, so gradlab shows ASCII;.*LANG=C\.UTF-8/);
		const euc = chooseDisplay({ascii: false}, {LANG: 'ko_KR.EUC-KR'});
		expect(euc).toMatchObject({language: 'en', ascii: true});
		expect(euc.notice).toMatch(/ko_KR\.EUC-KR is not UTF-8.*ASCII and English.*LANG=ko_KR\.UTF-8/);
		// LC_CTYPE decides the charset, LC_MESSAGES the language.
		expect(chooseDisplay({ascii: false}, {LC_CTYPE: 'C', LANG: 'ko_KR.UTF-8'})).toMatchObject({language: 'en', ascii: true});
		expect(chooseDisplay({lang: 'ko', ascii: false}, {LANG: 'C'}).language).toBe('en');
		// Nothing to say when --ascii in English was asked for anyway, or the locale is UTF-8.
		expect(chooseDisplay({ascii: true}, {LANG: 'C'}).notice).toBeNull();
		expect(chooseDisplay({ascii: false}, {LANG: 'C.UTF-8'})).toEqual({language: 'en', ascii: false, notice: null});
	});

	it('never echoes control characters from the environment', () => {
		expect(chooseDisplay({ascii: false}, {LANG: 'x\u001B]0;owned\u0007'}).notice).not.toMatch(/[\u0000-\u001f]/);
	});
});

describe('the CLI speaks Korean', () => {
	it('--help in each language says the same commands and flags', () => {
		const flags = (text: string): string[] => [...text.matchAll(/(?<![\w-])--?[a-z][\w-]*/g)].map((m) => m[0]).sort();
		expect(flags(USAGE.ko)).toEqual(flags(USAGE.en));
		expect(USAGE.ko).toMatch(/사용법/);
	});

	it('usage errors in Korean, with the hint to --help', () => {
		let error: unknown;
		try {
			parseCli(['--steps', 'x']);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(UsageError);
		expect(describeFailure(error, 'ko').message).toBe('gradlab: --steps: "x"은(는) 쓸 수 없어요. 1 이상의 정수를 주세요\n"gradlab --help"로 사용법을 보세요.');
		expect(describeFailure(error, 'en').message).toMatch(/expected an integer ≥ 1\nTry "gradlab --help"/);
	});

	const row: RunSummary = {run: 'relu', steps: 100, loss: 0.5, accuracy: 0.9, testAccuracy: 0.85, testLoss: NaN, r2: NaN, testR2: NaN, stepsPerSecond: 1234, divergedAt: null};

	it('the headless table in Korean lines its columns up by display width', () => {
		const lines = formatTable([row, {...row, run: 'sigmoid', divergedAt: 40}], 'classification', {language: 'ko', ascii: false}).trimEnd().split('\n');
		expect(lines[0]).toMatch(/^실행\s+스텝\s+배치 손실\s+배치 정확도\s+테스트 정확도\s+스텝\/초\s+발산 시점$/);
		expect(lines[3]).toMatch(/40 스텝$/);
		// Every row ends in the same column: Hangul counted as two.
		const width = (s: string): number => [...s].reduce((w, c) => w + (/[\u3131-\uD7A3]/.test(c) ? 2 : 1), 0);
		expect(new Set(lines.map(width)).size).toBe(1);
	});

	it('the table in ASCII has no other glyphs', () => {
		const text = formatTable([{...row, testAccuracy: NaN}], 'regression', {language: 'en', ascii: true});
		expect(text).toMatch(/batch R\^2/);
		expect(text).not.toMatch(/[^\x00-\x7f]/);
	});
});

describe('problems in Korean (scenarios/korean.ts)', () => {
	// Sentences as check prints them after the file and the field (from the hostile-input tests).
	// Mutation: delete the "is a FIFO …" rule and its lines stay English, failing here.
	it.each([
		'does not exist',
		'is a folder, not a scenario file',
		'is a FIFO (a named pipe), not a scenario file',
		'pipe.csv is a FIFO (a named pipe), not a CSV file',
		'/dev/zero is a device, not a CSV file',
		'is 262,145 bytes; the limit for a scenario file is 256 KB',
		'is UTF-16 text; save it as UTF-8',
		'is not UTF-8 text (line 2); save it as UTF-8',
		'deep.json: is nested more than 32 levels deep; gradlab\'s files need far fewer',
		'wide.json: holds 10,000,000 values or more; gradlab reads at most 2,000,000 from such a file',
		'half2.csv has 60,000 rows and the training file 60,000; the limit is 100,000 rows of data in both files together',
		'rows.csv has 100,001 rows; the limit is 100,000 rows of data (it would take about 1.6 MB as training data)',
		'a 1000-1000-2 network has 1,003,002 parameters and needs about 40 MB to train; the limit is 1,000,000 parameters per run (about 38 MB)',
		'got 20000, expected at most 2,048 units per layer (this network would have 400,120,002 parameters and need about 15 GB to train)',
		'long-cell.csv: Row 2, column "b": "xxxx…" is not a number.',
		'd.csv: Row 3, column "x": "foo" is not a number.',
		'got "spirall", expected one of: spiral, circles (did you mean "spiral"?)',
	])('%s', (sentence) => {
		const korean = koreanProblem(sentence);
		expect(korean).toBeDefined();
		expect(korean).toMatch(/[가-힣]/);
		// No English sentence is left inside: words of four letters or more are names or values only.
		expect(korean!.replace(/"[^"]*"|\S+\.(csv|json|yaml)|[a-z]+-[a-z0-9-]+|\/dev\/\w+/g, '')).not.toMatch(/\b(?!spiral|circles|gradlab|UTF|YAML|JSON|FIFO)[a-zA-Z]{4,}\b/);
	});
});
