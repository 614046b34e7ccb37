/**
 * A run's learning-rate schedule, from the file to the core's entries (see core/schedule.ts for
 * what they mean), with the checks that need the run: a set-point must fall inside the run's
 * steps, momentum needs an optimizer that has one, one value is set once per step. The same
 * checks guard a live change (edit.ts), so the dashboard cannot record what a file may not hold.
 *
 * In a file (`train.schedule`, or a surface run's `schedule`):
 * ```yaml
 * schedule:
 *   - {name: linear, start_factor: 0.1, steps: 50}   # warm-up: LinearLR
 *   - cosine                                          # CosineAnnealingLR over the run (steps, min_lr)
 *   - {name: step, every: 300, gamma: 0.5}            # StepLR
 *   - {name: multistep, milestones: [300, 600]}       # MultiStepLR
 *   - {at: 500, lr: 0.01}                             # from step 500 on: a set-point
 *   - {at: 800, momentum: 0.5}
 * ```
 */
import {MOMENTUM_OPTIMIZERS} from '../core/optim/config.js';
import type {OptimizerConfig} from '../core/optim/optimizer.js';
import {isSetPoint, SCHEDULE_DEFAULTS, SCHEDULE_NAMES, type ScheduleEntry, type ScheduleName} from '../core/schedule.js';
import {badValue, type Problem, ruleBroken} from './errors.js';
import type {ScheduleEntryInput} from './schema.js';

type InputKey = keyof ScheduleEntryInput;

/** The keys each formula takes, besides `name` (torch's arguments, renamed as the README lists). */
const FORMULA_KEYS: Readonly<Record<ScheduleName, readonly InputKey[]>> = {
	step: ['every', 'gamma'],
	multistep: ['milestones', 'gamma'],
	cosine: ['steps', 'min_lr'],
	linear: ['start_factor', 'end_factor', 'steps'],
};

const SET_POINT_KEYS: readonly InputKey[] = ['at', 'lr', 'momentum'];

/** Maps a path inside the schedule list (`[2, 'lr']`, or `[2]` for the entry) to where it was written. */
export type Where = (parts: readonly (string | number)[]) => string;

/**
 * The run's schedule: formulas in the order written (they chain in that order), then set-points
 * by step (stable). Problems go to `problems`; a bad entry is left out.
 */
export function resolveSchedule(input: readonly ScheduleEntryInput[], optimizer: OptimizerConfig, steps: number, where: Where, problems: Problem[]): ScheduleEntry[] {
	const entries = input.map((entry, i) => toEntry(entry, steps, (key) => where(key === undefined ? [i] : [i, key]), problems));
	for (const p of scheduleProblems(entries, optimizer, steps)) problems.push(ruleBroken(where([p.index, p.key]), p.value, p.allowed, p.sentence));
	return inOrder(entries.filter((e): e is ScheduleEntry => e !== undefined));
}

/** Formulas first, in their order; set-points after them, by step (a stable sort keeps ties as written). */
export function inOrder(entries: readonly ScheduleEntry[]): ScheduleEntry[] {
	const formulas = entries.filter((e) => !isSetPoint(e));
	const points = entries.filter(isSetPoint).sort((a, b) => a.at - b.at);
	return [...formulas, ...points];
}

function toEntry(e: ScheduleEntryInput, runSteps: number, where: (key?: string) => string, problems: Problem[]): ScheduleEntry | undefined {
	const given = (Object.keys(e) as InputKey[]).filter((k) => e[k] !== undefined);
	if (e.at !== undefined) {
		if (e.name !== undefined) {
			problems.push(ruleBroken(where('name'), e.name, 'name or at', 'give either name (a formula) or at (a set-point: from that step on, lr or momentum take a value), not both'));
			return undefined;
		}
		const stray = given.filter((k) => !SET_POINT_KEYS.includes(k));
		for (const k of stray) problems.push(ruleBroken(where(k), e[k], SET_POINT_KEYS.join(', '), `a set-point has no ${k}; it takes at, lr, momentum`));
		if (e.lr === undefined && e.momentum === undefined) problems.push(badValue(where(), e, 'a set-point with lr or momentum, like {at: 500, lr: 0.01}'));
		if (stray.length > 0 || (e.lr === undefined && e.momentum === undefined)) return undefined;
		return {at: e.at, ...(e.lr === undefined ? {} : {lr: e.lr}), ...(e.momentum === undefined ? {} : {momentum: e.momentum})};
	}
	if (e.name === undefined) {
		problems.push(badValue(where('name'), undefined, `a formula (one of: ${SCHEDULE_NAMES.join(', ')}), or at: a step for a set-point`));
		return undefined;
	}
	const name = e.name;
	const takes = FORMULA_KEYS[name];
	const stray = given.filter((k) => k !== 'name' && !takes.includes(k));
	for (const k of stray) {
		const sentence =
			k === 'lr' || k === 'momentum' || k === 'at'
				? `${name} has no ${k}; to give the ${k === 'at' ? 'lr' : k} a value from a step on, add a set-point like {at: 500, ${k === 'at' ? 'lr' : k}: …}`
				: `${name} has no ${k} (it takes ${takes.join(', ')})`;
		problems.push(ruleBroken(where(k), e[k], `one of: ${takes.join(', ')}`, sentence));
	}
	if (stray.length > 0) return undefined;
	const gamma = e.gamma ?? SCHEDULE_DEFAULTS.gamma;
	switch (name) {
		case 'step':
			if (e.every === undefined) {
				problems.push(badValue(where('every'), undefined, 'a whole number > 0 (the lr is multiplied by gamma every this many steps)'));
				return undefined;
			}
			return {name, every: e.every, gamma};
		case 'multistep': {
			const m = e.milestones;
			if (m === undefined || m.length === 0 || m.some((v, i) => i > 0 && v <= m[i - 1]!)) {
				problems.push(badValue(where('milestones'), m, 'step counts in increasing order, like [300, 600] (the lr is multiplied by gamma at each)'));
				return undefined;
			}
			return {name, milestones: m, gamma};
		}
		case 'cosine':
			return {name, steps: e.steps ?? runSteps, minLr: e.min_lr ?? SCHEDULE_DEFAULTS.minLr};
		case 'linear':
			return {name, startFactor: e.start_factor ?? SCHEDULE_DEFAULTS.startFactor, endFactor: e.end_factor ?? SCHEDULE_DEFAULTS.endFactor, steps: e.steps ?? SCHEDULE_DEFAULTS.linearSteps};
	}
}

