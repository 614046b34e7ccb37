import {describe, it} from 'vitest';
import {writeFileSync} from 'node:fs';
import {loadScenarioFile} from '../src/scenarios/load.js';

const cases: string[] = [
	'title: 5\ntrain: {optimizer: {name: adma, lr: -1}, batch: 0, steps: 1.5}\nruns:\n  - {label: a, modle: {}}\n  - {label: b, train: {optimizer: {name: sgd, betas: [0.9, 0.99]}}}\n',
	'dataset: {name: spirl}\nmodel: {hidden: [4, -1], activation: sigmod, init: he}\n',
	'dataset: {csv: nope.csv}\nmodel: {init: {name: he-normal, std: 0.1}}\n',
	'a: [1, 2\n',
	'runs: []\n',
	'kind: surface\nsurface: rosenbrok\nstart: [1]\nruns: [{optimizer: {lr: 1}}]\n',
	'train: {optimizer: adam}\nruns: [{train: {optimizer: {momentum: 0.9}}}, {label: x}, {label: x}]\n',
	'model: {hidden: 5}\ntrain: {batch: half, shuffle: off}\nview: {x: epochs}\nnotes: [{at: -1, en: hi}, 3]\n',
];
describe('scratch', () => {
	it('prints', () => {
		cases.forEach((text, i) => {
			const f = `/tmp/sc/c${i}.yaml`;
			writeFileSync(f, text);
			try {
				console.log(JSON.stringify(loadScenarioFile(f), null, 1).slice(0, 400));
			} catch (e) {
				console.log((e as Error).message);
			}
		});
	});
});
