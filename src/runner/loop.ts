/**
 * The worker's scheduling as an object: when to train and how much, when to post snapshots and
 * probes, and when to wake next. The clock, the post function and the timers come from outside —
 * worker.ts passes Node's, tests pass fakes — so it runs and is tested without a thread.
 *
 * Live mode trains on timers. While paused (no single steps owed) or finished it sets no timer
 * at all, except to deliver a snapshot or probe its cadence held back; a command wakes it.
 * Frames mode (recordings) never sets a timer: each `advance` command is one frame.
 */
import type {StepGate} from './gate.js';
import {MAX_SLICE_MS, Pacer, RateMeter} from './pacer.js';
import {Prober} from './probes.js';
import type {Command, RunState, Speed, Watch, WorkerInit, WorkerMessage} from './protocol.js';
import type {Session} from './session.js';

export interface LoopTimers {
	/** Calls `fn` after `ms` milliseconds; returns what cancels it. */
	after(ms: number, fn: () => void): () => void;
	/** Calls `fn` once pending messages have been handled (setImmediate); returns what cancels it. */
	soon(fn: () => void): () => void;
}

export interface LoopHost {
	/** Milliseconds, monotonic. */
	readonly clock: () => number;
	readonly post: (message: WorkerMessage) => void;
	readonly timers: LoopTimers;
	/** A split lesson's gate (gate.ts): this worker waits for the others rather than run ahead. */
	readonly gate?: StepGate;
}

export type LoopSettings = Pick<WorkerInit, 'snapshotsPerSecond' | 'speed' | 'paused' | 'boundary' | 'frames'>;

/** Probes (boundary grids, histograms) at most this often: a few times a second is enough to watch. */
const PROBE_MS = 250;
/** …and spaced so that they take at most this share of the worker's time (deep nets cost more). */
const PROBE_SHARE = 0.1;
/** While training at a set pace, look again this soon: steps come due continuously. */
const PACED_POLL_MS = 4;
/** While training, refresh the snapshot at least this often so the rate stays current. */
const RATE_REFRESH_MS = 1000;
/** Held at the gate (ahead of another worker), look again this soon. */
const GATE_POLL_MS = 2;

