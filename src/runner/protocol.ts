/**
 * Everything that crosses to and from the training worker: its set-up and every message. All
 * plain data (structured-clone safe: no functions, no class instances; typed arrays clone cheaply).
 */
import type {Inspection} from '../core/inspect.js';
import type {PlaneBounds} from '../core/probe.js';
import type {Change, SetPoint} from '../core/schedule.js';
import type {LossSlice, ParamRef, SliceMode} from '../core/slope.js';
import type {Checkpoint, DataSplit, LayerStats} from '../core/types.js';
import type {Scenario, Speed} from '../scenarios/types.js';

/** Overrides from the command line, the same for every run of a lesson. */
export interface LessonOptions {
	/** Overrides every run's seed. */
	readonly seed?: number;
	/** Overrides every run's step budget. */
	readonly steps?: number;
	/** Points a receiver keeps per run before its series halves (the worker samples to fit). */
	readonly historyCapacity?: number;
}

/**
 * What one network run trains on, read and built once per lesson (files included) and reused by
 * every restart. Runs with the same data set and seed share one split.
 */
export interface RunInputs {
	readonly data: DataSplit;
	/** A saved checkpoint to start from; null for seeded initial weights. */
	readonly initial: Checkpoint | null;
}

/** How the worker starts: a lesson with its inputs already read, and how to pace it. */
export interface WorkerInit {
	readonly scenario: Scenario;
	readonly options: LessonOptions;
	/** One per network run, in run order; empty for a surface scenario. */
	readonly inputs: readonly RunInputs[];
	/** Snapshots per second at most. */
	readonly snapshotsPerSecond: number;
	readonly speed: Speed;
	readonly paused: boolean;
	/** Compute decision-boundary grids or fit pictures from the start (otherwise only after a `watch` command). */
	readonly boundary?: boolean;
	/**
	 * Frames mode, for recordings: train only when told to `advance`, answer each with one
	 * snapshot (and a probe every few), and report time and rates by frame count rather than by
	 * the clock — so the same seed and size draw the same frames on any machine, however loaded.
	 */
	readonly frames?: boolean;
	/**
	 * A lesson split across several workers (client.ts): where this one publishes how far its runs
	 * have got, beside the others', so none runs ahead of the rest (see gate.ts). Absent for one worker.
	 */
	readonly gate?: GateSlot;
}

/** One worker's slot among its lesson's workers: an Int32 per worker in shared memory. */
export interface GateSlot {
	readonly progress: SharedArrayBuffer;
	readonly index: number;
}

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
	/** Regression runs only: R² of the batch, and of the test split (NaN between evaluations). */
	readonly r2?: number;
	readonly testR2?: number;
	/** Surface runs: the point on the surface after this step. */
	readonly x?: number;
	readonly y?: number;
	/** Network runs: each layer's statistics, packed (see packed-layers.ts); the export writes them. */
	readonly layers?: Float64Array;
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
	/** Regression runs: R² of the last batch and of the test split (NaN otherwise). */
	readonly r2: number;
	readonly testR2: number;
	/** Per dense layer, input side first; empty for surface runs. */
	readonly layers: readonly LayerStats[];
	readonly diverged: boolean;
	readonly divergedAt: number | null;
	/** Surface runs: the current point. */
	readonly position?: readonly [number, number];
	/** The learning rate the next step uses (after the run's schedule). */
	readonly lr: number;
	/** The momentum the next step uses, for optimizers that have one (sgd, momentum, nesterov, rmsprop); else null. */
	readonly momentum: number | null;
	/**
	 * Set-points that took effect since the previous snapshot, from the file or live (`set`), each
	 * at the step after which it acts: where the loss chart marks a change. A live one is what to
	 * record in the scenario (scenarios/edit.ts withLiveChange); recording a file's again changes nothing.
	 */
	readonly newSetPoints: readonly SetPoint[];
	/** Points added since the previous snapshot (the receiver appends them to its own bounded history). */
	readonly newPoints: readonly HistoryPoint[];
}

export type {Speed};

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

/** A network's predicted class over a grid of the input plane: the decision boundary. */
export interface BoundaryGrid {
	readonly width: number;
	readonly height: number;
	/** width × height class indices, row-major, row 0 at the top (largest y); 255 = no prediction. */
	readonly cells: Uint8Array;
	readonly bounds: PlaneBounds;
}

/** The backprop inspector's look at one run's next step (core/inspect.ts), as the worker computed it. */
export interface InspectProbe {
	/** Steps the run had taken: the inspection is of step `step + 1`, the one it takes next. */
	readonly step: number;
	/** The batch row the units show (the request's, kept inside the batch). */
	readonly row: number;
	/** The step is that row's alone (a batch of one), not the mini-batch's. */
	readonly alone: boolean;
	/** Rows in the run's next batch. */
	readonly batchRows: number;
	readonly inspection: Inspection;
}

/** The slope view's loss slice through one run's parameters (core/slope.ts). */
export interface SliceProbe {
	/** Steps the run had taken: the slice is of the batch and parameters of step `step + 1`. */
	readonly step: number;
	/** The learning rate that step uses. */
	readonly lr: number;
	/** The run's layer sizes, input first (for choosing another weight). */
	readonly layers: readonly number[];
	readonly slice: LossSlice;
}

/**
 * A regression network's prediction of its first target (the fit view): along the input window's
 * x at `FitData.curve` evenly spaced points, both ends included (1-D inputs), or at the centre of
 * each cell of a width × height grid over the window, row 0 at the top (2-D inputs). NaN where the
 * network's output is not finite.
 */
export type FitPicture =
	| {readonly kind: 'curve'; readonly values: Float32Array}
	| {readonly kind: 'map'; readonly width: number; readonly height: number; readonly values: Float32Array};

