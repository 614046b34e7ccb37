/**
 * The dense products on WebAssembly SIMD (wasm/dense.wat). Each network's batch buffers (Z, A, D
 * per layer) live in a WebAssembly memory of its own, so the products read their operands and
 * write their results where they are: only the weights (plain arrays, which the optimizer updates)
 * are copied in, and only the gradients (kept here as G and B, copied out a layer at a time).
 * `gemm` runs 4 × 4 tiles of two-lane float64 sums; the pass that adds the bias and the activation
 * (or multiplies the derivative) then works in place. Sums are taken in the order the JavaScript
 * kernels take them, so both give the same bits.
 * Nothing here allocates once the buffers are laid out for a batch size.
 */
import {addBiasActivate, multiplyDerivative} from './activation-kernels.js';
import type {ActivationName} from './activations.js';
import {DENSE_WASM} from './wasm/dense-wasm.js';

/** What this file needs of the global WebAssembly (the core's TypeScript lib has no DOM types). */
export interface WasmApi {
	validate(bytes: Uint8Array): boolean;
	Module: new (bytes: Uint8Array) => object;
	Instance: new (module: object) => {readonly exports: object};
}

interface DenseExports {
	readonly memory: {readonly buffer: ArrayBuffer; grow(pages: number): number};
	gemm(L: number, lk: number, lr: number, lc: number, R: number, rk: number, rc: number, K: number, out: number, os: number, rows: number, cols: number): void;
	panels(src: number, width: number, count: number, dst: number): void;
	columnPanels(src: number, ss: number, rows: number, cols: number, dst: number): void;
	columnSums(src: number, ss: number, rows: number, cols: number, dst: number): void;
	reluForward(S: number, ss: number, bias: number, Z: number, A: number, rows: number, m: number): void;
	reluBackward(S: number, ss: number, Z: number, D: number, rows: number, n: number): void;
}

/**
 * The compiled module, or null where the runtime has no WebAssembly (node --jitless) or no SIMD
 * (validate() says no). Exported for its test.
 */
export function compile(wasm: WasmApi | undefined): {wasm: WasmApi; module: object} | null {
	if (!wasm) return null;
	const text = atob(DENSE_WASM);
	const bytes = new Uint8Array(text.length);
	for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
	return wasm.validate(bytes) ? {wasm, module: new wasm.Module(bytes)} : null;
}

const compiled = compile((globalThis as {WebAssembly?: WasmApi}).WebAssembly);

/** Whether this runtime runs the WebAssembly kernels. */
export const SIMD_AVAILABLE = compiled !== null;

/** The tile side: products are padded to multiples of 4 rows and columns. */
const T = 4;

/** The most a network's memory may hold (doubles); a larger one keeps plain arrays and the JavaScript kernels. */
const MEMORY_LIMIT = (1 << 30) / 8;

/** Doubles of slack after each operand: an edge tile reads up to three past a row's end (into values it does not store). */
const SLACK = T;

function padded(n: number): number {
	return Math.ceil(n / T) * T;
}

/** A network's batch buffers in a WebAssembly memory of their own, and the products over them. */
export class SimdBuffers {
	readonly Z: Float64Array[];
	readonly A: Float64Array[];
	readonly D: Float64Array[];
	/** Layer l's weight and bias gradients as the products leave them (W's layout: [out][in]). */
	readonly G: Float64Array[];
	readonly B: Float64Array[];
	private readonly dense: DenseExports;
	private readonly heap: Float64Array;
	/**
	 * Scratch offsets (doubles): the weights as given, the weights as panels, the bias, and the
	 * column panels of a layer's A and D for its weight gradient.
	 */
	private readonly weights: number;
	private readonly panelled: number;
	private readonly bias: number;
	private readonly inputPanels: number;
	private readonly gradientPanels: number;

	/** Lays out buffers for batches of up to `rows` rows; null if they would pass MEMORY_LIMIT or SIMD is unavailable. */
	static create(layers: readonly number[], rows: number): SimdBuffers | null {
		if (!compiled) return null;
		const rowsPadded = padded(rows);
		let weights = 0, panelled = 0, bias = 0, gradients = 0, widest = 0;
		for (let l = 0; l + 1 < layers.length; l++) {
			const n = layers[l]!, m = layers[l + 1]!;
			weights = Math.max(weights, m * n);
			panelled = Math.max(panelled, padded(m) * n, padded(n) * m);
			bias = Math.max(bias, m);
			gradients += m * n + m;
			widest = Math.max(widest, padded(n), padded(m));
		}
		const batch = layers.reduce((sum, size) => sum + 3 * (rowsPadded * size + SLACK), 0);
		const total = batch + gradients + weights + SLACK + panelled + bias + 2 * widest * rowsPadded;
		if (total > MEMORY_LIMIT) return null;
		return new SimdBuffers(layers, rowsPadded, total);
	}

