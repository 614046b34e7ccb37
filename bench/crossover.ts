/**
 * Where the WebAssembly kernels start to win: each dense product (forward, input gradient, weight
 * gradient) timed on both kernel paths over a grid of layer sizes and batch rows, interleaved,
 * best of several trials each. Prints the SIMD speed-up per shape; kernels.ts's simdFor encodes
 * the boundary. Run: npm run build && node dist/bench/crossover.js (other grids:
 * SIZES=1,2,4,8 ROWS=1,2,4 node dist/bench/crossover.js).
 */
import {BatchBuffers, useKernels, type KernelChoice} from '../src/core/kernels.js';
import {createRng} from '../src/core/rng.js';

const SIZES = (process.env.SIZES ?? "2,4,8,12,16,24,32,64").split(",").map(Number);
const ROWS = (process.env.ROWS ?? "8,32,128").split(",").map(Number);
const TRIALS = 15;

type Product = 'forward' | 'input gradient' | 'weight gradient';

function random(length: number, rng: ReturnType<typeof createRng>): Float64Array {
	return Float64Array.from({length}, () => rng.normal());
}

/** Calls per second of one product on one path, best of the trials given. */
function timer(product: Product, rows: number, n: number, m: number): (path: KernelChoice) => number {
	const rng = createRng(rows * 10_000 + n * 100 + m);
	// Every product of layer 1 of an n → n → m network (layer 0 only gives it an input gradient to pass).
	const batch = new BatchBuffers([n, n, m]);
	batch.reserve(rows);
	batch.A[1]!.set(random(rows * n, rng));
	batch.Z[1]!.set(random(rows * n, rng));
	batch.D[2]!.set(random(rows * m, rng));
	const W = random(m * n, rng), bias = random(m, rng), dW = new Float64Array(m * n), dB = new Float64Array(m);
	const run = (): void => {
		if (product === 'forward') batch.forward(1, W, bias, 'relu', rows);
		else if (product === 'input gradient') batch.backwardInput(1, W, 'relu', rows);
		else {
			batch.prepareGradients(1, rows, dW, dB);
			batch.weightGradRows(1, rows, 0, m);
			batch.keepGradients(dW, dB);
		}
	};
	const calls = Math.max(1, Math.round(2e6 / (rows * n * m + 200)));
	return (path) => {
		useKernels(path);
		const t0 = performance.now();
		for (let k = 0; k < calls; k++) run();
		return calls / ((performance.now() - t0) / 1000);
	};
}

for (const product of ['forward', 'input gradient', 'weight gradient'] as const) {
	console.log(`\n${product}: SIMD speed-up over JS (rows; columns n = inputs, lines m = outputs)`);
	for (const rows of ROWS) {
		console.log(`rows ${rows}`.padEnd(10) + SIZES.map((n) => `n=${n}`.padStart(7)).join(''));
		for (const m of SIZES) {
			const cells: string[] = [];
			for (const n of SIZES) {
				const time = timer(product, rows, n, m);
				let simd = 0, js = 0;
				for (let t = 0; t < TRIALS; t++) {
					simd = Math.max(simd, time('simd'));
					js = Math.max(js, time('js'));
				}
				cells.push(`${(simd / js).toFixed(2)}`.padStart(7));
			}
			console.log(`  m=${m}`.padEnd(10) + cells.join(''));
		}
	}
}
useKernels('auto');
