/**
 * Starts the training workers and talks to them. The UI's only door into training. A lesson with
 * several network runs is split across up to one worker per core (split.ts), its messages merged
 * back into one worker's stream (merge.ts); the handle looks the same either way.
 */
import {availableParallelism, loadavg} from 'node:os';
import {Worker} from 'node:worker_threads';
import {prepareRunInputs} from './inputs.js';
import {MessageMerger} from './merge.js';
import type {Command, WorkerInit, WorkerMessage} from './protocol.js';
import {SPLIT_MIN_STEP_COST, lessonSplit, splitInit} from './split.js';

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
 * How many workers a lesson may use: `GRADLAB_WORKERS` when set (1 keeps every lesson in one
 * worker), else one per idle core: the cores less the last minute's load average, at least one.
 * Each worker costs memory (its own V8 heap, ~15–20 MiB), so on a shared server where every core
 * is busy, a dashboard stays in one worker. Throws naming the variable when it is not a whole
 * number ≥ 1.
 */
export function workerLimit(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
	const text = env['GRADLAB_WORKERS'];
	if (text === undefined || text === '') return Math.max(1, cores - Math.round(load));
	const workers = Number(text);
	if (!Number.isInteger(workers) || workers < 1) throw new Error(`GRADLAB_WORKERS must be a whole number ≥ 1, not "${text}"`);
	return workers;
}

/**
 * Reads the lesson's data and checkpoints here, once (a restart reuses them), and starts its
 * workers on them: one, or for several network runs whose steps together cost `minStepCost` or
 * more, up to `workers` (default: workerLimit()). A file that cannot be used comes back as an
 * `error` message, as a worker's error would.
 */
export function startRunner(setup: RunnerSetup, script: URL = WORKER_SCRIPT, workers?: number, minStepCost = SPLIT_MIN_STEP_COST): RunnerHandle {
	let init: WorkerInit;
	let sizes: number[] = [];
	try {
		init = {...setup, inputs: prepareRunInputs(setup.scenario, setup.options)};
		// Tiny lessons stay in one worker (SPLIT_MIN_STEP_COST says why).
		if (init.scenario.kind === 'network') sizes = lessonSplit(init.scenario, init.inputs, workers ?? workerLimit(), minStepCost);
	} catch (error) {
		return failed(error instanceof Error ? error.message : String(error));
	}
	const handle = sizes.length < 2 || init.scenario.kind !== 'network' ? startWorker(init, script) : startSplit(splitInit({...init, scenario: init.scenario}, sizes), sizes, init, script);
	// Recording mode draws every frame message on its own; live, a backlog is drawn once.
	return init.frames ? handle : batched(handle);
}

/**
 * A runner whose messages reach its listeners in batches, one per turn of the event loop. Each
 * worker message is its own callback, and React renders after each; when the main thread falls
 * behind (a loaded server), dozens queue up and each would cost a full render, so the screen and
 * the keys froze for seconds while a stale backlog was drawn. Batched, the reducer applies them
 * all and React draws once.
 */
function batched(handle: RunnerHandle): RunnerHandle {
	const listeners = new Set<(message: WorkerMessage) => void>();
	let queue: WorkerMessage[] = [];
	const deliver = (): void => {
		const batch = queue;
		queue = [];
		for (const message of batch) for (const listener of listeners) listener(message);
	};
	handle.subscribe((message) => {
		if (queue.push(message) === 1) setImmediate(deliver);
	});
	return {
		send: (command) => handle.send(command),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		stop: () => handle.stop(),
	};
}

/** Several workers behind one handle: commands and messages go through a MessageMerger. */
function startSplit(inits: readonly WorkerInit[], sizes: readonly number[], init: WorkerInit, script: URL): RunnerHandle {
	const listeners = new Set<(message: WorkerMessage) => void>();
	const workers = inits.map((part) => startWorker(part, script));
	const merger = new MessageMerger(sizes, {frames: init.frames ?? false, snapshotsPerSecond: init.snapshotsPerSecond}, {
		timers: {
			after(ms, fn) {
				const timer = setTimeout(fn, ms);
				return () => clearTimeout(timer);
			},
		},
		emit(message) {
			for (const listener of listeners) listener(message);
		},
		post: (worker, command) => workers[worker]!.send(command),
	});
	workers.forEach((worker, k) => worker.subscribe((message) => merger.receive(k, message)));
	return {
		send: (command) => merger.send(command),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async stop() {
			merger.close();
			await Promise.all(workers.map((worker) => worker.stop()));
		},
	};
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
