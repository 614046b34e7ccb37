/**
 * From parsed YAML to a Scenario: the schema first, then merging and the rules between fields.
 * When the shape has problems, the bad values are dropped (or a misspelt name read as its
 * nearest match) and the rest is checked too, so one report lists every problem at once.
 */
import {type Document, isNode} from 'yaml';
import type * as z from 'zod';
import {problemsFromIssues, type Problem} from './errors.js';
import {resolveNetworkScenario, resolveSurfaceScenario, type Context} from './resolve.js';
import {networkFileSchema, surfaceFileSchema} from './schema.js';
import {suggest} from './suggest.js';
import type {Scenario} from './types.js';

/**
 * Checks the shape, then (if it passed) merges and checks the rules between fields. When the
 * shape has problems, the bad values are dropped and the rest is checked too, so that one
 * report lists every problem, not only the first layer of them.
 */
export function validate(raw: unknown, ctx: Context): Scenario | undefined {
	let input = raw;
	for (let round = 0; round < SALVAGE_ROUNDS; round++) {
		// Once salvaging, only rule problems are new; a dropped value's knock-on effects are not.
		const result = check(input, round === 0 ? ctx : {...ctx, problems: []});
		if (result.issues === undefined) {
			if (round > 0) ctx.problems.push(...result.ruleProblems);
			return round === 0 ? result.scenario : undefined;
		}
		if (round === 0) ctx.problems.push(...problemsFromIssues(result.issues));
		const next = withoutBadValues(input, result.issues);
		if (next === undefined) return undefined;
		input = next;
	}
	return undefined;
}

/**
 * A scenario file's content, already parsed, checked as `gradlab check` checks it (the same
 * schema, merging and rules): the scenario, or every problem, each once. The experiment editor
 * checks its form with it, so a field shows the very line `gradlab check` would print.
 */
export function checkInput(raw: unknown, id: string, file: string): {readonly scenario: Scenario; readonly problems: readonly []} | {readonly scenario?: undefined; readonly problems: readonly Problem[]} {
	const problems: Problem[] = [];
	const scenario = validate(raw, {id, file, problems});
	if (problems.length > 0 || scenario === undefined) return {problems: unique(problems)};
	return {scenario, problems: []};
}

type Checked = {scenario: Scenario; ruleProblems: Problem[]; issues?: undefined} | {issues: z.core.$ZodIssue[]};

/** One pass: the schema's issues, or the resolved scenario with its rule problems in ctx.problems. */
function check(input: unknown, ctx: Context): Checked {
	if (surfaceKind(input)) {
		const parsed = surfaceFileSchema.safeParse(input, {reportInput: true});
		return parsed.success ? {scenario: resolveSurfaceScenario(parsed.data, ctx), ruleProblems: ctx.problems} : {issues: parsed.error.issues};
	}
	const parsed = networkFileSchema.safeParse(input, {reportInput: true});
	return parsed.success ? {scenario: resolveNetworkScenario(parsed.data, ctx), ruleProblems: ctx.problems} : {issues: parsed.error.issues};
}

/** Enough rounds for a removed value to expose a missing one, and that to be found. */
const SALVAGE_ROUNDS = 3;

/** A copy of `raw` without the values zod rejected (a whole list when one item is bad); undefined if the root itself is bad. */
function withoutBadValues(raw: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
	const copy: unknown = structuredClone(raw);
	for (const issue of issues) {
		const parts = [...issue.path];
		if (issue.code === 'unrecognized_keys') {
			const target = getPath(copy, parts);
			if (isRecord(target)) for (const key of issue.keys) delete target[key];
			continue;
		}
		// A misspelt name reads as its nearest match: dropping it would let a default name in,
		// and with it complaints about the options that belonged to the name the teacher meant.
		if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
			const near = suggest(issue.input, issue.values.map(String));
			const parent = getPath(copy, parts.slice(0, -1));
			if (near !== undefined && isRecord(parent)) {
				parent[String(parts[parts.length - 1])] = near;
				continue;
			}
			// The shorthand `optimizer: adma` is reported at optimizer.name: fix the string itself.
			const holder = getPath(copy, parts.slice(0, -2));
			if (near !== undefined && typeof parent === 'string' && isRecord(holder)) {
				holder[String(parts[parts.length - 2])] = near;
				continue;
			}
			if (parts[parts.length - 1] === 'name') parts.pop();
		}
		// A schedule entry is a formula or a set-point by the keys it has: dropping one key could
		// turn it into the other, so a bad value drops the whole schedule.
		const schedule = parts.indexOf('schedule');
		if (schedule >= 0) parts.length = schedule + 1;
		while (parts.length > 0 && typeof parts[parts.length - 1] === 'number') parts.pop();
		const key = parts.pop();
		if (key === undefined) return undefined;
		const parent = getPath(copy, parts);
		if (isRecord(parent)) delete parent[String(key)];
	}
	return copy;
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null;
}

function getPath(value: unknown, parts: readonly PropertyKey[]): unknown {
	let v = value;
	for (const p of parts) v = isRecord(v) ? v[p as string] : undefined;
	return v;
}

/** Problems sorted by where their field is written, so the list reads top to bottom like the file. */
export function inFileOrder(problems: readonly Problem[], doc: Document): Problem[] {
	const offset = (p: Problem): number => {
		const parts = p.path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
		// A missing or unknown field has no node: use its nearest written ancestor.
		for (let n = parts.length; n >= 0; n--) {
			const node: unknown = doc.getIn(parts.slice(0, n), true);
			if (isNode(node) && node.range) return node.range[0];
		}
		return 0;
	};
	return problems
		.map((p, i) => ({p, i, at: offset(p)}))
		.sort((a, b) => a.at - b.at || a.i - b.i)
		.map((e) => e.p);
}

/** `kind: surface`, or no kind but a `surface` field. */
function surfaceKind(raw: unknown): boolean {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
	const kind = (raw as {kind?: unknown}).kind;
	return kind === 'surface' || (kind === undefined && 'surface' in raw);
}

/** A base field inherited by several runs reports its problem once. */
export function unique(problems: readonly Problem[]): Problem[] {
	const seen = new Set<string>();
	return problems.filter((p) => {
		if (seen.has(p.text)) return false;
		seen.add(p.text);
		return true;
	});
}
