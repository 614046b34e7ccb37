import {describe, expect, it} from 'vitest';
import {createOptimizer, OPTIMIZER_DEFAULTS, OPTIMIZER_NAMES, type Optimizer, type OptimizerConfig} from '../src/core/optim/index.js';
import {gradient, optimFixture, relativeError} from './helpers/optim-problem.js';

const fixture = optimFixture;

/** Runs `steps` steps on the fixture problem; `pieces` splits W's slot into [start, end) updates. */
function replay(config: OptimizerConfig, steps: number, pieces: readonly (readonly [number, number])[] = [[0, 6]]) {
	const opt = createOptimizer(config, [6, 3]);
	const W = Float64Array.from(fixture.problem.W0);
	const b = Float64Array.from(fixture.problem.b0);
	const gW = new Float64Array(6);
	const gb = new Float64Array(3);
	const trajectory: {W: number[]; b: number[]; deltaSq: number}[] = [];
	for (let t = 0; t < steps; t++) {
		gradient(W, b, gW, gb);
		opt.beginStep();
		let deltaSq = 0;
		for (const [start, end] of pieces) deltaSq += opt.update(0, W, gW, start, end);
		deltaSq += opt.update(1, b, gb, 0, 3);
		trajectory.push({W: [...W], b: [...b], deltaSq});
	}
	return trajectory;
}

describe('optimizers against torch.optim trajectories', () => {
	it('covers every optimizer name', () => {
		const names = new Set(fixture.cases.map((c) => c.config.name));
		expect([...names].sort()).toEqual([...OPTIMIZER_NAMES].sort());
	});

	for (const c of fixture.cases) {
		it(`${c.id}: ${c.torch}`, () => {
			const ours = replay(c.config, c.steps.length);
			let prevOurs = [...fixture.problem.W0, ...fixture.problem.b0];
			let prevTorch = prevOurs;
			c.steps.forEach((expected, t) => {
				const got = [...ours[t]!.W, ...ours[t]!.b];
				const want = [...expected.W, ...expected.b];
				// Positions, relative to max(1, |p|).
				got.forEach((v, i) => {
					const err = relativeError(v, want[i]!);
					if (err > 1e-10) expect.fail(`step ${t + 1}, value ${i}: ${v} vs torch ${want[i]} (rel. error ${err})`);
				});
				// This step's update Δp, relative to the step's largest |Δp| (catches errors in small steps).
				const scale = Math.max(...want.map((v, i) => Math.abs(v - prevTorch[i]!)));
				got.forEach((v, i) => {
					const err = Math.abs(v - prevOurs[i]! - (want[i]! - prevTorch[i]!)) / scale;
					if (err > 1e-10) expect.fail(`step ${t + 1}, Δ of value ${i}: rel. error ${err}`);
				});
				prevOurs = got;
				prevTorch = want;
			});
		});
	}
});

