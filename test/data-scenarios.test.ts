/** The data parts of a scenario file: CSV targets, test files, standardize, shuffle, losses and checkpoints by task. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {Trainer} from '../src/core/trainer.js';
import type {Dataset} from '../src/core/types.js';
import {Session} from '../src/runner/session.js';
import {buildDataSplit, buildTrainConfig, loadCheckpointFile} from '../src/scenarios/data.js';
import {ScenarioError} from '../src/scenarios/errors.js';
import {loadScenarioFile, parseScenario} from '../src/scenarios/load.js';
import type {NetworkScenario} from '../src/scenarios/types.js';
import {writeScenario} from '../src/scenarios/write.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-data-scenarios-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let counter = 0;
function write(text: string, name = `s${++counter}.yaml`): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

function network(text: string): NetworkScenario {
	const s = loadScenarioFile(write(text));
	if (s.kind !== 'network') throw new Error('expected a network scenario');
	return s;
}

/** The one-line message of a ScenarioError thrown by `run`, the temp folder shown as `.`. */
function messageOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ScenarioError);
		expect((error as ScenarioError).exitCode).toBe(2);
		return (error as Error).message.split(dir).join('.');
	}
	throw new Error('expected a ScenarioError');
}

const errorOf = (text: string): string => messageOf(() => loadScenarioFile(write(text, 'x.yaml')));

// Row i: x = i, y = 10 − i, class "odd"/"even", price 3i + 1.
write(['x,y,kind,price', ...Array.from({length: 20}, (_, i) => `${i},${10 - i},${i % 2 ? 'odd' : 'even'},${3 * i + 1}`)].join('\n'), 'rows.csv');
write(['x,y,price', ...Array.from({length: 20}, (_, i) => `${i},${10 - i},${3 * i + 1}`)].join('\n'), 'prices.csv');
write('x,y,kind,price\n100,0,even,7\n101,1,odd,8\n', 'rows-test.csv');
write('x,z,kind,price\n100,0,even,7\n', 'other-columns.csv');
write('x,y,kind,price\n100,0,even,7\n101,1,none,8\n', 'new-class.csv');
write('x,y,price\n1,2,5\n1,2,NaN\n', 'nan.csv');

describe('scenario rules for data, loss and task', () => {
	it.each([
		['label and target', 'dataset: {csv: rows.csv, label: kind, target: price}', './x.yaml: dataset.target: give either label (a class column: classification) or target (number columns: regression), not both'],
		['target on a built-in set', 'dataset: {name: sine, target: y}', './x.yaml: dataset.target: sine has no target column; target goes with csv: your own file'],
		['a test file for a built-in set', 'dataset: {name: spiral, test: mine.csv}', './x.yaml: dataset.test: spiral is split by a share, like test: 0.2; a test file goes with csv: your own file'],
		['a missing test file', 'dataset: {csv: rows.csv, label: kind, test: gone.csv}', `./x.yaml: dataset.test: got "gone.csv", expected a CSV file that exists (no file at ./gone.csv)`],
		['classes on a regression set', 'dataset: {name: plane, classes: 3}', './x.yaml: dataset.classes: plane is a regression set and has no classes; classes is for spiral and blobs'],
		['cross-entropy on a regression set', 'dataset: cubic\ntrain: {loss: cross-entropy}', './x.yaml: train.loss: cross-entropy needs class labels; a regression set takes mse or mae'],
		['mae on classes', 'train: {loss: mae}', './x.yaml: train.loss: mae is a regression loss; classification takes cross-entropy or mse'],
		['runs of two tasks', 'runs: [{label: a}, {label: b, dataset: sine}]', './x.yaml: runs[1].dataset: a regression data set, but runs[0] is classification: every run of a scenario has the same task'],
		['standardize not a boolean', 'dataset: {name: spiral, standardize: yes please}', './x.yaml: dataset.standardize: got "yes please", expected true or false'],
		['a test share out of range', 'dataset: {csv: rows.csv, test: 1.5}', './x.yaml: dataset.test: got 1.5, expected a number from 0 to 1 (1 excluded)'],
	])('%s', (_name, text, expected) => {
		expect(errorOf(text)).toBe(expected);
	});

	it('defaults: a regression set trains with mse, a CSV is standardised, a built-in set is not', () => {
		const s = network('dataset: {name: sine}');
		expect(s.runs[0]!.train.loss).toBe('mse');
		expect(s.runs[0]!.dataset).toEqual({kind: 'regression', name: 'sine', samples: 400, noise: 0.1, test: 0.2, standardize: false});
		const csv = network('dataset: {csv: rows.csv, target: [price], test: rows-test.csv}');
		expect(csv.runs[0]!.dataset).toEqual({kind: 'csv', path: join(dir, 'rows.csv'), label: null, target: ['price'], test: 0, testFile: join(dir, 'rows-test.csv'), standardize: true});
	});
});

