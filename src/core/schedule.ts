/**
 * Learning-rate schedules, as `torch.optim.lr_scheduler` computes them, and set-points.
 *
 * Time is torch's `last_epoch`: t = the number of steps taken so far. The values at t are what
 * step t + 1 uses (t = 0: the first step). A schedule is a list of entries:
 *
 * - Formulas (`name`), each torch's chainable `get_lr()` — the form `scheduler.step()` uses —
 *   which maps the lr the previous stage left (lr) to the next:
 *     step       StepLR(step_size = every, gamma):   lr·γ when t > 0 and t % every = 0, else lr
 *     multistep  MultiStepLR(milestones, gamma):     lr·γ when t is a milestone, else lr
 *     cosine     CosineAnnealingLR(T_max = steps, eta_min = minLr), with base = the optimizer's lr:
 *                t = 0: lr;  (t − 1 − T) mod 2T = 0: lr + (base − η)(1 − cos(π/T))/2;
 *                else (1 + cos(πt/T)) / (1 + cos(π(t − 1)/T)) · (lr − η) + η
 *     linear     LinearLR(start_factor, end_factor, total_iters = steps):
 *                t = 0: lr·s;  t > n: lr;  else lr·(1 + (e − s) / (n·s + (t − 1)(e − s)))
 *   We follow the chainable form rather than the closed form (base·γ^⌊t/every⌋, η + (base − η)(1 +
 *   cos(πt/T))/2, …) because it is what torch runs when a training loop calls `scheduler.step()`,
 *   and because only it composes with set-points the way torch does: after `group['lr'] = v` the
 *   formulas continue from v (cosine rescales the rest of its curve towards η), where the closed
 *   form would overwrite v at the next step. Without set-points both forms agree to rounding.
 * - Set-points `{at, lr}`, `{at, momentum}` (or both): from step `at` on, the value is v — torch's
 *   `group['lr'] = v` (or `['momentum']`) after `at` steps. This is what a live change records.
 *
 * How they combine, at each t (the PyTorch loop that gives the same numbers):
 * ```
 * opt = Optimizer(params, lr=base, …)
 * schedulers = [each formula, in the order written]   # constructing each applies its t = 0 value
 * for t in range(steps):
 *     apply the set-point at t, if any: group['lr'] = v, group['momentum'] = m
 *     loss.backward(); opt.step()
 *     for s in schedulers: s.step()                   # torch's ChainedScheduler
 * ```
 * So formulas chain in the order written, each from the lr the one before left, and a set-point
 * at t overrides their value at t; the formulas then continue from it.
 *
 * Pure: the Scheduler assigns lr and momentum through the Optimizer's setters, like torch's
 * schedulers write into `param_group`.
 */
import type {Optimizer} from './optim/optimizer.js';

export type ScheduleName = 'step' | 'multistep' | 'cosine' | 'linear';

export const SCHEDULE_NAMES: readonly ScheduleName[] = ['step', 'multistep', 'cosine', 'linear'];

/** StepLR: the lr times `gamma` every `every` steps. */
export interface StepDecay {
	readonly name: 'step';
	readonly every: number;
	readonly gamma: number;
}

/** MultiStepLR: the lr times `gamma` at each milestone (increasing step counts). */
export interface MultiStepDecay {
	readonly name: 'multistep';
	readonly milestones: readonly number[];
	readonly gamma: number;
}

/** CosineAnnealingLR: half a cosine from the lr down to `minLr` over `steps` steps. */
export interface CosineAnnealing {
	readonly name: 'cosine';
	readonly steps: number;
	readonly minLr: number;
}

/** LinearLR: the lr times a factor going linearly from `startFactor` to `endFactor` over `steps` steps (warm-up, or decay). */
export interface LinearRamp {
	readonly name: 'linear';
	readonly startFactor: number;
	readonly endFactor: number;
	readonly steps: number;
}

export type LrFormula = StepDecay | MultiStepDecay | CosineAnnealing | LinearRamp;

