/** Runs one bench config's tfjs steps for a while, for profiling: node --cpu-prof dist/bench/profile-tfjs.js e 5 */
import {CONFIGS} from './configs.js';
import {syntheticSplit} from './data.js';
import {gradlabSide} from './gradlab.js';
import {initTfjs, tfjsSide} from './tfjs.js';
import {stepsPerSecond} from './timing.js';

const id = process.argv[2] ?? 'e';
const seconds = Number(process.argv[3] ?? 5);
const c = CONFIGS.find((k) => k.id === id);
if (!c) throw new Error(`no config "${id}"`);
await initTfjs();
const data = syntheticSplit(2048, c.layers[0]!, c.layers.at(-1)!, 1);
const side = tfjsSide(c, data, gradlabSide(c, data, 1).trainer.network.getParameters());
stepsPerSecond(side.step, 0.5);
console.log(`tfjs (${c.id}) ${stepsPerSecond(side.step, seconds).toFixed(1)} steps/s`);
