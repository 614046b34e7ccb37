/**
 * The small problem the optimizer fixtures are made on (test/fixtures/make_optim_fixtures.py):
 * W (3×2, row-major) and b (3), with
 *   r_k = W x_k + b − y_k,  L = ½Σ|r_k|² + Q/4·Σ W⁴/(1 + W²) + H·Σ(√(1 + b²) − 1).
 */
import {readFileSync} from 'node:fs';
import type {OptimizerConfig} from '../../src/core/optim/index.js';

/** test/fixtures/optim-trajectories.json, written by make_optim_fixtures.py from torch.optim. */
export interface OptimFixture {
	readonly torchVersion: string;
	readonly problem: {
		readonly X: number[][];
		readonly Y: number[][];
		readonly Q: number;
		readonly H: number;
		readonly W0: number[];
		readonly b0: number[];
	};
	readonly torchDefaults: Record<string, Record<string, number | boolean | number[]>>;
	readonly cases: {
		readonly id: string;
		readonly config: OptimizerConfig;
		readonly torch: string;
		readonly steps: {W: number[]; b: number[]}[];
	}[];
}

export const optimFixture = JSON.parse(readFileSync(new URL('../fixtures/optim-trajectories.json', import.meta.url), 'utf8')) as OptimFixture;

const {X, Y, Q, H} = optimFixture.problem;

/** The problem's loss gradient, by hand, into gW (6) and gb (3). */
export function gradient(W: Float64Array, b: Float64Array, gW: Float64Array, gb: Float64Array): void {
	for (let o = 0; o < 3; o++) {
		const w0 = W[2 * o]!;
		const w1 = W[2 * o + 1]!;
		let s0 = 0;
		let s1 = 0;
		let sb = 0;
		for (let k = 0; k < X.length; k++) {
			const x = X[k]!;
			const r = w0 * x[0]! + w1 * x[1]! + b[o]! - Y[k]![o]!;
			s0 += r * x[0]!;
			s1 += r * x[1]!;
			sb += r;
		}
		gW[2 * o] = s0 + quarticSlope(w0);
		gW[2 * o + 1] = s1 + quarticSlope(w1);
		gb[o] = sb + (H * b[o]!) / Math.sqrt(1 + b[o]! * b[o]!);
	}
}

/** d/dw of Q/4·w⁴/(1 + w²). */
function quarticSlope(w: number): number {
	const u = 1 + w * w;
	return ((Q / 4) * (4 * w ** 3 + 2 * w ** 5)) / (u * u);
}

export function relativeError(actual: number, expected: number): number {
	return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}
