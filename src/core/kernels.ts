/**
 * A network's batch buffers and the dense products over them, on one of two implementations: the
 * WebAssembly SIMD kernels (kernels-simd.ts), where the runtime has WebAssembly SIMD, for the
 * products wide enough to gain from them, and the JavaScript kernels (kernels-js.ts) for the rest.
 * Both sum every output from +0 in the same order, one rounded product at a time, so a result is
 * the same bits whichever ran. `useKernels` forces one side, so tests and the bench can run both.
 * The activation and its derivative are applied in the pass that finishes each product.
 */
import {addBiasActivate, multiplyDerivative} from './activation-kernels.js';
import type {ActivationName} from './activations.js';
import {jsBackwardInput, jsForward, jsPrepareWeightGrad, jsWeightGradRows} from './kernels-js.js';
import {SIMD_AVAILABLE, SimdBuffers} from './kernels-simd.js';

/**
 * Which kernels the dense products run on: 'auto' (the default where the runtime has WebAssembly
 * SIMD) sends each product to the faster side for its size, 'simd' every product (so tests reach
 * the SIMD kernels' edge tiles), 'js' none.
 */
export type KernelChoice = 'auto' | 'simd' | 'js';

let choice: KernelChoice = SIMD_AVAILABLE ? 'auto' : 'js';

/** Runs the dense products of every network in this thread on `next` from now on; 'auto' means 'js' without WebAssembly SIMD. */
export function useKernels(next: KernelChoice): void {
	if (next === 'simd' && !SIMD_AVAILABLE) throw new Error('this runtime has no WebAssembly SIMD');
	choice = SIMD_AVAILABLE ? next : 'js';
}

/** The choice in force. */
export function kernelChoice(): KernelChoice {
	return choice;
}

/**
 * Whether a product of a rows × n → m layer goes to the SIMD kernels. Under 'auto' they take every
 * product but the smallest, where padding to whole 4 × 4 tiles costs more than SIMD gains. Timed
 * with bench/crossover.ts on batches of 1–256 rows through layers 1–64 wide (README), the SIMD
 * side lost (0.3–0.9×) only on forward passes of 1–3 rows, or 4–7 rows into fewer than 8
 * outputs; input gradients of 1–3 rows into fewer than 4 inputs; weight gradients of 1–7 rows
 * into 1–3 outputs. Everywhere else it won, by 1.1–6×.
 */
function simdFor(product: 'forward' | 'input gradient' | 'weight gradient', rows: number, n: number, m: number): boolean {
	if (choice !== 'auto') return choice === 'simd';
	switch (product) {
		case 'forward':
			return rows >= 8 || (rows >= 4 && m >= 8);
		case 'input gradient':
			return rows >= 4 || n >= 4;
		case 'weight gradient':
			return rows >= 8 || m >= 4;
	}
}

/**
 * Z[l] pre-activations and A[l] outputs of layer l (A[0] is the input batch), D[l] = ∂L/∂Z[l],
 * for batches of up to `capacity` rows, and the products between layers. `reserve` replaces the
 * arrays, so read them from here rather than keep them.
 */
export class BatchBuffers {
	readonly layers: readonly number[];
	Z: Float64Array[] = [];
	A: Float64Array[] = [];
	D: Float64Array[] = [];
	private capacity = 0;
	/** The buffers in WebAssembly memory, or null: plain arrays and the JavaScript kernels only. */
	private simd: SimdBuffers | null = null;
	/** Whether the gradient calls since the last prepareGradients go to the SIMD kernels. */
	private simdWeightGrad = false;
	/** Rows of dW each JavaScript weight-gradient call finishes (from jsPrepareWeightGrad). */
	private jsWeightGradBlock = 0;
	/**
	 * Where the layer named by the last prepareGradients has its weight and bias gradients: the
	 * caller's arrays, or the SIMD side's own until keepGradients copies them into the caller's.
	 */
	weightGrad: Float64Array = new Float64Array(0);
	biasGrad: Float64Array = new Float64Array(0);

	constructor(layers: readonly number[]) {
		this.layers = layers;
	}

