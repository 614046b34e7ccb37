/**
 * The experiment editor's fields: for one run, every setting a scenario file holds, in the order
 * a teacher reaches for them — the optimizer and only the options it takes, batch, activation,
 * initialiser, hidden layers, loss, data set and its options, steps, seed, schedule. A field says
 * where its value sits in the file's mapping, how ←/→ step it (scales.ts), what it shows when the
 * mapping leaves it out (the default `resolve` fills in) and, for an optimizer option, torch's
 * default. Names cycle through their lists; numbers stop at either end of their scale.
 */
import {ACTIVATION_NAMES} from '../../../core/activations.js';
import {REGRESSION_NAMES, type RegressionName} from '../../../core/data/index.js';
import {INIT_NAMES} from '../../../core/init.js';
import {OPTIMIZER_DEFAULTS, type OptionName, optionsOf} from '../../../core/optim/config.js';
import {OPTIMIZER_NAMES, type OptimizerName} from '../../../core/optim/optimizer.js';
import {SURFACE_NAMES} from '../../../core/surfaces.js';
import type {Task} from '../../../core/types.js';
import {DEFAULTS} from '../../../scenarios/resolve.js';
import {DATASET_NAMES, LOSS_NAMES, fileKey} from '../../../scenarios/schema.js';
import type {Mapping, Value} from '../../../scenarios/write.js';
import {LR_SCALE, NEAR_ONE, type Scale, oneTwoFive, stepValue} from './scales.js';

/** An optimizer option as a field: Adam's betas are two (β₁, β₂). */
export type OptionField = Exclude<OptionName, 'betas'> | 'beta1' | 'beta2';

export type FieldKey =
	| 'label'
	| 'surface'
	| 'optimizer'
	| OptionField
	| 'batch'
	| 'activation'
	| 'init'
	| 'std'
	| 'a'
	| 'depth'
	| 'widths'
	| 'loss'
	| 'dataset'
	| 'samples'
	| 'noise'
	| 'classes'
	| 'test'
	| 'steps'
	| 'seed'
	| 'standardize'
	| 'shuffle'
	| 'schedule'
	| 'weights';

export type Path = readonly (string | number)[];

export interface Field {
	readonly key: FieldKey;
	/** In the run's mapping, or in the scenario's (a surface's `surface`). */
	readonly where: 'run' | 'shared';
	/** Where the value sits in that mapping (`['train', 'optimizer', 'lr']`). */
	readonly path: Path;
	/** What resolve fills in when the mapping leaves the value out. */
	readonly fallback: Value | undefined;
	/** The names it cycles through, or the numbers' scale; neither: typed only (a label, a schedule). */
	readonly choices?: readonly Value[];
	readonly scale?: Scale;
	/** An optimizer option: torch's default, shown beside it. */
	readonly torch?: Value;
	/** For `depth` and `widths`, which edit one list: how the list is shown and stepped. */
	readonly list?: 'depth' | 'widths';
}

/** Which part of an optimizer option's value a field is (`betas[1]` is β₂). */
const OPTION_PATH: Readonly<Record<OptionField, readonly (string | number)[]>> = {
	lr: ['lr'],
	momentum: ['momentum'],
	dampening: ['dampening'],
	weightDecay: ['weight_decay'],
	beta1: ['betas', 0],
	beta2: ['betas', 1],
	eps: ['eps'],
	alpha: ['alpha'],
	centered: ['centered'],
	rho: ['rho'],
	lrDecay: ['lr_decay'],
	initialAccumulatorValue: ['initial_accumulator_value'],
	amsgrad: ['amsgrad'],
	momentumDecay: ['momentum_decay'],
};

const ladder = (rungs: readonly number[]): Scale => ({kind: 'ladder', rungs: [...new Set(rungs)].sort((a, b) => a - b)});
const POWERS_OF_TEN = (from: number, to: number) => Array.from({length: to - from + 1}, (_, k) => Number(`1e${from + k}`));

