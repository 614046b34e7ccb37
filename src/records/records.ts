/**
 * The one record format: a run at one step, as headless mode logs it and the dashboard's export
 * writes it, in JSON Lines or CSV (the README's "Headless output" table). Non-finite numbers are
 * handled one way everywhere: null in JSON, an empty cell in CSV.
 */
import type {LayerStats} from '../core/types.js';
import {unpackLayers} from '../runner/packed-layers.js';
import type {HistoryPoint} from '../runner/protocol.js';

/** One logged step of one run. Numbers may be NaN (not measured yet) or infinite (diverged). */
export interface StepRecord {
	readonly run: string;
	readonly step: number;
	readonly epoch: number;
	readonly samples: number;
	/** Dashboard export only: seconds of training, pauses excluded. Headless records hold no wall-clock time, so one seed gives the same bytes. */
	readonly seconds?: number;
	readonly loss: number;
	readonly accuracy: number;
	readonly testLoss: number;
	readonly testAccuracy: number;
	/** Regression runs: R² of the batch and of the test split, written in place of accuracy and testAccuracy. */
	readonly r2?: number;
	readonly testR2?: number;
	readonly diverged: boolean;
	readonly divergedAt: number | null;
	/** Surface runs: the point after this step. */
	readonly x?: number;
	readonly y?: number;
	/** Per dense layer, input side first; empty for surface runs. */
	readonly layers: readonly LayerStats[];
}

/**
 * A history point as a record: `divergedAt` is the run's, so points before it are not diverged; a
 * regression run's point (it has an R²) gives r2 and testR2 in place of the accuracies.
 */
export function recordFromPoint(run: string, point: HistoryPoint, divergedAt: number | null): StepRecord {
	const diverged = divergedAt !== null && point.step >= divergedAt;
	return {
		run,
		step: point.step,
		epoch: point.epoch,
		samples: point.samples,
		seconds: point.seconds,
		loss: point.loss,
		accuracy: point.accuracy,
		testLoss: point.testLoss,
		testAccuracy: point.testAccuracy,
		...(point.r2 === undefined ? {} : {r2: point.r2, testR2: point.testR2 ?? Number.NaN}),
		diverged,
		divergedAt: diverged ? divergedAt : null,
		...(point.x === undefined ? {} : {x: point.x}),
		...(point.y === undefined ? {} : {y: point.y}),
		layers: point.layers ? unpackLayers(point.layers) : [],
	};
}

/** JSON has no NaN or Infinity: every non-finite number, however deep, becomes null. */
const finite = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

/** One JSON line, keys always in the README's order whoever built the record. */
export function jsonLine(r: StepRecord): string {
	const ordered = {
		run: r.run,
		step: r.step,
		epoch: r.epoch,
		samples: r.samples,
		...(r.seconds === undefined ? {} : {seconds: r.seconds}),
		loss: r.loss,
		...(r.r2 === undefined ? {accuracy: r.accuracy} : {r2: r.r2}),
		testLoss: r.testLoss,
		...(r.testR2 === undefined ? {testAccuracy: r.testAccuracy} : {testR2: r.testR2}),
		diverged: r.diverged,
		divergedAt: r.divergedAt,
		...(r.x === undefined ? {} : {x: r.x}),
		...(r.y === undefined ? {} : {y: r.y}),
		layers: r.layers,
	};
	return `${JSON.stringify(ordered, finite)}\n`;
}

/** Which CSV columns a file has: the same for every row, so runs of different depths line up. */
export interface CsvColumns {
	/** Per-layer column groups (the deepest run's layer count). */
	readonly depth: number;
	/** x and y (surface scenarios). */
	readonly surface: boolean;
	/** The seconds column (the dashboard's export). */
	readonly seconds: boolean;
	/** r2 and test_r2 where a classification has accuracy and test_accuracy (a regression scenario). */
	readonly regression?: boolean;
}

/** The columns that fit `records` (surface runs have x and y). */
export function columnsFor(records: readonly StepRecord[], seconds: boolean): CsvColumns {
	return {
		depth: records.reduce((deepest, r) => Math.max(deepest, r.layers.length), 0),
		surface: records.some((r) => r.x !== undefined),
		seconds,
		...(records.some((r) => r.r2 !== undefined) ? {regression: true} : {}),
	};
}

const LAYER_COLUMNS = ['grad_norm_w', 'grad_norm_b', 'update_ratio', 'saturated', 'dead'] as const;

/** The JSON fields in snake_case, per-layer fields flattened with the layer's number (`grad_norm_w_1`). */
export function csvHeader(c: CsvColumns): string {
	const layers = Array.from({length: c.depth}, (_, l) => LAYER_COLUMNS.map((name) => `${name}_${l + 1}`)).flat();
	const scores = c.regression ? ['r2', 'test_loss', 'test_r2'] : ['accuracy', 'test_loss', 'test_accuracy'];
	const head = ['run', 'step', 'epoch', 'samples', ...(c.seconds ? ['seconds'] : []), 'loss', ...scores, 'diverged', 'diverged_at'];
	return [...head, ...(c.surface ? ['x', 'y'] : []), ...layers].join(',') + '\n';
}

const cell = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? '' : String(value));
const quoted = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A row under `csvHeader(c)`; a run with fewer layers than `c.depth` leaves the rest empty. */
export function csvRow(r: StepRecord, c: CsvColumns): string {
	const cells = [quoted(r.run), cell(r.step), cell(r.epoch), cell(r.samples), ...(c.seconds ? [cell(r.seconds)] : [])];
	const [score, testScore] = c.regression ? [r.r2, r.testR2] : [r.accuracy, r.testAccuracy];
	cells.push(cell(r.loss), cell(score), cell(r.testLoss), cell(testScore), String(r.diverged), cell(r.divergedAt));
	if (c.surface) cells.push(cell(r.x), cell(r.y));
	for (let l = 0; l < c.depth; l++) {
		const layer = r.layers[l];
		cells.push(cell(layer?.gradNormW), cell(layer?.gradNormB), cell(layer?.updateRatio), cell(layer?.saturated), cell(layer?.dead));
	}
	return cells.join(',') + '\n';
}
