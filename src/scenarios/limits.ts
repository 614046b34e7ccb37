/**
 * How big a lesson may be. gradlab is a teaching lab on a shared machine (a class's server, a
 * laptop during a lecture): every lesson must start in seconds and leave room for everyone
 * else. Each limit is far above what a lesson needs (the built-in ones use at most 1,797 rows,
 * 64 features, 16 units and 10 runs) and far below what would swap a shared machine. Limits are
 * checked before anything is built, by `check`, `run` and the dashboard alike (they share the
 * loader and the data preparation); each refusal names the field, the limit and the memory the
 * file would have taken.
 */
import {DIGITS_CLASSES, DIGITS_FEATURES, regressionInputs} from '../core/data/index.js';
import type {DataSplit, Task} from '../core/types.js';
import {type Problem, ruleBroken, ScenarioError} from './errors.js';
import {formatBytes} from './files.js';
import type {Locate} from './resolve.js';
import type {DatasetSpec, NetworkRunSpec, NetworkScenario, Scenario} from './types.js';

export const LIMITS = {
	/** Runs in one lesson: a legend line each, trained side by side. */
	runs: 16,
	/** Steps per run: time, not memory (histories are sampled), but a budget should end. */
	steps: 10_000_000,
	/** Rows of data: a toy's samples, a CSV's rows. */
	samples: 100_000,
	/** A CSV's feature columns. */
	features: 1_000,
	/** A CSV's cells (rows × columns): what its parse holds at once. */
	cells: 2_000_000,
	/** Classes of a classifier (the boundary view draws each in its own colour). */
	classes: 100,
	/** Units in one layer. */
	width: 2_048,
	/** Hidden layers in one network. */
	hiddenLayers: 64,
	/** Weights and biases of one run's network. */
	parameters: 1_000_000,
	/** Estimated memory of a whole lesson: every run's network and batch buffers, and the data. */
	memory: 512 * 1024 * 1024,
} as const;

/** Bytes per parameter: the weight, its gradient and up to three optimizer slots (Adam with AMSGrad), as float64. */
const BYTES_PER_PARAMETER = 8 * 5;
/** Bytes per unit per batch row: pre-activation, output and gradient, as float64. */
const BYTES_PER_ACTIVATION = 8 * 3;
/** Rows the network is sized for at least: the evaluation chunk (see core/trainer.ts). */
const EVAL_ROWS = 256;

/** What a run's data looks like, as far as memory goes. */
export interface DataShape {
	readonly task: Task;
	/** Rows, training and test together. */
	readonly rows: number;
	readonly features: number;
	/** The network's outputs: one per class, or one per target column. */
	readonly outputs: number;
}

/** The shape of a built-in data set, known without building it; undefined for a CSV (known once read). */
export function shapeOfSpec(spec: DatasetSpec): DataShape | undefined {
	switch (spec.kind) {
		case 'toy':
			return {task: 'classification', rows: spec.samples, features: 2, outputs: spec.classes};
		case 'digits':
			return {task: 'classification', rows: 1797, features: DIGITS_FEATURES, outputs: DIGITS_CLASSES};
		case 'regression':
			return {task: 'regression', rows: spec.samples, features: regressionInputs(spec.name), outputs: 1};
		case 'csv':
			return undefined;
	}
}

/** The shape of built data. */
export function shapeOfSplit(data: DataSplit): DataShape {
	const rows = data.train.n + data.test.n;
	return data.task === 'regression'
		? {task: 'regression', rows, features: data.train.features, outputs: data.train.outputs}
		: {task: 'classification', rows, features: data.train.features, outputs: data.train.classes};
}

/** Weights and biases of a network with these layer sizes. */
export function parameterCount(layers: readonly number[]): number {
	let count = 0;
	for (let l = 0; l + 1 < layers.length; l++) count += layers[l]! * layers[l + 1]! + layers[l + 1]!;
	return count;
}

