/**
 * Cost of the step inspector and the loss slices on the lessons' networks, next to one training
 * step of the same run: what the worker pays per look, and how often it can look within 10% of its
 * time. Run with `npm run bench:slope`.
 */
import {performance} from 'node:perf_hooks';
import {makeToy} from '../src/core/data/index.js';
import {canInspect, inspectStep} from '../src/core/inspect.js';
import {createRng} from '../src/core/rng.js';
import {lossSlice, sliceFlops, SLOPE_POINTS} from '../src/core/slope.js';
import {Trainer} from '../src/core/trainer.js';
import {Session} from '../src/runner/session.js';
import {loadScenarioFile} from '../src/scenarios/index.js';
import {median} from './timing.js';

const LESSONS = ['tour/01-backprop', 'tour/02-gradient-descent', 'learning-rate', 'activations', 'optimizers', 'vanishing-gradients', 'initialization', 'digits'];
const REPEATS = 30;

/** Median milliseconds of `look`, each after a training step (so nothing is warm from the last look). */
function timed(trainer: Trainer, look: () => void): number {
	const times: number[] = [];
	for (let k = 0; k < REPEATS; k++) {
		trainer.advance();
		const t0 = performance.now();
		look();
		times.push(performance.now() - t0);
	}
	return median(times);
}

function report(name: string, trainer: Trainer): void {
	const layers = trainer.network.layers;
	const stepMs = timed(trainer, () => trainer.advance());
	const weightMs = timed(trainer, () => lossSlice(trainer.nextStep(), {mode: 'weight'}));
	const gradientMs = timed(trainer, () => lossSlice(trainer.nextStep(), {mode: 'gradient'}));
	const inspectMs = canInspect(layers) ? timed(trainer, () => inspectStep(trainer.nextStep())).toFixed(2) : '—';
	const mflop = sliceFlops(layers, trainer.batchSize) / 1e6;
	console.log(
		`${name.padEnd(25)} ${layers.join('-').padEnd(22)} batch ${String(trainer.batchSize).padStart(4)}  step ${stepMs.toFixed(3)} ms  ` +
			`slice ${weightMs.toFixed(2)} ms (gradient ${gradientMs.toFixed(2)}) = ${(weightMs / stepMs).toFixed(0)} steps, ` +
			`${mflop.toFixed(1)} MFLOP  → ≤10%: every ${Math.max(250, weightMs / 0.1).toFixed(0)} ms  inspect ${inspectMs}`,
	);
}

/** The largest network the inspector draws, on XOR. */
function inspectable(batch: number | 'full'): Trainer {
	const data = makeToy('xor', {samples: 400, noise: 0.1, test: 0.2}, createRng(1));
	const network = {layers: [2, 4, 4, 4, 2], activation: 'tanh' as const};
	return new Trainer({network, init: {name: 'xavier-uniform'}, optimizer: {name: 'adam', lr: 0.01}, loss: 'cross-entropy', batch, shuffle: true, seed: 1}, data);
}

console.log(`Loss slice (${SLOPE_POINTS} points) and step inspector vs one training step, after 200 steps; median of ${REPEATS}:`);
for (const name of LESSONS) {
	const session = new Session(loadScenarioFile(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname));
	for (let k = 0; k < 200; k++) session.stepAll();
	// The lesson's costliest run.
	const trainers = session.runs.flatMap((run) => (run.trainer ? [run.trainer] : []));
	const cost = (t: Trainer) => sliceFlops(t.network.layers, t.batchSize);
	report(name, trainers.reduce((a, b) => (cost(b) > cost(a) ? b : a)));
}
report('inspector limit, xor', inspectable(32));
report('inspector limit, full', inspectable('full'));
