/**
 * A multilayer perceptron: dense layers, one hidden activation, a linear last layer.
 * Parameters are laid out like PyTorch's `nn.Linear` (W is [out][in], row-major; b is [out]).
 * Buffers for a batch are allocated once (and grown only when a larger batch arrives).
 */
import {ACTIVATION_NAMES, type ActivationName} from '../../src/core/activations.js';
import {activate, deadCount, multiplyDerivative, saturatedCount} from './activation-kernels.js';
import {initLayer} from '../../src/core/init.js';
import {denseBackwardInput, denseForward, denseWeightGradRows, prepareWeightGrad} from './kernels.js';
import type {Optimizer} from '../../src/core/optim/optimizer.js';
import type {Rng} from '../../src/core/rng.js';
import type {Checkpoint, InitSpec, NetworkSpec} from '../../src/core/types.js';

/** Per-layer numbers filled in by `backward`; kept in typed arrays so a step allocates nothing. */
export interface LayerBuffers {
	readonly gradNormW: Float64Array;
	readonly gradNormB: Float64Array;
	readonly updateRatio: Float64Array;
	readonly saturated: Float64Array;
	readonly dead: Float64Array;
}

export class Network {
	readonly layers: readonly number[];
	readonly activation: ActivationName;
	/** W[l] for dense layer l (0-based): layers[l+1] × layers[l]. */
	readonly weights: Float64Array[];
	readonly biases: Float64Array[];
	readonly gradW: Float64Array[];
	readonly gradB: Float64Array[];
	/** Statistics of the last forward/backward pass; NaN where they do not apply. */
	readonly stats: LayerBuffers;
	private capacity = 0;
	/** Z[l] pre-activations and A[l] outputs of layer l (A[0] is the input batch). */
	private Z: Float64Array[] = [];
	private A: Float64Array[] = [];
	/** D[l] = ∂L/∂Z[l]; D[L] is written by the loss. */
	private D: Float64Array[] = [];
	/** One layer's running sums in backward: W's ‖g‖², Σ(Δp)², ‖p‖², then the same for b. */
	private readonly sums = new Float64Array(6);

	constructor(spec: NetworkSpec) {
		if (spec.layers.length < 2) throw new Error('a network needs at least an input and an output layer');
		for (const size of spec.layers) {
			if (!Number.isInteger(size) || size < 1) throw new Error(`layer sizes must be positive integers, got ${size}`);
		}
		if (!ACTIVATION_NAMES.includes(spec.activation)) throw new Error(`unknown activation "${spec.activation}"`);
		this.layers = [...spec.layers];
		this.activation = spec.activation;
		const depth = this.layers.length - 1;
		this.weights = [];
		this.biases = [];
		this.gradW = [];
		this.gradB = [];
		for (let l = 0; l < depth; l++) {
			const n = this.layers[l]!;
			const m = this.layers[l + 1]!;
			this.weights.push(new Float64Array(m * n));
			this.biases.push(new Float64Array(m));
			this.gradW.push(new Float64Array(m * n));
			this.gradB.push(new Float64Array(m));
		}
		this.stats = {
			gradNormW: new Float64Array(depth),
			gradNormB: new Float64Array(depth),
			updateRatio: new Float64Array(depth),
			saturated: new Float64Array(depth).fill(Number.NaN),
			dead: new Float64Array(depth).fill(Number.NaN),
		};
	}

	/** Number of dense layers. */
	get depth(): number {
		return this.layers.length - 1;
	}

	/** Sizes of the optimizer slots: W₁, b₁, W₂, b₂, … (slot 2l is W[l], 2l+1 is b[l]). */
	slotSizes(): number[] {
		return this.weights.flatMap((w, l) => [w.length, this.biases[l]!.length]);
	}

	initialise(spec: InitSpec, rng: Rng): void {
		for (let l = 0; l < this.depth; l++) initLayer(spec, this.weights[l]!, this.biases[l]!, this.layers[l]!, this.layers[l + 1]!, rng);
	}

