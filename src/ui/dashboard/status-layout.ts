/** The status line as pure text: what it says, and what it gives up when the width is short. */
import type {RunState, Speed} from '../../runner/protocol.js';
import type {Language} from '../../scenarios/types.js';
import {displayWidth, formatCount, formatEpoch, truncate} from '../kit/format.js';
import type {Glyphs} from '../kit/theme.js';
import {word} from '../kit/words.js';

export interface StatusInfo {
	/** The lesson title in the chosen language. */
	readonly title: string;
	/** The latest state of each run. */
	readonly runs: readonly RunState[];
	readonly paused: boolean;
	readonly finished: boolean;
	/** Measured steps per second per run. */
	readonly stepsPerSecond: number;
	/** The speed setting (+/−). */
	readonly speed: Speed;
	readonly width: number;
	readonly language: Language;
	/** A recording replayed: its last step (the state says how far through it the view is; no pace). */
	readonly replayEnd?: number;
}

/**
 * The epoch of the runs at `step`, the furthest any run has gone; 0 (not shown) when they part
 * (batch sizes differ): the batch-size lesson read "step 40 · epoch 30" — the full batch's epoch,
 * which finished at step 30, beside batch 1's step, at epoch 0.13.
 */
function epochAt(runs: readonly RunState[], step: number): number {
	const epochs = new Set(runs.filter((r) => r.step === step).map((r) => formatEpoch(r.epoch)));
	return epochs.size === 1 ? (runs.find((r) => r.step === step)?.epoch ?? 0) : 0;
}

/** The status pieces: `step 1200 · epoch 96`, `▶ 1450 steps/s` (or paused/finished), `speed max`. */
export function statusParts(props: StatusInfo, glyphs: Glyphs): {where: string; state: string; pace: string} {
	const {runs, paused, finished, stepsPerSecond, speed, language, replayEnd} = props;
	const step = runs.reduce((m, r) => Math.max(m, r.step), 0);
	const epoch = epochAt(runs, step);
	const where = [`${word('step', language)} ${formatCount(step)}`];
	if (epoch > 0) where.push(`${word('epoch', language)} ${formatEpoch(epoch)}`);
	if (replayEnd !== undefined) {
		const share = replayEnd > 0 ? Math.round((100 * step) / replayEnd) : 100;
		return {where: where.join(` ${glyphs.separator} `), state: `${glyphs.paused} ${word('replay', language)} ${share}%`, pace: ''};
	}
	const pace = finished ? '' : `${word('speed', language)} ${speed === 'max' ? word('max', language) : formatCount(speed)}`;
	const state = finished
		? `${glyphs.finished} ${word('finished', language)}`
		: paused
			? `${glyphs.paused} ${word('paused', language)}`
			: `${glyphs.running} ${formatCount(stepsPerSecond)} ${word('stepsPerSecond', language)}`;
	return {where: where.join(` ${glyphs.separator} `), state, pace};
}

/**
 * Fits the line to `width`: the lesson title is kept whole if at all possible, giving up first
 * the "gradlab ·" prefix, then the speed setting; only then is the title cut.
 */
export function statusLayout(props: StatusInfo, glyphs: Glyphs): {left: string; pad: string; where: string; state: string; pace: string} {
	const sep = ` ${glyphs.separator} `;
	const {where, state, pace} = statusParts(props, glyphs);
	const title = props.title;
	const options = [
		{prefix: true, pace: true},
		{prefix: false, pace: true},
		{prefix: false, pace: false},
	];
	const build = ({prefix, pace: withPace}: (typeof options)[number], cut: boolean) => {
		const tail = withPace && pace ? sep + pace : '';
		const right = `${where}${sep}${state}${tail} `;
		const room = props.width - displayWidth(right) - 2;
		const full = ` ${prefix ? `gradlab${sep}` : ''}${title}`;
		if (!cut && displayWidth(full) > room) return null;
		const left = truncate(full, Math.max(0, room), glyphs.ellipsis);
		return {left, pad: ' '.repeat(Math.max(0, props.width - displayWidth(left) - displayWidth(right))), where, state, pace: tail};
	};
	for (const option of options) {
		const fitted = build(option, false);
		if (fitted) return fitted;
	}
	return build(options.at(-1)!, true)!;
}
