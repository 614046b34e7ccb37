/**
 * From a validated file to a Scenario: each run's overrides merged onto the base, defaults
 * filled, paths resolved, and the rules that span fields checked (betas only on Adam-like
 * optimizers, std only on `normal`…). Problems are collected, not thrown, so a file's every
 * mistake is reported at once.
 */
import {existsSync} from 'node:fs';
import * as path from 'node:path';
import type {ActivationName} from '../core/activations.js';
import {OPTION_NAMES, type OptimizerProblem, type OptionName, optimizerProblems, optimizersTaking, optionsOf, withDefaults} from '../core/optim/config.js';
import {OPTIMIZER_NAMES, type OptimizerConfig, type OptimizerName} from '../core/optim/optimizer.js';
import {SURFACES} from '../core/surfaces.js';
import {lossMismatch} from '../core/loss.js';
import type {InitSpec, LossName, Task} from '../core/types.js';
import {loadCheckpointFile} from './data.js';
import {DATASET_DEFAULTS, datasetTask, resolveDataset} from './dataset.js';
import {badValue, displayPath, formatPath, type Problem, ruleBroken, ScenarioError, showValue} from './errors.js';
import {LIMITS, lessonSizeProblems, runCountProblem, runSizeProblems, shapeOfSpec} from './limits.js';
import {merge} from './merge.js';
import {describeSchedule, resolveSchedule} from './schedule.js';
import {
	fileKey,
	type InitInput,
	type IntroInput,
	type LabelInput,
	type ModelInput,
	type NetworkFileInput,
	type NetworkRunInput,
	type NoteInput,
	type OptimizerInput,
	type SurfaceFileInput,
	type SurfaceRunInput,
	type TextInput,
	type TrainInput,
} from './schema.js';
import {
	type ModelSpec,
	type NetworkRunSpec,
	type NetworkScenario,
	type Note,
	type Speed,
	type SurfaceRunSpec,
	type SurfaceScenario,
	type Text,
	type TrainSpec,
	type ViewHints,
	type ViewName,
	VIEWS_OF,
} from './types.js';

/** The defaults of every field a file may leave out. */
export const DEFAULTS = {
	...DATASET_DEFAULTS,
	hidden: [16, 16] as readonly number[],
	activation: 'relu' as ActivationName,
	init: 'pytorch' as InitSpec['name'],
	optimizer: 'adam' as OptimizerName,
	batch: 32,
	steps: 1000,
	/** By task: classification, regression. */
	loss: {classification: 'cross-entropy', regression: 'mse'} as const satisfies Record<Task, LossName>,
	shuffle: true,
	seed: 0,
	surface: 'rosenbrock',
	surfaceSteps: 500,
	/** A surface file without runs races these three, at step sizes that stay stable everywhere. */
	surfaceRuns: [
		{name: 'sgd', lr: 1e-3},
		{name: 'momentum', lr: 1e-3},
		{name: 'adam', lr: 1e-2},
	] as const,
	/** The view a scenario opens on is the first its kind offers (VIEWS_OF): loss, or a surface's race map. */
	view: {x: 'step', loss: 'log', along: 'weight'} as Omit<ViewHints, 'show'>,
	/** As fast as the machine goes: a file without captions to read has no reason to wait. */
	speed: 'max' as Speed,
} as const;

/** Where the scenario came from; problems go to `problems`. */
export interface Context {
	readonly id: string;
	/** Absolute path of the scenario file. */
	readonly file: string;
	readonly problems: Problem[];
}

/** Maps a field path inside a run (`['train', 'optimizer', 'lr']`) to where it was written. */
export type Locate = (parts: readonly (string | number)[]) => string;

type Shared = Pick<NetworkScenario, 'id' | 'file' | 'title' | 'summary' | 'intro' | 'notes' | 'view' | 'speed' | 'order'>;

/**
 * Which views the data allows. `planar`: whether the data is 2-D, so the decision boundary can be
 * shown; `fits`: whether it is a regression, so the fit view can ('unknown' for a CSV, whose width
 * is known once it is read; the dashboard checks then); `images`: whether it is images (digits).
 */
