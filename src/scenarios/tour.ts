/**
 * The guided tour: the built-in chapters in `scenarios/tour/`, in the order its manifest
 * (`scenarios/tour/tour.yaml`) lists them. Each chapter is an ordinary scenario file (with an
 * `intro` card and the `speed` its captions were written for); the folder is not read by
 * `listScenarios`, so chapters are not lessons of their own in the picker or `gradlab list`.
 *
 * The manifest:
 * ```yaml
 * chapters:
 *   - 01-backprop.yaml
 *   - {file: 02-gradient-descent.yaml}
 * ```
 */
import {existsSync, readFileSync} from 'node:fs';
import * as path from 'node:path';
import {parseDocument} from 'yaml';
import * as z from 'zod';
import {badValue, problemsFromIssues, ruleBroken, ScenarioError, syntaxProblem} from './errors.js';
import {builtinDir, loadScenarioFile} from './load.js';
import {ALLOWED_KEYS_PREFIX} from './schema.js';
import type {Scenario} from './types.js';

/** The folder of the built-in tour. */
export function tourDir(): string {
	return path.join(builtinDir(), 'tour');
}

/** The manifest's file name inside a tour folder. */
export const TOUR_MANIFEST = 'tour.yaml';

const chapterSchema = z.preprocess(
	(v) => (typeof v === 'string' ? {file: v} : v),
	z.strictObject(
		{file: z.string({error: 'a scenario file name, like 01-backprop.yaml'}).refine((s) => s.trim() !== '', {error: 'a scenario file name, like 01-backprop.yaml'})},
		// A chapter's pace is the chapter file's own `speed`, like any lesson's.
		{error: (issue) => (issue.code === 'unrecognized_keys' ? `${ALLOWED_KEYS_PREFIX}file` : 'a chapter: a file name, or {file: …}')},
	),
);

const manifestSchema = z.strictObject(
	{chapters: z.array(chapterSchema, {error: 'a list of chapter files, like [01-backprop.yaml, …]'}).min(1, {error: 'at least one chapter'})},
	{error: (issue) => (issue.code === 'unrecognized_keys' ? `${ALLOWED_KEYS_PREFIX}chapters` : 'a mapping with the field chapters')},
);

/** The tour's chapters, in order, from the built-in folder (or `dir`). Throws ScenarioError for a bad manifest or chapter. */
export function loadTour(dir: string = tourDir()): Scenario[] {
	const manifest = path.join(dir, TOUR_MANIFEST);
	let text: string;
	try {
		text = readFileSync(manifest, 'utf8');
	} catch {
		throw new ScenarioError(manifest, [ruleBroken('', undefined, 'a tour manifest', `cannot read the tour manifest (no file at ${manifest})`)]);
	}
	const doc = parseDocument(text, {prettyErrors: true, uniqueKeys: true});
	if (doc.errors.length > 0) {
		throw new ScenarioError(
			manifest,
			doc.errors.map((e) => syntaxProblem(e.linePos?.[0]?.line ?? 1, e.linePos?.[0]?.col ?? 1, e.message)),
		);
	}
	const parsed = manifestSchema.safeParse(doc.toJS(), {reportInput: true});
	if (!parsed.success) throw new ScenarioError(manifest, problemsFromIssues(parsed.error.issues));
	const entries = parsed.data.chapters;
	const missing = entries.flatMap((entry, i) => {
		const file = path.resolve(dir, entry.file);
		return existsSync(file) ? [] : [badValue(`chapters[${i}].file`, entry.file, 'a scenario file next to the manifest', ` (no file at ${file})`)];
	});
	if (missing.length > 0) throw new ScenarioError(manifest, missing);
	return entries.map((entry) => loadScenarioFile(path.resolve(dir, entry.file)));
}
