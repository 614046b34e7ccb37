/**
 * Running and waiting on a real worker in tests. The worker script is built from the current
 * source with esbuild (as scripts/bundle.mjs builds the shipped one), so a test never runs a
 * stale `dist/` and needs no prior build.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {buildSync} from 'esbuild';
import {type RunnerHandle, type RunnerSetup, startRunner} from '../../src/runner/client.js';
import type {WorkerMessage} from '../../src/runner/protocol.js';

let built: URL | undefined;

/** The worker script, built from `src/runner/worker.ts` once per test file. */
export function workerScript(): URL {
	if (built) return built;
	const dir = mkdtempSync(join(tmpdir(), 'gradlab-worker-'));
	process.once('exit', () => rmSync(dir, {recursive: true, force: true}));
	const outfile = join(dir, 'worker.mjs');
	buildSync({
		entryPoints: [fileURLToPath(new URL('../../src/runner/worker.ts', import.meta.url))],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		logLevel: 'warning',
	});
	built = pathToFileURL(outfile);
	return built;
}

/** Every message a test runner has sent, and how far `next` has read. */
interface Log {
	readonly messages: WorkerMessage[];
	read: number;
	wake: (() => void) | null;
}
const logs = new WeakMap<RunnerHandle, Log>();

/**
 * `startRunner` on the worker built from source; `workers` caps how many (default: one per core,
 * as the app); `minStepCost` 0 splits even a tiny lesson (the split tests' lessons are tiny). Its
 * messages are logged from the start: the runner hands a turn's messages over together, so a
 * `next` awaited after another must not miss what came in the same batch.
 */
export function startTestRunner(setup: RunnerSetup, workers?: number, minStepCost?: number): RunnerHandle {
	const runner = startRunner(setup, workerScript(), workers, minStepCost);
	const log: Log = {messages: [], read: 0, wake: null};
	runner.subscribe((m) => {
		log.messages.push(m);
		log.wake?.();
	});
	logs.set(runner, log);
	return runner;
}

/** Resolves with the first message after the last one `next` returned that satisfies `test`. */
export function next(runner: RunnerHandle, test: (m: WorkerMessage) => boolean, timeoutMs = 5000): Promise<WorkerMessage> {
	const log = logs.get(runner);
	if (!log) throw new Error('next() reads runners started with startTestRunner');
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			log.wake = null;
			reject(new Error('timed out waiting for the worker'));
		}, timeoutMs);
		const look = (): void => {
			while (log.read < log.messages.length) {
				const m = log.messages[log.read++]!;
				if (!test(m)) continue;
				clearTimeout(timer);
				log.wake = null;
				resolve(m);
				return;
			}
			log.wake = look;
		};
		look();
	});
}

/** Marks every message so far as read: the next `next` looks only at what comes after. */
export function readAll(runner: RunnerHandle): void {
	const log = logs.get(runner);
	if (log) log.read = log.messages.length;
}