interface DataViews {
	readonly planar: boolean | 'unknown';
	readonly fits: boolean | 'unknown';
	readonly images: boolean;
}

/**
 * The fields both kinds share. `data` says which data-bound views the data allows.
 */
function shared(input: NetworkFileInput | SurfaceFileInput, kind: 'network' | 'surface', data: DataViews, ctx: Context): Shared {
	const {planar, fits, images} = data;
	const views = VIEWS_OF[kind];
	const offered = (view: ViewName | undefined, where: string): void => {
		if (view === undefined) return;
		if (!views.includes(view)) ctx.problems.push(badValue(where, view, `one of: ${views.join(', ')} (the views of a ${kind} scenario)`));
		else if (view === 'boundary' && planar === false) ctx.problems.push(ruleBroken(where, view, 'a view of this data', 'the decision boundary needs 2-D data; this data set has more features'));
		else if (view === 'fit' && fits === false) ctx.problems.push(ruleBroken(where, view, 'a view of this data', 'the fit view needs a regression data set; this one has classes'));
		else if (view === 'images' && !images) ctx.problems.push(ruleBroken(where, view, 'a view of this data', 'the images view needs image data (dataset: digits)'));
	};
	offered(input.view?.show, 'view.show');
	(input.notes ?? []).forEach((note, i) => offered(note.view, formatPath(['notes', i, 'view'])));
	return {
		id: ctx.id,
		file: ctx.file,
		title: toText(input.title) ?? toText({en: humanize(ctx.id)})!,
		summary: toText(input.summary) ?? {en: '', ko: ''},
		...(input.intro === undefined ? {} : {intro: toIntro(input.intro)}),
		notes: (input.notes ?? []).map(toNote).sort((a, b) => a.at - b.at),
		view: {show: views[0]!, ...DEFAULTS.view, ...input.view},
		speed: input.speed ?? DEFAULTS.speed,
		...(input.order === undefined ? {} : {order: input.order}),
	};
}

