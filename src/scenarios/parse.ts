/**
 * From a file's text to a plain value, bounded and clean: no value nested deeper than anything
 * gradlab reads (walking a deep one overflows the stack), and every string cleaned of control
 * characters (text.ts). JSON here; YAML, which adds aliases to bound, in yaml.ts. Problems are
 * ScenarioErrors naming the file.
 */
import {ruleBroken, ScenarioError} from './errors.js';
import {cleanTree} from './text.js';

/** Levels of nesting any file may have (a scenario needs about 6, a checkpoint 5). */
export const MAX_NESTING = 32;

/**
 * Parses JSON text read from `file` (a checkpoint) holding at most `maxValues` values. Throws a
 * ScenarioError naming the file.
 */
export function parseJson(text: string, file: string, maxValues: number): unknown {
	const shape = jsonShape(text);
	// JSON.parse itself copes with any depth; what walks the result afterwards may not.
	if (shape.depth > MAX_NESTING) throw tooDeep(file);
	// Each value after a container's first follows a comma: a 32 MB file of `{},` would be 10 million objects.
	if (shape.commas + 1 > maxValues) {
		throw new ScenarioError(file, [ruleBroken('', undefined, `at most ${maxValues.toLocaleString('en-US')} values`, `holds ${(shape.commas + 1).toLocaleString('en-US')} values or more; gradlab reads at most ${maxValues.toLocaleString('en-US')} from such a file`)]);
	}
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

export function tooDeep(file: string): ScenarioError {
	return new ScenarioError(file, [ruleBroken('', undefined, `at most ${MAX_NESTING} levels of nesting`, `is nested more than ${MAX_NESTING} levels deep; gradlab's files need far fewer`)]);
}

/** Throws when `value` nests deeper than MAX_NESTING (iteratively: the walk itself cannot overflow). */
export function refuseDeep(value: unknown, file: string): void {
	const stack: {v: unknown; depth: number}[] = [{v: value, depth: 0}];
	while (stack.length > 0) {
		const {v, depth} = stack.pop()!;
		if (typeof v !== 'object' || v === null) continue;
		if (depth >= MAX_NESTING) throw tooDeep(file);
		for (const child of Object.values(v)) stack.push({v: child, depth: depth + 1});
	}
}

/** The deepest bracket nesting in JSON text and its commas, outside strings. */
function jsonShape(text: string): {depth: number; commas: number} {
	let depth = 0;
	let max = 0;
	let commas = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x2c) commas++;
		else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
		else if (c === 0x5d || c === 0x7d) depth--;
	}
	return {depth: max, commas};
}
