/**
 * The classic 2-D toy problems. Each draws exactly `samples` points, the classes as even as
 * possible, shaped so that the clean data spans roughly [−1, 1] per axis (noise widens it).
 *
 * `noise` means, everywhere but blobs, the standard deviation of isotropic Gaussian jitter added
 * to each coordinate after the label is fixed (sklearn's meaning for make_circles/make_moons), so
 * one number reads the same across toys: 0 is clean, 0.1 is visibly fuzzy, 0.3 makes the classes
 * overlap. For blobs it is each blob's standard deviation (sklearn's cluster_std).
 */
import type {Rng} from '../rng.js';
import type {ClassificationSplit} from '../types.js';
import {defaultClassNames, prepareData, type LabelledSource} from './prepare.js';

export type ToyName = 'spiral' | 'circles' | 'xor' | 'moons' | 'blobs';

export const TOY_NAMES: readonly ToyName[] = ['spiral', 'circles', 'xor', 'moons', 'blobs'];

export interface ToyOptions {
	/** Total points, train and test together. */
	readonly samples: number;
	/** Gaussian jitter (std) per coordinate; for blobs, each blob's std. */
	readonly noise: number;
	/** spiral: arms (default 2; 3 also works); blobs: number of blobs (default 3). Others are 2-class. */
	readonly classes?: number;
}

/** Spiral turns per arm, as in TensorFlow Playground: enough that a linear model is hopeless. */
const SPIRAL_TURNS = 1.75;
/** make_circles' `factor`: inner radius / outer radius. 0.5 leaves a clear gap at modest noise. */
const CIRCLES_FACTOR = 0.5;
/** XOR: clean points keep this far from the axes, so noise 0 is separable. */
const XOR_MARGIN = 0.1;
/** Blob centres sit on a circle of this radius. */
const BLOB_RADIUS = 1;

type Generator = (count: number, index: number, cls: number, classes: number, out: Float64Array, at: number, rng: Rng) => void;

/**
 * Each generator writes the clean point for the `index`-th of `count` points of class `cls`.
 * Points of a class are spread deterministically along the shape (like sklearn's linspace)
 * where the shape is a curve, and sampled where it is an area.
 */
const GENERATORS: Record<ToyName, Generator> = {
	// Arm `cls` of K: radius r = i/count from the centre out, angle 1.75 turns · r + 2π·cls/K.
	spiral(count, i, cls, classes, out, at) {
		const r = count > 1 ? i / (count - 1) : 0;
		const t = SPIRAL_TURNS * 2 * Math.PI * r + (2 * Math.PI * cls) / classes;
		out[at] = r * Math.sin(t);
		out[at + 1] = r * Math.cos(t);
	},
	// sklearn.make_circles: class 0 on the unit circle, class 1 on the circle of radius `factor`.
	circles(count, i, cls, _k, out, at) {
		const t = (2 * Math.PI * i) / count;
		const r = cls === 0 ? 1 : CIRCLES_FACTOR;
		out[at] = r * Math.cos(t);
		out[at + 1] = r * Math.sin(t);
	},
	// Four quadrants of [−1, 1]²: class 0 where x and y share a sign, class 1 where they differ.
	// A class's points alternate between its two quadrants; positions are uniform inside them.
	xor(_count, i, cls, _k, out, at, rng) {
		const sx = i % 2 === 0 ? 1 : -1;
		const sy = cls === 0 ? sx : -sx;
		out[at] = sx * (XOR_MARGIN + (1 - XOR_MARGIN) * rng.uniform());
		out[at + 1] = sy * (XOR_MARGIN + (1 - XOR_MARGIN) * rng.uniform());
	},
	// sklearn.make_moons, shifted by (−0.5, −0.25) so it centres on the origin:
	// class 0 the upper arc (cos t, sin t), class 1 the lower (1 − cos t, 0.5 − sin t), t ∈ [0, π].
	moons(count, i, cls, _k, out, at) {
		const t = count > 1 ? (Math.PI * i) / (count - 1) : 0;
		if (cls === 0) {
			out[at] = Math.cos(t) - 0.5;
			out[at + 1] = Math.sin(t) - 0.25;
		} else {
			out[at] = 1 - Math.cos(t) - 0.5;
			out[at + 1] = 0.5 - Math.sin(t) - 0.25;
		}
	},
	// Centres evenly on a circle, the first at the top; the noise (added later) is the spread.
	blobs(_count, _i, cls, classes, out, at) {
		const t = Math.PI / 2 + (2 * Math.PI * cls) / classes;
		out[at] = BLOB_RADIUS * Math.cos(t);
		out[at + 1] = BLOB_RADIUS * Math.sin(t);
	},
};

function classCount(name: ToyName, requested: number | undefined): number {
	switch (name) {
		case 'spiral':
			return requested ?? 2;
		case 'blobs':
			return requested ?? 3;
		default:
			if (requested !== undefined && requested !== 2) {
				throw new RangeError(`${name} has 2 classes; got classes: ${requested}`);
			}
			return 2;
	}
}

/** Generates the named toy, class by class (class 0's points first). */
export function toySource(name: ToyName, options: ToyOptions, rng: Rng): LabelledSource {
	const {samples, noise} = options;
	const classes = classCount(name, options.classes);
	if (!Number.isInteger(samples) || samples < 2) throw new RangeError(`samples must be an integer ≥ 2, got ${samples}`);
	if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes must be an integer ≥ 2, got ${classes}`);
	if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`noise must be a finite number ≥ 0, got ${noise}`);

	const generate = GENERATORS[name];
	const x = new Float64Array(samples * 2);
	const y = new Int32Array(samples);
	let row = 0;
	for (let c = 0; c < classes; c++) {
		// Balanced: the first samples mod K classes get one extra point.
		const count = Math.floor(samples / classes) + (c < samples % classes ? 1 : 0);
		for (let i = 0; i < count; i++, row++) {
			generate(count, i, c, classes, x, row * 2, rng);
			if (noise > 0) {
				x[row * 2] = x[row * 2]! + noise * rng.normal();
				x[row * 2 + 1] = x[row * 2 + 1]! + noise * rng.normal();
			}
			y[row] = c;
		}
	}
	return {name, featureNames: ['x1', 'x2'], classNames: defaultClassNames(classes), rows: {task: 'classification', x, y, n: samples, features: 2, classes}};
}

/**
 * A toy as a scenario gets it by default: generated, then split (seeded, stratified) and shuffled
 * with the same generator, features as generated.
 */
export function makeToy(name: ToyName, options: ToyOptions & {readonly test: number}, rng: Rng): ClassificationSplit {
	return prepareData(toySource(name, options, rng), {test: options.test, order: 'shuffled', standardize: false}, rng);
}
