/**
 * A run's history on the UI side, shared between dashboard states instead of copied into each.
 *
 * Snapshots arrive 15 times a second, and every state the reducer makes must keep showing the
 * history as it was for that state (the panels draw an older state than the status line, see
 * panel-rate.ts). So a `RunHistory` is a view — an array and a length — onto an append-only
 * array shared by every state of the run:
 * - appending pushes onto the shared array and returns a longer view; older views still end at
 *   their own length, so points from their future never show in them;
 * - appending to a view that is no longer the array's end (a reducer run twice on one state)
 *   copies its own points first, so two futures never mix;
 * - when the array fills up, the kept points (every other one, and the newest) go into a NEW
 *   array: decimation never drops points from under an older state, which still holds the old
 *   array until it is dropped itself. Memory stays within two arrays of CAPACITY per run.
 * Appending costs the new points, plus a copy of half the capacity once per half capacity.
 */
import type {HistoryPoint} from '../../runner/protocol.js';
import type {RunHistoryView} from '../views/model.js';

/** Points of history kept per run on the UI side. */
export const HISTORY_CAPACITY = 2000;

export class RunHistory implements RunHistoryView {
	private shown: readonly HistoryPoint[] | null = null;

	private constructor(
		private readonly store: HistoryPoint[],
		readonly length: number,
		readonly capacity: number,
	) {}

	static empty(capacity = HISTORY_CAPACITY): RunHistory {
		if (capacity < 4 || capacity % 2 !== 0) throw new Error('capacity must be an even number ≥ 4');
		return new RunHistory([], 0, capacity);
	}

	/** The points of this view (the shared array itself while this view is its end). */
	get points(): readonly HistoryPoint[] {
		if (this.store.length === this.length) return this.store;
		this.shown ??= this.store.slice(0, this.length);
		return this.shown;
	}

	/** A view with `points` appended; this one is left as it is. */
	append(points: readonly HistoryPoint[]): RunHistory {
		if (points.length === 0) return this;
		const store = this.store.length === this.length ? this.store : this.store.slice(0, this.length);
		if (store.length + points.length < this.capacity) {
			store.push(...points);
			return new RunHistory(store, store.length, this.capacity);
		}
		// Full: the kept points go into a new array, the shared one is left to the older views.
		let kept = [...store, ...points];
		while (kept.length >= this.capacity) {
			const newest = kept.at(-1)!;
			kept = kept.filter((_, k) => k % 2 === 0);
			if (kept.at(-1) !== newest) kept.push(newest);
		}
		return new RunHistory(kept, kept.length, this.capacity);
	}
}
