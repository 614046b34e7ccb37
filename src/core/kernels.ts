/**
 * Dense-layer loops, register-blocked: each inner loop keeps several independent sums in
 * registers, which lets V8's optimiser pipeline them. Two shapes:
 * - row loops (two rows × four terms per inner iteration) straight over the row-major operands;
 * - for wide layers in the backward pass, a 3 × 3 micro-kernel over packed panels. A panel holds
 *   three vectors of length K interleaved (panel[3k + lane] = vector_lane[k]); the micro-kernel
 *   walks a left and a right panel, both in one scratch array, with two moving indices. One array,
 *   two indices and no stores in the inner loop keep V8's per-access work (bounds check, index
 *   arithmetic) and register pressure low: about 5 GFLOP/s, 4.6–4.8 with the packing, where the
 *   backward row loops (which store into dA or dW every iteration) reach 4.2–4.4 on wide layers.
 *   It sums in plain k order, so its results round differently from the row loops' grouped sums;
 *   which loop a layer uses depends only on its sizes.
 * All arrays are row-major Float64Array; nothing here allocates.
 */

/**
 * Z[b,o] = bias[o] + Σᵢ A[b,i]·W[o,i] for b < rows. A: rows×n, W: m×n, Z: rows×m,
 * S: scratchSize(rows, n, m) doubles. Wide inputs go through the packed micro-kernel.
 */
export function denseForward(A: Float64Array, W: Float64Array, bias: Float64Array, Z: Float64Array, rows: number, n: number, m: number, S: Float64Array): void {
	if (n < PACKED_FORWARD_MIN || rows < 3) {
		forwardRows(A, W, bias, Z, rows, n, m);
		return;
	}
	// W's rows as panels once per call (W changes every step), then each 3-row block of A against them.
	const right = 3 * n;
	for (let o = 0, q = right; o < m; o += 3, q += 3 * n) packRows(W, n, o, Math.min(3, m - o), S, q);
	for (let b = 0; b < rows; b += 3) {
		const count = Math.min(3, rows - b);
		packRows(A, n, b, count, S, 0);
		for (let o = 0, q = right; o < m; o += 3, q += 3 * n) block(S, 0, q, n, Z, b * m + o, m, count, Math.min(3, m - o));
	}
	for (let b = 0; b < rows; b++) {
		const z = b * m;
		for (let o = 0; o < m; o++) Z[z + o] = Z[z + o]! + bias[o]!;
	}
}

/** denseForward for narrow inputs: two rows × four outputs per pass over a row of A. */
function forwardRows(A: Float64Array, W: Float64Array, bias: Float64Array, Z: Float64Array, rows: number, n: number, m: number): void {
	let b = 0;
	for (; b + 1 < rows; b += 2) {
		const a0 = b * n;
		const a1 = a0 + n;
		const z0 = b * m;
		const z1 = z0 + m;
		let o = 0;
		for (; o + 3 < m; o += 4) {
			const w0 = o * n;
			const w1 = w0 + n;
			const w2 = w1 + n;
			const w3 = w2 + n;
			let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
			for (let i = 0; i < n; i++) {
				const x0 = A[a0 + i]!;
				const x1 = A[a1 + i]!;
				const v0 = W[w0 + i]!;
				const v1 = W[w1 + i]!;
				const v2 = W[w2 + i]!;
				const v3 = W[w3 + i]!;
				s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3;
				s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3;
			}
			Z[z0 + o] = s00 + bias[o]!; Z[z0 + o + 1] = s01 + bias[o + 1]!; Z[z0 + o + 2] = s02 + bias[o + 2]!; Z[z0 + o + 3] = s03 + bias[o + 3]!;
			Z[z1 + o] = s10 + bias[o]!; Z[z1 + o + 1] = s11 + bias[o + 1]!; Z[z1 + o + 2] = s12 + bias[o + 2]!; Z[z1 + o + 3] = s13 + bias[o + 3]!;
		}
		for (; o < m; o++) {
			const w0 = o * n;
			let s0 = 0, s1 = 0;
			for (let i = 0; i < n; i++) {
				const v = W[w0 + i]!;
				s0 += A[a0 + i]! * v;
				s1 += A[a1 + i]! * v;
			}
			Z[z0 + o] = s0 + bias[o]!;
			Z[z1 + o] = s1 + bias[o]!;
		}
	}
	for (; b < rows; b++) {
		const a0 = b * n;
		const z0 = b * m;
		for (let o = 0; o < m; o++) {
			const w0 = o * n;
			let s = 0;
			for (let i = 0; i < n; i++) s += A[a0 + i]! * W[w0 + i]!;
			Z[z0 + o] = s + bias[o]!;
		}
	}
}

