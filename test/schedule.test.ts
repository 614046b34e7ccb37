import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createOptimizer, type OptimizerConfig} from '../src/core/optim/index.js';
import {chainLr, checkEntry, Scheduler, type ScheduleEntry} from '../src/core/schedule.js';
import {gradient, optimFixture, relativeError} from './helpers/optim-problem.js';

/** test/fixtures/schedule-trajectories.json, written by make_schedule_fixtures.py with torch.optim.lr_scheduler. */
interface ScheduleFixture {
	readonly torchVersion: string;
	readonly cases: {
		readonly id: string;
		readonly config: OptimizerConfig;
		readonly schedule: ScheduleEntry[];
		readonly steps: {lr: number; momentum: number | null; W: number[]; b: number[]}[];
	}[];
}

const fixture = JSON.parse(readFileSync(new URL('fixtures/schedule-trajectories.json', import.meta.url), 'utf8')) as ScheduleFixture;

/** The lr (and momentum) a schedule gives steps 1 … n, on a 1-element SGD. */
function lrs(entries: readonly ScheduleEntry[], n: number, config: OptimizerConfig = {name: 'sgd', lr: 1}): {lr: number[]; momentum: (number | undefined)[]} {
	const opt = createOptimizer(config, [1]);
	const scheduler = new Scheduler(opt, entries);
	const out = {lr: [] as number[], momentum: [] as (number | undefined)[]};
	for (let t = 0; t < n; t++) {
		out.lr.push(opt.lr);
		out.momentum.push(opt.momentum);
		scheduler.step();
	}
	return out;
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
	expect(actual.length).toBe(expected.length);
	actual.forEach((v, i) => {
		if (Math.abs(v - expected[i]!) > 1e-15 * Math.max(1, Math.abs(expected[i]!))) expect.fail(`t = ${i}: ${v}, expected ${expected[i]}`);
	});
}

