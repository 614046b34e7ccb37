/**
 * Whole-array activation loops, one tight loop per activation. The switch sits outside the
 * loop so each loop stays monomorphic even when runs with different activations share a process
 * (a per-element call through `ACTIVATIONS[name].value` would not).
 */
import {ACTIVATIONS, type ActivationName, erf} from '../../src/core/activations.js';

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const sigmoid = ACTIVATIONS.sigmoid.value;

/** A[k] = f(Z[k]) for k < count. */
export function activate(name: ActivationName, Z: Float64Array, A: Float64Array, count: number): void {
	switch (name) {
		case 'sigmoid':
			for (let k = 0; k < count; k++) {
				const z = Z[k]!;
				A[k] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
			}
			return;
		case 'tanh':
			for (let k = 0; k < count; k++) A[k] = Math.tanh(Z[k]!);
			return;
		case 'relu':
			for (let k = 0; k < count; k++) {
				const z = Z[k]!;
				A[k] = z > 0 ? z : 0;
			}
			return;
		case 'leaky_relu':
			for (let k = 0; k < count; k++) {
				const z = Z[k]!;
				A[k] = z > 0 ? z : 0.01 * z;
			}
			return;
		case 'elu':
			for (let k = 0; k < count; k++) {
				const z = Z[k]!;
				A[k] = z > 0 ? z : Math.expm1(z);
			}
			return;
		case 'gelu':
			for (let k = 0; k < count; k++) {
				const z = Z[k]!;
				A[k] = 0.5 * z * (1 + erf(z * SQRT1_2));
			}
			return;
		case 'softplus':
			for (let k = 0; k < count; k++) {
				const z = Z[k]!;
				A[k] = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
			}
			return;
		case 'linear':
			A.set(Z.subarray(0, count));
			return;
	}
}

/** D[k] *= f′(Z[k]) given A[k] = f(Z[k]): turns ∂L/∂A into ∂L/∂Z. */
export function multiplyDerivative(name: ActivationName, Z: Float64Array, A: Float64Array, D: Float64Array, count: number): void {
	switch (name) {
		case 'sigmoid':
			for (let k = 0; k < count; k++) {
				const y = A[k]!;
				D[k] = D[k]! * (y * (1 - y));
			}
			return;
		case 'tanh':
			for (let k = 0; k < count; k++) {
				const y = A[k]!;
				D[k] = D[k]! * (1 - y * y);
			}
			return;
		case 'relu':
			for (let k = 0; k < count; k++) if (!(Z[k]! > 0)) D[k] = 0;
			return;
		case 'leaky_relu':
			for (let k = 0; k < count; k++) if (!(Z[k]! > 0)) D[k] = D[k]! * 0.01;
			return;
		case 'elu':
			for (let k = 0; k < count; k++) if (!(Z[k]! > 0)) D[k] = D[k]! * (A[k]! + 1);
			return;
		case 'gelu':
			for (let k = 0; k < count; k++) {
				const z = Z[k]!;
				D[k] = D[k]! * (0.5 * (1 + erf(z * SQRT1_2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z));
			}
			return;
		case 'softplus':
			for (let k = 0; k < count; k++) D[k] = D[k]! * sigmoid(Z[k]!);
			return;
		case 'linear':
			return;
	}
}

/** Saturation margin: a sigmoid/tanh output this close to a bound counts as saturated. */
export const SATURATION_MARGIN = 0.02;

/**
 * Outputs among A[0…count) within the margin of the activation's bounds, or −1 if it is unbounded.
 * Counts are small integers, so they come back unboxed even when the call is not inlined (a
 * fraction returned as a double would allocate a heap number per call).
 */
export function saturatedCount(name: ActivationName, A: Float64Array, count: number): number {
	const bounds = ACTIVATIONS[name].bounds;
	if (!bounds) return -1;
	const lo = bounds[0] + SATURATION_MARGIN;
	const hi = bounds[1] - SATURATION_MARGIN;
	let saturated = 0;
	for (let k = 0; k < count; k++) {
		const y = A[k]!;
		if (y < lo || y > hi) saturated++;
	}
	return saturated;
}

/** Units among the m whose output was never positive on the rows, or −1 if units cannot die. */
export function deadCount(name: ActivationName, A: Float64Array, rows: number, m: number): number {
	if (!ACTIVATIONS[name].canDie) return -1;
	let dead = 0;
	for (let o = 0; o < m; o++) {
		let alive = false;
		for (let b = 0; b < rows && !alive; b++) alive = A[b * m + o]! > 0;
		if (!alive) dead++;
	}
	return dead;
}
