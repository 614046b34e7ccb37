import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ACTIVATION_NAMES} from '../src/core/activations.js';
import {useKernels, type KernelChoice} from '../src/core/kernels.js';
import {SIMD_AVAILABLE} from '../src/core/kernels-simd.js';
import {classificationLoss, regressionLoss, type LossResult} from '../src/core/loss.js';
import {Network} from '../src/core/network.js';
import {createRng} from '../src/core/rng.js';
import type {LossName} from '../src/core/types.js';

/**
 * Odd sizes; the second set is wide enough (≥ 32) for the JavaScript panel kernels in every pass.
 * Run on each side of the kernel switch ('simd' sends every product to the WebAssembly kernels).
 */
const LAYERS = [3, 5, 4, 3];
const WIDE_LAYERS = [3, 37, 33, 3];
const ROWS = 7;

function setup(activation: (typeof ACTIVATION_NAMES)[number], seed: number, layers: readonly number[] = LAYERS) {
	const rng = createRng(seed);
	const net = new Network({layers, activation});
	net.initialise({name: 'normal', std: 0.8}, rng);
	// Non-zero biases so every term of the gradient is exercised.
	for (const b of net.biases) for (let k = 0; k < b.length; k++) b[k] = rng.normal() * 0.3;
	const x = new Float64Array(ROWS * layers[0]!).map(() => rng.normal());
	const y = Int32Array.from({length: ROWS}, (_, b) => b % layers.at(-1)!);
	// Real-valued targets for the regression losses, one per output.
	const t = new Float64Array(ROWS * layers.at(-1)!).map(() => rng.normal());
	return {net, x, y, t};
}

function lossOf(net: Network, x: Float64Array, y: Int32Array, t: Float64Array, loss: LossName, regression: boolean): number {
	const out: LossResult = {loss: 0, correct: 0};
	const logits = net.forward(x, null, 0, ROWS, false);
	if (regression) regressionLoss(loss, logits, t, ROWS, net.layers.at(-1)!, net.outputGradient(), out);
	else classificationLoss(loss, logits, y, ROWS, net.layers.at(-1)!, net.outputGradient(), out);
	return out.loss;
}

const CASES: {activation: (typeof ACTIVATION_NAMES)[number]; loss: LossName; layers: readonly number[]; regression?: boolean}[] = [
	...ACTIVATION_NAMES.flatMap((activation) => (['cross-entropy', 'mse'] as const).map((loss) => ({activation, loss, layers: LAYERS}))),
	...(['tanh', 'relu', 'gelu'] as const).map((activation) => ({activation, loss: 'cross-entropy' as const, layers: WIDE_LAYERS})),
	// Regression against real-valued targets (mae's kink at z = t is never hit by random targets).
	...(['mse', 'mae'] as const).map((loss) => ({activation: 'tanh' as const, loss, layers: LAYERS, regression: true})),
];

const PATHS: readonly KernelChoice[] = SIMD_AVAILABLE ? ['simd', 'js'] : ['js'];

describe.each(PATHS)('backpropagation on the %s kernels matches central finite differences', (path) => {
	beforeAll(() => useKernels(path));
	afterAll(() => useKernels('auto'));
	for (const {activation, loss, layers, regression = false} of CASES) {
		it(`${activation} with ${loss}${regression ? ' on real-valued targets' : ''}, layers ${layers.join('-')}`, () => {
			const {net, x, y, t} = setup(activation, 7, layers);
			lossOf(net, x, y, t, loss, regression);
			net.backward(ROWS, null);
			// Five-point stencil: truncation error O(h⁴), so h can stay large enough to keep rounding small.
			const h = 1e-4;
			let worst = 0;
			const check = (params: Float64Array, grads: Float64Array) => {
				for (let k = 0; k < params.length; k++) {
					const saved = params[k]!;
					const at = (offset: number) => {
						params[k] = saved + offset;
						return lossOf(net, x, y, t, loss, regression);
					};
					const numeric = (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
					params[k] = saved;
					const analytic = grads[k]!;
					// Relative error, floored so gradients near zero compare absolutely.
					const error = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-4);
					worst = Math.max(worst, error);
				}
			};
			for (let l = 0; l < net.depth; l++) {
				check(net.weights[l]!, net.gradW[l]!);
				check(net.biases[l]!, net.gradB[l]!);
			}
			expect(worst).toBeLessThan(1e-6);
			// Norms reported per layer agree with the gradients themselves.
			const norm0 = Math.hypot(...net.gradW[0]!);
			expect(net.stats.gradNormW[0]).toBeCloseTo(norm0, 12);
		});
	}
});
