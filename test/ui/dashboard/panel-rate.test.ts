import {describe, expect, it} from 'vitest';
import {initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {initialPacedState, pacedReducer, panelEvery} from '../../../src/ui/dashboard/panel-rate.js';
import {tinyScenario} from '../../helpers/scenarios.js';
import {history, runState, snapshot} from '../fixtures.js';

const at = (step: number, extra = {}) => snapshot([runState('adam', history(step, () => 1).slice(-1))], extra);

describe('panel pace', () => {
	it('panels follow every n-th snapshot while the status follows each one', () => {
		expect(panelEvery(15)).toBe(5); // 3 Hz at 15 fps
		const reduce = pacedReducer(5);
		let state = initialPacedState(initialDashboardState(tinyScenario()));
		state = reduce(state, at(1)); // first snapshot: panels appear at once
		expect(state.panel.runs[0]!.state.step).toBe(1);
		for (const step of [2, 3, 4, 5]) state = reduce(state, at(step));
		expect(state.live.runs[0]!.state.step).toBe(5);
		expect(state.panel.runs[0]!.state.step).toBe(5);
		state = reduce(state, at(6));
		expect(state.panel.runs[0]!.state.step).toBe(5);
		expect(state.live.runs[0]!.state.step).toBe(6);
	});

	it('a paused or finished snapshot shows at once (a single step must be seen)', () => {
		const reduce = pacedReducer(4);
		let state = reduce(reduce(initialPacedState(initialDashboardState(tinyScenario())), at(1)), at(2));
		expect(reduce(state, at(3, {paused: true})).panel.runs[0]!.state.step).toBe(3);
		expect(reduce(state, at(3, {finished: true})).panel.runs[0]!.state.step).toBe(3);
		state = reduce(state, {type: 'reset'});
		expect(state.panel.runs[0]!.history.points).toHaveLength(0);
	});
});
