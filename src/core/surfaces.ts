/**
 * 2-D loss surfaces for the optimizer race: small enough to draw as a contour map, each hard
 * in its own way (a curved valley, flat plateaus, a saddle, bad conditioning, several minima).
 * Gradients are analytic; the tests check them against finite differences.
 */
import type {Optimizer} from './optim/optimizer.js';

export type SurfaceName = 'rosenbrock' | 'beale' | 'saddle' | 'quadratic' | 'himmelblau';

export const SURFACE_NAMES: readonly SurfaceName[] = ['rosenbrock', 'beale', 'saddle', 'quadratic', 'himmelblau'];

/** A plotting window in surface coordinates. */
export interface SurfaceView {
	readonly xMin: number;
	readonly xMax: number;
	readonly yMin: number;
	readonly yMax: number;
}

export interface Surface {
	readonly name: SurfaceName;
	value(x: number, y: number): number;
	/** Writes (∂f/∂x, ∂f/∂y) into out[0], out[1]. */
	gradient(x: number, y: number, out: Float64Array): void;
	/** The global minima (all of them where there are several). */
	readonly minima: readonly (readonly [number, number])[];
	/** f at the minima: 0 except for the saddle (−1). Plot `loss − minValue` on a log scale. */
	readonly minValue: number;
	/** A window that shows the start, the minima and the interesting terrain between. */
	readonly view: SurfaceView;
	/** The customary start point for a race. */
	readonly start: readonly [number, number];
}

/**
 * Rosenbrock (a = 1, b = 100): f = (1 − x)² + 100 (y − x²)². Finding the curved valley is easy,
 * following it to (1, 1) is slow; the classic test of momentum. Start (−1.5, 2): up on the far
 * wall, so the valley must be found and then followed round the bend.
 */
const rosenbrock: Surface = {
	name: 'rosenbrock',
	value: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
	gradient(x, y, out) {
		const r = y - x * x;
		out[0] = -2 * (1 - x) - 400 * x * r;
		out[1] = 200 * r;
	},
	minima: [[1, 1]],
	minValue: 0,
	view: {xMin: -2, xMax: 2, yMin: -1, yMax: 3},
	start: [-1.5, 2],
};

/**
 * Beale: f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum (3, 0.5).
 * Sharp walls around a long flat floor: gradient scales differ by orders of magnitude, which
 * is where per-coordinate adaptive methods shine. Start (1, 1.5), above the valley.
 */
const beale: Surface = {
	name: 'beale',
	value(x, y) {
		const y2 = y * y;
		return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y2) ** 2 + (2.625 - x + x * y2 * y) ** 2;
	},
	gradient(x, y, out) {
		const y2 = y * y;
		const y3 = y2 * y;
		const t1 = 1.5 - x + x * y;
		const t2 = 2.25 - x + x * y2;
		const t3 = 2.625 - x + x * y3;
		out[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
		out[1] = 2 * x * (t1 + 2 * t2 * y + 3 * t3 * y2);
	},
	minima: [[3, 0.5]],
	minValue: 0,
	view: {xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5},
	start: [1, 1.5],
};

const SQRT2 = Math.SQRT2;

/**
 * A saddle with somewhere to fall: f = x² − y² + y⁴/4. The origin is a saddle point (a
 * minimum along x, a maximum along y); the quartic term bends y back up so there are real
 * minima at (0, ±√2) with f = −1, instead of the plain x² − y² running off to −∞.
 * Start (−2, 0.01): almost on the ridge line y = 0, so the gradient first pulls straight into the
 * saddle and only the tiny y offset (growing geometrically) gets a method out. Plain gradient
 * descent lingers; momentum and adaptive methods escape sooner.
 */
const saddle: Surface = {
	name: 'saddle',
	value: (x, y) => x * x - y * y + (y * y * y * y) / 4,
	gradient(x, y, out) {
		out[0] = 2 * x;
		out[1] = -2 * y + y * y * y;
	},
	minima: [
		[0, SQRT2],
		[0, -SQRT2],
	],
	minValue: -1,
	view: {xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5},
	start: [-2, 0.01],
};