	/** Makes room for batches of `rows` rows (the buffers' contents are not kept). */
	reserve(rows: number): void {
		if (rows <= this.capacity) return;
		this.capacity = rows;
		this.simd = SimdBuffers.create(this.layers, rows);
		const owner = this.simd;
		this.Z = owner ? owner.Z : this.layers.map((size) => new Float64Array(rows * size));
		this.A = owner ? owner.A : this.layers.map((size) => new Float64Array(rows * size));
		this.D = owner ? owner.D : this.layers.map((size) => new Float64Array(rows * size));
	}

	/**
	 * Layer l's forward pass over `rows` rows: Z[l+1][b,o] = Σᵢ A[l][b,i]·W[o,i] + bias[o], and for a
	 * hidden layer A[l+1][b,o] = f(Z[l+1][b,o]) (activation null: the output layer).
	 */
	forward(l: number, W: Float64Array, bias: Float64Array, activation: ActivationName | null, rows: number): void {
		const n = this.layers[l]!, m = this.layers[l + 1]!;
		if (this.simd && rows > 0 && simdFor('forward', rows, n, m)) {
			this.simd.forward(l, W, bias, activation, rows, n, m);
			return;
		}
		const Z = this.Z[l + 1]!;
		jsForward(this.A[l]!, W, Z, rows, n, m);
		addBiasActivate(activation, Z, 0, m, bias, Z, this.A[l + 1]!, rows, m);
	}

	/** D[l][b,i] = (Σₒ D[l+1][b,o]·W[o,i]) · f′(Z[l][b,i]): the gradient into hidden layer l's pre-activations. */
	backwardInput(l: number, W: Float64Array, activation: ActivationName, rows: number): void {
		const n = this.layers[l]!, m = this.layers[l + 1]!;
		if (this.simd && rows > 0 && simdFor('input gradient', rows, n, m)) {
			this.simd.backwardInput(l, W, activation, rows, n, m);
			return;
		}
		const below = this.D[l]!;
		jsBackwardInput(this.D[l + 1]!, W, below, rows, n, m);
		multiplyDerivative(activation, below, 0, n, this.Z[l]!, this.A[l]!, below, rows, n);
	}

	/**
	 * Readies layer l's gradients (from A[l] and D[l+1]) for dW and dB, once per layer and step,
	 * before weightGradRows; the calls that follow must not be interleaved with other products. The
	 * bias gradient, dB[o] = Σ_b D[l+1][b,o] in b order, is complete in `biasGrad` once every row of
	 * the weight gradient has been asked for.
	 */
	prepareGradients(l: number, rows: number, dW: Float64Array, dB: Float64Array): void {
		const n = this.layers[l]!, m = this.layers[l + 1]!;
		const simd = this.simd;
		this.simdWeightGrad = simd !== null && rows > 0 && simdFor('weight gradient', rows, n, m);
		if (simd && this.simdWeightGrad) {
			simd.prepareGradients(l, rows, n, m);
			this.weightGrad = simd.G[l]!;
			this.biasGrad = simd.B[l]!;
		} else {
			this.jsWeightGradBlock = jsPrepareWeightGrad(this.A[l]!, rows, n, m);
			this.weightGrad = dW;
			this.biasGrad = dB;
		}
	}

	/**
	 * Rows o0 … o0+count−1 of layer l's weight gradient into `weightGrad`:
	 * dW[o,i] = Σ_b D[l+1][b,o]·A[l][b,i]. Lets the caller finish a few rows and update them at once.
	 */
	weightGradRows(l: number, rows: number, o0: number, count: number): void {
		const n = this.layers[l]!, m = this.layers[l + 1]!;
		if (this.simdWeightGrad) {
			this.simd!.weightGradRows(l, rows, n, m, o0, count);
			return;
		}
		const block = this.jsWeightGradBlock;
		for (let o = o0, end = o0 + count; o < end; o += block) jsWeightGradRows(this.D[l + 1]!, this.A[l]!, this.weightGrad, this.biasGrad, rows, n, m, o, Math.min(block, end - o));
	}

	/** Copies the finished gradients into the dW and dB given to prepareGradients, if they are not there already. */
	keepGradients(dW: Float64Array, dB: Float64Array): void {
		if (this.weightGrad !== dW) dW.set(this.weightGrad);
		if (this.biasGrad !== dB) dB.set(this.biasGrad);
	}
}