/** An error's message, for the `error` message. */
export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class TrainingLoop {
	private paused: boolean;
	private speed: Speed;
	/** Steps owed while paused: single steps, and an `align`'s catching up. */
	private pendingSingleSteps = 0;
	/** The last tick stopped at the gate: the other workers must catch up first. */
	private gated = false;
	private trainingMs = 0;
	private lastSnapshot = Number.NEGATIVE_INFINITY;
	/** Something changed since the last snapshot. */
	private dirty = true;
	private stopped = false;
	private readonly pacer = new Pacer();
	private readonly steps = new RateMeter();
	private readonly samples = new RateMeter();
	private readonly snapshotMs: number;
	private readonly prober = new Prober();
	private readonly probing: boolean;
	/** What the dashboard shows that probes must compute. */
	private watch: Watch;
	private probeDirty = true;
	private lastProbe = Number.NEGATIVE_INFINITY;
	private probeCost = 0;
	/** Frames mode: frames so far, and a probe every this many (about four a second, like live). */
	private frame = 0;
	private readonly probeEvery: number;
	/** Cancels the pending wake-up; null when none is set. */
	private cancel: (() => void) | null = null;

	constructor(
		private readonly session: Session,
		private readonly settings: LoopSettings,
		private readonly host: LoopHost,
	) {
		this.paused = settings.paused;
		this.speed = settings.speed;
		this.snapshotMs = 1000 / Math.max(1, settings.snapshotsPerSecond);
		this.probing = session.scenario.kind === 'network';
		this.watch = {boundary: settings.boundary ?? false};
		this.probeEvery = Math.max(1, Math.round(settings.snapshotsPerSecond * (PROBE_MS / 1000)));
	}

	/** True while a wake-up is pending (a paused or finished loop has none once it has said so). */
	get scheduled(): boolean {
		return this.cancel !== null;
	}

	/** Posts the first snapshot; live mode also starts training. */
	start(): void {
		this.guard(() => {
			if (!this.settings.frames) return this.tick();
			this.snapshot(this.host.clock());
			const first = this.probing ? this.prober.probe(this.session, this.watch) : null;
			if (first) this.host.post(first);
		});
	}

	handle(command: Command): void {
		this.guard(() => this.obey(command));
	}

	/** Runs `work`; an error is posted and stops the loop (the dashboard shows it). */
	private guard(work: () => void): void {
		if (this.stopped) return;
		try {
			work();
		} catch (error) {
			this.host.post({type: 'error', message: errorText(error)});
			this.stop();
		}
	}

	private stop(): void {
		this.stopped = true;
		this.cancel?.();
		this.cancel = null;
	}

	private obey(command: Command): void {
		if (this.settings.frames && command.type === 'advance') return this.advance(command.steps);
		switch (command.type) {
			case 'pause':
				this.paused = true;
				break;
			case 'resume':
				this.paused = false;
				this.pendingSingleSteps = 0;
				this.pacer.reset();
				break;
			case 'step':
				this.paused = true;
				this.pendingSingleSteps++;
				break;
			case 'restart':
				this.session.restart();
				this.prober.reset();
				this.trainingMs = 0;
				this.pendingSingleSteps = 0;
				this.pacer.reset();
				this.host.gate?.publish(0);
				this.host.post({type: 'reset'});
				break;
			case 'align':
				if (this.paused) this.pendingSingleSteps = Math.max(this.pendingSingleSteps, command.step - this.session.step);
				break;
			case 'speed':
				this.speed = command.speed;
				this.pacer.reset();
				break;
			case 'advance':
				return; // only in frames mode
			case 'set': {
				const {type: _, run, ...change} = command;
				try {
					this.session.setPoint(run, change);
				} catch (error) {
					// The dashboard checks a change before it sends it: one that fails here is a bug to show.
					this.host.post({type: 'error', message: errorText(error)});
				}
				break;
			}
			case 'watch': {
				const {type: _, ...watch} = command;
				this.watch = watch;
				this.lastProbe = Number.NEGATIVE_INFINITY; // show the newly watched view at once
				break;
			}
			case 'quit':
				return this.stop();
		}
		this.dirty = true;
		this.probeDirty = true;
		this.lastSnapshot = Number.NEGATIVE_INFINITY;
		// Frames mode answers only `advance`; live mode answers now rather than at the next poll.
		if (!this.settings.frames) this.wake((fn) => this.host.timers.soon(fn));
	}

	/** Nothing to train until a command: paused with no single steps owed, or finished. */
	private get idle(): boolean {
		return this.session.finished || (this.paused && this.pendingSingleSteps === 0);
	}

	private readonly tick = (): void => {
		this.cancel = null;
		this.guard(() => {
			const {clock} = this.host;
			const busy = !this.idle;
			if (busy) this.train(clock());
			// Finished, this worker holds no other back at the gate.
			if (this.session.finished) this.host.gate?.publish(this.session.step, true);
			const now = clock();
			if ((this.dirty && now - this.lastSnapshot >= this.snapshotMs) || (busy && now - this.lastSnapshot >= RATE_REFRESH_MS)) this.snapshot(now);
			this.maybeProbe(clock());
			this.schedule();
		});
	};

	private wake(how: (fn: () => void) => () => void): void {
		this.cancel?.();
		this.cancel = how(this.tick);
	}

	private schedule(): void {
		const {timers, clock} = this.host;
		if (!this.idle) {
			if (this.gated) this.wake((fn) => timers.after(GATE_POLL_MS, fn));
			else if (this.paused || this.speed === 'max') this.wake((fn) => timers.soon(fn));
			else this.wake((fn) => timers.after(PACED_POLL_MS, fn));
			return;
		}
		// Idle: wake only to deliver what the cadence held back, then sleep until a command.
		const owed: number[] = [];
		if (this.dirty) owed.push(this.lastSnapshot + this.snapshotMs);
		if (this.probing && this.probeDirty) owed.push(this.lastProbe + this.probeInterval());
		if (owed.length === 0) return;
		const delay = Math.max(0, Math.ceil(Math.min(...owed) - clock()));
		this.wake((fn) => timers.after(delay, fn));
	}

	private probeInterval(): number {
		return Math.max(PROBE_MS, this.snapshotMs, this.probeCost / PROBE_SHARE);
	}

	/** Posts the runs' probes when something changed and the cadence and time budget allow. */
	private maybeProbe(now: number): void {
		if (!this.probing || !this.probeDirty || now - this.lastProbe < this.probeInterval()) return;
		const message = this.prober.probe(this.session, this.watch);
		if (message) this.host.post(message);
		this.lastProbe = this.host.clock();
		this.probeCost = this.lastProbe - now;
		this.probeDirty = false;
	}

	private snapshot(now: number): void {
		// Idle, nothing trains: the rate is 0 (no timer is kept to watch the meter decay).
		const idle = this.idle;
		this.host.post({
			type: 'snapshot',
			runs: this.session.states(),
			paused: this.paused,
			finished: this.session.finished,
			stepsPerSecond: idle ? 0 : this.steps.rate(now),
			samplesPerSecond: idle ? 0 : this.samples.rate(now),
			speed: this.speed,
		});
		this.lastSnapshot = now;
		this.dirty = false;
	}

	private train(now: number): void {
		const {clock, gate} = this.host;
		const budget = this.paused ? this.pendingSingleSteps : this.pacer.due(this.speed, now);
		const deadline = now + MAX_SLICE_MS;
		const session = this.session;
		let taken = 0;
		const samplesBefore = totalSamples(session);
		let t = now;
		this.gated = false;
		const perSecond = gate ? this.steps.rate(now) : 0;
		while (taken < budget && !session.finished) {
			if (gate && !gate.mayStep(session.step + 1, perSecond)) {
				this.gated = true;
				break;
			}
			if (session.stepAll((this.trainingMs + (t - now)) / 1000) === 0) break;
			gate?.publish(session.step);
			taken++;
			if ((taken & 3) === 0) {
				t = clock();
				if (t > deadline) break;
			}
		}
		if (this.paused) this.pendingSingleSteps -= taken;
		if (taken === 0) return;
		t = clock();
		if (!this.paused) this.trainingMs += t - now;
		this.steps.add(taken, t);
		this.samples.add(totalSamples(session) - samplesBefore, t);
		this.dirty = true;
		this.probeDirty = true;
	}

	/** Frames mode: `count` steps exactly (none while paused), then this frame's snapshot. */
	private advance(count: number): void {
		const {snapshotsPerSecond} = this.settings;
		const session = this.session;
		const taken = this.paused ? 0 : count;
		this.frame++;
		for (let k = 0; k < taken && !session.finished; k++) session.stepAll(this.frame / snapshotsPerSecond);
		const runs = session.states();
		const rate = taken * snapshotsPerSecond;
		this.host.post({type: 'snapshot', runs, paused: this.paused, finished: session.finished, stepsPerSecond: rate, samplesPerSecond: frameSamplesPerSecond(runs, rate), speed: this.speed});
		if (this.probing && this.frame % this.probeEvery === 0) {
			const message = this.prober.probe(session, this.watch);
			if (message) this.host.post(message);
		}
	}
}

/** Frames mode's samples per second: every run's samples per step so far, in run order, at `stepsPerSecond`. */
export function frameSamplesPerSecond(runs: readonly RunState[], stepsPerSecond: number): number {
	return stepsPerSecond * runs.reduce((sum, r) => sum + (r.step > 0 ? r.samples / r.step : 0), 0);
}

function totalSamples(session: Session): number {
	let total = 0;
	for (const run of session.runs) total += run.samples;
	return total;
}
