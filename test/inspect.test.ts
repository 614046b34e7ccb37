import {describe, expect, it} from 'vitest';
import {ACTIVATION_NAMES, ACTIVATIONS, type ActivationName} from '../src/core/activations.js';
import {makeToy} from '../src/core/data/index.js';
import {batchLabels, batchLoss, copyNetwork, type StepInput} from '../src/core/inspect-preview.js';
import {inspectPhases, inspectStep, type ParamStep, type StepInspection} from '../src/core/inspect.js';
import type {OptimizerBuffer, OptimizerConfig, OptimizerName} from '../src/core/optim/index.js';
import {createRng} from '../src/core/rng.js';
import {Trainer} from '../src/core/trainer.js';
import type {LossName, TrainConfig} from '../src/core/types.js';

/** Three blobs, so every layer below is a different width (a transposed index cannot pass). */
const data = makeToy('blobs', {samples: 40, noise: 0.6, classes: 3, test: 0.25}, createRng(3));
const LAYERS = [2, 4, 3, 3];

function trainer(activation: ActivationName, loss: LossName, optimizer: OptimizerConfig = {name: 'sgd', lr: 0.3}, layers = LAYERS): Trainer {
	const config: TrainConfig = {
		network: {layers, activation},
		init: {name: 'normal', std: 0.9},
		optimizer,
		loss,
		batch: 7,
		shuffle: true,
		seed: 5,
	};
	const t = new Trainer(config, data);
	// Non-zero biases, so every term is exercised; then a few steps, so the optimizer has state.
	const rng = createRng(11);
	for (const b of t.network.biases) for (let k = 0; k < b.length; k++) b[k] = 0.4 * rng.normal();
	for (let k = 0; k < 3; k++) t.advance();
	return t;
}

function asStep(inspection: ReturnType<typeof inspectStep>): StepInspection {
	if (inspection.kind !== 'step') throw new Error('expected a step inspection');
	return inspection;
}

/** Five-point central difference of the batch loss in parameter `params[k]` of a copy of the network. */
function numericGradient(input: StepInput, pick: (net: ReturnType<typeof copyNetwork>) => Float64Array, k: number): number {
	const net = copyNetwork(input.network);
	const params = pick(net);
	const labels = batchLabels(input);
	const saved = params[k]!;
	const at = (offset: number) => {
		params[k] = saved + offset;
		return batchLoss(net, input, labels);
	};
	const h = 1e-4;
	return (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
}

/**
 * The step as the view will write it: torch's update rule (the doc comment of each unit) with the
 * inspection's numbers filled in. Buffers' after-values are checked against their own rule too.
 */
function stepByFormula(name: OptimizerName, s: StepInspection['optimizer']['scalars'], t: number | null, p: ParamStep): number {
	const {value: w, state} = p;
	const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
	const g = p.grad + (s.weight_decay ?? 0) * w;
	const lr = s.lr!;
	switch (name) {
		case 'sgd':
		case 'momentum':
		case 'nesterov': {
			const buffer = state.momentum_buffer;
			if (!buffer) return w - lr * g;
			near(buffer.after, t === 1 ? g : s.momentum! * buffer.before + (1 - s.dampening!) * g);
			return w - lr * (name === 'nesterov' ? g + s.momentum! * buffer.after : buffer.after);
		}
		case 'adagrad':
			near(state.sum!.after, state.sum!.before + g * g);
			return w - (s.clr! * g) / (Math.sqrt(state.sum!.after) + s.eps!);
		case 'adadelta': {
			const {square_avg: v, acc_delta: u} = state;
			near(v!.after, s.rho! * v!.before + (1 - s.rho!) * g * g);
			const delta = (Math.sqrt(u!.before + s.eps!) / Math.sqrt(v!.after + s.eps!)) * g;
			near(u!.after, s.rho! * u!.before + (1 - s.rho!) * delta * delta);
			return w - lr * delta;
		}
		case 'rmsprop': {
			const {square_avg: v, grad_avg: mean, momentum_buffer: buffer} = state;
			near(v!.after, s.alpha! * v!.before + (1 - s.alpha!) * g * g);
			if (mean) near(mean.after, s.alpha! * mean.before + (1 - s.alpha!) * g);
			const avg = Math.sqrt(v!.after - (mean ? mean.after ** 2 : 0)) + s.eps!;
			if (!buffer) return w - (lr * g) / avg;
			near(buffer.after, s.momentum! * buffer.before + g / avg);
			return w - lr * buffer.after;
		}
		case 'adam':
		case 'adamw':
		case 'nadam': {
			const {exp_avg: m, exp_avg_sq: v, max_exp_avg_sq: vMax} = state;
			near(m!.after, s.beta1! * m!.before + (1 - s.beta1!) * g);
			near(v!.after, s.beta2! * v!.before + (1 - s.beta2!) * g * g);
			if (name === 'nadam') {
				const denom = Math.sqrt(v!.after / s.bias_correction2!) + s.eps!;
				return w + (s.grad_coef! * g) / denom + (s.momentum_coef! * m!.after) / denom;
			}
			if (vMax) near(vMax.after, Math.max(vMax.before, v!.after));
			expect(s.step_size).toBeCloseTo(lr / (1 - s.beta1! ** t!), 14);
			expect(s.bias_correction2_sqrt).toBeCloseTo(Math.sqrt(1 - s.beta2! ** t!), 14);
			return w * (s.decay_factor ?? 1) - (s.step_size! * m!.after) / (Math.sqrt((vMax ?? v)!.after) / s.bias_correction2_sqrt! + s.eps!);
		}
	}
}

function relativeError(a: number, b: number): number {
	return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), 1e-4);
}

