/**
 * A scenario as one language shows it: each run's label in that language, where the file gives
 * one (`label: {en: batch 1, ko: 배치 1}`). The dashboard starts its worker with the localized
 * scenario, so the legend, the bars and an export all say the run's name the way the lesson does;
 * headless output keeps the English labels.
 */
import type {Language, Scenario} from './types.js';

export function localizeLabels(scenario: Scenario, language: Language): Scenario {
	const named = <R extends {readonly label: string; readonly labelText?: {readonly en: string; readonly ko: string}}>(run: R): R =>
		run.labelText ? {...run, label: run.labelText[language]} : run;
	if (!scenario.runs.some((r) => r.labelText)) return scenario;
	// The branches read alike, but each narrows `scenario` so the mapped runs keep their kind's type.
	return scenario.kind === 'network' ? {...scenario, runs: scenario.runs.map(named)} : {...scenario, runs: scenario.runs.map(named)};
}