describe('schedule formulas (hand-computed)', () => {
	it('step: ×γ at every multiple of `every`, t = 0 excluded', () => {
		expectClose(lrs([{name: 'step', every: 3, gamma: 0.5}], 8).lr, [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
	});

	it('multistep: ×γ at each milestone', () => {
		expectClose(lrs([{name: 'multistep', milestones: [2, 5], gamma: 0.1}], 7).lr, [1, 1, 0.1, 0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1]);
	});

	it('cosine: half a cosine down to η over T steps, then back up (torch continues the period)', () => {
		const half = (1 + Math.SQRT1_2) / 2;
		// Closed form η + (base − η)(1 + cos(πt/T))/2 with base 1, η 0, T 4; past T it rises again.
		expectClose(lrs([{name: 'cosine', steps: 4, minLr: 0}], 9).lr, [1, half, 0.5, 1 - half, 0, 1 - half, 0.5, half, 1]);
		expectClose(lrs([{name: 'cosine', steps: 2, minLr: 0.1}], 3).lr, [1, 0.55, 0.1]);
	});

	it('linear: from start_factor to end_factor over `steps`, then constant (warm-up and decay)', () => {
		expectClose(lrs([{name: 'linear', startFactor: 0.25, endFactor: 1, steps: 3}], 6).lr, [0.25, 0.5, 0.75, 1, 1, 1]);
		expectClose(lrs([{name: 'linear', startFactor: 1, endFactor: 0.5, steps: 2}], 4).lr, [1, 0.75, 0.5, 0.5]);
	});

	it('formulas chain in the order written: warm-up then cosine multiply (η = 0)', () => {
		const warm = [0.5, 0.75, 1, 1, 1];
		const cos = [1, (1 + Math.SQRT1_2) / 2, 0.5, (1 - Math.SQRT1_2) / 2, 0];
		expectClose(
			lrs([{name: 'linear', startFactor: 0.5, endFactor: 1, steps: 2}, {name: 'cosine', steps: 4, minLr: 0}], 5).lr,
			warm.map((w, i) => w * cos[i]!),
		);
	});

	it('a set-point overrides the formulas at its step, and they continue from it', () => {
		expectClose(lrs([{name: 'step', every: 2, gamma: 0.5}, {at: 3, lr: 10}], 7).lr, [1, 1, 0.5, 10, 5, 5, 2.5]);
		// The chainable cosine rescales the rest of its curve (towards η) from the set value:
		// the closed form would be back at 1 − half at t = 3.
		const ratio = (1 + Math.cos((3 * Math.PI) / 4)) / (1 + Math.cos(Math.PI / 2));
		expectClose(lrs([{name: 'cosine', steps: 4, minLr: 0}, {at: 2, lr: 0.2}], 4).lr, [1, (1 + Math.SQRT1_2) / 2, 0.2, 0.2 * ratio]);
	});

	it('a set-point at 0 wins over the formulas\' first value, in any order of the list', () => {
		expectClose(lrs([{at: 0, lr: 0.2}, {name: 'linear', startFactor: 0.5, endFactor: 1, steps: 2}], 4).lr, [0.2, 0.3, 0.4, 0.4]);
	});

	it('momentum set-points change momentum only; lr and momentum may share one', () => {
		const got = lrs([{at: 1, momentum: 0.5}, {at: 3, lr: 0.1, momentum: 0}], 5, {name: 'momentum', lr: 1});
		expect(got.momentum).toEqual([0.9, 0.5, 0.5, 0, 0]);
		expectClose(got.lr, [1, 1, 1, 0.1, 0.1]);
	});

	it('chainLr is torch\'s get_lr: cosine past T takes the restart branch with the base lr', () => {
		// (t − 1 − T) mod 2T = 0 at t = T + 1: lr + (base − η)(1 − cos(π/T))/2.
		expect(chainLr({name: 'cosine', steps: 4, minLr: 0}, 5, 0, 2)).toBe((2 * (1 - Math.cos(Math.PI / 4))) / 2);
	});
});

describe('Scheduler checks', () => {
	const sgd = () => createOptimizer({name: 'sgd', lr: 0.1}, [1]);

	it('refuses what torch would not take, with a plain message', () => {
		const bad: [ScheduleEntry, RegExp][] = [
			[{name: 'step', every: 0, gamma: 0.1}, /step decay interval 0/],
			[{name: 'multistep', milestones: [5, 5], gamma: 0.1}, /milestone 5 \(must be greater than the one before\)/],
			[{name: 'cosine', steps: 2.5, minLr: 0}, /cosine steps 2.5/],
			[{name: 'linear', startFactor: 0, endFactor: 1, steps: 3}, /start factor 0 \(must be in \(0, 1\]\)/],
			[{name: 'linear', startFactor: 1, endFactor: 1.5, steps: 3}, /end factor 1.5/],
			[{at: -1, lr: 0.1}, /set-point step -1/],
			[{at: 3}, /must be given an lr or a momentum/],
			[{at: 3, lr: 0}, /set-point lr 0/],
			[{at: 3, momentum: Number.NaN}, /set-point momentum NaN/],
		];
		for (const [entry, message] of bad) expect(() => checkEntry(entry), JSON.stringify(entry)).toThrow(message);
	});

	it('refuses momentum on an optimizer without it, and two set-points of one value at one step', () => {
		expect(() => new Scheduler(createOptimizer({name: 'adam'}, [1]), [{at: 2, momentum: 0.5}])).toThrow('adam has no momentum to change (set-point at step 2)');
		expect(() => new Scheduler(sgd(), [{at: 2, lr: 0.5}, {at: 2, lr: 0.3}])).toThrow('two set-points change the same value at step 2');
		expect(() => new Scheduler(sgd(), [{at: 2, lr: 0.5}, {at: 2, momentum: 0.3}])).not.toThrow();
	});

	it('a live change applies at once, records the step it was made at, and merges with one made at that step', () => {
		const opt = createOptimizer({name: 'momentum', lr: 1}, [1]);
		const scheduler = new Scheduler(opt, [{name: 'step', every: 2, gamma: 0.5}]);
		scheduler.step();
		scheduler.step();
		expect(scheduler.set({lr: 4})).toEqual({at: 2, lr: 4});
		expect(scheduler.set({momentum: 0.5})).toEqual({at: 2, momentum: 0.5});
		expect([opt.lr, opt.momentum]).toEqual([4, 0.5]);
		scheduler.step();
		scheduler.step();
		expect(opt.lr).toBe(2);
		expect(() => scheduler.set({lr: -1})).toThrow('set-point lr -1');
	});
});

describe('optimizers read lr and momentum at every step (torch\'s param_group)', () => {
	/** One 1-element slot: `before(opt, t)` runs before step t + 1. */
	function run(config: OptimizerConfig, p0: number, grads: readonly number[], before: (opt: ReturnType<typeof createOptimizer>, t: number) => void): number[] {
		const opt = createOptimizer(config, [1]);
		const p = Float64Array.of(p0);
		return grads.map((g, t) => {
			before(opt, t);
			opt.beginStep();
			opt.update(0, p, Float64Array.of(g), 0, 1);
			return p[0]!;
		});
	}

	it('adam: step size lr/(1 − β₁ᵗ) with the new lr', () => {
		const [p1] = run({name: 'adam', lr: 0.1}, 1, [2], (opt) => opt.setLr(0.5));
		expect(p1).toBeCloseTo(1 - (0.5 * 2) / (2 + 1e-8), 15);
	});

	it('adamw: the decoupled shrink 1 − lr·wd uses the new lr', () => {
		const [p1] = run({name: 'adamw', lr: 0.1, weightDecay: 0.1}, 1, [0], (opt) => opt.setLr(0.5));
		expect(p1).toBe(1 - 0.5 * 0.1);
	});

	it('adagrad: lr_decay divides the lr of the step', () => {
		const [, , p3] = run({name: 'adagrad', lr: 0.5, lrDecay: 0.1, eps: 0}, 0, [1, 1, 1], (opt, t) => t === 2 && opt.setLr(2));
		expect(p3).toBeCloseTo(-0.5 / 1 - 0.5 / (1.1 * Math.SQRT2) - 2 / (1.2 * Math.sqrt(3)), 14);
	});

	it('adadelta, rmsprop, nadam, sgd: the new lr scales the step', () => {
		for (const config of [{name: 'adadelta'}, {name: 'rmsprop'}, {name: 'nadam'}, {name: 'sgd', lr: 0.1}] as const) {
			const base = run(config, 1, [2], () => {})[0]! - 1;
			const doubled = run(config, 1, [2], (opt) => opt.setLr(2 * opt.lr))[0]! - 1;
			expect(relativeError(doubled, 2 * base), config.name).toBeLessThan(1e-15);
		}
	});

	it('sgd: momentum turned on starts the buffer at g, turned off leaves it, turned on again resumes it', () => {
		const mu = [0, 0.5, 0, 0.5];
		const got = run({name: 'sgd', lr: 1, dampening: 0.5}, 0, [1, 2, 4, 8], (opt, t) => opt.setMomentum(mu[t]!));
		// b: none, then g = 2 (no dampening on its first step), untouched, then 0.5·2 + 0.5·8 = 5.
		expect(got).toEqual([-1, -3, -7, -12]);
	});

	it('rmsprop: momentum can change while it has a buffer, not be raised from 0 after the first step', () => {
		const opt = createOptimizer({name: 'rmsprop'}, [1]);
		opt.setMomentum(0.5); // before the first step: torch makes the buffer then
		opt.beginStep();
		opt.setMomentum(0);
		opt.setMomentum(0.9);
		const plain = createOptimizer({name: 'rmsprop'}, [1]);
		plain.beginStep();
		expect(() => plain.setMomentum(0.5)).toThrow('momentum was 0 on the first step');
		expect(() => createOptimizer({name: 'adam'}, [1]).setMomentum(0.5)).toThrow('adam has no momentum to set');
		expect(() => createOptimizer({name: 'sgd'}, [1]).setLr(Number.POSITIVE_INFINITY)).toThrow('invalid learning rate Infinity');
	});
});

describe('schedules against torch.optim.lr_scheduler trajectories', () => {
	it('the fixture covers every formula, set-points of both kinds, and both momentum units', () => {
		const entries = fixture.cases.flatMap((c) => c.schedule);
		const names = new Set(entries.map((e) => ('name' in e ? e.name : 'at')));
		expect([...names].sort()).toEqual(['at', 'cosine', 'linear', 'multistep', 'step']);
		expect(entries.some((e) => 'momentum' in e)).toBe(true);
		expect(new Set(fixture.cases.map((c) => c.config.name)).size).toBeGreaterThanOrEqual(9);
	});

	for (const c of fixture.cases) {
		it(c.id, () => {
			const opt = createOptimizer(c.config, [6, 3]);
			const scheduler = new Scheduler(opt, c.schedule);
			const W = Float64Array.from(optimFixture.problem.W0);
			const b = Float64Array.from(optimFixture.problem.b0);
			const gW = new Float64Array(6);
			const gb = new Float64Array(3);
			c.steps.forEach((expected, t) => {
				if (relativeError(opt.lr, expected.lr) > 1e-14) expect.fail(`step ${t + 1}: lr ${opt.lr} vs torch ${expected.lr}`);
				expect(opt.momentum ?? null, `step ${t + 1}: momentum`).toBe(expected.momentum);
				gradient(W, b, gW, gb);
				opt.beginStep();
				opt.update(0, W, gW, 0, 6);
				opt.update(1, b, gb, 0, 3);
				scheduler.step();
				const got = [...W, ...b];
				const want = [...expected.W, ...expected.b];
				got.forEach((v, i) => {
					const err = relativeError(v, want[i]!);
					if (err > 1e-12) expect.fail(`step ${t + 1}, value ${i}: ${v} vs torch ${want[i]} (rel. error ${err})`);
				});
			});
		});
	}
});
