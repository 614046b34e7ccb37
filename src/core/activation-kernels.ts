/**
 * The passes that finish a layer's products (the bias and activation after the forward product,
 * the derivative after the input gradient's), and the activation statistics: one tight loop per
 * activation. The switch sits outside the loop so each loop stays monomorphic even when runs with
 * different activations share a process (a per-element call through `ACTIVATIONS[name].value`
 * would not). The WebAssembly kernels have their own branch-free ReLU passes (wasm/dense.wat),
 * which give the same bits.
 */
import {ACTIVATIONS, type ActivationName, erf} from './activations.js';

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const sigmoid = ACTIVATIONS.sigmoid.value;

/**
 * The forward pass's one touch of a layer's outputs after the product: Z[b,o] = S[at + b·stride + o]
 * + bias[o] for b < rows, o < m (S holds the sums: Z itself, or the WebAssembly kernels' padded
 * result) and, for a hidden layer, A[b,o] = f(Z[b,o]) in the same pass; the output layer (name
 * null) has no activation and leaves A alone.
 */
export function addBiasActivate(name: ActivationName | null, S: Float64Array, at: number, stride: number, bias: Float64Array, Z: Float64Array, A: Float64Array, rows: number, m: number): void {
	switch (name) {
		case null:
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) Z[k + o] = S[s + o]! + bias[o]!;
			}
			return;
		case 'sigmoid':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
				}
			}
			return;
		case 'tanh':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = Math.tanh(z);
				}
			}
			return;
		case 'relu':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = z > 0 ? z : 0;
				}
			}
			return;
		case 'leaky_relu':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = z > 0 ? z : 0.01 * z;
				}
			}
			return;
		case 'elu':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = z > 0 ? z : Math.expm1(z);
				}
			}
			return;
		case 'gelu':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = 0.5 * z * (1 + erf(z * SQRT1_2));
				}
			}
			return;
		case 'softplus':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
				}
			}
			return;
		case 'linear':
			for (let b = 0; b < rows; b++) {
				for (let o = 0, s = at + b * stride, k = b * m; o < m; o++) {
					const z = S[s + o]! + bias[o]!;
					Z[k + o] = z;
					A[k + o] = z;
				}
			}
			return;
	}
}

/**
 * The backward pass's one touch of the gradient flowing into a hidden layer's outputs:
 * D[b,i] = S[at + b·stride + i] · f′(Z[b,i]) for b < rows, i < n, turning ∂L/∂A (the sums in S:
 * D itself, or the WebAssembly kernels' padded result) into ∂L/∂Z; f′ is taken from Z or from
 * A = f(Z), whichever is cheaper.
 */
export function multiplyDerivative(name: ActivationName, S: Float64Array, at: number, stride: number, Z: Float64Array, A: Float64Array, D: Float64Array, rows: number, n: number): void {
	switch (name) {
		case 'sigmoid':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) {
					const y = A[k + i]!;
					D[k + i] = S[s + i]! * (y * (1 - y));
				}
			}
			return;
		case 'tanh':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) {
					const y = A[k + i]!;
					D[k + i] = S[s + i]! * (1 - y * y);
				}
			}
			return;
		case 'relu':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) D[k + i] = Z[k + i]! > 0 ? S[s + i]! : 0;
			}
			return;
		case 'leaky_relu':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) D[k + i] = Z[k + i]! > 0 ? S[s + i]! : S[s + i]! * 0.01;
			}
			return;
		case 'elu':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) D[k + i] = Z[k + i]! > 0 ? S[s + i]! : S[s + i]! * (A[k + i]! + 1);
			}
			return;
		case 'gelu':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) {
					const z = Z[k + i]!;
					D[k + i] = S[s + i]! * (0.5 * (1 + erf(z * SQRT1_2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z));
				}
			}
			return;
		case 'softplus':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) D[k + i] = S[s + i]! * sigmoid(Z[k + i]!);
			}
			return;
		case 'linear':
			for (let b = 0; b < rows; b++) {
				for (let i = 0, s = at + b * stride, k = b * n; i < n; i++) D[k + i] = S[s + i]!;
			}
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
