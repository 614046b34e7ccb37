/**
 * The inspector's walk through one step (`.`), as the reducer follows the worker's inspections.
 * The run may pause a step or two after the one on screen when `.` paused it (the worker was
 * already on its way): the walk then goes on, on the step the run stopped at, instead of jumping
 * back to its first phase under the user's keys (which a loaded machine made the e2e walk see).
 * After the update, the step taken, the walk starts over on the next step.
 * Mutation that fails here: followWalk resetting the phase on every new step (as it did).
 */
import {describe, expect, test} from 'vitest';
import {makeToy} from '../../../src/core/data/index.js';
import {createRng} from '../../../src/core/rng.js';
import {Trainer} from '../../../src/core/trainer.js';
import {inspectRun} from '../../../src/runner/probes.js';
import type {WorkerMessage} from '../../../src/runner/protocol.js';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {type DashboardState, initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {scenario} from '../fixtures.js';

const data = makeToy('blobs', {samples: 40, noise: 0.6, classes: 2, test: 0.25}, createRng(3));
const trainer = new Trainer({network: {layers: [2, 3, 2], activation: 'tanh'}, init: {name: 'normal', std: 0.9}, optimizer: {name: 'sgd', lr: 0.3}, loss: 'cross-entropy', batch: 4, shuffle: true, seed: 5}, data);
/** Phases of a two-layer step: forward L1, L2, the loss, backward L2, L1, the update. */
const UPDATE = 5;

/** The worker's inspection of the trainer's next step. */
function probe(): WorkerMessage {
	return {type: 'probe', runs: [{histograms: [], inspect: structuredClone(inspectRun(trainer, trainer.step, {run: 0, row: 0, alone: false}))}]} as WorkerMessage;
}
const press = (s: DashboardState, times = 1): DashboardState => {
	for (let k = 0; k < times; k++) s = dashboardReducer(s, {type: 'command', command: 'nextPhase'});
	return s;
};

describe('walking through one step', () => {
	test('a run that paused later than the step on screen: the walk goes on where it was, on that step', () => {
		let s: DashboardState = {...initialDashboardState(scenario()), view: 'inspector'};
		s = dashboardReducer(s, probe());
		const first = trainer.step;
		s = press(s, 2); // paused on the step shown; forward L1, then L2
		expect(s.inspector).toMatchObject({phase: 1, walking: first});
		trainer.advance(); // the worker had one more step in hand when the pause reached it
		s = dashboardReducer(s, probe());
		expect(s.inspector).toMatchObject({phase: 1, walking: first + 1});
		s = press(s);
		expect(s.inspector.phase).toBe(2);
	});

	test('after the update the walk starts over on the next step', () => {
		let s: DashboardState = {...initialDashboardState(scenario()), view: 'inspector'};
		s = dashboardReducer(s, probe());
		s = press(s, UPDATE + 1);
		expect(s.inspector.phase).toBe(UPDATE);
		trainer.advance(); // the `.` at the update has the worker take the step
		s = dashboardReducer(s, probe());
		expect(s.inspector).toMatchObject({phase: 0, walking: trainer.step});
	});
});
