/**
 * `npm run bench:probes`: the share of the worker's time its probes take while each view is on
 * screen — the real TrainingLoop on Node's clock and timers at full speed, as the dashboard drives
 * it, with the watch the view sends (watchFor). Prober.probe is timed from outside; training speed
 * is set beside the same lesson with no costly view. The loop spaces probes so that they stay
 * within 10% of its time. Flags: --seconds N per window (default 4), --lesson NAME|FILE (repeatable).
 */
import {performance} from 'node:perf_hooks';
import {parseArgs} from 'node:util';
import {TrainingLoop} from '../src/runner/loop.js';
import {NODE_TIMERS} from '../src/runner/node-timers.js';
import {Prober} from '../src/runner/probes.js';
import type {Snapshot, Watch} from '../src/runner/protocol.js';
import {Session} from '../src/runner/session.js';
import {findScenario, loadScenarioFile} from '../src/scenarios/load.js';
import {type HeldRun, initialDashboardState} from '../src/ui/dashboard/state.js';
import {watchFor} from '../src/ui/dashboard/watch.js';

const {values} = parseArgs({options: {seconds: {type: 'string'}, lesson: {type: 'string', multiple: true}}});
const SECONDS = Number(values.seconds ?? 4);
const LESSONS = values.lesson ?? ['scenarios/tour/01-backprop.yaml', 'scenarios/tour/02-gradient-descent.yaml', 'vanishing-gradients'];
/** A terminal 80 columns wide, as the class has. */
const COLUMNS = 80;

// Time every probe from outside the loop.
let probeMs = 0;
let probes = 0;
const probe = Prober.prototype.probe;
Prober.prototype.probe = function timedProbe(this: Prober, ...args: Parameters<Prober['probe']>) {
	const t0 = performance.now();
	try {
		return probe.apply(this, args);
	} finally {
		probeMs += performance.now() - t0;
		probes++;
	}
};


interface Window {
	readonly stepsPerSecond: number;
	readonly share: number;
	readonly probes: number;
	readonly msPerProbe: number;
}

/** One window of `SECONDS` training the lesson at full speed with `watch`. */
async function window(path: string, watch: Watch): Promise<Window> {
	const scenario = loadScenarioFile(path);
	// Enough steps that no run finishes inside the window.
	const session = new Session(scenario, {steps: 10_000_000});
	let step = 0;
	const post = (message: {type: string}) => {
		if (message.type === 'snapshot') step = Math.max(...(message as Snapshot).runs.map((r) => r.step));
	};
	const loop = new TrainingLoop(session, {snapshotsPerSecond: 15, speed: 'max', paused: false, boundary: watch.boundary}, {clock: () => performance.now(), post, timers: NODE_TIMERS});
	probeMs = 0;
	probes = 0;
	const t0 = performance.now();
	loop.start();
	loop.handle({type: 'watch', ...watch});
	await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
	loop.handle({type: 'quit'});
	const elapsed = performance.now() - t0;
	return {stepsPerSecond: step / (elapsed / 1000), share: probeMs / elapsed, probes, msPerProbe: probes > 0 ? probeMs / probes : 0};
}

console.log(`Worker time in probes, ${SECONDS} s per window at full speed, ${COLUMNS} columns (watch as the dashboard sends it):`);
for (const lesson of LESSONS) {
	const path = findScenario(lesson);
	const scenario = loadScenarioFile(path);
	// The runs as the dashboard holds them once the first snapshot arrived (the watch counts them).
	const fresh = initialDashboardState(scenario, {});
	const base = {...fresh, runs: Array<HeldRun>(scenario.kind === 'network' ? scenario.runs.length : 0)};
	const looks: [string, Watch][] = [
		['loss view (histograms only)', watchFor({...base, view: 'loss'}, COLUMNS)],
		['backprop inspector', watchFor({...base, view: 'inspector'}, COLUMNS)],
		['slope: steepest weight', watchFor({...base, view: 'slope'}, COLUMNS)],
		['slope: along the gradient', watchFor({...base, view: 'slope', slope: {...base.slope, mode: 'gradient'}}, COLUMNS)],
		['slope: random direction', watchFor({...base, view: 'slope', slope: {...base.slope, mode: 'random'}}, COLUMNS)],
	];
	let baseline = 0;
	for (const [name, watch] of looks) {
		const w = await window(path, watch);
		if (baseline === 0) baseline = w.stepsPerSecond;
		console.log(
			`${lesson.replace(/^scenarios\//, '').padEnd(26)} ${name.padEnd(28)} ${(w.share * 100).toFixed(1).padStart(5)}% of worker time in probes  ` +
				`(${String(w.probes).padStart(3)} probes, ${w.msPerProbe.toFixed(2)} ms each)  ${Math.round(w.stepsPerSecond)} steps/s = ${((w.stepsPerSecond / baseline) * 100).toFixed(0)}% of the loss view's`,
		);
	}
}
