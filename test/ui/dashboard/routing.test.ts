import {describe, expect, test} from 'vitest';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {routeCommand} from '../../../src/ui/dashboard/routing.js';
import {initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {watchFor} from '../../../src/ui/dashboard/watch.js';
import {history, runState, scenario, snapshot} from '../fixtures.js';

const start = () => initialDashboardState(scenario());

/** A run on 2-D toy data, so the boundary view is offered. */
const planarRun = () =>
	({
		label: 'a',
		dataset: {kind: 'toy', name: 'moons', samples: 100, noise: 0.1, classes: 2, test: 0.2, standardize: false},
		model: {hidden: [8, 8, 8], activation: 'tanh', init: {name: 'xavier-uniform'}, weights: null, inputs: null, outputs: null},
		train: {optimizer: {name: 'sgd', lr: 0.1}, schedule: [], batch: 8, steps: 10, loss: 'cross-entropy', shuffle: true, seed: 1},
	}) as const;

describe('commands to the worker and the app', () => {
	test('pause toggles against the state shown, speed steps from it', () => {
		expect(routeCommand(start(), 'togglePause').worker).toEqual({type: 'pause'});
		expect(routeCommand({...start(), paused: true}, 'togglePause').worker).toEqual({type: 'resume'});
		expect(routeCommand({...start(), speed: 100}, 'faster').worker).toEqual({type: 'speed', speed: 200});
		expect(routeCommand({...start(), speed: 100}, 'slower').worker).toEqual({type: 'speed', speed: 50});
		expect(routeCommand(start(), 'toggleLog').worker).toBeUndefined();
	});
	test('routeCommand sends each command to the right place', () => {
		expect(routeCommand(start(), 'toggleLog')).toEqual({action: {type: 'command', command: 'toggleLog'}});
		expect(routeCommand(start(), 'restart')).toEqual({worker: {type: 'restart'}});
		expect(routeCommand(start(), 'quit')).toEqual({worker: {type: 'quit'}, app: 'quit'});
		expect(routeCommand(start(), 'back')).toEqual({app: 'back'});
	});
});

describe('the help pauses training while it is open', () => {
	/** Routes `command` and applies its action, as LessonScreen does. */
	const press = (state: ReturnType<typeof start>, command: 'help' | 'dismiss' | 'togglePause') => {
		const routed = routeCommand(state, command);
		return {state: routed.action ? dashboardReducer(state, routed.action) : state, worker: routed.worker};
	};
	test('? on running training pauses it; closing the help (? or esc) resumes it', () => {
		for (const close of ['help', 'dismiss'] as const) {
			const open = press(start(), 'help');
			expect(open.worker).toEqual({type: 'pause'});
			expect(open.state).toMatchObject({helpOpen: true, paused: true});
			const closed = press(open.state, close);
			expect(closed.worker).toEqual({type: 'resume'});
			expect(closed.state).toMatchObject({helpOpen: false, paused: false});
		}
	});
	test('training paused by hand (or finished) stays as it was', () => {
		const paused = press({...start(), paused: true}, 'help');
		expect(paused.worker).toBeUndefined();
		expect(paused.state).toMatchObject({helpOpen: true, paused: true});
		expect(press(paused.state, 'help')).toMatchObject({worker: undefined, state: {helpOpen: false, paused: true}});
		const finished = press({...start(), finished: true}, 'help');
		expect(finished.worker).toBeUndefined();
		expect(press(finished.state, 'dismiss').worker).toBeUndefined();
		// esc with no help open does nothing to training.
		expect(press(start(), 'dismiss').worker).toBeUndefined();
	});
});

describe('what the worker computes follows the view on screen', () => {
	test('boundaries only on the boundary view; the inspector asks for its run, the slope view for the runs it shows', () => {
		const small = {...planarRun(), label: 'b', model: {...planarRun().model, hidden: [3]}};
		const planar = scenario({runs: [planarRun(), small, {...small, label: 'c'}]});
		let s = initialDashboardState(planar);
		s = dashboardReducer(s, snapshot(['a', 'b', 'c'].map((label) => runState(label, history(3, () => 1)))));
		expect(watchFor(s, 80)).toEqual({boundary: false});
		expect(watchFor({...s, view: 'gradients'}, 80)).toEqual({boundary: false});
		expect(watchFor({...s, view: 'boundary'}, 80)).toEqual({boundary: true});
		// Mutation: 'images' left out of watchFor's picture views fails this (the guesses would never come).
		expect(watchFor({...s, view: 'images'}, 80)).toEqual({boundary: true});
		// The deepest run the inspector can draw: b (a's three layers of 8 are too many units).
		expect(watchFor({...s, view: 'inspector'}, 80)).toEqual({boundary: false, inspect: {run: 1, row: 0, alone: false}});
		expect(watchFor({...s, view: 'inspector', focus: 2, inspector: {...s.inspector, row: 3, alone: true}}, 80)).toEqual({boundary: false, inspect: {run: 2, row: 3, alone: true}});
		// Three tiles fit in 80 columns, two in 60; one when a run is picked.
		expect(watchFor({...s, view: 'slope'}, 80)).toEqual({boundary: false, slope: {runs: [0, 1, 2], mode: 'weight', seed: 0}});
		expect(watchFor({...s, view: 'slope'}, 60).slope!.runs).toEqual([0, 1]);
		expect(watchFor({...s, view: 'slope', focus: 2, slope: {mode: 'weight', param: {layer: 0, to: 1, from: 0}, seed: 0}}, 80).slope).toEqual({runs: [2], mode: 'weight', param: {layer: 0, to: 1, from: 0}, seed: 0});
		// Keys that change the view go to the reducer alone; the screen sends what it now watches.
		expect(routeCommand({...s, view: 'gradients'}, 'nextView')).toEqual({action: {type: 'command', command: 'nextView'}});
		expect(routeCommand(s, 'togglePoints')).toEqual({action: {type: 'command', command: 'togglePoints'}});
	});
});

describe('pause shows before the worker answers', () => {
	test('space pauses the screen at once, and a snapshot posted before the worker read the key does not undo it', () => {
		let state = initialDashboardState(scenario());
		const routed = routeCommand(state, 'togglePause');
		expect(routed.worker).toEqual({type: 'pause'});
		state = dashboardReducer(state, routed.action!);
		expect(state.paused).toBe(true);
		const runs = [runState('adam', history(5, () => 1))];
		state = dashboardReducer(state, snapshot(runs, {paused: false})); // in flight
		expect(state.paused).toBe(true);
		state = dashboardReducer(state, snapshot(runs, {paused: true})); // confirmed
		expect(state.pendingPause).toBeNull();
		state = dashboardReducer(state, snapshot(runs, {paused: false})); // resumed elsewhere: believed
		expect(state.paused).toBe(false);
		expect(routeCommand(state, 'step').action).toEqual({type: 'pausing', paused: true});
	});
});

describe('speed shows before the worker answers', () => {
	test('five + climb five levels before any snapshot, and snapshots posted before the worker read them do not undo it', () => {
		const runs = [runState('adam', history(5, () => 1))];
		let state = initialDashboardState(scenario(), {speed: 1});
		const sent: unknown[] = [];
		for (let k = 0; k < 5; k++) {
			const routed = routeCommand(state, 'faster');
			sent.push(routed.worker);
			state = dashboardReducer(state, routed.action!);
		}
		expect(state.speed).toBe(50);
		expect(sent).toEqual([2, 5, 10, 20, 50].map((speed) => ({type: 'speed', speed})));
		state = dashboardReducer(state, snapshot(runs, {speed: 2})); // in flight
		expect(state.speed).toBe(50);
		state = dashboardReducer(state, snapshot(runs, {speed: 50})); // confirmed
		expect(state.pendingSpeed).toBeNull();
		state = dashboardReducer(state, snapshot(runs, {speed: 'max'})); // changed elsewhere: believed
		expect(state.speed).toBe('max');
	});
});
