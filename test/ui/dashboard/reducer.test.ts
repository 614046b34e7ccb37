import {describe, expect, test} from 'vitest';
import type {SurfaceScenario} from '../../../src/scenarios/types.js';
import {HISTORY_CAPACITY} from '../../../src/ui/dashboard/history.js';
import {scenarioDepth} from '../../../src/ui/dashboard/offer.js';
import {cycleFocus, dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {circleGrid, curveData, history, planeData, runState, scenario, snapshot, threeProbes, threeRuns} from '../fixtures.js';

const start = () => initialDashboardState(scenario());

describe('dashboardReducer', () => {
	test('starts from the scenario view hints', () => {
		const s = start();
		expect(s.view).toBe('loss');
		expect(s.logScale).toBe(true);
		expect(s.xAxis).toBe('step');
		expect(initialDashboardState(scenario({view: {show: 'loss', x: 'epoch', loss: 'linear', along: 'weight'}}))).toMatchObject({xAxis: 'epoch', logScale: false});
		// Mutation tried: the slope choice started along 'weight' whatever the scenario says.
		expect(initialDashboardState(scenario({view: {show: 'slope', x: 'step', loss: 'log', along: 'gradient'}})).slope).toEqual({mode: 'gradient', param: null, seed: 0});
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
		expect(run({type: 'command', command: 'prevView'}).view).toBe(start().views.at(-1));
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

	test('surface scenarios open on the race map, then the loss chart; step/seconds only', () => {
		const surface = {...scenario(), view: {show: 'race', x: 'step', loss: 'log', along: 'weight'}, kind: 'surface', surface: 'saddle', start: [0, 0], seed: 1, runs: []} as unknown as SurfaceScenario;
		const s = initialDashboardState(surface);
		expect(s.views).toEqual(['race', 'loss']);
		expect(s.view).toBe('race');
		expect(dashboardReducer(s, {type: 'command', command: 'nextView'}).view).toBe('loss');
		expect(s.xAxes).toEqual(['step', 'seconds']);
	});
});

describe('probes and the teaching views', () => {
	const csv = scenario({
		runs: [
			{
				label: 'a',
				dataset: {kind: 'csv', path: '/x.csv', label: null, target: null, test: 0.2, testFile: null, standardize: true},
				model: {hidden: [8, 8, 8], activation: 'tanh', init: {name: 'xavier-uniform'}, weights: null, inputs: null, outputs: null},
				train: {optimizer: {name: 'sgd', lr: 0.1}, schedule: [], batch: 8, steps: 10, loss: 'cross-entropy', shuffle: true, seed: 1},
			},
		],
	});

	test('a probe is kept with its data; later probes keep the data and the last grid', () => {
		let s = dashboardReducer(start(), snapshot(threeRuns()));
		expect(s.probes).toBeNull();
		s = dashboardReducer(s, {type: 'probe', runs: threeProbes(), data: planeData()});
		expect(s.probes).toHaveLength(3);
		expect(s.probeData).toMatchObject({kind: "classes", classes: 2});
		const grid = s.probes![1]!.boundary;
		s = dashboardReducer(s, {type: 'probe', runs: [{histograms: [[1]]}, {histograms: [[2]]}, {histograms: [[3]]}]});
		expect(s.probeData).toMatchObject({kind: "classes", classes: 2});
		expect(s.probes![1]!.boundary).toBe(grid);
		expect(s.probes![1]!.histograms).toEqual([[2]]);
		s = dashboardReducer(s, {type: 'reset'});
		expect(s.probes).toBeNull();
		expect(s.probeData).toBeNull();
	});

	test('a CSV turns out 2-D: the boundary view joins before the histograms', () => {
		const s = initialDashboardState(csv);
		expect(s.views).toEqual(['loss', 'gradients', 'inspector', 'slope', 'histograms', 'activations']);
		const after = dashboardReducer(s, {type: 'probe', runs: [{boundary: circleGrid()}], data: planeData()});
		expect(after.views).toEqual(['loss', 'gradients', 'inspector', 'slope', 'boundary', 'histograms', 'activations']);
		expect(dashboardReducer(after, {type: 'probe', runs: [{boundary: circleGrid()}]}).views).toEqual(after.views);
	});

	test('a CSV with real targets on one input: the fit view joins before the histograms, and keeps its last curve', () => {
		const s = initialDashboardState(csv);
		const curve = {kind: 'curve' as const, values: new Float32Array([0, 1])};
		const after = dashboardReducer(s, {type: 'probe', runs: [{fit: curve}], data: curveData()});
		expect(after.views).toEqual(['loss', 'gradients', 'inspector', 'slope', 'fit', 'histograms', 'activations']);
		const later = dashboardReducer(after, {type: 'probe', runs: [{histograms: [[1]]}]});
		expect(later.views).toEqual(after.views);
		expect(later.probes![0]!.fit).toBe(curve);
		expect(later.probeData).toMatchObject({kind: 'fit', inputs: 1});
	});

	// Mutation: the reducer dropping a run's last guesses when a probe comes without them fails this.
	test('image data: the sample images stay, and each run keeps its last guesses while another view shows', () => {
		const guesses = {predicted: Uint8Array.of(3), confusion: new Uint32Array(100)};
		const images = {width: 8, height: 8, pixels: new Float32Array(64), labels: Uint8Array.of(3), classNames: [], split: 'test' as const, rows: 1};
		const first = dashboardReducer(start(), {type: 'probe', runs: [{images: guesses}], images});
		const later = dashboardReducer(first, {type: 'probe', runs: [{histograms: [[1]]}]});
		expect(later.images).toBe(images);
		expect(later.probes![0]!.images).toBe(guesses);
		expect(later.probes![0]!.histograms).toEqual([[1]]);
		expect(dashboardReducer(later, {type: 'reset'}).images).toBeNull();
	});

	test('t toggles test points; [ and ] cycle all runs, then each run', () => {
		let s = dashboardReducer(start(), snapshot(threeRuns()));
		expect(dashboardReducer(s, {type: 'command', command: 'togglePoints'}).showTest).toBe(true);
		const seen: (number | null)[] = [];
		for (let k = 0; k < 5; k++) {
			seen.push(s.focus);
			s = dashboardReducer(s, {type: 'command', command: 'nextRun'});
		}
		expect(seen).toEqual([null, 0, 1, 2, null]);
		expect(dashboardReducer(start(), {type: 'command', command: 'prevRun'}).focus).toBeNull(); // no runs yet
		expect(cycleFocus(null, 3, -1)).toBe(2);
		expect(cycleFocus(0, 3, -1)).toBeNull();
		expect(cycleFocus(7, 3, 1)).toBe(0); // a focus left over from more runs
	});

	test('the explorer depth is the scenario\'s most hidden layers', () => {
		expect(scenarioDepth(csv)).toBe(3);
		expect(scenarioDepth(scenario())).toBe(10);
	});
});
