/**
 * A lesson split across several workers, spoken to as one: commands go to every worker (a live
 * change to the one that trains its run), and the workers' messages come back as one worker's
 * would, runs in lesson order. Pure scheduling over an injected clock, timers, emit and post, as
 * loop.ts, so it is tested without threads.
 *
 * Frames mode (recordings): every worker answers each command with the same messages, so the
 * merger waits for all of them and puts each message together exactly as one worker would have
 * written it. Live mode: each worker posts at its own pace; the merger keeps every worker's latest
 * state (with the history points and set-points not yet passed on) and passes a merged snapshot
 * on as soon as every worker has spoken since the last one, or one snapshot interval after the
 * first that waits. A restart is passed on once every worker has restarted. Once every worker has
 * paused, the ones behind are told to catch up (`align`) so every run stands where one worker
 * would have left it.
 */
import {frameSamplesPerSecond, type LoopTimers} from './loop.js';
import type {Command, FitData, ImageSamples, ProbeData, ProbeMessage, RunProbe, RunState, Snapshot, WorkerMessage} from './protocol.js';

export interface MergeHost {
	readonly timers: Pick<LoopTimers, 'after'>;
	/** One message of the merged stream. */
	readonly emit: (message: WorkerMessage) => void;
	/** A command to worker `worker`. */
	readonly post: (worker: number, command: Command) => void;
}

export interface MergeSettings {
	readonly frames: boolean;
	readonly snapshotsPerSecond: number;
}

/** Probes are merged at most this long after the first one waits (the workers probe a few times a second). */
const PROBE_WAIT_MS = 250;

/** One worker's side of the merge. */
interface Part {
	/** Its first run's index in the lesson, and how many it trains. */
	readonly offset: number;
	readonly runs: number;
	/** Restarts it has said `reset` to. */
	resets: number;
	/** Its latest snapshot since its last restart, carrying every point and set-point not yet passed on. */
	snapshot: Snapshot | null;
	probe: readonly RunProbe[] | null;
	data: ProbeData | FitData | null;
	/** The sample images its first probe after a start or restart carried (image data). */
	images: ImageSamples | null;
	/** It has posted a snapshot (a probe) since the last merged one. */
	spoke: {snapshot: boolean; probe: boolean};
	/** Frames mode: its messages not yet merged, oldest first. */
	readonly queue: WorkerMessage[];
	/** The step it was last told to align to. */
	aligned: number;
}

type Kind = 'snapshot' | 'probe';

export class MessageMerger {
	private readonly parts: Part[];
	/** Restarts passed on. */
	private resets = 0;
	/** The parts whose data and images the merged probes carried (−1: none since the start or restart). */
	private sentFrom: Record<'data' | 'images', number> = {data: -1, images: -1};
	private readonly waiting: Record<Kind, (() => void) | null> = {snapshot: null, probe: null};
	private readonly waitMs: Record<Kind, number>;

	/** `sizes`: how many runs each worker trains, in lesson order. */
	constructor(
		sizes: readonly number[],
		private readonly settings: MergeSettings,
		private readonly host: MergeHost,
	) {
		let offset = 0;
		this.parts = sizes.map((runs) => {
			const part: Part = {offset, runs, resets: 0, snapshot: null, probe: null, data: null, images: null, spoke: {snapshot: false, probe: false}, queue: [], aligned: 0};
			offset += runs;
			return part;
		});
		this.waitMs = {snapshot: 1000 / Math.max(1, settings.snapshotsPerSecond), probe: PROBE_WAIT_MS};
	}

	/** Cancels a merge that waits (the workers are stopping). */
	close(): void {
		for (const kind of ['snapshot', 'probe'] as const) {
			this.waiting[kind]?.();
			this.waiting[kind] = null;
		}
	}

