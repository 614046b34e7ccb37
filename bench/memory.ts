/**
 * `npm run bench:memory`: a Session (what the worker and headless mode drive) over a million
 * lockstep steps of the learning-rate lesson, with its histories; heap and RSS every 100,000
 * steps after a full GC. Flat numbers mean the decimated histories keep memory bounded.
 */
import {performance} from 'node:perf_hooks';
import {Session} from '../src/runner/session.js';
import {findScenario, loadScenarioFile} from '../src/scenarios/load.js';

const STEPS = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as {gc?: () => void}).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const session = new Session(loadScenarioFile(findScenario('learning-rate')), {steps: STEPS});
const t0 = performance.now();
console.log(`learning-rate lesson (${session.runs.length} runs), ${STEPS.toLocaleString('en')} lockstep steps:`);
console.log('      step   heap MiB   RSS MiB   history points per run');
for (let step = 0; step <= STEPS; step++) {
	if (step % 100_000 === 0) {
		gc();
		const {heapUsed, rss} = process.memoryUsage();
		const points = session.runs.map((r) => r.history.length).join(' / ');
		console.log(`${step.toLocaleString('en').padStart(10)}   ${mib(heapUsed).padStart(8)}   ${mib(rss).padStart(7)}   ${points}`);
	}
	session.stepAll();
}
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
