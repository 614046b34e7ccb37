/** Reading records back (gradlab view): headless jsonl and the dashboard's export parse to what was written; anything else is refused in one line. */
import {execFileSync} from 'node:child_process';
import {closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {runHeadless} from '../src/headless/run.js';
import {exportRecords} from '../src/records/export.js';
import {RecordError, parseRecords, readRecording} from '../src/records/read.js';
import {FILE_LIMITS, FileProblem} from '../src/scenarios/files.js';
import {jsonLine} from '../src/records/records.js';
import {Session} from '../src/runner/session.js';
import {parseScenario} from '../src/scenarios/load.js';
import {divergingScenario} from './helpers/scenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-records-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function headless(scenario: Parameters<typeof runHeadless>[0], every: number): Promise<string> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	await runHeadless(scenario, {format: 'jsonl', every}, out);
	return Buffer.concat(chunks).toString('utf8');
}

const refused = (text: string): string => {
	try {
		parseRecords(text, 'runs.jsonl');
	} catch (error) {
		expect(error).toBeInstanceOf(RecordError);
		return (error as Error).message;
	}
	throw new Error('not refused');
};

/** A valid record of run "a" at step 1, with no layers. */
const LINE = '{"run":"a","step":1,"epoch":0,"samples":1,"loss":1,"accuracy":0.5,"testLoss":null,"testAccuracy":null,"diverged":false,"divergedAt":null,"layers":[]}';