	/**
	 * A command for the lesson: to every worker, a live change to the worker with that run, and
	 * what the views watch to each worker in its own run numbers.
	 */
	send(command: Command): void {
		if (command.type === 'watch') {
			this.parts.forEach((part, worker) => this.host.post(worker, localWatch(command, part)));
			return;
		}
		if (command.type !== 'set') {
			this.parts.forEach((_, worker) => this.host.post(worker, command));
			return;
		}
		const worker = this.parts.findIndex((p) => command.run >= p.offset && command.run < p.offset + p.runs);
		// No such run: let the first worker say so, in its words.
		if (worker < 0) this.host.post(0, command);
		else this.host.post(worker, {...command, run: command.run - this.parts[worker]!.offset});
	}

	/** A message from worker `worker`. */
	receive(worker: number, message: WorkerMessage): void {
		if (message.type === 'error') return this.host.emit(message);
		const part = this.parts[worker]!;
		if (this.settings.frames) {
			part.queue.push(message);
			return this.mergeFrames();
		}
		switch (message.type) {
			case 'reset':
				part.resets++;
				part.snapshot = null;
				part.probe = null;
				part.data = null;
				part.images = null;
				part.aligned = 0;
				if (this.parts.every((p) => p.resets > this.resets)) {
					this.resets++;
					this.sentFrom = {data: -1, images: -1};
					this.host.emit(message);
				}
				return;
			case 'snapshot':
				part.snapshot = part.snapshot ? carry(part.snapshot, message) : message;
				part.spoke.snapshot = true;
				return this.flush('snapshot', false);
			case 'probe':
				part.probe = message.runs;
				if (message.data) part.data = message.data;
				if (message.images) part.images = message.images;
				part.spoke.probe = true;
				return this.flush('probe', false);
		}
	}

	/** Frames mode: while every worker has a message waiting, the oldest of each, merged. */
	private mergeFrames(): void {
		while (this.parts.every((p) => p.queue.length > 0)) {
			const heads = this.parts.map((p) => p.queue.shift()!);
			const type = heads[0]!.type;
			if (heads.some((m) => m.type !== type)) {
				this.host.emit({type: 'error', message: `the training workers disagree (${heads.map((m) => m.type).join(', ')})`});
				continue;
			}
			if (type === 'reset') {
				this.sentFrom = {data: -1, images: -1};
				for (const p of this.parts) {
					p.data = null;
					p.images = null;
				}
				this.host.emit(heads[0]!);
			} else if (type === 'snapshot') {
				const snapshots = heads as Snapshot[];
				const runs = snapshots.flatMap((s) => s.runs);
				const rate = snapshots[0]!.stepsPerSecond;
				this.host.emit({...this.mergedSnapshot(snapshots, runs), stepsPerSecond: rate, samplesPerSecond: frameSamplesPerSecond(runs, rate)});
			} else if (type === 'probe') {
				heads.forEach((m, k) => {
					if (m.type !== 'probe') return;
					if (m.data) this.parts[k]!.data = m.data;
					if (m.images) this.parts[k]!.images = m.images;
				});
				this.host.emit(this.mergedProbe((heads as ProbeMessage[]).map((m) => m.runs)));
			}
		}
	}

	/**
	 * Live mode: passes the merged snapshot (or probe) on when every worker has one since its last
	 * restart and either all have spoken since the last or `force` (the wait ran out).
	 */
	private flush(kind: Kind, force: boolean): void {
		const parts = this.parts;
		const ready = parts.every((p) => p.resets === this.resets && (kind === 'snapshot' ? p.snapshot : p.probe) !== null);
		if (!ready) return;
		// A finished worker posts no snapshot after its last until a command: it has said all it will.
		if (!force && !parts.every((p) => p.spoke[kind] || (kind === 'snapshot' && p.snapshot?.finished))) {
			this.waiting[kind] ??= this.host.timers.after(this.waitMs[kind], () => {
				this.waiting[kind] = null;
				this.flush(kind, true);
			});
			return;
		}
		this.waiting[kind]?.();
		this.waiting[kind] = null;
		for (const p of parts) p.spoke[kind] = false;
		if (kind === 'probe') return this.host.emit(this.mergedProbe(parts.map((p) => p.probe!)));
		const snapshots = parts.map((p) => p.snapshot!);
		const training = snapshots.filter((s) => s.stepsPerSecond > 0);
		this.host.emit({
			...this.mergedSnapshot(snapshots, snapshots.flatMap((s) => s.runs)),
			// Kept in step by the gate, the lesson moves at its slowest worker's pace.
			stepsPerSecond: training.length === 0 ? 0 : Math.min(...training.map((s) => s.stepsPerSecond)),
			samplesPerSecond: snapshots.reduce((sum, s) => sum + s.samplesPerSecond, 0),
		});
		for (const p of parts) p.snapshot = passedOn(p.snapshot!);
		this.align(snapshots);
	}

