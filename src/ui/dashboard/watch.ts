/**
 * What the worker must compute for the view on screen, derived from the dashboard's state: the
 * screen sends it whenever it changes (a key, a resize, a run that arrives), so the costly looks —
 * decision boundaries and fits, the inspector's step, loss slices — run only while they are shown.
 */
import type {Watch} from '../../runner/protocol.js';
import {slopeRuns} from '../views/slope/layout.js';
import {type DashboardState, inspectedRun} from './state.js';

/** `columns`: the terminal's width (the views that watch fill it). */
export function watchFor(state: DashboardState, columns: number): Watch {
	switch (state.view) {
		case 'boundary':
		case 'fit':
		case 'images':
			return {boundary: true};
		case 'inspector': {
			const {row, alone} = state.inspector;
			return {boundary: false, inspect: {run: inspectedRun(state), row, alone}};
		}
		case 'slope': {
			const {mode, param, seed} = state.slope;
			const runs = slopeRuns(state.focus, state.runs.length, columns - 2);
			return {boundary: false, slope: {runs, mode, ...(param ? {param} : {}), seed}};
		}
		default:
			return {boundary: false};
	}
}
