/**
 * What a PyTorch export needs to reproduce a scenario, taken from the same Session that
 * `gradlab run` trains: each run's data split, initial weights and training-row order, and the
 * run's settings. The data goes to a JSON file beside the script; the settings into the script.
 */
import type {ActivationName} from '../core/activations.js';
import type {OptimizerConfig} from '../core/optim/optimizer.js';
import type {ScheduleEntry} from '../core/schedule.js';
import type {SurfaceName} from '../core/surfaces.js';
import {BatchOrder} from '../core/trainer.js';
import type {DataSplit, Dataset, LossName, Task} from '../core/types.js';
import {Session} from '../runner/session.js';
import {withOverrides} from '../scenarios/edit.js';
import {ruleBroken, ScenarioError} from '../scenarios/errors.js';
import {formatBytes} from '../scenarios/files.js';
import type {NetworkScenario, Scenario, SurfaceScenario} from '../scenarios/types.js';

export interface ExportOptions {
	/** Every run's step budget (default: each run's own). */
	readonly steps?: number;
	/** Overrides every run's seed, as `gradlab run --seed` does. */
	readonly seed?: number;
}

/** One network run as the script builds it. */
export interface NetworkRunPlan {
	readonly label: string;
	/** Keys into the data file's `datasets`, `weights` and `orders` (order null: rows in stored order). */
	readonly data: string;
	readonly weights: string;
	readonly order: string | null;
	readonly layers: readonly number[];
	readonly activation: ActivationName;
	readonly loss: LossName;
	/** Rows per step (a full batch is the training set's size). */
	readonly batch: number;
	readonly steps: number;
	readonly optimizer: OptimizerConfig;
	/** Its lr (and momentum) schedule: torch.optim.lr_scheduler formulas and set-points. */
	readonly schedule: readonly ScheduleEntry[];
}

export interface NetworkPlan {
	readonly kind: 'network';
	readonly scenario: NetworkScenario;
	readonly task: Task;
	readonly runs: readonly NetworkRunPlan[];
	/** The data file: plain JSON, numbers in shortest round-trip form (they load back bit for bit). */
	readonly document: DataDocument;
	/** One line per data set for the script's header. */
	readonly dataNotes: readonly string[];
}

export interface SurfacePlan {
	readonly kind: 'surface';
	readonly scenario: SurfaceScenario;
	readonly surface: SurfaceName;
	readonly start: readonly [number, number];
	readonly runs: readonly {readonly label: string; readonly steps: number; readonly optimizer: OptimizerConfig; readonly schedule: readonly ScheduleEntry[]}[];
}

export type ExportPlan = NetworkPlan | SurfacePlan;

interface RowsJson {
	/** n rows of features. */
	readonly x: number[][];
	/** Class indices, or n rows of targets. */
	readonly y: number[] | number[][];
}

export interface DataDocument {
	readonly datasets: Record<string, {readonly train: RowsJson; readonly test: RowsJson; readonly standardization: DataSplit['standardization']}>;
	/** Per run (runs with the same start share one entry): W as [out][in], b as [out], like nn.Linear. */
	readonly weights: Record<string, {W: number[][]; b: number[]}[]>;
	/** The training rows' order for each epoch, first epoch first (per seed and row count). */
	readonly orders: Record<string, number[][]>;
}

export function planExport(scenario: Scenario, options: ExportOptions = {}): ExportPlan {
	// What `gradlab run` trains: --steps and --seed written into the runs (set-points past the end dropped).
	const trained = withOverrides(scenario, options);
	if (trained.kind === 'surface') {
		return {
			kind: 'surface',
			scenario: trained,
			surface: trained.surface,
			start: trained.start,
			runs: trained.runs.map((run) => ({label: run.label, steps: run.steps, optimizer: run.optimizer, schedule: run.schedule})),
		};
	}
	return planNetwork(trained);
}

