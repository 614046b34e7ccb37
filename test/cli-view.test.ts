/** The built CLI's `gradlab view`: a file that is not a recording is one line, exit 2, before the screen changes. */
import {execFileSync, spawnSync} from 'node:child_process';
import {closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {FILE_LIMITS} from '../src/scenarios/files.js';
import {CLI} from './helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-view-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** Runs gradlab in `dir`; a hang fails the test (the process is killed after 20 s). */
function gradlab(...args: string[]) {
	const run = spawnSync(process.execPath, [CLI, ...args], {cwd: dir, encoding: 'utf8', timeout: 20_000});
	expect(run.signal, `gradlab ${args.join(' ')} hung`).toBeNull();
	return {code: run.status, stdout: run.stdout, stderr: run.stderr};
}

describe('gradlab view', () => {
	it('a scenario file, a folder, a missing file: one line each, exit 2', () => {
		writeFileSync(join(dir, 'lesson.yaml'), 'dataset: {name: moons}\n');
		for (const [file, expected] of [
			['lesson.yaml', 'gradlab: lesson.yaml line 1 is not JSON; not a gradlab record'],
			['.', 'gradlab: .: is a folder, not a gradlab recording'],
			['gone.jsonl', 'gradlab: gone.jsonl: does not exist'],
		] as const) {
			const run = gradlab('view', file);
			expect(run.code).toBe(2);
			expect(run.stderr.trim().split('\n')).toHaveLength(1);
			expect(run.stderr.startsWith(expected)).toBe(true);
		}
		expect(gradlab('view').code).toBe(2);
	});

	it('a FIFO, a folder and a file over the limit get the file reader\'s answer: one line, exit 2, no hang; in Korean too', () => {
		// Mutations caught: readRecording reading with readFileSync instead of readUserText (the FIFO
		// hangs until the 20 s timeout); the Korean left untranslated (the `ko` lines read English).
		execFileSync('mkfifo', [join(dir, 'pipe.jsonl')]);
		mkdirSync(join(dir, 'runs.d'));
		const fd = openSync(join(dir, 'huge.jsonl'), 'w');
		ftruncateSync(fd, FILE_LIMITS.recording + 1); // sparse: nothing is written
		closeSync(fd);
		for (const [file, english, korean] of [
			['pipe.jsonl', 'pipe.jsonl: is a FIFO (a named pipe), not a gradlab recording', 'pipe.jsonl: FIFO(이름 있는 파이프)예요 (gradlab 기록이(가) 아니에요)'],
			['runs.d', 'runs.d: is a folder, not a gradlab recording', 'runs.d: 폴더예요 (gradlab 기록이(가) 아니에요)'],
			['huge.jsonl', 'huge.jsonl: is 67,108,865 bytes; the limit for a gradlab recording is 64 MB', 'huge.jsonl: 크기가 67,108,865바이트예요. gradlab 기록은(는) 64 MB까지예요'],
		] as const) {
			for (const [lang, expected] of [['en', english], ['ko', korean]] as const) {
				const run = gradlab('view', file, '--lang', lang);
				expect(run.code).toBe(2);
				expect(run.stdout).toBe('');
				expect(run.stderr).toBe(`gradlab: ${expected}\n`);
			}
		}
	});

	it('a recording with a bad line: one line naming the file, the line and the field, in English and in Korean, exit 2', () => {
		// Mutation caught: describeFailure printing error.message for a RecordError (the `ko` line reads English).
		const good = '{"run":"a","step":1,"epoch":0,"samples":1,"loss":1,"accuracy":0.5,"testLoss":null,"testAccuracy":null,"diverged":false,"divergedAt":null,"layers":[]}';
		writeFileSync(join(dir, 'bad.jsonl'), `${good}\n${good.replace('"step":1', '"step":2').replace('"loss":1', '"loss":"low"')}\n`);
		for (const [lang, expected] of [
			['en', 'gradlab: bad.jsonl line 2: "loss" must be a number or null; not a gradlab record (view reads the JSON Lines of run --headless --format jsonl, or of the dashboard export)\n'],
			['ko', 'gradlab: bad.jsonl: 2행: "loss" 값이 맞지 않아요. 필요한 값: 수 또는 null. gradlab 기록이 아니에요 (view는 run --headless --format jsonl이나 대시보드 내보내기가 쓴 JSON Lines를 읽어요)\n'],
		] as const) {
			const run = gradlab('view', 'bad.jsonl', '--lang', lang);
			expect(run.code).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr).toBe(expected);
		}
	});

	it('a recording headless mode wrote is read before the terminal is asked for', () => {
		const made = gradlab('run', 'learning-rate', '--headless', '--steps', '20', '--format', 'jsonl', '--out', 'runs.jsonl');
		expect(made.code).toBe(0);
		const run = gradlab('view', 'runs.jsonl');
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('needs an interactive terminal');
	});
});
