/** Weight initialisers, with the formulas PyTorch's `torch.nn.init` uses (gain √2 for He). */
import type {Rng} from './rng.js';
import type {InitName, InitSpec} from './types.js';

export const INIT_NAMES: readonly InitName[] = ['pytorch', 'xavier-uniform', 'xavier-normal', 'he-uniform', 'he-normal', 'lecun-normal', 'normal', 'uniform', 'zeros'];

function fillUniform(a: Float64Array, bound: number, rng: Rng): void {
	for (let k = 0; k < a.length; k++) a[k] = (2 * rng.uniform() - 1) * bound;
}

function fillNormal(a: Float64Array, std: number, rng: Rng): void {
	for (let k = 0; k < a.length; k++) a[k] = rng.normal() * std;
}

/**
 * Fills one layer's W (fanOut × fanIn) and b.
 * - pytorch: W, b ~ U(−1/√fanIn, 1/√fanIn) (`nn.Linear`'s reset_parameters: kaiming_uniform with a = √5)
 * - xavier-uniform: U(−a, a), a = √(6/(fanIn+fanOut)); xavier-normal: N(0, 2/(fanIn+fanOut))
 * - he-uniform: U(−a, a), a = √(6/fanIn); he-normal: N(0, 2/fanIn); lecun-normal: N(0, 1/fanIn)
 * - normal: N(0, std²); uniform: U(−a, a); zeros: all zero
 */
export function initLayer(spec: InitSpec, W: Float64Array, b: Float64Array, fanIn: number, fanOut: number, rng: Rng): void {
	b.fill(0);
	switch (spec.name) {
		case 'pytorch': {
			const bound = 1 / Math.sqrt(fanIn);
			fillUniform(W, bound, rng);
			fillUniform(b, bound, rng);
			return;
		}
		case 'xavier-uniform':
			return fillUniform(W, Math.sqrt(6 / (fanIn + fanOut)), rng);
		case 'xavier-normal':
			return fillNormal(W, Math.sqrt(2 / (fanIn + fanOut)), rng);
		case 'he-uniform':
			return fillUniform(W, Math.sqrt(6 / fanIn), rng);
		case 'he-normal':
			return fillNormal(W, Math.sqrt(2 / fanIn), rng);
		case 'lecun-normal':
			return fillNormal(W, Math.sqrt(1 / fanIn), rng);
		case 'normal':
			return fillNormal(W, spec.std ?? 1, rng);
		case 'uniform':
			return fillUniform(W, spec.a ?? 1, rng);
		case 'zeros':
			W.fill(0);
			return;
	}
}
