/**
 * Which runs of a lesson each worker trains, when the lesson is split across several (client.ts).
 * Each run trains alone from its own seed, data and initial weights, so any worker gives it the
 * same numbers; the split only decides speed. Runs stay in order, in contiguous blocks, so the
 * workers' runs put side by side are the lesson's runs.
 */
import type {NetworkScenario} from '../scenarios/types.js';
import type {RunInputs, WorkerInit} from './protocol.js';

/** A step's fixed cost (calls, the optimizer's bookkeeping), in multiply-adds. */
const STEP_OVERHEAD = 2000;

/**
 * A lesson whose runs together cost less than this per step, in multiply-adds, trains in one
 * worker: a second thread buys nothing for tiny networks (a step takes microseconds, and the
 * workers' gate costs more than it saves), and the inspector's lessons are all tiny. Kept whole,
 * the runs also pause on one step together, so the inspector's walk through a step is never
 * restarted by a worker that paused a step later.
 */
export const SPLIT_MIN_STEP_COST = 200_000;

/** What one step of a run costs, roughly: multiply-adds (forward, backward, update) plus a fixed overhead. */
export function stepCost(scenario: NetworkScenario, inputs: readonly RunInputs[], run: number): number {
	const spec = scenario.runs[run]!;
	const {train} = inputs[run]!.data;
	const layers = [train.features, ...spec.model.hidden, train.task === 'regression' ? train.outputs : train.classes];
	let weights = 0;
	for (let l = 0; l + 1 < layers.length; l++) weights += layers[l]! * layers[l + 1]!;
	const rows = spec.train.batch === 'full' ? train.n : Math.min(spec.train.batch, train.n);
	return 3 * rows * weights + 4 * weights + STEP_OVERHEAD;
}

/** What a run costs over its budget, roughly: its step's cost times steps. */
export function runCost(scenario: NetworkScenario, inputs: readonly RunInputs[], run: number): number {
	return stepCost(scenario, inputs, run) * scenario.runs[run]!.train.steps;
}

/**
 * How many runs each worker takes (splitRuns), or [] to keep the lesson in one worker: a single
 * run, one worker allowed, or a step too cheap to share (below `minStepCost`, summed over runs).
 */
export function lessonSplit(scenario: NetworkScenario, inputs: readonly RunInputs[], workers: number, minStepCost = SPLIT_MIN_STEP_COST): number[] {
	const runs = scenario.runs.map((_, run) => run);
	if (runs.length < 2 || workers < 2) return [];
	if (runs.reduce((sum, run) => sum + stepCost(scenario, inputs, run), 0) < minStepCost) return [];
	return splitRuns(runs.map((run) => runCost(scenario, inputs, run)), workers);
}

/**
 * How many runs each of at most `workers` workers takes, in order, so that the costliest worker's
 * share is as small as contiguous blocks allow. Never an empty block.
 */
export function splitRuns(costs: readonly number[], workers: number): number[] {
	const n = costs.length;
	const k = Math.max(1, Math.min(workers, n));
	const prefix = [0];
	for (const cost of costs) prefix.push(prefix.at(-1)! + cost);
	// best[j][i]: the least possible largest share of the first i runs over j workers; cut[j][i]: where the j-th block starts.
	const best = Array.from({length: k + 1}, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
	const cut = Array.from({length: k + 1}, () => new Array<number>(n + 1).fill(0));
	best[0]![0] = 0;
	for (let j = 1; j <= k; j++) {
		for (let i = j; i <= n; i++) {
			for (let from = j - 1; from < i; from++) {
				const share = Math.max(best[j - 1]![from]!, prefix[i]! - prefix[from]!);
				if (share < best[j]![i]!) {
					best[j]![i] = share;
					cut[j]![i] = from;
				}
			}
		}
	}
	const sizes: number[] = [];
	for (let j = k, i = n; j > 0; j--) {
		sizes.unshift(i - cut[j]![i]!);
		i = cut[j]![i]!;
	}
	return sizes;
}

/** The set-up of each worker: the lesson with only its block of runs (and their inputs), and its gate slot. */
export function splitInit(init: WorkerInit & {readonly scenario: NetworkScenario}, sizes: readonly number[]): WorkerInit[] {
	const progress = new SharedArrayBuffer(4 * sizes.length);
	let from = 0;
	return sizes.map((size, index) => {
		const to = from + size;
		const part: WorkerInit = {
			...init,
			scenario: {...init.scenario, runs: init.scenario.runs.slice(from, to)},
			inputs: init.inputs.slice(from, to),
			// Frames mode steps every worker exactly as far already: nothing to keep in step.
			...(init.frames ? {} : {gate: {progress, index}}),
		};
		from = to;
		return part;
	});
}