describe('parseRecords', () => {
	it('headless jsonl of a lesson with a diverging run: every line back as it was written, per run', async () => {
		const text = await headless(divergingScenario(), 10);
		const recording = parseRecords(text, 'runs.jsonl');
		expect(recording.runs.map((r) => r.label)).toEqual(['adam', 'too large']);
		expect(recording.regression).toBe(false);
		expect(recording.seconds).toBe(false);
		// Written again, each record gives its line byte for byte (nulls and all).
		const lines = text.trim().split('\n');
		const again = recording.runs.flatMap((r) => r.records.map(jsonLine).map((l) => l.trim()));
		expect(new Set(again)).toEqual(new Set(lines));
		expect(again).toHaveLength(lines.length);
		const diverged = recording.runs[1]!.records.at(-1)!;
		expect(diverged.diverged).toBe(true);
		expect(diverged.layers.length).toBe(3);
	});

	it('a regression: r2 and testR2; the dashboard export (with seconds) reads back too', async () => {
		const scenario = parseScenario('dataset: {name: sine, samples: 100}\nmodel: {hidden: [8]}\ntrain: {steps: 40, batch: 16}\nruns: [{label: a}, {label: b}]\n', '/nowhere/fit.yaml');
		expect(parseRecords(await headless(scenario, 5), 'r.jsonl').regression).toBe(true);
		const session = new Session(scenario);
		for (let k = 0; k < 40; k++) session.stepAll();
		const states = session.states();
		const exported = exportRecords(states.map((s) => ({label: s.label, points: s.newPoints, divergedAt: s.divergedAt})));
		const recording = parseRecords(exported.map(jsonLine).join(''), 'export.jsonl');
		expect(recording.seconds).toBe(true);
		expect(recording.runs[0]!.records).toHaveLength(states[0]!.newPoints.length);
		expect(recording.runs[1]!.records.at(-1)!.r2).toBe(states[1]!.r2);
	});

	it.each([
		['YAML', 'title: a lesson\n', 'runs.jsonl line 1 is not JSON; not a gradlab record'],
		['a CSV', 'run,step,loss\na,1,0.5\n', 'runs.jsonl line 1 is not JSON; not a gradlab record'],
		['a JSON list', '[1, 2]\n', 'runs.jsonl line 1 is not a JSON object; not a gradlab record'],
		['another JSON object', '{"name": "x"}\n', 'runs.jsonl line 1 has no "run"; not a gradlab record'],
		['a text loss', '{"run":"a","step":1,"epoch":0,"samples":1,"loss":"low"}\n', 'runs.jsonl line 1: "loss" must be a number or null; not a gradlab record'],
		['a layer without numbers', '{"run":"a","step":1,"epoch":0,"samples":1,"loss":1,"accuracy":0.5,"testLoss":null,"testAccuracy":null,"diverged":false,"divergedAt":null,"layers":[{"gradNormW":"big"}]}\n', 'runs.jsonl line 1: "layers" 1 "gradNormW" must be a number or null; not a gradlab record'],
		['nothing', '\n\n', 'runs.jsonl has no records; not a gradlab record'],
	])('%s: one line naming the file, the line and the field', (_name, text, expected) => {
		const message = refused(text);
		expect(message.startsWith(expected)).toBe(true);
		expect(message).not.toContain('\n');
	});

	it.each([
		['YAML', 'title: a lesson\n', 'runs.jsonl: 1행이 JSON이 아니에요. gradlab 기록이 아니에요 (view는 run --headless --format jsonl이나 대시보드 내보내기가 쓴 JSON Lines를 읽어요)'],
		['a JSON list', '[1, 2]\n', 'runs.jsonl: 1행이 JSON 객체가 아니에요.'],
		['another JSON object', '\n{"name": "x"}\n', 'runs.jsonl: 2행에 "run"이(가) 없어요.'],
		['a text loss', '{"run":"a","step":1,"epoch":0,"samples":1,"loss":"low"}\n', 'runs.jsonl: 1행: "loss" 값이 맞지 않아요. 필요한 값: 수 또는 null.'],
		['a negative step', '{"run":"a","step":-1}\n', 'runs.jsonl: 1행: "step" 값이 맞지 않아요. 필요한 값: 0 이상의 정수.'],
		['a layer that is not an object', `${LINE.replace('"layers":[]', '"layers":[3]')}\n`, 'runs.jsonl: 1행: "layers"의 1번째 층이 객체가 아니에요.'],
		['a layer without numbers', `${LINE.replace('"layers":[]', '"layers":[{"gradNormW":"big"}]')}\n`, 'runs.jsonl: 1행: "layers"의 1번째 층의 "gradNormW" 값이 맞지 않아요. 필요한 값: 수 또는 null.'],
		['two files pasted together', `${LINE}\n${LINE}\n`, 'runs.jsonl: 2행: 실행 "a"이(가) 1 스텝으로 되돌아가요'],
		['nothing', '\n\n', 'runs.jsonl: 기록이 하나도 없어요.'],
	])('%s, in Korean: the same line from the phrasebook, field names as written', (_name, text, expected) => {
		// Mutation: delete a rule of RECORD_RULES in scenarios/korean.ts and its line stays English here.
		let error: unknown;
		try {
			parseRecords(text, 'runs.jsonl');
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(RecordError);
		const korean = (error as RecordError).inLanguage('ko');
		expect(korean.startsWith(expected)).toBe(true);
		expect(korean).not.toContain('\n');
		// No English sentence is left: what is left of four letters or more is a name, a command or a format.
		expect(korean.replace(/"[^"]*"|\S+\.jsonl|--\w+/g, '')).not.toMatch(/\b(?!gradlab|view|null|JSON|Lines|jsonl)[a-zA-Z]{4,}\b/);
		expect((error as RecordError).inLanguage('en')).toBe((error as Error).message);
	});

	it('a run going back in steps (two files pasted together) is refused at the line', () => {
		const line = (step: number) => `{"run":"a","step":${step},"epoch":0,"samples":1,"loss":1,"accuracy":0.5,"testLoss":null,"testAccuracy":null,"diverged":false,"divergedAt":null,"layers":[]}\n`;
		expect(refused(line(1) + line(2) + line(2))).toBe('runs.jsonl line 3: run "a" goes back to step 2; not a gradlab record (view reads the JSON Lines of run --headless --format jsonl, or of the dashboard export)');
	});
});

describe('readRecording', () => {
	it('refuses a folder, a missing file, a FIFO (without blocking), a device, a file over the limit and UTF-16, as every user file is', () => {
		const refusal = (file: string): string => {
			try {
				readRecording(file);
			} catch (error) {
				expect(error).toBeInstanceOf(RecordError);
				// The file reader's own refusal, kept as the cause so the CLI can say it in Korean.
				expect((error as Error).cause).toBeInstanceOf(FileProblem);
				return (error as Error).message;
			}
			throw new Error(`expected ${file} to be refused`);
		};
		const folder = join(dir, 'folder.jsonl');
		mkdirSync(folder);
		expect(refusal(folder)).toBe(`${folder}: is a folder, not a gradlab recording`);
		expect(refusal(join(dir, 'none.jsonl'))).toBe(`${join(dir, 'none.jsonl')}: does not exist`);
		const fifo = join(dir, 'fifo.jsonl');
		execFileSync('mkfifo', [fifo]);
		// No writer ever opens it: a reader that opened it blocking would hang here for good.
		expect(refusal(fifo)).toBe(`${fifo}: is a FIFO (a named pipe), not a gradlab recording`);
		expect(refusal('/dev/zero')).toBe('/dev/zero: is a device, not a gradlab recording');
		const big = join(dir, 'big.jsonl');
		const fd = openSync(big, 'w');
		ftruncateSync(fd, FILE_LIMITS.recording + 1); // sparse: nothing is written
		closeSync(fd);
		expect(refusal(big)).toBe(`${big}: is 67,108,865 bytes; the limit for a gradlab recording is 64 MB`);
		const utf16 = join(dir, 'u16.jsonl');
		writeFileSync(utf16, Buffer.from('\ufeff{"run":"a"}\n', 'utf16le'));
		expect(refusal(utf16)).toBe(`${utf16}: is UTF-16 text; save it as UTF-8`);
	});

	it('reads a file headless mode wrote', async () => {
		const file = join(dir, 'runs.jsonl');
		writeFileSync(file, await headless(divergingScenario(), 50));
		expect(readRecording(file).runs).toHaveLength(2);
	});
});
