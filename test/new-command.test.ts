/** `gradlab new NAME [--from LESSON]`: a file to start from, which never replaces one. Runs the built CLI (npm test builds it). */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {parseCli, UsageError} from '../src/cli/args.js';
import {newScenario} from '../src/cli/commands.js';
import {findScenario, loadScenarioFile} from '../src/scenarios/load.js';
import type {Scenario} from '../src/scenarios/types.js';

const CLI = new URL('../dist/bundle/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gradlab-new-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function gradlab(cwd: string, ...args: string[]) {
	const r = spawnSync(process.execPath, [CLI, ...args], {cwd, encoding: 'utf8'});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

function sink(): Writable & {text: string} {
	const out = new Writable({
		write(chunk, _encoding, done) {
			out.text += String(chunk);
			done();
		},
	}) as Writable & {text: string};
	out.text = '';
	return out;
}

function content(s: Scenario): unknown {
	const {id: _id, file: _file, ...rest} = s;
	return rest;
}

describe('gradlab new', () => {
	it('--from copies a lesson that trains exactly like it: the same headless numbers, bit for bit', () => {
		const cwd = join(dir, 'copy');
		mkdirSync(cwd);
		const made = gradlab(cwd, 'new', 'my-digits', '--from', 'digits');
		expect(made).toEqual({code: 0, out: 'wrote my-digits.yaml, a copy of digits. Open it: gradlab my-digits.yaml\n', err: ''});
		expect(gradlab(cwd, 'check', 'my-digits.yaml')).toEqual({code: 0, out: 'my-digits.yaml: ok (2 runs, 40 s at 20 steps/s, captions 9.0 s or more)\n', err: ''});
		const args = ['--headless', '--format', 'jsonl', '--steps', '30', '--every', '1'];
		const copy = execFileSync(process.execPath, [CLI, 'run', 'my-digits.yaml', ...args], {cwd, encoding: 'utf8'});
		const original = execFileSync(process.execPath, [CLI, 'run', 'digits', ...args], {cwd, encoding: 'utf8'});
		expect(copy.split('\n')).toHaveLength(61);
		expect(copy).toBe(original);
		expect(readFileSync(join(cwd, 'my-digits.yaml'), 'utf8')).toMatch(/^# A copy of the lesson "digits" \(gradlab new my-digits --from digits\): it trains exactly like it\.\n/);
	});

	it('never replaces a file: exit 2 with one line, the file as it was', () => {
		const cwd = join(dir, 'taken');
		mkdirSync(cwd);
		writeFileSync(join(cwd, 'mine.yaml'), 'my own work\n');
		expect(gradlab(cwd, 'new', 'mine', '--from', 'digits')).toEqual({code: 2, out: '', err: 'gradlab: mine.yaml already exists; it was left as it is (choose another name)\n'});
		expect(gradlab(cwd, 'new', 'mine.yaml')).toMatchObject({code: 2});
		expect(readFileSync(join(cwd, 'mine.yaml'), 'utf8')).toBe('my own work\n');
		expect(gradlab(cwd, 'new', 'no/such/folder')).toEqual({code: 2, out: '', err: 'gradlab: cannot write no/such/folder.yaml: there is no folder no/such\n'});
	});

	it('without --from writes a commented template titled after the name, which passes check', () => {
		const cwd = join(dir, 'template');
		mkdirSync(cwd);
		const out = sink();
		expect(newScenario(parseCli(['new', 'learning-rates.yaml']), 'en', cwd, out, sink())).toBe(0);
		expect(out.text).toBe('wrote learning-rates.yaml. Open it: gradlab learning-rates.yaml\n');
		const text = readFileSync(join(cwd, 'learning-rates.yaml'), 'utf8');
		expect(text).toContain('# schedule: [');
		const s = loadScenarioFile(join(cwd, 'learning-rates.yaml'));
		expect(s.title).toEqual({en: 'Learning rates', ko: 'Learning rates'});
		expect(s.runs.map((r) => r.label)).toEqual(['lr 0.1', 'lr 0.01']);
	});

	it('a copy of a file that reads a CSV still reads it from the new place', () => {
		const lessonDir = join(dir, 'lesson');
		const cwd = join(dir, 'elsewhere');
		mkdirSync(lessonDir);
		mkdirSync(cwd);
		writeFileSync(join(lessonDir, 'points.csv'), 'x,y,label\n' + Array.from({length: 30}, (_, i) => `${i % 5},${i % 3},${i % 2}`).join('\n') + '\n');
		writeFileSync(join(lessonDir, 'mine.yaml'), 'title: Mine\ndataset: {csv: points.csv, label: label}\ntrain: {steps: 20}\n');
		expect(newScenario(parseCli(['new', 'copy', '--from', join(lessonDir, 'mine.yaml')]), 'en', cwd, sink(), sink())).toBe(0);
		expect(content(loadScenarioFile(join(cwd, 'copy.yaml')))).toEqual(content(loadScenarioFile(join(lessonDir, 'mine.yaml'))));
		expect(newScenario(parseCli(['new', 'beside', '--from', join(lessonDir, 'mine.yaml')]), 'en', lessonDir, sink(), sink())).toBe(0);
		expect(readFileSync(join(lessonDir, 'beside.yaml'), 'utf8')).toContain('dataset: {csv: points.csv, label: label, test: 0.2}');
	});

	it('the command line: one name, --from only with new, and --help says so', () => {
		expect(parseCli(['new', 'x', '--from', 'digits'])).toMatchObject({command: 'new', targets: ['x'], from: 'digits'});
		expect(() => parseCli(['new'])).toThrow(UsageError);
		expect(() => parseCli(['new', 'a', 'b'])).toThrow('new needs one name, e.g. gradlab new my-lesson, or gradlab new my-digits --from digits');
		expect(() => parseCli(['run', 'x', '--from', 'digits'])).toThrow('--from goes with new: gradlab new NAME --from LESSON');
		expect(gradlab(dir, '--help').out).toContain('gradlab new NAME [--from LESSON]');
		expect(findScenario('digits')).toMatch(/digits\.yaml$/);
	});
});
