/**
 * The editor's draft: the scenario as the file's own mappings (write.ts), each run complete, so a
 * change to one run touches no other. A draft is checked by the code `gradlab check` runs
 * (validate.ts), and each problem is placed on the field it is about; only a draft without
 * problems becomes a Scenario. Changing a name rewrites what hangs on it: a new optimizer takes
 * its own options (torch's defaults, or the values chosen before where it takes them too), a new
 * initialiser its own std or a, a new data set its own options.
 */
import * as path from 'node:path';
import {Document, parseDocument} from 'yaml';
import {OPTIMIZER_DEFAULTS, optionsOf} from '../../../core/optim/config.js';
import {OPTIMIZER_NAMES, type OptimizerName} from '../../../core/optim/optimizer.js';
import {DEFAULTS} from '../../../scenarios/resolve.js';
import {fileKey} from '../../../scenarios/schema.js';
import type {Language, Scenario} from '../../../scenarios/types.js';
import {checkInput} from '../../../scenarios/validate.js';
import {type Mapping, type Value, scenarioMapping} from '../../../scenarios/write.js';
import {word} from '../../kit/words.js';
import {type Field, type FieldKey, type Path, getIn, isMapping, listFromNumber, runFields, taskOf} from './fields.js';

export interface Draft {
	readonly kind: 'network' | 'surface';
	/** The scenario's own fields (title, captions; a surface's surface, start, seed). */
	readonly shared: Mapping;
	readonly runs: readonly Mapping[];
}

/** A problem `gradlab check` would report, placed on a run's field where it is about one. */
export interface FieldProblem {
	/** The run, or null for the scenario as a whole. */
	readonly run: number | null;
	readonly field: FieldKey | null;
	/** The line `gradlab check` prints after the file name: `runs[1].train.optimizer.lr: got 0, expected a number > 0`. */
	readonly text: string;
	/** The same without the path, for beside the field: `got 0, expected a number > 0`. */
	readonly detail: string;
}

export interface Checked {
	/** The scenario the draft describes, when it has no problems. */
	readonly scenario: Scenario | null;
	readonly problems: readonly FieldProblem[];
}

/** The draft of a scenario: every run written out with every option its optimizer takes. */
export function draftOf(scenario: Scenario): Draft {
	const {shared, runs} = scenarioMapping(scenario, path.dirname(scenario.file));
	return {kind: scenario.kind, shared, runs: runs.map((run) => completeRun(scenario.kind, run))};
}

/** The draft as a file's content: the scenario fields, then the runs. */
export function draftInput(draft: Draft): Mapping {
	return {...draft.shared, runs: [...draft.runs]};
}

/** Checks the draft as `gradlab check` checks a file read from `file`. */
export function checkDraft(draft: Draft, id: string, file: string): Checked {
	const result = checkInput(draftInput(draft), id, file);
	if (result.scenario) return {scenario: result.scenario, problems: []};
	return {scenario: null, problems: result.problems.map((p) => placeProblem(draft, p.path, p.text))};
}

/** The run and field a problem's path (`runs[2].model.init.std`) is about. */
function placeProblem(draft: Draft, at: string, text: string): FieldProblem {
	const parts = parsePath(at);
	const inRun = parts[0] === 'runs' && typeof parts[1] === 'number' && parts[1] < draft.runs.length;
	const run = inRun ? (parts[1] as number) : null;
	const rest = inRun ? parts.slice(2) : parts;
	const fields = runFields(draft.kind, draft.runs[run ?? 0] ?? {}).filter((f) => f.where === (inRun ? 'run' : 'shared'));
	// The field whose path is the longest start of the problem's, or the first under it.
	const covering = fields.filter((f) => startsWith(rest, f.path)).sort((a, b) => b.path.length - a.path.length)[0];
	const under = rest.length > 0 ? fields.find((f) => startsWith(f.path, rest)) : undefined;
	const detail = at !== '' && text.startsWith(`${at}: `) ? text.slice(at.length + 2) : text;
	return {run, field: (covering ?? under)?.key ?? null, text, detail};
}

function startsWith(parts: Path, prefix: Path): boolean {
	return prefix.length <= parts.length && prefix.every((p, k) => String(p) === String(parts[k]));
}

