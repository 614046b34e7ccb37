/**
 * What a teacher sees when a scenario file is wrong: one line per problem, each naming the
 * file, the field path (`runs[2].train.optimizer.lr`), the bad value and what is allowed, with
 * a "did you mean" for near-miss names. No stack traces: the CLI prints `message` and exits 2.
 */
import * as path from 'node:path';
import type * as z from 'zod';
import {ALLOWED_KEYS_PREFIX} from './schema.js';
import {koreanProblem} from './korean.js';
import {didYouMean, suggest} from './suggest.js';
import {cleanText} from './text.js';
import type {Language} from './types.js';

/** One thing wrong with a file. */
export interface Problem {
	/** Field path like `runs[2].train.optimizer.lr`; '' for the file as a whole. */
	readonly path: string;
	/** The offending value as written (undefined when missing or not applicable). */
	readonly value: unknown;
	/** What would have been accepted, e.g. "a number > 0" or "one of: sgd, momentum, …". */
	readonly allowed: string;
	/** The whole line after the file name: `path: got …, expected …`. */
	readonly text: string;
}

/** A scenario that cannot be used. `message` holds every problem, one per line. */
export class ScenarioError extends Error {
	override name = 'ScenarioError';
	/** The process exit code the CLI should use for a bad scenario. */
	readonly exitCode = 2;
	/** The file as shown to the user (relative to the working directory when inside it). */
	readonly file: string;
	readonly problems: readonly Problem[];
	/** The first problem's field path, value and allowed values. */
	readonly path: string;
	readonly value: unknown;
	readonly allowed: string;

	constructor(file: string, problems: readonly Problem[]) {
		const shown = displayPath(file);
		super(problems.map((p) => `${shown}: ${p.text}`).join('\n'));
		this.file = shown;
		this.problems = problems;
		const first = problems[0];
		this.path = first?.path ?? '';
		this.value = first?.value;
		this.allowed = first?.allowed ?? '';
	}

	/** The message in `language`: Korean comes from the phrasebook (korean.ts), problem by problem. */
	inLanguage(language: Language): string {
		if (language === 'en') return this.message;
		return this.problems
			.map((p) => {
				const prefix = p.path === '' ? '' : `${p.path}: `;
				const sentence = p.text.startsWith(prefix) ? p.text.slice(prefix.length) : p.text;
				return `${this.file}: ${prefix}${koreanProblem(sentence) ?? sentence}`;
			})
			.join('\n');
	}
}

/** `file` relative to the working directory when it lies inside it, else as given; safe to print (a name may hold anything). */
export function displayPath(file: string): string {
	if (!path.isAbsolute(file)) return cleanText(file);
	const rel = path.relative(process.cwd(), file);
	return cleanText(rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file);
}

/** `['runs', 2, 'train', 'lr']` → `runs[2].train.lr`. */
export function formatPath(parts: readonly PropertyKey[]): string {
	let out = '';
	for (const part of parts) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out === '' ? String(part) : `.${String(part)}`;
	}
	return out;
}

/** A value as the user wrote it, short and safe to print: `-1`, `"adma"`, `[0.9, 2]`, `{…}`. */
export function showValue(value: unknown): string {
	return cleanText(valueText(value));
}

function valueText(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
	let json: string;
	try {
		json = JSON.stringify(value, (_k, v: unknown) => (v === undefined ? null : v)).replace(/,/g, ', ').replace(/:/g, ': ');
	} catch {
		json = String(value);
	}
	return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** A problem with a bad value: `path: got X, expected Y`. */
export function badValue(at: string, value: unknown, allowed: string, hint = ''): Problem {
	const got = value === undefined ? 'missing' : `got ${showValue(value)}`;
	return {path: at, value, allowed, text: `${at === '' ? '' : `${at}: `}${got}, expected ${allowed}${hint}`};
}

/** A problem described in words rather than as got/expected (a rule between fields). */
export function ruleBroken(at: string, value: unknown, allowed: string, sentence: string): Problem {
	return {path: at, value, allowed, text: `${at === '' ? '' : `${at}: `}${sentence}`};
}

/**
 * One problem per zod issue (one per unknown key). A required field reported missing is left
 * out when an unknown key next to it looks like its misspelling: "did you mean" says it all.
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): Problem[] {
	const out: Problem[] = [];
	const misspelt = new Set<string>();
	for (const issue of issues) {
		if (issue.code !== 'unrecognized_keys') continue;
		const allowed = allowedKeys(issue.message);
		for (const key of issue.keys) {
			const near = suggest(key, allowed);
			if (near !== undefined) misspelt.add(formatPath([...issue.path, near]));
		}
	}
	for (const issue of issues) {
		const at = formatPath(issue.path);
		switch (issue.code) {
			case 'unrecognized_keys': {
				const allowed = allowedKeys(issue.message);
				const list = allowed.join(', ');
				for (const key of issue.keys) {
					out.push(ruleBroken(formatPath([...issue.path, key]), key, list, `unknown field${didYouMean(key, allowed)}; allowed: ${list}`));
				}
				break;
			}
			case 'invalid_value': {
				const names = issue.values.map(String);
				const hint = typeof issue.input === 'string' ? didYouMean(issue.input, names) : '';
				const allowed = names.length === 1 ? JSON.stringify(names[0]) : `one of: ${names.join(', ')}`;
				out.push(badValue(at, issue.input, allowed, hint));
				break;
			}
			default:
				if (issue.input === undefined && misspelt.has(at)) break;
				out.push(badValue(at, issue.input, issue.message));
		}
	}
	return out;
}

/** The allowed keys schema.ts packs into an unknown-key issue's message. */
function allowedKeys(message: string): string[] {
	return message.startsWith(ALLOWED_KEYS_PREFIX) ? message.slice(ALLOWED_KEYS_PREFIX.length).split(', ') : [];
}

/** A YAML syntax problem at a 1-based line and column. */
export function syntaxProblem(line: number, column: number, message: string): Problem {
	// The yaml package appends a code excerpt after the first line; the position is enough.
	const first = cleanText(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
	return {path: '', value: undefined, allowed: 'valid YAML', text: `line ${line}, column ${column}: ${first}`};
}
