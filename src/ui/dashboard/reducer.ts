/** The dashboard's reducer: worker messages and the keys' view commands in, a new state out. */
import type {InspectProbe, RunProbe, SliceProbe, Speed} from '../../runner/protocol.js';
import {type InspectorChoice, moveSelection, phaseCount} from '../views/inspector/choice.js';
import type {ViewName} from '../views/model.js';
import {nextMode, stepChoice} from '../views/slope/choice.js';
import {RunHistory} from './history.js';
import {type DashboardAction, type DashboardState, type HeldRun, type ViewCommand, inspectedRun} from './state.js';

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
			// A CSV turns out to have a picture (2-D classes, or targets on 1 or 2 inputs): offer its view before the histograms, as scenarioViews does.
			const data = action.data ?? state.probeData;
			const picture: ViewName | null = data ? (data.kind === 'classes' ? 'boundary' : 'fit') : null;
			const at = state.views.includes('histograms') ? state.views.indexOf('histograms') : state.views.length;
			const views = picture && !state.views.includes(picture) ? [...state.views.slice(0, at), picture, ...state.views.slice(at)] : state.views;
			// Probes without a picture, an inspection or a slice (their view is not shown) keep the last ones for a quick return.
			const probes = action.runs.map((r, k) => keepLooks(r, state.probes?.[k]));
			const next = {...state, probes, probeData: data, images: action.images ?? state.images, views};
			return {...next, inspector: followWalk(state.inspector, inspection(next))};
		}
		case 'reset':
			return {
				...state,
				inspector: {...state.inspector, phase: null, walking: null},
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
			// Resuming leaves the inspector's walk through one step: it follows training live again.
			return {...state, paused: action.paused, pendingPause: action.paused, inspector: action.paused ? state.inspector : {...state.inspector, phase: null, walking: null}};
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
		case 'nextPhase':
		case 'prevPhase':
			return stepPhase(state, command === 'nextPhase' ? 1 : -1);
		case 'selectUp':
		case 'selectDown':
		case 'selectLeft':
		case 'selectRight': {
			const shown = inspection(state);
			if (shown?.inspection.kind !== 'step') return state;
			const direction = ({selectUp: 'up', selectDown: 'down', selectLeft: 'left', selectRight: 'right'} as const)[command];
			return withInspector(state, {selection: moveSelection(state.inspector.selection, shown.inspection.layers, direction)});
		}
		case 'toggleAlone':
			return withInspector(state, {alone: !state.inspector.alone});
		case 'nextExample':
		case 'prevExample': {
			const rows = inspection(state)?.batchRows ?? 0;
			if (rows === 0) return state;
			const row = (((state.inspector.row + (command === 'nextExample' ? 1 : -1)) % rows) + rows) % rows;
			return withInspector(state, {row});
		}
		case 'sliceMode':
			return {...state, slope: nextMode(state.slope)};
		case 'sliceUp':
		case 'sliceDown': {
			const shown = shownSlice(state);
			return {...state, slope: stepChoice(state.slope, shown ? {param: shown.slice.param, layers: shown.layers} : null, command === 'sliceDown' ? 1 : -1)};
		}
	}
}

function withInspector(state: DashboardState, change: Partial<InspectorChoice>): DashboardState {
	return {...state, inspector: {...state.inspector, ...change}};
}

/** The latest inspection of the run the inspector shows, or null. */
export function inspection(state: DashboardState): InspectProbe | null {
	return state.probes?.[inspectedRun(state)]?.inspect ?? null;
}

/** The latest slice of the first run the slope view shows (the focused one, else the first), or null. */
export function shownSlice(state: DashboardState): SliceProbe | null {
	return state.probes?.[state.focus ?? 0]?.slice ?? null;
}

/**
 * `.` and `,`: the first `.` starts walking through the step on screen (the routing pauses the
 * run), each next one shows the next phase. At the update `.` stays: the routing has the worker
 * take that step, and its successor's inspection starts the walk over (see followWalk).
 */
function stepPhase(state: DashboardState, by: 1 | -1): DashboardState {
	const shown = inspection(state);
	if (shown?.inspection.kind !== 'step') return state;
	const last = phaseCount(shown.inspection.layers.length - 1) - 1;
	const {phase} = state.inspector;
	if (phase === null) {
		if (by < 0) return state;
		const pause = state.paused ? {} : {paused: true, pendingPause: true};
		return {...state, ...pause, inspector: {...state.inspector, phase: 0, walking: shown.step}};
	}
	return withInspector(state, {phase: Math.max(0, Math.min(last, phase + by))});
}

/**
 * While walking through a step, an inspection of another step: after the update (the user's `.`
 * took the step) the walk starts over on the next one; earlier (the run paused a step or two
 * later than the one on screen when `.` paused it) the walk goes on where it was, on the step the
 * run really stopped at, rather than jumping back to its first phase under the user's keys.
 */
function followWalk(choice: InspectorChoice, shown: InspectProbe | null): InspectorChoice {
	if (choice.phase === null || !shown || shown.step === choice.walking) return choice;
	const update = shown.inspection.kind === 'step' ? phaseCount(shown.inspection.layers.length - 1) - 1 : 0;
	return {...choice, phase: choice.phase >= update ? 0 : choice.phase, walking: shown.step};
}

/** A probe with the boundary grid, inspection and slice of `previous` where it brought none. */
function keepLooks(probe: RunProbe, previous: RunProbe | undefined): RunProbe {
	if (!previous) return probe;
	const boundary = probe.boundary ?? previous.boundary;
	const fit = probe.fit ?? previous.fit;
	const images = probe.images ?? previous.images;
	const inspect = probe.inspect ?? previous.inspect;
	const slice = probe.slice ?? previous.slice;
	if (boundary === probe.boundary && fit === probe.fit && images === probe.images && inspect === probe.inspect && slice === probe.slice) return probe;
	return {...probe, ...(boundary ? {boundary} : {}), ...(fit ? {fit} : {}), ...(images ? {images} : {}), ...(inspect ? {inspect} : {}), ...(slice ? {slice} : {})};
}

/** All runs (null), then each run in turn, then all again. */
export function cycleFocus(focus: number | null, runs: number, by: 1 | -1): number | null {
	if (runs === 0) return null;
	const k = focus === null || focus >= runs ? runs : focus; // `runs` stands for "all"
	const next = (k + by + runs + 1) % (runs + 1);
	return next === runs ? null : next;
}
