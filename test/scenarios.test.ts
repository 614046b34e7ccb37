/** The scenario file format: what teachers may write, and what they are told when it is wrong. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {buildDataSplit, buildTrainConfig, loadCheckpointFile} from '../src/scenarios/data.js';
import {ScenarioError} from '../src/scenarios/errors.js';
import {koreanProblem} from '../src/scenarios/korean.js';
import {findScenario, loadScenarioFile} from '../src/scenarios/load.js';
import {localizeLabels} from '../src/scenarios/localize.js';
import {merge} from '../src/scenarios/merge.js';
import {editDistance, suggest} from '../src/scenarios/suggest.js';
import type {NetworkScenario, Scenario, SurfaceScenario} from '../src/scenarios/types.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-scenarios-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let counter = 0;

/** Writes `text` to a fresh file in the temp folder and returns its path. */
function write(text: string, name = `s${++counter}.yaml`): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

function load(text: string, name?: string): Scenario {
	return loadScenarioFile(write(text, name));
}

function network(text: string): NetworkScenario {
	const s = load(text);
	if (s.kind !== 'network') throw new Error('expected a network scenario');
	return s;
}

/** The ScenarioError's message for `text`, with the temp file shown as `x.yaml`. */
function errorOf(text: string): string {
	const file = write(text);
	try {
		loadScenarioFile(file);
	} catch (error) {
		expect(error).toBeInstanceOf(ScenarioError);
		const e = error as ScenarioError;
		expect(e.exitCode).toBe(2);
		expect(e.message).not.toMatch(/\n\s+at /);
		return e.message.split(file).join('x.yaml');
	}
	throw new Error('expected the file to be rejected');
}

const OPTIMIZERS = 'sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam, adamw, nadam';

