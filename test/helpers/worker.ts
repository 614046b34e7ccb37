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

/** `startRunner` on the worker built from source; `workers` caps how many (default: one per core, as the app). */
export function startTestRunner(setup: RunnerSetup, workers?: number): RunnerHandle {
	return startRunner(setup, workerScript(), workers);
}

/** Resolves with the first message that satisfies `test`. */
export function next(runner: RunnerHandle, test: (m: WorkerMessage) => boolean, timeoutMs = 5000): Promise<WorkerMessage> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('timed out waiting for the worker')), timeoutMs);
		const off = runner.subscribe((m) => {
			if (!test(m)) return;
			clearTimeout(timer);
			off();
			resolve(m);
		});
	});
}
