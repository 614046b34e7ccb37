/**
 * What the views are handed: the view names and a run as the dashboard holds it. Shared here so a
 * view reads runs without importing the dashboard's state or reducer.
 */
import type {HistoryPoint, RunState} from '../../runner/protocol.js';

/**
 * The dashboard's views: loss curves, gradient bars, the decision boundary (2-D classification),
 * the fit (1-D and 2-D regression), gradient histograms, the activation explorer, the optimizer
 * race map (surface scenarios), and test images with each run's guesses and confusion matrix
 * (image data).
 */
export type ViewName = 'loss' | 'gradients' | 'boundary' | 'fit' | 'histograms' | 'activations' | 'race' | 'images';

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
