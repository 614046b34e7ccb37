/** Starts the training worker and talks to it. The UI's only door into training. */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {Command, WorkerMessage} from './protocol.js';
import type {WorkerInit} from './worker.js';

export interface RunnerHandle {
	send(command: Command): void;
	/** Subscribes to the worker's messages; returns the unsubscribe function. */
	subscribe(listener: (message: WorkerMessage) => void): () => void;
	/** Asks the worker to quit and waits until its thread has ended. */
	stop(): Promise<void>;
}

/**
 * The compiled worker script. From `dist/` it sits beside this file; when this module runs from
 * TypeScript source (under vitest) the compiled copy in `dist/` is used, which `npm test` builds.
 */
function workerUrl(): URL {
	const beside = new URL('./worker.js', import.meta.url);
	if (existsSync(fileURLToPath(beside))) return beside;
	return new URL('../../dist/src/runner/worker.js', import.meta.url);
}

export function startRunner(init: WorkerInit): RunnerHandle {
	const worker = new Worker(workerUrl(), {workerData: init});
	const listeners = new Set<(message: WorkerMessage) => void>();
	let exited = false;
	/** Quit was asked for, or an error already said why the worker ends. */
	let explained = false;
	const emit = (message: WorkerMessage): void => {
		if (message.type === 'error') explained = true;
		for (const listener of listeners) listener(message);
	};
	const exit = new Promise<void>((resolve) => {
		worker.once('exit', (code) => {
			exited = true;
			// A worker that ends unasked and unexplained (killed, say) must not leave a frozen screen.
			if (!explained) emit({type: 'error', message: `the training worker ended unexpectedly (exit code ${code})`});
			resolve();
		});
	});
	worker.on('message', emit);
	worker.on('error', (error) => emit({type: 'error', message: error.message}));
	return {
		send(command) {
			if (command.type === 'quit') explained = true;
			if (!exited) worker.postMessage(command);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async stop() {
			explained = true;
			if (exited) return;
			worker.postMessage({type: 'quit'} satisfies Command);
			// A worker stuck in a long step cannot read the quit message; don't wait for it forever.
			const timer = setTimeout(() => void worker.terminate(), 500);
			await exit;
			clearTimeout(timer);
		},
	};
}
