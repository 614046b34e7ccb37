/**
 * Seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, 128-bit state, passes PractRand), seeded through splitmix32 so that
 * nearby seeds give unrelated streams. There is no global generator: every random draw comes from an Rng passed in.
 */
export interface Rng {
	/** A uniform double in [0, 1) with 53 random bits. */
	uniform(): number;
	/** A standard normal deviate (Box–Muller, no cached spare: one call, two uniforms). */
	normal(): number;
	/** A uniform integer in [0, n). */
	int(n: number): number;
	/** Shuffles `a` in place (Fisher–Yates). */
	shuffle(a: Uint32Array | number[]): void;
}

function splitmix32(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** A new generator; the same seed always gives the same stream. */
export function createRng(seed: number): Rng {
	const init = splitmix32(seed);
	let a = init();
	let b = init();
	let c = init();
	let d = init();
	const next32 = (): number => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	};
	// Warm up so the first outputs do not echo the seed mixing.
	for (let i = 0; i < 12; i++) next32();

	const uniform = (): number => ((next32() >>> 5) * 67_108_864 + (next32() >>> 6)) / 9_007_199_254_740_992;
	return {
		uniform,
		normal() {
			let u = uniform();
			while (u === 0) u = uniform();
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
		},
		int(n) {
			return Math.floor(uniform() * n);
		},
		shuffle(arr) {
			for (let i = arr.length - 1; i > 0; i--) {
				const j = Math.floor(uniform() * (i + 1));
				const tmp = arr[i]!;
				arr[i] = arr[j]!;
				arr[j] = tmp;
			}
		},
	};
}

/** A seed for an independent stream named `stream` (e.g. "data", "init", "order") under `seed`. */
export function deriveSeed(seed: number, stream: string): number {
	let h = 0x811c9dc5 ^ (seed >>> 0);
	for (let i = 0; i < stream.length; i++) {
		h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
	}
	return splitmix32(h)();
}
