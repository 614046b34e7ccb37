/**
 * Built-in regression sets: two 1-D curves and TensorFlow Playground's two 2-D sets, with inputs
 * drawn uniformly from [−1, 1] per axis (the toys' scale; the playground's [−6, 6] divided by 6)
 * and `noise` the standard deviation of Gaussian noise added to each target. (The playground
 * jitters the point before computing its value instead; noise on the target reads the same for
 * all four sets.)
 */
import type {Rng} from '../rng.js';
import type {TargetSource} from './prepare.js';

export type RegressionName = 'sine' | 'cubic' | 'plane' | 'bumps';

export const REGRESSION_NAMES: readonly RegressionName[] = ['sine', 'cubic', 'plane', 'bumps'];

export interface RegressionOptions {
	/** Points, train and test together. */
	readonly samples: number;
	/** Standard deviation of the Gaussian noise on each target. */
	readonly noise: number;
}

/** The playground's six bumps, in its units: centre and sign. */
const BUMPS: readonly (readonly [number, number, number])[] = [
	[-4, 2.5, 1],
	[0, 2.5, -1],
	[4, 2.5, 1],
	[-4, -2.5, -1],
	[0, -2.5, 1],
	[4, -2.5, -1],
];

/** Playground units per unit here. */
const PLAYGROUND_SCALE = 6;

interface Shape {
	readonly inputs: 1 | 2;
	/** The clean target at (a, b); b is 0 for 1-D sets. */
	value(a: number, b: number): number;
}

const SHAPES: Record<RegressionName, Shape> = {
	// Two periods of a sine: y = sin(2πx).
	sine: {inputs: 1, value: (a) => Math.sin(2 * Math.PI * a)},
	// The Chebyshev cubic y = 4x³ − 3x: two turns, and it stays within [−1, 1] on [−1, 1].
	cubic: {inputs: 1, value: (a) => 4 * a * a * a - 3 * a},
	// The playground's plane: (x + y)/10 in its units, so 0.6 (x1 + x2) here.
	plane: {inputs: 2, value: (a, b) => ((a + b) * PLAYGROUND_SCALE) / 10},
	// The playground's "Gaussian": six bumps of height ±1 whose value falls linearly to 0 at a
	// distance of 2 of its units (1/3 here); each point takes the bump with the largest |value|.
	bumps: {
		inputs: 2,
		value(a, b) {
			let best = 0;
			for (const [cx, cy, sign] of BUMPS) {
				const d = Math.hypot(a * PLAYGROUND_SCALE - cx, b * PLAYGROUND_SCALE - cy);
				const v = sign * Math.min(1, Math.max(0, 1 - d / 2));
				if (Math.abs(v) > Math.abs(best)) best = v;
			}
			return best;
		},
	},
};

/** The named set's input columns (1 for the curves, 2 for the playground's sets). */
export function regressionInputs(name: RegressionName): number {
	return SHAPES[name].inputs;
}

/** Generates the named set: per point, its inputs, then its noisy target. */
export function regressionSource(name: RegressionName, options: RegressionOptions, rng: Rng): TargetSource {
	const {samples, noise} = options;
	if (!Number.isInteger(samples) || samples < 2) throw new RangeError(`samples must be an integer ≥ 2, got ${samples}`);
	if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`noise must be a finite number ≥ 0, got ${noise}`);
	const shape = SHAPES[name];
	const features = shape.inputs;
	const x = new Float64Array(samples * features);
	const y = new Float64Array(samples);
	for (let i = 0; i < samples; i++) {
		const a = 2 * rng.uniform() - 1;
		const b = features === 2 ? 2 * rng.uniform() - 1 : 0;
		x[i * features] = a;
		if (features === 2) x[i * features + 1] = b;
		y[i] = shape.value(a, b) + (noise > 0 ? noise * rng.normal() : 0);
	}
	return {
		name,
		featureNames: features === 2 ? ['x1', 'x2'] : ['x'],
		targetNames: ['y'],
		rows: {task: 'regression', x, y, n: samples, features, outputs: 1},
	};
}
