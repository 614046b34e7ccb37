/**
 * The PyTorch side of the bench: bench/torch_side.py in a child Python process (eager, float64,
 * one thread), asked for one timing at a time so that it runs only while gradlab's side waits.
 * Debian's torch calls whatever libblas.so.3 the system selects; the child reports which it loaded.
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {createInterface, type Interface} from 'node:readline';
import type {BenchConfig} from './configs.js';

const SCRIPT = new URL('../../bench/torch_side.py', import.meta.url).pathname;

/** One thread everywhere: torch's own pool, OpenMP, and OpenBLAS's pthreads. */
const ONE_THREAD = {OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1'};

export interface TorchInfo {
	readonly python: string;
	readonly torch: string;
	readonly threads: number;
	readonly blas: readonly {path: string; openblas?: string; threads?: number}[];
}

export interface TorchSide {
	readonly info: TorchInfo;
	setup(c: BenchConfig, warmSeconds: number): Promise<void>;
	stepsPerSecond(id: string, seconds: number): Promise<number>;
	close(): void;
}

/** The first of `python3` on PATH and Debian's /usr/bin/python3 that imports torch, or null. */
function findPython(): string | null {
	for (const python of ['python3', '/usr/bin/python3']) {
		if (spawnSync(python, ['-c', 'import torch'], {stdio: 'ignore'}).status === 0) return python;
	}
	return null;
}

/** Starts the PyTorch side, or returns null when no Python here can import torch. */
export async function startTorch(): Promise<TorchSide | null> {
	const python = findPython();
	if (!python) return null;
	const child: ChildProcessWithoutNullStreams = spawn(python, [SCRIPT], {env: {...process.env, ...ONE_THREAD}});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const lines: Interface = createInterface({input: child.stdout});
	const replies = lines[Symbol.asyncIterator]();
	const ask = async (request: object): Promise<Record<string, unknown>> => {
		child.stdin.write(`${JSON.stringify(request)}\n`);
		const reply = await replies.next();
		if (reply.done) throw new Error(`the PyTorch side stopped: ${stderr.trim().split('\n').at(-1) ?? 'no message'}`);
		return JSON.parse(reply.value) as Record<string, unknown>;
	};
	const info = {python, ...(await ask({op: 'info'}))} as unknown as TorchInfo;
	return {
		info,
		async setup(c, warmSeconds) {
			const config = {id: c.id, layers: c.layers, activation: c.activation, batch: c.batch, optimizer: c.optimizer, lr: c.lr};
			await ask({op: 'setup', config, warm: warmSeconds});
		},
		async stepsPerSecond(id, seconds) {
			return (await ask({op: 'time', id, seconds})).stepsPerSecond as number;
		},
		close() {
			child.stdin.end();
			lines.close();
		},
	};
}

/** "OpenBLAS 0.3.21 … Haswell (openblas-pthread/libblas.so.3), 1 thread", or what was loaded instead. */
export function describeBlas(info: TorchInfo): string {
	if (info.blas.length === 0) return 'no BLAS library mapped';
	const first = info.blas[0]!;
	const where = first.path.split('/').slice(-2).join('/');
	if (!first.openblas) return `${where} (not OpenBLAS)`;
	return `${first.openblas} (${where}), ${first.threads} thread${first.threads === 1 ? '' : 's'}`;
}
