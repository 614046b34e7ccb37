import {describe, expect, test} from 'vitest';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {routeCommand, watchCommand} from '../../../src/ui/dashboard/routing.js';
import {initialDashboardState} from '../../../src/ui/dashboard/state.js';
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

describe('the boundary view', () => {
	test('the worker is told to compute boundaries only while the boundary view shows', () => {
		const planar = scenario({runs: [planarRun()]});
		const s = initialDashboardState(planar);
		const atGradients = {...s, view: 'gradients' as const};
		expect(routeCommand(atGradients, 'nextView')).toEqual({action: {type: 'command', command: 'nextView'}, worker: {type: 'watch', boundary: true}});
		const atBoundary = {...s, view: 'boundary' as const};
		expect(routeCommand(atBoundary, 'nextView').worker).toEqual({type: 'watch', boundary: false});
		expect(routeCommand(atBoundary, 'prevView').worker).toEqual({type: 'watch', boundary: false});
		expect(routeCommand(s, 'nextView').worker).toBeUndefined(); // loss → gradients
		expect(watchCommand('boundary')).toEqual({type: 'watch', boundary: true});
		// Mutation: 'images' left out of PICTURE_VIEWS fails this (the guesses would never come).
		expect(watchCommand('images')).toEqual({type: 'watch', boundary: true});
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
