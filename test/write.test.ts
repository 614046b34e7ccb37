/** The scenario writer and saving: what is written loads back to the same scenario and trains to the same numbers. */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {runHeadless} from '../src/headless/run.js';
import {withLiveChange} from '../src/scenarios/edit.js';
import {listScenarios, loadScenarioFile, parseScenario} from '../src/scenarios/load.js';
import {writeFileWhole} from '../src/scenarios/atomic.js';
import {saveScenario, slug} from '../src/scenarios/save.js';
import {loadTour} from '../src/scenarios/tour.js';
import type {Scenario} from '../src/scenarios/types.js';
import {writeScenario} from '../src/scenarios/write.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-write-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** What a scenario trains and shows, without where it was read from. */
function content(s: Scenario): unknown {
	const {id: _id, file: _file, ...rest} = s;
	return rest;
}

/** Written into `into` and read back from there, as a copy would be. */
function roundTrip(s: Scenario, into = dir): Scenario {
	return parseScenario(writeScenario(s, {dir: into}), join(into, 'copy.yaml'));
}

async function jsonl(s: Scenario, steps: number): Promise<string> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	await runHeadless(s, {format: 'jsonl', steps, every: 1}, out);
	return Buffer.concat(chunks).toString('utf8');
}

const lessons = [...listScenarios(), ...loadTour()];

describe('writeScenario: every built-in lesson and tour chapter', () => {
	it('covers them all', () => {
		expect(lessons.length).toBeGreaterThanOrEqual(18);
	});

	for (const lesson of lessons) {
		it(`${lesson.id}: loads back to the same scenario and trains to the same bytes`, async () => {
			const copy = roundTrip(lesson);
			expect(content(copy)).toEqual(content(lesson));
			expect(await jsonl(copy, 30)).toBe(await jsonl(lesson, 30));
		});
	}
});