describe('the backprop inspector', () => {
	for (const activation of ACTIVATION_NAMES) {
		for (const loss of ['cross-entropy', 'mse'] as const) {
			it(`∂L/∂w is the core's gradient and a finite difference: ${activation}, ${loss}`, () => {
				const t = trainer(activation, loss);
				const input = t.nextStep();
				const ins = asStep(inspectStep(input, 2));
				let worst = 0;
				ins.edges.forEach((layer, l) =>
					layer.forEach((row, to) =>
						row.forEach((edge, from) => {
							worst = Math.max(worst, relativeError(edge.grad, numericGradient(input, (net) => net.weights[l]!, to * LAYERS[l]! + from)));
						}),
					),
				);
				ins.units.slice(1).forEach((layer, l) =>
					layer.forEach((unit, k) => {
						worst = Math.max(worst, relativeError(unit.bias!.grad, numericGradient(input, (net) => net.biases[l]!, k)));
					}),
				);
				expect(worst).toBeLessThan(1e-6);
				// The step the trainer then takes computes the very same gradients.
				t.advance();
				ins.edges.forEach((layer, l) => expect(layer.flat().map((e) => e.grad)).toEqual(Array.from(t.network.gradW[l]!)));
				ins.units.slice(1).forEach((layer, l) => expect(layer.map((u) => u.bias!.grad)).toEqual(Array.from(t.network.gradB[l]!)));
			});
		}

		it(`the chain rule holds with the shown numbers: ${activation}`, () => {
			const t = trainer(activation, 'cross-entropy');
			const input = t.nextStep();
			const focus = 3;
			const ins = asStep(inspectStep(input, focus));
			const f = ACTIVATIONS[activation];
			const depth = LAYERS.length - 1;
			for (let l = 1; l <= depth; l++) {
				ins.units[l]!.forEach((unit, k) => {
					// Forward: z = Σ w·a_prev + b, a = f(z) (the output layer is linear).
					const z = ins.edges[l - 1]![k]!.reduce((sum, edge, i) => sum + edge.value * ins.units[l - 1]![i]!.a, unit.bias!.value);
					expect(unit.z).toBeCloseTo(z, 12);
					expect(unit.a).toBeCloseTo(l === depth ? unit.z! : f.value(unit.z!), 12);
					// Backward: ∂L/∂z = ∂L/∂a · f′(z) exactly, f′ as the activation defines it, and
					// ∂L/∂a = Σ_next w·∂L/∂z_next below the output.
					expect(unit.dLdz === unit.dLda! * unit.fPrime!).toBe(true); // === : relu's core writes +0 for a −0 product
					expect(unit.fPrime).toBeCloseTo(l === depth ? 1 : f.derivative(unit.z!, unit.a), 12);
					if (l < depth) {
						const dLda = ins.units[l + 1]!.reduce((sum, above, j) => sum + ins.edges[l]![j]![k]!.value * above.dLdz!, 0);
						expect(unit.dLda).toBeCloseTo(dLda, 14);
					}
				});
				// Edges: this example's term is ∂L/∂z above times a below.
				ins.edges[l - 1]!.forEach((row, to) =>
					row.forEach((edge, from) => expect(edge.term).toBe(ins.units[l]![to]!.dLdz! * ins.units[l - 1]![from]!.a)),
				);
			}
			// The loss: ℓ of this example, ∂ℓ/∂z = B·∂L/∂z, and L the mean of ℓ over the batch.
			expect(ins.example).toBe(input.rows[focus]);
			expect(ins.output.label).toBe(data.train.y[input.rows[focus]!]);
			ins.output.dldz.forEach((g, j) => expect(g / ins.rows).toBeCloseTo(ins.units[depth]![j]!.dLdz!, 15));
			const p = ins.output.probabilities!;
			expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 14);
			expect(ins.output.loss).toBeCloseTo(-Math.log(p[ins.output.label!]!), 12);
			const losses = Array.from(input.rows, (_, b) => asStep(inspectStep(input, b)).output.loss);
			expect(losses.reduce((a, b) => a + b) / losses.length).toBeCloseTo(ins.loss, 14);
		});
	}

	it('shows MSE targets, and for one chosen example ∂L/∂w is that example\'s term', () => {
		const t = trainer('tanh', 'mse');
		const one = {...t.nextStep(), rows: Uint32Array.of(5)};
		const ins = asStep(inspectStep(one));
		expect(ins.rows).toBe(1);
		const label = data.train.y[5]!;
		ins.output.targets!.forEach((target, j) => expect(target).toBeCloseTo(j === label ? 1 : 0, 14));
		expect(ins.output.probabilities).toBeNull();
		for (const edge of ins.edges.flat(2)) expect(edge.term).toBeCloseTo(edge.grad, 15);
	});

	const OPTIMIZERS: readonly OptimizerConfig[] = [
		{name: 'sgd', lr: 0.3},
		{name: 'sgd', lr: 0.3, weightDecay: 0.1},
		{name: 'momentum', lr: 0.1},
		{name: 'nesterov', lr: 0.1, weightDecay: 0.01},
		{name: 'sgd', lr: 0.1, momentum: 0.5, dampening: 0.3},
		{name: 'adagrad', lr: 0.1, lrDecay: 0.01},
		{name: 'adadelta'},
		{name: 'rmsprop', lr: 0.01},
		{name: 'rmsprop', lr: 0.01, centered: true, momentum: 0.5},
		{name: 'adam', lr: 0.01},
		{name: 'adam', lr: 0.01, amsgrad: true, weightDecay: 0.01},
		{name: 'adamw', lr: 0.01},
		{name: 'nadam', lr: 0.01},
	];

	for (const optimizer of OPTIMIZERS) {
		it(`previews exactly the step the run then takes, without changing it: ${JSON.stringify(optimizer)}`, () => {
			const t = trainer('tanh', 'cross-entropy', optimizer);
			const twin = trainer('tanh', 'cross-entropy', optimizer);
			const ins = asStep(inspectStep(t.nextStep()));
			t.advance();
			twin.advance();
			// The inspected run and its uninspected twin took the same step.
			expect(t.network.toCheckpoint()).toEqual(twin.network.toCheckpoint());
			ins.edges.forEach((layer, l) => expect(layer.flat().map((e) => e.next)).toEqual(Array.from(t.network.weights[l]!)));
			ins.units.slice(1).forEach((layer, l) => expect(layer.map((u) => u.bias!.next)).toEqual(Array.from(t.network.biases[l]!)));
			// The buffers shown after the step are the optimizer's own after it.
			const live = t.nextStep().optimizer.state();
			expect(ins.optimizer.step).toBe(live.step);
			expect(ins.optimizer.scalars).toEqual(live.scalars);
			const names = Object.keys(live.buffers) as OptimizerBuffer[];
			ins.edges.forEach((layer, l) =>
				layer.flat().forEach((edge, k) => {
					expect(Object.keys(edge.state).sort()).toEqual([...names].sort());
					for (const name of names) expect(edge.state[name]!.after).toBe(live.buffers[name]![2 * l]![k]);
				}),
			);
		});
	}

	for (const optimizer of OPTIMIZERS) {
		it(`shows the numbers that give each step by torch's formula: ${JSON.stringify(optimizer)}`, () => {
			const ins = asStep(inspectStep(trainer('tanh', 'cross-entropy', optimizer).nextStep()));
			const params = [...ins.edges.flat(2), ...ins.units.flat().flatMap((u) => (u.bias ? [u.bias] : []))];
			for (const p of params) {
				const formula = stepByFormula(ins.optimizer.name, ins.optimizer.scalars, ins.optimizer.step, p);
				expect(Math.abs(formula - p.next)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(p.next)));
			}
		});
	}

	it('writes SGD\'s step as −lr·∂L/∂w, and momentum\'s from its buffer', () => {
		const sgd = asStep(inspectStep(trainer('relu', 'cross-entropy', {name: 'sgd', lr: 0.3}).nextStep()));
		for (const edge of sgd.edges.flat(2)) expect(edge.next).toBe(edge.value + -0.3 * edge.grad);
		expect(sgd.optimizer.scalars.lr).toBe(0.3);
		const momentum = asStep(inspectStep(trainer('relu', 'cross-entropy', {name: 'momentum', lr: 0.1}).nextStep()));
		for (const edge of momentum.edges.flat(2)) {
			const buffer = edge.state.momentum_buffer!;
			expect(buffer.after).toBe(0.9 * buffer.before + edge.grad);
			expect(edge.next).toBe(edge.value + -0.1 * buffer.after);
		}
		expect(momentum.optimizer.step).toBe(4);
	});

	it('refuses networks too large to draw', () => {
		expect(inspectStep(trainer('tanh', 'cross-entropy', undefined, [2, 5, 3]).nextStep()).kind).toBe('too-large');
		expect(inspectStep(trainer('tanh', 'cross-entropy', undefined, [2, 4, 4, 4, 4, 3]).nextStep())).toEqual({
			kind: 'too-large',
			layers: [2, 4, 4, 4, 4, 3],
			maxLayers: 4,
			maxUnits: 4,
		});
		expect(inspectStep(trainer('tanh', 'cross-entropy', undefined, [2, 4, 4, 4, 3]).nextStep()).kind).toBe('step');
		expect(() => inspectStep(trainer('tanh', 'cross-entropy').nextStep(), 7)).toThrow(/outside the batch of 7/);
	});

	it('steps forward layer by layer, then the loss, then backward to layer 1, then the update', () => {
		expect(inspectPhases(2)).toEqual([
			{kind: 'forward', layer: 1},
			{kind: 'forward', layer: 2},
			{kind: 'loss'},
			{kind: 'backward', layer: 2},
			{kind: 'backward', layer: 1},
			{kind: 'update'},
		]);
	});

	it('is plain data that survives a structured clone', () => {
		const ins = inspectStep(trainer('gelu', 'mse', {name: 'adam', lr: 0.01}).nextStep());
		expect(structuredClone(ins)).toEqual(ins);
		expect(JSON.parse(JSON.stringify(ins))).toEqual(ins);
	});
});
