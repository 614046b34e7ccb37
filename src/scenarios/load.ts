/**
 * Finding, reading and validating scenario files. YAML (JSON is YAML too) is parsed with the
 * `yaml` package, checked with the zod schemas, then expanded into runs by resolve.ts. Any
 * problem throws one ScenarioError listing all of them.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import * as path from 'node:path';
import {packageRoot} from '../paths.js';
import {type Problem, ruleBroken, ScenarioError} from './errors.js';
import {FILE_NOUNS, FileProblem, readUserText} from './files.js';
import {parseYaml} from './yaml.js';
import {didYouMean} from './suggest.js';
import {cleanText} from './text.js';
import type {Scenario} from './types.js';
import {inFileOrder, unique, validate} from './validate.js';

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The built-in lessons: the top-level `scenarios/` folder of the package (from src/ and dist/src/ alike). */
export function builtinDir(): string {
	return path.join(packageRoot(), 'scenarios');
}

/** A scenario's id: its file name without the extension (file names are text from outside too). */
function idOf(file: string): string {
	const base = cleanText(path.basename(file));
	const ext = EXTENSIONS.find((e) => base.toLowerCase().endsWith(e));
	return ext ? base.slice(0, -ext.length) : base;
}

/** Reads, validates and expands one scenario file. Throws ScenarioError listing every problem. */
export function loadScenarioFile(file: string): Scenario {
	return parseScenario(readOrRefuse(file, 'scenario'), path.resolve(file), file);
}

/** A scenario file or tour manifest's text; anything readUserText refuses becomes a ScenarioError naming it. */
export function readOrRefuse(file: string, kind: 'scenario' | 'manifest'): string {
	try {
		return readUserText(file, kind);
	} catch (error) {
		if (!(error instanceof FileProblem)) throw error;
		throw new ScenarioError(file, [ruleBroken('', undefined, FILE_NOUNS[kind], error.sentence)]);
	}
}

/** Only an intro card keeps its line breaks; every other text is one line. */
const introOnly = (at: readonly (string | number)[]): boolean => at[0] === 'intro';

/** Validates scenario text as if read from `abs` (paths in it resolve against its folder). */
export function parseScenario(text: string, abs: string, shown: string = abs): Scenario {
	const {doc, value} = parseYaml(text, shown, introOnly);
	if (text.trim() === '' || doc.contents === null) {
		throw new ScenarioError(shown, [ruleBroken('', undefined, 'a mapping of scenario fields', 'the file is empty; a scenario needs at least a data set and runs')]);
	}
	const problems: Problem[] = [];
	const scenario = validate(value, {id: idOf(abs), file: abs, problems});
	if (problems.length > 0 || scenario === undefined) throw new ScenarioError(shown, inFileOrder(unique(problems), doc));
	return scenario;
}

/** Scenario files directly inside `dir`, by file name. */
function filesIn(dir: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	return names
		.filter((n) => EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)))
		.sort()
		.map((n) => path.join(dir, n));
}

/**
 * The file for a lesson id (`vanishing-gradients`), a path, or a name found in one of `dirs`
 * (built-ins are searched first). An unknown name throws, listing the lessons and the nearest.
 */
export function findScenario(nameOrPath: string, dirs: readonly string[] = []): string {
	const looksLikePath = /[\\/]/.test(nameOrPath) || EXTENSIONS.some((e) => nameOrPath.toLowerCase().endsWith(e));
	// Something at that path that is not a file (a folder, a FIFO) is left to the reader to name.
	const there = existsSync(nameOrPath);
	if (there && (looksLikePath || statSync(nameOrPath).isFile())) return path.resolve(nameOrPath);
	const folders = [builtinDir(), ...dirs.map((d) => path.resolve(d))];
	if (!looksLikePath) {
		for (const folder of folders) {
			for (const ext of EXTENSIONS) {
				const candidate = path.join(folder, nameOrPath + ext);
				if (existsSync(candidate)) return candidate;
			}
		}
	}
	if (there) return path.resolve(nameOrPath);
	const ids = [...new Set(folders.flatMap(filesIn).map(idOf))];
	const hint = looksLikePath ? '' : didYouMean(nameOrPath, ids);
	const what = looksLikePath ? 'no such file' : 'no such lesson or file';
	throw new ScenarioError(nameOrPath, [ruleBroken('', nameOrPath, `one of: ${ids.join(', ')}`, `${what}${hint}; the lessons are: ${ids.join(', ')}`)]);
}

/**
 * Folders of lessons beyond the built-ins: `./scenarios` in the working directory (a teacher's own
 * lessons, unless that folder is the built-ins), then each `--dir`.
 */
export function lessonDirs(extra: readonly string[]): string[] {
	const local = path.resolve('scenarios');
	const dirs = existsSync(local) && local !== builtinDir() ? [local] : [];
	return [...dirs, ...extra];
}

/** Sorts one folder's scenarios by `order`, then by id. */
const byOrder = (a: Scenario, b: Scenario): number => (a.order ?? Infinity) - (b.order ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every scenario: the built-ins first, then each of `dirs`; within a folder by `order`, then by id. Throws on the first bad file. */
export function listScenarios(dirs: readonly string[] = []): Scenario[] {
	const folders = [builtinDir(), ...dirs.map((d) => path.resolve(d))];
	return folders.flatMap((folder) => filesIn(folder).map(loadScenarioFile).sort(byOrder));
}

/** The scenario files directly inside one folder, loaded, by `order` then id (a tour's extra chapters). Throws on the first bad file. */
export function folderScenarios(dir: string): Scenario[] {
	return filesIn(path.resolve(dir)).map(loadScenarioFile).sort(byOrder);
}

/**
 * Like `listScenarios`, but a bad file is skipped and reported (its first problem) instead of
 * hiding every good lesson: the picker and `gradlab list` show what they can and say what is wrong.
 */
export function listScenariosReporting(dirs: readonly string[] = []): {scenarios: Scenario[]; problems: string[]} {
	const problems: string[] = [];
	const seen = new Set<string>();
	const folders = [builtinDir(), ...dirs.map((d) => path.resolve(d))].filter((f) => !seen.has(f) && seen.add(f));
	const scenarios = folders.flatMap((folder) =>
		filesIn(folder)
			.flatMap((file) => {
				try {
					return [loadScenarioFile(file)];
				} catch (error) {
					if (!(error instanceof ScenarioError)) throw error;
					problems.push(error.message.split('\n')[0]!);
					return [];
				}
			})
			.sort(byOrder),
	);
	return {scenarios, problems};
}
