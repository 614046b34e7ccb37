/**
 * Scenario → YAML a person can read and edit: what `gradlab new` writes and the dashboard saves.
 * Loading the text back gives the same scenario (a test checks every built-in lesson), so it
 * trains to the same numbers. Written the way a teacher writes a lesson:
 * - the settings all runs share once, at the top; each run only with what differs (its label too);
 * - the knobs a lesson is about always (data set and its size, noise and test share, layers,
 *   activation, initialiser, optimizer and lr, schedule, batch, steps, loss, seed); the rest only
 *   where it differs from its default (torch's optimizer options, shuffle, a toy's class count, view,
 *   speed);
 * - text in both languages where they differ, plain otherwise; captions as given;
 * - CSV and checkpoint paths relative to the new file's folder when they lie inside it, else absolute.
 */
import * as path from 'node:path';
import {Document, isCollection, isScalar, visit} from 'yaml';
import {OPTIMIZER_DEFAULTS, type OptimizerOptions} from '../core/optim/config.js';
import type {OptimizerConfig} from '../core/optim/optimizer.js';
import {isSetPoint, type ScheduleEntry} from '../core/schedule.js';
import {DEFAULTS} from './resolve.js';
import {fileKey} from './schema.js';
import {type DatasetSpec, type ModelSpec, type NetworkRunSpec, type NetworkScenario, type Scenario, type SurfaceScenario, type Text, type TrainSpec, VIEWS_OF} from './types.js';

export interface WriteOptions {
	/** The folder the file goes into: paths to data and checkpoints are written relative to it. */
	readonly dir: string;
	/** Comment lines for the top of the file. */
	readonly header?: readonly string[];
}

export type Mapping = {[key: string]: Value};
export type Value = string | number | boolean | null | readonly Value[] | Mapping;

/** The scenario as YAML text that `parseScenario` reads back to the same scenario (id and file aside). */
export function writeScenario(scenario: Scenario, options: WriteOptions): string {
	const body = scenario.kind === 'network' ? networkBody(scenario, options.dir) : surfaceBody(scenario);
	const doc = new Document({...heading(scenario), ...body, ...footing(scenario)});
	if (options.header?.length) doc.commentBefore = options.header.map((line) => ` ${line}`).join('\n');
	flowWhereShort(doc);
	return doc.toString({lineWidth: 0, flowCollectionPadding: false});
}

/** A scenario as the file's own mappings, every run written out in full: what the experiment editor edits. */
export interface ScenarioMapping {
	/** Everything but the runs (title, captions, and a surface's surface, start and seed). */
	readonly shared: Mapping;
	/** Each run with every setting it trains with (optimizer options only where they differ from torch's). */
	readonly runs: readonly Mapping[];
}

/**
 * The scenario as mappings a file could hold, each run complete, so one run can change without
 * touching another; `{...shared, runs}` checks (validate.ts) back to the same scenario. Paths are
 * written relative to `dir` where they lie inside it.
 */
export function scenarioMapping(s: Scenario, dir: string): ScenarioMapping {
	if (s.kind === 'surface') {
		const {runs, ...shared} = surfaceBody(s);
		const steps = shared.steps;
		delete shared.steps;
		const full = (runs as readonly Mapping[]).map((run) => ({...run, ...(run.steps === undefined ? {steps: steps!} : {})}));
		return {shared: {...heading(s), ...shared, seed: s.seed, ...footing(s)}, runs: full};
	}
	return {shared: {...heading(s), ...footing(s)}, runs: s.runs.map((run) => ({label: label(run), ...runBody(run, dir)}))};
}

function runBody(run: NetworkRunSpec, dir: string): Mapping {
	return {dataset: dataset(run.dataset, dir), model: model(run.model, dir), train: train(run.train)};
}

function heading(s: Scenario): Mapping {
	return {
		title: text(s.title),
		...(s.summary.en === '' && s.summary.ko === '' ? {} : {summary: text(s.summary)}),
		...(s.intro ? {intro: text(s.intro)} : {}),
		...(s.order === undefined ? {} : {order: s.order}),
	};
}

