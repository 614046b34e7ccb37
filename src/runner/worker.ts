/**
 * The training worker: a thin shell that drives a Session on its own thread, obeys commands
 * and posts snapshots at a bounded rate. All training logic lives in the session and the core.
 */
import {performance} from 'node:perf_hooks';
import {parentPort, workerData} from 'node:worker_threads';
import {MAX_SLICE_MS, Pacer, RateMeter} from './pacer.js';
import {Prober} from './probes.js';
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
	/** Compute decision-boundary grids from the start (otherwise only after a `watch` command). */
	readonly boundary?: boolean;
	/**
	 * Frames mode, for recordings: train only when told to `advance`, answer each with one
	 * snapshot (and a probe every few), and report time and rates by frame count rather than by
	 * the clock — so the same seed and size draw the same frames on any machine, however loaded.
	 */
	readonly frames?: boolean;
}

/** Probes (boundary grids, histograms) at most this often: a few times a second is enough to watch. */
const PROBE_MS = 250;
/** …and spaced so that they take at most this share of the worker's time (deep nets cost more). */
const PROBE_SHARE = 0.1;

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
const prober = new Prober();
const probing = init.scenario.kind === 'network';
let watchBoundary = init.boundary ?? false;
let probeDirty = true;
let lastProbe = -Infinity;
let probeCost = 0;

/** Posts the runs' probes when something changed and the cadence and time budget allow. */
function maybeProbe(now: number): void {
	if (!probing || !probeDirty || now - lastProbe < Math.max(PROBE_MS, snapshotMs, probeCost / PROBE_SHARE)) return;
	const message = prober.probe(session, watchBoundary);
	if (message) post(message);
	lastProbe = performance.now();
	probeCost = lastProbe - now;
	probeDirty = false;
}

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
	probeDirty = true;
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
		maybeProbe(performance.now());
		const busy = !session.finished && !paused;
		if (busy && speed === 'max') setImmediate(tick);
		else setTimeout(tick, busy ? 4 : Math.max(4, snapshotMs / 2));
	} catch (error) {
		post({type: 'error', message: error instanceof Error ? error.message : String(error)});
		stopped = true;
	}
}

/** Probes in frames mode: every this many frames (about four a second, like the live cadence). */
const probeEvery = Math.max(1, Math.round(init.snapshotsPerSecond * (PROBE_MS / 1000)));
let frame = 0;

/** Frames mode: `count` steps exactly (none while paused), then this frame's snapshot. */
function advance(count: number): void {
	const taken = paused ? 0 : count;
	frame++;
	for (let k = 0; k < taken && !session.finished; k++) session.stepAll(frame / init.snapshotsPerSecond);
	const runs = session.states();
	const rate = taken * init.snapshotsPerSecond;
	const samplesPerStep = runs.reduce((sum, r) => sum + (r.step > 0 ? r.samples / r.step : 0), 0);
	post({type: 'snapshot', runs, paused, finished: session.finished, stepsPerSecond: rate, samplesPerSecond: rate * samplesPerStep, speed});
	if (probing && frame % probeEvery === 0) {
		const message = prober.probe(session, watchBoundary);
		if (message) post(message);
	}
}

function handle(command: Command): void {
	if (init.frames && command.type === 'advance') {
		advance(command.steps);
		return;
	}
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
			prober.reset();
			trainingMs = 0;
			pacer.reset();
			post({type: 'reset'});
			break;
		case 'speed':
			speed = command.speed;
			pacer.reset();
			break;
		case 'advance':
			return; // only in frames mode
		case 'set': {
			const {type: _, run, ...change} = command;
			try {
				session.setPoint(run, change);
			} catch (error) {
				// The dashboard checks a change before it sends it: one that fails here is a bug to show.
				post({type: 'error', message: error instanceof Error ? error.message : String(error)});
			}
			break;
		}
		case 'watch':
			watchBoundary = command.boundary;
			lastProbe = -Infinity; // show the newly watched view at once
			break;
		case 'quit':
			stopped = true;
			port.close();
			return;
	}
	dirty = true;
	probeDirty = true;
	lastSnapshot = -Infinity;
}

try {
	session = new Session(init.scenario, init.options);
	port.on('message', handle);
	if (init.frames) {
		snapshot(performance.now());
		const first = probing ? prober.probe(session, watchBoundary) : null;
		if (first) post(first);
	} else tick();
} catch (error) {
	post({type: 'error', message: error instanceof Error ? error.message : String(error)});
}