/** `runs[2].train.optimizer.betas[1]` → `['runs', 2, 'train', 'optimizer', 'betas', 1]`. */
export function parsePath(at: string): (string | number)[] {
	return at
		.split(/\.|\[(\d+)\]/)
		.filter((s) => s !== undefined && s !== '')
		.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `mapping` with `value` at `path` (removed when undefined); the mappings on the way are copied, the rest shared. */
export function setIn(mapping: Mapping, at: Path, value: Value | undefined): Mapping {
	const [head, ...rest] = at;
	if (head === undefined) return mapping;
	const key = String(head);
	const copy: Mapping = {...mapping};
	if (rest.length === 0) {
		if (value === undefined) delete copy[key];
		else copy[key] = value;
		return copy;
	}
	const inner = mapping[key];
	if (typeof rest[0] === 'number') {
		const list: Value[] = Array.isArray(inner) ? [...(inner as Value[])] : [];
		const k = rest[0];
		if (rest.length === 1) {
			if (value === undefined) return copy;
			while (list.length < k) list.push(null);
			list[k] = value;
		} else {
			list[k] = setIn(isMapping(list[k]) ? (list[k] as Mapping) : {}, rest.slice(1), value);
		}
		copy[key] = list;
		return copy;
	}
	copy[key] = setIn(isMapping(inner) ? inner : {}, rest, value);
	return copy;
}

/**
 * The draft with `field` of run `index` set to `value` (undefined: left to its default). Names
 * rewrite what hangs on them; a typed mapping for a named thing (`{name: normal, std: 0.1}`)
 * replaces it whole.
 */
export function setField(draft: Draft, index: number, field: Field, value: Value | undefined): Draft {
	if (field.where === 'shared') {
		// A surface's start point belongs to its surface: a new surface starts from its own.
		const shared = setIn(field.key === 'surface' ? setIn(draft.shared, ['start'], undefined) : draft.shared, field.path, value);
		return {...draft, shared};
	}
	const run = draft.runs[index];
	if (!run) return draft;
	return {...draft, runs: draft.runs.map((r, k) => (k === index ? setRunField(run, field, value) : r))};
}

function setRunField(run: Mapping, field: Field, value: Value | undefined): Mapping {
	const parent = field.path.slice(0, -1);
	switch (field.key) {
		case 'optimizer':
			if (isMapping(value)) return setIn(run, parent, value);
			return setIn(run, parent, withOptimizer(getIn(run, parent), value));
		case 'init':
			if (isMapping(value)) return setIn(run, parent, value);
			return setIn(run, parent, withInit(getIn(run, parent), value));
		case 'dataset':
			return withTaskLoss(run, setIn(run, parent, isMapping(value) ? value : withDataset(getIn(run, parent), value)));
		case 'depth':
		case 'widths':
			return setIn(run, field.path, typeof value === 'number' ? listFromNumber(field.key, listOf(getIn(run, field.path)), value) : value);
		default:
			return setIn(run, field.path, value);
	}
}

const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : DEFAULTS.hidden);

/**
 * An optimizer mapping for a new name: each option the new optimizer takes keeps a value chosen
 * before (one that differs from the old optimizer's default), else gets torch's default for it.
 */
function withOptimizer(old: unknown, name: Value | undefined): Mapping {
	const before = isMapping(old) ? old : {};
	if (typeof name !== 'string' || !OPTIMIZER_NAMES.includes(name as OptimizerName)) return name === undefined ? optimizerMapping(DEFAULTS.optimizer, {}) : {...before, name};
	const oldName = OPTIMIZER_NAMES.includes(before.name as OptimizerName) ? (before.name as OptimizerName) : null;
	const oldDefaults: Readonly<Record<string, unknown>> = oldName ? OPTIMIZER_DEFAULTS[oldName] : {};
	const chosen: Mapping = {};
	for (const option of oldName ? optionsOf(oldName) : []) {
		const value = before[fileKey(option)];
		if (value !== undefined && JSON.stringify(value) !== JSON.stringify(oldDefaults[option])) chosen[fileKey(option)] = value;
	}
	return optimizerMapping(name as OptimizerName, chosen);
}

/** `{name, lr, …}` with every option `name` takes: the chosen value, or torch's default. */
function optimizerMapping(name: OptimizerName, chosen: Mapping): Mapping {
	const defaults: Readonly<Record<string, unknown>> = OPTIMIZER_DEFAULTS[name];
	const out: Mapping = {name};
	for (const option of optionsOf(name)) out[fileKey(option)] = chosen[fileKey(option)] ?? copyValue(defaults[option] as Value);
	return out;
}

const copyValue = (v: Value): Value => (Array.isArray(v) ? [...(v as Value[])] : v);

