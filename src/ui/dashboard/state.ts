/**
 * The dashboard's state: what the worker last said (runs, histories, pace) and what the person
 * chose (view, scales, overlays). A pure reducer over worker messages and keymap commands, plus
 * `workerCommand`, which turns a keymap command into what the worker must be told.
 */
import {BoundedSeries} from '../../runner/history.js';
import type {Command, HistoryPoint, ProbeData, RunProbe, RunState, Speed, WorkerMessage} from '../../runner/protocol.js';
import type {Scenario, XAxis} from '../../scenarios/types.js';
import type {CommandName} from '../input/keymap.js';

/**
 * The dashboard's views: loss curves, gradient bars, the decision boundary (2-D data), gradient
 * histograms, the activation explorer, and the optimizer race map (surface scenarios).
 */
export type ViewName = 'loss' | 'gradients' | 'boundary' | 'histograms' | 'activations' | 'race';

/** Points of history kept per run on the UI side. */
export const HISTORY_CAPACITY = 2000;

/** Steps per second for + and −; `max` trains as fast as the machine can. */
export const speedLevels: readonly Speed[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 'max'];

/** One run as the dashboard holds it. */
export interface RunView {
	/** The latest state the worker sent. */
	readonly state: RunState;
	/** Everything received since the last reset, bounded. */
	readonly history: BoundedSeries<HistoryPoint>;
}

export interface DashboardState {
	readonly runs: readonly RunView[];
	/** True once a snapshot has arrived (since start or the last reset). */
	readonly received: boolean;
	readonly paused: boolean;
	readonly finished: boolean;
	readonly speed: Speed;
	readonly stepsPerSecond: number;
	readonly samplesPerSecond: number;
	readonly view: ViewName;
	/** The views this scenario offers, in Tab order. */
	readonly views: readonly ViewName[];
	/** Loss chart on a log10 scale. */
	readonly logScale: boolean;
	readonly xAxis: XAxis;
	/** The x units this scenario offers, in `x` order. */
	readonly xAxes: readonly XAxis[];
	readonly helpOpen: boolean;
	/** The saturation/dead column beside the gradient bars. */
	readonly showStats: boolean;
	/** The worker's last error, if any. */
	readonly error: string | null;
	/** A pause or resume the keys asked for that the worker has not confirmed yet (see 'pausing'). */
	readonly pendingPause: boolean | null;
	/** The latest probe of each run (boundary grids, histograms); null until one arrives. */
	readonly probes: readonly RunProbe[] | null;
	/** The points the boundary is drawn over; null until the worker sends them. */
	readonly probeData: ProbeData | null;
	/** Test points on the decision boundary too. */
	readonly showTest: boolean;
	/** The run the boundary and histogram views single out, or null for all of them side by side. */
	readonly focus: number | null;
}

/** Commands the reducer handles (the rest go to the worker or the app). */
export type ViewCommand = Extract<
	CommandName,
	'nextView' | 'prevView' | 'toggleLog' | 'cycleXAxis' | 'toggleStats' | 'togglePoints' | 'nextRun' | 'prevRun' | 'help' | 'dismiss'
>;

export type DashboardAction =
	| WorkerMessage
	| {readonly type: 'command'; readonly command: ViewCommand}
	/** Shown at once when a key pauses or resumes; the worker's next snapshot confirms it. */
	| {readonly type: 'pausing'; readonly paused: boolean};

const VIEW_COMMANDS: readonly CommandName[] = ['nextView', 'prevView', 'toggleLog', 'cycleXAxis', 'toggleStats', 'togglePoints', 'nextRun', 'prevRun', 'help', 'dismiss'];

/** Whether the reducer handles `command`. */
export function isViewCommand(command: CommandName): command is ViewCommand {
	return VIEW_COMMANDS.includes(command);
}

/**
 * The views a scenario offers, in Tab order. Surface scenarios open on the race map. The boundary
 * view needs 2-D data: every toy set is; a CSV's width is known only once the worker's first probe
 * brings a boundary (the reducer adds the view then).
 */
