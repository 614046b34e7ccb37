/**
 * A recording on the dashboard (`gradlab view RUNS.jsonl`), as pure data: the dashboard's state as
 * of one recorded step, and the keys that move that step. The dashboard draws it as it draws a
 * lesson; nothing trains. What a record holds is what shows: the loss and accuracy (or R²) per
 * step, each layer's gradient norms and statistics; no probes, so no boundary, fit or histograms.
 */
import type {HistoryPoint, RunState} from '../../../runner/protocol.js';
import type {RecordedRun, Recording} from '../../../records/read.js';
import type {StepRecord} from '../../../records/records.js';
import type {NetworkScenario, XAxis} from '../../../scenarios/types.js';
import {RunHistory} from '../../dashboard/history.js';
import {applyCommand} from '../../dashboard/reducer.js';
import {type DashboardState, type HeldRun, type ViewCommand, initialDashboardState} from '../../dashboard/state.js';
import type {CommandName} from '../../input/keymap.js';
import type {ViewName} from '../../views/model.js';

/** The commands that move through a recording. */
export type ReplayMove = Extract<CommandName, 'later' | 'earlier' | 'muchLater' | 'muchEarlier' | 'toStart' | 'toEnd'>;

export interface ReplayState {
	readonly recording: Recording;
	/** Every step some run recorded, rising: where the moves can land. */
	readonly steps: readonly number[];
	/** The index in `steps` shown. */
	readonly at: number;
	/** What the dashboard draws. */
	readonly dashboard: DashboardState;
}

/** A scenario that only names the recording: its title is the file's name; no runs to train, no captions. */
export function replayScenario(name: string): NetworkScenario {
	return {kind: 'network', id: name, file: name, title: {en: name, ko: name}, summary: {en: '', ko: ''}, notes: [], speed: 'max', view: {show: 'loss', x: 'step', loss: 'log', along: 'weight'}, runs: []};
}

/** The views a recording can fill: the loss, and the gradient bars when layers were recorded. */
function replayViews(recording: Recording): ViewName[] {
	const layers = recording.runs.some((run) => run.records.some((r) => r.layers.length > 0));
	return layers ? ['loss', 'gradients'] : ['loss'];
}

/** The x units the records have: a headless record has no seconds, a race's no epochs. */
function replayAxes(recording: Recording): XAxis[] {
	const base: XAxis[] = recording.surface ? ['step'] : ['step', 'epoch', 'samples'];
	return recording.seconds ? [...base, 'seconds'] : base;
}

function pointOf(r: StepRecord): HistoryPoint {
	return {
		step: r.step,
		epoch: r.epoch,
		samples: r.samples,
		seconds: r.seconds ?? Number.NaN,
		loss: r.loss,
		accuracy: r.accuracy,
		testLoss: r.testLoss,
		testAccuracy: r.testAccuracy,
		...(r.r2 === undefined ? {} : {r2: r.r2, testR2: r.testR2 ?? Number.NaN}),
		...(r.x === undefined ? {} : {x: r.x, y: r.y ?? Number.NaN}),
	};
}

/** How many of `records` (steps rising) are at or before `step`. */
function countUpTo(records: readonly StepRecord[], step: number): number {
	let low = 0;
	let high = records.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (records[mid]!.step <= step) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** The last finite value of `pick` among `records`, NaN if none (test figures are measured now and then). */
function lastFinite(records: readonly StepRecord[], pick: (r: StepRecord) => number | undefined): number {
	for (let k = records.length - 1; k >= 0; k--) {
		const v = pick(records[k]!);
		if (v !== undefined && Number.isFinite(v)) return v;
	}
	return Number.NaN;
}

/** A recorded run as of `step`: its latest record then, and its history up to it. */
function runAt(run: RecordedRun, step: number): HeldRun {
	const shown = run.records.slice(0, countUpTo(run.records, step));
	const last = shown.at(-1);
	const state: RunState = {
		label: run.label,
		step: last?.step ?? 0,
		epoch: last?.epoch ?? 0,
		samples: last?.samples ?? 0,
		loss: last?.loss ?? Number.NaN,
		accuracy: last?.accuracy ?? Number.NaN,
		testLoss: lastFinite(shown, (r) => r.testLoss),
		testAccuracy: lastFinite(shown, (r) => r.testAccuracy),
		r2: last?.r2 ?? Number.NaN,
		testR2: lastFinite(shown, (r) => r.testR2),
		layers: last?.layers ?? [],
		diverged: last?.diverged ?? false,
		divergedAt: last?.diverged ? last.divergedAt : null,
		...(last?.x === undefined ? {} : {position: [last.x, last.y ?? Number.NaN] as const}),
		// Not recorded.
		lr: Number.NaN,
		momentum: null,
		newSetPoints: [],
		newPoints: [],
	};
	// Set-points (where lr or momentum changed) are not recorded.
	return {state, history: RunHistory.empty().append(shown.map(pointOf)), changedAt: []};
}

/** The dashboard as of `step`: each run's latest record then, the histories up to it. */
function dashboardAt(base: DashboardState, recording: Recording, step: number, last: boolean): DashboardState {
	return {...base, runs: recording.runs.map((run) => runAt(run, step)), received: true, paused: !last, finished: last};
}

/** A recording shown at its last step, on the loss chart. */
export function initialReplayState(recording: Recording, name: string): ReplayState {
	const steps = [...new Set(recording.runs.flatMap((run) => run.records.map((r) => r.step)))].sort((a, b) => a - b);
	const views = replayViews(recording);
	const xAxes = replayAxes(recording);
	const base: DashboardState = {...initialDashboardState(replayScenario(name)), views, view: views[0]!, xAxes, xAxis: xAxes[0]!};
	const at = steps.length - 1;
	return {recording, steps, at, dashboard: dashboardAt(base, recording, steps[at]!, true)};
}

/** The step index a move lands on: 1% or 10% of the recorded steps (at least one), or either end. */
export function moveTo(move: ReplayMove, at: number, count: number): number {
	const small = Math.max(1, Math.round(count / 100));
	const large = Math.max(1, Math.round(count / 10));
	const to = {later: at + small, earlier: at - small, muchLater: at + large, muchEarlier: at - large, toStart: 0, toEnd: count - 1}[move];
	return Math.max(0, Math.min(count - 1, to));
}

const MOVES: readonly CommandName[] = ['later', 'earlier', 'muchLater', 'muchEarlier', 'toStart', 'toEnd'];
const VIEW_COMMANDS: readonly CommandName[] = ['nextView', 'prevView', 'toggleLog', 'cycleXAxis', 'toggleStats', 'help', 'dismiss'];
const isMove = (command: CommandName): command is ReplayMove => MOVES.includes(command);
const isViewCommand = (command: CommandName): command is ViewCommand => VIEW_COMMANDS.includes(command);

/** A replay's key: a move redraws the dashboard at its step; a view command changes the view as in a lesson; others (quit) are the screen's. */
export function replayReducer(state: ReplayState, command: CommandName): ReplayState {
	if (isMove(command)) {
		const at = moveTo(command, state.at, state.steps.length);
		if (at === state.at) return state;
		return {...state, at, dashboard: dashboardAt(state.dashboard, state.recording, state.steps[at]!, at === state.steps.length - 1)};
	}
	if (isViewCommand(command)) return {...state, dashboard: applyCommand(state.dashboard, command)};
	return state;
}
