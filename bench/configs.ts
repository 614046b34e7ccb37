/** The five configurations the issue asks `npm run bench` to time, and their targets. */
import type {ActivationName} from '../src/core/activations.js';

export interface BenchConfig {
	/** The letter. */
	readonly id: string;
	/** Layer sizes as the issue writes them: WxD = D hidden layers of width W. */
	readonly shape: string;
	readonly layers: readonly number[];
	readonly activation: ActivationName & ('relu' | 'sigmoid');
	readonly batch: number;
	readonly optimizer: 'adam' | 'sgd';
	readonly lr: number;
	readonly targets: Targets;
}

/** What gradlab's steps/s must reach, as multiples of each other side's (null: no target there). */
export interface Targets {
	/** TensorFlow.js's pure-JavaScript CPU backend (issue 2, issue 16: with room to spare). */
	readonly tfjs: number;
	/** The plain hand-written Float64Array MLP in plain.ts. */
	readonly plain: number;
	/** The core as it was before the WebAssembly SIMD work (before-simd/): issue 16's "today's JS core". */
	readonly before: number | null;
	/** PyTorch eager, float64, one thread (issue 16's goal: ahead on a–c, within 2× on d–e). */
	readonly torch: number;
	/** GFLOP/s (issue 2). */
	readonly gflops: number | null;
}

/** '64-128x3-10' → [64, 128, 128, 128, 10]. */
export function parseShape(shape: string): number[] {
	const layers: number[] = [];
	for (const part of shape.split('-')) {
		const [width, count] = part.split('x');
		for (let k = 0; k < Number(count ?? 1); k++) layers.push(Number(width));
	}
	if (layers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`bad shape "${shape}"`);
	return layers;
}

function config(id: string, shape: string, activation: 'relu' | 'sigmoid', batch: number, optimizer: 'adam' | 'sgd', targets: Targets): BenchConfig {
	// SGD gets a usable rate for a sigmoid net; Adam keeps torch's default.
	return {id, shape, layers: parseShape(shape), activation, batch, optimizer, lr: optimizer === 'sgd' ? 0.1 : 1e-3, targets};
}

export const CONFIGS: readonly BenchConfig[] = [
	config('a', '2-8x2-2', 'relu', 32, 'adam', {tfjs: 40, plain: 1, before: null, torch: 1, gflops: null}),
	config('b', '2-32x10-2', 'sigmoid', 32, 'sgd', {tfjs: 7, plain: 1, before: null, torch: 1, gflops: null}),
	config('c', '2-32x10-2', 'relu', 32, 'adam', {tfjs: 7, plain: 1, before: null, torch: 1, gflops: null}),
	config('d', '64-128x3-10', 'relu', 64, 'adam', {tfjs: 7, plain: 1, before: 2.5, torch: 0.5, gflops: 2.8}),
	config('e', '64-256x4-10', 'relu', 128, 'adam', {tfjs: 7, plain: 1, before: 2.5, torch: 0.5, gflops: 2.8}),
];

/** The count: 2·in·out per layer forward plus 4·in·out backward, per row. */
export function flopsPerStep(c: BenchConfig): number {
	let perRow = 0;
	for (let l = 0; l + 1 < c.layers.length; l++) perRow += 6 * c.layers[l]! * c.layers[l + 1]!;
	return perRow * c.batch;
}
