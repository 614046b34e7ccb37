// The bench's yardsticks train the very network gradlab trains, so their speeds compare like with
// like: the plain MLP (bench/plain.ts) and the core before the SIMD work (bench/before-simd/)
// give gradlab's losses step for step. (Mutations that fail this: the plain MLP's ReLU derivative
// dropped; its bias gradient summed over one row less; the old kernels packing a right panel's
// third row where its fourth belongs.)
import {describe, expect, it} from 'vitest';
import {Trainer} from '../src/core/trainer.js';
import {beforeSimdSide} from '../bench/before-simd/side.js';
import {parseShape, type BenchConfig} from '../bench/configs.js';
import {syntheticSplit} from '../bench/data.js';
import {trainConfig} from '../bench/gradlab.js';
import {plainSide} from '../bench/plain.js';

const SEED = 7;
const targets = {tfjs: 1, plain: 1, before: null, torch: 1, gflops: null};
const CASES: BenchConfig[] = [
	{id: 'relu', shape: '5-9x2-3', layers: parseShape('5-9x2-3'), activation: 'relu', batch: 8, optimizer: 'adam', lr: 1e-2, targets},
	{id: 'sigmoid', shape: '5-7-6-3', layers: parseShape('5-7-6-3'), activation: 'sigmoid', batch: 8, optimizer: 'sgd', lr: 0.5, targets},
	// Wide enough for the old core's packed panel kernels and the plain MLP's 2×4 blocks with edges.
	{id: 'wide', shape: '37-70-41-10', layers: parseShape('37-70-41-10'), activation: 'relu', batch: 11, optimizer: 'adam', lr: 1e-3, targets},
];

function losses(step: () => void, loss: () => number, steps: number): number[] {
	const out: number[] = [];
	for (let k = 0; k < steps; k++) {
		step();
		out.push(loss());
	}
	return out;
}

describe.each(CASES)('bench yardsticks on $id', (c) => {
	const data = syntheticSplit(c.batch * 6, c.layers[0]!, c.layers.at(-1)!, SEED);

	it('the plain MLP matches a trainer that reads batches in file order', () => {
		const trainer = new Trainer({...trainConfig(c, SEED), shuffle: false}, data);
		const plain = plainSide(c, data, trainer.network.getParameters());
		const want = losses(() => trainer.advance(), () => trainer.report().loss, 30);
		const got = losses(plain.step, () => plain.loss, 30);
		for (let k = 0; k < want.length; k++) expect(got[k]).toBeCloseTo(want[k]!, 10);
		// It learns (so matching it is not matching a network that does nothing): the last epoch's mean below the first's.
		const mean = (xs: number[]) => xs.reduce((p, q) => p + q, 0) / xs.length;
		expect(mean(want.slice(-6))).toBeLessThan(mean(want.slice(0, 6)));
	});

	it('the core before SIMD matches today’s core', () => {
		const trainer = new Trainer(trainConfig(c, SEED), data);
		const before = beforeSimdSide(c, data, SEED);
		const want = losses(() => trainer.advance(), () => trainer.report().loss, 30);
		const got = losses(before.step, () => before.loss, 30);
		for (let k = 0; k < want.length; k++) expect(got[k]).toBeCloseTo(want[k]!, 10);
	});
});
