/**
 * Lessons as every command meets them: the file read and validated, and every file it names read
 * and checked as a run would (runner/inputs.ts) — so `check`, `run`, `list` and the dashboard
 * accept and refuse the same lessons, in the same words, before anything trains or draws.
 */
import {prepareRunInputs} from '../runner/inputs.js';
import type {LessonOptions, RunInputs} from '../runner/protocol.js';
import {ScenarioError} from '../scenarios/errors.js';
import {listScenariosReporting, loadScenarioFile} from '../scenarios/load.js';
import type {Scenario} from '../scenarios/types.js';

export interface Lesson {
	readonly scenario: Scenario;
	/** What its network runs train on, already read (a session takes them as they are). */
	readonly inputs: readonly RunInputs[];
}

/** Loads `file` and reads everything it names. Throws a ScenarioError naming the file. */
export function loadLesson(file: string, options: LessonOptions = {}): Lesson {
	const scenario = loadScenarioFile(file);
	return {scenario, inputs: prepareRunInputs(scenario, options)};
}

/**
 * The lessons to offer (built-ins, then each folder of `dirs`): a lesson whose file, data or
 * checkpoint cannot be used is left out and named by its first problem.
 */
export function usableLessons(dirs: readonly string[], options: LessonOptions = {}): {scenarios: Scenario[]; problems: string[]} {
	const listed = listScenariosReporting(dirs);
	const problems = [...listed.problems];
	const scenarios = listed.scenarios.filter((scenario) => {
		try {
			prepareRunInputs(scenario, options);
			return true;
		} catch (error) {
			if (!(error instanceof ScenarioError)) throw error;
			problems.push(error.message.split('\n')[0]!);
			return false;
		}
	});
	return {scenarios, problems};
}