describe('bad files are rejected with one precise line per problem', () => {
	const cases: [string, string, string][] = [
		['wrong type', 'train: {steps: many}', 'x.yaml: train.steps: got "many", expected a whole number > 0'],
		['not a whole number', 'train: {steps: 1.5}', 'x.yaml: train.steps: got 1.5, expected a whole number > 0'],
		[
			'out of range, deep in a run',
			'runs:\n  - label: a\n  - label: b\n  - {label: c, train: {optimizer: {name: sgd, lr: -1}}}',
			'x.yaml: runs[2].train.optimizer.lr: got -1, expected a number > 0',
		],
		['test fraction', 'dataset: {name: moons, test: 1}', 'x.yaml: dataset.test: got 1, expected a number from 0 to 1 (1 excluded)'],
		['batch', 'train: {batch: half}', 'x.yaml: train.batch: got "half", expected a whole number > 0, or "full"'],
		['batch zero', 'train: {batch: 0}', 'x.yaml: train.batch: got 0, expected a whole number > 0'],
		['betas shape', 'train: {optimizer: {name: adam, betas: [0.9]}}', 'x.yaml: train.optimizer.betas: got [0.9], expected two numbers from 0 to 1 (1 excluded), like [0.9, 0.999]'],
		['boolean', 'train: {shuffle: off}', 'x.yaml: train.shuffle: got "off", expected true or false'],
		['hidden sizes', 'model: {hidden: [16, 0]}', 'x.yaml: model.hidden[1]: got 0, expected a whole number > 0'],
		['hidden not a list', 'model: {hidden: 16}', 'x.yaml: model.hidden: got 16, expected a list of hidden layer sizes, like [16, 16] ([] for none)'],
		[
			'unknown key with suggestion',
			'runs:\n  - {label: a, modle: {hidden: [4]}}',
			'x.yaml: runs[0].modle: unknown field (did you mean "model"?); allowed: label, dataset, model, train',
		],
		[
			'unknown top-level key',
			'titel: Hello',
			'x.yaml: titel: unknown field (did you mean "title"?); allowed: kind, title, summary, intro, order, notes, view, speed, dataset, model, train, runs',
		],
		[
			'unknown key, nothing close',
			'model: {colour: red}',
			'x.yaml: model.colour: unknown field; allowed: hidden, activation, init, weights',
		],
		[
			'optimizer typo',
			'train: {optimizer: {name: adma, lr: 0.1}}',
			`x.yaml: train.optimizer.name: got "adma", expected one of: ${OPTIMIZERS} (did you mean "adam"?)`,
		],
		['optimizer typo, bare name', 'train: {optimizer: nesterow}', `x.yaml: train.optimizer.name: got "nesterow", expected one of: ${OPTIMIZERS} (did you mean "nesterov"?)`],
		[
			'activation typo',
			'model: {activation: sigmod}',
			'x.yaml: model.activation: got "sigmod", expected one of: sigmoid, tanh, relu, leaky_relu, elu, gelu, softplus, linear (did you mean "sigmoid"?)',
		],
		[
			'hyperparameter on the wrong optimizer',
			'train: {optimizer: {name: sgd, lr: 0.1, betas: [0.9, 0.99]}}',
			'x.yaml: train.optimizer.betas: sgd has no betas; betas is for adam, adamw, nadam (sgd takes lr, momentum, dampening, weight_decay)',
		],
		[
			'hyperparameter inherited by a run that changes nothing else',
			'train: {optimizer: {name: adam}}\nruns:\n  - label: a\n  - {label: b, train: {optimizer: {momentum: 0.9}}}',
			'x.yaml: runs[1].train.optimizer.momentum: adam has no momentum; momentum is for sgd, momentum, nesterov, rmsprop (adam takes lr, betas, eps, weight_decay, amsgrad)',
		],
		// The rules below live in the core (core/optim/config.ts); the file's messages add the paths.
		['one beta out of range', 'train: {optimizer: {name: adam, betas: [0.9, 1]}}', 'x.yaml: train.optimizer.betas[1]: got 1, expected a number from 0 to 1 (1 excluded)'],
		[
			'Nesterov without momentum, with dampening',
			'train: {optimizer: {name: nesterov, momentum: 0, dampening: 0.5}}',
			[
				'x.yaml: train.optimizer.momentum: got 0, expected a number > 0 (Nesterov momentum needs momentum > 0 and dampening 0)',
				'x.yaml: train.optimizer.dampening: got 0.5, expected 0 (Nesterov momentum needs momentum > 0 and dampening 0)',
			].join('\n'),
		],
		[
			'Nesterov from the base, dampening in a run',
			'train: {optimizer: nesterov}\nruns:\n  - label: a\n  - {label: b, train: {optimizer: {dampening: 0.1}}}',
			'x.yaml: runs[1].train.optimizer.dampening: got 0.1, expected 0 (Nesterov momentum needs momentum > 0 and dampening 0)',
		],
		['init option on the wrong init', 'model: {init: {name: he-normal, std: 0.1}}', 'x.yaml: model.init.std: he-normal has no std; only normal takes it'],
		['toy option on digits', 'dataset: {name: digits, noise: 0.1}', 'x.yaml: dataset.noise: digits has no noise; only the built-in generated sets take it (spiral, circles, xor, moons, blobs, sine, cubic, plane, bumps)'],
		['classes on a 2-class toy', 'dataset: {name: moons, classes: 3}', 'x.yaml: dataset.classes: moons always has 2 classes; only spiral and blobs take other counts'],
		['empty label', 'runs: [{label: ""}]', 'x.yaml: runs[0].label: got "", expected a non-empty label, or {en: …, ko: …}'],
		['label without English', 'runs: [{label: {ko: 배치 1}}]', 'x.yaml: runs[0].label.en: missing, expected a non-empty label'],
		['duplicate Korean label', 'runs: [{label: {en: a, ko: 가}}, {label: {en: b, ko: 가}}]', 'x.yaml: runs[1].label.ko: got "가", expected a label no other run has (runs[0] is also "가")'],
		['duplicate label', 'runs: [{label: a}, {label: a}]', 'x.yaml: runs[1].label: got "a", expected a label no other run has (runs[0] is also "a")'],
		['no runs', 'runs: []', 'x.yaml: runs: got [], expected at least one run, like [{label: …}]'],
		['text', 'title: 5', 'x.yaml: title: got 5, expected text, or {en: …, ko: …}'],
		['intro not text', 'intro: [a, b]', 'x.yaml: intro: got ["a", "b"], expected text (a few lines), or {en: …, ko: …}'],
		['intro blank', 'intro: "  "', 'x.yaml: intro.en: got "  ", expected non-empty text'],
		['intro blank Korean', 'intro: {en: Hello, ko: ""}', 'x.yaml: intro.ko: got "", expected non-empty text'],
		['intro misspelt language', 'intro: {en: Hello, kr: 안녕}', 'x.yaml: intro.kr: unknown field (did you mean "ko"?); allowed: en, ko'],
		['intro on a surface', 'surface: saddle\nintro: 3', 'x.yaml: intro: got 3, expected text (a few lines), or {en: …, ko: …}'],
		['note without a step', 'notes: [{at: -1, en: hi}]', 'x.yaml: notes[0].at: got -1, expected a whole number ≥ 0'],
		['view', 'view: {x: epochs}', 'x.yaml: view.x: got "epochs", expected one of: step, epoch, samples, seconds (did you mean "epoch"?)'],
		['slope line', 'view: {show: slope, along: gradients}', 'x.yaml: view.along: got "gradients", expected one of: weight, gradient, random (did you mean "gradient"?)'],
		['view name', 'view: gradient', 'x.yaml: view.show: got "gradient", expected one of: loss, images, gradients, inspector, slope, boundary, fit, histograms, activations, race (did you mean "gradients"?)'],
		['view of the other kind', 'surface: saddle\nview: gradients', 'x.yaml: view.show: got "gradients", expected one of: race, loss (the views of a surface scenario)'],
		['boundary of 64-D data', 'dataset: digits\nview: {show: boundary}', 'x.yaml: view.show: the decision boundary needs 2-D data; this data set has more features'],
		['images of points', 'dataset: spiral\nnotes: [{at: 0, view: images, en: look}]', 'x.yaml: notes[0].view: the images view needs image data (dataset: digits)'],
		['note view', 'notes: [{at: 5, en: hi}, {at: 9, view: race, en: look}]', 'x.yaml: notes[1].view: got "race", expected one of: loss, images, gradients, inspector, slope, boundary, fit, histograms, activations (the views of a network scenario)'],
		['speed', 'speed: 0', 'x.yaml: speed: got 0, expected a number of steps per second > 0, or "max"'],
		['speed word', 'speed: fast', 'x.yaml: speed: got "fast", expected a number of steps per second > 0, or "max"'],
		['empty file', '', 'x.yaml: the file is empty; a scenario needs at least a data set and runs'],
		['not a mapping', '- a\n- b', 'x.yaml: got ["a", "b"], expected a mapping of scenario fields (title, dataset, model, train, runs, …)'],
		[
			'surface typo',
			'kind: surface\nsurface: rosenbrok',
			'x.yaml: surface: got "rosenbrok", expected one of: rosenbrock, beale, saddle, quadratic, himmelblau (did you mean "rosenbrock"?)',
		],
		['surface start', 'surface: saddle\nstart: [1]', 'x.yaml: start: got [1], expected a point [x, y]'],
		['surface run without optimizer name', 'surface: saddle\nruns: [{optimizer: {lr: 0.1}}]', `x.yaml: runs[0].optimizer.name: missing, expected an optimizer name: one of: ${OPTIMIZERS}`],
		['surface run unknown key', 'surface: saddle\nruns: [{optimiser: adam}]', 'x.yaml: runs[0].optimiser: unknown field (did you mean "optimizer"?); allowed: label, optimizer, steps, schedule'],
	];
	it.each(cases)('%s', (_name, text, expected) => {
		expect(errorOf(text)).toBe(expected);
	});

	// Korean comes from a phrasebook keyed by the English (scenarios/korean.ts): every sentence
	// above must be in it. Mutation: delete a rule (say the "unknown field" one) and its cases fail.
	it.each(cases)('%s, in Korean', (_name, text) => {
		const file = write(text);
		let error: unknown;
		try {
			loadScenarioFile(file);
		} catch (caught) {
			error = caught;
		}
		const e = error as ScenarioError;
		for (const p of e.problems) {
			const sentence = p.text.slice(p.path === '' ? 0 : p.path.length + 2);
			const korean = koreanProblem(sentence);
			expect(korean, sentence).toBeDefined();
			expect(korean).toMatch(/[가-힣]/);
		}
		expect(e.inLanguage('ko').split('\n')).toHaveLength(e.problems.length);
	});

	it('reports every problem of a file, in file order', () => {
		const message = errorOf('title: {en: Hi, kr: 안녕}\ntrain:\n  steps: 0\n  optimizer: {name: adma}\nruns:\n  - {lable: x}\n');
		expect(message.split('\n')).toEqual([
			'x.yaml: title.kr: unknown field (did you mean "ko"?); allowed: en, ko',
			'x.yaml: train.steps: got 0, expected a whole number > 0',
			`x.yaml: train.optimizer.name: got "adma", expected one of: ${OPTIMIZERS} (did you mean "adam"?)`,
			'x.yaml: runs[0].lable: unknown field (did you mean "label"?); allowed: label, dataset, model, train',
		]);
	});

	it('rules between fields are checked even when some values are bad, without knock-on complaints', () => {
		const message = errorOf('train: {steps: 0, optimizer: {name: sgd, betas: [0.9, 0.99]}}\nruns:\n  - {train: {optimizer: {name: sgdd, momentum: 0.9}}}\n  - {train: {optimizer: {name: zzz, momentum: 0.9}}}\n');
		expect(message.split('\n')).toEqual([
			'x.yaml: train.steps: got 0, expected a whole number > 0',
			'x.yaml: train.optimizer.betas: sgd has no betas; betas is for adam, adamw, nadam (sgd takes lr, momentum, dampening, weight_decay)',
			`x.yaml: runs[0].train.optimizer.name: got "sgdd", expected one of: ${OPTIMIZERS} (did you mean "sgd"?)`,
			`x.yaml: runs[1].train.optimizer.name: got "zzz", expected one of: ${OPTIMIZERS}`,
		]);
	});

	it('names the field path, value and allowed values on the error object', () => {
		const file = write('train: {optimizer: {name: sgd, lr: -1}}');
		const error = (() => {
			try {
				loadScenarioFile(file);
			} catch (e) {
				return e as ScenarioError;
			}
			throw new Error('expected an error');
		})();
		expect(error.path).toBe('train.optimizer.lr');
		expect(error.value).toBe(-1);
		expect(error.allowed).toBe('a number > 0');
		expect(error.problems).toHaveLength(1);
	});

	it('YAML syntax errors give the line and column', () => {
		expect(errorOf('title: ok\nmodel: {hidden: [16, 16}\n')).toMatch(/^x\.yaml: line 2, column \d+: /);
		expect(errorOf('title: a\ntitle: b\n')).toBe('x.yaml: line 2, column 1: Map keys must be unique');
	});

	it('a missing CSV file names the file and where it was looked for', () => {
		expect(errorOf('dataset: {csv: missing.csv, label: y}')).toBe(`x.yaml: dataset.csv: got "missing.csv", expected a CSV file that exists (no file at ${join(dir, 'missing.csv')})`);
	});

	it('a bad CSV cell names the scenario, the CSV, the row and the column', () => {
		write('a,b,y\n1,2,x\n3,oops,y\n5,6,x\n', 'bad.csv');
		const file = write('dataset: {csv: bad.csv, label: y}');
		const scenario = loadScenarioFile(file) as NetworkScenario;
		const spec = scenario.runs[0]!;
		expect(() => buildDataSplit(spec.dataset, 0, file)).toThrowError(ScenarioError);
		try {
			buildDataSplit(spec.dataset, 0, file);
		} catch (e) {
			const message = (e as ScenarioError).message;
			expect(message.startsWith(`${file}: dataset.csv: `)).toBe(true);
			expect(message).toBe(`${file}: dataset.csv: ${join(dir, 'bad.csv')}: Row 3, column "b": "oops" is not a number.`);
		}
	});

	it('an unknown lesson name lists the lessons and suggests the nearest', () => {
		expect(() => findScenario('vanishing-gradient')).toThrowError(/^vanishing-gradient: no such lesson or file \(did you mean "vanishing-gradients"\?\); the lessons are: .*optimizers/);
		expect(() => findScenario('./nope.yaml')).toThrowError(/^\.\/nope\.yaml: no such file; the lessons are: /);
	});
});

