/** Small scenarios built in code, so runner tests do not depend on the lesson files. */
import type {NetworkRunSpec, NetworkScenario, SurfaceScenario} from '../../src/scenarios/types.js';

const text = (en: string) => ({en, ko: en});

function run(label: string, overrides: Partial<NetworkRunSpec['train']> = {}, activation: NetworkRunSpec['model']['activation'] = 'tanh'): NetworkRunSpec {
	return {
		label,
		dataset: {kind: 'toy', name: 'moons', samples: 200, noise: 0.1, classes: 2, test: 0.25, standardize: false},
		model: {hidden: [8, 8], activation, init: {name: 'xavier-uniform'}, weights: null, inputs: null, outputs: null},
		train: {optimizer: {name: 'adam', lr: 0.01}, schedule: [], batch: 16, steps: 300, loss: 'cross-entropy', shuffle: true, seed: 7, ...overrides},
	};
}

export function tinyScenario(overrides: Partial<NetworkRunSpec['train']> = {}): NetworkScenario {
	return {
		kind: 'network',
		id: 'tiny',
		file: '/nowhere/tiny.yaml',
		title: text('Tiny'),
		summary: text('Two small runs'),
		notes: [],
		view: {show: 'loss', x: 'step', loss: 'log', along: 'weight'},
		speed: 'max',
		runs: [run('adam', overrides), run('sgd', {optimizer: {name: 'sgd', lr: 0.1}, ...overrides}, 'relu')],
	};
}

export function divergingScenario(): NetworkScenario {
	const base = tinyScenario();
	return {...base, runs: [base.runs[0]!, {...run('too large', {optimizer: {name: 'sgd', lr: 5}, loss: 'mse'})}]};
}

export function surfaceScenario(): SurfaceScenario {
	return {
		kind: 'surface',
		id: 'race',
		file: '/nowhere/race.yaml',
		title: text('Race'),
		summary: text('Optimizers on Rosenbrock'),
		notes: [],
		view: {show: 'race', x: 'step', loss: 'log', along: 'weight'},
		speed: 'max',
		surface: 'rosenbrock',
		start: [-1.5, 2],
		seed: 0,
		runs: [
			{label: 'sgd', optimizer: {name: 'sgd', lr: 0.001}, steps: 200, schedule: []},
			{label: 'adam', optimizer: {name: 'adam', lr: 0.05}, steps: 200, schedule: []},
		],
	};
}
