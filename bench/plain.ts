/**
 * The yardstick gradlab's core must beat: a plain hand-written MLP over Float64Array, as someone
 * who knows typed arrays would write it for one network in an afternoon. Straight loops in their
 * natural order (dot products for the forward pass, row updates for the backward), the activation
 * inlined, softmax cross-entropy, Adam or SGD as torch.optim computes them, and the per-layer
 * gradient norms read every step as gradlab's step and the tfjs side do. No register blocking, no
 * packing, no statistics beyond the norms, batches taken in file order (no shuffled gather).
 */
import type {DataSplit} from '../src/core/types.js';
import type {BenchConfig} from './configs.js';

export interface PlainSide {
	step(): void;
	/** Loss of the last step, so a test can check the reference trains the same network. */
	readonly loss: number;
}

export function plainSide(c: BenchConfig, data: DataSplit, weights: readonly {W: number[][]; b: number[]}[]): PlainSide {
	const sizes = c.layers;
	const depth = sizes.length - 1;
	const rows = c.batch;
	const relu = c.activation === 'relu';
	const W = weights.map((layer) => Float64Array.from(layer.W.flat()));
	const B = weights.map((layer) => Float64Array.from(layer.b));
	const gW = W.map((w) => new Float64Array(w.length));
	const gB = B.map((b) => new Float64Array(b.length));
	const m1 = [...W, ...B].map((p) => new Float64Array(p.length));
	const m2 = [...W, ...B].map((p) => new Float64Array(p.length));
	// H[l]: layer l's output for the batch (H[0] the input); G[l]: ∂L/∂(pre-activation) of layer l.
	const H = sizes.map((n) => new Float64Array(rows * n));
	const G = sizes.map((n) => new Float64Array(rows * n));
	const norms = new Float64Array(2 * depth);
	const {x, y, n: total, features} = data.train;
	const classes = sizes[depth]!;
	let start = 0;
	let t = 0;
	let loss = 0;

	function forward(): void {
		const input = H[0]!;
		for (let k = 0; k < rows * features; k++) input[k] = x[start * features + k]!;
		for (let l = 0; l < depth; l++) {
			const n = sizes[l]!, m = sizes[l + 1]!, w = W[l]!, bias = B[l]!, a = H[l]!, h = H[l + 1]!;
			const last = l === depth - 1;
			for (let b = 0; b < rows; b++) {
				for (let o = 0; o < m; o++) {
					let s = bias[o]!;
					for (let i = 0; i < n; i++) s += a[b * n + i]! * w[o * n + i]!;
					h[b * m + o] = last ? s : relu ? (s > 0 ? s : 0) : 1 / (1 + Math.exp(-s));
				}
			}
		}
	}

	function crossEntropy(): void {
		const z = H[depth]!, g = G[depth]!;
		let sum = 0;
		for (let b = 0; b < rows; b++) {
			let max = -Infinity;
			for (let k = 0; k < classes; k++) max = Math.max(max, z[b * classes + k]!);
			let e = 0;
			for (let k = 0; k < classes; k++) e += Math.exp(z[b * classes + k]! - max);
			const label = y[start + b]!;
			sum += Math.log(e) + max - z[b * classes + label]!;
			for (let k = 0; k < classes; k++) g[b * classes + k] = (Math.exp(z[b * classes + k]! - max) / e - (k === label ? 1 : 0)) / rows;
		}
		loss = sum / rows;
	}

	function backward(): void {
		for (let l = depth - 1; l >= 0; l--) {
			const n = sizes[l]!, m = sizes[l + 1]!, w = W[l]!, a = H[l]!, g = G[l + 1]!, dw = gW[l]!, db = gB[l]!, below = G[l]!;
			dw.fill(0);
			db.fill(0);
			if (l > 0) below.fill(0, 0, rows * n);
			// One pass over (row, output) feeds both the weight gradient and the gradient to the layer below.
			for (let b = 0; b < rows; b++) {
				for (let o = 0; o < m; o++) {
					const d = g[b * m + o]!;
					db[o] = db[o]! + d;
					if (l > 0) {
						for (let i = 0; i < n; i++) {
							dw[o * n + i] = dw[o * n + i]! + d * a[b * n + i]!;
							below[b * n + i] = below[b * n + i]! + d * w[o * n + i]!;
						}
					} else {
						for (let i = 0; i < n; i++) dw[o * n + i] = dw[o * n + i]! + d * a[b * n + i]!;
					}
				}
			}
			if (l > 0) {
				for (let k = 0; k < rows * n; k++) {
					const h = a[k]!;
					below[k] = below[k]! * (relu ? (h > 0 ? 1 : 0) : h * (1 - h));
				}
			}
			let sw = 0, sb = 0;
			for (let k = 0; k < dw.length; k++) sw += dw[k]! * dw[k]!;
			for (let k = 0; k < db.length; k++) sb += db[k]! * db[k]!;
			norms[2 * l] = Math.sqrt(sw);
			norms[2 * l + 1] = Math.sqrt(sb);
		}
	}

	function update(p: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array): void {
		if (c.optimizer === 'sgd') {
			for (let k = 0; k < p.length; k++) p[k] = p[k]! - c.lr * g[k]!;
			return;
		}
		const stepSize = c.lr / (1 - 0.9 ** t);
		const bc2 = Math.sqrt(1 - 0.999 ** t);
		for (let k = 0; k < p.length; k++) {
			m[k] = 0.9 * m[k]! + 0.1 * g[k]!;
			v[k] = 0.999 * v[k]! + 0.001 * g[k]! * g[k]!;
			p[k] = p[k]! - (stepSize * m[k]!) / (Math.sqrt(v[k]!) / bc2 + 1e-8);
		}
	}

	return {
		step() {
			if (start + rows > total) start = 0;
			forward();
			crossEntropy();
			if (!Number.isFinite(loss)) throw new Error(`plain MLP: config ${c.id} diverged`);
			backward();
			t++;
			for (let l = 0; l < depth; l++) {
				update(W[l]!, gW[l]!, m1[l]!, m2[l]!);
				update(B[l]!, gB[l]!, m1[depth + l]!, m2[depth + l]!);
			}
			start += rows;
		},
		get loss() {
			return loss;
		},
	};
}
