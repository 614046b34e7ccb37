/**
 * Dense-layer loops, register-blocked: each inner loop walks contiguous memory and keeps
 * several independent accumulators in registers, which lets V8's optimiser pipeline them.
 * All arrays are row-major Float64Array; nothing here allocates.
 */

/** Z[b,o] = bias[o] + Σᵢ A[b,i]·W[o,i] for b < rows. A: rows×n, W: m×n, Z: rows×m. */
export function denseForward(A: Float64Array, W: Float64Array, bias: Float64Array, Z: Float64Array, rows: number, n: number, m: number): void {
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

/** dA[b,i] = Σₒ D[b,o]·W[o,i] (the gradient flowing to the layer's input). D: rows×m, dA: rows×n. */
export function denseBackwardInput(D: Float64Array, W: Float64Array, dA: Float64Array, rows: number, n: number, m: number): void {
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

/**
 * dW rows o0 and o0+1 (or just o0 when `two` is false): dW[o,i] = Σ_b D[b,o]·A[b,i],
 * four batch rows per inner iteration. Lets the caller finish a row pair and update it at once.
 */
export function denseWeightGradRows(D: Float64Array, A: Float64Array, dW: Float64Array, rows: number, n: number, m: number, o0: number, two: boolean): void {
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
