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
	/** gradlab steps/s must be at least this multiple of tfjs's. */
	readonly minRatio: number;
	/** gradlab GFLOP/s must reach this, or null when there is no throughput target. */
	readonly minGflops: number | null;
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

function config(id: string, shape: string, activation: 'relu' | 'sigmoid', batch: number, optimizer: 'adam' | 'sgd', minRatio: number, minGflops: number | null): BenchConfig {
	// SGD gets a usable rate for a sigmoid net; Adam keeps torch's default.
	return {id, shape, layers: parseShape(shape), activation, batch, optimizer, lr: optimizer === 'sgd' ? 0.1 : 1e-3, minRatio, minGflops};
}

export const CONFIGS: readonly BenchConfig[] = [
	config('a', '2-8x2-2', 'relu', 32, 'adam', 40, null),
	config('b', '2-32x10-2', 'sigmoid', 32, 'sgd', 7, null),
	config('c', '2-32x10-2', 'relu', 32, 'adam', 7, null),
	config('d', '64-128x3-10', 'relu', 64, 'adam', 7, 2.8),
	config('e', '64-256x4-10', 'relu', 128, 'adam', 7, 2.8),
];

/** The count: 2·in·out per layer forward plus 4·in·out backward, per row. */
export function flopsPerStep(c: BenchConfig): number {
	let perRow = 0;
	for (let l = 0; l + 1 < c.layers.length; l++) perRow += 6 * c.layers[l]! * c.layers[l + 1]!;
	return perRow * c.batch;
}