const OPTION_SCALES: Readonly<Record<Exclude<OptionField, 'centered' | 'amsgrad'>, Scale>> = {
	lr: LR_SCALE,
	momentum: ladder(NEAR_ONE),
	dampening: ladder([0, 0.1, 0.5, 0.9, 1]),
	weightDecay: ladder([0, ...oneTwoFive(1e-5, 1)]),
	beta1: ladder(NEAR_ONE),
	beta2: ladder(NEAR_ONE),
	eps: ladder([0, ...POWERS_OF_TEN(-12, -1)]),
	alpha: ladder(NEAR_ONE),
	rho: ladder(NEAR_ONE),
	lrDecay: ladder([0, ...POWERS_OF_TEN(-6, 0)]),
	initialAccumulatorValue: ladder([0, ...POWERS_OF_TEN(-3, 0)]),
	momentumDecay: ladder([0, 4e-3, ...oneTwoFive(1e-4, 0.1)]),
};

/** The fields that take an optimizer option, in torch's order, for the optimizer `name`. */
function optionFields(name: OptimizerName, at: Path): Field[] {
	const defaults: Readonly<Record<string, unknown>> = OPTIMIZER_DEFAULTS[name];
	return optionsOf(name).flatMap((option): Field[] => {
		const keys: OptionField[] = option === 'betas' ? ['beta1', 'beta2'] : [option];
		return keys.map((key) => {
			const [, index] = OPTION_PATH[key];
			const torchValue = (index === undefined ? defaults[option] : (defaults[option] as readonly number[])[index as number]) as Value;
			const flag = key === 'centered' || key === 'amsgrad';
			return {key, where: 'run', path: [...at, ...OPTION_PATH[key]], fallback: torchValue, torch: torchValue, ...(flag ? {choices: [false, true]} : {scale: OPTION_SCALES[key]})};
		});
	});
}

/** Rows of training data a toy or digits split keeps, for the batch ladder (CSV: unknown). */
function trainRows(dataset: unknown): number {
	const d = isMapping(dataset) ? dataset : {};
	const test = typeof d.test === 'number' && d.test >= 0 && d.test < 1 ? d.test : DEFAULTS.test;
	if (d.csv !== undefined) return Infinity;
	const rows = d.name === 'digits' ? 1797 : typeof d.samples === 'number' && d.samples > 0 ? d.samples : DEFAULTS.samples;
	return rows - Math.round(rows * test);
}

/** Batch sizes 1, 2, 4, … below the training rows (at most 4096), then `full`. */
export function batchChoices(dataset: unknown): Value[] {
	const rows = Math.min(trainRows(dataset), 8192);
	const sizes: Value[] = [];
	for (let b = 1; b < rows; b *= 2) sizes.push(b);
	return [...sizes, 'full'];
}