function planNetwork(scenario: NetworkScenario): NetworkPlan {
	const session = new Session(scenario);
	const datasets: DataDocument['datasets'] = {};
	const weights: DataDocument['weights'] = {};
	const orders: DataDocument['orders'] = {};
	const dataKeys = new Map<DataSplit, string>();
	const weightKeys = new Map<string, string>();
	const epochsNeeded = new Map<string, {n: number; seed: number; epochs: number}>();
	const dataNotes: string[] = [];
	const runs = session.runs.map((driver, index): NetworkRunPlan => {
		const trainer = driver.trainer!;
		const {data, config, network} = trainer;
		let dataKey = dataKeys.get(data);
		if (dataKey === undefined) {
			dataKey = unique(data.name, datasets);
			dataKeys.set(data, dataKey);
			datasets[dataKey] = {train: rowsJson(data.train), test: rowsJson(data.test), standardization: data.standardization};
			dataNotes.push(describe(dataKey, data, config.shuffle));
		}
		const initial = network.getParameters();
		const text = JSON.stringify(initial);
		let weightKey = weightKeys.get(text);
		if (weightKey === undefined) {
			weightKey = unique(startName(scenario.runs[index]!), weights);
			weightKeys.set(text, weightKey);
			weights[weightKey] = initial;
		}
		let order: string | null = null;
		if (config.shuffle) {
			const n = data.train.n;
			order = `seed ${config.seed}, ${n} rows`;
			const epochs = Math.ceil(driver.budget / Math.ceil(n / trainer.batchSize));
			epochsNeeded.set(order, {n, seed: config.seed, epochs: Math.max(epochs, epochsNeeded.get(order)?.epochs ?? 0)});
		}
		return {
			label: driver.label,
			data: dataKey,
			weights: weightKey,
			order,
			layers: network.layers,
			activation: network.activation,
			loss: config.loss,
			batch: trainer.batchSize,
			steps: driver.budget,
			optimizer: config.optimizer,
			schedule: scenario.runs[index]!.train.schedule,
		};
	});
	refuseLongOrders(scenario, [...epochsNeeded.values()]);
	for (const [key, {n, seed, epochs}] of epochsNeeded) {
		const order = new BatchOrder(n, true, seed);
		const list: number[][] = [];
		for (let e = 0; e < epochs; e++) {
			list.push(Array.from(order.rows));
			order.nextEpoch();
		}
		orders[key] = list;
	}
	const first = session.runs[0]?.trainer?.data;
	return {kind: 'network', scenario, task: first?.task ?? 'classification', runs, document: {datasets, weights, orders}, dataNotes};
}

/**
 * Row indices the data file may hold for the epochs' orders: about 60 MB of JSON. The orders grow
 * with steps × batch — 10,000,000 steps of digits would be 300 million — and are built in memory.
 */
export const MAX_ORDER_VALUES = 10_000_000;

/** A ScenarioError naming train.steps when the orders would pass MAX_ORDER_VALUES. */
function refuseLongOrders(scenario: NetworkScenario, needed: readonly {n: number; epochs: number}[]): void {
	const values = needed.reduce((sum, {n, epochs}) => sum + n * epochs, 0);
	if (values <= MAX_ORDER_VALUES) return;
	const count = (n: number): string => n.toLocaleString('en-US');
	const steps = Math.max(...scenario.runs.map((run) => run.train.steps));
	const sentence = `exporting ${count(steps)} steps would store the training rows' order for every epoch, ${count(values)} row numbers (about ${formatBytes(values * 6)} in the data file); an export holds at most ${count(MAX_ORDER_VALUES)} — export fewer steps (--steps N)`;
	throw new ScenarioError(scenario.file, [ruleBroken('train.steps', steps, `at most ${count(MAX_ORDER_VALUES)} row numbers in the orders`, sentence)]);
}

/** What a run's initial weights are: its initialiser's name, or the checkpoint file it starts from. */
function startName(run: NetworkScenario['runs'][number]): string {
	if (run.model.weights !== null) return `checkpoint ${run.model.weights.replace(/^.*[\\/]/, '')}`;
	const {name, std, a} = run.model.init;
	return name === 'normal' ? `normal std ${std}` : name === 'uniform' ? `uniform a ${a}` : name;
}

/** `name`, or `name (2)`, … — a key not yet in `taken`. */
function unique(name: string, taken: Record<string, unknown>): string {
	let key = name;
	for (let k = 2; key in taken; k++) key = `${name} (${k})`;
	return key;
}

function rowsJson(set: Dataset): RowsJson {
	const row = (values: Float64Array, width: number, r: number): number[] => Array.from(values.subarray(r * width, (r + 1) * width));
	const x = Array.from({length: set.n}, (_, r) => row(set.x, set.features, r));
	if (set.task === 'classification') return {x, y: Array.from(set.y)};
	return {x, y: Array.from({length: set.n}, (_, r) => row(set.y, set.outputs, r))};
}

/** One line about a data set for the script's header: sizes, and what was done to the features. */
function describe(key: string, data: DataSplit, shuffle: boolean): string {
	const what = data.task === 'classification' ? `${data.classNames.length} classes` : `target${data.targetNames.length === 1 ? '' : 's'} ${data.targetNames.join(', ')}`;
	const scaled = data.standardization ? "features standardised with the training rows' mean and std" : 'features as given';
	const order = shuffle ? 'rows in a seeded random order' : 'rows in the source order';
	const features = `${data.train.features} feature${data.train.features === 1 ? '' : 's'}`;
	return `${key}: ${data.train.n} training and ${data.test.n} test rows, ${features}, ${what}; ${scaled}; ${order}`;
}
