/**
 * Dense-layer loops, register-blocked: each inner loop keeps several independent sums in
 * registers, which lets V8's optimiser pipeline them. Two shapes:
 * - row loops (two rows × four terms per inner iteration) straight over the row-major operands,
 *   for narrow layers and for products too large for the panel buffer;
 * - a 3 × 4 micro-kernel over packed panels. A panel holds a few vectors of length K interleaved
 *   (panel[lanes·k + lane] = vector_lane[k]): the left panel three, each right panel four. The
 *   micro-kernel walks the left panel and one right panel with two moving indices, both in the
 *   one module-level buffer PANELS, and stores nothing in its inner loop.
 * The panel kernels sum in plain k order, so their results round differently from the row
 * loops' grouped sums; which loop a layer uses depends only on its sizes.
 * All arrays are row-major Float64Array; nothing here allocates.
 */

/**
 * Doubles in the panel buffer (4 MiB, touched only as far as used). Enough for the weights of a
 * 700 × 700 layer, and for the weight gradient of a 256-row batch over 2,000 inputs; larger
 * products use the row loops.
 */
const PANEL_CAPACITY = 1 << 19;

/**
 * Every packed panel, shared by all networks in this thread. A module constant rather than a
 * buffer passed in: V8 then compiles its address and length into the micro-kernel, so an access
 * is one compare and one load, with no map check or field loads per iteration. That and the 3 × 4
 * tile took the micro-kernel from about 5.5 to 6.3 GFLOP/s (3 × 3 tile, buffer passed in).
 * A packing lives until the next kernel call, except that prepareWeightGrad's lives through the
 * denseWeightGradRows calls that follow it.
 */
const PANELS = new Float64Array(PANEL_CAPACITY);

/** The layer input whose columns PANELS holds for denseWeightGradRows; null once another kernel packs. */
let weightGradInput: Float64Array | null = null;

/** Vectors per left panel and per right panel: the micro-kernel's tile is LEFT × RIGHT sums. */
const LEFT = 3;
const RIGHT = 4;

/**
 * The width from which a product goes through the panels: the inputs for the forward pass and the
 * input gradient, the outputs for the weight gradient. Measured on the bench configs: 32 is about 4%
 * faster than 64 on 32-wide layers; 16 and 8 are no faster, and slower on 2-8x2-2.
 */
const PANEL_MIN = 32;

/** Whether a left panel and the right panels of N vectors, all K long, fit in PANELS. */
function panelsFit(K: number, N: number): boolean {
	return LEFT * K + RIGHT * K * Math.ceil(N / RIGHT) <= PANEL_CAPACITY;
}

