/**
 * Runs one bench config's gradlab steps for a while, for profiling, on the kernels named (auto,
 * simd or js; auto by default):
 *   node --cpu-prof dist/bench/profile.js e 5 js
 */
import {useKernels, type KernelChoice} from '../src/core/kernels.js';
import {CONFIGS} from './configs.js';
import {syntheticSplit} from './data.js';
import {gradlabSide} from './gradlab.js';
import {stepsPerSecond} from './timing.js';

const id = process.argv[2] ?? 'e';
const seconds = Number(process.argv[3] ?? 5);
const kernels = (process.argv[4] ?? 'auto') as KernelChoice;
const c = CONFIGS.find((k) => k.id === id);
if (!c) throw new Error(`no config "${id}"`);
if (!['auto', 'simd', 'js'].includes(kernels)) throw new Error(`kernels must be auto, simd or js, got "${kernels}"`);
useKernels(kernels);
const side = gradlabSide(c, syntheticSplit(2048, c.layers[0]!, c.layers.at(-1)!, 1), 1);
stepsPerSecond(side.step, 0.5);
const rate = stepsPerSecond(side.step, seconds);
console.log(`(${c.id}) ${rate.toFixed(1)} steps/s on the ${kernels} kernels`);
