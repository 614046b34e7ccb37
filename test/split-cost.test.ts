/**
 * Which lessons are split across workers: only those whose runs' steps together cost
 * SPLIT_MIN_STEP_COST multiply-adds or more. The inspector's lessons stay whole, so their runs
 * pause on one step together (a split lesson's workers could pause a step apart and restart the
 * inspector's walk).
 * Mutation tried: the cost floor in lessonSplit compared with 0 instead of minStepCost (chapter 1
 * splits: both tests fail).
 */
import {describe, expect, it} from 'vitest';
import {prepareRunInputs} from '../src/runner/inputs.js';
import {SPLIT_MIN_STEP_COST, lessonSplit, runCost, stepCost} from '../src/runner/split.js';
import {listScenarios} from '../src/scenarios/load.js';
import {loadTour} from '../src/scenarios/tour.js';
import type {NetworkScenario} from '../src/scenarios/types.js';
import {inspectableRuns} from '../src/ui/dashboard/offer.js';

const lessons = [...listScenarios(), ...loadTour()].filter((s): s is NetworkScenario => s.kind === 'network');
const inputs = (s: NetworkScenario) => prepareRunInputs(s);
const perStep = (s: NetworkScenario) => s.runs.reduce((sum, _, run) => sum + stepCost(s, inputs(s), run), 0);

describe('a lesson is split across workers only when its steps are worth sharing', () => {
	it('chapter 1: a step costs its multiply-adds (forward, backward, update) plus the overhead; too little to split', () => {
		const s = lessons.find((l) => l.id === '01-backprop')!;
		const i = inputs(s);
		// XOR: 2 inputs, 2 classes, batches of 32. No hidden layer: 2·2 weights; a hidden layer of 4: 2·4 + 4·2.
		expect(stepCost(s, i, 0)).toBe(3 * 32 * 4 + 4 * 4 + 2000);
		expect(stepCost(s, i, 1)).toBe(3 * 32 * 16 + 4 * 16 + 2000);
		expect(runCost(s, i, 1)).toBe(stepCost(s, i, 1) * s.runs[1]!.train.steps);
		expect(lessonSplit(s, i, 4)).toEqual([]);
		expect(lessonSplit(s, i, 4, 0)).toEqual([1, 1]); // with no floor it would split
	});

	it('every lesson whose runs the inspector can draw trains in one worker; the costliest lessons still split', () => {
		const inspected = lessons.filter((s) => s.runs.length > 1 && inspectableRuns(s).length > 0);
		expect(inspected.map((s) => s.id)).toContain('01-backprop');
		for (const s of inspected.filter((l) => l.runs.every((_, k) => inspectableRuns(l).includes(k)))) {
			expect(perStep(s), s.id).toBeLessThan(SPLIT_MIN_STEP_COST);
			expect(lessonSplit(s, inputs(s), 4), s.id).toEqual([]);
		}
		const big = lessons.filter((s) => s.runs.length > 1 && perStep(s) >= SPLIT_MIN_STEP_COST);
		expect(big.length).toBeGreaterThan(0);
		for (const s of big) expect(lessonSplit(s, inputs(s), 2).length, s.id).toBe(2);
		expect(lessonSplit(big[0]!, inputs(big[0]!), 1)).toEqual([]); // one worker allowed
	});

	it('curve-fitting, the lesson e2e/tour.test.ts records in one worker and in three, splits a run per worker', () => {
		const s = lessons.find((l) => l.id === 'curve-fitting')!;
		expect(lessonSplit(s, inputs(s), 3)).toEqual([1, 1, 1]);
	});
});
