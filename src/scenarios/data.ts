/**
 * From a loaded scenario's specs to what the core trains on: the data split, the train config
 * and a saved checkpoint. The file reading lives here because the core may not touch `node:*`.
 */
import {readFileSync} from 'node:fs';
import * as z from 'zod';
import {ACTIVATION_NAMES} from '../core/activations.js';
import {CsvError, loadDigits, makeToy, parseCsv} from '../core/data/index.js';
import {createRng, deriveSeed} from '../core/rng.js';
import type {Checkpoint, DataSplit, TrainConfig} from '../core/types.js';
import {badValue, displayPath, formatPath, ruleBroken, ScenarioError} from './errors.js';
import type {DatasetSpec, NetworkRunSpec} from './types.js';

/**
 * The data a run trains on. Same spec and seed ⇒ the same split, so runs that share them can
 * share one copy. `scenarioFile` and `field` only label errors (a CSV the lab cannot use).
 */
export function buildDataSplit(spec: DatasetSpec, seed: number, scenarioFile?: string, field = 'dataset.csv'): DataSplit {
	const rng = createRng(deriveSeed(seed, 'data'));
	switch (spec.kind) {
		case 'toy':
			return makeToy(spec.name, {samples: spec.samples, noise: spec.noise, classes: spec.classes, test: spec.test}, rng);
		case 'digits':
			return loadDigits(spec.test, rng);
		case 'csv':
			return readCsv(spec, rng, scenarioFile ?? spec.path, field);
	}
}

function readCsv(spec: Extract<DatasetSpec, {kind: 'csv'}>, rng: ReturnType<typeof createRng>, scenarioFile: string, field: string): DataSplit {
	const shown = displayPath(spec.path);
	let text: string;
	try {
		text = readFileSync(spec.path, 'utf8');
	} catch (error) {
		throw new ScenarioError(scenarioFile, [badValue(field, shown, 'a readable CSV file', ` (${reason(error)})`)]);
	}
	try {
		const name = shown.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
		return parseCsv(text, {label: spec.label ?? undefined, test: spec.test, name}, rng);
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		// The core's messages usually name the row and column already; add only what they omit.
		const said = error.message.toLowerCase();
		const where = [
			error.row === undefined || said.includes(`row ${error.row}`) ? '' : `row ${error.row}`,
			error.column === undefined || said.includes(`"${error.column.toLowerCase()}"`) ? '' : `column "${error.column}"`,
		]
			.filter(Boolean)
			.join(', ');
		const problem = ruleBroken(field, shown, 'a CSV with a header row, numeric features and a label column', `${shown}${where ? ` (${where})` : ''}: ${error.message}`);
		throw new ScenarioError(scenarioFile, [problem]);
	}
}

/** The core's config for one run: the layer sizes come from the data (features in, classes out). */
export function buildTrainConfig(run: NetworkRunSpec, data: DataSplit): TrainConfig {
	return {
		network: {layers: [data.train.features, ...run.model.hidden, data.train.classes], activation: run.model.activation},
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

/** Reads and checks a JSON checkpoint. Every problem becomes a ScenarioError naming the file. */
export function loadCheckpointFile(file: string): Checkpoint {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new ScenarioError(file, [ruleBroken('', undefined, 'a readable checkpoint file', `cannot read the checkpoint (${reason(error)})`)]);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new ScenarioError(file, [ruleBroken('', undefined, 'JSON', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`)]);
	}
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

/** "no such file" rather than "ENOENT: no such file or directory, open '…'". */
export function reason(error: unknown): string {
	const code = (error as {code?: unknown} | null)?.code;
	if (code === 'ENOENT') return 'no such file';
	if (code === 'EISDIR') return 'it is a folder';
	if (code === 'EACCES') return 'permission denied';
	return error instanceof Error ? error.message : String(error);
}