describe('hand-computed steps', () => {
	/** One 1-element slot, gradient given per step. */
	function run(config: OptimizerConfig, p0: number, grads: readonly number[]): number[] {
		const opt = createOptimizer(config, [1]);
		const p = Float64Array.of(p0);
		return grads.map((g) => {
			opt.beginStep();
			opt.update(0, p, Float64Array.of(g), 0, 1);
			return p[0]!;
		});
	}

	it('momentum: first buffer is g (no dampening), then μ·b + (1 − d)·g', () => {
		const [p1, p2] = run({name: 'momentum', lr: 0.1, dampening: 0.5}, 1, [2, 4]);
		expect(p1).toBeCloseTo(1 - 0.1 * 2, 14);
		expect(p2).toBeCloseTo(p1! - 0.1 * (0.9 * 2 + 0.5 * 4), 14);
	});

	it('nesterov: p ← p − lr·(g + μ·b)', () => {
		const [p1, p2] = run({name: 'nesterov', lr: 0.1}, 1, [2, 4]);
		expect(p1).toBeCloseTo(1 - 0.1 * (2 + 0.9 * 2), 14);
		const b2 = 0.9 * 2 + 4;
		expect(p2).toBeCloseTo(p1! - 0.1 * (4 + 0.9 * b2), 14);
	});

	it('sgd with weight decay adds wd·p to the gradient', () => {
		expect(run({name: 'sgd', lr: 0.1, weightDecay: 0.5}, 2, [1])[0]).toBeCloseTo(2 - 0.1 * (1 + 0.5 * 2), 14);
	});

	it('adam: first step divides by the bias corrections, so Δp = −lr·g/(|g| + eps)', () => {
		const [p1] = run({name: 'adam', lr: 0.1}, 1, [2]);
		expect(p1).toBeCloseTo(1 - (0.1 * 2) / (2 + 1e-8), 14);
		// With a large eps the correction's placement shows: denom = √v/√(1 − β₂) + eps.
		const [q1, q2] = run({name: 'adam', lr: 0.1, eps: 0.5, betas: [0.5, 0.75]}, 1, [2, 1]);
		expect(q1).toBeCloseTo(1 - (0.1 / 0.5) * (0.5 * 2) / (Math.sqrt(0.25 * 4) / Math.sqrt(0.25) + 0.5), 14);
		const m2 = 0.5 * 1 + 0.5 * 1;
		const v2 = 0.75 * 1 + 0.25 * 1;
		expect(q2).toBeCloseTo(q1! - (0.1 / 0.75) * m2 / (Math.sqrt(v2) / Math.sqrt(1 - 0.5625) + 0.5), 14);
	});

	it('adamw: decoupled decay p·(1 − lr·wd) before the Adam step', () => {
		const [p1] = run({name: 'adamw', lr: 0.1, weightDecay: 0.5}, 2, [3]);
		expect(p1).toBeCloseTo(2 * (1 - 0.05) - (0.1 * 3) / (3 + 1e-8), 14);
	});

	it('adagrad, rmsprop, adadelta first steps', () => {
		expect(run({name: 'adagrad', lr: 0.5, eps: 0.1}, 1, [2])[0]).toBeCloseTo(1 - (0.5 * 2) / (2 + 0.1), 14);
		expect(run({name: 'rmsprop', lr: 0.5, eps: 0.1}, 1, [2])[0]).toBeCloseTo(1 - (0.5 * 2) / (Math.sqrt(0.01 * 4) + 0.1), 14);
		const delta = (Math.sqrt(0.01) / Math.sqrt(0.1 * 4 + 0.01)) * 2;
		expect(run({name: 'adadelta', eps: 0.01}, 1, [2])[0]).toBeCloseTo(1 - delta, 14);
	});

	it('nadam: first step with μ₁ and μ₂', () => {
		const psi = 0.5;
		const mu1 = 0.9 * (1 - 0.5 * 0.96 ** psi);
		const mu2 = 0.9 * (1 - 0.5 * 0.96 ** (2 * psi));
		const denom = Math.sqrt((0.001 * 4) / 0.001) + 1e-8;
		const expected = 1 - (0.1 * (1 - mu1)) / (1 - mu1) * 2 / denom - (0.1 * mu2) / (1 - mu1 * mu2) * (0.1 * 2) / denom;
		expect(run({name: 'nadam', lr: 0.1, momentumDecay: psi}, 1, [2])[0]).toBeCloseTo(expected, 14);
	});
});

describe('update contract', () => {
	const configs = fixture.cases.map((c) => c.config);

	it('updating a slot in pieces equals updating it whole, for every fixture config', () => {
		for (const config of configs) {
			const whole = replay(config, 10);
			const split = replay(config, 10, [[0, 1], [1, 4], [4, 4], [4, 6]]);
			expect(split.map((s) => [s.W, s.b]), config.name).toEqual(whole.map((s) => [s.W, s.b]));
			split.forEach((s, t) => expect(relativeError(s.deltaSq, whole[t]!.deltaSq)).toBeLessThan(1e-14));
		}
	});

	it('leaves g untouched and returns Σ(Δp)² over the piece only', () => {
		for (const config of configs) {
			const opt = createOptimizer(config, [6]);
			const p = Float64Array.of(0.5, -1, 2, 0.25, -0.75, 1.5);
			const g = Float64Array.of(0.3, -0.2, 1.1, 0, -2, 0.7);
			const gCopy = g.slice();
			for (let t = 0; t < 3; t++) {
				opt.beginStep();
				const before = p.slice();
				const sq = opt.update(0, p, g, 1, 5);
				expect(g, config.name).toEqual(gCopy);
				expect(p[0]).toBe(before[0]);
				expect(p[5]).toBe(before[5]);
				let expected = 0;
				for (let i = 1; i < 5; i++) expected += (p[i]! - before[i]!) ** 2;
				expect(sq).toBeGreaterThan(0);
				expect(relativeError(sq, expected)).toBeLessThan(1e-15);
			}
		}
	});

	it('keeps state per slot', () => {
		const single = createOptimizer({name: 'adam', lr: 0.1}, [1]);
		const double = createOptimizer({name: 'adam', lr: 0.1}, [1, 1]);
		const a = Float64Array.of(1);
		const b = Float64Array.of(1);
		const c = Float64Array.of(5);
		for (let t = 0; t < 4; t++) {
			single.beginStep();
			double.beginStep();
			single.update(0, a, Float64Array.of(t + 1), 0, 1);
			double.update(1, c, Float64Array.of(-10), 0, 1);
			double.update(0, b, Float64Array.of(t + 1), 0, 1);
		}
		expect(b[0]).toBe(a[0]);
	});

	it('reports its name', () => {
		for (const name of OPTIMIZER_NAMES) expect(createOptimizer({name}, [2]).name).toBe(name);
	});
});

