/**
 * A scenario's runs, trained in lockstep: one step of each unfinished run per `stepAll()`.
 * Synchronous (no worker, no timers), so the worker and the headless CLI share it and tests can
 * drive it directly. All runs share the data split and the data order (same seed); runs with the
 * same shape and initialiser therefore start from identical weights.
 */
import {createOptimizer, type Optimizer} from '../core/optim/index.js';
import {Scheduler, type Change, type SetPoint} from '../core/schedule.js';
import {SURFACES, createSurfaceRun} from '../core/surfaces.js';
import {Trainer} from '../core/trainer.js';
import type {Checkpoint, LayerStats} from '../core/types.js';
import {buildTrainConfig} from '../scenarios/data.js';
import {withLiveChange, withOverrides} from '../scenarios/edit.js';
import type {NetworkScenario, Scenario, SurfaceScenario} from '../scenarios/types.js';
import {HistorySampler} from './history.js';
import {packLayers} from './packed-layers.js';
import {prepareRunInputs} from './inputs.js';
import type {HistoryPoint, LessonOptions, RunInputs, RunState} from './protocol.js';

/** How this process runs a session: what it never sends across a thread, or already has. */
export interface SessionRuntime {
	/** The network runs' inputs, already read (the worker gets them from the main thread); read from the scenario's files when absent. */
	readonly inputs?: readonly RunInputs[];
	/** A millisecond clock; when given, each run's own training time is measured. */
	readonly clock?: () => number;
}

/** One run as the session drives it: a network trainer or a point on a surface. */
interface RunDriver {
	readonly label: string;
	readonly budget: number;
	readonly history: HistorySampler<HistoryPoint>;
	step: number;
	samples: number;
	epoch: number;
	loss: number;
	accuracy: number;
	testLoss: number;
	testAccuracy: number;
	/** Regression runs: R² of the batch and of the test split (NaN otherwise). */
	r2: number;
	testR2: number;
	layers: readonly LayerStats[];
	diverged: boolean;
	divergedAt: number | null;
	position?: [number, number];
	/** Advances one step; false once finished or diverged. */
	advance(seconds: number): boolean;
	/** The trainer behind a network run, for checkpoints and evaluation. */
	readonly trainer?: Trainer;
	/** Milliseconds this run spent in `advance` (only with a clock). */
	busyMs: number;
	readonly optimizer: Optimizer;
	/** Steps the run's lr and momentum through its schedule; `advance` steps it after each step. */
	readonly scheduler: Scheduler;
	/** Set-points that took effect since the last `states()`. */
	setPoints: SetPoint[];
}

/** Test loss/accuracy are computed this many times over a run's budget. */
export const EVALUATIONS_PER_RUN = 200;

export class Session {
	private current: Scenario;
	private readonly options: LessonOptions;
	private readonly inputs: readonly RunInputs[];
	private readonly clock: (() => number) | undefined;
	private drivers: RunDriver[] = [];
	private trainingSeconds = 0;

	constructor(scenario: Scenario, options: LessonOptions = {}, runtime: SessionRuntime = {}) {
		this.current = withOverrides(scenario, options);
		this.options = options;
		this.inputs = runtime.inputs ?? prepareRunInputs(scenario, options);
		this.clock = runtime.clock;
		this.restart();
	}

	/** What this session trains: the scenario with the options' seed and steps and every live change in it. */
	get scenario(): Scenario {
		return this.current;
	}

	get runs(): readonly RunDriver[] {
		return this.drivers;
	}

	/** Steps taken in lockstep: the furthest run's (every run still training stands there). */
	get step(): number {
		let step = 0;
		for (const driver of this.drivers) step = Math.max(step, driver.step);
		return step;
	}

	/** True when every run has used its budget or diverged. */
	get finished(): boolean {
		return this.drivers.every((d) => d.diverged || d.step >= d.budget);
	}

	/** Rebuilds every run from its seed: the same initial weights, data and order as before (nothing is read again). */
	restart(): void {
		this.trainingSeconds = 0;
		this.drivers = this.current.kind === 'network' ? networkDrivers(this.current, this.inputs, this.options) : surfaceDrivers(this.current, this.options);
	}

	/**
	 * A live change to run `index`'s lr and/or momentum, from its current step on: the next step
	 * uses it, the run's formulas continue from it, and the scenario records it as a set-point (so
	 * a restart or the saved file replays it). Null once the run has finished or diverged. Throws
	 * a RangeError for a change a scenario file could not hold (see scenarios/edit.ts).
	 */
	setPoint(index: number, change: Change): SetPoint | null {
		const driver = this.drivers[index];
		if (!driver) throw new RangeError(`no run ${index} (the session has ${this.drivers.length})`);
		if (driver.diverged || driver.step >= driver.budget) return null;
		const at = driver.scheduler.t;
		this.current = withLiveChange(this.current, index, {at, ...change});
		const point = driver.scheduler.set(change);
		driver.setPoints.push(point);
		return point;
	}

	/**
	 * One step of every unfinished run. `seconds` is the training time so far (for the seconds
	 * axis); the caller measures it so this module stays clock-free. Returns how many runs moved.
	 */
	stepAll(seconds = this.trainingSeconds): number {
		this.trainingSeconds = seconds;
		let moved = 0;
		const clock = this.clock;
		for (const driver of this.drivers) {
			if (driver.step >= driver.budget || driver.diverged) continue;
			const start = clock?.() ?? 0;
			if (driver.advance(seconds)) moved++;
			if (clock) driver.busyMs += clock() - start;
		}
		return moved;
	}

