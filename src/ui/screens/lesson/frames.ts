/**
 * Recording mode's arithmetic: how many frames a lesson gets and how many training steps each
 * frame advances. Frames, not the clock, pace a recording, so the same seed and terminal size
 * give the same pictures on a fast machine and a slow one.
 */
import {stepBudget} from '../../../scenarios/pace.js';
import type {Scenario, Speed} from '../../../scenarios/types.js';

export interface FramePlan {
	readonly fps: number;
	/** Frames before the lesson (or chapter) is over. */
	readonly total: number;
	/** Training steps for frame `f` (0-based). */
	readonly stepsFor: (frame: number) => number;
}

/** Training finishes at this share of a recording when the lesson runs "as fast as possible": the final picture stays up for the rest. */
const FINISH_SHARE = 0.85;

/**
 * Frames for `seconds` at `fps`. A lesson trains at its pace (steps per second, spread evenly over
 * frames), or faster when that would not finish in the first 85% of the frames: a recording shows
 * the whole lesson. `max` spreads the whole budget over those 85%.
 */
export function framePlan(scenario: Scenario, speed: Speed, seconds: number, fps: number, stepsOverride?: number): FramePlan {
	const total = Math.max(1, Math.round(seconds * fps));
	const spread = stepBudget(scenario, stepsOverride) / (FINISH_SHARE * seconds);
	const perSecond = speed === 'max' ? spread : Math.max(speed, spread);
	const stepsBy = (frame: number) => Math.floor((frame * perSecond) / fps);
	return {fps, total, stepsFor: (frame) => stepsBy(frame + 1) - stepsBy(frame)};
}
