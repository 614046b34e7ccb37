/** The dashboard's reducer: worker messages and the keys' view commands in, a new state out. */
import type {Speed} from '../../runner/protocol.js';
import type {ViewName} from '../views/model.js';
import {RunHistory} from './history.js';
import type {DashboardAction, DashboardState, HeldRun, ViewCommand} from './state.js';

/** The item after (or before) `current` in `items`, wrapping around. */
function cycle<T>(items: readonly T[], current: T, by: 1 | -1): T {
	const k = items.indexOf(current);
	return items[(k + by + items.length) % items.length] ?? current;
}

/** A run's history so far: kept while the run at that place is the same run. */
function historyOf(previous: HeldRun | undefined, label: string): RunHistory {
	return previous && previous.state.label === label ? previous.history : RunHistory.empty();
}

/**
 * What the screen shows for a setting the keys changed: the key's choice until the worker's
 * snapshot says the same (a snapshot posted before the worker read the key must not flip it back).
 */
function confirmed<T>(reported: T, pending: T | null): {value: T; pending: T | null} {
	return pending === null || pending === reported ? {value: reported, pending: null} : {value: pending, pending};
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
	switch (action.type) {
		case 'snapshot': {
			const runs = action.runs.map((run, k): HeldRun => {
				const previous = state.runs[k]?.state.label === run.label ? state.runs[k] : undefined;
				const changedAt = run.newSetPoints.length === 0 ? (previous?.changedAt ?? []) : [...(previous?.changedAt ?? []), ...run.newSetPoints.map((p) => p.at)];
				return {state: run, history: historyOf(previous, run.label).append(run.newPoints), changedAt};
			});
			const {finished, stepsPerSecond, samplesPerSecond} = action;
			const paused = confirmed(action.paused, state.pendingPause);
			const speed = confirmed<Speed>(action.speed, state.pendingSpeed);
			return {
				...state,
				runs,
				received: true,
				paused: paused.value,
				pendingPause: paused.pending,
				speed: speed.value,
				pendingSpeed: speed.pending,
				finished,
				stepsPerSecond,
				samplesPerSecond,
				error: null,
			};
		}
		case 'probe': {
			// A CSV turns out to have a picture (2-D classes, or targets on 1 or 2 inputs): offer its view after the gradients.
			const data = action.data ?? state.probeData;
			const picture: ViewName | null = data ? (data.kind === 'classes' ? 'boundary' : 'fit') : null;
			const at = state.views.indexOf('gradients') + 1;
			const views = picture && !state.views.includes(picture) ? [...state.views.slice(0, at), picture, ...state.views.slice(at)] : state.views;
			// Probes without a picture (its view is not shown) keep the last one for a quick return.
			const probes = action.runs.map((r, k) => {
				const last = state.probes?.[k];
				return {
					...r,
					...(!r.boundary && last?.boundary ? {boundary: last.boundary} : {}),
					...(!r.fit && last?.fit ? {fit: last.fit} : {}),
					...(!r.images && last?.images ? {images: last.images} : {}),
				};
			});
			return {...state, probes, probeData: data, images: action.images ?? state.images, views};
		}
		case 'reset':
			return {
				...state,
				runs: state.runs.map((r) => ({state: r.state, history: RunHistory.empty(), changedAt: []})),
				received: false,
				finished: false,
				error: null,
				probes: null,
				probeData: null,
				images: null,
				followCaptions: true,
			};
		case 'error':
			return {...state, error: action.message};
		case 'command':
			return applyCommand(state, action.command);
		case 'pausing':
			return {...state, paused: action.paused, pendingPause: action.paused};
		case 'speeding':
			return {...state, speed: action.speed, pendingSpeed: action.speed};
		case 'helping':
			// Shown at once, like 'pausing'; the worker's next snapshot confirms the pause or resume.
			return {...state, helpOpen: action.open, helpPaused: action.open, paused: action.open, pendingPause: action.open};
		case 'show':
			return state.followCaptions && state.views.includes(action.view) && state.view !== action.view ? {...state, view: action.view} : state;
	}
}

export function applyCommand(state: DashboardState, command: ViewCommand): DashboardState {
	switch (command) {
		case 'nextView':
			return {...state, view: cycle(state.views, state.view, 1), followCaptions: false};
		case 'prevView':
			return {...state, view: cycle(state.views, state.view, -1), followCaptions: false};
		case 'toggleLog':
			return {...state, logScale: !state.logScale};
		case 'cycleXAxis':
			return {...state, xAxis: cycle(state.xAxes, state.xAxis, 1)};
		case 'toggleStats':
			return {...state, showStats: !state.showStats};
		case 'togglePoints':
			return {...state, showTest: !state.showTest};
		case 'toggleSmooth':
			return {...state, smooth: !state.smooth};
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