/** Something wrong with entry `index` of a schedule, at its field `key`. */
export interface ScheduleProblem {
	readonly index: number;
	readonly key: 'at' | 'lr' | 'momentum';
	readonly value: unknown;
	readonly allowed: string;
	readonly sentence: string;
}

/**
 * The checks that need the run: each set-point inside its `steps`, momentum only for an
 * optimizer that has one, one set-point per value and step, and RMSprop's momentum buffer
 * (torch makes it on the first step only if momentum > 0 then; raising momentum from 0 later fails).
 */
export function scheduleProblems(entries: readonly (ScheduleEntry | undefined)[], optimizer: OptimizerConfig, steps: number): ScheduleProblem[] {
	const out: ScheduleProblem[] = [];
	const seen = new Map<string, number>();
	const points = entries.flatMap((entry, index) => (entry !== undefined && isSetPoint(entry) ? [{point: entry, index}] : []));
	for (const {point, index} of points) {
		if (point.at >= steps) {
			out.push({index, key: 'at', value: point.at, allowed: `a step count below ${steps}`, sentence: `got ${point.at}, but the run trains ${steps} steps: a set-point at ${point.at} would never take effect (it acts from step ${point.at + 1} on)`});
		}
		if (point.momentum !== undefined && !MOMENTUM_OPTIMIZERS.includes(optimizer.name)) {
			out.push({index, key: 'momentum', value: point.momentum, allowed: MOMENTUM_OPTIMIZERS.join(', '), sentence: `${optimizer.name} has no momentum to change; momentum set-points are for ${MOMENTUM_OPTIMIZERS.join(', ')}`});
		}
		for (const key of ['lr', 'momentum'] as const) {
			if (point[key] === undefined) continue;
			const first = seen.get(`${key}@${point.at}`);
			if (first === undefined) seen.set(`${key}@${point.at}`, index);
			else out.push({index, key, value: point[key], allowed: `one ${key} per step`, sentence: `a second ${key} at step ${point.at} (schedule[${first}] sets it too)`});
		}
	}
	if (optimizer.name === 'rmsprop') {
		const first = points.find(({point}) => point.at === 0 && point.momentum !== undefined)?.point.momentum ?? optimizer.momentum ?? 0;
		const raised = points.find(({point}) => point.at > 0 && point.momentum !== undefined && point.momentum > 0);
		if (first === 0 && raised) {
			out.push({
				index: raised.index,
				key: 'momentum',
				value: raised.point.momentum,
				allowed: 'a momentum > 0 on the first step',
				sentence: 'rmsprop has momentum 0 on its first step, so torch.optim.RMSprop keeps no momentum buffer and cannot raise it later; give the optimizer a momentum > 0 from the start',
			});
		}
	}
	return out;
}

/** What a schedule does, in a few words, for a run's label (`cosine`, `lr 0.01 at 500`). */
export function describeSchedule(entries: readonly ScheduleEntryInput[]): string {
	const named = entries.find((e) => e.name !== undefined);
	if (named?.name) return named.name;
	const point = entries.find((e) => e.at !== undefined);
	if (point?.lr !== undefined) return `lr ${point.lr} at ${point.at}`;
	if (point?.momentum !== undefined) return `momentum ${point.momentum} at ${point.at}`;
	return 'schedule';
}