export function isMapping(value: unknown): value is Mapping {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `mapping`, or undefined. */
export function getIn(mapping: unknown, path: Path): unknown {
	let at = mapping;
	for (const part of path) {
		if (typeof at !== 'object' || at === null) return undefined;
		at = (at as Record<string | number, unknown>)[part];
	}
	return at;
}

/** The fields of a run, given its mapping (its optimizer, initialiser and data set decide which). */
export function runFields(kind: 'network' | 'surface', run: Mapping): Field[] {
	const optimizerAt: Path = kind === 'network' ? ['train', 'optimizer'] : ['optimizer'];
	const name = getIn(run, [...optimizerAt, 'name']);
	const optimizer: OptimizerName = OPTIMIZER_NAMES.includes(name as OptimizerName) ? (name as OptimizerName) : DEFAULTS.optimizer;
	const head: Field[] = [
		{key: 'label', where: 'run', path: ['label'], fallback: undefined},
		...(kind === 'surface' ? [{key: 'surface', where: 'shared', path: ['surface'], fallback: DEFAULTS.surface, choices: SURFACE_NAMES} as const] : []),
		{key: 'optimizer', where: 'run', path: [...optimizerAt, 'name'], fallback: DEFAULTS.optimizer, choices: OPTIMIZER_NAMES},
		...optionFields(optimizer, optimizerAt),
	];
	if (kind === 'surface') {
		return [...head, {key: 'steps', where: 'run', path: ['steps'], fallback: DEFAULTS.surfaceSteps, scale: ladder(oneTwoFive(10, 1e6))}, scheduleField(['schedule'])];
	}
	const dataset = getIn(run, ['dataset']);
	const datasetName = getIn(run, ['dataset', 'name']);
	const toy = getIn(run, ['dataset', 'csv']) === undefined && datasetName !== 'digits';
	const initName = getIn(run, ['model', 'init', 'name']);
	return [
		...head,
		{key: 'batch', where: 'run', path: ['train', 'batch'], fallback: DEFAULTS.batch, choices: batchChoices(dataset)},
		{key: 'activation', where: 'run', path: ['model', 'activation'], fallback: DEFAULTS.activation, choices: ACTIVATION_NAMES},
		{key: 'init', where: 'run', path: ['model', 'init', 'name'], fallback: DEFAULTS.init, choices: INIT_NAMES},
		...(initName === 'normal' ? [{key: 'std', where: 'run', path: ['model', 'init', 'std'], fallback: 1, scale: ladder(oneTwoFive(1e-3, 10))} as const] : []),
		...(initName === 'uniform' ? [{key: 'a', where: 'run', path: ['model', 'init', 'a'], fallback: 1, scale: ladder(oneTwoFive(1e-3, 10))} as const] : []),
		{key: 'depth', where: 'run', path: ['model', 'hidden'], fallback: [...DEFAULTS.hidden], list: 'depth'},
		{key: 'widths', where: 'run', path: ['model', 'hidden'], fallback: [...DEFAULTS.hidden], list: 'widths'},
		...(getIn(run, ['model', 'weights']) === undefined ? [] : [{key: 'weights', where: 'run', path: ['model', 'weights'], fallback: undefined} as const]),
		{key: 'loss', where: 'run', path: ['train', 'loss'], fallback: DEFAULTS.loss[taskOf(dataset)], choices: LOSS_NAMES},
		{key: 'dataset', where: 'run', path: ['dataset', 'name'], fallback: DEFAULTS.dataset, choices: DATASET_NAMES},
		...(toy
			? ([
					{key: 'samples', where: 'run', path: ['dataset', 'samples'], fallback: DEFAULTS.samples, scale: ladder([2, ...oneTwoFive(10, 1e5)])},
					{key: 'noise', where: 'run', path: ['dataset', 'noise'], fallback: datasetName === 'blobs' ? DEFAULTS.blobNoise : DEFAULTS.noise, scale: ladder([0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2])},
				] as const)
			: []),
		...(datasetName === 'spiral' || datasetName === 'blobs' ? [{key: 'classes', where: 'run', path: ['dataset', 'classes'], fallback: datasetName === 'blobs' ? 3 : 2, scale: {kind: 'count', by: 1, min: 2, max: 10}} as const] : []),
		{key: 'test', where: 'run', path: ['dataset', 'test'], fallback: DEFAULTS.test, scale: ladder([0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5])},
		{key: 'standardize', where: 'run', path: ['dataset', 'standardize'], fallback: getIn(run, ['dataset', 'csv']) === undefined ? false : DEFAULTS.standardizeCsv, choices: [false, true]},
		{key: 'steps', where: 'run', path: ['train', 'steps'], fallback: DEFAULTS.steps, scale: ladder(oneTwoFive(10, 1e6))},
		{key: 'seed', where: 'run', path: ['train', 'seed'], fallback: DEFAULTS.seed, scale: {kind: 'count', by: 1, min: 0, max: 2 ** 31 - 1}},
		{key: 'shuffle', where: 'run', path: ['train', 'shuffle'], fallback: DEFAULTS.shuffle, choices: [true, false]},
		scheduleField(['train', 'schedule']),
	];
}

/** What a run's data asks of it: classes to tell apart, or numbers to fit (a regression set, a CSV with a target). */
export function taskOf(dataset: unknown): Task {
	const d = isMapping(dataset) ? dataset : {};
	if (d.csv !== undefined) return d.target === undefined ? 'classification' : 'regression';
	return REGRESSION_NAMES.includes(d.name as RegressionName) ? 'regression' : 'classification';
}

function scheduleField(path: Path): Field {
	return {key: 'schedule', where: 'run', path, fallback: []};
}

/** A field's value as the file has it, or what resolve would fill in. */
export function fieldValue(field: Field, run: Mapping, shared: Mapping): unknown {
	return getIn(field.where === 'run' ? run : shared, field.path) ?? field.fallback;
}

/**
 * ←/→ on a field: the next value (undefined when there is nothing to step: a label, a schedule, a
 * checkpoint's path). Names and flags cycle; numbers stop at their ends; a value that is not a
 * number steps from the default. `exact` carries an lr's unrounded value between steps.
 */
export function stepField(field: Field, value: unknown, by: 1 | -1, exact?: number): {value: Value; exact?: number} | undefined {
	if (field.list) return {value: stepList(field.list, Array.isArray(value) ? value : (field.fallback as Value[]), by)};
	if (field.choices) {
		const choices = field.choices;
		const k = choices.findIndex((c) => c === value);
		// Names and flags cycle; a ladder of numbers (batch sizes, then full) stops at either end.
		const cycles = !choices.some((c) => typeof c === 'number');
		if (k >= 0) return {value: cycles ? choices[(k + by + choices.length) % choices.length]! : choices[Math.min(choices.length - 1, Math.max(0, k + by))]!};
		// A typed batch of 48 steps to 64 or 32; anything else starts from the first or last choice.
		const numbers = choices.filter((c): c is number => typeof c === 'number');
		if (typeof value === 'number' && numbers.length > 0) {
			const next = by > 0 ? numbers.find((c) => c > value) ?? choices.at(-1)! : [...numbers].reverse().find((c) => c < value) ?? numbers[0]!;
			return {value: next};
		}
		return {value: by > 0 ? choices[0]! : choices.at(-1)!};
	}
	if (!field.scale) return undefined;
	const from = typeof value === 'number' && Number.isFinite(value) ? value : typeof field.fallback === 'number' ? field.fallback : 0;
	const stepped = stepValue(from, field.scale, by, exact);
	return {value: stepped.value, exact: stepped.exact};
}

/** The hidden layers one step deeper or shallower (a new layer as wide as the last), or each twice or half as wide. */
function stepList(list: 'depth' | 'widths', hidden: readonly unknown[], by: 1 | -1): Value[] {
	const widths = hidden.map((w) => (typeof w === 'number' && Number.isInteger(w) && w > 0 ? w : 16));
	if (list === 'depth') return by > 0 ? (widths.length >= MAX_DEPTH ? widths : [...widths, widths.at(-1) ?? 16]) : widths.slice(0, -1);
	return widths.map((w) => Math.min(MAX_WIDTH, Math.max(1, by > 0 ? w * 2 : Math.round(w / 2))));
}

/** ←/→ stop here (a typed list may go further; the file's own checks decide). */
const MAX_DEPTH = 20;
const MAX_WIDTH = 1024;

/** What a typed number means in the `depth` field (that many layers as wide as the last) or `widths` (every layer that wide). */
export function listFromNumber(list: 'depth' | 'widths', hidden: readonly unknown[], n: number): Value {
	if (!Number.isInteger(n) || n < 0) return n;
	const last = hidden.at(-1);
	const width = typeof last === 'number' ? last : 16;
	return list === 'depth' ? Array.from({length: n}, (_, k) => (typeof hidden[k] === 'number' ? (hidden[k] as number) : width)) : hidden.map(() => n);
}

/** A field's name as the file writes it, for an optimizer option (`weight_decay`, `betas[0]`). */
export function optionFileName(key: OptionField): string {
	if (key === 'beta1') return 'betas[0]';
	if (key === 'beta2') return 'betas[1]';
	return fileKey(key);
}

export function isOptionField(key: FieldKey): key is OptionField {
	return Object.hasOwn(OPTION_PATH, key);
}