/** Doubles of scratch the kernels need for a layer of n inputs and m outputs on `rows` rows. */
export function scratchSize(rows: number, n: number, m: number): number {
	const panels = (k: number, count: number) => 3 * k * Math.ceil(count / 3);
	return Math.max(3 * m + panels(m, n), 3 * rows + panels(rows, n), 3 * n + panels(n, m));
}

/** S[at + 3k + r] = X[(r0 + r)·width + k] for r < count (≤ 3), k < width; missing lanes are zero. */
function packRows(X: Float64Array, width: number, r0: number, count: number, S: Float64Array, at: number): void {
	const x0 = r0 * width;
	const x1 = x0 + width;
	const x2 = x1 + width;
	if (count === 3) {
		for (let k = 0, p = at; k < width; k++, p += 3) {
			S[p] = X[x0 + k]!;
			S[p + 1] = X[x1 + k]!;
			S[p + 2] = X[x2 + k]!;
		}
		return;
	}
	// Zeros, not stale values, in the unused lanes: a stale denormal would slow every multiply.
	for (let k = 0, p = at; k < width; k++, p += 3) {
		S[p] = X[x0 + k]!;
		S[p + 1] = count === 2 ? X[x1 + k]! : 0;
		S[p + 2] = 0;
	}
}

/** S[at + 3k + j] = X[k·width + c0 + j] for j < count (≤ 3), k < height; missing lanes are zero. */
function packColumns(X: Float64Array, width: number, height: number, c0: number, count: number, S: Float64Array, at: number): void {
	if (count === 3) {
		for (let k = 0, p = at, x = c0; k < height; k++, p += 3, x += width) {
			S[p] = X[x]!;
			S[p + 1] = X[x + 1]!;
			S[p + 2] = X[x + 2]!;
		}
		return;
	}
	for (let k = 0, p = at, x = c0; k < height; k++, p += 3, x += width) {
		S[p] = X[x]!;
		S[p + 1] = count === 2 ? X[x + 1]! : 0;
		S[p + 2] = 0;
	}
}

/**
 * out[at + r·stride + j] = Σ_{k<K} S[p + 3k + r]·S[q + 3k + j] for r < rCount, j < cCount: one
 * 3 × 3 block, each sum taken in k order.
 */
function block(S: Float64Array, p: number, q: number, K: number, out: Float64Array, at: number, stride: number, rCount: number, cCount: number): void {
	let s00 = 0, s01 = 0, s02 = 0, s10 = 0, s11 = 0, s12 = 0, s20 = 0, s21 = 0, s22 = 0;
	const end = p + 3 * K;
	for (; p < end; p += 3, q += 3) {
		const x0 = S[p]!;
		const x1 = S[p + 1]!;
		const x2 = S[p + 2]!;
		const v0 = S[q]!;
		const v1 = S[q + 1]!;
		const v2 = S[q + 2]!;
		s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2;
		s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2;
		s20 += x2 * v0; s21 += x2 * v1; s22 += x2 * v2;
	}
	if (rCount === 3 && cCount === 3) {
		const r1 = at + stride;
		const r2 = r1 + stride;
		out[at] = s00; out[at + 1] = s01; out[at + 2] = s02;
		out[r1] = s10; out[r1 + 1] = s11; out[r1 + 2] = s12;
		out[r2] = s20; out[r2 + 1] = s21; out[r2 + 2] = s22;
		return;
	}
	out[at] = s00;
	if (cCount > 1) out[at + 1] = s01;
	if (cCount > 2) out[at + 2] = s02;
	if (rCount > 1) {
		const r1 = at + stride;
		out[r1] = s10;
		if (cCount > 1) out[r1 + 1] = s11;
		if (cCount > 2) out[r1 + 2] = s12;
	}
	if (rCount > 2) {
		const r2 = at + 2 * stride;
		out[r2] = s20;
		if (cCount > 1) out[r2 + 1] = s21;
		if (cCount > 2) out[r2 + 2] = s22;
	}
}