describe('good files', () => {
	it('a pace, a view to open on, and captions that name their view', () => {
		const s = network('dataset: moons\nspeed: 20\nview: gradients\nnotes:\n  - {at: 100, view: boundary, en: Look.}\n  - {at: 0, en: Start.}\n');
		expect(s.speed).toBe(20);
		expect(s.view).toEqual({show: 'gradients', x: 'step', loss: 'log', along: 'weight'});
		expect(s.notes).toEqual([
			{at: 0, text: {en: 'Start.', ko: 'Start.'}},
			{at: 100, text: {en: 'Look.', ko: 'Look.'}, view: 'boundary'},
		]);
		expect(network('dataset: moons\nspeed: max\nview: {show: histograms, x: epoch}\n').view).toEqual({show: 'histograms', x: 'epoch', loss: 'log', along: 'weight'});
	});

	it('a minimal file gets every default', () => {
		const s = network('dataset: moons\nruns: [{label: a}, {label: b, train: {optimizer: sgd}}]\n');
		expect(s.id).toMatch(/^s\d+$/);
		expect(s.title.en).toBe(s.title.ko);
		expect(s.summary).toEqual({en: '', ko: ''});
		expect(s.notes).toEqual([]);
		expect(s.view).toEqual({show: 'loss', x: 'step', loss: 'log', along: 'weight'});
		expect(s.speed).toBe('max');
		expect(s.runs.map((r) => r.label)).toEqual(['a', 'b']);
		const [a, b] = s.runs;
		expect(a).toEqual({
			label: 'a',
			dataset: {kind: 'toy', name: 'moons', samples: 400, noise: 0.1, classes: 2, test: 0.2, standardize: false},
			model: {hidden: [16, 16], activation: 'relu', init: {name: 'pytorch'}, weights: null, inputs: null, outputs: null},
			train: {
				optimizer: {name: 'adam', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false},
				schedule: [],
				batch: 32,
				steps: 1000,
				loss: 'cross-entropy',
				shuffle: true,
				seed: 0,
			},
		});
		expect(b!.train.optimizer).toEqual({name: 'sgd', lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0});
	});

	it('no runs means one run of the base settings', () => {
		const s = network('dataset: xor');
		expect(s.runs).toHaveLength(1);
		expect(s.runs[0]!.label).toBe('base');
	});

	it('snake_case hyperparameters map to OptimizerConfig', () => {
		const s = network('train: {optimizer: {name: adagrad, lr: 0.1, lr_decay: 0.01, weight_decay: 0.001, initial_accumulator_value: 0.1}}');
		expect(s.runs[0]!.train.optimizer).toEqual({name: 'adagrad', lr: 0.1, lrDecay: 0.01, weightDecay: 0.001, initialAccumulatorValue: 0.1, eps: 1e-10});
		const n = network('train: {optimizer: {name: nadam, momentum_decay: 0.005, betas: [0.8, 0.99]}}');
		expect(n.runs[0]!.train.optimizer).toMatchObject({name: 'nadam', momentumDecay: 0.005, betas: [0.8, 0.99]});
	});

	it('text may be plain (both languages) or {en, ko}; notes are sorted and fall back to English', () => {
		const s = load('title: Plain\nsummary: {en: Hello, ko: 안녕하세요}\nnotes:\n  - {at: 50, en: later}\n  - {at: 0, en: first, ko: 처음}\n  - just text\n');
		expect(s.title).toEqual({en: 'Plain', ko: 'Plain'});
		expect(s.summary).toEqual({en: 'Hello', ko: '안녕하세요'});
		expect(s.notes).toEqual([
			{at: 0, text: {en: 'first', ko: '처음'}},
			{at: 0, text: {en: 'just text', ko: 'just text'}},
			{at: 50, text: {en: 'later', ko: 'later'}},
		]);
	});

	it('an intro card is optional; its lines are kept, blank ends trimmed, English standing in for Korean', () => {
		expect(load('dataset: xor').intro).toBeUndefined();
		expect('intro' in load('dataset: xor')).toBe(false);
		const s = load('dataset: xor\nintro:\n  en: |\n    First line.\n    Second line.   \n\n  ko: |\n    첫 줄.\n    둘째 줄.\n');
		expect(s.intro).toEqual({en: 'First line.\nSecond line.', ko: '첫 줄.\n둘째 줄.'});
		expect(load('dataset: xor\nintro: One line for both').intro).toEqual({en: 'One line for both', ko: 'One line for both'});
		const surface = load('surface: saddle\nintro: {en: "A\\nB", ko: "가\\n나"}');
		expect(surface.kind).toBe('surface');
		expect(surface.intro).toEqual({en: 'A\nB', ko: '가\n나'});
	});

	it('a label may be words in both languages; the dashboard shows the one of its language', () => {
		const s = network('runs:\n  - {label: {en: batch 1, ko: 배치 1}, train: {batch: 1}}\n  - {label: relu}\n  - {train: {batch: 8}}\n');
		expect(s.runs.map((r) => r.label)).toEqual(['batch 1', 'relu', 'batch 8']);
		expect(s.runs.map((r) => r.labelText)).toEqual([{en: 'batch 1', ko: '배치 1'}, undefined, undefined]);
		expect(localizeLabels(s, 'ko').runs.map((r) => r.label)).toEqual(['배치 1', 'relu', 'batch 8']);
		expect(localizeLabels(s, 'en').runs.map((r) => r.label)).toEqual(['batch 1', 'relu', 'batch 8']);
		const plain = network('runs: [{label: a}]');
		expect(localizeLabels(plain, 'ko')).toBe(plain);
		const race = load('surface: saddle\nruns: [{label: {en: Momentum, ko: 모멘텀}, optimizer: momentum}, {optimizer: sgd}]');
		expect(localizeLabels(race, 'ko').runs.map((r) => r.label)).toEqual(['모멘텀', 'sgd']);
	});

	it('runs without labels are named after what they change', () => {
		const s = network(
			'runs:\n  - {model: {activation: tanh, init: xavier-uniform}}\n  - {train: {batch: 8, steps: 100}}\n  - {train: {optimizer: {name: adam, lr: 0.01}}}\n  - {}\n  - {model: {activation: tanh}}\n',
		);
		expect(s.runs.map((r) => r.label)).toEqual(['tanh', 'batch 8', 'adam', 'run 4', 'tanh (2)']);
	});

	it('JSON is accepted', () => {
		const s = load(JSON.stringify({dataset: {name: 'circles', noise: 0.2}, runs: [{label: 'x', train: {optimizer: {name: 'rmsprop', lr: 0.01, centered: true}}}]}), 'plain.json');
		expect(s.id).toBe('plain');
		expect(s.kind).toBe('network');
		expect((s as NetworkScenario).runs[0]!.train.optimizer).toMatchObject({name: 'rmsprop', lr: 0.01, centered: true});
	});

	it('a surface file fills the start from the surface and labels runs by optimizer', () => {
		const s = load('surface: beale\nsteps: 50\nruns: [{optimizer: adam}, {optimizer: {name: adam, lr: 0.1}, steps: 10}, {label: slow, optimizer: sgd}]') as SurfaceScenario;
		expect(s.kind).toBe('surface');
		expect(s.start).toEqual([1, 1.5]);
		expect(s.seed).toBe(0);
		expect(s.runs.map((r) => [r.label, r.steps, r.optimizer.lr])).toEqual([
			['adam', 50, 1e-3],
			['adam (2)', 10, 0.1],
			['slow', 50, 1e-3],
		]);
		const bare = load('surface: quadratic') as SurfaceScenario;
		expect(bare.runs.map((r) => [r.label, r.steps])).toEqual([
			['sgd', 500],
			['momentum', 500],
			['adam', 500],
		]);
	});

	it('CSV and checkpoint paths resolve against the scenario file, and the checkpoint fixes the architecture', () => {
		write('a,b,label\n0,1,x\n1,0,y\n1,1,x\n0,0,y\n', 'data.csv');
		const checkpoint = {layers: [2, 3, 2], activation: 'tanh', weights: [{W: [[1, 0], [0, 1], [1, 1]], b: [0, 0, 0]}, {W: [[1, 0, 0], [0, 1, 0]], b: [0, 0]}]};
		write(JSON.stringify(checkpoint), 'start.json');
		const s = network('dataset: {csv: data.csv, label: label, test: 0.25}\nmodel: {weights: start.json}');
		const run = s.runs[0]!;
		expect(run.dataset).toEqual({kind: 'csv', path: join(dir, 'data.csv'), label: 'label', target: null, test: 0.25, testFile: null, standardize: true});
		expect(run.model).toMatchObject({hidden: [3], activation: 'tanh', weights: join(dir, 'start.json')});
		const data = buildDataSplit(run.dataset, 0, s.file);
		expect(data.task === 'classification' && data.classNames).toEqual(['x', 'y']);
		expect(buildTrainConfig(run, data).network.layers).toEqual([2, 3, 2]);
		expect(errorOf('model: {weights: start.json, hidden: [4]}')).toBe(
			`x.yaml: model.hidden: got [4], but the checkpoint ${join(dir, 'start.json')} has hidden layers [3]; leave hidden out to take the checkpoint's`,
		);
		write(JSON.stringify({layers: [2, 2], activation: 'tanh', weights: [{W: [[1, 0]], b: [0, 0]}]}), 'broken.json');
		expect(() => loadCheckpointFile(join(dir, 'broken.json'))).toThrowError(`${join(dir, 'broken.json')}: weights[0].W: got [[1, 0]], expected a 2 × 2 matrix ([out][in])`);
		expect(errorOf('model: {weights: broken.json}')).toBe(
			`x.yaml: model.weights: ${join(dir, 'broken.json')}: weights[0].W: got [[1, 0]], expected a 2 × 2 matrix ([out][in]) (a gradlab checkpoint: {layers, activation, weights: [{W, b}, …]})`,
		);
	});
});

