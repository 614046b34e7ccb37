/**
 * Reads and builds what a lesson's network runs train on — data splits, CSV files, checkpoints —
 * once per lesson. The dashboard calls this in the main thread and hands the result to the worker
 * as plain data, so a restart reads nothing again and every file problem is found before training.
 */
import type {Checkpoint, DataSplit} from '../core/types.js';
import {buildDataSplit, buildTrainConfig, loadCheckpointFile, rowOrder} from '../scenarios/data.js';
import {withOverrides} from '../scenarios/edit.js';
import {checkLessonSize} from '../scenarios/limits.js';
import type {Scenario} from '../scenarios/types.js';
import type {LessonOptions, RunInputs} from './protocol.js';

/**
 * One entry per network run, in run order (none for a surface). Everything `run` would meet is
 * met here — each file read and parsed, the lesson's size with its data known, each checkpoint
 * against its data — so `check`, `run` and the dashboard refuse the same lessons before any
 * training. Throws a ScenarioError naming the file.
 */
export function prepareRunInputs(scenario: Scenario, options: LessonOptions = {}): RunInputs[] {
	// The seeds the session will train with: --seed written into the runs, as Session does.
	const lesson = withOverrides(scenario, options);
	if (lesson.kind !== 'network') return [];
	// Same data set, seed and row order ⇒ the same split: build it once and share it between runs.
	const splits = new Map<string, DataSplit>();
	const checkpoints = new Map<string, Checkpoint>();
	const inputs = lesson.runs.map((spec, k): RunInputs => {
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
			// The one check that a checkpoint fits its data (the session builds the same config to train).
			buildTrainConfig(spec, data, lesson.file, lesson.runs.length > 1 ? `runs[${k}]` : '');
		}
		return {data, initial};
	});
	checkLessonSize(lesson, inputs.map((i) => i.data));
	return inputs;
}