/** From `at` steps on, the lr and/or momentum are these values. */
export interface SetPoint {
	readonly at: number;
	readonly lr?: number;
	readonly momentum?: number;
}

export type ScheduleEntry = LrFormula | SetPoint;

/** A live change: the values to take from now on. */
export type Change = Omit<SetPoint, 'at'>;

/** torch's defaults for what a formula leaves out (StepLR/MultiStepLR gamma, LinearLR's factors and total_iters). */
export const SCHEDULE_DEFAULTS = {
	gamma: 0.1,
	minLr: 0,
	startFactor: 1 / 3,
	endFactor: 1,
	linearSteps: 5,
} as const;

export function isSetPoint(entry: ScheduleEntry): entry is SetPoint {
	return 'at' in entry;
}

/**
 * The lr `formula` gives at t from `lr`, the lr before it (torch's `group['lr']`), with `base` the
 * optimizer's initial lr (`initial_lr`): `get_lr()`, with Python's order of operations.
 */
export function chainLr(formula: LrFormula, t: number, lr: number, base: number): number {
	switch (formula.name) {
		case 'step':
			return t === 0 || t % formula.every !== 0 ? lr : lr * formula.gamma;
		case 'multistep':
			return formula.milestones.includes(t) ? lr * formula.gamma : lr;
		case 'cosine': {
			const {steps: T, minLr: eta} = formula;
			if (t === 0) return lr;
			if ((t - 1 - T) % (2 * T) === 0) return lr + ((base - eta) * (1 - Math.cos(Math.PI / T))) / 2;
			return ((1 + Math.cos((Math.PI * t) / T)) / (1 + Math.cos((Math.PI * (t - 1)) / T))) * (lr - eta) + eta;
		}
		case 'linear': {
			const {startFactor: s, endFactor: e, steps: n} = formula;
			if (t === 0) return lr * s;
			if (t > n) return lr;
			return lr * (1 + (e - s) / (n * s + (t - 1) * (e - s)));
		}
	}
}

/** Throws a plain Error for a formula or set-point torch (or this module) would not take. */
export function checkEntry(entry: ScheduleEntry): void {
	const fail = (what: string, value: unknown, allowed: string): never => {
		throw new Error(`schedule: invalid ${what} ${String(value)} (must be ${allowed})`);
	};
	const whole = (what: string, v: number, min: number): void => {
		if (!(Number.isInteger(v) && v >= min)) fail(what, v, `a whole number ≥ ${min}`);
	};
	const positive = (what: string, v: number): void => {
		if (!(Number.isFinite(v) && v > 0)) fail(what, v, 'a finite number > 0');
	};
	if (isSetPoint(entry)) {
		whole('set-point step', entry.at, 0);
		if (entry.lr === undefined && entry.momentum === undefined) fail('set-point', JSON.stringify(entry), 'given an lr or a momentum');
		if (entry.lr !== undefined) positive('set-point lr', entry.lr);
		if (entry.momentum !== undefined && !(Number.isFinite(entry.momentum) && entry.momentum >= 0)) fail('set-point momentum', entry.momentum, 'a finite number ≥ 0');
		return;
	}
	switch (entry.name) {
		case 'step':
			whole('step decay interval', entry.every, 1);
			positive('gamma', entry.gamma);
			return;
		case 'multistep':
			entry.milestones.forEach((m, i) => {
				whole('milestone', m, 1);
				if (i > 0 && m <= entry.milestones[i - 1]!) fail('milestone', m, 'greater than the one before');
			});
			positive('gamma', entry.gamma);
			return;
		case 'cosine':
			whole('cosine steps', entry.steps, 1);
			if (!(Number.isFinite(entry.minLr) && entry.minLr >= 0)) fail('min lr', entry.minLr, 'a finite number ≥ 0');
			return;
		case 'linear':
			whole('linear steps', entry.steps, 1);
			if (!(entry.startFactor > 0 && entry.startFactor <= 1)) fail('start factor', entry.startFactor, 'in (0, 1]');
			if (!(entry.endFactor >= 0 && entry.endFactor <= 1)) fail('end factor', entry.endFactor, 'in [0, 1]');
			return;
		default:
			fail('schedule entry', JSON.stringify(entry), `one of: ${SCHEDULE_NAMES.join(', ')}, or a set-point {at, lr}`);
	}
}

