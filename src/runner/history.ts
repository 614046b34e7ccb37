/**
 * Bounded histories. Memory stays flat however long a run trains: when full, every other point
 * is dropped, so old stretches keep their shape at a coarser resolution.
 */

/** Keeps at most `capacity` points; halves itself when full. Accepts every point offered. */
export class BoundedSeries<T> {
	private items: T[] = [];

	constructor(readonly capacity = 2000) {
		if (capacity < 4 || capacity % 2 !== 0) throw new Error('capacity must be an even number ≥ 4');
	}

	get points(): readonly T[] {
		return this.items;
	}

	get length(): number {
		return this.items.length;
	}

	push(item: T): void {
		this.items.push(item);
		if (this.items.length >= this.capacity) this.halve();
	}

	clear(): void {
		this.items = [];
	}

	/** Keeps every other point, and the newest too when `keepNewest` (a chart should end at the latest value). */
	protected halve(keepNewest = true): void {
		const last = this.items.at(-1)!;
		this.items = this.items.filter((_, k) => k % 2 === 0);
		if (keepNewest && this.items.at(-1) !== last) this.items.push(last);
	}
}

/**
 * Chooses which of a run's steps become history points, and holds them only until the next
 * snapshot takes them: the receiver keeps the history (the dashboard's BoundedSeries), so the
 * worker keeps none. One step in `stride` is sampled, and the stride doubles each time a
 * receiver's series of `capacity` would halve, so the points sent stay evenly spaced in steps
 * and the receiver's memory stays flat.
 */
export class HistorySampler<T> {
	private stride = 1;
	private offered = 0;
	/** Points sampled since the stride last doubled (what a receiver's series would hold). */
	private kept = 0;
	private outbox: T[] = [];

	constructor(readonly capacity = 2000) {
		if (capacity < 4 || capacity % 2 !== 0) throw new Error('capacity must be an even number ≥ 4');
	}

	/** Points waiting for `take()`. */
	get length(): number {
		return this.outbox.length;
	}

	/**
	 * Offers the next step's point; it is made and kept if it falls on the stride, or if `force`
	 * (a run's last step, which a chart must end at). Most steps fall between: they build nothing.
	 */
	offer(make: () => T, force = false): void {
		this.offered++;
		if (!force && (this.offered - 1) % this.stride !== 0) return;
		this.outbox.push(make());
		// A receiver that never takes (headless) must not make this grow without bound; one that
		// takes at least every `capacity` points (the dashboard, 15 times a second) never hits this.
		if (this.outbox.length >= this.capacity) this.outbox = everyOther(this.outbox);
		this.kept++;
		if (this.kept >= this.capacity) {
			// The receiver's series halves here (keeping a forced newest point): sample half as often.
			this.kept = this.capacity / 2 + (force ? 1 : 0);
			this.stride *= 2;
		}
	}

	/** The points sampled since the last call. */
	take(): T[] {
		const out = this.outbox;
		this.outbox = [];
		return out;
	}
}

/** Every other item, and the newest too. */
function everyOther<T>(items: readonly T[]): T[] {
	const out = items.filter((_, k) => k % 2 === 0);
	if (items.length % 2 === 0) out.push(items.at(-1)!);
	return out;
}