/** What the teaching views see inside one run; absent fields were not computed. */
export interface RunProbe {
	/** 2-D classification data only. */
	readonly boundary?: BoundaryGrid;
	/** Regression on 1-D or 2-D inputs only. */
	readonly fit?: FitPicture;
	/** Per dense layer (input side first): counts of |∂L/∂W| in log-magnitude bins (see core/probe.ts). */
	readonly histograms?: readonly (readonly number[])[];
	/** Only for the run the inspector watches. */
	readonly inspect?: InspectProbe;
	/** Only for the runs the slope view watches (none once a run has diverged). */
	readonly slice?: SliceProbe;
	/** Image data only. */
	readonly images?: ImagePredictions;
}

/** A run's predictions on image data. */
export interface ImagePredictions {
	/** The predicted class of each sample image (ImageSamples order); 255 = none (a diverged network). */
	readonly predicted: Uint8Array;
	/** classes × classes counts over the split's rows: row = true class, column = predicted (core/probe.ts confusionMatrix). */
	readonly confusion: Uint32Array;
}

/** A few images of image data to draw, and what the confusion matrices count: sent once after a start or restart. */
export interface ImageSamples {
	readonly width: number;
	readonly height: number;
	/** count × height × width brightness, 0 (background) … 1 (ink), row-major per image. */
	readonly pixels: Float32Array;
	/** Each image's true class. */
	readonly labels: Uint8Array;
	readonly classNames: readonly string[];
	/** The split the images and the matrices come from (the test split, or the training rows when there is none) and its size. */
	readonly split: 'test' | 'train';
	readonly rows: number;
}

/** Labelled points of the plane, subsampled: x and y interleaved (x0, y0, x1, y1, …). */
export interface PlanePoints {
	readonly xy: Float32Array;
	readonly labels: Uint8Array;
}

/** The data the boundary is drawn over: sent once after a start or restart. */
export interface ProbeData {
	readonly kind: 'classes';
	readonly bounds: PlaneBounds;
	readonly classes: number;
	readonly train: PlanePoints;
	readonly test: PlanePoints;
}

/** Points with real targets, subsampled: their inputs (one or two per point, interleaved) and first target. */
export interface TargetPoints {
	readonly x: Float32Array;
	readonly targets: Float32Array;
}

/** The data a regression's fit is drawn over: sent once after a start or restart. */
export interface FitData {
	readonly kind: 'fit';
	readonly inputs: 1 | 2;
	/**
	 * The window: 1-D, x from xMin to xMax and the first target from yMin to yMax; 2-D, the square
	 * of the two inputs (as the boundary's).
	 */
	readonly bounds: PlaneBounds;
	/** The first target's smallest and largest value over the training and test rows (the shading's scale). */
	readonly low: number;
	readonly high: number;
	/** Points per curve (1-D). */
	readonly curve: number;
	/** The target columns' names; the view draws the first. */
	readonly targetNames: readonly string[];
	readonly train: TargetPoints;
	readonly test: TargetPoints;
}

/**
 * Looks inside the network runs, a few times a second (network scenarios only). Bounded: one grid
 * of a few thousand bytes and a few dozen histogram bins per layer per run.
 */
export interface ProbeMessage {
	readonly type: 'probe';
	/** One per run, in run order. */
	readonly runs: readonly RunProbe[];
	/** Present in the first probe after a start or restart: classes (the boundary) or targets (the fit). */
	readonly data?: ProbeData | FitData;
	/** Image data: present in the first probe after a start or restart. */
	readonly images?: ImageSamples;
}

/** The inspector's request: which run, which row of its batch, and whose step. */
export interface InspectWatch {
	readonly run: number;
	/** The batch row whose numbers the units show (kept inside the batch by the worker). */
	readonly row: number;
	/** Inspect that example's step alone (a batch of one) instead of the mini-batch's. */
	readonly alone: boolean;
}

/** The slope view's request: the loss along one line through each listed run's parameters. */
export interface SlopeWatch {
	readonly runs: readonly number[];
	readonly mode: SliceMode;
	/** 'weight' mode: the parameter to move where the run has it; absent for the steepest weight of each step. */
	readonly param?: ParamRef;
	/** 'random' mode: the direction's seed. */
	readonly seed: number;
}

/**
 * What the worker computes beyond the histograms because the dashboard shows it (each costly, so
 * only while on screen); an absent look is off.
 */
export interface Watch {
	/** Decision-boundary grids (2-D classification) and fit pictures (1-D and 2-D regression). */
	readonly boundary: boolean;
	readonly inspect?: InspectWatch;
	readonly slope?: SlopeWatch;
}

export type WorkerMessage =
	| Snapshot
	| ProbeMessage
	/** Sent after a restart: the receiver drops its history. */
	| {readonly type: 'reset'}
	| {readonly type: 'error'; readonly message: string};

export type Command =
	| {readonly type: 'pause'}
	| {readonly type: 'resume'}
	| {readonly type: 'step'}
	| {readonly type: 'restart'}
	| {readonly type: 'speed'; readonly speed: Speed}
	/** Frames mode (recordings): exactly this many steps, then one snapshot. */
	| {readonly type: 'advance'; readonly steps: number}
	/** What the dashboard shows that costs the worker time: it computes each only while asked (see Watch). */
	| ({readonly type: 'watch'} & Watch)
	/**
	 * Sent by a split lesson's client (never by the UI) once every worker has paused: train up to
	 * `step`, where the furthest worker stopped, so every run stands where one worker would have left it.
	 */
	| {readonly type: 'align'; readonly step: number}
	/** A live change: from run `run`'s current step on, these values (recorded as a set-point, see RunState.newSetPoints). */
	| ({readonly type: 'set'; readonly run: number} & Change)
	| {readonly type: 'quit'};
