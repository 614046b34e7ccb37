/** Seeded synthetic classification data: Gaussian inputs labelled by a random linear teacher. */
import {createRng, deriveSeed} from '../src/core/rng.js';
import type {ClassificationSplit, LabelledRows} from '../src/core/types.js';

function dataset(n: number, features: number, classes: number, teacher: Float64Array, seed: number): LabelledRows {
	const rng = createRng(seed);
	const x = new Float64Array(n * features);
	const y = new Int32Array(n);
	for (let r = 0; r < n; r++) {
		for (let i = 0; i < features; i++) x[r * features + i] = rng.normal();
		let best = -Infinity;
		for (let c = 0; c < classes; c++) {
			let s = 0.3 * rng.normal();
			for (let i = 0; i < features; i++) s += x[r * features + i]! * teacher[c * features + i]!;
			if (s > best) {
				best = s;
				y[r] = c;
			}
		}
	}
	return {task: 'classification', x, y, n, features, classes};
}

export function syntheticSplit(n: number, features: number, classes: number, seed: number): ClassificationSplit {
	const rng = createRng(deriveSeed(seed, 'teacher'));
	const teacher = new Float64Array(classes * features).map(() => rng.normal());
	return {
		task: 'classification',
		name: `synthetic-${features}x${classes}`,
		featureNames: Array.from({length: features}, (_, i) => `x${i + 1}`),
		standardization: null,
		train: dataset(n, features, classes, teacher, deriveSeed(seed, 'train')),
		test: dataset(Math.max(1, n >> 3), features, classes, teacher, deriveSeed(seed, 'test')),
		classNames: Array.from({length: classes}, (_, c) => String(c)),
	};
}