/** Input widths from which denseForward packs (measured: no faster below, packing W costs a pass). */
const PACKED_FORWARD_MIN = 256;

/** Input widths from which denseBackwardInput uses the packed micro-kernel (no faster on narrow ones). */
const PACKED_INPUT_MIN = 64;

/**
 * dA[b,i] = Σₒ D[b,o]·W[o,i] (the gradient flowing to the layer's input). D: rows×m, dA: rows×n,
 * S: scratchSize(rows, n, m) doubles.
 */
export function denseBackwardInput(D: Float64Array, W: Float64Array, dA: Float64Array, rows: number, n: number, m: number, S: Float64Array): void {
	if (n < PACKED_INPUT_MIN) {
		backwardInputRows(D, W, dA, rows, n, m);
		return;
	}
	const right = 3 * m;
	for (let i = 0, q = right; i < n; i += 3, q += 3 * m) packColumns(W, n, m, i, Math.min(3, n - i), S, q);
	for (let b = 0; b < rows; b += 3) {
		const count = Math.min(3, rows - b);
		packRows(D, m, b, count, S, 0);
		for (let i = 0, q = right; i < n; i += 3, q += 3 * m) block(S, 0, q, m, dA, b * n + i, n, count, Math.min(3, n - i));
	}
}

/** denseBackwardInput for narrow inputs: two rows × four outputs of D per pass over a row of dA. */
function backwardInputRows(D: Float64Array, W: Float64Array, dA: Float64Array, rows: number, n: number, m: number): void {
	dA.fill(0, 0, rows * n);
	let b = 0;
	for (; b + 1 < rows; b += 2) {
		const d0 = b * m;
		const d1 = d0 + m;
		const r0 = b * n;
		const r1 = r0 + n;
		let o = 0;
		for (; o + 3 < m; o += 4) {
			const w0 = o * n;
			const w1 = w0 + n;
			const w2 = w1 + n;
			const w3 = w2 + n;
			const p0 = D[d0 + o]!, p1 = D[d0 + o + 1]!, p2 = D[d0 + o + 2]!, p3 = D[d0 + o + 3]!;
			const q0 = D[d1 + o]!, q1 = D[d1 + o + 1]!, q2 = D[d1 + o + 2]!, q3 = D[d1 + o + 3]!;
			for (let i = 0; i < n; i++) {
				const v0 = W[w0 + i]!;
				const v1 = W[w1 + i]!;
				const v2 = W[w2 + i]!;
				const v3 = W[w3 + i]!;
				dA[r0 + i] = dA[r0 + i]! + (p0 * v0 + p1 * v1 + p2 * v2 + p3 * v3);
				dA[r1 + i] = dA[r1 + i]! + (q0 * v0 + q1 * v1 + q2 * v2 + q3 * v3);
			}
		}
		for (; o < m; o++) {
			const w0 = o * n;
			const p0 = D[d0 + o]!;
			const q0 = D[d1 + o]!;
			for (let i = 0; i < n; i++) {
				const v = W[w0 + i]!;
				dA[r0 + i] = dA[r0 + i]! + (p0 * v);
				dA[r1 + i] = dA[r1 + i]! + (q0 * v);
			}
		}
	}
	for (; b < rows; b++) {
		const d0 = b * m;
		const r0 = b * n;
		for (let o = 0; o < m; o++) {
			const w0 = o * n;
			const p = D[d0 + o]!;
			for (let i = 0; i < n; i++) dA[r0 + i] = dA[r0 + i]! + (p * W[w0 + i]!);
		}
	}
}

/** Output counts from which the weight gradient uses the packed micro-kernel (no faster on few outputs). */
const PACKED_OUTPUT_MIN = 64;

/** Rows of dW that one denseWeightGradRows call finishes for a layer with m outputs: 3 packed, else 2. */
export function weightGradBlock(m: number): number {
	return m < PACKED_OUTPUT_MIN ? 2 : 3;
}

/** Prepares the layer input A (rows×n) for denseWeightGradRows; once per layer and step, first. */
export function prepareWeightGrad(A: Float64Array, rows: number, n: number, m: number, S: Float64Array): void {
	if (m < PACKED_OUTPUT_MIN) return;
	const right = 3 * rows;
	for (let i = 0, q = right; i < n; i += 3, q += 3 * rows) packColumns(A, n, rows, i, Math.min(3, n - i), S, q);
}