/** Z[b,o] = bias[o] + Σᵢ A[b,i]·W[o,i] for b < rows. A: rows×n, W: m×n, Z: rows×m. */
export function denseForward(A: Float64Array, W: Float64Array, bias: Float64Array, Z: Float64Array, rows: number, n: number, m: number): void {
	if (n < PANEL_MIN || rows < LEFT || !panelsFit(n, m)) {
		forwardRows(A, W, bias, Z, rows, n, m);
		return;
	}
	// W's rows as right panels once per call (W changes every step), then each block of A's rows against them.
	weightGradInput = null;
	const right = LEFT * n;
	for (let o = 0, q = right; o < m; o += RIGHT, q += RIGHT * n) packRows(W, n, o, Math.min(RIGHT, m - o), RIGHT, q);
	for (let b = 0; b < rows; b += LEFT) {
		const count = Math.min(LEFT, rows - b);
		packRows(A, n, b, count, LEFT, 0);
		for (let o = 0, q = right; o < m; o += RIGHT, q += RIGHT * n) tile(q, n, Z, b * m + o, m, count, Math.min(RIGHT, m - o));
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

/** PANELS[at + lanes·k + r] = X[(r0 + r)·width + k] for r < lanes, k < width; lanes from `count` on are zero. */
function packRows(X: Float64Array, width: number, r0: number, count: number, lanes: number, at: number): void {
	const x0 = r0 * width;
	// Full panels (nearly all of them) in one pass that writes each panel entry in order.
	if (count === RIGHT && lanes === RIGHT) {
		const x1 = x0 + width, x2 = x1 + width, x3 = x2 + width;
		for (let k = 0, p = at; k < width; k++, p += RIGHT) {
			PANELS[p] = X[x0 + k]!;
			PANELS[p + 1] = X[x1 + k]!;
			PANELS[p + 2] = X[x2 + k]!;
			PANELS[p + 3] = X[x3 + k]!;
		}
		return;
	}
	if (count === LEFT && lanes === LEFT) {
		const x1 = x0 + width, x2 = x1 + width;
		for (let k = 0, p = at; k < width; k++, p += LEFT) {
			PANELS[p] = X[x0 + k]!;
			PANELS[p + 1] = X[x1 + k]!;
			PANELS[p + 2] = X[x2 + k]!;
		}
		return;
	}
	for (let r = 0; r < lanes; r++) {
		const x = x0 + r * width;
		// Zeros, not stale values, in unused lanes: a stale denormal would slow every multiply.
		if (r < count) for (let k = 0, p = at + r; k < width; k++, p += lanes) PANELS[p] = X[x + k]!;
		else for (let k = 0, p = at + r; k < width; k++, p += lanes) PANELS[p] = 0;
	}
}

/**
 * PANELS[at + RIGHT·k + j] = X[k·width + c0 + j] for j < RIGHT, k < height (a right panel of
 * columns); lanes from `count` on are zero.
 */
function packColumns(X: Float64Array, width: number, height: number, c0: number, count: number, at: number): void {
	if (count === RIGHT) {
		for (let k = 0, p = at, x = c0; k < height; k++, p += RIGHT, x += width) {
			PANELS[p] = X[x]!;
			PANELS[p + 1] = X[x + 1]!;
			PANELS[p + 2] = X[x + 2]!;
			PANELS[p + 3] = X[x + 3]!;
		}
		return;
	}
	for (let j = 0; j < RIGHT; j++) {
		if (j < count) for (let k = 0, p = at + j, x = c0 + j; k < height; k++, p += RIGHT, x += width) PANELS[p] = X[x]!;
		else for (let k = 0, p = at + j; k < height; k++, p += RIGHT) PANELS[p] = 0;
	}
}

/** A partial (edge) tile's sums on their way out; its last corner only exists in a full tile. */
const EDGE = new Float64Array(LEFT * RIGHT - 1);

/**
 * out[at + r·stride + j] = Σ_{k<K} L[k, r]·R[k, j] for r < rCount, j < cCount, where L is the left
 * panel at PANELS[0] and R the right panel at PANELS[right]: one 3 × 4 tile, each sum taken in k order.
 */
function tile(right: number, K: number, out: Float64Array, at: number, stride: number, rCount: number, cCount: number): void {
	let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s20 = 0, s21 = 0, s22 = 0, s23 = 0;
	const end = LEFT * K;
	// `| 0` keeps the index sums in int32 without overflow checks (the buffer is far below 2³¹).
	for (let p = 0, q = right; p < end; p = (p + LEFT) | 0, q = (q + RIGHT) | 0) {
		const v0 = PANELS[q]!;
		const v1 = PANELS[(q + 1) | 0]!;
		const v2 = PANELS[(q + 2) | 0]!;
		const v3 = PANELS[(q + 3) | 0]!;
		let x = PANELS[p]!;
		s00 += x * v0; s01 += x * v1; s02 += x * v2; s03 += x * v3;
		x = PANELS[(p + 1) | 0]!;
		s10 += x * v0; s11 += x * v1; s12 += x * v2; s13 += x * v3;
		x = PANELS[(p + 2) | 0]!;
		s20 += x * v0; s21 += x * v1; s22 += x * v2; s23 += x * v3;
	}
	if (rCount === LEFT && cCount === RIGHT) {
		const r1 = at + stride;
		const r2 = r1 + stride;
		out[at] = s00; out[at + 1] = s01; out[at + 2] = s02; out[at + 3] = s03;
		out[r1] = s10; out[r1 + 1] = s11; out[r1 + 2] = s12; out[r1 + 3] = s13;
		out[r2] = s20; out[r2 + 1] = s21; out[r2 + 2] = s22; out[r2 + 3] = s23;
		return;
	}
	EDGE[0] = s00; EDGE[1] = s01; EDGE[2] = s02; EDGE[3] = s03;
	EDGE[4] = s10; EDGE[5] = s11; EDGE[6] = s12; EDGE[7] = s13;
	EDGE[8] = s20; EDGE[9] = s21; EDGE[10] = s22;
	for (let r = 0; r < rCount; r++) for (let j = 0; j < cCount; j++) out[at + r * stride + j] = EDGE[r * RIGHT + j]!;
}

/** dA[b,i] = Σₒ D[b,o]·W[o,i] (the gradient flowing to the layer's input). D: rows×m, dA: rows×n. */
export function denseBackwardInput(D: Float64Array, W: Float64Array, dA: Float64Array, rows: number, n: number, m: number): void {
	if (n < PANEL_MIN || rows < LEFT || !panelsFit(m, n)) {
		backwardInputRows(D, W, dA, rows, n, m);
		return;
	}
	weightGradInput = null;
	const right = LEFT * m;
	for (let i = 0, q = right; i < n; i += RIGHT, q += RIGHT * m) packColumns(W, n, m, i, Math.min(RIGHT, n - i), q);
	for (let b = 0; b < rows; b += LEFT) {
		const count = Math.min(LEFT, rows - b);
		packRows(D, m, b, count, LEFT, 0);
		for (let i = 0, q = right; i < n; i += RIGHT, q += RIGHT * m) tile(q, m, dA, b * n + i, n, count, Math.min(RIGHT, n - i));
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

/** Whether the weight gradient of a rows × n → m layer goes through the panels. */
function packsWeightGrad(rows: number, n: number, m: number): boolean {
	return m >= PANEL_MIN && panelsFit(rows, n);
}

/**
 * Prepares the layer input A (rows×n) for denseWeightGradRows, once per layer and step, first;
 * the calls that follow must not be interleaved with other kernels. Returns how many rows of dW
 * each denseWeightGradRows call finishes (3 packed, else 2).
 */
export function prepareWeightGrad(A: Float64Array, rows: number, n: number, m: number): number {
	if (!packsWeightGrad(rows, n, m)) return 2;
	const right = LEFT * rows;
	for (let i = 0, q = right; i < n; i += RIGHT, q += RIGHT * rows) packColumns(A, n, rows, i, Math.min(RIGHT, n - i), q);
	weightGradInput = A;
	return LEFT;
}

/**
 * Rows o0 … o0+count−1 (count ≤ prepareWeightGrad's answer) of the weight gradient,
 * dW[o,i] = Σ_b D[b,o]·A[b,i], and the same entries of the bias gradient, dB[o] = Σ_b D[b,o] (in b
 * order). Lets the caller finish a few rows and update them at once. A: rows×n.
 */
export function denseWeightGradRows(D: Float64Array, A: Float64Array, dW: Float64Array, dB: Float64Array, rows: number, n: number, m: number, o0: number, count: number): void {
	if (!packsWeightGrad(rows, n, m)) {
		weightGradPair(D, A, dW, rows, n, m, o0, count === 2);
		for (let o = o0; o < o0 + count; o++) {
			let s = 0;
			for (let b = 0, d = o; b < rows; b++, d += m) s += D[d]!;
			dB[o] = s;
		}
		return;
	}
	if (weightGradInput !== A) throw new Error('denseWeightGradRows: PANELS no longer holds this input; call prepareWeightGrad first');
	packGradientColumns(D, rows, m, o0, count, dB);
	for (let i = 0, q = LEFT * rows; i < n; i += RIGHT, q += RIGHT * rows) tile(q, rows, dW, o0 * n + i, n, count, Math.min(RIGHT, n - i));
}

/**
 * The left panel of D's columns o0 … o0+count−1 (count ≤ 3; missing lanes zero), and their sums
 * into dB in the same pass: the bias gradient, dB[o] = Σ_b D[b,o] in b order.
 */
function packGradientColumns(D: Float64Array, rows: number, m: number, o0: number, count: number, dB: Float64Array): void {
	let t0 = 0, t1 = 0, t2 = 0;
	for (let b = 0, p = 0, d = o0; b < rows; b++, p += LEFT, d += m) {
		const g0 = D[d]!;
		const g1 = count > 1 ? D[d + 1]! : 0;
		const g2 = count > 2 ? D[d + 2]! : 0;
		PANELS[p] = g0;
		PANELS[p + 1] = g1;
		PANELS[p + 2] = g2;
		t0 += g0;
		t1 += g1;
		t2 += g2;
	}
	dB[o0] = t0;
	if (count > 1) dB[o0 + 1] = t1;
	if (count > 2) dB[o0 + 2] = t2;
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
