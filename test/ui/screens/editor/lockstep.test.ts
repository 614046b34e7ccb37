/**
 * An edited experiment trains like a lesson: runs that share data, seed and shape start from the
 * same weights and see the same batches, so a copy that changes only the lr differs only by it.
 *
 * Mutation that makes this fail (checked by hand): `addRun` giving the copy a seed of its own
 * (`train.seed + 1`), as a "fresh" copy might.
 */
import {describe, expect, it} from 'vitest';
import {Session} from '../../../../src/runner/session.js';
import {findScenario, loadScenarioFile} from '../../../../src/scenarios/load.js';
import {type EditorAction, type EditorState, currentField, editorReducer, initialEditorState} from '../../../../src/ui/screens/editor/editor-state.js';
import type {FieldKey} from '../../../../src/ui/screens/editor/fields.js';

/** The cursor on `key`, from the top of the form. */
function to(state: EditorState, key: FieldKey): EditorState {
	let s = state;
	for (let k = 0; k < 40; k++) s = editorReducer(s, {type: 'field', by: -1});
	for (let k = 0; k < 40 && currentField(s).key !== key; k++) s = editorReducer(s, {type: 'field', by: 1});
	return s;
}

const steps = (by: 1 | -1, n: number): EditorAction[] => Array.from({length: n}, () => ({type: 'step', by}));

describe('an edited experiment in lockstep', () => {
	it('vanishing gradients: sigmoid given relu and He init, a copy at lr ×10 — same start, same batches', () => {
		let s = initialEditorState(loadScenarioFile(findScenario('vanishing-gradients')));
		s = steps(1, 2).reduce(editorReducer, to(s, 'activation')); // sigmoid → relu
		s = steps(1, 3).reduce(editorReducer, to(s, 'init')); // xavier-uniform → he-normal
		s = editorReducer(s, {type: 'addRun'});
		s = steps(1, 4).reduce(editorReducer, to(s, 'lr'));
		const scenario = s.checked.scenario;
		expect(scenario?.kind).toBe('network');
		if (scenario?.kind !== 'network') return;
		expect(scenario.runs.map((r) => [r.label, r.model.activation, r.model.init.name, r.train.optimizer.lr])).toEqual([
			['sigmoid', 'relu', 'he-normal', 0.01],
			['tanh', 'tanh', 'xavier-uniform', 0.01],
			['relu', 'relu', 'he-normal', 0.01],
			['sigmoid 2', 'relu', 'he-normal', 0.1],
		]);

		const session = new Session(scenario);
		const [edited, tanh, relu, copy] = session.runs.map((r) => r.trainer!);
		const weights = (t: typeof edited) => JSON.stringify(t!.network.toCheckpoint().weights);
		expect(weights(edited)).toBe(weights(relu));
		expect(weights(copy)).toBe(weights(relu));
		expect(weights(tanh)).not.toBe(weights(relu));
		for (let step = 0; step < 30; step++) {
			const rows = [...relu!.nextStep().rows];
			expect([...edited!.nextStep().rows]).toEqual(rows);
			expect([...copy!.nextStep().rows]).toEqual(rows);
			expect([...tanh!.nextStep().rows]).toEqual(rows);
			session.stepAll();
			const [a, , c, d] = session.runs.map((r) => r.loss);
			// The same run twice: the same losses; the copy at lr ×10 only shares the first (before any update).
			expect(a).toBe(c);
			if (step === 0) expect(d).toBe(c);
			else expect(d).not.toBe(c);
		}
	});
});
