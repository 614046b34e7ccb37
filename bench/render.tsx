/**
 * Render cost of the teaching views: each view of a real lesson, trained for a while, drawn at
 * 160×50 by Ink (colours on, as in a terminal) for many frames, every frame with fresh data as the
 * worker would send it. Reports mean and p95 milliseconds per frame: React's reconciliation plus
 * Ink's layout and output (`renderTime` is Ink's part alone). Also the worker's probe cost per
 * lesson. Run with `npm run bench:render`.
 */
import {EventEmitter} from 'node:events';
import {performance} from 'node:perf_hooks';

// Before chalk and React are loaded: 24-bit colour as a modern terminal, and React's production
// build, as the bundled `gradlab` runs (scripts/bundle.mjs); NODE_ENV=development to compare.
process.env['FORCE_COLOR'] ??= '3';
process.env['NODE_ENV'] ??= 'production';
delete process.env['CI'];

// No JSX in this file: its static import of react/jsx-runtime would load before NODE_ENV is set.
const {createElement} = await import('react');
const {render} = await import('ink');
const {loadScenarioFile} = await import('../src/scenarios/index.js');
const {Prober} = await import('../src/runner/probes.js');
const {Session} = await import('../src/runner/session.js');
const {Dashboard} = await import('../src/ui/dashboard/Dashboard.js');
const {dashboardReducer} = await import('../src/ui/dashboard/reducer.js');
const {initialDashboardState} = await import('../src/ui/dashboard/state.js');
const {UiContext} = await import('../src/ui/kit/context.js');
const {layoutBoundary} = await import('../src/ui/views/boundary/layout.js');
const {contourBands, layoutRaceMap} = await import('../src/ui/views/race/layout.js');
const {createTheme, runColor, runMarker} = await import('../src/ui/kit/theme.js');
const {viewPalette} = await import('../src/ui/kit/palette.js');
const {SURFACES} = await import('../src/core/surfaces.js');
type DashboardState = import('../src/ui/dashboard/state.js').DashboardState;
type ViewName = import('../src/ui/views/model.js').ViewName;

const COLUMNS = 160;
const ROWS = 50;
/** `node dist/bench/render.js [word]` runs only the cases whose label holds the word. */
const only = process.argv[2];
const FRAMES = Number(process.env['FRAMES'] ?? 200);
const WARMUP = 30;
const PROBE_EVERY = 8;
/** Frames per panel refresh at the default 15 fps (panel-rate.ts). */
const PANEL_EVERY = 5;

/** A terminal that swallows what Ink writes. */
class FakeStdout extends EventEmitter {
	readonly columns = COLUMNS;
	readonly rows = ROWS;
	readonly isTTY = true;
	bytes = 0;
	write(chunk: string): boolean {
		this.bytes += chunk.length;
		return true;
	}
}

/**
 * Dashboard states of a lesson, `frames` of them, `every` steps apart: a snapshot every frame and
 * a probe every PROBE_EVERY frames, as the worker sends them (≤ 30 snapshots and 4 probes a second).
 */
function lessonStates(name: string, frames: number, every: number, warm: number): {scenario: ReturnType<typeof loadScenarioFile>; states: DashboardState[]} {
	const scenario = loadScenarioFile(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname);
	const session = new Session(scenario);
	const prober = new Prober();
	let state = initialDashboardState(scenario);
	const snap = () => dashboardReducer(state, {type: 'snapshot', runs: session.states(), paused: false, finished: false, stepsPerSecond: 1000, samplesPerSecond: 32000, speed: 'max'});
	for (let k = 0; k < warm; k++) {
		session.stepAll();
		if (k % every === 0) state = snap();
	}
	const states: DashboardState[] = [];
	for (let f = 0; f < frames; f++) {
		for (let k = 0; k < every; k++) session.stepAll();
		state = snap();
		const probe = f % PROBE_EVERY === 0 ? prober.probe(session, {boundary: true}) : null;
		if (probe) state = dashboardReducer(state, probe);
		states.push(state);
	}
	return {scenario, states};
}

function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * One view, two ways: `fresh` gives the panels new data on every frame (the worst case); `paced`
 * is what the dashboard does (panel-rate.ts): new panel data on one frame in PANEL_EVERY, the
 * status line new on every frame.
 */
function bench(label: string, lesson: ReturnType<typeof lessonStates>, view: ViewName, focus: number | null): void {
	if (only && !label.includes(only)) return;
	for (const pace of ['fresh', 'paced'] as const) measure(`${label} (${pace})`, lesson, view, focus, pace === 'fresh' ? 1 : PANEL_EVERY);
}

