/**
 * The yardstick gradlab's core must beat: a plain hand-written MLP over Float64Array, as someone
 * who knows typed arrays would write it for one network in an afternoon. Every product is a set
 * of dot products over contiguous rows (the weights, the gradient and the activations are
 * transposed once per step where a product needs their columns), eight sums at a time (two rows
 * by four) so they do not wait on each other and each load feeds several; the activation inlined, softmax cross-entropy, Adam or SGD as
 * torch.optim computes them, and the per-layer gradient norms read every step as gradlab's step
 * and the tfjs side do. No packing into tiles, no blocking over rows, no statistics beyond the
 * norms, batches taken in file order (no shuffled gather).
 */
import type {ClassificationSplit} from '../src/core/types.js';
import type {BenchConfig} from './configs.js';

export interface PlainSide {
	step(): void;
	/** Loss of the last step, so a test can check the reference trains the same network. */
	readonly loss: number;
}

/**
 * out[r·cols + c] = bias[c] + Σ_k X[r·len + k]·Y[c·len + k]: two rows of X against four rows of Y
 * at once, so each value loaded feeds several of eight independent sums.
 */
function dots(X: Float64Array, Y: Float64Array, rows: number, cols: number, len: number, out: Float64Array, bias: Float64Array | null): void {
	let r = 0;
	for (; r + 2 <= rows; r += 2) {
		const x0 = r * len, x1 = x0 + len;
		let c = 0;
		for (; c + 4 <= cols; c += 4) {
			const y0 = c * len, y1 = y0 + len, y2 = y1 + len, y3 = y2 + len;
			let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
			for (let k = 0; k < len; k++) {
				const u = X[x0 + k]!, v = X[x1 + k]!;
				const w0 = Y[y0 + k]!, w1 = Y[y1 + k]!, w2 = Y[y2 + k]!, w3 = Y[y3 + k]!;
				s00 += u * w0;
				s01 += u * w1;
				s02 += u * w2;
				s03 += u * w3;
				s10 += v * w0;
				s11 += v * w1;
				s12 += v * w2;
				s13 += v * w3;
			}
			const o = r * cols + c, p = o + cols;
			const b0 = bias === null ? 0 : bias[c]!, b1 = bias === null ? 0 : bias[c + 1]!, b2 = bias === null ? 0 : bias[c + 2]!, b3 = bias === null ? 0 : bias[c + 3]!;
			out[o] = s00 + b0;
			out[o + 1] = s01 + b1;
			out[o + 2] = s02 + b2;
			out[o + 3] = s03 + b3;
			out[p] = s10 + b0;
			out[p + 1] = s11 + b1;
			out[p + 2] = s12 + b2;
			out[p + 3] = s13 + b3;
		}
		for (; c < cols; c++) {
			out[r * cols + c] = dot(X, x0, Y, c * len, len) + (bias === null ? 0 : bias[c]!);
			out[(r + 1) * cols + c] = dot(X, x1, Y, c * len, len) + (bias === null ? 0 : bias[c]!);
		}
	}
	for (; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = dot(X, r * len, Y, c * len, len) + (bias === null ? 0 : bias[c]!);
}

function dot(X: Float64Array, x: number, Y: Float64Array, y: number, len: number): number {
	let s = 0;
	for (let k = 0; k < len; k++) s += X[x + k]! * Y[y + k]!;
	return s;
}

/** to[j·rows + i] = from[i·cols + j]. */
function transpose(from: Float64Array, rows: number, cols: number, to: Float64Array): void {
	for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) to[j * rows + i] = from[i * cols + j]!;
}

export function plainSide(c: BenchConfig, data: ClassificationSplit, weights: readonly {W: number[][]; b: number[]}[]): PlainSide {
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
	// H[l]: layer l's output for the batch (H[0] the input, a view of the data); G[l]: ∂L/∂(pre-activation) of layer l.
	const H: Float64Array[] = sizes.map((n) => new Float64Array(rows * n));
	const G = sizes.map((n) => new Float64Array(rows * n));
	// Scratch for the transposes: a layer's weights (in × out), its gradient and its input (units × batch).
	const widest = Math.max(...sizes);
	const WT = new Float64Array(widest * widest);
	const GT = new Float64Array(widest * rows);
	const AT = new Float64Array(widest * rows);
	const norms = new Float64Array(2 * depth);
	const {x, y, n: total, features} = data.train;
	const classes = sizes[depth]!;
	let start = 0;
	let t = 0;
	let loss = 0;

	function forward(): void {
		H[0] = x.subarray(start * features, (start + rows) * features);
		for (let l = 0; l < depth; l++) {
			const n = sizes[l]!, m = sizes[l + 1]!, h = H[l + 1]!;
			dots(H[l]!, W[l]!, rows, m, n, h, B[l]!);
			if (l === depth - 1) continue;
			if (relu) for (let k = 0; k < rows * m; k++) h[k] = h[k]! > 0 ? h[k]! : 0;
			else for (let k = 0; k < rows * m; k++) h[k] = 1 / (1 + Math.exp(-h[k]!));
		}
	}

	function crossEntropy(): void {
		const z = H[depth]!, g = G[depth]!;
		let sum = 0;
		for (let b = 0; b < rows; b++) {
			const o = b * classes;
			let max = -Infinity;
			for (let k = 0; k < classes; k++) max = Math.max(max, z[o + k]!);
			let e = 0;
			for (let k = 0; k < classes; k++) e += g[o + k] = Math.exp(z[o + k]! - max);
			const label = y[start + b]!;
			sum += Math.log(e) + max - z[o + label]!;
			for (let k = 0; k < classes; k++) g[o + k] = g[o + k]! / e / rows;
			g[o + label] = g[o + label]! - 1 / rows;
		}
		loss = sum / rows;
	}

	function backward(): void {
		for (let l = depth - 1; l >= 0; l--) {
			const n = sizes[l]!, m = sizes[l + 1]!, g = G[l + 1]!, dw = gW[l]!, db = gB[l]!;
			// ∂L/∂W[o][i] = Σ_b g[b][o]·a[b][i]: rows of gᵀ against rows of aᵀ.
			transpose(g, rows, m, GT);
			transpose(H[l]!, rows, n, AT);
			dots(GT, AT, m, n, rows, dw, null);
			for (let o = 0; o < m; o++) {
				let s = 0;
				for (let b = 0; b < rows; b++) s += GT[o * rows + b]!;
				db[o] = s;
			}
			if (l > 0) {
				// ∂L/∂a[b][i] = Σ_o g[b][o]·W[o][i]: rows of g against rows of Wᵀ; then f′ from the output.
				const below = G[l]!, a = H[l]!;
				transpose(W[l]!, m, n, WT);
				dots(g, WT, rows, n, m, below, null);
				if (relu) for (let k = 0; k < rows * n; k++) below[k] = a[k]! > 0 ? below[k]! : 0;
				else for (let k = 0; k < rows * n; k++) below[k] = below[k]! * a[k]! * (1 - a[k]!);
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
		// torch.optim.Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − lr/(1−β₁ᵗ) · m/(√v/√(1−β₂ᵗ) + ε).
		const stepSize = c.lr / (1 - 0.9 ** t);
		const bc2 = Math.sqrt(1 - 0.999 ** t);
		for (let k = 0; k < p.length; k++) {
			const gk = g[k]!;
			const mk = (m[k] = 0.9 * m[k]! + 0.1 * gk);
			const vk = (v[k] = 0.999 * v[k]! + 0.001 * gk * gk);
			p[k] = p[k]! - (stepSize * mk) / (Math.sqrt(vk) / bc2 + 1e-8);
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