/** Curvature ratio of the quadratic: 50 along y to 1 along x. */
const CONDITION = 50;

/**
 * An ill-conditioned bowl: f = ½(x² + 50 y²), minimum (0, 0), condition number 50. Axis-aligned
 * on purpose: plain gradient descent must keep its step under 2/50 to stay stable along y and so
 * crawls along x, zig-zagging across the narrow valley; momentum damps the zig-zag, and the
 * per-coordinate scaling of Adagrad/RMSprop/Adam removes the conditioning outright. Start (−4, 1).
 */
const quadratic: Surface = {
	name: 'quadratic',
	value: (x, y) => 0.5 * (x * x + CONDITION * y * y),
	gradient(x, y, out) {
		out[0] = x;
		out[1] = CONDITION * y;
	},
	minima: [[0, 0]],
	minValue: 0,
	view: {xMin: -5, xMax: 5, yMin: -2, yMax: 2},
	start: [-4, 1],
};

/**
 * Himmelblau: f = (x² + y − 11)² + (x + y² − 7)², four minima with f = 0: (3, 2) and three
 * irrational ones (digits from Newton's method on ∇f = 0). Start (−0.3, −0.9), near the one local
 * maximum (−0.2708, −0.9230): which minimum a method reaches depends on how it takes its first steps.
 */
const himmelblau: Surface = {
	name: 'himmelblau',
	value(x, y) {
		const a = x * x + y - 11;
		const b = x + y * y - 7;
		return a * a + b * b;
	},
	gradient(x, y, out) {
		const a = x * x + y - 11;
		const b = x + y * y - 7;
		out[0] = 4 * x * a + 2 * b;
		out[1] = 2 * a + 4 * y * b;
	},
	minima: [
		[3, 2],
		[-2.805118086952745, 3.131312518250573],
		[-3.779310253377747, -3.283185991286170],
		[3.584428340330492, -1.848126526964404],
	],
	minValue: 0,
	view: {xMin: -5, xMax: 5, yMin: -5, yMax: 5},
	start: [-0.3, -0.9],
};

export const SURFACES: Record<SurfaceName, Surface> = {rosenbrock, beale, saddle, quadratic, himmelblau};

/** Where a surface run stands after a step. */
export interface SurfacePoint {
	readonly x: number;
	readonly y: number;
	readonly loss: number;
	/** True once the point left the finite world (non-finite f, or |x| or |y| beyond 1e6). */
	readonly diverged: boolean;
}

export interface SurfaceRun {
	/** One optimizer step from the current point; once diverged, returns that point unchanged. */
	step(): SurfacePoint;
	/** The current point (the start before any step). */
	current(): SurfacePoint;
	/** Steps taken (diverged runs stop counting). */
	readonly steps: number;
}

/** Coordinates beyond this count as diverged: the path has left any window worth drawing. */
const DIVERGED_AT = 1e6;

/**
 * A point descending `surface` from `start` under `optimizer` (slot 0, a 2-element parameter).
 * Pure apart from the optimizer's own state; divergence is reported, never thrown, so a race
 * can show one runner flying off while the others carry on.
 */
export function createSurfaceRun(surface: Surface, start: readonly [number, number], optimizer: Optimizer): SurfaceRun {
	const p = Float64Array.of(start[0], start[1]);
	const g = new Float64Array(2);
	let steps = 0;
	const pointAt = (): SurfacePoint => {
		const x = p[0]!;
		const y = p[1]!;
		const loss = surface.value(x, y);
		const diverged = !Number.isFinite(loss) || !(Math.abs(x) <= DIVERGED_AT) || !(Math.abs(y) <= DIVERGED_AT);
		return {x, y, loss, diverged};
	};
	let point = pointAt();
	return {
		step() {
			if (point.diverged) return point;
			surface.gradient(p[0]!, p[1]!, g);
			optimizer.beginStep();
			optimizer.update(0, p, g, 0, 2);
			steps++;
			point = pointAt();
			return point;
		},
		current: () => point,
		get steps() {
			return steps;
		},
	};
}