/**
 * Rows o0 … o0+count−1 (count ≤ weightGradBlock(m)) of the weight gradient, dW[o,i] = Σ_b D[b,o]·A[b,i],
 * and the same entries of the bias gradient, dB[o] = Σ_b D[b,o] (in b order). Lets the caller
 * finish a few rows and update them at once. A: rows×n, after prepareWeightGrad.
 */
export function denseWeightGradRows(D: Float64Array, A: Float64Array, S: Float64Array, dW: Float64Array, dB: Float64Array, rows: number, n: number, m: number, o0: number, count: number): void {
	if (m < PACKED_OUTPUT_MIN) {
		weightGradPair(D, A, dW, rows, n, m, o0, count === 2);
		for (let o = o0; o < o0 + count; o++) {
			let s = 0;
			for (let b = 0, d = o; b < rows; b++, d += m) s += D[d]!;
			dB[o] = s;
		}
		return;
	}
	// Pack D's columns o0… as the left panel and sum them in the same pass.
	let t0 = 0, t1 = 0, t2 = 0;
	for (let b = 0, p = 0, d = o0; b < rows; b++, p += 3, d += m) {
		const g0 = D[d]!;
		const g1 = count > 1 ? D[d + 1]! : 0;
		const g2 = count > 2 ? D[d + 2]! : 0;
		S[p] = g0;
		S[p + 1] = g1;
		S[p + 2] = g2;
		t0 += g0;
		t1 += g1;
		t2 += g2;
	}
	dB[o0] = t0;
	if (count > 1) dB[o0 + 1] = t1;
	if (count > 2) dB[o0 + 2] = t2;
	for (let i = 0, q = 3 * rows; i < n; i += 3, q += 3 * rows) block(S, 0, q, rows, dW, o0 * n + i, n, count, Math.min(3, n - i));
}

/** Weight-gradient rows o0 and o0+1 (or just o0) for few outputs: four batch rows per inner iteration. */
function weightGradPair(D: Float64Array, A: Float64Array, dW: Float64Array, rows: number, n: number, m: number, o0: number, two: boolean): void {
	const g0 = o0 * n;
	const g1 = g0 + n;
	dW.fill(0, g0, two ? g1 + n : g1);
	let b = 0;
	for (; b + 3 < rows; b += 4) {
		const a0 = b * n;
		const a1 = a0 + n;
		const a2 = a1 + n;
		const a3 = a2 + n;
		const p0 = D[b * m + o0]!, p1 = D[(b + 1) * m + o0]!, p2 = D[(b + 2) * m + o0]!, p3 = D[(b + 3) * m + o0]!;
		if (two) {
			const q0 = D[b * m + o0 + 1]!, q1 = D[(b + 1) * m + o0 + 1]!, q2 = D[(b + 2) * m + o0 + 1]!, q3 = D[(b + 3) * m + o0 + 1]!;
			for (let i = 0; i < n; i++) {
				const x0 = A[a0 + i]!;
				const x1 = A[a1 + i]!;
				const x2 = A[a2 + i]!;
				const x3 = A[a3 + i]!;
				dW[g0 + i] = dW[g0 + i]! + (p0 * x0 + p1 * x1 + p2 * x2 + p3 * x3);
				dW[g1 + i] = dW[g1 + i]! + (q0 * x0 + q1 * x1 + q2 * x2 + q3 * x3);
			}
		} else {
			for (let i = 0; i < n; i++) dW[g0 + i] = dW[g0 + i]! + (p0 * A[a0 + i]! + p1 * A[a1 + i]! + p2 * A[a2 + i]! + p3 * A[a3 + i]!);
		}
	}
	for (; b < rows; b++) {
		const a0 = b * n;
		const p0 = D[b * m + o0]!;
		for (let i = 0; i < n; i++) dW[g0 + i] = dW[g0 + i]! + (p0 * A[a0 + i]!);
		if (two) {
			const q0 = D[b * m + o0 + 1]!;
			for (let i = 0; i < n; i++) dW[g1 + i] = dW[g1 + i]! + (q0 * A[a0 + i]!);
		}
	}
}
