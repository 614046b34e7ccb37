/**
 * A lesson's pace against its captions: how long each caption stays on screen at the scenario's
 * `speed` (from its step to the next caption's), and how long the lesson trains. `gradlab check`
 * says it, and a test holds every built-in lesson and tour chapter to READABLE_SECONDS.
 */
import type {Scenario} from './types.js';

/** A caption shorter on screen than this cannot be read aloud, let alone discussed. */
export const READABLE_SECONDS = 4;

/** The longest step budget among a scenario's runs (or the `--steps` override). */
export function stepBudget(scenario: Scenario, override?: number): number {
	if (override !== undefined) return override;
	return Math.max(1, ...scenario.runs.map((r) => ('train' in r ? r.train.steps : r.steps)));
}

export interface CaptionTime {
	/** The caption's index in `scenario.notes` (in step order). */
	readonly index: number;
	readonly at: number;
	/** Seconds until the next caption replaces it. */
	readonly seconds: number;
}

/**
 * Each caption's time on screen at the scenario's pace, the last one aside (it stays once
 * training ends); none at `max`, which has no pace to speak of.
 */
export function captionTimes(scenario: Scenario): CaptionTime[] {
	const {speed, notes} = scenario;
	if (speed === 'max') return [];
	return notes.slice(0, -1).map((note, index) => ({index, at: note.at, seconds: (notes[index + 1]!.at - note.at) / speed}));
}

/** Seconds of training at the scenario's pace; null at `max`. */
export function lessonSeconds(scenario: Scenario): number | null {
	return scenario.speed === 'max' ? null : stepBudget(scenario) / scenario.speed;
}
