/**
 * From a file's text to a plain value, bounded and clean: YAML with few aliases (an alias bomb
 * expands a small file into gigabytes), no value nested deeper than anything gradlab reads
 * (walking a deep one overflows the stack), and every string cleaned of control characters
 * (text.ts). Problems are ScenarioErrors naming the file.
 */
import {type Document, parseDocument} from 'yaml';
import {ruleBroken, ScenarioError, syntaxProblem} from './errors.js';
import {cleanTree} from './text.js';

/** Alias nodes a YAML file may use: plenty for sharing a block of settings, far too few for a bomb. */
export const MAX_ALIASES = 100;
/** Levels of nesting any file may have (a scenario needs about 6, a checkpoint 5). */
export const MAX_NESTING = 32;

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

/** Parses JSON text read from `file` (a checkpoint). Throws a ScenarioError naming the file. */
export function parseJson(text: string, file: string): unknown {
	// JSON.parse itself copes with any depth; what walks the result afterwards may not.
	if (jsonDepth(text) > MAX_NESTING) throw tooDeep(file);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		// V8's message may quote the text ("root:x:0:0"… for a file that is not JSON at all): say where, never what.
		const at = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
		const where = at === undefined ? '' : ` (line ${lineOf(text, Number(at))})`;
		throw new ScenarioError(file, [ruleBroken('', undefined, 'JSON', `is not valid JSON${where}`)]);
	}
	return cleanTree(value);
}

/** The 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

function tooDeep(file: string): ScenarioError {
	return new ScenarioError(file, [ruleBroken('', undefined, `at most ${MAX_NESTING} levels of nesting`, `is nested more than ${MAX_NESTING} levels deep; gradlab's files need far fewer`)]);
}

/** Throws when `value` nests deeper than MAX_NESTING (iteratively: the walk itself cannot overflow). */
function refuseDeep(value: unknown, file: string): void {
	const stack: {v: unknown; depth: number}[] = [{v: value, depth: 0}];
	while (stack.length > 0) {
		const {v, depth} = stack.pop()!;
		if (typeof v !== 'object' || v === null) continue;
		if (depth >= MAX_NESTING) throw tooDeep(file);
		for (const child of Object.values(v)) stack.push({v: child, depth: depth + 1});
	}
}

/** The deepest bracket nesting in JSON text, outside strings. */
function jsonDepth(text: string): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
		else if (c === 0x5d || c === 0x7d) depth--;
	}
	return max;
}
