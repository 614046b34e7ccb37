import {describe, expect, it} from 'vitest';
import {stepBudget} from '../../../../src/scenarios/pace.js';
import {framePlan} from '../../../../src/ui/screens/lesson/frames.js';
import {tinyScenario} from '../../../helpers/scenarios.js';

const sum = (plan: ReturnType<typeof framePlan>) => Array.from({length: plan.total}, (_, f) => plan.stepsFor(f)).reduce((a, b) => a + b, 0);

describe('recording frames', () => {
	it('a numeric speed keeps its steps per second, spread evenly, when the lesson fits the recording', () => {
		const plan = framePlan(tinyScenario(), 20, 20, 15); // 300 steps at 20/s: 15 s of 20
		expect(plan.total).toBe(300);
		expect(sum(plan)).toBe(400);
		expect(Array.from({length: 15}, (_, f) => plan.stepsFor(f)).every((s) => s === 1 || s === 2)).toBe(true);
	});

	it('a pace too slow for the recording speeds up to finish the lesson at 85% of it', () => {
		const frames = (plan: ReturnType<typeof framePlan>) => Array.from({length: plan.total}, (_, f) => plan.stepsFor(f));
		let cumulative = 0;
		expect(frames(framePlan(tinyScenario(), 20, 10, 10)).findIndex((s) => (cumulative += s) >= 300)).toBe(84);
	});

	it('"max" finishes the budget at 85% of the recording', () => {
		const scenario = tinyScenario(); // 300 steps
		expect(stepBudget(scenario)).toBe(300);
		const plan = framePlan(scenario, 'max', 10, 10);
		const frames = Array.from({length: plan.total}, (_, f) => plan.stepsFor(f));
		let cumulative = 0;
		const done = frames.findIndex((s) => (cumulative += s) >= 300);
		expect(done).toBe(84);
		expect(framePlan(scenario, 'max', 10, 10, 1000).stepsFor(0)).toBeGreaterThan(plan.stepsFor(0));
	});
});