describe('defaults', () => {
	const torchKey: Record<string, string> = {
		lr: 'lr', momentum: 'momentum', dampening: 'dampening', weightDecay: 'weight_decay', betas: 'betas', eps: 'eps',
		alpha: 'alpha', centered: 'centered', rho: 'rho', lrDecay: 'lr_decay',
		initialAccumulatorValue: 'initial_accumulator_value', amsgrad: 'amsgrad', momentumDecay: 'momentum_decay',
	};
	const torchClass = {
		sgd: 'SGD', momentum: 'SGD', nesterov: 'SGD', adagrad: 'Adagrad', adadelta: 'Adadelta', rmsprop: 'RMSprop',
		adam: 'Adam', adamw: 'AdamW', nadam: 'NAdam',
	} as const;

	it('match the installed torch.optim constructors (besides our momentum/nesterov naming)', () => {
		for (const name of OPTIMIZER_NAMES) {
			const torch = fixture.torchDefaults[torchClass[name]]!;
			for (const [key, value] of Object.entries(OPTIMIZER_DEFAULTS[name])) {
				if (torchClass[name] === 'SGD' && key === 'lr') continue; // required in 1.13, 1e-3 in 2.x
				if ((name === 'momentum' || name === 'nesterov') && key === 'momentum') continue;
				expect(torch[torchKey[key]!], `${name}.${key}`).toEqual(value);
			}
		}
	});

	it('are torch 2.x SGD lr 1e-3 and momentum 0.9 for our momentum/nesterov names', () => {
		for (const name of ['sgd', 'momentum', 'nesterov'] as const) expect(OPTIMIZER_DEFAULTS[name].lr).toBe(1e-3);
		expect(OPTIMIZER_DEFAULTS.momentum.momentum).toBe(0.9);
		expect(OPTIMIZER_DEFAULTS.nesterov.momentum).toBe(0.9);
	});

	it('fill in what a config leaves out (undefined counts as left out)', () => {
		const implicit = replay({name: 'nadam', lr: undefined}, 5);
		const explicit = replay({name: 'nadam', lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 4e-3}, 5);
		expect(implicit).toEqual(explicit);
	});
});

describe('bad arguments', () => {
	const bad: [OptimizerConfig, RegExp][] = [
		[{name: 'sgd', lr: 0}, /sgd: invalid learning rate 0/],
		[{name: 'adam', lr: -1}, /invalid learning rate -1/],
		[{name: 'adam', lr: Number.NaN}, /invalid learning rate NaN/],
		[{name: 'rmsprop', lr: Number.POSITIVE_INFINITY}, /invalid learning rate Infinity/],
		[{name: 'adam', betas: [1, 0.999]}, /invalid beta at index 0: 1/],
		[{name: 'nadam', betas: [0.9, -0.1]}, /invalid beta at index 1: -0.1/],
		[{name: 'adamw', eps: -1e-8}, /invalid eps/],
		[{name: 'sgd', weightDecay: -0.1}, /invalid weight decay -0.1/],
		[{name: 'momentum', momentum: -0.5}, /invalid momentum -0.5/],
		[{name: 'momentum', dampening: 2}, /invalid dampening 2/],
		[{name: 'nesterov', momentum: 0}, /Nesterov momentum needs momentum > 0 and dampening 0/],
		[{name: 'nesterov', dampening: 0.5}, /Nesterov momentum needs/],
		[{name: 'adadelta', rho: 1.5}, /invalid rho 1.5/],
		[{name: 'rmsprop', alpha: -1}, /invalid alpha -1/],
		[{name: 'adagrad', lrDecay: -1}, /invalid lr decay -1/],
		[{name: 'adagrad', initialAccumulatorValue: -1}, /invalid initial accumulator value -1/],
		[{name: 'nadam', momentumDecay: -1}, /invalid momentum decay -1/],
		[{name: 'adam', momentum: 0.9}, /adam has no option "momentum" \(it takes lr, betas, eps, weightDecay, amsgrad\)/],
		[{name: 'sgd', betas: [0.9, 0.99]}, /sgd has no option "betas"/],
		[{name: 'nope'} as unknown as OptimizerConfig, /Unknown optimizer "nope"/],
	];
	for (const [config, message] of bad) {
		it(`${config.name}: throws ${message.source}`, () => {
			expect(() => createOptimizer(config, [3])).toThrow(message);
		});
	}

	it('rejects bad slot sizes', () => {
		expect(() => createOptimizer({name: 'adam'}, [3, -1])).toThrow(/Invalid slot size -1/);
		expect(() => createOptimizer({name: 'adam'}, [1.5])).toThrow(/Invalid slot size 1.5/);
	});

	it('accepts momentum 0 for the momentum name (plain SGD, like torch)', () => {
		const opt: Optimizer = createOptimizer({name: 'momentum', momentum: 0, lr: 0.1}, [1]);
		const p = Float64Array.of(1);
		opt.beginStep();
		opt.update(0, p, Float64Array.of(2), 0, 1);
		expect(p[0]).toBeCloseTo(0.8, 14);
	});
});
