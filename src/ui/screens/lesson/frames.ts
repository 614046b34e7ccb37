/**
 * Recording mode's arithmetic: how many frames a lesson gets and how many training steps each
 * frame advances. Frames, not the clock, pace a recording, so the same seed and terminal size
 * give the same pictures on a fast machine and a slow one.
 */
import type {Speed} from '../../../runner/protocol.js';
import type {Scenario} from '../../../scenarios/types.js';

export interface FramePlan {
	readonly fps: number;
	/** Frames before the lesson (or chapter) is over. */
	readonly total: number;
	/** Training steps for frame `f` (0-based). */
	readonly stepsFor: (frame: number) => number;
}

/** Training finishes at this share of a recording when the lesson runs "as fast as possible": the final picture stays up for the rest. */
const FINISH_SHARE = 0.85;

/** The longest step budget among a scenario's runs (or the `--steps` override). */
export function stepBudget(scenario: Scenario, override?: number): number {
	if (override !== undefined) return override;
	return Math.max(1, ...scenario.runs.map((r) => ('train' in r ? r.train.steps : r.steps)));
}

/**
 * Frames for `seconds` at `fps`. A numeric speed keeps its steps per second (spread evenly over
 * frames); `max` spreads the whole budget over the first 85% of the frames.
 */
export function framePlan(scenario: Scenario, speed: Speed, seconds: number, fps: number, stepsOverride?: number): FramePlan {
	const total = Math.max(1, Math.round(seconds * fps));
	const perSecond = speed === 'max' ? stepBudget(scenario, stepsOverride) / (FINISH_SHARE * seconds) : speed;
	const stepsBy = (frame: number) => Math.floor((frame * perSecond) / fps);
	return {fps, total, stepsFor: (frame) => stepsBy(frame + 1) - stepsBy(frame)};
}
