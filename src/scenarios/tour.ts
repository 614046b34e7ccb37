/**
 * The guided tour: the built-in chapters in `scenarios/tour/`, in the order its manifest
 * (`scenarios/tour/tour.yaml`) lists them. Each chapter is an ordinary scenario file (with an
 * `intro` card); the folder is not read by `listScenarios`, so chapters are not lessons of
 * their own in the picker or `gradlab list`.
 *
 * The manifest:
 * ```yaml
 * chapters:
 *   - {file: 01-backprop.yaml, speed: 20}   # speed: steps per second that suit the chapter
 *   - 02-gradient-descent.yaml             # or just the file (speed: max)
 * ```
 */
import {existsSync} from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import {badValue, problemsFromIssues, ScenarioError} from './errors.js';
import {builtinDir, loadScenarioFile, readOrRefuse} from './load.js';
import {parseYaml} from './yaml.js';
import {ALLOWED_KEYS_PREFIX} from './schema.js';
import type {Scenario} from './types.js';

/** Steps per second, or as fast as the machine goes. */
export type TourSpeed = number | 'max';

/** One chapter of the tour. */
export interface TourChapter {
	readonly scenario: Scenario;
	/** The pace at which the chapter makes its point in well under a minute (its captions readable). */
	readonly speed: TourSpeed;
}

/** The folder of the built-in tour. */
export function tourDir(): string {
	return path.join(builtinDir(), 'tour');
}

/** The manifest's file name inside a tour folder. */
export const TOUR_MANIFEST = 'tour.yaml';

const SPEED = 'a number of steps per second > 0, or "max"';

const chapterSchema = z.preprocess(
	(v) => (typeof v === 'string' ? {file: v} : v),
	z.strictObject(
		{
			file: z.string({error: 'a scenario file name, like 01-backprop.yaml'}).refine((s) => s.trim() !== '', {error: 'a scenario file name, like 01-backprop.yaml'}),
			speed: z
				.union([z.literal('max'), z.number().refine((v) => v > 0 && Number.isFinite(v), {error: SPEED})], {error: SPEED})
				.optional(),
		},
		{error: (issue) => (issue.code === 'unrecognized_keys' ? `${ALLOWED_KEYS_PREFIX}file, speed` : 'a chapter: a file name, or {file: …, speed: …}')},
	),
);

const manifestSchema = z.strictObject(
	{chapters: z.array(chapterSchema, {error: 'a list of chapter files, like [01-backprop.yaml, …]'}).min(1, {error: 'at least one chapter'})},
	{error: (issue) => (issue.code === 'unrecognized_keys' ? `${ALLOWED_KEYS_PREFIX}chapters` : 'a mapping with the field chapters')},
);

/** The tour's chapters with their pace, in order. Throws ScenarioError for a bad manifest or chapter. */
export function loadTourChapters(dir: string = tourDir()): TourChapter[] {
	const manifest = path.join(dir, TOUR_MANIFEST);
	const {value} = parseYaml(readOrRefuse(manifest, 'manifest'), manifest);
	const parsed = manifestSchema.safeParse(value, {reportInput: true});
	if (!parsed.success) throw new ScenarioError(manifest, problemsFromIssues(parsed.error.issues));
	const entries = parsed.data.chapters;
	const missing = entries.flatMap((entry, i) => {
		const file = path.resolve(dir, entry.file);
		return existsSync(file) ? [] : [badValue(`chapters[${i}].file`, entry.file, 'a scenario file next to the manifest', ` (no file at ${file})`)];
	});
	if (missing.length > 0) throw new ScenarioError(manifest, missing);
	return entries.map((entry) => ({scenario: loadScenarioFile(path.resolve(dir, entry.file)), speed: entry.speed ?? 'max'}));
}

/** The tour's chapters, in order, from the built-in folder (or `dir`). */
export function loadTour(dir: string = tourDir()): Scenario[] {
	return loadTourChapters(dir).map((c) => c.scenario);
}