export function scenarioViews(scenario: Scenario): readonly ViewName[] {
	if (scenario.kind === 'surface') return ['race', 'loss'];
	const planar = scenario.runs.length > 0 && scenario.runs.some((r) => r.dataset.kind === 'toy');
	return planar ? ['loss', 'gradients', 'boundary', 'histograms', 'activations'] : ['loss', 'gradients', 'histograms', 'activations'];
}

/** The scenario's depth for the activation explorer: its most hidden layers (10 when unknown). */
export function scenarioDepth(scenario: Scenario): number {
	if (scenario.kind !== 'network' || scenario.runs.length === 0) return 10;
	return Math.max(1, ...scenario.runs.map((r) => r.model.hidden.length));
}

/** The state before the first snapshot: view hints from the scenario, pace from the CLI. */
export function initialDashboardState(scenario: Scenario, options: {readonly speed?: Speed; readonly paused?: boolean} = {}): DashboardState {
	const xAxes: readonly XAxis[] = scenario.kind === 'network' ? ['step', 'epoch', 'samples', 'seconds'] : ['step', 'seconds'];
	const views = scenarioViews(scenario);
	return {
		runs: [],
		received: false,
		paused: options.paused ?? false,
		finished: false,
		speed: options.speed ?? 'max',
		stepsPerSecond: 0,
		samplesPerSecond: 0,
		view: views[0]!,
		views,
		logScale: scenario.view.loss === 'log',
		xAxis: xAxes.includes(scenario.view.x) ? scenario.view.x : xAxes[0]!,
		xAxes,
		helpOpen: false,
		showStats: true,
		error: null,
		pendingPause: null,
		probes: null,
		probeData: null,
		showTest: false,
		focus: null,
	};
}

/** A copy of `series` with `points` appended (the previous state's series is left untouched). */
function appended(series: BoundedSeries<HistoryPoint>, points: readonly HistoryPoint[]): BoundedSeries<HistoryPoint> {
	if (points.length === 0) return series;
	const next = new BoundedSeries<HistoryPoint>(series.capacity);
	for (const p of series.points) next.push(p);
	for (const p of points) next.push(p);
	return next;
}

/** The item after (or before) `current` in `items`, wrapping around. */
function cycle<T>(items: readonly T[], current: T, by: 1 | -1): T {
	const k = items.indexOf(current);
	return items[(k + by + items.length) % items.length] ?? current;
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
	switch (action.type) {
		case 'snapshot': {
			const runs = action.runs.map((run, k): RunView => {
				const previous = state.runs[k];
				const history = previous && previous.state.label === run.label ? previous.history : new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY);
				return {state: run, history: appended(history, run.newPoints)};
			});
			const {finished, speed, stepsPerSecond, samplesPerSecond} = action;
			// A snapshot posted before the worker read the key must not flip the screen back for a frame.
			const confirmed = state.pendingPause === null || state.pendingPause === action.paused;
			const paused = confirmed ? action.paused : state.pendingPause!;
			return {...state, runs, received: true, paused, pendingPause: confirmed ? null : state.pendingPause, finished, speed, stepsPerSecond, samplesPerSecond, error: null};
		}
		case 'probe': {
			// A CSV turns out to be 2-D: offer its boundary view after the gradients.
			const planar = action.runs.some((r) => r.boundary) && !state.views.includes('boundary');
			const at = state.views.indexOf('gradients') + 1;
			const views = planar ? [...state.views.slice(0, at), 'boundary' as const, ...state.views.slice(at)] : state.views;
			// Probes without a grid (the boundary view is not shown) keep the last grid for a quick return.
			const probes = action.runs.map((r, k) => (r.boundary || !state.probes?.[k]?.boundary ? r : {...r, boundary: state.probes[k]!.boundary}));
			return {...state, probes, probeData: action.data ?? state.probeData, views};
		}
		case 'reset':
			return {
				...state,
				runs: state.runs.map((r) => ({state: r.state, history: new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY)})),
				received: false,
				finished: false,
				error: null,
				probes: null,
				probeData: null,
			};
		case 'error':
			return {...state, error: action.message};
		case 'command':
			return applyCommand(state, action.command);
		case 'pausing':
			return {...state, paused: action.paused, pendingPause: action.paused};
	}
}

