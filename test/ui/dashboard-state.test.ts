import {describe, expect, test} from 'vitest';
import type {SurfaceScenario} from '../../src/scenarios/types.js';
import {HISTORY_CAPACITY, changeSpeed, dashboardReducer, initialDashboardState, routeCommand, speedLevels, workerCommand} from '../../src/ui/dashboard-state.js';
import {history, runState, scenario, snapshot} from './fixtures.js';

const start = () => initialDashboardState(scenario());

describe('dashboardReducer', () => {
	test('starts from the scenario view hints', () => {
		const s = start();
		expect(s.view).toBe('loss');
		expect(s.logScale).toBe(true);
		expect(s.xAxis).toBe('step');
		expect(initialDashboardState(scenario({view: {x: 'epoch', loss: 'linear'}}))).toMatchObject({xAxis: 'epoch', logScale: false});
	});

	test('a snapshot appends new points to each run and copies the pace', () => {
		const points = history(10, (s) => 1 / s);
		let s = dashboardReducer(start(), snapshot([runState('a', points.slice(0, 4)), runState('b', points.slice(0, 2))], {paused: true, speed: 100, stepsPerSecond: 99}));
		const first = s;
		s = dashboardReducer(s, snapshot([runState('a', points.slice(4)), runState('b', [])]));
		expect(s.runs.map((r) => r.history.length)).toEqual([10, 2]);
		expect(s.runs[0]!.history.points.map((p) => p.step)).toEqual(points.map((p) => p.step));
		expect(first.runs[0]!.history.length).toBe(4); // the previous state is untouched
		expect(first).toMatchObject({paused: true, speed: 100, stepsPerSecond: 99, received: true});
		expect(s.runs[1]!.history).toBe(first.runs[1]!.history); // nothing new, same series
	});

	test('history stays bounded', () => {
		let s = start();
		for (let k = 0; k < 5; k++) s = dashboardReducer(s, snapshot([runState('a', history(1000, () => 1))]));
		expect(s.runs[0]!.history.length).toBeLessThan(HISTORY_CAPACITY);
	});

	test('reset clears histories and the finished flag', () => {
		let s = dashboardReducer(start(), snapshot([runState('a', history(5, () => 1))], {finished: true}));
		s = dashboardReducer(s, {type: 'reset'});
		expect(s.runs[0]!.history.length).toBe(0);
		expect(s.finished).toBe(false);
	});

	test('an error is kept until the next snapshot', () => {
		let s = dashboardReducer(start(), {type: 'error', message: 'boom'});
		expect(s.error).toBe('boom');
		s = dashboardReducer(s, snapshot([]));
		expect(s.error).toBeNull();
	});

	test('view commands', () => {
		const run = (command: Parameters<typeof dashboardReducer>[1]) => dashboardReducer(start(), command);
		expect(run({type: 'command', command: 'nextView'}).view).toBe('gradients');
		expect(run({type: 'command', command: 'prevView'}).view).toBe('gradients');
		expect(run({type: 'command', command: 'toggleLog'}).logScale).toBe(false);
		expect(run({type: 'command', command: 'cycleXAxis'}).xAxis).toBe('epoch');
		expect(run({type: 'command', command: 'toggleStats'}).showStats).toBe(false);
		const open = run({type: 'command', command: 'help'});
		expect(open.helpOpen).toBe(true);
		expect(dashboardReducer(open, {type: 'command', command: 'dismiss'}).helpOpen).toBe(false);
		expect(dashboardReducer(open, {type: 'command', command: 'help'}).helpOpen).toBe(false);
	});

	test('x axis cycles through every unit and back', () => {
		let s = start();
		const seen = [s.xAxis];
		for (let k = 0; k < 4; k++) {
			s = dashboardReducer(s, {type: 'command', command: 'cycleXAxis'});
			seen.push(s.xAxis);
		}
		expect(seen).toEqual(['step', 'epoch', 'samples', 'seconds', 'step']);
	});

	test('surface scenarios offer the loss view and step/seconds only', () => {
		const surface = {...scenario(), kind: 'surface', surface: 'saddle', start: [0, 0], seed: 1, runs: []} as unknown as SurfaceScenario;
		const s = initialDashboardState(surface);
		expect(s.views).toEqual(['loss']);
		expect(dashboardReducer(s, {type: 'command', command: 'nextView'}).view).toBe('loss');
		expect(s.xAxes).toEqual(['step', 'seconds']);
	});
});

describe('speed', () => {
	test('the ladder climbs to max and back', () => {
		expect(speedLevels.at(-1)).toBe('max');
		let speed = speedLevels[0]!;
		const up = [speed];
		while (speed !== 'max') up.push((speed = changeSpeed(speed, 1)));
		expect(up).toEqual(speedLevels);
		expect(changeSpeed('max', 1)).toBe('max');
		expect(changeSpeed('max', -1)).toBe(5000);
		expect(changeSpeed(1, -1)).toBe(1);
	});
	test('off-ladder speeds move to the next level', () => {
		expect(changeSpeed(300, 1)).toBe(500);
		expect(changeSpeed(300, -1)).toBe(200);
	});
});

describe('commands to the worker and the app', () => {
	test('pause toggles against the reported state', () => {
		expect(workerCommand(start(), 'togglePause')).toEqual({type: 'pause'});
		expect(workerCommand({...start(), paused: true}, 'togglePause')).toEqual({type: 'resume'});
		expect(workerCommand({...start(), speed: 100}, 'faster')).toEqual({type: 'speed', speed: 200});
		expect(workerCommand({...start(), speed: 100}, 'slower')).toEqual({type: 'speed', speed: 50});
		expect(workerCommand(start(), 'toggleLog')).toBeNull();
	});
	test('routeCommand sends each command to the right place', () => {
		expect(routeCommand(start(), 'toggleLog')).toEqual({action: {type: 'command', command: 'toggleLog'}});
		expect(routeCommand(start(), 'restart')).toEqual({worker: {type: 'restart'}});
		expect(routeCommand(start(), 'quit')).toEqual({worker: {type: 'quit'}, app: 'quit'});
		expect(routeCommand(start(), 'back')).toEqual({app: 'back'});
	});
	test('while help is open, keys only close it (quit still quits)', () => {
		const open = {...start(), helpOpen: true};
		expect(routeCommand(open, 'restart')).toEqual({action: {type: 'command', command: 'dismiss'}});
		expect(routeCommand(open, 'quit').app).toBe('quit');
	});
});
