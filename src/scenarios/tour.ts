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
 *
 * A teacher's own tour is a manifest of the same form anywhere (`gradlab tour my-tour.yaml`): its
 * chapters are files next to it, or built-in chapters by name. `gradlab tour --dir my-chapters/`
 * adds a folder's scenario files after the tour's chapters. The installed tour is never edited.
 */
import {existsSync, statSync} from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import {badValue, problemsFromIssues, ruleBroken, ScenarioError} from './errors.js';
import {builtinDir, folderScenarios, loadScenarioFile, readOrRefuse} from './load.js';
import {parseYaml} from './yaml.js';
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
	return loadManifest(path.join(dir, TOUR_MANIFEST));
}

/**
 * The tour `gradlab tour [TOUR] [--dir DIR]…` plays: a manifest of one's own (a file, or a folder
 * holding a tour.yaml) or the built-in tour, then the scenario files of each `dirs` folder as
 * more chapters (by `order`, then by name). Throws ScenarioError naming what is wrong.
 */
export function tourChapters(target: string | undefined, dirs: readonly string[] = []): Scenario[] {
	const base = target === undefined ? loadTour() : loadManifest(manifestAt(target));
	return [...base, ...dirs.flatMap((dir) => folderScenarios(dir))];
}

/** The manifest a tour target names: the file itself, or a folder's tour.yaml. */
function manifestAt(target: string): string {
	const abs = path.resolve(target);
	if (!existsSync(abs)) throw new ScenarioError(target, [ruleBroken('', target, 'a tour file or folder', 'no such tour file or folder')]);
	if (!statSync(abs).isDirectory()) return abs;
	const manifest = path.join(abs, TOUR_MANIFEST);
	if (existsSync(manifest)) return manifest;
	throw new ScenarioError(target, [
		ruleBroken('', target, 'a folder with a tour.yaml', `this folder has no ${TOUR_MANIFEST} listing its chapters; to play its scenario files after the built-in chapters: gradlab tour --dir ${target}`),
	]);
}

/**
 * A manifest's chapters: each a file next to it or, in a tour of one's own, a built-in chapter
 * of that name.
 */
function loadManifest(manifest: string): Scenario[] {
	const dir = path.dirname(manifest);
	const builtin = path.resolve(dir) === path.resolve(tourDir()) ? null : tourDir();
	const {value} = parseYaml(readOrRefuse(manifest, 'manifest'), manifest);
	const parsed = manifestSchema.safeParse(value, {reportInput: true});
	if (!parsed.success) throw new ScenarioError(manifest, problemsFromIssues(parsed.error.issues));
	const entries = parsed.data.chapters;
	const where = (file: string): string | null => {
		const own = path.resolve(dir, file);
		if (existsSync(own)) return own;
		const shipped = builtin === null ? null : path.join(builtin, path.basename(file));
		return shipped !== null && existsSync(shipped) ? shipped : null;
	};
	const missing = entries.flatMap((entry, i) =>
		where(entry.file) !== null
			? []
			: [badValue(`chapters[${i}].file`, entry.file, builtin === null ? 'a scenario file next to the manifest' : 'a scenario file next to the manifest, or a built-in chapter', ` (no file at ${path.resolve(dir, entry.file)})`)],
	);
	if (missing.length > 0) throw new ScenarioError(manifest, missing);
	return entries.map((entry) => loadScenarioFile(where(entry.file)!));
}
