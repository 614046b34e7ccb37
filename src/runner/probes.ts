/**
 * The teaching views' looks inside a session's network runs: gradient histograms always, and what
 * the dashboard watches — decision-boundary grids (2-D classification), fit curves and maps (1-D
 * and 2-D regression), predictions and confusion matrices on image data, the backprop inspector's
 * look at one run's next step, loss slices for the slope view — plus the data points and images
 * the pictures are drawn from. Called by the worker a few times a second, never by the headless
 * path, so only the dashboard pays for it. Everything is per run, so runs trained in different
 * workers merge.
 */
import {DIGITS_SIDE} from '../core/data/index.js';
import {inspectStep} from '../core/inspect.js';
import {type PlaneBounds, confusionMatrix, gradientHistograms, planeBounds, predictCurve, predictPlane, predictRows, predictValues, squareBounds, unionBounds} from '../core/probe.js';
import {type ParamRef, lossSlice} from '../core/slope.js';
import type {Trainer} from '../core/trainer.js';
import type {ClassificationSplit, DataSplit, Dataset, LabelledRows, RegressionSplit, TargetRows} from '../core/types.js';
import type {FitData, FitPicture, ImageSamples, InspectProbe, InspectWatch, PlanePoints, ProbeData, ProbeMessage, RunProbe, SliceProbe, SlopeWatch, TargetPoints, Watch} from './protocol.js';
import type {Session} from './session.js';

/**
 * Grid cells per side; the views resample it to their size. A forward pass per cell: 48² cells
 * cost 1–9 ms per lesson network (three layers of 16: ~1 ms; ten of 16: ~6 ms; eight of 32:
 * ~9 ms; `npm run bench:render`), so the worker also spaces probes by their measured cost.
 */
export const PROBE_GRID = 48;
/** Points along a 1-D fit curve: two per column of a 128-column plot (a few hundred forward rows). */
export const FIT_CURVE_POINTS = 256;
/** Points sent for the overlay: enough to show the data's shape, few enough to stay readable. */
export const MAX_TRAIN_POINTS = 300;
export const MAX_TEST_POINTS = 100;
/** Sample images sent for the images view: more than a wide terminal shows. */
export const MAX_IMAGES = 40;

export interface ProberOptions {
	/** Grid cells per side (default PROBE_GRID). */
	readonly grid?: number;
}

/** Every `stride`-th row of a set, at most `max` of them. */
function strided(set: Dataset, max: number): number[] {
	const stride = Math.max(1, Math.ceil(set.n / Math.max(1, max)));
	return Array.from({length: Math.ceil(set.n / stride)}, (_, k) => k * stride);
}

/** Every `stride`-th row of a 2-D labelled set, at most `max` of them. */
export function subsample(set: LabelledRows, max: number): PlanePoints {
	const rows = strided(set, max);
	const xy = new Float32Array(2 * rows.length);
	const labels = new Uint8Array(rows.length);
	rows.forEach((row, k) => {
		xy[2 * k] = set.x[row * set.features]!;
		xy[2 * k + 1] = set.x[row * set.features + 1]!;
		labels[k] = set.y[row]!;
	});
	return {xy, labels};
}

/** Every `stride`-th row of a 1-D or 2-D set with targets: its inputs and its first target, at most `max` of them. */
export function subsampleTargets(set: TargetRows, max: number): TargetPoints {
	const rows = strided(set, max);
	const d = set.features;
	const x = new Float32Array(d * rows.length);
	const targets = new Float32Array(rows.length);
	rows.forEach((row, k) => {
		for (let j = 0; j < d; j++) x[d * k + j] = set.x[row * d + j]!;
		targets[k] = set.y[row * set.outputs]!;
	});
	return {x, targets};
}

/** The square window the boundary (or 2-D fit) of `data` is drawn in: train and test points with a margin. */
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

/** The first target's smallest and largest value over both sets. */
function targetRange(data: RegressionSplit): {low: number; high: number} {
	let low = Infinity;
	let high = -Infinity;
	for (const set of [data.train, data.test]) {
		for (let k = 0; k < set.n; k++) {
			const t = set.y[k * set.outputs]!;
			if (t < low) low = t;
			if (t > high) high = t;
		}
	}
	return Number.isFinite(low) ? {low, high} : {low: 0, high: 0};
}

/** The window of a 1-D fit: x over both sets, y over the targets, with a margin. */
function curveBounds(data: RegressionSplit, low: number, high: number): PlaneBounds {
	let lo = Infinity;
	let hi = -Infinity;
	for (const set of [data.train, data.test]) {
		for (const x of set.x) {
			if (x < lo) lo = x;
			if (x > hi) hi = x;
		}
	}
	const margin = (min: number, max: number, share: number): [number, number] => {
		const pad = max > min ? (max - min) * share : 1;
		return [min - pad, max + pad];
	};
	const [xMin, xMax] = margin(lo, hi, 0.02);
	const [yMin, yMax] = margin(low, high, 0.1);
	return {xMin, xMax, yMin, yMax};
}

/** What a session's data lets the views draw: nothing, a boundary or a fit. */
type Picture = {readonly kind: 'classes'; readonly data: ProbeData} | {readonly kind: 'fit'; readonly data: FitData} | null;

