/**
 * Runs one bench config's gradlab steps for a while, for profiling:
 *   node --cpu-prof dist/bench/profile.js e 5
 */
import {CONFIGS} from './configs.js';
import {syntheticSplit} from './data.js';
import {gradlabSide} from './gradlab.js';
import {stepsPerSecond} from './timing.js';

const id = process.argv[2] ?? 'e';
const seconds = Number(process.argv[3] ?? 5);
const c = CONFIGS.find((k) => k.id === id);
if (!c) throw new Error(`no config "${id}"`);
const side = gradlabSide(c, syntheticSplit(2048, c.layers[0]!, c.layers.at(-1)!, 1), 1);
stepsPerSecond(side.step, 0.5);
const rate = stepsPerSecond(side.step, seconds);
console.log(`(${c.id}) ${rate.toFixed(1)} steps/s`);