/** `vanishing-gradients` → `Vanishing gradients`: a title for files that give none. */
export function humanize(id: string): string {
	const words = id.replace(/[-_]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function toText(t: TextInput | undefined): Text | undefined {
	return t === undefined ? undefined : {en: t.en, ko: t.ko ?? t.en};
}

/** An intro card's text: its lines as written, without trailing blanks (YAML's `|` leaves a newline). */
function toIntro(t: IntroInput): Text {
	const lines = (s: string): string => s.split('\n').map((line) => line.trimEnd()).join('\n').trim();
	const en = lines(t.en);
	return {en, ko: t.ko === undefined ? en : lines(t.ko)};
}

function toNote(n: NoteInput): Note {
	return {at: n.at ?? 0, text: {en: n.en, ko: n.ko ?? n.en}, ...(n.view === undefined ? {} : {view: n.view})};
}

export function resolveNetworkScenario(input: NetworkFileInput, ctx: Context): NetworkScenario {
	const base: NetworkRunInput = {dataset: input.dataset, model: input.model, train: input.train};
	if (input.runs !== undefined && input.runs.length === 0) ctx.problems.push(badValue('runs', [], 'at least one run, like [{label: …}]'));
	const overrides: readonly NetworkRunInput[] = input.runs ?? [{}];
	const labels = runLabels(
		overrides.map((o) => o.label),
		overrides.map((o, i) => (input.runs === undefined ? 'base' : labelFor(o, i))),
		ctx,
	);
	const texts = labelTexts(overrides.map((o) => o.label), labels, ctx);
	const runs = overrides.map((over, i): NetworkRunSpec => {
		const locate: Locate = (parts) => (input.runs !== undefined && getIn(over, parts) !== undefined ? formatPath(['runs', i, ...parts]) : formatPath(parts));
		const dataset = resolveDataset(merge(base.dataset, over.dataset) ?? {}, locate, ctx);
		const run: NetworkRunSpec = {
			label: labels[i]!,
			...(texts[i] ? {labelText: texts[i]} : {}),
			dataset,
			model: resolveModel(merge(base.model, over.model) ?? {}, locate, ctx),
			train: resolveTrain(merge(base.train, over.train) ?? {}, datasetTask(dataset), locate, ctx),
		};
		ctx.problems.push(...runSizeProblems(run, shapeOfSpec(run.dataset), locate));
		return run;
	});
	// One task per scenario: a loss chart or a table that mixes accuracy and R² compares nothing.
	const first = runs[0];
	runs.forEach((run, i) => {
		if (first && datasetTask(run.dataset) !== datasetTask(first.dataset)) {
			const task = datasetTask(run.dataset);
			ctx.problems.push(ruleBroken(formatPath(['runs', i, 'dataset']), undefined, datasetTask(first.dataset), `a ${task} data set, but runs[0] is ${datasetTask(first.dataset)}: every run of a scenario has the same task`));
		}
	});
	const planar = runs.some((r) => r.dataset.kind === 'toy') || (runs.some((r) => r.dataset.kind === 'csv') ? 'unknown' : false);
	const fits = runs.some((r) => r.dataset.kind === 'regression') || (runs.some((r) => r.dataset.kind === 'csv') ? 'unknown' : false);
	const images = runs.some((r) => r.dataset.kind === 'digits');
	const scenario: NetworkScenario = {kind: 'network', ...shared(input, 'network', {planar, fits, images}, ctx), runs};
	const tooMany = runCountProblem(scenario);
	if (tooMany) ctx.problems.push(tooMany);
	// Built-in data sets have a known size: the lesson's memory is checked now (a CSV's once it is read).
	else if (ctx.problems.length === 0) ctx.problems.push(...lessonSizeProblems(scenario, runs.map((run) => shapeOfSpec(run.dataset))));
	return scenario;
}

export function resolveSurfaceScenario(input: SurfaceFileInput, ctx: Context): SurfaceScenario {
	const surface = input.surface ?? DEFAULTS.surface;
	const steps = input.steps ?? DEFAULTS.surfaceSteps;
	if (input.runs !== undefined && input.runs.length === 0) ctx.problems.push(badValue('runs', [], 'at least one run, like [{optimizer: adam}]'));
	const given: readonly SurfaceRunInput[] = input.runs ?? DEFAULTS.surfaceRuns.map((optimizer) => ({optimizer: {...optimizer}}));
	const labels = runLabels(
		given.map((r) => r.label),
		given.map((r) => r.optimizer.name ?? 'run'),
		ctx,
	);
	const texts = labelTexts(given.map((r) => r.label), labels, ctx);
	const runs = given.map((run, i): SurfaceRunSpec => {
		const at: At = (parts) => formatPath(['runs', i, 'optimizer', ...parts]);
		const optimizer = resolveOptimizer(run.optimizer, at, ctx.problems, true);
		const runSteps = run.steps ?? steps;
		if (runSteps > LIMITS.steps) {
			ctx.problems.push(badValue(run.steps === undefined ? 'steps' : formatPath(['runs', i, 'steps']), runSteps, `at most ${LIMITS.steps.toLocaleString('en-US')} steps`));
		}
		return {
			label: labels[i]!,
			...(texts[i] ? {labelText: texts[i]} : {}),
			optimizer,
			steps: runSteps,
			schedule: resolveSchedule(run.schedule ?? [], optimizer, runSteps, (parts) => formatPath(['runs', i, 'schedule', ...parts]), ctx.problems),
		};
	});
	const scenario: SurfaceScenario = {
		kind: 'surface',
		...shared(input, 'surface', {planar: true, fits: false, images: false}, ctx),
		surface,
		start: input.start ?? SURFACES[surface].start,
		runs,
		seed: input.seed ?? DEFAULTS.seed,
	};
	const tooMany = runCountProblem(scenario);
	if (tooMany) ctx.problems.push(tooMany);
	return scenario;
}

/**
 * A run's label when it gives none: what it changes — the first name it sets (`relu`, `adam`),
 * else its first value (`batch 8`); `run N` if it changes nothing.
 */
function labelFor(over: NetworkRunInput, i: number): string {
	const changes = leaves(over, []).filter(([parts]) => parts[0] !== 'label');
	const schedule = over.train?.schedule;
	if (schedule !== undefined && changes.length === 1) return describeSchedule(schedule);
	const named = changes.find(([, value]) => typeof value === 'string');
	if (named) return named[1] as string;
	const first = changes[0];
	if (first) return `${first[0][first[0].length - 1]!} ${showValue(first[1])}`;
	return `run ${i + 1}`;
}

function leaves(value: unknown, parts: string[]): [string[], unknown][] {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[parts, value]];
	return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : leaves(v, [...parts, k])));
}