describe('CSV data as the scenario asks for it', () => {
	const column = (d: Dataset, j: number): number[] => Array.from({length: d.n}, (_, i) => d.x[i * d.features + j]!);

	it('shuffle: false, test: 0, standardize: false — every row, in file order, values as written', () => {
		const s = network('dataset: {csv: prices.csv, target: price, test: 0, standardize: false}\ntrain: {shuffle: false}');
		const run = s.runs[0]!;
		const data = buildDataSplit(run.dataset, 0, s.file, 'source');
		if (data.task !== 'regression') throw new Error('expected regression');
		expect(data.featureNames).toEqual(['x', 'y']);
		expect(column(data.train, 0)).toEqual(Array.from({length: 20}, (_, i) => i));
		expect(Array.from(data.train.y)).toEqual(Array.from({length: 20}, (_, i) => 3 * i + 1));
		expect(data.test.n).toBe(0);
		expect(data.standardization).toBeNull();
		// The session builds the same split for a run that does not shuffle, and trains on rows 0, 1, 2, … in turn.
		const session = new Session(s, {steps: 1});
		expect(session.runs[0]!.trainer!.data.train.x).toEqual(data.train.x);
	});

	it('a test file is the test set; the training file is all training rows, standardised by its own statistics', () => {
		const s = network('dataset: {csv: rows.csv, label: kind, test: rows-test.csv}\ntrain: {shuffle: false}');
		const data = buildDataSplit(s.runs[0]!.dataset, 0, s.file, 'source');
		if (data.task !== 'classification') throw new Error('expected classification');
		expect(data.train.n).toBe(20);
		expect(data.test.n).toBe(2);
		expect(data.classNames).toEqual(['even', 'odd']);
		expect(Array.from(data.test.y)).toEqual([0, 1]);
		expect(data.standardization!.mean[0]).toBe(9.5);
		expect(column(data.test, 0)[0]).toBeCloseTo((100 - 9.5) * data.standardization!.scale[0]!, 12);
	});

	it('a test file with other columns, an unseen class or a NaN target is one line naming both files and the field', () => {
		const build = (text: string) => () => {
			const s = network(text);
			buildDataSplit(s.runs[0]!.dataset, 0, write(text, 'x.yaml'));
		};
		expect(messageOf(build('dataset: {csv: rows.csv, label: kind, test: other-columns.csv}'))).toBe(
			'./x.yaml: dataset.test: ./other-columns.csv: its feature columns are x, z, price; the training file\'s are x, y, price. A test file needs the same columns.',
		);
		expect(messageOf(build('dataset: {csv: rows.csv, label: kind, test: new-class.csv}'))).toBe(
			'./x.yaml: dataset.test: ./new-class.csv: Row 3, column "kind": "none" is not one of the training file\'s classes (even, odd).',
		);
		expect(messageOf(build('dataset: {csv: nan.csv, target: price}'))).toBe('./x.yaml: dataset.csv: ./nan.csv: Row 3, column "price": "NaN" is not a number.');
		expect(messageOf(build('dataset: {csv: prices.csv, target: cost}'))).toBe('./x.yaml: dataset.csv: ./prices.csv: Target column "cost" not found. The columns are: x, y, price.');
	});
});