function measure(label: string, lesson: ReturnType<typeof lessonStates>, view: ViewName, focus: number | null, every: number): void {
	const stdout = new FakeStdout();
	const inkTimes: number[] = [];
	// The same object between panel refreshes, as the paced reducer keeps it (memoised views skip it).
	const panels = lesson.states.map((s) => ({...s, view, focus}));
	const frame = (k: number) => {
		const n = lesson.states.length;
		const live = panels[k % n]!;
		const state = panels[Math.floor(k / every) * every % n]!;
		return createElement(UiContext, {language: 'en', size: {columns: COLUMNS, rows: ROWS}}, createElement(Dashboard, {state, live, scenario: lesson.scenario}));
	};
	const options = {stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false, onRender: ({renderTime}: {renderTime: number}) => inkTimes.push(renderTime)};
	const instance = render(frame(0), options);
	const total: number[] = [];
	for (let k = 1; k <= WARMUP + FRAMES; k++) {
		const t0 = performance.now();
		instance.rerender(frame(k));
		if (k > WARMUP) total.push(performance.now() - t0);
	}
	instance.unmount();
	const ink = inkTimes.slice(-FRAMES);
	const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
	const kb = stdout.bytes / (WARMUP + FRAMES + 1) / 1024;
	// A frame that draws nothing (a render error unmounts the tree) would time as very fast.
	if (kb < 1) throw new Error(`${label}: nothing was drawn`);
	console.log(
		`${label.padEnd(42)} mean ${mean(total).toFixed(2).padStart(6)} ms  p95 ${percentile(total, 0.95).toFixed(2).padStart(6)} ms  (Ink output ${mean(ink).toFixed(2)} ms)  ${kb.toFixed(1)} KiB/frame`,
	);
}

const mode = process.env['NODE_ENV'] === 'production' ? 'production' : 'development';
console.log(`Render time per frame at ${COLUMNS}×${ROWS} (React ${mode} build), ${FRAMES} frames after ${WARMUP} warm-up: a new snapshot every frame, a new probe every ${PROBE_EVERY}:`);
const spiral = lessonStates('vanishing-gradients', 60, 20, 1500);
bench('boundary, 3 runs side by side', spiral, 'boundary', null);
bench('boundary, one run large', spiral, 'boundary', 2);
bench('histograms, all runs', spiral, 'histograms', null);
bench('activation explorer', spiral, 'activations', null);
bench('loss chart (for comparison)', spiral, 'loss', null);
const eight = lessonStates('optimizers', 60, 20, 500);
bench('boundary, 8 runs side by side', eight, 'boundary', null);
const race = lessonStates('optimizer-race', 60, 30, 200);
bench('race map + loss, 8 optimizers', race, 'race', null);

/** The views' own layout code alone (no React, no Ink), per frame: what this project's code costs. */
function layoutCost(label: string, draw: (k: number) => void): void {
	if (only && only !== 'layout') return;
	for (let k = 0; k < WARMUP; k++) draw(k);
	const times: number[] = [];
	for (let k = 0; k < FRAMES; k++) {
		const t0 = performance.now();
		draw(k);
		times.push(performance.now() - t0);
	}
	console.log(`${label.padEnd(34)} mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2).padStart(6)} ms  p95 ${percentile(times, 0.95).toFixed(2).padStart(6)} ms`);
}

if (!only || only === 'layout') console.log('\nLayout code alone (pure functions the views call, memoised between probes):');
const palette = viewPalette(createTheme());
layoutCost('boundary plot 80×40 (one run large)', (k) => {
	const state = spiral.states[(k * PROBE_EVERY) % spiral.states.length]!;
	layoutBoundary(state.probes?.[2]?.boundary, state.probeData?.kind === 'classes' ? state.probeData : null, {columns: 80, rows: 40, showTest: true, palette});
});
layoutCost('race map 96×40, 8 paths', (k) => {
	const state = race.states[k % race.states.length]!;
	const surface = SURFACES.rosenbrock;
	const contours = contourBands(surface, surface.view, 96, 40);
	const theme = createTheme();
	const racers = state.runs.map((r, j) => ({points: r.history.points, position: r.state.position, marker: runMarker(theme, j), color: runColor(theme, j)}));
	layoutRaceMap(surface, racers, {columns: 96, rows: 40, palette, contours, focus: null});
});

if (!only || only === 'probe') console.log('\nWorker probe cost (48×48 boundary grid per run + histograms), after 500 steps:');
for (const name of !only || only === 'probe' ? ['vanishing-gradients', 'activations', 'optimizers', 'initialization', 'learning-rate', 'digits'] : []) {
	const scenario = loadScenarioFile(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname);
	const session = new Session(scenario);
	const prober = new Prober();
	for (let k = 0; k < 500; k++) session.stepAll();
	const times: number[] = [];
	let bytes = 0;
	for (let k = 0; k < 40; k++) {
		session.stepAll(); // a step in between, so nothing is reused from the cache
		const t0 = performance.now();
		const message = prober.probe(session, {boundary: true});
		times.push(performance.now() - t0);
		bytes = message ? message.runs.reduce((n, r) => n + (r.boundary?.cells.length ?? 0) + 8 * (r.histograms?.flat().length ?? 0), 0) : 0;
	}
	const t0 = performance.now();
	for (let k = 0; k < 300; k++) session.stepAll();
	const stepMs = (performance.now() - t0) / 300;
	const probeMs = percentile(times, 0.5);
	const interval = Math.max(250, probeMs / 0.1);
	console.log(
		`${name.padEnd(20)} ${String(session.runs.length).padStart(2)} runs  probe ${probeMs.toFixed(2).padStart(6)} ms (median)  ≈${(bytes / 1024).toFixed(1)} KiB  one lockstep step ${stepMs.toFixed(2)} ms  → every ${interval.toFixed(0)} ms, ${((probeMs / interval) * 100).toFixed(1)}% of the worker`,
	);
}
