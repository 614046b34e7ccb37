/** Messages between the dashboard/headless front ends and the training worker. All plain data. */
import type {LayerStats} from '../core/types.js';

/** One point of a run's loss history. Test figures are NaN between evaluations. */
export interface HistoryPoint {
	readonly step: number;
	readonly epoch: number;
	readonly samples: number;
	/** Wall-clock seconds of training (pauses excluded). */
	readonly seconds: number;
	readonly loss: number;
	readonly accuracy: number;
	readonly testLoss: number;
	readonly testAccuracy: number;
	/** Surface runs: the point on the surface after this step. */
	readonly x?: number;
	readonly y?: number;
}

/** The latest state of one run. */
export interface RunState {
	readonly label: string;
	readonly step: number;
	readonly epoch: number;
	readonly samples: number;
	readonly loss: number;
	readonly accuracy: number;
	readonly testLoss: number;
	readonly testAccuracy: number;
	/** Per dense layer, input side first; empty for surface runs. */
	readonly layers: readonly LayerStats[];
	readonly diverged: boolean;
	readonly divergedAt: number | null;
	/** Surface runs: the current point. */
	readonly position?: readonly [number, number];
	/** Points added since the previous snapshot (the receiver appends them to its own bounded history). */
	readonly newPoints: readonly HistoryPoint[];
}

export type Speed = number | 'max';

export interface Snapshot {
	readonly type: 'snapshot';
	readonly runs: readonly RunState[];
	readonly paused: boolean;
	/** True once every run has reached its step budget or diverged. */
	readonly finished: boolean;
	/** Steps per second per run, averaged over the last second. */
	readonly stepsPerSecond: number;
	/** Training samples per second, summed over runs. */
	readonly samplesPerSecond: number;
	readonly speed: Speed;
}

export type WorkerMessage =
	| Snapshot
	/** Sent after a restart: the receiver drops its history. */
	| {readonly type: 'reset'}
	| {readonly type: 'error'; readonly message: string};

export type Command =
	| {readonly type: 'pause'}
	| {readonly type: 'resume'}
	| {readonly type: 'step'}
	| {readonly type: 'restart'}
	| {readonly type: 'speed'; readonly speed: Speed}
	| {readonly type: 'quit'};