	/** The latest state of every run, with the history points added since the last call. */
	states(): RunState[] {
		return this.drivers.map((d) => ({
			label: d.label,
			step: d.step,
			epoch: d.epoch,
			samples: d.samples,
			loss: d.loss,
			accuracy: d.accuracy,
			testLoss: d.testLoss,
			testAccuracy: d.testAccuracy,
			r2: d.r2,
			testR2: d.testR2,
			layers: d.layers,
			diverged: d.diverged,
			divergedAt: d.divergedAt,
			...(d.position ? {position: [d.position[0], d.position[1]] as const} : {}),
			lr: d.optimizer.lr,
			momentum: d.optimizer.momentum ?? null,
			newSetPoints: d.setPoints.splice(0),
			newPoints: d.history.take(),
		}));
	}

	/** Checkpoints of the network runs, by label. */
	checkpoints(): {label: string; checkpoint: Checkpoint}[] {
		return this.drivers.flatMap((d) => (d.trainer ? [{label: d.label, checkpoint: d.trainer.network.toCheckpoint()}] : []));
	}
}

function networkDrivers(scenario: NetworkScenario, inputs: readonly RunInputs[], options: LessonOptions): RunDriver[] {
	if (inputs.length !== scenario.runs.length) throw new Error(`expected inputs for ${scenario.runs.length} runs, got ${inputs.length}`);
	return scenario.runs.map((spec, k) => {
		const {data, initial} = inputs[k]!;
		const trainer = new Trainer(buildTrainConfig(spec, data, scenario.file), data, initial ?? undefined);
		const scheduler = new Scheduler(trainer.optimizer, spec.train.schedule);
		const budget = spec.train.steps;
		const evalEvery = Math.max(1, Math.ceil(budget / EVALUATIONS_PER_RUN));
		const regression = data.task === 'regression';
		const driver: RunDriver = {
			...startState(spec.label, budget, options, trainer.optimizer, scheduler, Number.NaN),
			trainer,
			advance(seconds) {
				const report = trainer.next();
				if (!report.diverged) stepSchedule(this);
				this.step = report.step;
				this.samples = report.samples;
				this.epoch = report.epoch;
				this.loss = report.loss;
				this.accuracy = report.accuracy ?? Number.NaN;
				this.r2 = report.r2 ?? Number.NaN;
				this.layers = report.layers;
				this.diverged = report.diverged;
				this.divergedAt = report.divergedAt;
				const evaluate = !report.diverged && (report.step % evalEvery === 0 || report.step === budget);
				if (evaluate && data.test.n > 0) {
					const test = trainer.evaluate('test');
					this.testLoss = test.loss;
					this.testAccuracy = test.accuracy;
					this.testR2 = test.r2;
				}
				this.history.offer(
					() => ({
						step: report.step,
						epoch: report.epoch,
						samples: report.samples,
						seconds,
						loss: report.loss,
						accuracy: this.accuracy,
						testLoss: evaluate ? this.testLoss : Number.NaN,
						testAccuracy: evaluate ? this.testAccuracy : Number.NaN,
						...(regression ? {r2: this.r2, testR2: evaluate ? this.testR2 : Number.NaN} : {}),
						layers: packLayers(report.layers),
					}),
					report.diverged || report.step === budget,
				);
				return !report.diverged;
			},
		};
		return driver;
	});
}

/** A run before its first step: nothing measured but the starting `loss` (NaN for a network's); the schedule's first set-point, if it fired. */
function startState(label: string, budget: number, options: LessonOptions, optimizer: Optimizer, scheduler: Scheduler, loss: number): Omit<RunDriver, 'advance'> {
	return {
		label,
		budget,
		history: new HistorySampler<HistoryPoint>(options.historyCapacity),
		step: 0,
		samples: 0,
		epoch: 0,
		loss,
		accuracy: Number.NaN,
		testLoss: Number.NaN,
		testAccuracy: Number.NaN,
		r2: Number.NaN,
		testR2: Number.NaN,
		layers: [],
		diverged: false,
		divergedAt: null,
		busyMs: 0,
		optimizer,
		scheduler,
		setPoints: scheduler.fired ? [scheduler.fired] : [],
	};
}

/** After a step: the schedule's values for the next, and the set-point that took effect, if any. */
function stepSchedule(driver: RunDriver): void {
	driver.scheduler.step();
	if (driver.scheduler.fired) driver.setPoints.push(driver.scheduler.fired);
}

function surfaceDrivers(scenario: SurfaceScenario, options: LessonOptions): RunDriver[] {
	const surface = SURFACES[scenario.surface];
	return scenario.runs.map((spec) => {
		const optimizer = createOptimizer(spec.optimizer, [2]);
		const scheduler = new Scheduler(optimizer, spec.schedule);
		const run = createSurfaceRun(surface, scenario.start, optimizer);
		const budget = spec.steps;
		const [x0, y0] = scenario.start;
		const driver: RunDriver = {
			...startState(spec.label, budget, options, optimizer, scheduler, surface.value(x0, y0)),
			position: [x0, y0],
			advance(seconds) {
				const point = run.step();
				this.step++;
				if (!point.diverged) stepSchedule(this);
				this.loss = point.loss;
				this.position = [point.x, point.y];
				if (point.diverged && !this.diverged) {
					this.diverged = true;
					this.divergedAt = this.step;
				}
				this.history.offer(
					() => ({step: this.step, epoch: 0, samples: 0, seconds, loss: point.loss, accuracy: Number.NaN, testLoss: Number.NaN, testAccuracy: Number.NaN, x: point.x, y: point.y}),
					this.diverged || this.step === budget,
				);
				return !this.diverged;
			},
		};
		return driver;
	});
}
