/**
 * Hidden-layer activations. Each holds the value f(x) and its derivative, written in the
 * form the backward pass needs. `derivative` takes both the pre-activation z and the output
 * y = f(z): cheaper forms use y (sigmoid′ = y(1−y), tanh′ = 1−y²), the rest use z.
 */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'elu' | 'gelu' | 'softplus' | 'linear';

export const ACTIVATION_NAMES: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'softplus', 'linear'];

export interface Activation {
	readonly name: ActivationName;
	/** f(z). */
	value(z: number): number;
	/** f′(z), given z and y = f(z). */
	derivative(z: number, y: number): number;
	/** The largest value f′ takes (sigmoid 0.25, tanh 1): the per-layer factor behind vanishing gradients. */
	readonly maxDerivative: number;
	/** Output bounds of a saturating activation, for the saturation statistic; undefined if none. */
	readonly bounds?: readonly [number, number];
	/** True where a unit can die (output exactly 0 for every input in a batch). */
	readonly canDie: boolean;
}

const LEAKY_SLOPE = 0.01;
const ELU_ALPHA = 1;
const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * erf(x) to double precision. |x| < 2: the Maclaurin series (alternating, converges to
 * rounding well before 60 terms); otherwise 1 − erfc(x) from the continued fraction of
 * erfc, which converges fast for large |x|.
 */
export function erf(x: number): number {
	if (Number.isNaN(x)) return Number.NaN;
	const ax = Math.abs(x);
	if (ax < 2) {
		// erf x = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1))
		const x2 = x * x;
		let term = x;
		let sum = x;
		for (let n = 1; n < 80; n++) {
			term *= -x2 / n;
			const add = term / (2 * n + 1);
			sum += add;
			if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
		}
		return (2 / Math.sqrt(Math.PI)) * sum;
	}
	if (ax > 6.5) return Math.sign(x);
	// erfc x = e^{−x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))), evaluated bottom-up (Lentz not needed at this range).
	let f = 0;
	for (let k = 60; k >= 1; k--) f = (k / 2) / (ax + f);
	const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
	return Math.sign(x) * (1 - erfc);
}

function sigmoid(z: number): number {
	// Branch keeps exp's argument ≤ 0 so neither side overflows.
	if (z >= 0) return 1 / (1 + Math.exp(-z));
	const e = Math.exp(z);
	return e / (1 + e);
}

export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
	sigmoid: {name: 'sigmoid', value: sigmoid, derivative: (_z, y) => y * (1 - y), maxDerivative: 0.25, bounds: [0, 1], canDie: false},
	tanh: {name: 'tanh', value: Math.tanh, derivative: (_z, y) => 1 - y * y, maxDerivative: 1, bounds: [-1, 1], canDie: false},
	relu: {name: 'relu', value: (z) => (z > 0 ? z : 0), derivative: (z) => (z > 0 ? 1 : 0), maxDerivative: 1, canDie: true},
	leaky_relu: {
		name: 'leaky_relu',
		value: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
		derivative: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
		maxDerivative: 1,
		canDie: false,
	},
	elu: {
		name: 'elu',
		value: (z) => (z > 0 ? z : ELU_ALPHA * Math.expm1(z)),
		derivative: (z, y) => (z > 0 ? 1 : y + ELU_ALPHA),
		maxDerivative: 1,
		canDie: false,
	},
	gelu: {
		// Exact form x·Φ(x), Φ the standard normal CDF (PyTorch's default approximate='none').
		name: 'gelu',
		value: (z) => 0.5 * z * (1 + erf(z * SQRT1_2)),
		derivative: (z) => 0.5 * (1 + erf(z * SQRT1_2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z),
		maxDerivative: 1.1289115,
		canDie: false,
	},
	softplus: {
		// log(1 + eˣ), written to stay finite for large |x|; its derivative is the sigmoid.
		name: 'softplus',
		value: (z) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))),
		derivative: (z) => sigmoid(z),
		maxDerivative: 1,
		canDie: false,
	},
	linear: {name: 'linear', value: (z) => z, derivative: () => 1, maxDerivative: 1, canDie: false},
};