/** An initialiser mapping for a new name: `normal` keeps or gets its std, `uniform` its a. */
function withInit(old: unknown, name: Value | undefined): Mapping | undefined {
	if (name === undefined) return undefined;
	const before = isMapping(old) ? old : {};
	return {name, ...(name === 'normal' ? {std: before.std ?? 1} : {}), ...(name === 'uniform' ? {a: before.a ?? 1} : {})};
}

/**
 * A data set mapping for a new name: a generated set's options (kept from the old one where they
 * carry over), the test share and standardize always.
 */
function withDataset(old: unknown, name: Value | undefined): Mapping | undefined {
	if (name === undefined) return undefined;
	const before = isMapping(old) ? old : {};
	const test = typeof before.test === 'number' ? before.test : DEFAULTS.test;
	const standardize: Mapping = before.csv === undefined && typeof before.standardize === 'boolean' ? {standardize: before.standardize} : {};
	if (name === 'digits') return {name, test, ...standardize};
	const wasGenerated = typeof before.name === 'string' && before.name !== 'digits' && before.csv === undefined;
	const blobs = name === 'blobs';
	const sameNoise = wasGenerated && (before.name === 'blobs') === blobs;
	return {
		name,
		samples: wasGenerated ? (before.samples ?? DEFAULTS.samples) : DEFAULTS.samples,
		noise: sameNoise ? (before.noise ?? DEFAULTS.noise) : blobs ? DEFAULTS.blobNoise : DEFAULTS.noise,
		...(name === 'spiral' || blobs ? {classes: wasGenerated && (before.name === 'spiral' || before.name === 'blobs') && before.classes !== undefined ? before.classes : blobs ? 3 : 2} : {}),
		test,
		...standardize,
	};
}

/**
 * A run whose data now asks another task of it (classes ↔ numbers): a loss that was the old
 * task's default becomes the new one's (cross-entropy ↔ mse); a loss chosen on purpose stays, for
 * check to judge.
 */
function withTaskLoss(before: Mapping, after: Mapping): Mapping {
	const was = taskOf(getIn(before, ['dataset']));
	const now = taskOf(getIn(after, ['dataset']));
	const loss = getIn(after, ['train', 'loss']);
	if (was === now || (loss !== undefined && loss !== DEFAULTS.loss[was])) return after;
	return setIn(after, ['train', 'loss'], DEFAULTS.loss[now]);
}

/** A run with every option written: the optimizer's (torch's defaults where the file left them), shuffle, a toy's classes. */
function completeRun(kind: 'network' | 'surface', run: Mapping): Mapping {
	const at = kind === 'network' ? ['train', 'optimizer'] : ['optimizer'];
	const optimizer = getIn(run, at);
	const name = isMapping(optimizer) ? optimizer.name : undefined;
	let out = OPTIMIZER_NAMES.includes(name as OptimizerName) ? setIn(run, at, optimizerMapping(name as OptimizerName, optimizer as Mapping)) : run;
	if (kind === 'surface') return out;
	if (getIn(out, ['train', 'shuffle']) === undefined) out = setIn(out, ['train', 'shuffle'], DEFAULTS.shuffle);
	const dataset = getIn(out, ['dataset', 'name']);
	if ((dataset === 'spiral' || dataset === 'blobs') && getIn(out, ['dataset', 'classes']) === undefined) out = setIn(out, ['dataset', 'classes'], dataset === 'blobs' ? 3 : 2);
	return out;
}

/** A run's label as the language shows it (`{en, ko}` labels in that language). */
export function labelOf(run: Mapping, language: 'en' | 'ko'): string {
	const label = run.label;
	if (isMapping(label)) return String(label[language] ?? label.en ?? '');
	return typeof label === 'string' ? label : '';
}

/** A label no run has yet: `relu 2`, `relu 3`, … */
export function freshLabel(runs: readonly Mapping[], base: string): string {
	const taken = new Set(runs.flatMap((r) => [labelOf(r, 'en'), labelOf(r, 'ko')]));
	const stem = base.replace(/ \d+$/, '') || 'run';
	for (let n = 2; ; n++) if (!taken.has(`${stem} ${n}`)) return `${stem} ${n}`;
}

