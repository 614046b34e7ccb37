/**
 * The teaching views' looks inside a session's network runs: decision-boundary grids (2-D data),
 * gradient histograms and predictions on image data, plus the data points the boundary is drawn
 * over and the images. Called by the worker a
 * few times a second, never by the headless path, so only the dashboard pays for it.
 */
import {DIGITS_SIDE} from '../core/data/index.js';
import {type PlaneBounds, confusionMatrix, gradientHistograms, planeBounds, predictPlane, predictRows, squareBounds, unionBounds} from '../core/probe.js';
import type {ClassificationSplit, DataSplit, Dataset, LabelledRows} from '../core/types.js';
import type {ImageSamples, PlanePoints, ProbeData, ProbeMessage, RunProbe} from './protocol.js';
import type {Session} from './session.js';

/**
 * Grid cells per side; the views resample it to their size. A forward pass per cell: 48² cells
 * cost 1–9 ms per lesson network (three layers of 16: ~1 ms; ten of 16: ~6 ms; eight of 32:
 * ~9 ms; `npm run bench:render`), so the worker also spaces probes by their measured cost.
 */
export const PROBE_GRID = 48;
/** Points sent for the overlay: enough to show the data's shape, few enough to stay readable. */
export const MAX_TRAIN_POINTS = 300;
export const MAX_TEST_POINTS = 100;
/** Sample images sent for the images view: more than a wide terminal shows. */
export const MAX_IMAGES = 40;

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

/** The rows of a labelled set to show: the first of each class, then the second of each, … at most `max`. */
export function sampleRows(set: LabelledRows, max: number): number[] {
	const byClass = Array.from({length: set.classes}, () => [] as number[]);
	for (let r = 0; r < set.n; r++) byClass[set.y[r]!]?.push(r);
	const rows: number[] = [];
	for (let round = 0; rows.length < max && byClass.some((c) => c.length > round); round++) {
		for (const c of byClass) if (round < c.length && rows.length < max) rows.push(c[round]!);
	}
	return rows;
}

/**
 * The images to draw: `rows` of `set` as pixels in [0, 1], with standardising undone and the
 * brightness range of the images spread over 0 … 1 (for display only; training sees the data as given).
 */
export function imageSamples(split: ClassificationSplit, set: LabelledRows, which: 'test' | 'train', rows: readonly number[], side: number): ImageSamples {
	const size = side * side;
	const pixels = new Float32Array(rows.length * size);
	const z = split.standardization;
	let lo = Infinity;
	let hi = -Infinity;
	rows.forEach((row, k) => {
		for (let j = 0; j < size; j++) {
			const v = set.x[row * set.features + j]!;
			const raw = z ? (z.scale[j] ? v / z.scale[j]! + z.mean[j]! : z.mean[j]!) : v;
			pixels[k * size + j] = raw;
			if (raw < lo) lo = raw;
			if (raw > hi) hi = raw;
		}
	});
	const span = hi > lo ? hi - lo : 1;
	for (let k = 0; k < pixels.length; k++) pixels[k] = (pixels[k]! - (Number.isFinite(lo) ? lo : 0)) / span;
	return {width: side, height: side, pixels, labels: Uint8Array.from(rows, (r) => set.y[r]!), classNames: split.classNames, split: which, rows: set.n};
}

/** Probes a session's runs; keeps its scratch buffers between calls. */
export class Prober {
	private readonly grid: number;
	private readonly scratch: Float64Array;
	/** The data split the bounds and points were taken from (a restart builds new ones). */
	private source: DataSplit | null = null;
	private bounds: PlaneBounds | null = null;
	private dataSent = false;
	/** Image data: the split drawn from, its rows shown, and every row's predicted class (scratch). */
	private images: {source: ClassificationSplit; set: LabelledRows; rows: number[]; predicted: Uint8Array; sent: boolean} | null = null;
	/** Per run: the step and probe of the last call, reused while the run stands still (finished, diverged, paused). */
	private cache: {step: number; boundary: boolean; probe: RunProbe}[] = [];