/**
 * The label of each run in both languages, where its file gives a Korean one; the Korean labels
 * must differ from each other as the English ones do (two runs would look like one otherwise).
 */
function labelTexts(given: readonly (LabelInput | undefined)[], labels: readonly string[], ctx: Context): (Text | undefined)[] {
	const seen = new Map<string, number>();
	return given.map((label, i) => {
		if (label?.ko === undefined) return undefined;
		const first = seen.get(label.ko);
		if (first !== undefined) ctx.problems.push(badValue(formatPath(['runs', i, 'label', 'ko']), label.ko, `a label no other run has (runs[${first}] is also "${label.ko}")`));
		else seen.set(label.ko, i);
		return {en: labels[i]!, ko: label.ko};
	});
}

/** Labels in order: given ones must be unique (a copy-paste slip otherwise); derived ones are numbered apart. */
function runLabels(givenLabels: readonly (LabelInput | undefined)[], derived: readonly string[], ctx: Context): string[] {
	const given = givenLabels.map((l) => l?.en);
	const seen = new Map<string, number>();
	given.forEach((label, i) => {
		if (label === undefined) return;
		const first = seen.get(label);
		if (first !== undefined) ctx.problems.push(badValue(formatPath(['runs', i, 'label']), label, `a label no other run has (runs[${first}] is also "${label}")`));
		else seen.set(label, i);
	});
	const used = new Set(given.filter((l): l is string => l !== undefined));
	return given.map((label, i) => {
		if (label !== undefined) return label;
		let candidate = derived[i]!;
		for (let n = 2; used.has(candidate); n++) candidate = `${derived[i]!} (${n})`;
		used.add(candidate);
		return candidate;
	});
}

function getIn(value: unknown, parts: readonly (string | number)[]): unknown {
	let v = value;
	for (const p of parts) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string | number, unknown>)[p];
	}
	return v;
}

function resolveInit(init: InitInput, locate: Locate, problems: Problem[]): InitSpec {
	const name = init.name ?? DEFAULTS.init;
	if (init.std !== undefined && name !== 'normal') problems.push(ruleBroken(locate(['model', 'init', 'std']), init.std, 'normal', `${name} has no std; only normal takes it`));
	if (init.a !== undefined && name !== 'uniform') problems.push(ruleBroken(locate(['model', 'init', 'a']), init.a, 'uniform', `${name} has no a; only uniform takes it`));
	return {name, ...(name === 'normal' ? {std: init.std ?? 1} : {}), ...(name === 'uniform' ? {a: init.a ?? 1} : {})};
}

function resolveModel(m: ModelInput, locate: Locate, ctx: Context): ModelSpec {
	let hidden = m.hidden ?? DEFAULTS.hidden;
	let activation = m.activation ?? DEFAULTS.activation;
	const init = resolveInit(m.init ?? {}, locate, ctx.problems);
	if (m.weights === undefined || m.weights === null) return {hidden, activation, init, weights: null, inputs: null, outputs: null};

	const where = locate(['model', 'weights']);
	const file = path.resolve(path.dirname(ctx.file), m.weights);
	if (!existsSync(file)) {
		ctx.problems.push(badValue(where, m.weights, 'a checkpoint file that exists', ` (no file at ${displayPath(file)})`));
		return {hidden, activation, init, weights: file, inputs: null, outputs: null};
	}
	let inputs: number | null = null;
	let outputs: number | null = null;
	try {
		// The checkpoint fixes the architecture; hidden and activation may be left out.
		const checkpoint = loadCheckpointFile(file);
		const sizes = checkpoint.layers.slice(1, -1);
		if (m.hidden !== undefined && m.hidden.join() !== sizes.join()) {
			ctx.problems.push(ruleBroken(locate(['model', 'hidden']), m.hidden, showValue(sizes), `got ${showValue(m.hidden)}, but the checkpoint ${displayPath(file)} has hidden layers ${showValue(sizes)}; leave hidden out to take the checkpoint's`));
		}
		if (m.activation !== undefined && m.activation !== checkpoint.activation) {
			ctx.problems.push(ruleBroken(locate(['model', 'activation']), m.activation, checkpoint.activation, `got "${m.activation}", but the checkpoint ${displayPath(file)} uses ${checkpoint.activation}; leave activation out to take the checkpoint's`));
		}
		hidden = sizes;
		activation = checkpoint.activation;
		inputs = checkpoint.layers[0]!;
		outputs = checkpoint.layers[checkpoint.layers.length - 1]!;
	} catch (error) {
		if (!(error instanceof ScenarioError)) throw error;
		for (const line of error.message.split('\n')) ctx.problems.push(ruleBroken(where, m.weights, 'a gradlab checkpoint', line));
	}
	return {hidden, activation, init, weights: file, inputs, outputs};
}