/** The picture of `data`: classes on 2 features, targets on 1 or 2. */
function pictureOf(data: DataSplit | undefined): Picture {
	if (!data) return null;
	if (data.task === 'classification') {
		if (data.train.features !== 2) return null;
		const train = subsample(data.train, MAX_TRAIN_POINTS);
		return {kind: 'classes', data: {kind: 'classes', bounds: dataBounds(data), classes: data.train.classes, train, test: subsample(data.test, MAX_TEST_POINTS)}};
	}
	const inputs = data.train.features;
	if (inputs !== 1 && inputs !== 2) return null;
	const {low, high} = targetRange(data);
	const fit: FitData = {
		kind: 'fit',
		inputs,
		bounds: inputs === 1 ? curveBounds(data, low, high) : dataBounds(data),
		low,
		high,
		curve: FIT_CURVE_POINTS,
		targetNames: data.targetNames,
		train: subsampleTargets(data.train, MAX_TRAIN_POINTS),
		test: subsampleTargets(data.test, MAX_TEST_POINTS),
	};
	return {kind: 'fit', data: fit};
}

/** Probes a session's runs; keeps its scratch buffers between calls. */
export class Prober {
	private readonly grid: number;
	private readonly scratch: Float64Array;
	/** The data split the picture was taken from (a restart builds new ones). */
	private source: DataSplit | null = null;
	private picture: Picture = null;
	private dataSent = false;
	/** Image data: the split drawn from, its rows shown, and every row's predicted class (scratch). */
	private images: {source: ClassificationSplit; set: LabelledRows; rows: number[]; predicted: Uint8Array; sent: boolean} | null = null;
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
		this.picture = null;
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
	 * The latest histograms of a network session's runs, and what `wanted` asks for: boundary grids,
	 * fit pictures or image predictions (`boundary`, while such a view shows), the inspector's step,
	 * loss slices; null for a surface session.
	 */
	probe(session: Session, wanted: Watch = {boundary: true}): ProbeMessage | null {
		if (session.scenario.kind !== 'network') return null;
		const data = session.runs.find((d) => d.trainer)?.trainer?.data;
		if ((data ?? null) !== this.source) {
			this.reset();
			this.source = data ?? null;
			this.picture = pictureOf(data);
		}
		const imageSource = this.imageData(session);
		if (imageSource !== (this.images?.source ?? null)) {
			const which = imageSource && imageSource.test.n > 0 ? 'test' : 'train';
			const set = imageSource?.[which];
			this.images = imageSource && set ? {source: imageSource, set, rows: sampleRows(set, MAX_IMAGES), predicted: new Uint8Array(set.n), sent: false} : null;
			this.cache = [];
		}
		const images = this.images;
		const picture = this.picture;
		const runs = session.runs.map((driver, k): RunProbe => {
			const trainer = driver.trainer;
			if (!trainer) return {};
			const net = trainer.network;
			// A run whose own data differs in kind or width from the picture's (a run may override the data set) gets none.
			const fits = trainer.data.task === (picture?.kind === 'classes' ? 'classification' : 'regression') && net.layers[0] === trainer.data.train.features;
			const pictured = wanted.boundary && fits ? picture : null;
			const inspect = wanted.inspect?.run === k ? wanted.inspect : null;
			const slope = wanted.slope?.runs.includes(k) && !driver.diverged ? wanted.slope : null;
			const imaged = wanted.boundary && images !== null && trainer.data === images.source;
			const looks = JSON.stringify([pictured !== null, imaged, inspect, slope]);
			const cached = this.cache[k];
			if (cached && cached.step === driver.step && cached.looks === looks) return cached.probe;
			const probe: {-readonly [K in keyof RunProbe]: RunProbe[K]} = {histograms: gradientHistograms(net)};
			if (pictured?.kind === 'classes') {
				const n = this.grid;
				const cells = new Uint8Array(n * n);
				predictPlane(net, pictured.data.bounds, n, n, cells, this.scratch);
				probe.boundary = {width: n, height: n, cells, bounds: pictured.data.bounds};
			} else if (pictured?.kind === 'fit') {
				probe.fit = this.fit(net, pictured.data);
			}
			// Every row of the image set through the network: costly, so only while a picture view shows.
			if (imaged) {
				predictRows(net, images.set.x, images.set.n, images.predicted);
				const predicted = Uint8Array.from(images.rows, (r) => images.predicted[r]!);
				probe.images = {predicted, confusion: confusionMatrix(images.predicted, images.set.y, images.set.n, images.set.classes)};
			}
			if (inspect) probe.inspect = inspectRun(trainer, driver.step, inspect);
			if (slope) probe.slice = sliceRun(trainer, driver.step, slope);
			this.cache[k] = {step: driver.step, looks, probe};
			return probe;
		});
		let samples: ImageSamples | undefined;
		if (images && !images.sent) {
			images.sent = true;
			samples = imageSamples(images.source, images.set, images.set === images.source.test ? 'test' : 'train', images.rows, DIGITS_SIDE);
		}
		const withImages = samples ? {images: samples} : {};
		if (this.dataSent || !picture) return {type: 'probe', runs, ...withImages};
		this.dataSent = true;
		return {type: 'probe', runs, data: picture.data, ...withImages};
	}

	/** A network's prediction over the fit's window: a curve (1-D) or a grid (2-D). */
	private fit(net: Trainer['network'], data: FitData): FitPicture {
		const {bounds} = data;
		if (data.inputs === 1) {
			const curve = new Float64Array(data.curve);
			predictCurve(net, bounds.xMin, bounds.xMax, data.curve, curve);
			return {kind: 'curve', values: Float32Array.from(curve)};
		}
		const n = this.grid;
		const values = new Float32Array(n * n);
		predictValues(net, bounds, n, n, values, this.scratch);
		return {kind: 'map', width: n, height: n, values};
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
