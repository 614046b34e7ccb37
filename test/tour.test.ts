/**
 * The guided tour: every chapter loads, says everything in English and Korean, and makes the
 * point its captions claim, at the steps where they appear. Each caption that states a number is
 * checked here at its own step (found by its words, so moving a caption moves the check).
 *
 * To re-read the numbers by hand:
 *   npm run build --silent && node dist/src/cli.js run scenarios/tour/03-vanishing.yaml --headless --format jsonl --every 1
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ScenarioError} from '../src/scenarios/errors.js';
import {listScenarios} from '../src/scenarios/load.js';
import {loadTour, tourChapters, tourDir} from '../src/scenarios/tour.js';
import type {Scenario, Text} from '../src/scenarios/types.js';
import {displayWidth, wrap} from '../src/ui/kit/format.js';

const CHAPTERS = ['01-backprop', '02-gradient-descent', '03-vanishing', '04-activations', '05-batch-size', '06-momentum', '07-adagrad', '08-rmsprop', '09-adam'];

/** The dashboard's speed levels (a chapter's pace must be one, so +/- step from it). */
const SPEED_LEVELS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/** Caption lines at 80 columns (the caption's text is 3 columns narrower than the screen). */
const CAPTION_WIDTH = 77;
const CAPTION_LINES = 3;

let chapters: Scenario[];
beforeAll(() => {
	chapters = loadTour();
});

/** The step budget of a chapter: its longest run. */
const budget = (s: Scenario): number => Math.max(...s.runs.map((r) => ('train' in r ? r.train.steps : r.steps)));

describe('the tour loads', () => {
	it('lists its chapters in order, from scenarios/tour/', () => {
		expect(chapters.map((c) => c.id)).toEqual(CHAPTERS);
		for (const c of chapters) expect(c.file.startsWith(tourDir())).toBe(true);
	});

	it('chapters are not lessons of their own', () => {
		const lessons = listScenarios().map((s) => s.id);
		for (const id of CHAPTERS) expect(lessons).not.toContain(id);
	});

	it('each chapter has a pace among the speed levels, and takes 15–60 s at it', () => {
		for (const c of chapters) {
			expect(SPEED_LEVELS).toContain(c.speed);
			const seconds = budget(c) / (c.speed as number);
			expect(seconds, c.id).toBeGreaterThanOrEqual(15);
			expect(seconds, c.id).toBeLessThanOrEqual(60);
		}
	});
});

describe('every chapter speaks English and Korean', () => {
	const both = (what: string, text: Text | undefined) => {
		expect(text, what).toBeDefined();
		expect(text!.en.trim(), what).not.toBe('');
		expect(text!.ko.trim(), what).not.toBe('');
		// A missing translation falls back to the English: it must not.
		expect(text!.ko, what).not.toBe(text!.en);
		expect(text!.ko, what).toMatch(/[가-힣]/);
	};

	it('title, summary, intro and every caption, in both languages', () => {
		for (const s of chapters) {
			both(`${s.id} title`, s.title);
			both(`${s.id} summary`, s.summary);
			both(`${s.id} intro`, s.intro);
			expect(s.notes.length, s.id).toBeGreaterThanOrEqual(4);
			s.notes.forEach((n, k) => both(`${s.id} notes[${k}]`, n.text));
		}
	});

	it('run labels that are words have a Korean label too', () => {
		for (const s of chapters) {
			for (const run of s.runs) {
				if (!/\s/.test(run.label)) continue;
				expect(run.labelText?.ko, `${s.id}: ${run.label}`).toMatch(/[가-힣]/);
			}
		}
	});

	it('intros are 3–6 short lines', () => {
		for (const s of chapters) {
			for (const language of ['en', 'ko'] as const) {
				const lines = s.intro![language].split('\n');
				expect(lines.length, `${s.id} ${language}`).toBeGreaterThanOrEqual(3);
				expect(lines.length, `${s.id} ${language}`).toBeLessThanOrEqual(6);
				for (const line of lines) expect(displayWidth(line), `${s.id} ${language}: ${line}`).toBeLessThanOrEqual(72);
			}
		}
	});

	it('captions start at step 0, are sorted, fall within the budget and fit three lines at 80 columns', () => {
		for (const s of chapters) {
			const steps = s.notes.map((n) => n.at);
			expect(steps[0], s.id).toBe(0);
			expect([...steps].sort((a, b) => a - b), s.id).toEqual(steps);
			expect(new Set(steps).size, s.id).toBe(steps.length);
			for (const at of steps) expect(at, s.id).toBeLessThan(budget(s));
			for (const note of s.notes) {
				for (const language of ['en', 'ko'] as const) {
					const text = note.text[language];
					// wrap() marks a cut with an ellipsis: the whole text must fit without one.
					const lines = wrap(text, CAPTION_WIDTH, Infinity);
					expect(lines.length, `${s.id} at ${note.at} (${language}): ${text}`).toBeLessThanOrEqual(CAPTION_LINES);
				}
			}
		}
	});
});

