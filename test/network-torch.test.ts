import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ActivationName} from '../src/core/activations.js';
import {useKernels, type KernelChoice} from '../src/core/kernels.js';
import {SIMD_AVAILABLE} from '../src/core/kernels-simd.js';
import {computeLoss, type LossResult} from '../src/core/loss.js';
import {Network} from '../src/core/network.js';
import {createOptimizer, type OptimizerConfig} from '../src/core/optim/index.js';
import type {LossName} from '../src/core/types.js';

/** test/fixtures/network-trajectories.json, written by make_network_fixtures.py with PyTorch. */
interface Fixture {
	readonly torchVersion: string;
	readonly cases: {
		readonly id: string;
		readonly layers: number[];
		readonly activation: ActivationName;
		readonly loss: LossName;
		readonly rows: number;
		readonly optimizer: OptimizerConfig;
		readonly x: number[][];
		readonly y: number[];
		readonly initial: {W: number[][]; b: number[]}[];
		readonly steps: {loss: number; gradNormW: number[]; gradNormB: number[]}[];
		readonly final: {W: number[][]; b: number[]}[];
	}[];
}

const fixture = JSON.parse(readFileSync(new URL('fixtures/network-trajectories.json', import.meta.url), 'utf8')) as Fixture;

/**
 * Whole networks trained as PyTorch trains them (float64 nn.Linear stacks, torch.optim, F.cross_entropy
 * or F.mse_loss): every step's loss and gradient norms and the final weights agree to within
 * rounding (PyTorch's BLAS adds its sums in another order), on each side of the kernel switch.
 * The worst relative error is about 2e-14. Mutations caught (each only on its own side): the SIMD
 * weight gradient reading A one row off; the JavaScript panels' bias gradient missing the last row.
 */
const PATHS: readonly KernelChoice[] = SIMD_AVAILABLE ? ['simd', 'js'] : ['js'];

function relativeError(actual: number, expected: number): number {
	return Math.abs(actual - expected) / Math.max(1e-3, Math.abs(expected));
}

describe.each(PATHS)('whole networks on the %s kernels train as PyTorch trains them', (path) => {
	beforeAll(() => useKernels(path));
	afterAll(() => useKernels('auto'));

	for (const c of fixture.cases) {
		it(`${c.id}: ${c.layers.join('-')} ${c.activation} (torch ${fixture.torchVersion})`, () => {
			const net = new Network({layers: c.layers, activation: c.activation});
			net.setParameters(c.initial);
			const optimizer = createOptimizer(c.optimizer, net.slotSizes());
			const x = Float64Array.from(c.x.flat());
			const y = Int32Array.from(c.y);
			const result: LossResult = {loss: 0, correct: 0};
			let worst = 0;
			for (const expected of c.steps) {
				const logits = net.forward(x, null, 0, c.rows, false);
				computeLoss(c.loss, logits, y, c.rows, c.layers.at(-1)!, net.outputGradient(), result);
				optimizer.beginStep();
				expect(net.backward(c.rows, optimizer)).toBe(true);
				worst = Math.max(worst, relativeError(result.loss, expected.loss));
				for (let l = 0; l < net.depth; l++) {
					worst = Math.max(worst, relativeError(net.stats.gradNormW[l]!, expected.gradNormW[l]!));
					worst = Math.max(worst, relativeError(net.stats.gradNormB[l]!, expected.gradNormB[l]!));
				}
			}
			const final = net.getParameters();
			c.final.forEach((layer, l) => {
				layer.W.forEach((row, o) => row.forEach((w, i) => (worst = Math.max(worst, relativeError(final[l]!.W[o]![i]!, w)))));
				layer.b.forEach((b, o) => (worst = Math.max(worst, relativeError(final[l]!.b[o]!, b))));
			});
			expect(worst).toBeLessThan(1e-12);
		});
	}
});
