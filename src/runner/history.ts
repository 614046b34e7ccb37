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
 * A run's own history: samples one step in `stride`, and doubles the stride each time it halves,
 * so the kept points stay evenly spaced in steps. `take()` hands out the points added since the
 * last call (what a snapshot sends).
 */
export class DecimatedHistory<T> extends BoundedSeries<T> {
	private stride = 1;
	private offered = 0;
	private outbox: T[] = [];
	/** The newest point was forced (a run's last step): halving must keep it. */
	private forced = false;

	/** Offers the point for step `offered`; it is kept if it falls on the stride. */
	offer(item: T, force = false): void {
		this.offered++;
		if (!force && (this.offered - 1) % this.stride !== 0) return;
		this.outbox.push(item);
		this.forced = force;
		this.push(item);
	}

	take(): T[] {
		const out = this.outbox;
		this.outbox = [];
		return out;
	}

	/** Drops the odd points, so the kept ones stay on the doubled stride (a forced newest point stays too). */
	protected override halve(): void {
		super.halve(this.forced);
		this.stride *= 2;
	}

	override clear(): void {
		super.clear();
		this.stride = 1;
		this.offered = 0;
		this.outbox = [];
	}
}
