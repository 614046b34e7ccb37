import {describe, expect, it} from 'vitest';
import {framePlan, stepBudget} from '../../../../src/ui/screens/lesson/frames.js';
import {tinyScenario} from '../../../helpers/scenarios.js';

const sum = (plan: ReturnType<typeof framePlan>) => Array.from({length: plan.total}, (_, f) => plan.stepsFor(f)).reduce((a, b) => a + b, 0);

describe('recording frames', () => {
	it('a numeric speed keeps its steps per second, spread evenly', () => {
		const plan = framePlan(tinyScenario(), 20, 3, 15);
		expect(plan.total).toBe(45);
		expect(sum(plan)).toBe(60);
		expect(Array.from({length: 15}, (_, f) => plan.stepsFor(f)).every((s) => s === 1 || s === 2)).toBe(true);
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