/** The set-point at `at` with the values of `change` over those of `point` (a later change wins). */
export function mergeSetPoint(point: Change | undefined, at: number, change: Change): SetPoint {
	const lr = change.lr ?? point?.lr;
	const momentum = change.momentum ?? point?.momentum;
	return {at, ...(lr === undefined ? {} : {lr}), ...(momentum === undefined ? {} : {momentum})};
}

/**
 * Drives one optimizer's lr and momentum through a schedule, as torch's schedulers drive
 * `param_group`: constructing it applies the values for t = 0, and `step()` after each optimizer
 * step applies those for the next t. Throws a plain Error for a bad entry, two set-points of the
 * same value at one step, or momentum on an optimizer without one.
 */
export class Scheduler {
	private readonly optimizer: Optimizer;
	private readonly formulas: readonly LrFormula[];
	private readonly setPoints = new Map<number, SetPoint>();
	/** torch's `initial_lr`: the optimizer's lr when the schedule started. */
	private readonly base: number;
	private time = 0;
	private firedNow: SetPoint | undefined;

	constructor(optimizer: Optimizer, entries: readonly ScheduleEntry[]) {
		this.optimizer = optimizer;
		this.base = optimizer.lr;
		const formulas: LrFormula[] = [];
		for (const entry of entries) {
			checkEntry(entry);
			if (!isSetPoint(entry)) {
				formulas.push(entry);
				continue;
			}
			if (entry.momentum !== undefined && optimizer.momentum === undefined) {
				throw new Error(`schedule: ${optimizer.name} has no momentum to change (set-point at step ${entry.at})`);
			}
			const earlier = this.setPoints.get(entry.at);
			if ((entry.lr !== undefined && earlier?.lr !== undefined) || (entry.momentum !== undefined && earlier?.momentum !== undefined)) {
				throw new Error(`schedule: two set-points change the same value at step ${entry.at}`);
			}
			this.setPoints.set(entry.at, mergeSetPoint(earlier, entry.at, entry));
		}
		this.formulas = formulas;
		this.apply();
	}

	/** Steps taken so far (torch's last_epoch): the values now in the optimizer are step t + 1's. */
	get t(): number {
		return this.time;
	}

	/** The set-point that took effect at the current t, if one did. */
	get fired(): SetPoint | undefined {
		return this.firedNow;
	}

	/** After an optimizer step: every formula's `scheduler.step()` in order, then the set-point due now. */
	step(): void {
		this.time++;
		this.apply();
	}

	/**
	 * A live change, from now on (at = t): assigned to the optimizer at once, so the next step uses
	 * it, and the formulas continue from it. Returns the set-point that records it.
	 */
	set(change: Change): SetPoint {
		const point = mergeSetPoint(undefined, this.time, change);
		checkEntry(point);
		this.assign(point);
		this.setPoints.set(this.time, mergeSetPoint(this.setPoints.get(this.time), this.time, point));
		return point;
	}

	private apply(): void {
		const t = this.time;
		if (this.formulas.length > 0) {
			let lr = this.optimizer.lr;
			for (const formula of this.formulas) lr = chainLr(formula, t, lr, this.base);
			this.optimizer.setLr(lr);
		}
		this.firedNow = this.setPoints.get(t);
		if (this.firedNow) this.assign(this.firedNow);
	}

	private assign(point: SetPoint): void {
		if (point.lr !== undefined) this.optimizer.setLr(point.lr);
		if (point.momentum !== undefined) this.optimizer.setMomentum(point.momentum);
	}
}
