/**
 * Two paces on one screen. The status line follows every snapshot (the step counter is the
 * pulse of a live run), but the panels — curves, bars, legend — redraw on every few snapshots
 * only: a chart that changes three times a second reads just as live, and redrawing it fifteen
 * times a second was most of the bytes sent to the terminal and most of the UI's CPU. Counting
 * snapshots rather than time keeps recordings deterministic. Paused, finished or freshly reset
 * runs show at once, and so does anything the person changes (view, scale, help).
 */
import {dashboardReducer} from './reducer.js';
import type {DashboardAction, DashboardState} from './state.js';

/** How often the panels redraw while training runs. */
export const PANEL_HZ = 3;

export interface PacedState {
	/** Everything, up to the latest snapshot: for the status line and the keys. */
	readonly live: DashboardState;
	/** What the panels draw: the same object until the next panel refresh, so memoised views skip the frames between. */
	readonly panel: DashboardState;
	readonly snapshots: number;
}

/** Snapshots between panel refreshes for a snapshot rate. */
export function panelEvery(snapshotsPerSecond: number): number {
	return Math.max(1, Math.round(snapshotsPerSecond / PANEL_HZ));
}

export function pacedReducer(every: number) {
	return (state: PacedState, action: DashboardAction): PacedState => {
		const live = dashboardReducer(state.live, action);
		if (live === state.live) return state;
		if (action.type !== 'snapshot') {
			// A key, a probe, a reset or an error: show it now, with the runs the panels already draw (none after a reset).
			return {...state, live, panel: action.type === 'reset' ? live : {...live, runs: state.panel.runs}};
		}
		const snapshots = state.snapshots + 1;
		const refresh = snapshots % every === 0 || action.paused || action.finished || state.panel.runs.length !== live.runs.length;
		return {live, snapshots, panel: refresh ? live : state.panel};
	};
}

export function initialPacedState(dashboard: DashboardState): PacedState {
	return {live: dashboard, panel: dashboard, snapshots: 0};
}
