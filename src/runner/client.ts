/** Starts the training worker and talks to it. The UI's only door into training. */
import {Worker} from 'node:worker_threads';
import {prepareRunInputs} from './inputs.js';
import type {Command, WorkerInit, WorkerMessage} from './protocol.js';

export interface RunnerHandle {
	send(command: Command): void;
	/** Subscribes to the worker's messages; returns the unsubscribe function. */
	subscribe(listener: (message: WorkerMessage) => void): () => void;
	/** Asks the worker to quit and waits until its thread has ended. */
	stop(): Promise<void>;
}

/** What a front end asks for: a lesson and its pace. The runner reads the lesson's files itself. */
export type RunnerSetup = Omit<WorkerInit, 'inputs'>;

/**
 * The worker script beside this module: `dist/bundle/worker.js` beside the bundled CLI, or tsc's
 * `dist/src/runner/worker.js`. Tests run from source and pass one built from it instead.
 */
export const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/**
 * Reads the lesson's data and checkpoints here, once (a restart reuses them), and starts a worker
 * on them. A file that cannot be used comes back as an `error` message, as a worker's error would.
 */
export function startRunner(setup: RunnerSetup, script: URL = WORKER_SCRIPT): RunnerHandle {
	let init: WorkerInit;
	try {
		init = {...setup, inputs: prepareRunInputs(setup.scenario, setup.options)};
	} catch (error) {
		return failed(error instanceof Error ? error.message : String(error));
	}
	return startWorker(init, script);
}

/** A runner that never started: every subscriber hears why, once. */
function failed(message: string): RunnerHandle {
	return {
		send() {},
		subscribe(listener) {
			let subscribed = true;
			queueMicrotask(() => subscribed && listener({type: 'error', message}));
			return () => {
				subscribed = false;
			};
		},
		async stop() {},
	};
}

function startWorker(init: WorkerInit, script: URL): RunnerHandle {
	const worker = new Worker(script, {workerData: init});
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