/** The pace, the captions (each with the view it names) and the view: what a lesson shows, after what it trains. */
function footing(s: Scenario): Mapping {
	const view: Mapping = {};
	if (s.view.show !== VIEWS_OF[s.kind][0]) view.show = s.view.show;
	if (s.view.x !== DEFAULTS.view.x) view.x = s.view.x;
	if (s.view.loss !== DEFAULTS.view.loss) view.loss = s.view.loss;
	if (s.view.along !== DEFAULTS.view.along) view.along = s.view.along;
	const keys = Object.keys(view);
	return {
		...(s.speed === DEFAULTS.speed ? {} : {speed: s.speed}),
		...(s.notes.length > 0 ? {notes: s.notes.map((n) => ({at: n.at, ...(n.view ? {view: n.view} : {}), en: n.text.en, ...(n.text.ko === n.text.en ? {} : {ko: n.text.ko})}))} : {}),
		...(keys.length === 0 ? {} : {view: keys.length === 1 && keys[0] === 'show' ? view.show! : view}),
	};
}

/** Plain text when both languages say the same, else `{en, ko}`. */
function text(t: Text): Value {
	return t.en === t.ko ? t.en : {en: t.en, ko: t.ko};
}

function label(run: {readonly label: string; readonly labelText?: Text}): Value {
	return run.labelText ? {en: run.labelText.en, ko: run.labelText.ko} : run.label;
}

function networkBody(s: NetworkScenario, dir: string): Mapping {
	const runs = s.runs.map((run) => flatten(runBody(run, dir)));
	const shared = new Map([...runs[0]!].filter(([key, value]) => runs.every((r) => r.has(key) && same(r.get(key)!, value))));
	const base = unflatten(shared);
	// One run that takes its name from nothing is the base itself ("base"); no runs list needed.
	if (s.runs.length === 1 && s.runs[0]!.label === 'base' && !s.runs[0]!.labelText) return base;
	const overrides = s.runs.map((run, i) => ({label: label(run), ...unflatten(new Map([...runs[i]!].filter(([key]) => !shared.has(key))))}));
	return {...base, runs: overrides};
}

function surfaceBody(s: SurfaceScenario): Mapping {
	const steps = s.runs.every((r) => r.steps === s.runs[0]!.steps) ? s.runs[0]!.steps : undefined;
	return {
		kind: 'surface',
		surface: s.surface,
		start: [...s.start],
		...(steps === undefined ? {} : {steps}),
		...(s.seed === DEFAULTS.seed ? {} : {seed: s.seed}),
		runs: s.runs.map((run) => ({
			label: label(run),
			optimizer: optimizer(run.optimizer),
			...(steps === undefined ? {steps: run.steps} : {}),
			...(run.schedule.length > 0 ? {schedule: run.schedule.map(scheduleEntry)} : {}),
		})),
	};
}

function dataset(d: DatasetSpec, dir: string): Mapping {
	// standardize only where it differs from the default (on for a CSV, off for a built-in set).
	const scaled: Mapping = d.standardize === (d.kind === 'csv' ? DEFAULTS.standardizeCsv : false) ? {} : {standardize: d.standardize};
	switch (d.kind) {
		case 'toy': {
			const classes = d.name === 'blobs' ? 3 : 2;
			return {name: d.name, samples: d.samples, noise: d.noise, ...(d.classes === classes ? {} : {classes: d.classes}), test: d.test, ...scaled};
		}
		case 'digits':
			return {name: 'digits', test: d.test, ...scaled};
		case 'regression':
			return {name: d.name, samples: d.samples, noise: d.noise, test: d.test, ...scaled};
		case 'csv':
			return {
				csv: relative(d.path, dir),
				...(d.label === null ? {} : {label: d.label}),
				...(d.target === null ? {} : {target: d.target.length === 1 ? d.target[0]! : [...d.target]}),
				test: d.testFile === null ? d.test : relative(d.testFile, dir),
				...scaled,
			};
	}
}

function model(m: ModelSpec, dir: string): Mapping {
	const {name, std, a} = m.init;
	return {
		hidden: [...m.hidden],
		activation: m.activation,
		init: {name, ...(std === undefined ? {} : {std}), ...(a === undefined ? {} : {a})},
		...(m.weights === null ? {} : {weights: relative(m.weights, dir)}),
	};
}