	private mergedSnapshot(snapshots: readonly Snapshot[], runs: RunState[]): Snapshot {
		return {
			type: 'snapshot',
			runs,
			paused: snapshots.every((s) => s.paused),
			finished: snapshots.every((s) => s.finished),
			stepsPerSecond: 0,
			samplesPerSecond: 0,
			// Every worker is told the same speed (for a moment after a change, the last one's shows).
			speed: snapshots.at(-1)!.speed,
		};
	}

	/**
	 * The runs' probes in lesson order (each run's own: histograms, pictures, inspection, slice); the
	 * data the boundary or fit is drawn over and the sample images, each as one worker picks it (its
	 * first run with such data) and once, as one worker sends it.
	 */
	private mergedProbe(probes: readonly (readonly RunProbe[])[]): ProbeMessage {
		const message: {-readonly [K in keyof ProbeMessage]: ProbeMessage[K]} = {type: 'probe', runs: probes.flat()};
		const data = this.firstNew('data');
		if (data >= 0) message.data = this.parts[data]!.data!;
		const images = this.firstNew('images');
		if (images >= 0) message.images = this.parts[images]!.images!;
		return message;
	}

	/** The first part holding `what`, if the merged stream has not carried it from there yet (else −1). */
	private firstNew(what: 'data' | 'images'): number {
		const from = this.parts.findIndex((p) => p[what] !== null);
		if (from < 0 || from === this.sentFrom[what]) return -1;
		this.sentFrom[what] = from;
		return from;
	}

	/** Once every worker stands paused, tells the ones behind to catch up with the furthest. */
	private align(snapshots: readonly Snapshot[]): void {
		if (!snapshots.every((s) => s.paused)) return;
		const reached = snapshots.map((s) => s.runs.reduce((m, r) => Math.max(m, r.step), 0));
		const step = Math.max(...reached);
		this.parts.forEach((part, worker) => {
			if (reached[worker]! >= step || snapshots[worker]!.finished || part.aligned === step) return;
			part.aligned = step;
			this.host.post(worker, {type: 'align', step});
		});
	}
}

/** A watch in the lesson's run numbers, as the worker training `part`'s runs numbers them: the runs it does not train dropped. */
function localWatch(command: Command & {readonly type: 'watch'}, part: Pick<Part, 'offset' | 'runs'>): Command {
	const local = (run: number) => run - part.offset;
	const ours = (run: number) => local(run) >= 0 && local(run) < part.runs;
	const {inspect, slope, ...rest} = command;
	return {
		...rest,
		...(inspect && ours(inspect.run) ? {inspect: {...inspect, run: local(inspect.run)}} : {}),
		...(slope ? {slope: {...slope, runs: slope.runs.filter(ours).map(local)}} : {}),
	};
}

/** `older` brought up to date by `newer`, keeping the points and set-points `older` had not passed on. */
function carry(older: Snapshot, newer: Snapshot): Snapshot {
	return {
		...newer,
		runs: newer.runs.map((run, k) => {
			const before = older.runs[k];
			if (!before || (before.newPoints.length === 0 && before.newSetPoints.length === 0)) return run;
			return {...run, newPoints: [...before.newPoints, ...run.newPoints], newSetPoints: [...before.newSetPoints, ...run.newSetPoints]};
		}),
	};
}

/** The snapshot with its points and set-points passed on (the state stays for the next merge). */
function passedOn(snapshot: Snapshot): Snapshot {
	return {...snapshot, runs: snapshot.runs.map((run) => (run.newPoints.length === 0 && run.newSetPoints.length === 0 ? run : {...run, newPoints: [], newSetPoints: []}))};
}