/** Memory one run's network takes to train (its data aside). */
export function networkBytes(layers: readonly number[], batch: number | 'full', rows: number): number {
	const trainRows = Math.max(1, rows);
	const batchRows = batch === 'full' ? trainRows : Math.min(batch, trainRows);
	const bufferRows = Math.max(batchRows, Math.min(EVAL_ROWS, trainRows));
	const units = layers.reduce((sum, n) => sum + n, 0);
	return parameterCount(layers) * BYTES_PER_PARAMETER + bufferRows * units * BYTES_PER_ACTIVATION;
}

/** Memory a data set takes: features as float64, a label (int32) or its targets (float64) each; once in the main thread, once in the worker. */
export function dataBytes(shape: DataShape): number {
	const y = shape.task === 'regression' ? shape.outputs * 8 : 4;
	return shape.rows * (shape.features * 8 + y) * 2;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** "got 20000, expected at most 2,048 units per layer (why)"; `shown` is the value as the sentence shows it. */
function overLimit(at: string, value: number, allowed: string, why: string, shown: string = String(value)): Problem {
	return ruleBroken(at, value, allowed, `got ${shown}, expected ${allowed} (${why})`);
}

/**
 * A run's own numbers against the limits: its data set's size, its network and its budget.
 * `shape` is its data's, or undefined for a CSV not read yet (then only what is known is checked;
 * `lessonSizeProblems` checks the rest once the data is read).
 */
export function runSizeProblems(run: NetworkRunSpec, shape: DataShape | undefined, locate: Locate): Problem[] {
	const problems: Problem[] = [];
	const {dataset, model, train} = run;
	if ((dataset.kind === 'toy' || dataset.kind === 'regression') && dataset.samples > LIMITS.samples) {
		const need = dataBytes(shapeOfSpec(dataset)!);
		problems.push(overLimit(locate(['dataset', 'samples']), dataset.samples, `at most ${count(LIMITS.samples)} samples`, `that many would take about ${formatBytes(need)} before training starts`));
	}
	if (dataset.kind === 'toy' && dataset.classes > LIMITS.classes) {
		problems.push(overLimit(locate(['dataset', 'classes']), dataset.classes, `at most ${count(LIMITS.classes)} classes`, `a lesson's network has one output per class; ${count(dataset.classes)} would need about ${formatBytes(networkBytes([2, ...model.hidden, dataset.classes], train.batch, dataset.samples))}`));
	}
	if (model.hidden.length > LIMITS.hiddenLayers) {
		problems.push(overLimit(locate(['model', 'hidden']), model.hidden.length, `at most ${LIMITS.hiddenLayers} hidden layers`, `a network this deep teaches nothing a ${LIMITS.hiddenLayers}-layer one does not`, `${count(model.hidden.length)} layers`));
	}
	const wide = model.hidden.findIndex((n) => n > LIMITS.width);
	const layers = [shape?.features ?? 1, ...model.hidden, shape?.outputs ?? 1];
	const params = parameterCount(layers);
	const rows = shape?.rows ?? 1;
	if (wide >= 0) {
		problems.push(overLimit(locate(['model', 'hidden', wide]), model.hidden[wide]!, `at most ${count(LIMITS.width)} units per layer`, `this network would have ${count(params)} parameters and need about ${formatBytes(networkBytes(layers, train.batch, rows))} to train`));
	} else if (params > LIMITS.parameters && problems.length === 0) {
		// (Too many classes or samples make too many parameters too; then those are the fields to name.)
		problems.push(parameterProblem(locate(['model', 'hidden']), model.hidden, layers, train.batch, rows, shape !== undefined));
	}
	if (typeof train.batch === 'number' && train.batch > LIMITS.samples) {
		problems.push(overLimit(locate(['train', 'batch']), train.batch, `at most ${count(LIMITS.samples)} rows (the most data a lesson may have), or "full"`, 'a batch cannot be larger than the data'));
	}
	if (train.steps > LIMITS.steps) {
		problems.push(overLimit(locate(['train', 'steps']), train.steps, `at most ${count(LIMITS.steps)} steps`, 'steps take time rather than memory, but a run should end within a lesson'));
	}
	return problems;
}

/** `known`: the data's widths are known; else the network is shown as `?-…-?` and counted at its least. */
function parameterProblem(at: string, hidden: readonly number[], layers: readonly number[], batch: number | 'full', rows: number, known = true): Problem {
	const params = parameterCount(layers);
	const shape = known ? layers.join('-') : `?-${hidden.join('-')}-?`;
	return ruleBroken(
		at,
		hidden,
		`at most ${count(LIMITS.parameters)} parameters per run`,
		`a ${shape} network has ${known ? '' : 'at least '}${count(params)} parameters and needs about ${formatBytes(networkBytes(layers, batch, rows))} to train; the limit is ${count(LIMITS.parameters)} parameters per run (about ${formatBytes(LIMITS.parameters * BYTES_PER_PARAMETER)})`,
	);
}

/** `runs`: more runs than a lesson may have. */
export function runCountProblem(scenario: Scenario): Problem | undefined {
	if (scenario.runs.length <= LIMITS.runs) return undefined;
	return overLimit('runs', scenario.runs.length, `at most ${LIMITS.runs} runs`, 'each run trains side by side with the others and takes a legend line');
}

/**
 * The whole lesson with its data known: each run's network against the parameter limit (its
 * input and output widths come from the data), and the lesson's estimated memory against the
 * memory limit. `shapes[k]` is run k's data (undefined: not known yet, skipped).
 */
export function lessonSizeProblems(scenario: NetworkScenario, shapes: readonly (DataShape | undefined)[]): Problem[] {
	const problems: Problem[] = [];
	const runPath = (k: number, field: string): string => (scenario.runs.length > 1 ? `runs[${k}].${field}` : field);
	let networks = 0;
	let largest = {bytes: 0, k: 0};
	let largestData = {bytes: 0, k: 0};
	const data = new Map<string, number>();
	scenario.runs.forEach((run, k) => {
		const shape = shapes[k];
		if (!shape) return;
		const layers = [shape.features, ...run.model.hidden, shape.outputs];
		if (parameterCount(layers) > LIMITS.parameters && run.model.hidden.every((n) => n <= LIMITS.width)) {
			problems.push(parameterProblem(runPath(k, 'model.hidden'), run.model.hidden, layers, run.train.batch, shape.rows));
		}
		const bytes = networkBytes(layers, run.train.batch, shape.rows);
		networks += bytes;
		if (bytes > largest.bytes) largest = {bytes, k};
		// One copy per data set, seed and row order, as runner/inputs.ts shares them.
		data.set(JSON.stringify([run.dataset, run.train.seed, run.train.shuffle]), dataBytes(shape));
		if (dataBytes(shape) > largestData.bytes) largestData = {bytes: dataBytes(shape), k};
	});
	const dataTotal = [...data.values()].reduce((a, b) => a + b, 0);
	const total = networks + dataTotal;
	if (problems.length === 0 && total > LIMITS.memory) {
		const at = dataTotal > networks ? runPath(largestData.k, 'dataset') : scenario.runs.length > 1 ? 'runs' : 'model.hidden';
		problems.push(
			ruleBroken(
				at,
				undefined,
				`a lesson under ${formatBytes(LIMITS.memory)}`,
				`this lesson would need about ${formatBytes(total)} (${scenario.runs.length} ${scenario.runs.length === 1 ? 'run' : 'runs'}: ${formatBytes(networks)} for the networks and their batches, ${formatBytes(dataTotal)} for the data); the limit is ${formatBytes(LIMITS.memory)} per lesson — use fewer runs, smaller layers or a smaller batch`,
			),
		);
	}
	return problems;
}

/** Throws a ScenarioError naming the scenario when its built data makes the lesson too big. */
export function checkLessonSize(scenario: Scenario, splits: readonly DataSplit[]): void {
	if (scenario.kind !== 'network') return;
	const problems = lessonSizeProblems(scenario, splits.map(shapeOfSplit));
	if (problems.length > 0) throw new ScenarioError(scenario.file, problems);
}
