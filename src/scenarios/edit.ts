/**
 * Pure edits of a resolved scenario, the ones a session makes while it runs: a live change
 * recorded as a set-point, and the command line's --seed/--steps written into the runs. So the
 * scenario always says what was trained: saved, it replays exactly, live changes included.
 * Each edit runs the checks a file gets (schedule.ts) and throws a RangeError where a file
 * would have a problem, so no edit can make a scenario that `gradlab check` refuses.
 */
import {checkEntry, isSetPoint, mergeSetPoint, type ScheduleEntry, type SetPoint} from '../core/schedule.js';
import {inOrder, scheduleProblems} from './schedule.js';
import type {NetworkRunSpec, Scenario, SurfaceRunSpec} from './types.js';

type RunSpec = NetworkRunSpec | SurfaceRunSpec;

/**
 * `run` with the set-point added to its schedule: from `point.at` steps on, its lr and/or
 * momentum take these values. A value already set at that step is replaced (the later change
 * wins), so recording the same change twice changes nothing.
 */
export function withSetPoint<R extends RunSpec>(run: R, point: SetPoint): R {
	const clean = mergeSetPoint(undefined, point.at, point);
	try {
		checkEntry(clean);
	} catch (error) {
		throw new RangeError(`${run.label}: ${(error as Error).message}`);
	}
	const spec: RunSpec = run;
	const train = 'train' in spec ? spec.train : spec;
	const schedule = addSetPoint(train.schedule, clean);
	const problem = scheduleProblems(schedule, train.optimizer, train.steps)[0];
	if (problem) throw new RangeError(`${run.label}: ${problem.sentence}`);
	return 'train' in spec ? {...run, train: {...spec.train, schedule}} : {...run, schedule};
}

/** The scenario with run `index`'s live change recorded (see withSetPoint). */
export function withLiveChange(scenario: Scenario, index: number, point: SetPoint): Scenario {
	if (!scenario.runs[index]) throw new RangeError(`no run ${index} (the scenario has ${scenario.runs.length})`);
	// The branches read alike, but each keeps the runs of its kind.
	return scenario.kind === 'network'
		? {...scenario, runs: scenario.runs.map((run, i) => (i === index ? withSetPoint(run, point) : run))}
		: {...scenario, runs: scenario.runs.map((run, i) => (i === index ? withSetPoint(run, point) : run))};
}

/** Run-wide settings from the command line, which override every run's. */
export interface TrainingOverrides {
	readonly seed?: number;
	readonly steps?: number;
}

/**
 * The scenario with `--seed` and `--steps` written into its runs: what a session trains. Set-points
 * at or past a shortened run's end are dropped: they never act, and a file may not hold them.
 */
export function withOverrides(scenario: Scenario, {seed, steps}: TrainingOverrides): Scenario {
	if (seed === undefined && steps === undefined) return scenario;
	const within = (schedule: readonly ScheduleEntry[], end: number): readonly ScheduleEntry[] => schedule.filter((e) => !isSetPoint(e) || e.at < end);
	if (scenario.kind === 'surface') {
		const runs = scenario.runs.map((run) => ({...run, steps: steps ?? run.steps, schedule: within(run.schedule, steps ?? run.steps)}));
		return {...scenario, ...(seed === undefined ? {} : {seed}), runs};
	}
	const runs = scenario.runs.map((run) => {
		const end = steps ?? run.train.steps;
		return {...run, train: {...run.train, seed: seed ?? run.train.seed, steps: end, schedule: within(run.train.schedule, end)}};
	});
	return {...scenario, runs};
}

/** Each value of `point` into the set-point at its step that sets it, else the first one at that step, else a new one. */
function addSetPoint(schedule: readonly ScheduleEntry[], point: SetPoint): ScheduleEntry[] {
	const entries = [...schedule];
	for (const key of ['lr', 'momentum'] as const) {
		const value = point[key];
		if (value === undefined) continue;
		const here = (e: ScheduleEntry): e is SetPoint => isSetPoint(e) && e.at === point.at;
		const same = entries.findIndex((e) => here(e) && e[key] !== undefined);
		const target = same >= 0 ? same : entries.findIndex(here);
		if (target >= 0) entries[target] = mergeSetPoint(entries[target] as SetPoint, point.at, {[key]: value});
		else entries.push({at: point.at, [key]: value});
	}
	return inOrder(entries);
}
