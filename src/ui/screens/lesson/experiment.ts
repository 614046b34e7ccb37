/**
 * The experiment a lesson trains, kept as data beside it: the scenario with `--seed`/`--steps`
 * written in and every set-point the worker reported (the file's own and each live change), so
 * that saving it, or opening the editor over it, holds exactly what was trained. And live changes:
 * the selected run's lr ×10^±¼ (or its momentum a rung up or down), checked as a file's set-point
 * would be before the worker is told.
 */
import type {Change, SetPoint} from '../../../core/schedule.js';
import type {RunnerSetup} from '../../../runner/client.js';
import type {Command, RunState} from '../../../runner/protocol.js';
import {withLiveChange, withOverrides} from '../../../scenarios/edit.js';
import type {Language, Scenario} from '../../../scenarios/types.js';
import {liveChangeText, word} from '../../kit/words.js';
import {LR_SCALE, type Scale, roundTo, stepValue} from '../editor/scales.js';

/** Momentum's rungs for a live change (0 turns it off, where the optimizer allows). */
export const MOMENTUM_SCALE: Scale = {kind: 'ladder', rungs: [0, 0.5, 0.8, 0.9, 0.95, 0.99]};

/** What a lesson trains, before any live change. */
export function startingExperiment(setup: RunnerSetup): Scenario {
	return withOverrides(setup.scenario, setup.options);
}

/** The experiment with the set-points the worker reported (recording one already there changes nothing). */
export function recordSetPoints(experiment: Scenario, runs: readonly RunState[]): Scenario {
	let out = experiment;
	runs.forEach((run, k) => {
		for (const point of run.newSetPoints) out = withLiveChange(out, k, point);
	});
	return out;
}

/** Values sent to the worker that no snapshot has reported yet: the next key steps on from them. */
export type Pending = readonly (Change | undefined)[];

/** A live change the worker has reported taking: run `run`'s set-point. */
export interface Taken {
	readonly run: number;
	readonly point: SetPoint;
}

/**
 * Pending values the worker has now reported taking (or that can no longer take: a finished run),
 * and the set-points that took them, so the notice can name the step the worker really used.
 */
export function settle(pending: Pending, runs: readonly RunState[], experiment: Scenario): {pending: Pending; taken: Taken[]} {
	const taken: Taken[] = [];
	const left = pending.map((change, k) => {
		const run = runs[k];
		if (!change || !run || ended(run, experiment, k)) return undefined;
		const pointOf = (key: 'lr' | 'momentum') => run.newSetPoints.findLast((p) => p[key] !== undefined && p[key] === change[key]);
		const lr = change.lr === undefined ? undefined : pointOf('lr');
		const momentum = change.momentum === undefined ? undefined : pointOf('momentum');
		for (const point of new Set([lr, momentum])) if (point) taken.push({run: k, point});
		if ((change.lr === undefined || lr) && (change.momentum === undefined || momentum)) return undefined;
		return {...(change.lr === undefined || lr ? {} : {lr: change.lr}), ...(change.momentum === undefined || momentum ? {} : {momentum: change.momentum})};
	});
	return {pending: left, taken};
}

/**
 * What the notice says once the worker reports a live change: each taken set-point from the
 * value the run used before it (`before`, the last snapshot's) to the new one, at its real step.
 */
export function takenText(taken: readonly Taken[], before: readonly RunState[], language: Language): string {
	const said: string[] = [];
	for (const {run, point} of taken) {
		const state = before[run];
		if (!state) continue;
		for (const what of ['lr', 'momentum'] as const) {
			const to = point[what];
			const from = what === 'lr' ? state.lr : state.momentum;
			if (to === undefined || from === null || from === undefined) continue;
			said.push(liveChangeText(state.label, what, roundTo(from, 3), to, point.at, language));
		}
	}
	return said.join(' · ');
}

function ended(run: RunState, experiment: Scenario, k: number): boolean {
	const spec = experiment.runs[k];
	const budget = spec ? ('train' in spec ? spec.train.steps : spec.steps) : 0;
	return run.diverged || run.step >= budget;
}

export interface LiveRequest {
	readonly what: 'lr' | 'momentum';
	readonly by: 1 | -1;
}

export interface LiveResult {
	/** `set` commands for the worker (none when nothing could change). */
	readonly commands: readonly Command[];
	readonly pending: Pending;
	/** What happened, run by run, for the notice line. */
	readonly notice: string;
}

/**
 * A live change to run `target` (null: every run): each run's value one step up or down from
 * what it uses now (or was just told), checked as a set-point in the experiment would be. Runs
 * that have finished, have no momentum or refuse the change are said so and left alone.
 */
export function liveChange(experiment: Scenario, runs: readonly RunState[], pending: Pending, target: number | null, request: LiveRequest, language: Language): LiveResult {
	const {what, by} = request;
	const commands: Command[] = [];
	const next = [...pending];
	const said: string[] = [];
	const indices = target === null ? runs.map((_, k) => k) : [target];
	for (const k of indices) {
		const run = runs[k];
		if (!run) continue;
		if (ended(run, experiment, k)) {
			said.push(`${run.label} ${word('finishedRun', language)}`);
			continue;
		}
		const now = pending[k]?.[what] ?? (what === 'lr' ? run.lr : run.momentum);
		if (now === null || now === undefined) {
			said.push(`${run.label} ${word('noMomentum', language)}`);
			continue;
		}
		const value = stepValue(now, what === 'lr' ? LR_SCALE : MOMENTUM_SCALE, by).value;
		if (value === now) continue;
		const change: Change = {[what]: value};
		try {
			withLiveChange(experiment, k, {at: run.step, ...change});
		} catch (error) {
			said.push(error instanceof Error ? error.message : String(error));
			continue;
		}
		commands.push({type: 'set', run: k, ...change});
		next[k] = {...pending[k], ...change};
		said.push(liveChangeText(run.label, what, roundTo(now, 3), value, null, language));
	}
	return {commands, pending: next, notice: said.join(' · ')};
}
