/**
 * A run's data set, resolved: the built-in set or CSV it names, its options and defaults, and the
 * task it sets (classification or regression). Part of resolve.ts's pass over a file: problems
 * are collected into the context, not thrown.
 */
import {existsSync} from 'node:fs';
import * as path from 'node:path';
import {REGRESSION_NAMES, type RegressionName} from '../core/data/index.js';
import type {Task} from '../core/types.js';
import {badValue, displayPath, ruleBroken} from './errors.js';
import type {Context, Locate} from './resolve.js';
import {TOY_ONLY, type DatasetInput} from './schema.js';
import type {DatasetSpec, Scenario} from './types.js';

/** The defaults of a data set's fields (resolve.ts's DEFAULTS includes them). */
export const DATASET_DEFAULTS = {
	dataset: 'spiral',
	samples: 400,
	/** Gaussian jitter per coordinate (a regression set's noise on the target); blobs' value is each blob's spread. */
	noise: 0.1,
	blobNoise: 0.3,
	test: 0.2,
	/** A CSV's features are standardised unless the file says otherwise; built-in sets are used as defined. */
	standardizeCsv: true,
} as const;

const TOY_LIST = 'spiral, circles, xor, moons, blobs';

/** The built-in sets that take a generator option: the toys for classes, every generated set for samples and noise. */
function takers(key: (typeof TOY_ONLY)[number]): string {
	return key === 'classes' ? TOY_LIST : `${TOY_LIST}, ${REGRESSION_NAMES.join(', ')}`;
}

/** What a data set asks the network to predict. */
export function datasetTask(spec: DatasetSpec): Task {
	return spec.kind === 'regression' || (spec.kind === 'csv' && spec.target !== null) ? 'regression' : 'classification';
}

/** A network scenario's task (every run shares it); null for a surface race. */
export function scenarioTask(scenario: Scenario): Task | null {
	return scenario.kind === 'network' && scenario.runs[0] ? datasetTask(scenario.runs[0].dataset) : null;
}

export function resolveDataset(d: DatasetInput, locate: Locate, ctx: Context): DatasetSpec {
	const problems = ctx.problems;
	const at = (key: string): string => locate(['dataset', key]);
	const share = typeof d.test === 'number' ? d.test : DATASET_DEFAULTS.test;
	if (d.csv !== undefined) {
		if (d.name !== undefined) {
			problems.push(ruleBroken(at('name'), d.name, 'name or csv', 'give either name (a built-in data set) or csv (your own file), not both'));
		}
		for (const key of TOY_ONLY) {
			if (d[key] !== undefined) problems.push(ruleBroken(at(key), d[key], takers(key), `a CSV data set has no ${key}; only the built-in ${key === 'classes' ? 'toys' : 'generated sets'} take it (${takers(key)})`));
		}
		if (d.label !== undefined && d.target !== undefined) {
			problems.push(ruleBroken(at('target'), d.target, 'label or target', 'give either label (a class column: classification) or target (number columns: regression), not both'));
		}
		const file = existing(d.csv, at('csv'), ctx);
		const testFile = typeof d.test === 'string' ? existing(d.test, at('test'), ctx) : null;
		const target = d.target === undefined ? null : Array.isArray(d.target) ? d.target : [d.target as string | number];
		return {kind: 'csv', path: file, label: d.label ?? null, target, test: testFile ? 0 : share, testFile, standardize: d.standardize ?? DATASET_DEFAULTS.standardizeCsv};
	}
	const name = d.name ?? DATASET_DEFAULTS.dataset;
	const standardize = d.standardize ?? false;
	for (const key of ['label', 'target'] as const) {
		if (d[key] !== undefined) problems.push(ruleBroken(at(key), d[key], 'csv', `${name} has no ${key} column; ${key} goes with csv: your own file`));
	}
	if (typeof d.test === 'string') problems.push(ruleBroken(at('test'), d.test, 'a number from 0 to 1 (1 excluded)', `${name} is split by a share, like test: 0.2; a test file goes with csv: your own file`));
	if (name === 'digits') {
		for (const key of TOY_ONLY) {
			if (d[key] !== undefined) problems.push(ruleBroken(at(key), d[key], takers(key), `digits has no ${key}; only the built-in ${key === 'classes' ? 'toys' : 'generated sets'} take it (${takers(key)})`));
		}
		return {kind: 'digits', test: share, standardize};
	}
	if ((REGRESSION_NAMES as readonly string[]).includes(name)) {
		if (d.classes !== undefined) problems.push(ruleBroken(at('classes'), d.classes, TOY_LIST, `${name} is a regression set and has no classes; classes is for spiral and blobs`));
		return {kind: 'regression', name: name as RegressionName, samples: d.samples ?? DATASET_DEFAULTS.samples, noise: d.noise ?? DATASET_DEFAULTS.noise, test: share, standardize};
	}
	const toy = name as Extract<DatasetSpec, {kind: 'toy'}>['name'];
	const variable = toy === 'spiral' || toy === 'blobs';
	if (d.classes !== undefined && !variable && d.classes !== 2) {
		problems.push(ruleBroken(at('classes'), d.classes, '2', `${name} always has 2 classes; only spiral and blobs take other counts`));
	}
	return {
		kind: 'toy',
		name: toy,
		samples: d.samples ?? DATASET_DEFAULTS.samples,
		noise: d.noise ?? (toy === 'blobs' ? DATASET_DEFAULTS.blobNoise : DATASET_DEFAULTS.noise),
		classes: d.classes ?? (toy === 'blobs' ? 3 : 2),
		test: share,
		standardize,
	};
}

/** `given` resolved against the scenario's folder; a problem at `where` if there is no such file. */
function existing(given: string, where: string, ctx: Context): string {
	const file = path.resolve(path.dirname(ctx.file), given);
	if (!existsSync(file)) ctx.problems.push(badValue(where, given, 'a CSV file that exists', ` (no file at ${displayPath(file)})`));
	return file;
}