/** Where a part of the optimizer (`['lr']`, `['betas', 1]`) was written. */
type At = (parts: readonly (string | number)[]) => string;

/**
 * The optimizer with torch's defaults filled in. The core decides what is wrong (core/optim/config.ts);
 * this only says where, in the file's own names. `needName`: there is no base to inherit from.
 */
function resolveOptimizer(o: OptimizerInput, at: At, problems: Problem[], needName = false): OptimizerConfig {
	if (needName && o.name === undefined) problems.push(badValue(at(['name']), undefined, `an optimizer name: one of: ${OPTIMIZER_NAMES.join(', ')}`));
	const name = o.name ?? DEFAULTS.optimizer;
	const given: Partial<Record<OptionName, unknown>> = {};
	for (const option of OPTION_NAMES) {
		if (o[fileKey(option)] !== undefined) given[option] = o[fileKey(option)];
	}
	// The schema gave each value its type; the core checks which of them this optimizer takes.
	const config = {name, ...given} as OptimizerConfig;
	for (const problem of optimizerProblems(config)) problems.push(fileProblem(problem, name, at));
	return withDefaults(config);
}

/** A core optimizer problem as a line about the file: its path and the file's snake_case names. */
function fileProblem(problem: OptimizerProblem, name: OptimizerName, at: At): Problem {
	switch (problem.kind) {
		case 'unknown-optimizer':
			return badValue(at(['name']), problem.value, `one of: ${OPTIMIZER_NAMES.join(', ')}`);
		case 'not-taken': {
			const key = fileKey(problem.option);
			const takes = optionsOf(name).map(fileKey).join(', ');
			const users = OPTION_NAMES.includes(problem.option as OptionName) ? optimizersTaking(problem.option as OptionName).join(', ') : 'no optimizer';
			return ruleBroken(at([key]), problem.value, `one of: ${takes}`, `${name} has no ${key}; ${key} is for ${users} (${name} takes ${takes})`);
		}
		case 'invalid': {
			const where = at(problem.index === undefined ? [fileKey(problem.option)] : [fileKey(problem.option), problem.index]);
			return badValue(where, problem.value, problem.because ? `${problem.allowed} (${problem.because})` : problem.allowed);
		}
	}
}

function resolveTrain(t: TrainInput, task: Task, locate: Locate, ctx: Context): TrainSpec {
	const optimizer = resolveOptimizer(t.optimizer ?? {}, (parts) => locate(['train', 'optimizer', ...parts]), ctx.problems);
	const steps = t.steps ?? DEFAULTS.steps;
	const loss = t.loss ?? DEFAULTS.loss[task];
	const mismatch = lossMismatch(task, loss);
	if (mismatch) ctx.problems.push(ruleBroken(locate(['train', 'loss']), loss, task === 'regression' ? 'mse or mae' : 'cross-entropy or mse', mismatch));
	return {
		optimizer,
		schedule: resolveSchedule(t.schedule ?? [], optimizer, steps, (parts) => locate(['train', 'schedule', ...parts]), ctx.problems),
		batch: t.batch ?? DEFAULTS.batch,
		steps,
		loss,
		shuffle: t.shuffle ?? DEFAULTS.shuffle,
		seed: t.seed ?? DEFAULTS.seed,
	};
}
