/**
 * What the views are handed: the view names and a run as the dashboard holds it. Shared here so a
 * view reads runs without importing the dashboard's state or reducer.
 */
import type {HistoryPoint, RunState} from '../../runner/protocol.js';

/** The dashboard's views: the list lives with the scenario format, which names them (scenarios/types.ts). */
import type {ViewName} from '../../scenarios/types.js';
export type {ViewName};

/** The views that need the worker's costly pictures (it computes them only while one shows): the input plane, the images' guesses. */
export const PICTURE_VIEWS: readonly ViewName[] = ['boundary', 'fit', 'images'];

/** A run's history as of one dashboard state, oldest point first. */
export interface RunHistoryView {
	/** Read it when drawing; do not keep it (key memos on the run, not on this array). */
	readonly points: readonly HistoryPoint[];
	readonly length: number;
}

/** One run as the dashboard holds it. */
export interface RunView {
	/** The latest state the worker sent. */
	readonly state: RunState;
	/** Everything received since the last reset, bounded. */
	readonly history: RunHistoryView;
	/** Steps after which a set-point changed the run's lr or momentum (the file's or a live one), since the last reset. */
	readonly changedAt?: readonly number[];
}
