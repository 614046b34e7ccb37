/**
 * Reads and builds what a lesson's network runs train on — data splits, CSV files, checkpoints —
 * once per lesson. The dashboard calls this in the main thread and hands the result to the worker
 * as plain data, so a restart reads nothing again and every file problem is found before training.
 */
import type {Checkpoint, DataSplit} from '../core/types.js';
import {buildDataSplit, loadCheckpointFile, rowOrder} from '../scenarios/data.js';
import {withOverrides} from '../scenarios/edit.js';
import type {Scenario} from '../scenarios/types.js';
import type {LessonOptions, RunInputs} from './protocol.js';

/** One entry per network run, in run order (none for a surface). Throws a ScenarioError naming the file. */
export function prepareRunInputs(scenario: Scenario, options: LessonOptions = {}): RunInputs[] {
	// The seeds the session will train with: --seed written into the runs, as Session does.
	const lesson = withOverrides(scenario, options);
	if (lesson.kind !== 'network') return [];
	// Same data set, seed and row order ⇒ the same split: build it once and share it between runs.
	const splits = new Map<string, DataSplit>();
	const checkpoints = new Map<string, Checkpoint>();
	return lesson.runs.map((spec) => {
		const seed = spec.train.seed;
		const order = rowOrder(spec);
		const key = JSON.stringify([spec.dataset, seed, order]);
		let data = splits.get(key);
		if (!data) {
			data = buildDataSplit(spec.dataset, seed, lesson.file, order);
			splits.set(key, data);
		}
		let initial: Checkpoint | null = null;
		if (spec.model.weights) {
			initial = checkpoints.get(spec.model.weights) ?? loadCheckpointFile(spec.model.weights);
			checkpoints.set(spec.model.weights, initial);
		}
		return {data, initial};
	});
}
