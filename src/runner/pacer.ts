/**
 * Decides how many steps to take now for a speed setting. Pure arithmetic over the times it is
 * given, so the worker's loop stays small and this stays testable.
 */
import type {Speed} from './protocol.js';

/** Time slice a tick may spend training at full speed before yielding to messages. */
export const MAX_SLICE_MS = 12;

export class Pacer {
	private credit = 0;
	private last: number | null = null;

	/** Steps owed at `now` (ms) for a rate of `speed` steps per second; `max` means "as many as fit". */
	due(speed: Speed, now: number): number {
		if (speed === 'max') {
			this.last = now;
			return Number.POSITIVE_INFINITY;
		}
		const elapsed = this.last === null ? 0 : Math.min(now - this.last, 250);
		this.last = now;
		this.credit = Math.min(this.credit + (elapsed * speed) / 1000, Math.max(1, speed / 10));
		const steps = Math.floor(this.credit);
		this.credit -= steps;
		return steps;
	}

	/** Forgets elapsed time (after a pause) so no burst of steps follows. */
	reset(): void {
		this.credit = 0;
		this.last = null;
	}
}

/** Counts events over a trailing window to report a rate. */
export class RateMeter {
	private readonly times: number[] = [];
	private readonly counts: number[] = [];

	constructor(private readonly windowMs = 1000) {}

	add(count: number, now: number): void {
		this.times.push(now);
		this.counts.push(count);
		// Keep the newest sample older than the window as the baseline: at 1 step/s the window
		// holds a single step, and the rate needs the time since the one before it.
		while (this.times.length > 2 && now - this.times[1]! > this.windowMs) {
			this.times.shift();
			this.counts.shift();
		}
	}

	/** Events per second over the window (0 until two samples exist). */
	rate(now: number): number {
		if (this.times.length === 0 || now - this.times[0]! > this.windowMs * 2) return 0;
		const span = Math.max(now - this.times[0]!, 1);
		let total = 0;
		for (let k = 1; k < this.counts.length; k++) total += this.counts[k]!;
		return (total * 1000) / span;
	}
}
