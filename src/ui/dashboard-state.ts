/**
 * The dashboard's state: what the worker last said (runs, histories, pace) and what the person
 * chose (view, scales, overlays). A pure reducer over worker messages and keymap commands, plus
 * `workerCommand`, which turns a keymap command into what the worker must be told.
 */
import {BoundedSeries} from '../runner/history.js';
import type {Command, HistoryPoint, RunState, Speed, WorkerMessage} from '../runner/protocol.js';
import type {Scenario, XAxis} from '../scenarios/types.js';
import type {CommandName} from './keymap.js';

export type ViewName = 'loss' | 'gradients';

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
}

/** Commands the reducer handles (the rest go to the worker or the app). */
export type ViewCommand = Extract<CommandName, 'nextView' | 'prevView' | 'toggleLog' | 'cycleXAxis' | 'toggleStats' | 'help' | 'dismiss'>;

export type DashboardAction = WorkerMessage | {readonly type: 'command'; readonly command: ViewCommand};

const VIEW_COMMANDS: readonly CommandName[] = ['nextView', 'prevView', 'toggleLog', 'cycleXAxis', 'toggleStats', 'help', 'dismiss'];

/** Whether the reducer handles `command`. */
export function isViewCommand(command: CommandName): command is ViewCommand {
	return VIEW_COMMANDS.includes(command);
}

/** The state before the first snapshot: view hints from the scenario, pace from the CLI. */
export function initialDashboardState(scenario: Scenario, options: {readonly speed?: Speed; readonly paused?: boolean} = {}): DashboardState {
	const xAxes: readonly XAxis[] = scenario.kind === 'network' ? ['step', 'epoch', 'samples', 'seconds'] : ['step', 'seconds'];
	const views: readonly ViewName[] = scenario.kind === 'network' ? ['loss', 'gradients'] : ['loss'];
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
			const {paused, finished, speed, stepsPerSecond, samplesPerSecond} = action;
			return {...state, runs, received: true, paused, finished, speed, stepsPerSecond, samplesPerSecond, error: null};
		}
		case 'reset':
			return {
				...state,
				runs: state.runs.map((r) => ({state: r.state, history: new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY)})),
				received: false,
				finished: false,
				error: null,
			};
		case 'error':
			return {...state, error: action.message};
		case 'command':
			return applyCommand(state, action.command);
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
		case 'help':
			return {...state, helpOpen: !state.helpOpen};
		case 'dismiss':
			return {...state, helpOpen: false};
	}
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
	if (isViewCommand(command)) return {action: {type: 'command', command}};
	const worker = workerCommand(state, command) ?? undefined;
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