	private constructor(layers: readonly number[], rowsPadded: number, total: number) {
		this.dense = new compiled!.wasm.Instance(compiled!.module).exports as DenseExports;
		const memory = this.dense.memory;
		memory.grow(Math.ceil(Math.max(0, total * 8 - memory.buffer.byteLength) / 65536));
		this.heap = new Float64Array(memory.buffer);
		let at = 0;
		const take = (size: number, slack: number): Float64Array => {
			const view = new Float64Array(memory.buffer, at * 8, size);
			at += size + slack;
			return view;
		};
		// Rows past a batch and the slack after each buffer are read by edge tiles, never stored to.
		this.Z = layers.map((size) => take(rowsPadded * size, SLACK));
		this.A = layers.map((size) => take(rowsPadded * size, SLACK));
		this.D = layers.map((size) => take(rowsPadded * size, SLACK));
		this.G = layers.slice(1).map((m, l) => take(m * layers[l]!, 0));
		this.B = layers.slice(1).map((m) => take(m, 0));
		const sizes = layers.slice(1).map((m, l) => [m, layers[l]!] as const);
		const widest = Math.max(...layers.map(padded));
		this.weights = at;
		this.panelled = this.weights + Math.max(...sizes.map(([m, n]) => m * n)) + SLACK;
		this.bias = this.panelled + Math.max(...sizes.map(([m, n]) => Math.max(padded(m) * n, padded(n) * m)));
		this.inputPanels = this.bias + Math.max(...sizes.map(([m]) => m));
		this.gradientPanels = this.inputPanels + widest * rowsPadded;
	}

	/**
	 * Layer l's forward pass: Z[l+1] = A[l]·Wᵀ + bias and A[l+1] = f(Z[l+1]) (activation null: the
	 * output layer). W's rows become panels of four, so each tile reads four outputs side by side.
	 */
	forward(l: number, W: Float64Array, bias: Float64Array, activation: ActivationName | null, rows: number, n: number, m: number): void {
		const {dense, heap} = this;
		const Z = this.Z[l + 1]!, A = this.A[l + 1]!;
		heap.set(W, this.weights);
		dense.panels(this.weights * 8, n, m, this.panelled * 8);
		dense.gemm(this.A[l]!.byteOffset, 8, n * 8, T * n * 8, this.panelled * 8, T * 8, n * T * 8, n, Z.byteOffset, m * 8, rows, m);
		if (activation === 'relu') {
			heap.set(bias, this.bias);
			dense.reluForward(Z.byteOffset, m * 8, this.bias * 8, Z.byteOffset, A.byteOffset, rows, m);
		} else {
			addBiasActivate(activation, Z, 0, m, bias, Z, A, rows, m);
		}
	}

	/** D[l] = (D[l+1]·W) ⊙ f′(Z[l]): W's columns become panels of four, read four outputs at a time. */
	backwardInput(l: number, W: Float64Array, activation: ActivationName, rows: number, n: number, m: number): void {
		const {dense} = this;
		const D = this.D[l]!;
		this.heap.set(W, this.weights);
		dense.columnPanels(this.weights * 8, n * 8, m, n, this.panelled * 8);
		dense.gemm(this.D[l + 1]!.byteOffset, 8, m * 8, T * m * 8, this.panelled * 8, T * 8, m * T * 8, m, D.byteOffset, n * 8, rows, n);
		if (activation === 'relu') dense.reluBackward(D.byteOffset, n * 8, this.Z[l]!.byteOffset, D.byteOffset, rows, n);
		else multiplyDerivative(activation, D, 0, n, this.Z[l]!, this.A[l]!, D, rows, n);
	}

	/**
	 * Readies layer l's weight gradient: B[l] = the bias gradient, Σ_b D[l+1][b,o] in b order, and
	 * the columns of A[l] and D[l+1] as panels of four for weightGradRows.
	 */
	prepareGradients(l: number, rows: number, n: number, m: number): void {
		const {dense} = this;
		const D = this.D[l + 1]!.byteOffset;
		dense.columnSums(D, m * 8, rows, m, this.B[l]!.byteOffset);
		dense.columnPanels(this.A[l]!.byteOffset, n * 8, rows, n, this.inputPanels * 8);
		dense.columnPanels(D, m * 8, rows, m, this.gradientPanels * 8);
	}

	/**
	 * Rows o0 … o0+count−1 of layer l's weight gradient into G[l]: G[o,i] = Σ_b D[l+1][b,o]·A[l][b,i].
	 * A tile covers four rows from a multiple of 4, so the rows around a block that does not start
	 * or end on one are computed too (to the same values they get in their own block).
	 */
	weightGradRows(l: number, rows: number, n: number, m: number, o0: number, count: number): void {
		const start = o0 - (o0 % T);
		const end = Math.min(padded(o0 + count), m);
		const panel = rows * T * 8;
		this.dense.gemm((this.gradientPanels + start * rows) * 8, T * 8, 8, panel, this.inputPanels * 8, T * 8, panel, rows, this.G[l]!.byteOffset + start * n * 8, n * 8, end - start, n);
	}
}
