/**
 * From a loaded scenario's specs to what the core trains on: the data split, the train config
 * and a saved checkpoint. The file reading lives here because the core may not touch `node:*`.
 */
import * as z from 'zod';
import {ACTIVATION_NAMES} from '../core/activations.js';
import {CsvError, type CsvOptions, digitsSource, nameList, parseCsv, prepareData, regressionSource, toySource, type PrepareOptions, type RowOrder, type Source} from '../core/data/index.js';
import {createRng, deriveSeed, type Rng} from '../core/rng.js';
import {allowedOutputs} from '../core/trainer.js';
import type {Checkpoint, DataSplit, TrainConfig} from '../core/types.js';
import {badValue, displayPath, formatPath, ruleBroken, ScenarioError} from './errors.js';
import {FileProblem, readUserText} from './files.js';
import {classCountProblem, csvShapeProblem, quotesCsvContent} from './csv-file.js';
import {LIMITS} from './limits.js';
import {parseJson} from './parse.js';
import {cleanText} from './text.js';
import type {DatasetSpec, NetworkRunSpec} from './types.js';

/** A run's row order: shuffled (the default), or the source's own order when it asks for `shuffle: false`. */
export function rowOrder(run: NetworkRunSpec): RowOrder {
	return run.train.shuffle ? 'shuffled' : 'source';
}

/**
 * The data a run trains on. Same spec, seed and order ⇒ the same split, so runs that share them
 * can share one copy. `scenarioFile` labels errors (a CSV the lab cannot use).
 */
export function buildDataSplit(spec: DatasetSpec, seed: number, scenarioFile?: string, order: RowOrder = 'shuffled'): DataSplit {
	const at = 'dataset';
	const rng = createRng(deriveSeed(seed, 'data'));
	const options = (test: PrepareOptions['test']): PrepareOptions => ({test, order, standardize: spec.standardize});
	switch (spec.kind) {
		case 'toy':
			return prepareData(toySource(spec.name, {samples: spec.samples, noise: spec.noise, classes: spec.classes}, rng), options(spec.test), rng);
		case 'digits':
			return prepareData(digitsSource(), options(spec.test), rng);
		case 'regression':
			return prepareData(regressionSource(spec.name, {samples: spec.samples, noise: spec.noise}, rng), options(spec.test), rng);
		case 'csv':
			return readCsvData(spec, options, rng, scenarioFile ?? spec.path, at);
	}
}

function readCsvData(spec: Extract<DatasetSpec, {kind: 'csv'}>, options: (test: PrepareOptions['test']) => PrepareOptions, rng: Rng, scenarioFile: string, at: string): DataSplit {
	const columns = spec.target === null ? {label: spec.label ?? undefined} : {target: spec.target};
	const source = readCsv(spec.path, columns, scenarioFile, `${at}.csv`);
	if (spec.testFile === null) return prepareData(source, options(spec.test), rng);
	const classes = 'classNames' in source ? source.classNames : undefined;
	const test = readCsv(spec.testFile, {...columns, classes}, scenarioFile, `${at}.test`, source.rows.n);
	if (test.featureNames.join('\n') !== source.featureNames.join('\n')) {
		const shown = displayPath(spec.testFile);
		const problem = ruleBroken(`${at}.test`, shown, 'the same columns as the training file', `${shown}: its feature columns are ${nameList(test.featureNames)}; the training file's are ${nameList(source.featureNames)}. A test file needs the same columns.`);
		throw new ScenarioError(scenarioFile, [problem]);
	}
	return prepareData(source, options(test), rng);
}

/**
 * Reads and parses one CSV, the only way a CSV is read; every problem becomes a ScenarioError
 * naming the scenario, the field and the CSV. `trainRows`: for a test file, the training file's
 * rows (they share the row limit).
 */
function readCsv(file: string, options: CsvOptions, scenarioFile: string, field: string, trainRows = 0): Source {
	const shown = displayPath(file);
	let text: string;
	try {
		// Control characters in a CSV (a label, a column name) are made visible before anything shows them.
		text = cleanText(readUserText(file, 'csv'), true);
	} catch (error) {
		if (!(error instanceof FileProblem)) throw error;
		throw new ScenarioError(scenarioFile, [ruleBroken(field, shown, 'a CSV file', `${shown} ${error.sentence}`)]);
	}
	const targets = options.target === undefined ? 0 : Array.isArray(options.target) ? options.target.length : 1;
	const tooBig = csvShapeProblem(text, field, shown, targets, trainRows);
	if (tooBig) throw new ScenarioError(scenarioFile, [tooBig]);
	try {
		const name = shown.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
		const source = parseCsv(text, {...options, name});
		const classes = 'classNames' in source ? classCountProblem(source.classNames.length, field, shown) : undefined;
		if (classes) throw new ScenarioError(scenarioFile, [classes]);
		return source;
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		// A file not named .csv may be anything (`csv: ../../etc/shadow`): say where, never what it holds.
		if (!quotesCsvContent(file)) {
			const where = error.row === undefined ? '' : ` (line ${error.row})`;
			throw new ScenarioError(scenarioFile, [ruleBroken(field, shown, 'a CSV file', `${shown} is not a CSV gradlab can use${where}; its content is not shown because its name does not end in .csv`)]);
		}
		// The core's messages usually name the row and column already; add only what they omit.
		const said = error.message.toLowerCase();
		const where = [
			error.row === undefined || said.includes(`row ${error.row}`) ? '' : `row ${error.row}`,
			error.column === undefined || said.includes(`"${error.column.toLowerCase()}"`) ? '' : `column "${error.column}"`,
		]
			.filter(Boolean)
			.join(', ');
		const problem = ruleBroken(field, shown, 'a CSV with a header row, numeric features and a label or target column', `${shown}${where ? ` (${where})` : ''}: ${error.message}`);
		throw new ScenarioError(scenarioFile, [problem]);
	}
}