/** A value as one line a file could hold: `0.001`, `he-normal`, `[16, 16]`, `[cosine, {at: 500, lr: 0.01}]`. */
export function flowText(value: unknown): string {
	if (value === undefined) return '';
	if (typeof value === 'string' && value !== '' && !/[:,[\]{}#&*!|>'"%@`]|^\s|\s$|^-/.test(value) && typeof parseTyped(value) === 'string') return value;
	return new Document(value).toString({collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0}).trim();
}

/** Typed text as a file would read it (`0.01` a number, `[16, 8]` a list, `full` a name); '' means the default. */
export function parseTyped(text: string): Value | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	const doc = parseDocument(trimmed, {uniqueKeys: true});
	if (doc.errors.length > 0 || doc.warnings.length > 0) return trimmed;
	return plainValue(doc.toJS()) ?? trimmed;
}

/** YAML's value if it is plain data (no dates, binary or other tagged objects). */
function plainValue(value: unknown): Value | undefined {
	if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (Array.isArray(value)) {
		const items = value.map(plainValue);
		return items.every((v) => v !== undefined) ? (items as Value[]) : undefined;
	}
	if (isMapping(value) && Object.getPrototypeOf(value) === Object.prototype) {
		const out: Mapping = {};
		for (const [k, v] of Object.entries(value)) {
			const plain = plainValue(v);
			if (plain === undefined) return undefined;
			out[k] = plain;
		}
		return out;
	}
	return undefined;
}

/** For each run, what it sets that not every run sets alike: `relu`, `he-normal`, `lr 5` (the legend's words); none of the settings named in `leaveOut`. */
export function differences(draft: Draft, leaveOut: readonly string[] = []): string[][] {
	const leaves = draft.runs.map((run) => withoutTorchDefaults(flatten(run, '')));
	const named = (key: string) => key.slice(key.lastIndexOf('.') + 1);
	const keys = [...new Set(leaves.flatMap((l) => [...l.keys()]))].filter((key) => key !== 'label' && !key.startsWith('label.') && !leaveOut.includes(named(key)));
	const differing = keys.filter((key) => new Set(leaves.map((l) => JSON.stringify(l.get(key) ?? null))).size > 1);
	return leaves.map((l) =>
		differing.flatMap((key) => {
			const value = l.get(key);
			if (value === undefined) return [];
			const name = named(key);
			if (typeof value === 'string' && BARE_NAMES.has(name)) return [value];
			return [`${name} ${name === 'hidden' ? layersText(value) : flowText(value)}`];
		}),
	);
}

/**
 * Each run's `differences` as one line (the editor's runs panel and an edited lesson's legend):
 * `relu, he-normal`. `leaveOut`: settings the caller shows itself (the legend shows the lr a run
 * uses now, so `lr 0.1` from the file would contradict a live change); a run that differs only
 * in those says nothing, not "same as the others".
 */
export function differenceTexts(draft: Draft, language: Language, leaveOut: readonly string[] = []): string[] {
	const many = draft.runs.length > 1;
	const all = differences(draft);
	return differences(draft, leaveOut).map((d, k) => (d.length > 0 ? d.join(', ') : many && all[k]!.length === 0 ? word('sameAsOthers', language) : ''));
}

/** Hidden layers in few characters: ten of 16 units are `10×16`; others as the file writes them. */
function layersText(value: Value): string {
	const list = Array.isArray(value) ? (value as Value[]) : [];
	return list.length > 1 && list.every((w) => w === list[0]) ? `${list.length}×${flowText(list[0])}` : flowText(value);
}

/** Settings whose value says what it is (`relu`, `adam`, `he-normal`); the rest are written `lr 5`, `batch full`. */
const BARE_NAMES = new Set(['name', 'activation', 'loss']);

/**
 * The leaves without the optimizer options left at torch's defaults (the lr aside): the
 * optimizer's name says those, as a file leaves them out.
 */
function withoutTorchDefaults(leaves: Map<string, Value>): Map<string, Value> {
	const out = new Map(leaves);
	for (const [key, value] of leaves) {
		const m = /^(.*optimizer)\.(\w+)$/.exec(key);
		if (!m || m[2] === 'name' || m[2] === 'lr') continue;
		const name = leaves.get(`${m[1]}.name`);
		if (!OPTIMIZER_NAMES.includes(name as OptimizerName)) continue;
		const option = optionsOf(name as OptimizerName).find((o) => fileKey(o) === m[2]);
		const defaults: Readonly<Record<string, unknown>> = OPTIMIZER_DEFAULTS[name as OptimizerName];
		if (option && JSON.stringify(defaults[option]) === JSON.stringify(value)) out.delete(key);
	}
	return out;
}

/** Dotted paths to the leaves (lists are leaves). */
function flatten(m: Mapping, prefix: string, out = new Map<string, Value>()): Map<string, Value> {
	for (const [key, value] of Object.entries(m)) {
		if (isMapping(value)) flatten(value, `${prefix}${key}.`, out);
		else out.set(prefix + key, value);
	}
	return out;
}