describe('runs deep-merge onto the base', () => {
	const s = network(`
dataset: {name: spiral, noise: 0.3}
model: {hidden: [8, 8], activation: relu}
train: {optimizer: {name: sgd, lr: 0.1, momentum: 0.9}, steps: 50}
runs:
  - {label: same}
  - {label: lr, train: {optimizer: {lr: 0.2}}}
  - {label: adam, train: {optimizer: adam}}
  - {label: narrow, model: {hidden: [4]}, dataset: {samples: 100}}
  - {label: moons, dataset: moons}
`);
	const run = (label: string) => s.runs.find((r) => r.label === label)!;

	it('a run without overrides is the base', () => {
		expect(run('same').train.optimizer).toMatchObject({name: 'sgd', lr: 0.1, momentum: 0.9});
		expect(run('same').train.steps).toBe(50);
	});
	it('mappings merge key by key', () => {
		expect(run('lr').train.optimizer).toMatchObject({name: 'sgd', lr: 0.2, momentum: 0.9});
		expect(run('narrow').dataset).toMatchObject({name: 'spiral', noise: 0.3, samples: 100});
	});
	it('lists replace', () => {
		expect(run('narrow').model.hidden).toEqual([4]);
		expect(run('narrow').model.activation).toBe('relu');
	});
	it('naming a different optimizer or data set starts from its own defaults', () => {
		expect(run('adam').train.optimizer).toEqual({name: 'adam', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false});
		expect(run('moons').dataset).toMatchObject({name: 'moons', noise: 0.1});
	});
	it('merge itself', () => {
		expect(merge<unknown>({a: {b: 1, c: [1, 2]}, d: 1}, {a: {c: [3]}})).toEqual({a: {b: 1, c: [3]}, d: 1});
		expect(merge<unknown>({name: 'sgd', lr: 1}, {name: 'adam'})).toEqual({name: 'adam'});
		expect(merge<unknown>({name: 'sgd', lr: 1}, {name: 'sgd', lr: 2})).toEqual({name: 'sgd', lr: 2});
		expect(merge<unknown>({name: 'spiral', noise: 1}, {csv: 'a.csv'})).toEqual({csv: 'a.csv'});
		expect(merge<unknown>({x: 1}, undefined)).toEqual({x: 1});
	});
});

describe('suggestions', () => {
	it('Damerau–Levenshtein counts a swap as one edit', () => {
		expect(editDistance('adma', 'adam')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
	});
	it('suggests only close names', () => {
		expect(suggest('relu6', ['relu', 'tanh'])).toBe('relu');
		expect(suggest('leaky-relu', ['relu', 'leaky_relu'])).toBe('leaky_relu');
		expect(suggest('xavier', ['he-normal', 'xavier-uniform', 'xavier-normal'])).toBe('xavier-uniform');
		expect(suggest('banana', ['sgd', 'adam'])).toBeUndefined();
		expect(suggest('constructor', ['sgd'])).toBeUndefined();
	});
	it('knows the names other tools use', () => {
		expect(suggest('learning_rate', ['name', 'lr', 'momentum'])).toBe('lr');
		expect(suggest('batch_size', ['optimizer', 'batch', 'steps'])).toBe('batch');
		expect(suggest('glorot', ['he-normal', 'xavier-uniform'])).toBe('xavier-uniform');
	});
});