	constructor(options: ProberOptions = {}) {
		this.grid = Math.max(2, Math.floor(options.grid ?? PROBE_GRID));
		this.scratch = new Float64Array(2 * this.grid * this.grid);
	}

	/** Sends the data again with the next probe (after a restart). */
	reset(): void {
		this.dataSent = false;
		this.source = null;
		this.bounds = null;
		this.images = null;
		this.cache = [];
	}

	/** The image data of a session whose runs train on digits (the first such run's split), else null. */
	private imageData(session: Session): ClassificationSplit | null {
		const scenario = session.scenario;
		if (scenario.kind !== 'network') return null;
		const k = scenario.runs.findIndex((r) => r.dataset.kind === 'digits');
		const data = k < 0 ? null : session.runs[k]?.trainer?.data;
		return data?.task === 'classification' && data.train.features === DIGITS_SIDE * DIGITS_SIDE ? data : null;
	}

	/**
	 * The latest histograms of a network session's runs, and their boundary grids when `boundary`
	 * (the costly part, wanted only while the boundary view shows); null for a surface session.
	 */
	probe(session: Session, boundary = true): ProbeMessage | null {
		if (session.scenario.kind !== 'network') return null;
		const found = session.runs.find((d) => d.trainer && d.trainer.data.train.features === 2)?.trainer?.data;
		// The boundary is of classes; a regression set's 2-D picture is the fit view's (not yet drawn).
		const planar = found?.task === 'classification' ? found : null;
		if (planar !== this.source) {
			this.reset();
			this.source = planar;
			this.bounds = planar ? dataBounds(planar) : null;
		}
		const imageSource = this.imageData(session);
		if (imageSource !== (this.images?.source ?? null)) {
			const which = imageSource && imageSource.test.n > 0 ? 'test' : 'train';
			const set = imageSource?.[which];
			this.images = imageSource && set ? {source: imageSource, set, rows: sampleRows(set, MAX_IMAGES), predicted: new Uint8Array(set.n), sent: false} : null;
			this.cache = [];
		}
		const images = this.images;
		const bounds = this.bounds;
		const n = this.grid;
		const runs = session.runs.map((driver, k): RunProbe => {
			const trainer = driver.trainer;
			if (!trainer) return {};
			const cached = this.cache[k];
			if (cached && cached.step === driver.step && (cached.boundary || !boundary)) return cached.probe;
			const net = trainer.network;
			const histograms = gradientHistograms(net);
			let probe: RunProbe = {histograms};
			if (boundary && bounds && net.layers[0] === 2 && trainer.data.task === 'classification') {
				const cells = new Uint8Array(n * n);
				predictPlane(net, bounds, n, n, cells, this.scratch);
				probe = {histograms, boundary: {width: n, height: n, cells, bounds}};
			}
			if (images && trainer.data === images.source) {
				predictRows(net, images.set.x, images.set.n, images.predicted);
				const predicted = Uint8Array.from(images.rows, (r) => images.predicted[r]!);
				probe = {...probe, images: {predicted, confusion: confusionMatrix(images.predicted, images.set.y, images.set.n, images.set.classes)}};
			}
			this.cache[k] = {step: driver.step, boundary, probe};
			return probe;
		});
		let samples: ImageSamples | undefined;
		if (images && !images.sent) {
			images.sent = true;
			samples = imageSamples(images.source, images.set, images.set === images.source.test ? 'test' : 'train', images.rows, DIGITS_SIDE);
		}
		const withImages = samples ? {images: samples} : {};
		if (this.dataSent || !planar || !bounds) return {type: 'probe', runs, ...withImages};
		this.dataSent = true;
		const data: ProbeData = {
			bounds,
			classes: planar.train.classes,
			train: subsample(planar.train, MAX_TRAIN_POINTS),
			test: subsample(planar.test, MAX_TEST_POINTS),
		};
		return {type: 'probe', runs, data, ...withImages};
	}
}
