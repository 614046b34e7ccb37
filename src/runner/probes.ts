/**
 * The teaching views' looks inside a session's network runs: gradient histograms always, and what
 * the dashboard watches — decision-boundary grids (2-D data), the backprop inspector's look at one
 * run's next step, loss slices for the slope view — plus the data points the boundary is drawn
 * over. Called by the worker a few times a second, never by the headless path, so only the
 * dashboard pays for it. Everything is per run, so runs trained in different workers merge.
 */
import {inspectStep} from '../core/inspect.js';
import {type PlaneBounds, gradientHistograms, planeBounds, predictPlane, squareBounds, unionBounds} from '../core/probe.js';
import {type ParamRef, lossSlice} from '../core/slope.js';
import type {Trainer} from '../core/trainer.js';
import type {DataSplit, Dataset} from '../core/types.js';
import type {InspectProbe, InspectWatch, PlanePoints, ProbeData, ProbeMessage, RunProbe, SliceProbe, SlopeWatch, Watch} from './protocol.js';
import type {Session} from './session.js';

/** Nothing watched: histograms only. */
export const NO_WATCH: Watch = {boundary: false};

/**
 * Grid cells per side; the views resample it to their size. A forward pass per cell: 48² cells
 * cost 1–9 ms per lesson network (three layers of 16: ~1 ms; ten of 16: ~6 ms; eight of 32:
 * ~9 ms; `npm run bench:render`), so the worker also spaces probes by their measured cost.
 */
export const PROBE_GRID = 48;
/** Points sent for the overlay: enough to show the data's shape, few enough to stay readable. */
export const MAX_TRAIN_POINTS = 300;
export const MAX_TEST_POINTS = 100;

export interface ProberOptions {
	/** Grid cells per side (default PROBE_GRID). */
	readonly grid?: number;
}

/** Every `stride`-th row of a 2-D data set, at most `max` of them. */
export function subsample(set: Dataset, max: number): PlanePoints {
	const stride = Math.max(1, Math.ceil(set.n / Math.max(1, max)));
	const count = Math.ceil(set.n / stride);
	const xy = new Float32Array(2 * count);
	const labels = new Uint8Array(count);
	for (let k = 0; k < count; k++) {
		const row = k * stride;
		xy[2 * k] = set.x[row * set.features]!;
		xy[2 * k + 1] = set.x[row * set.features + 1]!;
		labels[k] = set.y[row]!;
	}
	return {xy, labels};
}

/** The square window the boundary of `data` is drawn in: train and test points with a margin. */
export function dataBounds(data: DataSplit): PlaneBounds {
	const train = planeBounds(data.train.x, data.train.n);
	return squareBounds(data.test.n > 0 ? unionBounds(train, planeBounds(data.test.x, data.test.n)) : train);
}

/** Probes a session's runs; keeps its scratch buffers between calls. */
export class Prober {
	private readonly grid: number;
	private readonly scratch: Float64Array;
	/** The data split the bounds and points were taken from (a restart builds new ones). */
	private source: DataSplit | null = null;
	private bounds: PlaneBounds | null = null;
	private dataSent = false;
	/** Per run: the step, what was watched and the probe of the last call, reused while the run stands still (finished, diverged, paused). */
	private cache: {step: number; looks: string; probe: RunProbe}[] = [];

	constructor(options: ProberOptions = {}) {
		this.grid = Math.max(2, Math.floor(options.grid ?? PROBE_GRID));
		this.scratch = new Float64Array(2 * this.grid * this.grid);
	}

	/** Sends the data again with the next probe (after a restart). */
	reset(): void {
		this.dataSent = false;
		this.source = null;
		this.bounds = null;
		this.cache = [];
	}

	/**
	 * The latest histograms of a network session's runs, and what `wanted` asks for; null for a
	 * surface session.
	 */
	probe(session: Session, wanted: Watch = {boundary: true}): ProbeMessage | null {
		if (session.scenario.kind !== 'network') return null;
		const found = session.runs.find((d) => d.trainer && d.trainer.data.train.features === 2)?.trainer?.data;
		// The boundary is of classes; a regression set's 2-D picture is the fit view's (not yet drawn).
		const planar = found?.task === 'classification' ? found : null;
		if (planar !== this.source) {
			this.reset();
			this.source = planar;
			this.bounds = planar ? dataBounds(planar) : null;
		}
		const bounds = this.bounds;
		const n = this.grid;
		const runs = session.runs.map((driver, k): RunProbe => {
			const trainer = driver.trainer;
			if (!trainer) return {};
			const inspect = wanted.inspect?.run === k ? wanted.inspect : null;
			const slope = wanted.slope?.runs.includes(k) && !driver.diverged ? wanted.slope : null;
			const plane = wanted.boundary && trainer.network.layers[0] === 2 && trainer.data.task === 'classification' ? bounds : null;
			const looks = JSON.stringify([plane !== null, inspect, slope]);
			const cached = this.cache[k];
			if (cached && cached.step === driver.step && cached.looks === looks) return cached.probe;
			const net = trainer.network;
			const probe: {-readonly [K in keyof RunProbe]: RunProbe[K]} = {histograms: gradientHistograms(net)};
			if (plane) {
				const cells = new Uint8Array(n * n);
				predictPlane(net, plane, n, n, cells, this.scratch);
				probe.boundary = {width: n, height: n, cells, bounds: plane};
			}
			if (inspect) probe.inspect = inspectRun(trainer, driver.step, inspect);
			if (slope) probe.slice = sliceRun(trainer, driver.step, slope);
			this.cache[k] = {step: driver.step, looks, probe};
			return probe;
		});
		if (this.dataSent || !planar || !bounds) return {type: 'probe', runs};
		this.dataSent = true;
		const data: ProbeData = {
			bounds,
			classes: planar.train.classes,
			train: subsample(planar.train, MAX_TRAIN_POINTS),
			test: subsample(planar.test, MAX_TEST_POINTS),
		};
		return {type: 'probe', runs, data};
	}
}

/** The inspector's look at `trainer`'s next step: the mini-batch's at one row, or that row's alone. */
export function inspectRun(trainer: Trainer, step: number, watch: InspectWatch): InspectProbe {
	const input = trainer.nextStep();
	const batchRows = input.rows.length;
	const row = Math.max(0, Math.min(batchRows - 1, Math.floor(watch.row)));
	const inspection = watch.alone ? inspectStep({...input, rows: input.rows.subarray(row, row + 1)}, 0) : inspectStep(input, row);
	return {step, row, alone: watch.alone, batchRows, inspection};
}

/** The slope view's slice of `trainer`'s next step: the watched weight where this run has it, else its steepest. */
export function sliceRun(trainer: Trainer, step: number, watch: SlopeWatch): SliceProbe {
	const input = trainer.nextStep();
	const param = watch.param && hasParam(trainer.network.layers, watch.param) ? watch.param : undefined;
	return {step, lr: trainer.optimizer.lr, layers: [...trainer.network.layers], slice: lossSlice(input, {mode: watch.mode, param, seed: watch.seed})};
}

/** Whether a network of these layer sizes has the parameter. */
export function hasParam(layers: readonly number[], {layer, to, from}: ParamRef): boolean {
	const inside = (v: number, size: number | undefined) => Number.isInteger(v) && v >= 0 && size !== undefined && v < size;
	return inside(layer, layers.length - 1) && inside(to, layers[layer + 1]) && (from === null || inside(from, layers[layer]));
}