function applyCommand(state: DashboardState, command: ViewCommand): DashboardState {
	switch (command) {
		case 'nextView':
			return {...state, view: cycle(state.views, state.view, 1)};
		case 'prevView':
			return {...state, view: cycle(state.views, state.view, -1)};
		case 'toggleLog':
			return {...state, logScale: !state.logScale};
		case 'cycleXAxis':
			return {...state, xAxis: cycle(state.xAxes, state.xAxis, 1)};
		case 'toggleStats':
			return {...state, showStats: !state.showStats};
		case 'togglePoints':
			return {...state, showTest: !state.showTest};
		case 'nextRun':
		case 'prevRun':
			return {...state, focus: cycleFocus(state.focus, state.runs.length, command === 'nextRun' ? 1 : -1)};
		case 'help':
			return {...state, helpOpen: !state.helpOpen};
		case 'dismiss':
			return {...state, helpOpen: false};
	}
}

/** All runs (null), then each run in turn, then all again. */
export function cycleFocus(focus: number | null, runs: number, by: 1 | -1): number | null {
	if (runs === 0) return null;
	const k = focus === null || focus >= runs ? runs : focus; // `runs` stands for "all"
	const next = (k + by + runs + 1) % (runs + 1);
	return next === runs ? null : next;
}

/** The next speed level up (`by` = 1) or down (−1) from `speed`, which need not be on the ladder. */
export function changeSpeed(speed: Speed, by: 1 | -1): Speed {
	const numeric = speedLevels.filter((s): s is number => s !== 'max');
	if (by > 0) {
		if (speed === 'max') return 'max';
		return numeric.find((s) => s > speed) ?? 'max';
	}
	if (speed === 'max') return numeric.at(-1)!;
	return numeric.findLast((s) => s < speed) ?? numeric[0]!;
}

/** What the worker must be told for a command, if anything. */
export function workerCommand(state: DashboardState, command: CommandName): Command | null {
	switch (command) {
		case 'togglePause':
			return {type: state.paused ? 'resume' : 'pause'};
		case 'step':
			return {type: 'step'};
		case 'restart':
			return {type: 'restart'};
		case 'faster':
			return {type: 'speed', speed: changeSpeed(state.speed, 1)};
		case 'slower':
			return {type: 'speed', speed: changeSpeed(state.speed, -1)};
		case 'quit':
			return {type: 'quit'};
		default:
			return null;
	}
}

/** What the worker must compute while `view` shows (send it when the first view is a probe view). */
export function watchCommand(view: ViewName): Command {
	return {type: 'watch', boundary: view === 'boundary'};
}

/** Where a key's command goes: the reducer, the worker, and/or the app (quit, back, export, chapters). */
export interface Routed {
	readonly action?: DashboardAction;
	readonly worker?: Command;
	readonly app?: Extract<CommandName, 'quit' | 'back' | 'export' | 'nextChapter' | 'prevChapter'>;
}

/**
 * Routes a command. While help is open every key but quit just closes it, so a person reading the
 * help never restarts a run by accident.
 */
export function routeCommand(state: DashboardState, command: CommandName): Routed {
	if (state.helpOpen && command !== 'quit') return {action: {type: 'command', command: 'dismiss'}};
	if (command === 'nextView' || command === 'prevView') {
		// The worker computes decision boundaries only while they are on screen.
		const next = applyCommand(state, command).view;
		const watch = (next === 'boundary') !== (state.view === 'boundary');
		return watch ? {action: {type: 'command', command}, worker: watchCommand(next)} : {action: {type: 'command', command}};
	}
	if (isViewCommand(command)) return {action: {type: 'command', command}};
	const worker = workerCommand(state, command) ?? undefined;
	// The screen answers the key before the worker does (it may be mid-step or mid-probe).
	if (command === 'togglePause') return {action: {type: 'pausing', paused: !state.paused}, worker};
	if (command === 'step') return {action: {type: 'pausing', paused: true}, worker};
	switch (command) {
		case 'quit':
		case 'back':
		case 'export':
		case 'nextChapter':
		case 'prevChapter':
			return worker ? {worker, app: command} : {app: command};
		default:
			return worker ? {worker} : {};
	}
}

/** The furthest step any run has reached (runs move in lockstep until their budgets differ). */
export function currentStep(runs: readonly RunView[]): number {
	return runs.reduce((m, r) => Math.max(m, r.state.step), 0);
}
