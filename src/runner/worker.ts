/**
 * The training worker: a thin shell that drives a Session on its own thread, obeys commands
 * and posts snapshots at a bounded rate. All training logic lives in the session and the core.
 */
import {performance} from 'node:perf_hooks';
import {parentPort, workerData} from 'node:worker_threads';
import {MAX_SLICE_MS, Pacer, RateMeter} from './pacer.js';
import type {Command, Snapshot, Speed, WorkerMessage} from './protocol.js';
import {Session, type SessionOptions} from './session.js';
import type {Scenario} from '../scenarios/types.js';

export interface WorkerInit {
	readonly scenario: Scenario;
	readonly options: SessionOptions;
	/** Snapshots per second at most. */
	readonly snapshotsPerSecond: number;
	readonly speed: Speed;
	readonly paused: boolean;
}

const port = parentPort!;
const init = workerData as WorkerInit;
const post = (message: WorkerMessage): void => port.postMessage(message);

let session: Session;
let paused = init.paused;
let speed: Speed = init.speed;
let pendingSingleSteps = 0;
let trainingMs = 0;
let lastSnapshot = -Infinity;
let dirty = true;
let stopped = false;
const pacer = new Pacer();
const steps = new RateMeter();
const samples = new RateMeter();
const snapshotMs = 1000 / Math.max(1, init.snapshotsPerSecond);

function snapshot(now: number): void {
	const runs = session.states();
	const message: Snapshot = {
		type: 'snapshot',
		runs,
		paused,
		finished: session.finished,
		stepsPerSecond: steps.rate(now),
		samplesPerSecond: samples.rate(now),
		speed,
	};
	post(message);
	lastSnapshot = now;
	dirty = false;
}

function train(now: number): void {
	const budget = paused ? pendingSingleSteps : pacer.due(speed, now);
	if (paused) pendingSingleSteps = 0;
	const deadline = now + MAX_SLICE_MS;
	let taken = 0;
	let samplesBefore = 0;
	for (const run of session.runs) samplesBefore += run.samples;
	let t = now;
	while (taken < budget && !session.finished) {
		if (session.stepAll((trainingMs + (t - now)) / 1000) === 0) break;
		taken++;
		if ((taken & 3) === 0) {
			t = performance.now();
			if (t > deadline) break;
		}
	}
	if (taken === 0) return;
	t = performance.now();
	if (!paused) trainingMs += t - now;
	let samplesAfter = 0;
	for (const run of session.runs) samplesAfter += run.samples;
	steps.add(taken, t);
	samples.add(samplesAfter - samplesBefore, t);
	dirty = true;
}

function tick(): void {
	if (stopped) return;
	try {
		const now = performance.now();
		const idle = session.finished || (paused && pendingSingleSteps === 0);
		if (!idle) train(now);
		const after = performance.now();
		// While idle, refresh only when something changed (a command), or once a second for the rate.
		if ((dirty && after - lastSnapshot >= snapshotMs) || after - lastSnapshot >= 1000) snapshot(after);
		const busy = !session.finished && !paused;
		if (busy && speed === 'max') setImmediate(tick);
		else setTimeout(tick, busy ? 4 : Math.max(4, snapshotMs / 2));
	} catch (error) {
		post({type: 'error', message: error instanceof Error ? error.message : String(error)});
		stopped = true;
	}
}

function handle(command: Command): void {
	switch (command.type) {
		case 'pause':
			paused = true;
			break;
		case 'resume':
			paused = false;
			pacer.reset();
			break;
		case 'step':
			paused = true;
			pendingSingleSteps++;
			break;
		case 'restart':
			session.restart();
			trainingMs = 0;
			pacer.reset();
			post({type: 'reset'});
			break;
		case 'speed':
			speed = command.speed;
			pacer.reset();
			break;
		case 'quit':
			stopped = true;
			port.close();
			return;
	}
	dirty = true;
	lastSnapshot = -Infinity;
}

try {
	session = new Session(init.scenario, init.options);
	port.on('message', handle);
	tick();
} catch (error) {
	post({type: 'error', message: error instanceof Error ? error.message : String(error)});
}