describe('writeScenario: the way a teacher writes', () => {
	const byId = (id: string) => lessons.find((l) => l.id === id)!;

	it('shared settings once, runs as what differs, short mappings on one line', () => {
		const text = writeScenario(byId('learning-rate'), {dir, header: ['A copy of "learning-rate".']});
		expect(text).toMatch(/^# A copy of "learning-rate"\.\n/);
		expect(text).toContain('\ndataset: {name: circles, samples: 400, noise: 0.1, test: 0.2}\n');
		expect(text).toContain('\nmodel: {hidden: [16, 16], activation: tanh, init: xavier-uniform}\n');
		expect(text).toContain('\ntrain: {optimizer: sgd, batch: 32, steps: 600, loss: mse, seed: 0}\n');
		expect(text).toContain('\nruns:\n  - {label: lr 0.01, train: {optimizer: {lr: 0.01}}}\n  - {label: lr 0.5, train: {optimizer: {lr: 0.5}}}\n');
		expect(text).toContain('\ntitle: {en: Learning rate, ko: 학습률}\n');
		expect(text).toContain('\n  - at: 0\n    en: Each step moves every weight by lr × its gradient.');
	});

	it('a one-run scenario has no runs list; a surface race keeps its shared steps at the top', () => {
		const one = parseScenario('dataset: xor\ntrain: {optimizer: {name: adam, lr: 0.01, betas: [0.8, 0.99]}}', join(dir, 'one.yaml'));
		const text = writeScenario(one, {dir});
		expect(text).not.toContain('runs:');
		expect(text).toContain('optimizer: {name: adam, lr: 0.01, betas: [0.8, 0.99]}');
		const race = writeScenario(byId('optimizer-race'), {dir});
		expect(race).toContain('\nkind: surface\nsurface: rosenbrock\nstart: [-1.5, 2]\nsteps: 2000\n');
		expect(race).toContain('\n  - {label: Momentum, optimizer: {name: momentum, lr: 0.001}}\n');
	});

	it('the pace, the view to open on and the captions\' views, each only where it is not the default', () => {
		const paced = parseScenario('dataset: xor\nspeed: 20\nview: gradients\nnotes:\n  - {at: 0, en: Hi}\n  - {at: 50, view: boundary, en: Look, ko: 봐요}\n', join(dir, 'paced.yaml'));
		const text = writeScenario(paced, {dir});
		expect(text).toContain('\nspeed: 20\n');
		expect(text).toContain('\nview: gradients\n');
		expect(text).toContain('{at: 50, view: boundary, en: Look, ko: 봐요}');
		expect(content(roundTrip(paced))).toEqual(content(paced));
		const plain = writeScenario(parseScenario('dataset: xor\nview: {show: loss, x: epoch}\n', join(dir, 'plain.yaml')), {dir});
		expect(plain).not.toContain('speed');
		expect(plain).toContain('\nview: {x: epoch}\n');
	});

	it('keeps everything a file can say: schedules, live changes, paths, labels in two languages, options off their defaults', async () => {
		const data = join(dir, 'data');
		mkdirSync(data, {recursive: true});
		writeFileSync(join(data, 'points.csv'), 'a,b,label\n' + Array.from({length: 40}, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2 ? 'yes' : 'no'}`).join('\n') + '\n');
		const file = join(data, 'rich.yaml');
		writeFileSync(
			file,
			`title: Rich
summary: {en: Everything, ko: 전부}
intro: {en: "one\\ntwo", ko: "하나\\n둘"}
order: 4
dataset: {csv: points.csv, label: label, test: 0.25}
model: {hidden: [5], activation: tanh, init: {name: normal, std: 0.3}}
train:
  optimizer: {name: momentum, lr: 0.05, dampening: 0.1, weight_decay: 0.01}
  schedule: [{name: linear, start_factor: 0.5, steps: 4}, {name: cosine, min_lr: 0.001}, {at: 10, lr: 0.02}]
  batch: full
  steps: 40
  shuffle: false
  seed: 3
runs:
  - {label: {en: base run, ko: 기본}}
  - {label: blobs, dataset: {name: blobs, classes: 4, samples: 60}, train: {schedule: [{name: multistep, milestones: [5, 9], gamma: 0.5}, {at: 7, momentum: 0.5}]}}
  - {label: rms, train: {optimizer: {name: rmsprop, momentum: 0.2, centered: true}, loss: mse}, model: {init: {name: uniform, a: 0.5}}}
notes: [{at: 3, en: Look, ko: 봐요}, {at: 0, en: Same in both}]
view: {x: epoch, loss: linear}
`,
		);
		const rich = withLiveChange(loadScenarioFile(file), 2, {at: 20, lr: 0.001, momentum: 0});
		// Beside the data the CSV path stays relative; from elsewhere it is absolute.
		const here = writeScenario(rich, {dir: data});
		expect(here).toContain('csv: points.csv');
		expect(content(parseScenario(here, join(data, 'copy.yaml')))).toEqual(content(rich));
		const elsewhere = join(dir, 'elsewhere');
		mkdirSync(elsewhere, {recursive: true});
		const copy = roundTrip(rich, elsewhere);
		expect(content(copy)).toEqual(content(rich));
		expect(await jsonl(copy, 40)).toBe(await jsonl(rich, 40));
	});

	it('keeps a surface race\'s runs with steps of their own, its seed and a schedule', async () => {
		const race = parseScenario(
			'surface: beale\nseed: 2\nruns: [{optimizer: sgd, steps: 30}, {optimizer: {name: adam, lr: 0.1}, steps: 20, schedule: [{name: step, every: 5, gamma: 0.5}]}]',
			join(dir, 'race.yaml'),
		);
		const copy = roundTrip(race);
		expect(content(copy)).toEqual(content(race));
		expect(await jsonl(copy, 30)).toBe(await jsonl(race, 30));
	});
});

describe('saving', () => {
	it('slugs titles into file names', () => {
		expect(slug('Vanishing gradients: 10 layers!', 'x')).toBe('vanishing-gradients-10-layers');
		expect(slug('학습률 실험', 'x')).toBe('학습률-실험');
		expect(slug('???', 'experiment')).toBe('experiment');
	});

	it('names the file after the title, never over an existing file, and leaves no temporary file behind', () => {
		const folder = join(dir, 'saves');
		mkdirSync(folder);
		const lesson = lessons.find((l) => l.id === 'digits')!;
		writeFileSync(join(folder, 'handwritten-digits.yaml'), 'mine\n');
		const second = saveScenario(lesson, folder);
		const third = saveScenario(lesson, folder, ['saved from the dashboard']);
		expect([second, third]).toEqual([join(folder, 'handwritten-digits-2.yaml'), join(folder, 'handwritten-digits-3.yaml')]);
		expect(readFileSync(join(folder, 'handwritten-digits.yaml'), 'utf8')).toBe('mine\n');
		expect(readFileSync(third, 'utf8')).toMatch(/^# saved from the dashboard\n/);
		expect(content(loadScenarioFile(third))).toEqual(content(lesson));
		expect(readdirSync(folder).sort()).toEqual(['handwritten-digits-2.yaml', 'handwritten-digits-3.yaml', 'handwritten-digits.yaml']);
	});

	it('writeFileWhole(…, \'new\') reports a taken name and keeps the file that holds it', () => {
		const file = join(dir, 'taken.yaml');
		expect(writeFileWhole(file, 'first\n', 'new')).toBe(true);
		expect(writeFileWhole(file, 'second\n', 'new')).toBe(false);
		expect(readFileSync(file, 'utf8')).toBe('first\n');
		expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
		expect(existsSync(file)).toBe(true);
	});
});