describe('checkpoints of any output width the task allows', () => {
	const checkpoint = (layers: number[]) => ({
		layers,
		activation: 'tanh',
		weights: layers.slice(1).map((out, l) => ({W: Array.from({length: out}, (_, o) => Array.from({length: layers[l]!}, (_, i) => 0.1 * (o - i))), b: Array<number>(out).fill(0)})),
	});
	write(JSON.stringify(checkpoint([3, 3, 1])), 'one-output.json');
	write(JSON.stringify(checkpoint([3, 3, 2])), 'two-outputs.json');
	write(JSON.stringify(checkpoint([2, 3, 1])), 'two-inputs.json');

	it('a 3-3-1 network loads for MSE on two classes (one output predicts the label) and trains', () => {
		const s = network('dataset: {csv: rows.csv, label: kind}\nmodel: {weights: one-output.json}\ntrain: {loss: mse}');
		const run = s.runs[0]!;
		const data = buildDataSplit(run.dataset, 0, s.file);
		const config = buildTrainConfig(run, data, s.file);
		expect(config.network.layers).toEqual([3, 3, 1]);
		const trainer = new Trainer(config, data, loadCheckpointFile(run.model.weights!));
		expect(trainer.next().accuracy).toBeTypeOf('number');
		expect(buildTrainConfig(network('dataset: {csv: rows.csv, label: kind}\nmodel: {weights: two-outputs.json}').runs[0]!, data).network.layers).toEqual([3, 3, 2]);
	});

	it('a checkpoint the data cannot use is one line naming the scenario, model.weights and what fits', () => {
		const refused = (text: string) => () => {
			const s = network(text);
			const file = write(text, 'x.yaml');
			buildTrainConfig(s.runs[0]!, buildDataSplit(s.runs[0]!.dataset, 0, file), file);
		};
		expect(messageOf(refused('dataset: {csv: rows.csv, label: kind}\nmodel: {weights: one-output.json}'))).toBe(
			'./x.yaml: model.weights: the checkpoint ./one-output.json takes 3 inputs and gives 1 output; this data has 3 features and 2 classes, so it needs 3 inputs and 2 outputs (cross-entropy)',
		);
		expect(messageOf(refused('dataset: {csv: rows.csv, label: kind}\nmodel: {weights: two-inputs.json}\ntrain: {loss: mse}'))).toBe(
			'./x.yaml: model.weights: the checkpoint ./two-inputs.json takes 2 inputs and gives 1 output; this data has 3 features and 2 classes, so it needs 3 inputs and 2 or 1 outputs (mse)',
		);
		write(JSON.stringify(checkpoint([2, 3, 2])), 'two-by-two.json');
		expect(messageOf(refused('dataset: {csv: prices.csv, target: price}\nmodel: {weights: two-by-two.json}'))).toBe(
			'./x.yaml: model.weights: the checkpoint ./two-by-two.json takes 2 inputs and gives 2 outputs; this data has 2 features and 1 target column, so it needs 2 inputs and 1 output (mse)',
		);
	});
});

describe('a scenario with data options, written and read back (gradlab new --from, save)', () => {
	it('keeps targets, the test file, standardize, regression sets and the one-output checkpoint', () => {
		write(JSON.stringify({layers: [3, 2, 1], activation: 'tanh', weights: [{W: [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]], b: [0, 0]}, {W: [[0.5, -0.5]], b: [0]}]}), 'one.json');
		const s = network(`dataset: {csv: rows.csv, label: kind, test: rows-test.csv, standardize: false}
train: {loss: mse, shuffle: false}
model: {weights: one.json}
runs: [{label: a}, {label: b, dataset: {test: 0.5, standardize: true}, model: {weights: null, hidden: [3]}}]
`);
		const copy = parseScenario(writeScenario(s, {dir}), join(dir, 'copy.yaml')) as NetworkScenario;
		expect(copy.runs).toEqual(s.runs);
		const fit = network('dataset: {name: bumps, samples: 300, noise: 0.05, standardize: true}\ntrain: {loss: mae}\nruns: [{label: a}, {label: b, dataset: {csv: prices.csv, target: [price]}}]\n');
		expect((parseScenario(writeScenario(fit, {dir}), join(dir, 'copy2.yaml')) as NetworkScenario).runs).toEqual(fit.runs);
	});
});
