/**
 * What the person chose in the slope view: the line the loss is sliced along (one weight, the
 * gradient, or a random direction) and which weight or direction. Pure: the reducer applies it.
 */
import {type ParamRef, SLICE_MODES, type SliceMode} from '../../../core/slope.js';

export interface SlopeChoice {
	readonly mode: SliceMode;
	/** 'weight' mode: the weight chosen with ↑/↓; null for the steepest weight of each step. */
	readonly param: ParamRef | null;
	/** 'random' mode: the direction's seed. */
	readonly seed: number;
}

/** The choice a lesson opens with: along `mode` (its `view.along`), the steepest weight, direction 0. */
export function initialSlope(mode: SliceMode): SlopeChoice {
	return {mode, param: null, seed: 0};
}

/** The next mode; back in weight mode the steepest weight is followed again. */
export function nextMode(choice: SlopeChoice): SlopeChoice {
	const mode = SLICE_MODES[(SLICE_MODES.indexOf(choice.mode) + 1) % SLICE_MODES.length]!;
	return {...choice, mode, param: null};
}

/** The weight `by` places after `param` in the order layer, then unit above, then unit below (wrapping round the network). */
export function stepWeight(param: ParamRef, layers: readonly number[], by: 1 | -1): ParamRef {
	const sizes = layers.slice(1).map((m, l) => m * layers[l]!);
	const total = sizes.reduce((a, b) => a + b, 0);
	if (total === 0) return param;
	let index = sizes.slice(0, param.layer).reduce((a, b) => a + b, 0) + param.to * layers[param.layer]! + (param.from ?? 0);
	index = (((index + by) % total) + total) % total;
	let layer = 0;
	while (index >= sizes[layer]!) index -= sizes[layer++]!;
	const n = layers[layer]!;
	return {layer, to: Math.floor(index / n), from: index % n};
}

/**
 * ↑/↓: in weight mode, the weight before or after the one on screen (`shown`, in a network of
 * `layers`); in random mode, another direction. Nothing to choose along the gradient.
 */
export function stepChoice(choice: SlopeChoice, shown: {readonly param: ParamRef | null; readonly layers: readonly number[]} | null, by: 1 | -1): SlopeChoice {
	switch (choice.mode) {
		case 'weight': {
			const from = choice.param ?? shown?.param ?? null;
			if (!from || !shown) return choice;
			return {...choice, param: stepWeight(from, shown.layers, by)};
		}
		case 'random':
			return {...choice, seed: Math.max(0, choice.seed + by)};
		case 'gradient':
			return choice;
	}
}
