/**
 * Keeps a split lesson's workers in step. One worker trains its runs in lockstep, so their curves
 * grow side by side; split across workers (client.ts), each worker publishes how many steps its
 * runs have taken in one Int32 slot of shared memory, and takes its next step only while it is at
 * most a little ahead of the slowest worker still training. The runs' results never depend on
 * this (each run is trained alone from its seed); only how far apart they stand on the screen.
 */
import type {GateSlot} from './protocol.js';

export interface StepGate {
	/** Whether this worker may take its step number `next` (1-based) now; it takes `perSecond` steps a second lately. */
	mayStep(next: number, perSecond: number): boolean;
	/** This worker's runs have taken `steps` steps; `done` once they train no more (finished), so it holds nobody back. */
	publish(steps: number, done?: boolean): void;
}

/** What a worker that trains no more publishes: more than any step count. */
const DONE = 0x7fffffff;

/**
 * Steps a worker may run ahead of the slowest one: a few, 1/16 of the steps so far, or what it
 * trains in a quarter of a second, whichever is most. Enough that a worker seldom waits on the
 * others' scheduling (a busy machine may leave a thread unscheduled for tens of milliseconds);
 * too little to see on a chart for long.
 */
export function slack(steps: number, perSecond: number): number {
	return Math.max(16 + Math.floor(steps / 16), Math.floor(perSecond / 4));
}

export class SharedGate implements StepGate {
	private readonly slots: Int32Array;
	private readonly index: number;

	constructor(slot: GateSlot) {
		this.slots = new Int32Array(slot.progress);
		this.index = slot.index;
		if (this.index < 0 || this.index >= this.slots.length) throw new RangeError(`no gate slot ${this.index} of ${this.slots.length}`);
	}

	mayStep(next: number, perSecond: number): boolean {
		let slowest = DONE;
		for (let k = 0; k < this.slots.length; k++) if (k !== this.index) slowest = Math.min(slowest, Atomics.load(this.slots, k));
		return slowest === DONE || next <= slowest + slack(slowest, perSecond);
	}

	publish(steps: number, done = false): void {
		Atomics.store(this.slots, this.index, done ? DONE : steps);
	}
}
