/** `train.schedule` in scenario files: what it resolves to, and what a teacher is told when it is wrong. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ScenarioError} from '../src/scenarios/errors.js';
import {loadScenarioFile} from '../src/scenarios/load.js';
import type {NetworkScenario, SurfaceScenario} from '../src/scenarios/types.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-schedule-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
let counter = 0;

function load(text: string): NetworkScenario | SurfaceScenario {
	const file = join(dir, `s${++counter}.yaml`);
	writeFileSync(file, text);
	return loadScenarioFile(file);
}

function errorOf(text: string): string {
	const file = join(dir, `s${++counter}.yaml`);
	writeFileSync(file, text);
	try {
		loadScenarioFile(file);
	} catch (error) {
		expect(error).toBeInstanceOf(ScenarioError);
		return (error as ScenarioError).message.split(file).join('x.yaml');
	}
	throw new Error('expected the file to be rejected');
}

describe('schedules in scenario files', () => {
	it('resolve to the core entries: torch defaults filled, cosine over the run, formulas first, set-points by step', () => {
		const s = load(`
train:
  optimizer: {name: momentum, lr: 0.1}
  steps: 600
  schedule:
    - {at: 400, lr: 0.01}
    - {name: linear, start_factor: 0.1, steps: 50}
    - cosine
    - {at: 200, momentum: 0.5}
    - {name: step, every: 100}
    - {name: multistep, milestones: [300, 500], gamma: 0.5}
    - {name: cosine, steps: 20, min_lr: 0.001}
    - name: linear
`) as NetworkScenario;
		expect(s.runs[0]!.train.schedule).toEqual([
			{name: 'linear', startFactor: 0.1, endFactor: 1, steps: 50},
			{name: 'cosine', steps: 600, minLr: 0},
			{name: 'step', every: 100, gamma: 0.1},
			{name: 'multistep', milestones: [300, 500], gamma: 0.5},
			{name: 'cosine', steps: 20, minLr: 0.001},
			{name: 'linear', startFactor: 1 / 3, endFactor: 1, steps: 5},
			{at: 200, momentum: 0.5},
			{at: 400, lr: 0.01},
		]);
	});

	it('no schedule is an empty one; a run\'s schedule replaces the base\'s, and names a run that sets nothing else', () => {
		const s = load('train: {schedule: [cosine]}\nruns: [{label: a}, {train: {schedule: []}}, {train: {schedule: [{name: step, every: 5}]}}]') as NetworkScenario;
		expect(s.runs.map((r) => r.train.schedule.length)).toEqual([1, 0, 1]);
		expect(s.runs.map((r) => r.label)).toEqual(['a', 'schedule', 'step']);
		expect((load('dataset: xor') as NetworkScenario).runs[0]!.train.schedule).toEqual([]);
	});

	it('surface runs take a schedule too', () => {
		const s = load('surface: saddle\nruns: [{optimizer: {name: sgd, lr: 0.01}, steps: 50, schedule: [{at: 10, lr: 0.05}]}]') as SurfaceScenario;
		expect(s.runs[0]!.schedule).toEqual([{at: 10, lr: 0.05}]);
	});

	const cases: [string, string, string][] = [
		['misspelt formula', 'train: {schedule: [cosin]}', 'x.yaml: train.schedule[0].name: got "cosin", expected one of: step, multistep, cosine, linear (did you mean "cosine"?)'],
		['torch\'s argument name', 'train: {schedule: [{name: cosine, T_max: 10}]}', 'x.yaml: train.schedule[0].T_max: unknown field (did you mean "steps"?); allowed: name, at, lr, momentum, every, milestones, gamma, steps, min_lr, start_factor, end_factor'],
		['not a list', 'train: {schedule: cosine}', 'x.yaml: train.schedule: got "cosine", expected a list of schedule entries, like [cosine, {at: 500, lr: 0.01}]'],
		['a key of another formula', 'train: {schedule: [{name: cosine, every: 10}]}', 'x.yaml: train.schedule[0].every: cosine has no every (it takes steps, min_lr)'],
		['lr on a formula', 'train: {schedule: [{name: step, every: 5, lr: 0.1}]}', 'x.yaml: train.schedule[0].lr: step has no lr; to give the lr a value from a step on, add a set-point like {at: 500, lr: …}'],
		['a formula key on a set-point', 'train: {schedule: [{at: 10, lr: 0.1, gamma: 0.5}]}', 'x.yaml: train.schedule[0].gamma: a set-point has no gamma; it takes at, lr, momentum'],
		['a set-point without a value', 'train: {schedule: [{at: 10}]}', 'x.yaml: train.schedule[0]: got {"at": 10}, expected a set-point with lr or momentum, like {at: 500, lr: 0.01}'],
		['both name and at', 'train: {schedule: [{at: 10, name: step}]}', 'x.yaml: train.schedule[0].name: give either name (a formula) or at (a set-point: from that step on, lr or momentum take a value), not both'],
		['neither name nor at', 'train: {schedule: [{lr: 0.1}]}', 'x.yaml: train.schedule[0].name: missing, expected a formula (one of: step, multistep, cosine, linear), or at: a step for a set-point'],
		['step without every', 'train: {schedule: [{name: step}]}', 'x.yaml: train.schedule[0].every: missing, expected a whole number > 0 (the lr is multiplied by gamma every this many steps)'],
		['milestones out of order', 'train: {schedule: [{name: multistep, milestones: [600, 300]}]}', 'x.yaml: train.schedule[0].milestones: got [600, 300], expected step counts in increasing order, like [300, 600] (the lr is multiplied by gamma at each)'],
		['bad numbers', 'train: {schedule: [{at: 1.5, lr: 0}]}', 'x.yaml: train.schedule[0].at: got 1.5, expected a whole number ≥ 0\nx.yaml: train.schedule[0].lr: got 0, expected a number > 0'],
		['start factor', 'train: {schedule: [{name: linear, start_factor: 0}]}', 'x.yaml: train.schedule[0].start_factor: got 0, expected a number > 0 and ≤ 1'],
		['set-point past the end', 'train: {steps: 100, schedule: [{at: 100, lr: 0.1}]}', 'x.yaml: train.schedule[0].at: got 100, but the run trains 100 steps: a set-point at 100 would never take effect (it acts from step 101 on)'],
		[
			'momentum on adam, in a run',
			'runs: [{label: a}, {label: b, train: {schedule: [{at: 5, momentum: 0.5}]}}]',
			'x.yaml: runs[1].train.schedule[0].momentum: adam has no momentum to change; momentum set-points are for sgd, momentum, nesterov, rmsprop',
		],
		['one value twice at a step', 'train: {optimizer: sgd, schedule: [{at: 5, lr: 0.1}, {at: 5, momentum: 0.5}, {at: 5, lr: 0.2}]}', 'x.yaml: train.schedule[2].lr: a second lr at step 5 (schedule[0] sets it too)'],
		[
			'rmsprop momentum raised from 0',
			'train: {optimizer: rmsprop, schedule: [{at: 5, momentum: 0.5}]}',
			'x.yaml: train.schedule[0].momentum: rmsprop has momentum 0 on its first step, so torch.optim.RMSprop keeps no momentum buffer and cannot raise it later; give the optimizer a momentum > 0 from the start',
		],
		['a surface run', 'surface: saddle\nruns: [{optimizer: adam, steps: 10, schedule: [{at: 10, lr: 0.1}]}]', 'x.yaml: runs[0].schedule[0].at: got 10, but the run trains 10 steps: a set-point at 10 would never take effect (it acts from step 11 on)'],
	];
	it.each(cases)('%s', (_name, text, expected) => {
		expect(errorOf(text)).toBe(expected);
	});

	it('rmsprop may change a momentum it started with, even down to 0 and back', () => {
		expect(() => load('train: {optimizer: {name: rmsprop, momentum: 0.9}, schedule: [{at: 5, momentum: 0}, {at: 9, momentum: 0.5}]}')).not.toThrow();
		expect(errorOf('train: {optimizer: {name: rmsprop, momentum: 0.9}, schedule: [{at: 0, momentum: 0}, {at: 9, momentum: 0.5}]}')).toMatch(/schedule\[1\]\.momentum: rmsprop has momentum 0 on its first step/);
	});
});