	/** Makes room for batches of `rows` rows. */
	reserve(rows: number): void {
		if (rows <= this.capacity) return;
		this.capacity = rows;
		this.Z = this.layers.map((size) => new Float64Array(rows * size));
		this.A = this.layers.map((size) => new Float64Array(rows * size));
		this.D = this.layers.map((size) => new Float64Array(rows * size));
	}

	/**
	 * Forward pass over `rows` rows of `x` (row-major, `layers[0]` wide), picked by `index[start…]`
	 * (or taken in order from row `start` when index is null). Returns the logits buffer (rows × out).
	 * With `collectStats`, records each hidden layer's saturation or dead fraction.
	 */
	forward(x: Float64Array, index: Uint32Array | null, start: number, rows: number, collectStats: boolean): Float64Array {
		this.reserve(rows);
		const n0 = this.layers[0]!;
		const input = this.A[0]!;
		if (index) {
			for (let b = 0; b < rows; b++) {
				const src = index[start + b]! * n0;
				for (let i = 0; i < n0; i++) input[b * n0 + i] = x[src + i]!;
			}
		} else {
			input.set(x.subarray(start * n0, (start + rows) * n0));
		}
		const depth = this.depth;
		for (let l = 0; l < depth; l++) {
			const n = this.layers[l]!;
			const m = this.layers[l + 1]!;
			const Z = this.Z[l + 1]!;
			denseForward(this.A[l]!, this.weights[l]!, this.biases[l]!, Z, rows, n, m);
			if (l === depth - 1) break;
			const A = this.A[l + 1]!;
			activate(this.activation, Z, A, rows * m);
			if (collectStats) {
				// Counts, not fractions, cross the call: a returned double would allocate every step.
				const count = rows * m;
				const saturated = count === 0 ? -1 : saturatedCount(this.activation, A, count);
				this.stats.saturated[l] = saturated < 0 ? Number.NaN : saturated / count;
				const dead = rows === 0 ? -1 : deadCount(this.activation, A, rows, m);
				this.stats.dead[l] = dead < 0 ? Number.NaN : dead / m;
			}
		}
		return this.Z[depth]!;
	}

	/** The buffer the loss writes ∂L/∂logits into before `backward`. */
	outputGradient(): Float64Array {
		return this.D[this.depth]!;
	}

	/**
	 * Layer l's buffers from the last pass, for the step inspector to read (never write), row-major
	 * rows × layers[l]: z the pre-activations, a the outputs (layer 0: the input rows; the last
	 * layer's outputs are its z, a is unused there) and d = ∂L/∂z once `backward` ran (never for layer 0).
	 */
	passBuffers(l: number): {readonly z: Float64Array; readonly a: Float64Array; readonly d: Float64Array} {
		return {z: this.Z[l]!, a: this.A[l]!, d: this.D[l]!};
	}

