/**
 * YAML text to a plain value, bounded and clean (see parse.ts): besides the nesting, aliases are
 * bounded — an alias bomb expands a small file into gigabytes. Kept apart from parse.ts so the
 * training worker, which reads only CSVs and checkpoints, does not carry a YAML parser.
 */
import {type Document, parseDocument} from 'yaml';
import {ruleBroken, ScenarioError, syntaxProblem} from './errors.js';
import {refuseDeep, tooDeep} from './parse.js';
import {cleanTree} from './text.js';

/** Alias nodes a YAML file may use: plenty for sharing a block of settings, far too few for a bomb. */
export const MAX_ALIASES = 100;

export interface ParsedYaml {
	readonly doc: Document;
	readonly value: unknown;
}

/**
 * Parses YAML text read from `file`. Throws a ScenarioError for syntax errors, too many aliases or
 * too deep a value. `multiline(path)` says which strings may keep line breaks (see cleanTree).
 */
export function parseYaml(text: string, file: string, multiline?: (path: readonly (string | number)[]) => boolean): ParsedYaml {
	let doc: Document;
	let value: unknown;
	try {
		doc = parseDocument(text, {prettyErrors: true, uniqueKeys: true});
		// The yaml package reports running out of stack as a syntax error.
		if (doc.errors.some((e) => /call stack/i.test(e.message))) throw tooDeep(file);
		if (doc.errors.length > 0) {
			throw new ScenarioError(
				file,
				doc.errors.map((e) => syntaxProblem(e.linePos?.[0]?.line ?? 1, e.linePos?.[0]?.col ?? 1, e.message)),
			);
		}
		value = doc.toJS({maxAliasCount: MAX_ALIASES});
	} catch (error) {
		if (error instanceof ScenarioError) throw error;
		if (error instanceof ReferenceError && /alias/i.test(error.message)) {
			throw new ScenarioError(file, [ruleBroken('', undefined, `at most ${MAX_ALIASES} alias expansions`, `its YAML aliases (*name) expand too many times (a file that would grow without bound); gradlab allows ${MAX_ALIASES}`)]);
		}
		if (error instanceof RangeError) throw tooDeep(file);
		throw error;
	}
	refuseDeep(value, file);
	return {doc, value: cleanTree(value, multiline)};
}