/**
 * The core's config for one run: the layer sizes come from the data (features in; classes or
 * target columns out) or from the run's checkpoint, which must fit the data: a ScenarioError
 * naming `model.weights` otherwise. `at` is the run's path in the file (`''` or `runs[1]`).
 */
export function buildTrainConfig(run: NetworkRunSpec, data: DataSplit, scenarioFile = '', at = ''): TrainConfig {
	const allowed = allowedOutputs(data, run.train.loss);
	const {inputs, outputs} = run.model;
	if (run.model.weights !== null && inputs !== null && outputs !== null && (inputs !== data.train.features || !allowed.includes(outputs))) {
		const needs = data.task === 'regression' ? `${data.train.outputs} target column${data.train.outputs === 1 ? '' : 's'}` : `${data.train.classes} classes`;
		const shown = displayPath(run.model.weights);
		const field = formatPath([...(at ? [at] : []), 'model', 'weights']);
		const count = (n: number | string, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
		const fits = `${count(data.train.features, 'input')} and ${count(allowed.length === 1 ? allowed[0]! : allowed.join(' or '), 'output')}`;
		const sentence = `the checkpoint ${shown} takes ${count(inputs, 'input')} and gives ${count(outputs, 'output')}; this data has ${count(data.train.features, 'feature')} and ${needs}, so it needs ${fits} (${run.train.loss})`;
		throw new ScenarioError(scenarioFile || run.model.weights, [ruleBroken(field, shown, fits, sentence)]);
	}
	return {
		network: {layers: [data.train.features, ...run.model.hidden, outputs ?? allowed[0]!], activation: run.model.activation},
		init: run.model.init,
		optimizer: run.train.optimizer,
		loss: run.train.loss,
		batch: run.train.batch,
		shuffle: run.train.shuffle,
		seed: run.train.seed,
	};
}

const finite = z.number().refine(Number.isFinite);

/** The JSON checkpoint format (see Checkpoint in core/types.ts), with its sizes cross-checked. */
const checkpointSchema = z
	.object({
		layers: z.array(z.number().int().positive()).min(2),
		activation: z.enum(ACTIVATION_NAMES),
		weights: z.array(z.object({W: z.array(z.array(finite)), b: z.array(finite)})),
	})
	.superRefine((c, ctx) => {
		if (c.weights.length !== c.layers.length - 1) {
			ctx.addIssue({code: 'custom', path: ['weights'], message: `${c.layers.length - 1} layers (one per pair of sizes in layers)`, input: c.weights.length});
			return;
		}
		c.weights.forEach((w, l) => {
			const fanIn = c.layers[l]!;
			const fanOut = c.layers[l + 1]!;
			if (w.W.length !== fanOut || w.W.some((row) => row.length !== fanIn)) {
				ctx.addIssue({code: 'custom', path: ['weights', l, 'W'], message: `a ${fanOut} × ${fanIn} matrix ([out][in])`, input: w.W});
			}
			if (w.b.length !== fanOut) ctx.addIssue({code: 'custom', path: ['weights', l, 'b'], message: `${fanOut} biases`, input: w.b.length});
		});
	});

/** Values a checkpoint file may hold: the largest network allowed has LIMITS.parameters; twice that is room enough. */
const CHECKPOINT_VALUES = 2 * LIMITS.parameters;

/** Reads and checks a JSON checkpoint. Every problem becomes a ScenarioError naming the file. */
export function loadCheckpointFile(file: string): Checkpoint {
	let text: string;
	try {
		text = readUserText(file, 'checkpoint');
	} catch (error) {
		if (!(error instanceof FileProblem)) throw error;
		throw new ScenarioError(file, [ruleBroken('', undefined, 'a checkpoint', error.sentence)]);
	}
	const json = parseJson(text, file, CHECKPOINT_VALUES);
	const parsed = checkpointSchema.safeParse(json, {reportInput: true});
	if (!parsed.success) {
		const problems = parsed.error.issues.slice(0, 5).map((issue) => {
			const expected =
				issue.code === 'invalid_value' ? `one of: ${issue.values.join(', ')}` : issue.code === 'invalid_type' ? `a ${issue.expected}` : issue.message;
			return badValue(formatPath(issue.path), issue.input, expected, ' (a gradlab checkpoint: {layers, activation, weights: [{W, b}, …]})');
		});
		throw new ScenarioError(file, problems);
	}
	return parsed.data;
}
