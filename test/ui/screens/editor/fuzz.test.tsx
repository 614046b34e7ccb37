/**
 * Random keys into the editor: nothing crashes, every frame fits 80×24, and nothing the editor
 * lets out is a scenario `gradlab check` would refuse or a worker could not train.
 *
 * Mutations that make this fail (checked by hand): `apply` let out while the form has problems
 * (routeEditorKey returning `{apply: state.checked.scenario!}` unconditionally); a typed value
 * put in the draft unchecked (checkDraft's result ignored, `scenario` always the last good one);
 * the 8-run limit dropped from `addRun`.
 */
import {describe, expect, it} from 'vitest';
import {createRng, type Rng} from '../../../../src/core/rng.js';
import {Session} from '../../../../src/runner/session.js';
import {findScenario, loadScenarioFile, parseScenario} from '../../../../src/scenarios/load.js';
import type {Scenario} from '../../../../src/scenarios/types.js';
import {writeScenario} from '../../../../src/scenarios/write.js';
import {commandFor} from '../../../../src/ui/input/keymap.js';
import {type KeyPress, fromCharacter} from '../../../../src/ui/input/keys.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';
import {editorScope, routeEditorKey} from '../../../../src/ui/screens/editor/editor-keys.js';
import {type EditorState, MAX_RUNS, editorReducer, initialEditorState} from '../../../../src/ui/screens/editor/editor-state.js';
import {EditorScreen} from '../../../../src/ui/screens/editor/EditorScreen.js';
import {frameLines} from '../../fixtures.js';
import {renderUi} from '../../render.js';

const special = (key: KeyPress['special'], shift = false): KeyPress => ({char: '', special: key, ctrl: false, shift, meta: false});

/** The keys a person might press, weighted towards editing: arrows, Enter, the editor's letters, garbage. */
const KEYS: readonly (readonly [number, (rng: Rng) => KeyPress])[] = [
	[12, () => special('left')],
	[12, () => special('right')],
	[8, () => special('down')],
	[6, () => special('up')],
	[5, () => special('return')],
	[4, () => special('tab')],
	[2, () => special('tab', true)],
	[2, () => special('escape')],
	[3, () => special('backspace')],
	[2, () => fromCharacter('a')],
	[2, () => fromCharacter('x')],
	[1, () => fromCharacter('n')],
	[2, () => fromCharacter('c')],
	[3, () => fromCharacter('s')],
	[1, () => fromCharacter('?')],
	// Digits, signs, list brackets, letters, Hangul, control characters, a stray escape byte.
	[14, (rng) => fromCharacter('0123456789.-e[], {}:full-nan한\u0001\u001b\u007f'.charAt(rng.int(42)))],
];
const TOTAL = KEYS.reduce((n, [w]) => n + w, 0);

function randomKey(rng: Rng): KeyPress {
	let pick = rng.int(TOTAL);
	for (const [weight, make] of KEYS) {
		if (pick < weight) return make(rng);
		pick -= weight;
	}
	return special('left');
}

/** What a worker is handed must be a scenario `gradlab check` passes, and must train. */
function expectTrainable(scenario: Scenario): void {
	expect(parseScenario(writeScenario(scenario, {dir: '/tmp'}), scenario.file)).toEqual(scenario);
	const session = new Session(scenario, {steps: 2});
	session.stepAll();
	expect(session.runs.every((r) => r.step === 1 || r.diverged)).toBe(true);
}

const LESSONS = ['vanishing-gradients', 'optimizer-race', 'digits', 'batch-size'];

describe('random keys into the editor', () => {
	it.each(LESSONS)('%s: 400 keys, no crash, no invalid value out', (id) => {
		const scenario = loadScenarioFile(findScenario(id));
		const rng = createRng(id.length * 7919);
		let state: EditorState = initialEditorState(scenario);
		const limit = Math.max(MAX_RUNS, scenario.runs.length);
		let applied = 0;
		for (let k = 0; k < 400; k++) {
			const press = randomKey(rng);
			const command = commandFor(editorScope(state), press);
			if (command === null) continue;
			const routed = routeEditorKey(state, command, press);
			if (routed.action) state = editorReducer(state, routed.action);
			const outcome = routed.outcome;
			if (outcome !== undefined && outcome !== 'cancel' && outcome !== 'quit') {
				applied++;
				expect(state.checked.problems).toEqual([]);
				expectTrainable(outcome.apply);
			}
			expect(state.draft.runs.length).toBeGreaterThanOrEqual(1);
			expect(state.draft.runs.length).toBeLessThanOrEqual(limit);
			expect(state.run).toBeLessThan(state.draft.runs.length);
			expect(state.checked.scenario === null).toBe(state.checked.problems.length > 0);
		}
		// The keys did edit and apply (a fuzz that never reaches `s` on a good form proves little).
		expect(applied).toBeGreaterThan(0);
	});

	it('typed into the screen at 80×24: every frame fits, every applied scenario trains', async () => {
		const scenario = loadScenarioFile(findScenario('vanishing-gradients'));
		const rng = createRng(3);
		const applied: Scenario[] = [];
		const {lastFrame, stdin, unmount} = renderUi(<EditorScreen scenario={scenario} onApply={(s) => void applied.push(s)} onCancel={() => {}} onQuit={() => {}} />, {keys: true});
		const bytes: Record<string, string> = {left: '\u001B[D', right: '\u001B[C', up: '\u001B[A', down: '\u001B[B', return: '\r', tab: '\t', escape: '\u001B', backspace: '\u007F'};
		for (let k = 0; k < 200; k++) {
			const press = randomKey(rng);
			stdin.write(press.special ? (press.special === 'tab' && press.shift ? '\u001B[Z' : bytes[press.special]!) : press.ctrl ? String.fromCharCode(press.char.charCodeAt(0) - 96) : press.char);
			if (k % 5 === 4) await new Promise((r) => setTimeout(r, 5));
			const lines = frameLines(lastFrame());
			expect(lines.length).toBeLessThanOrEqual(23);
			for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
		}
		unmount();
		expect(applied.length).toBeGreaterThan(0);
		for (const s of applied) expectTrainable(s);
	});
});
