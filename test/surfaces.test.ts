import {describe, expect, it} from 'vitest';
import {createOptimizer, type Optimizer} from '../src/core/optim/index.js';
import {createSurfaceRun, SURFACE_NAMES, SURFACES} from '../src/core/surfaces.js';

/** Plain gradient descent: p ← p − lr·g. */
function plainGd(lr: number): Optimizer {
	return createOptimizer({name: 'sgd', lr}, [2]);
}

const PROBES: readonly (readonly [number, number])[] = [
	[0.3, -0.7],
	[-1.2, 0.8],
	[1.7, 1.1],
	[2.2, -1.3],
	[-0.5, 2.5],
];

describe('surfaces', () => {
	it('lists every surface once', () => {
		expect([...SURFACE_NAMES].sort()).toEqual(Object.keys(SURFACES).sort());
		for (const name of SURFACE_NAMES) expect(SURFACES[name].name).toBe(name);
	});

	for (const name of SURFACE_NAMES) {
		const s = SURFACES[name];

		it(`${name}: analytic gradient matches central differences`, () => {
			const g = new Float64Array(2);
			for (const [x, y] of [...PROBES, s.start]) {
				s.gradient(x, y, g);
				const hx = 1e-5 * Math.max(1, Math.abs(x));
				const hy = 1e-5 * Math.max(1, Math.abs(y));
				const fx = (s.value(x + hx, y) - s.value(x - hx, y)) / (2 * hx);
				const fy = (s.value(x, y + hy) - s.value(x, y - hy)) / (2 * hy);
				const scale = Math.max(1, Math.abs(g[0]!), Math.abs(g[1]!));
				expect(Math.abs(g[0]! - fx) / scale, `∂f/∂x at (${x}, ${y})`).toBeLessThan(1e-6);
				expect(Math.abs(g[1]! - fy) / scale, `∂f/∂y at (${x}, ${y})`).toBeLessThan(1e-6);
			}
		});

		it(`${name}: minima are stationary with the minimum value`, () => {
			const g = new Float64Array(2);
			expect(s.minima.length).toBeGreaterThan(0);
			for (const [x, y] of s.minima) {
				expect(s.value(x, y)).toBeCloseTo(s.minValue, 12);
				s.gradient(x, y, g);
				expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-9);
				// Every probe and the start lie above the minimum value.
				for (const [px, py] of [...PROBES, s.start]) expect(s.value(px, py)).toBeGreaterThan(s.minValue);
			}
		});

		it(`${name}: the view holds the start and the minima`, () => {
			const {xMin, xMax, yMin, yMax} = s.view;
			expect(xMin).toBeLessThan(xMax);
			expect(yMin).toBeLessThan(yMax);
			for (const [x, y] of [s.start, ...s.minima]) {
				expect(x).toBeGreaterThanOrEqual(xMin);
				expect(x).toBeLessThanOrEqual(xMax);
				expect(y).toBeGreaterThanOrEqual(yMin);
				expect(y).toBeLessThanOrEqual(yMax);
			}
		});
	}

	it('known values', () => {
		expect(SURFACES.rosenbrock.value(-1.5, 2)).toBeCloseTo(12.5, 12);
		expect(SURFACES.beale.value(0, 0)).toBeCloseTo(1.5 ** 2 + 2.25 ** 2 + 2.625 ** 2, 12);
		expect(SURFACES.himmelblau.value(0, 0)).toBe(170);
		expect(SURFACES.saddle.value(0, 0)).toBe(0);
		expect(SURFACES.quadratic.value(1, 1)).toBe(25.5);
	});
});

describe('createSurfaceRun', () => {
	it('starts at the start point', () => {
		const run = createSurfaceRun(SURFACES.rosenbrock, [-1.5, 2], plainGd(0.001));
		expect(run.current()).toEqual({x: -1.5, y: 2, loss: 12.5, diverged: false});
		expect(run.steps).toBe(0);
	});

	it('plain gradient descent converges on the quadratic', () => {
		const s = SURFACES.quadratic;
		const run = createSurfaceRun(s, s.start, plainGd(0.03));
		let last = run.current();
		for (let i = 0; i < 1000; i++) {
			const next = run.step();
			expect(next.loss).toBeLessThanOrEqual(last.loss);
			last = next;
		}
		expect(run.steps).toBe(1000);
		expect(last.diverged).toBe(false);
		expect(last.loss).toBeLessThan(1e-10);
		expect(Math.abs(last.x)).toBeLessThan(1e-5);
		expect(Math.abs(last.y)).toBeLessThan(1e-5);
	});

	it('gradient descent leaves the saddle for a real minimum', () => {
		const s = SURFACES.saddle;
		const run = createSurfaceRun(s, s.start, plainGd(0.01));
		let p = run.current();
		for (let i = 0; i < 2000; i++) p = run.step();
		expect(p.loss).toBeCloseTo(-1, 8);
		expect(p.y).toBeCloseTo(Math.SQRT2, 4);
	});

	it('detects divergence from a too-large step and stops there', () => {
		const s = SURFACES.quadratic;
		// Along y the step multiplies the offset by 1 − 50·lr = −49: it explodes.
		const run = createSurfaceRun(s, s.start, plainGd(1));
		let p = run.current();
		let n = 0;
		while (!p.diverged && n < 100) {
			p = run.step();
			n++;
		}
		expect(p.diverged).toBe(true);
		expect(n).toBeLessThan(10);
		const frozen = run.steps;
		expect(run.step()).toBe(p);
		expect(run.steps).toBe(frozen);
	});

	it('marks non-finite values as diverged without throwing', () => {
		const s = SURFACES.rosenbrock;
		const run = createSurfaceRun(s, s.start, plainGd(0.05));
		let p = run.current();
		for (let i = 0; i < 200; i++) p = run.step();
		expect(p.diverged).toBe(true);
		expect(run.steps).toBeLessThan(200);
	});
});