describe('a broken manifest is reported like a scenario file', () => {
	const dir = mkdtempSync(join(tmpdir(), 'gradlab-tour-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	const manifest = (text: string): string => {
		writeFileSync(join(dir, 'tour.yaml'), text);
		try {
			loadTour(dir);
		} catch (error) {
			expect(error).toBeInstanceOf(ScenarioError);
			return (error as ScenarioError).message.split(join(dir, 'tour.yaml')).join('tour.yaml');
		}
		throw new Error('expected the manifest to be rejected');
	};

	it('names the file, the field, the value and what is allowed', () => {
		writeFileSync(join(dir, 'a.yaml'), 'title: A\ndataset: xor\n');
		expect(manifest('chapters: [a.yaml, missing.yaml]')).toBe(`tour.yaml: chapters[1].file: got "missing.yaml", expected a scenario file next to the manifest, or a built-in chapter (no file at ${join(dir, 'missing.yaml')})`);
		expect(manifest('chapters: [{file: a.yaml, speed: 20}]')).toMatch(/^tour\.yaml: chapters\[0\]\.speed: unknown field; allowed: file/);
		expect(manifest('chapters: []')).toBe('tour.yaml: chapters: got [], expected at least one chapter');
		expect(manifest('chapter: [a.yaml]')).toMatch(/^tour\.yaml: chapter: unknown field \(did you mean "chapters"\?\); allowed: chapters/);
		writeFileSync(join(dir, 'b.yaml'), 'title: B\ndataset: xor\nspeed: 20\n');
		writeFileSync(join(dir, 'tour.yaml'), 'chapters: [a.yaml, {file: b.yaml}]');
		expect(loadTour(dir).map((c) => [c.id, c.speed])).toEqual([
			['a', 'max'],
			['b', 20],
		]);
	});
});

describe('a tour of ones own, without editing the installed tour.yaml', () => {
	const dir = mkdtempSync(join(tmpdir(), 'gradlab-own-tour-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	const failure = (run: () => unknown): string => {
		try {
			run();
		} catch (error) {
			expect(error).toBeInstanceOf(ScenarioError);
			return (error as ScenarioError).message.split(dir).join('DIR');
		}
		throw new Error('expected an error');
	};

	it('plays a manifest of ones own: files next to it, and built-in chapters by name', () => {
		writeFileSync(join(dir, 'mine.yaml'), 'title: Mine\ndataset: xor\nspeed: 20\n');
		writeFileSync(join(dir, 'tour.yaml'), 'chapters: [01-backprop.yaml, mine.yaml, 09-adam.yaml]');
		const ids = (chapters: Scenario[]): string[] => chapters.map((c) => c.id);
		expect(ids(tourChapters(join(dir, 'tour.yaml')))).toEqual(['01-backprop', 'mine', '09-adam']);
		// The folder stands for its tour.yaml.
		expect(ids(tourChapters(dir))).toEqual(['01-backprop', 'mine', '09-adam']);
		// The built-in chapters are the installed files, not copies.
		expect(tourChapters(dir)[0]!.file).toBe(join(tourDir(), '01-backprop.yaml'));
	});

	it('adds a folder of chapters after the tour (built-in or ones own), by order then name', () => {
		const extra = join(dir, 'extra');
		mkdirSync(extra, {recursive: true});
		writeFileSync(join(extra, 'b-late.yaml'), 'title: Late\ndataset: xor\n');
		writeFileSync(join(extra, 'z-first.yaml'), 'title: First\ndataset: xor\norder: 1\n');
		const builtin = tourChapters(undefined, [extra]).map((c) => c.id);
		expect(builtin).toEqual([...CHAPTERS, 'z-first', 'b-late']);
		expect(tourChapters(dir, [extra]).map((c) => c.id)).toEqual(['01-backprop', 'mine', '09-adam', 'z-first', 'b-late']);
	});

	it('says what is wrong with a tour target, in one line naming it', () => {
		expect(failure(() => tourChapters(join(dir, 'nope.yaml')))).toBe('DIR/nope.yaml: no such tour file or folder');
		const bare = join(dir, 'bare');
		mkdirSync(bare, {recursive: true});
		expect(failure(() => tourChapters(bare))).toMatch(/^DIR\/bare: .*has no tour\.yaml.*gradlab tour --dir DIR\/bare/);
		writeFileSync(join(bare, 'bad.yaml'), 'title: Bad\ndataset: xor\nspeed: fast\n');
		expect(failure(() => tourChapters(undefined, [bare]))).toMatch(/^DIR\/bare\/bad\.yaml: speed: got "fast"/);
	});
});