function train(t: TrainSpec): Mapping {
	return {
		optimizer: optimizer(t.optimizer),
		...(t.schedule.length > 0 ? {schedule: t.schedule.map(scheduleEntry)} : {}),
		batch: t.batch,
		steps: t.steps,
		loss: t.loss,
		...(t.shuffle === DEFAULTS.shuffle ? {} : {shuffle: t.shuffle}),
		seed: t.seed,
	};
}

/** Name and lr, then the options that differ from torch's defaults, in torch's names. */
function optimizer(o: OptimizerConfig): Mapping {
	const defaults: OptimizerOptions = OPTIMIZER_DEFAULTS[o.name];
	const out: Mapping = {name: o.name, lr: o.lr ?? defaults.lr!};
	for (const key of Object.keys(defaults) as (keyof OptimizerOptions)[]) {
		const value = o[key];
		if (key === 'lr' || value === undefined || same(value, defaults[key]!)) continue;
		out[fileKey(key)] = Array.isArray(value) ? [...(value as number[])] : (value as Value);
	}
	return out;
}

function scheduleEntry(e: ScheduleEntry): Mapping {
	if (isSetPoint(e)) return {at: e.at, ...(e.lr === undefined ? {} : {lr: e.lr}), ...(e.momentum === undefined ? {} : {momentum: e.momentum})};
	switch (e.name) {
		case 'step':
			return {name: e.name, every: e.every, gamma: e.gamma};
		case 'multistep':
			return {name: e.name, milestones: [...e.milestones], gamma: e.gamma};
		case 'cosine':
			return {name: e.name, steps: e.steps, min_lr: e.minLr};
		case 'linear':
			return {name: e.name, start_factor: e.startFactor, end_factor: e.endFactor, steps: e.steps};
	}
}

/** `file` relative to `dir` when inside it (the pair can move together), else absolute. */
function relative(file: string, dir: string): string {
	const rel = path.relative(dir, file);
	return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Dotted paths to the leaves (lists are leaves), in order. */
function flatten(m: Mapping, prefix = '', out = new Map<string, Value>()): Map<string, Value> {
	for (const [key, value] of Object.entries(m)) {
		const at = prefix + key;
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Mapping, `${at}.`, out);
		else out.set(at, value);
	}
	return out;
}

/** The nested mapping back, with `{name: x}` alone written as the shorthand `x` (`init: he-normal`). */
function unflatten(leaves: ReadonlyMap<string, Value>): Mapping {
	const out: Mapping = {};
	for (const [dotted, value] of leaves) {
		const keys = dotted.split('.');
		let at = out;
		for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Mapping;
		at[keys.at(-1)!] = value;
	}
	return shorthand(out);
}

function shorthand(m: Mapping): Mapping {
	for (const [key, value] of Object.entries(m)) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
		const inner = shorthand(value as Mapping);
		const keys = Object.keys(inner);
		m[key] = keys.length === 1 && keys[0] === 'name' && (key === 'init' || key === 'optimizer') ? inner.name! : inner;
	}
	return m;
}

/** Collections that fit on a line are written on one (`{name: spiral, samples: 400}`), like the built-in lessons. */
function flowWhereShort(doc: Document): void {
	visit(doc, {
		Map: (_key, node, path) => fold(node, path.length),
		Seq: (_key, node, path) => fold(node, path.length),
	});
	function fold(node: Parameters<typeof isCollection>[0], depth: number): symbol | undefined {
		if (!isCollection(node) || depth <= 1) return undefined;
		let multiline = false;
		visit(node, {Scalar: (_k, s) => void (isScalar(s) && typeof s.value === 'string' && s.value.includes('\n') && (multiline = true))});
		if (multiline) return undefined;
		const line = new Document(node.toJSON()).toString({collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0}).trim();
		if (line.length > LINE - depth) return undefined;
		node.flow = true;
		return visit.SKIP;
	}
}

/** Longest flow collection, before the key and indentation. */
const LINE = 84;