	/**
	 * Backpropagates the loss gradient in `outputGradient()` through the last forward pass,
	 * filling gradW/gradB and the gradient norms. With an optimizer, each block of rows of W is
	 * updated as soon as its gradient is final (after its gradient has flowed to the layer below,
	 * which needs the old W). Returns false when a parameter became non-finite.
	 */
	backward(rows: number, optimizer: Optimizer | null): boolean {
		const act = this.activation;
		let finite = true;
		for (let l = this.depth - 1; l >= 0; l--) {
			const n = this.layers[l]!;
			const m = this.layers[l + 1]!;
			const D = this.D[l + 1]!;
			const W = this.weights[l]!;
			const bias = this.biases[l]!;
			const gW = this.gradW[l]!;
			const gB = this.gradB[l]!;
			if (l > 0) {
				const below = this.D[l]!;
				denseBackwardInput(D, W, below, rows, n, m);
				multiplyDerivative(act, this.Z[l]!, this.A[l]!, below, rows * n);
			}
			const Aprev = this.A[l]!;
			const blockRows = prepareWeightGrad(Aprev, rows, n, m);
			const sums = this.sums;
			sums.fill(0);
			// W a few rows at a time, then b: each piece's gradient is final, so it is normed and
			// updated while hot. One call site for both pieces keeps the optimizer's update inlined.
			const blocks = Math.ceil(m / blockRows);
			for (let k = 0; k <= blocks; k++) {
				const isW = k < blocks;
				const o = k * blockRows;
				const count = Math.min(blockRows, m - o);
				if (isW) denseWeightGradRows(D, Aprev, gW, gB, rows, n, m, o, count);
				this.finish(isW ? 2 * l : 2 * l + 1, isW ? W : bias, isW ? gW : gB, isW ? o * n : 0, isW ? (o + count) * n : m, optimizer, isW ? 0 : 3);
			}
			const weightSq = sums[2]!;
			if (optimizer && (!Number.isFinite(weightSq) || !Number.isFinite(sums[5]!))) finite = false;
			this.stats.gradNormW[l] = Math.sqrt(sums[0]!);
			this.stats.gradNormB[l] = Math.sqrt(sums[3]!);
			this.stats.updateRatio[l] = weightSq > 0 ? Math.sqrt(sums[1]! / weightSq) : 0;
		}
		return finite;
	}

	/**
	 * Adds the squared norm of g[start, end) to sums[at] and, with an optimizer, updates p[start, end)
	 * and adds Σ(Δp)² and the updated ‖p‖² to sums[at + 1] and sums[at + 2]. A method of its own
	 * so that the optimizer's update can be inlined into it: a call left out of line returns its
	 * Σ(Δp)² as a heap number, an allocation per call.
	 */
	private finish(slot: number, p: Float64Array, g: Float64Array, start: number, end: number, optimizer: Optimizer | null, at: number): void {
		const sums = this.sums;
		let gradSq = sums[at]!;
		for (let k = start; k < end; k++) gradSq += g[k]! * g[k]!;
		sums[at] = gradSq;
		if (!optimizer) return;
		sums[at + 1] = sums[at + 1]! + optimizer.update(slot, p, g, start, end);
		let paramSq = sums[at + 2]!;
		for (let k = start; k < end; k++) paramSq += p[k]! * p[k]!;
		sums[at + 2] = paramSq;
	}

	/** The parameters as plain arrays, W as [out][in]. */
	getParameters(): {W: number[][]; b: number[]}[] {
		return this.weights.map((w, l) => {
			const n = this.layers[l]!;
			const m = this.layers[l + 1]!;
			const W: number[][] = [];
			for (let o = 0; o < m; o++) W.push(Array.from(w.subarray(o * n, (o + 1) * n)));
			return {W, b: Array.from(this.biases[l]!)};
		});
	}

	/** Overwrites the parameters from plain arrays; throws if a shape does not match. */
	setParameters(params: readonly {readonly W: readonly (readonly number[])[]; readonly b: readonly number[]}[]): void {
		if (params.length !== this.depth) throw new Error(`expected ${this.depth} layers of weights, got ${params.length}`);
		params.forEach((layer, l) => {
			const n = this.layers[l]!;
			const m = this.layers[l + 1]!;
			if (layer.W.length !== m || layer.b.length !== m) throw new Error(`layer ${l + 1}: expected W with ${m} rows and b of length ${m}`);
			layer.W.forEach((row, o) => {
				if (row.length !== n) throw new Error(`layer ${l + 1}: W row ${o} has ${row.length} entries, expected ${n}`);
				this.weights[l]!.set(row, o * n);
			});
			this.biases[l]!.set(layer.b);
		});
	}

	toCheckpoint(): Checkpoint {
		return {layers: [...this.layers], activation: this.activation, weights: this.getParameters()};
	}

	static fromCheckpoint(checkpoint: Checkpoint): Network {
		const net = new Network({layers: checkpoint.layers, activation: checkpoint.activation});
		net.setParameters(checkpoint.weights);
		return net;
	}
}
