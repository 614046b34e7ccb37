/**
 * The one reader of user files and the text boundary: what is refused before reading, how it is
 * named, and that no control character from a file survives to be printed.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {FILE_LIMITS, FileProblem, formatBytes, readUserText} from '../src/scenarios/files.js';
import {loadScenarioFile} from '../src/scenarios/load.js';
import {cleanText, cleanTree} from '../src/scenarios/text.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-files-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function write(name: string, content: string | Buffer): string {
	const file = join(dir, name);
	writeFileSync(file, content);
	return file;
}

/** The sentence readUserText refuses `file` with. */
function refusal(file: string, kind: Parameters<typeof readUserText>[1] = 'scenario'): string {
	try {
		readUserText(file, kind);
	} catch (error) {
		expect(error).toBeInstanceOf(FileProblem);
		return (error as FileProblem).sentence;
	}
	throw new Error(`expected ${file} to be refused`);
}

describe('readUserText refuses what is not a small UTF-8 regular file, and says what it is', () => {
	it('a folder, a FIFO, a device, a missing file', () => {
		const folder = join(dir, 'folder.yaml');
		mkdirSync(folder);
		expect(refusal(folder)).toBe('is a folder, not a scenario file');
		const fifo = join(dir, 'pipe.csv');
		execFileSync('mkfifo', [fifo]);
		// No writer ever opens it: a reader that opened it blocking would hang this test for good.
		expect(refusal(fifo, 'csv')).toBe('is a FIFO (a named pipe), not a CSV file');
		expect(refusal('/dev/zero', 'csv')).toBe('is a device, not a CSV file');
		expect(refusal(join(dir, 'missing.yaml'))).toBe('does not exist');
	});

	it('a file over its kind’s limit, before reading it', () => {
		const big = write('big.yaml', Buffer.alloc(FILE_LIMITS.scenario + 1, 0x20));
		expect(refusal(big)).toBe('is 262,145 bytes; the limit for a scenario file is 256 KB');
		// The same size is fine for a CSV.
		expect(readUserText(big, 'csv')).toHaveLength(FILE_LIMITS.scenario + 1);
		expect(formatBytes(26 * 1024 * 1024)).toBe('26 MB');
	});

	it('UTF-16 (with or without a byte-order mark) and other encodings are named; a UTF-8 BOM is dropped', () => {
		expect(refusal(write('u16.yaml', Buffer.from('\ufefftitle: x\n', 'utf16le')))).toBe('is UTF-16 text; save it as UTF-8');
		expect(refusal(write('u16nobom.yaml', Buffer.from('title: x\n', 'utf16le')))).toMatch(/^holds NUL bytes: .*UTF-16/);
		expect(refusal(write('latin1.yaml', Buffer.from('title: a\nsummary: caf\xe9\n', 'latin1')))).toBe('is not UTF-8 text (line 2); save it as UTF-8');
		expect(readUserText(write('bom.yaml', Buffer.from('\ufefftitle: 한국어\n', 'utf8')), 'scenario')).toBe('title: 한국어\n');
	});

	it('the scenario loader names the file and what it is, never "no such file" for a folder', () => {
		expect(() => loadScenarioFile(join(dir, 'folder.yaml'))).toThrow(/folder\.yaml: is a folder, not a scenario file$/);
		expect(() => loadScenarioFile(join(dir, 'pipe.csv'))).toThrow(/pipe\.csv: is a FIFO \(a named pipe\), not a scenario file$/);
	});
});

describe('cleanText: control characters from files become visible, harmless stand-ins', () => {
	it('ESC, BEL, OSC 52, C1 and bidi overrides', () => {
		const osc = '\u001b]0;owned\u0007 \u001b]52;c;ZWNobyBoaQ==\u0007 \u001b[5mblink\u009b2J \u202eevil\u2069';
		const clean = cleanText(osc);
		expect(clean).toBe('␛]0;owned␇ ␛]52;c;ZWNobyBoaQ==␇ ␛[5mblink\ufffd2J \ufffdevil\ufffd');
		expect(clean).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
	});

	it('line breaks survive only where lines are allowed; tabs become spaces; ordinary text is untouched', () => {
		expect(cleanText('a\nb\r\nc\td')).toBe('a b  c d');
		expect(cleanText('a\nb\r\nc\td', true)).toBe('a\nb\nc d');
		const korean = '기울기 소실 · 0.25¹⁰ ≈ 1e-6 — “quotes”';
		expect(cleanText(korean)).toBe(korean);
	});

	it('cleanTree cleans every string and key, keeps lines only where asked', () => {
		const tree = cleanTree({title: 'a\u001bb', intro: {en: 'x\ny'}, runs: [{label: '\u009bz'}], ['k\u0007']: 1}, (p) => p[0] === 'intro');
		expect(tree).toEqual({title: 'a␛b', intro: {en: 'x\ny'}, runs: [{label: '\ufffdz'}], ['k␇']: 1});
	});
});
