import {afterAll, describe, expect, it} from 'vitest';
import type {ActivationName} from '../src/core/activations.js';
import {makeToy} from '../src/core/data/index.js';
import {kernelChoice, useKernels, type KernelChoice} from '../src/core/kernels.js';
import {compile, SIMD_AVAILABLE, type WasmApi} from '../src/core/kernels-simd.js';
import type {OptimizerConfig} from '../src/core/optim/index.js';
import {createRng} from '../src/core/rng.js';
import {Trainer} from '../src/core/trainer.js';
import type {DataSplit, LossName} from '../src/core/types.js';

/**
 * Which kernels ran never shows in a result: whole training runs give the same bits under 'auto'
 * (the default: each product on the faster side for its size), 'simd' (every product on the
 * WebAssembly kernels) and 'js' (none): every step's loss and accuracy, then the final weights,
 * biases and per-layer statistics. The networks span the JavaScript row loops and panels and the
 * SIMD tiles with padded edges. Mutations caught: the JavaScript input gradient's four terms summed
 * as a group before the running sum (the old row loop); the SIMD panels packed in reverse k order.
 */
interface Run {
	readonly name: string;
	readonly layers: readonly number[];
	readonly activation: ActivationName;
	readonly optimizer: OptimizerConfig;
	readonly loss: LossName;
	readonly batch: number;
}

const RUNS: readonly Run[] = [
	{name: 'bench config (a)', layers: [2, 8, 8, 2], activation: 'relu', optimizer: {name: 'adam', lr: 0.01}, loss: 'cross-entropy', batch: 32},
	{name: 'bench config (b), shortened', layers: [2, 32, 32, 32, 2], activation: 'sigmoid', optimizer: {name: 'sgd', lr: 0.1}, loss: 'cross-entropy', batch: 32},
	{name: 'odd sizes', layers: [6, 37, 5, 33, 3], activation: 'gelu', optimizer: {name: 'rmsprop', lr: 0.003, momentum: 0.5}, loss: 'mse', batch: 23},
	{name: 'bench config (d), narrowed', layers: [64, 72, 72, 10], activation: 'tanh', optimizer: {name: 'adamw', lr: 0.002, weightDecay: 0.01}, loss: 'cross-entropy', batch: 64},
];

const STEPS = 60;

/** Gaussian inputs with labels from a random linear teacher (the toys have two inputs only). */
function teacherData(features: number, classes: number, rows: number): DataSplit {
	const rng = createRng(features * 1000 + classes);
	const teacher = Float64Array.from({length: features * classes}, () => rng.normal());
	const make = (n: number) => {
		const x = Float64Array.from({length: n * features}, () => rng.normal());
		const y = Int32Array.from({length: n}, (_, r) => {
			let best = 0;
			for (let c = 1; c < classes; c++) {
				let s = 0, t = 0;
				for (let i = 0; i < features; i++) {
					s += x[r * features + i]! * teacher[c * features + i]!;
					t += x[r * features + i]! * teacher[best * features + i]!;
				}
				if (s > t) best = c;
			}
			return best;
		});
		return {task: 'classification' as const, x, y, n, features, classes};
	};
	return {task: 'classification', name: 'teacher', featureNames: Array.from({length: features}, (_, i) => `x${i + 1}`), standardization: null, train: make(rows), test: make(rows >> 2), classNames: Array.from({length: classes}, (_, c) => String(c))};
}

function dataFor(run: Run): DataSplit {
	const inputs = run.layers[0]!, outputs = run.layers.at(-1)!;
	return inputs === 2 ? makeToy('spiral', {samples: 300, noise: 0.1, test: 0.2, classes: outputs}, createRng(3)) : teacherData(inputs, outputs, 400);
}

/** Every number a run produced, as raw bits, and its losses. */
function fingerprint(run: Run, data: DataSplit, choice: KernelChoice): {bits: BigUint64Array; losses: number[]} {
	useKernels(choice);
	const trainer = new Trainer({network: {layers: run.layers, activation: run.activation}, init: {name: 'pytorch'}, optimizer: run.optimizer, loss: run.loss, batch: run.batch, shuffle: true, seed: 5}, data);
	const numbers: number[] = [];
	const losses: number[] = [];
	for (let k = 0; k < STEPS; k++) {
		const r = trainer.next();
		losses.push(r.loss);
		numbers.push(r.loss, r.accuracy ?? -1);
		for (const layer of r.layers) numbers.push(layer.gradNormW, layer.gradNormB, layer.updateRatio, layer.saturated ?? -1, layer.dead ?? -1);
	}
	for (const w of trainer.network.weights) numbers.push(...w);
	for (const b of trainer.network.biases) numbers.push(...b);
	const evaluation = trainer.evaluate('test');
	numbers.push(evaluation.loss, evaluation.accuracy);
	return {bits: new BigUint64Array(Float64Array.from(numbers).buffer), losses};
}

afterAll(() => useKernels('auto'));

describe.skipIf(!SIMD_AVAILABLE)('training gives the same bits on either kernel path', () => {
	for (const run of RUNS) {
		it(`${run.name}: ${run.layers.join('-')} ${run.activation}`, () => {
			const data = dataFor(run);
			const auto = fingerprint(run, data, 'auto');
			expect(fingerprint(run, data, 'simd').bits).toEqual(auto.bits);
			expect(fingerprint(run, data, 'js').bits).toEqual(auto.bits);
			// Runs that train: finite losses that change from step to step.
			expect(auto.losses.every(Number.isFinite)).toBe(true);
			expect(new Set(auto.losses).size).toBe(STEPS);
		});
	}

	it('finds WebAssembly SIMD where it is, and falls back where there is no WebAssembly or no SIMD', () => {
		const wasm = (globalThis as {WebAssembly?: WasmApi}).WebAssembly!;
		expect(compile(wasm)).not.toBeNull();
		// node --jitless has no WebAssembly at all; a runtime without SIMD fails to validate the module.
		expect(compile(undefined)).toBeNull();
		expect(compile({...wasm, validate: () => false})).toBeNull();
	});

	it('useKernels switches and reports the choice', () => {
		useKernels('js');
		expect(kernelChoice()).toBe('js');
		useKernels('auto');
		expect(kernelChoice()).toBe('auto');
	});
});
