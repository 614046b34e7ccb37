/**
 * The dashboard's state: what the worker last said (runs, histories, pace) and what the person
 * chose (view, scales, overlays), and the actions that change it. The reducer is reducer.ts;
 * where each key goes is routing.ts.
 */
import type {FitData, ImageSamples, ProbeData, RunProbe, Speed, WorkerMessage} from '../../runner/protocol.js';
import type {Scenario, XAxis} from '../../scenarios/types.js';
import type {CommandName, Scope} from '../input/keymap.js';
import {INITIAL_INSPECTOR, type InspectorChoice} from '../views/inspector/choice.js';
import type {RunView, ViewName} from '../views/model.js';
import {type SlopeChoice, initialSlope} from '../views/slope/choice.js';
import type {RunHistory} from './history.js';
import {inspectorRun, scenarioViews, scenarioXAxes, startingView} from './offer.js';

/** A run as the dashboard holds it: its history is shared with the states before (history.ts). */
export interface HeldRun extends RunView {
	readonly history: RunHistory;
	readonly changedAt: readonly number[];
}

export interface DashboardState {
	readonly runs: readonly HeldRun[];
	/** True once a snapshot has arrived (since start or the last reset). */
	readonly received: boolean;
	readonly paused: boolean;
	readonly finished: boolean;
	readonly speed: Speed;
	readonly stepsPerSecond: number;
	readonly samplesPerSecond: number;
	readonly view: ViewName;
	/**
	 * The view follows the captions (each shows the view it talks about) until the viewer picks
	 * one by hand; a restart hands it back to the captions.
	 */
	readonly followCaptions: boolean;
	/** The views this scenario offers, in Tab order. */
	readonly views: readonly ViewName[];
	/** Loss chart on a log10 scale. */
	readonly logScale: boolean;
	readonly xAxis: XAxis;
	/** The x units this scenario offers, in `x` order. */
	readonly xAxes: readonly XAxis[];
	readonly helpOpen: boolean;
	/** Opening the help paused training (it was running): closing it resumes. */
	readonly helpPaused: boolean;
	/** The saturation/dead column beside the gradient bars. */
	readonly showStats: boolean;
	/** The worker's last error, if any. */
	readonly error: string | null;
	/** A pause or resume the keys asked for that the worker has not confirmed yet (see 'pausing'). */
	readonly pendingPause: boolean | null;
	/** A speed the keys chose that the worker has not confirmed yet (see 'speeding'). */
	readonly pendingSpeed: Speed | null;
	/** The latest probe of each run (boundary grids, fit pictures, histograms); null until one arrives. */
	readonly probes: readonly RunProbe[] | null;
	/** The points the boundary or the fit is drawn over; null until the worker sends them. */
	readonly probeData: ProbeData | FitData | null;
	/** Image data's sample images; null until the worker sends them (or for other data). */
	readonly images: ImageSamples | null;
	/** Test data too: points on the decision boundary or the fit, test-loss lines on the loss chart. */
	readonly showTest: boolean;
	/** The loss chart draws the batch loss smoothed (a moving average) rather than raw. */
	readonly smooth: boolean;
	/** The run the views single out (drawn on top, or large; the inspector shows it), or null for all of them alike. */
	readonly focus: number | null;
	/** The run the inspector shows while `focus` is null. */
	readonly inspectorRun: number;
	/** The inspector's phase, selection and example. */
	readonly inspector: InspectorChoice;
	/** The line the slope view slices the loss along. */
	readonly slope: SlopeChoice;
}

/** Commands the reducer handles (the rest go to the worker or the app; the inspector's phase keys to both). */
export type ViewCommand = Extract<
	CommandName,
	| 'nextView'
	| 'prevView'
	| 'toggleLog'
	| 'cycleXAxis'
	| 'toggleStats'
	| 'togglePoints'
	| 'toggleSmooth'
	| 'nextRun'
	| 'prevRun'
	| 'help'
	| 'dismiss'
	| 'nextPhase'
	| 'prevPhase'
	| 'selectUp'
	| 'selectDown'
	| 'selectLeft'
	| 'selectRight'
	| 'toggleAlone'
	| 'nextExample'
	| 'prevExample'
	| 'sliceMode'
	| 'sliceUp'
	| 'sliceDown'
>;

export type DashboardAction =
	| WorkerMessage
	| {readonly type: 'command'; readonly command: ViewCommand}
	/** Shown at once when a key pauses or resumes; the worker's next snapshot confirms it. */
	| {readonly type: 'pausing'; readonly paused: boolean}
	/** Shown at once when a key changes the speed, so the next key steps on from it. */
	| {readonly type: 'speeding'; readonly speed: Speed}
	/** The help opens (pausing training that was running) or closes (resuming what it paused). */
	| {readonly type: 'helping'; readonly open: boolean}
	/** A caption's view (follow.ts): shown unless the viewer has picked a view by hand. */
	| {readonly type: 'show'; readonly view: ViewName};

/** The state before the first snapshot: the view and hints from the scenario, its pace from the set-up. */
export function initialDashboardState(scenario: Scenario, options: {readonly speed?: Speed; readonly paused?: boolean} = {}): DashboardState {
	const xAxes = scenarioXAxes(scenario);
	const views = scenarioViews(scenario);
	return {
		runs: [],
		received: false,
		paused: options.paused ?? false,
		finished: false,
		speed: options.speed ?? 'max',
		stepsPerSecond: 0,
		samplesPerSecond: 0,
		view: startingView(scenario),
		followCaptions: true,
		views,
		logScale: scenario.view.loss === 'log',
		xAxis: xAxes.includes(scenario.view.x) ? scenario.view.x : xAxes[0]!,
		xAxes,
		helpOpen: false,
		helpPaused: false,
		showStats: true,
		error: null,
		pendingPause: null,
		pendingSpeed: null,
		probes: null,
		probeData: null,
		images: null,
		showTest: false,
		smooth: true,
		focus: null,
		inspectorRun: inspectorRun(scenario),
		inspector: INITIAL_INSPECTOR,
		slope: initialSlope(scenario.view.along),
	};
}

/** The run the inspector shows: the one picked with [ ], else the scenario's default. */
export function inspectedRun(state: DashboardState): number {
	return state.focus ?? state.inspectorRun;
}

/** The furthest step any run has reached (runs move in lockstep until their budgets differ). */
export function currentStep(runs: readonly RunView[]): number {
	return runs.reduce((m, r) => Math.max(m, r.state.step), 0);
}

/** The keymap scope of a view: the inspector and the slope view have keys of their own. */
export function viewScope(view: ViewName): Scope {
	return view === 'inspector' || view === 'slope' ? view : 'lesson';
}

/** The keys in force on a lesson: the help's while it is open, else the view's. */
export function keyScope(state: DashboardState): Scope {
	return state.helpOpen ? 'help' : viewScope(state.view);
}
