/**
 * The experiment editor's state: stepping each kind of field, typing, the problems `gradlab check`
 * would report placed on their fields, and adding, copying, removing and renaming runs.
 */
import {describe, expect, it} from 'vitest';
import {findScenario, loadScenarioFile, parseScenario} from '../../../../src/scenarios/load.js';
import type {NetworkScenario, Scenario} from '../../../../src/scenarios/types.js';
import {ScenarioError} from '../../../../src/scenarios/errors.js';
import {writeScenario} from '../../../../src/scenarios/write.js';
import {Document} from 'yaml';
import {draftInput} from '../../../../src/ui/screens/editor/draft.js';
import {routeEditorKey} from '../../../../src/ui/screens/editor/editor-keys.js';
import {
	type EditorAction,
	type EditorState,
	MAX_RUNS,
	checkedDraft,
	currentField,
	editorReducer,
	initialEditorState,
	valueOf,
} from '../../../../src/ui/screens/editor/editor-state.js';
import type {FieldKey} from '../../../../src/ui/screens/editor/fields.js';
import {roundTo, stepValue, LR_SCALE} from '../../../../src/ui/screens/editor/scales.js';
import {fieldRows, messageText, runRows} from '../../../../src/ui/screens/editor/editor-layout.js';
import {UNICODE_GLYPHS} from '../../../../src/ui/kit/theme.js';

const lesson = (id: string): Scenario => loadScenarioFile(findScenario(id));

function run(state: EditorState, ...actions: EditorAction[]): EditorState {
	return actions.reduce(editorReducer, state);
}

/** The state with the cursor on `key` (moving down from the top). */
function at(state: EditorState, key: FieldKey): EditorState {
	let s = run(state, ...Array.from({length: 40}, () => ({type: 'field', by: -1}) as const));
	for (let k = 0; k < 40 && currentField(s).key !== key; k++) s = editorReducer(s, {type: 'field', by: 1});
	expect(currentField(s).key).toBe(key);
	return s;
}

/** Types `text` into the field under the cursor and presses Enter. */
function typed(state: EditorState, text: string): EditorState {
	let s = editorReducer(state, {type: 'type'});
	for (const c of text) s = editorReducer(s, {type: 'char', text: c});
	return editorReducer(s, {type: 'commit'});
}

const value = (s: EditorState, key: FieldKey) => valueOf(s, {...currentField(at(s, key))}, s.run);
const step = (by: 1 | -1, times = 1): EditorAction[] => Array.from({length: times}, () => ({type: 'step', by}));

describe('the scales', () => {
	it('lr: ×10^¼ a step, three significant digits, four steps exactly ×10 both ways', () => {
		let v = 0.3;
		let exact: number | undefined;
		const seen: number[] = [];
		for (let k = 0; k < 4; k++) ({value: v, exact} = stepValue(v, LR_SCALE, 1, exact));
		expect(v).toBe(3);
		for (let k = 0; k < 4; k++) {
			({value: v, exact} = stepValue(v, LR_SCALE, -1, exact));
			seen.push(v);
		}
		expect(seen).toEqual([1.69, 0.949, 0.533, 0.3]);
		// Without the exact value the rounded steps drift: the reason it is carried.
		let drift = 0.3;
		for (let k = 0; k < 4; k++) drift = stepValue(drift, LR_SCALE, 1).value;
		expect(drift).toBe(3.01);
		expect(roundTo(0.0031622776, 3)).toBe(0.00316);
	});
});

describe('stepping fields', () => {
	const vg = initialEditorState(lesson('vanishing-gradients'));

	it('the lr moves by ×10^¼ and reads well: 0.01 → 0.0178 → 0.0316 → 0.0562 → 0.1', () => {
		let s = at(vg, 'lr');
		const seen: unknown[] = [];
		for (let k = 0; k < 4; k++) {
			s = editorReducer(s, {type: 'step', by: 1});
			seen.push(value(s, 'lr'));
		}
		expect(seen).toEqual([0.0178, 0.0316, 0.0562, 0.1]);
		s = run(s, ...step(-1, 4));
		expect(value(s, 'lr')).toBe(0.01);
	});

	it('names cycle through their lists, both ways, wrapping around', () => {
		let s = at(vg, 'activation');
		expect(value(s, 'activation')).toBe('sigmoid');
		s = run(s, ...step(1, 2));
		expect(value(s, 'activation')).toBe('relu');
		s = run(s, ...step(-1, 3));
		expect(value(s, 'activation')).toBe('linear');
		s = at(s, 'init');
		s = run(s, ...step(1, 3));
		expect(value(s, 'init')).toBe('he-normal');
	});

	it('batch: 1, 2, 4, … below the training rows, then full', () => {
		let s = at(vg, 'batch');
		expect(value(s, 'batch')).toBe(32);
		s = run(s, ...step(1, 4));
		// 400 samples, 20% test: 320 training rows.
		expect(value(s, 'batch')).toBe('full');
		s = run(s, ...step(-1));
		expect(value(s, 'batch')).toBe(256);
		s = run(s, ...step(-1, 20));
		expect(value(s, 'batch')).toBe(1);
	});

	it('hidden layers: depth adds or drops a layer, widths double or halve every layer', () => {
		let s = at(vg, 'depth');
		s = run(s, ...step(-1, 8));
		expect(value(s, 'depth')).toEqual([16, 16]);
		// What differs, in few characters: ten layers of 16 units are 10×16.
		expect(runRows(s, 'en', UNICODE_GLYPHS).map((r) => r.detail)).toEqual(['hidden 2×16, sigmoid, xavier-uniform', 'hidden 10×16, tanh, xavier-uniform', 'hidden 10×16, relu, he-normal']);
		s = at(s, 'widths');
		s = run(s, ...step(1));
		expect(value(s, 'widths')).toEqual([32, 32]);
		s = at(s, 'depth');
		s = run(s, ...step(1));
		expect(value(s, 'depth')).toEqual([32, 32, 32]);
	});

	it('an optimizer change: options the new one takes keep what was chosen, the rest come from torch', () => {
		// vanishing-gradients: momentum at lr 0.01 (its default momentum 0.9 is not a choice).
		let s = at(vg, 'optimizer');
		s = run(s, ...step(1, 4));
		expect(value(s, 'optimizer')).toBe('rmsprop');
		expect(value(s, 'lr')).toBe(0.01);
		expect(value(s, 'momentum')).toBe(0);
		expect(value(s, 'alpha')).toBe(0.99);
		s = run(s, ...step(1));
		expect(value(s, 'optimizer')).toBe('adam');
		expect(value(s, 'beta2')).toBe(0.999);
		expect(s.checked.problems).toEqual([]);
	});

	it('a data set change brings its own options; only spiral and blobs have classes', () => {
		let s = at(vg, 'dataset');
		s = run(s, ...step(1));
		expect(value(s, 'dataset')).toBe('circles');
		expect(() => at(s, 'classes')).toThrow();
		s = at(s, 'dataset');
		s = run(s, ...step(1, 4));
		expect(value(s, 'dataset')).toBe('digits');
		expect(() => at(s, 'samples')).toThrow();
		expect(s.checked.problems).toEqual([]);
	});

	it('a regression set asks for numbers: a default loss follows the task, a chosen one stays for check to judge', () => {
		// Every run of a scenario shares its task (check says so on the others): one run here.
		const other = run(at(vg, 'dataset'), ...step(1, 6));
		expect(other.checked.problems.map((p) => [p.run, p.field])).toEqual([[1, 'dataset'], [2, 'dataset']]);
		let s = run(vg, {type: 'removeRun'}, {type: 'removeRun'});
		s = run(at(s, 'dataset'), ...step(1, 6)); // spiral, circles, xor, moons, blobs, digits, sine
		expect(value(s, 'dataset')).toBe('sine');
		expect(value(s, 'loss')).toBe('mse');
		expect(() => at(s, 'classes')).toThrow();
		expect(value(s, 'samples')).toBe(400);
		expect(s.checked.problems).toEqual([]);
		expect((s.checked.scenario as NetworkScenario).runs[0]!.dataset).toMatchObject({kind: 'regression', name: 'sine', samples: 400});
		s = run(at(s, 'dataset'), ...step(-1));
		expect(value(s, 'loss')).toBe('cross-entropy');
		s = typed(at(s, 'loss'), 'mse');
		s = run(at(s, 'dataset'), ...step(1));
		expect(value(s, 'loss')).toBe('mse');
		s = typed(at(s, 'loss'), 'mae');
		s = run(at(s, 'dataset'), ...step(-1));
		expect(value(s, 'loss')).toBe('mae');
		expect(s.checked.problems.map((p) => [p.field, p.text])).toEqual([['loss', 'runs[0].train.loss: mae is a regression loss; classification takes cross-entropy or mse']]);
		expect(checkLines(s)).toEqual(s.checked.problems.map((p) => p.text));
	});

	it('standardize: off for a built-in set until switched on, and it stays on across data sets', () => {
		let s = at(vg, 'standardize');
		expect(value(s, 'standardize')).toBe(false);
		s = run(s, ...step(1));
		expect((s.checked.scenario as NetworkScenario).runs[0]!.dataset.standardize).toBe(true);
		s = run(at(s, 'dataset'), ...step(1));
		expect((s.checked.scenario as NetworkScenario).runs[0]!.dataset).toMatchObject({name: 'circles', standardize: true});
	});

	it('a schedule or a name is typed, not stepped: ←/→ say so', () => {
		const s = run(at(vg, 'schedule'), ...step(1));
		expect(s.notice).toEqual({kind: 'typeOnly'});
	});
});

describe('typing a value', () => {
	const vg = initialEditorState(lesson('vanishing-gradients'));

	it('reads it as a file would: numbers, lists, names; the first character replaces the old value', () => {
		let s = typed(at(vg, 'lr'), '0.05');
		expect(value(s, 'lr')).toBe(0.05);
		s = typed(at(s, 'widths'), '[32, 16]');
		expect(value(s, 'widths')).toEqual([32, 16]);
		s = typed(at(s, 'depth'), '4');
		expect(value(s, 'depth')).toEqual([32, 16, 16, 16]);
		s = typed(at(s, 'schedule'), '[cosine, {at: 500, lr: 0.001}]');
		expect(s.checked.problems).toEqual([]);
		expect((s.checked.scenario as NetworkScenario).runs[0]!.train.schedule).toEqual([{name: 'cosine', steps: 3000, minLr: 0}, {at: 500, lr: 0.001}]);
	});

	it('backspace edits the old value; Esc leaves it as it was; an empty value is the default', () => {
		let s = editorReducer(at(vg, 'steps'), {type: 'type'});
		expect(s.typing).toMatchObject({text: '3000', fresh: true});
		s = run(s, {type: 'erase'}, {type: 'erase'}, {type: 'char', text: '5'}, {type: 'commit'});
		expect(value(s, 'steps')).toBe(305);
		s = run(s, {type: 'type'}, {type: 'char', text: '9'}, {type: 'cancel'});
		expect(value(s, 'steps')).toBe(305);
		s = run(at(s, 'lr'), {type: 'type'}, ...Array.from({length: 4}, () => ({type: 'erase'}) as const), {type: 'commit'});
		expect(value(s, 'lr')).toBe(0.001); // torch's default for SGD with momentum
		s = run(typed(s, '0.5'), {type: 'reset'});
		expect(value(s, 'lr')).toBe(0.001);
	});

	it('a label is text as typed: renaming a run to "0.5" keeps the string', () => {
		let s = run(vg, {type: 'type', label: true});
		expect(s.typing?.field).toBe('label');
		for (const c of '0.5') s = editorReducer(s, {type: 'char', text: c});
		s = editorReducer(s, {type: 'commit'});
		expect(s.draft.runs[0]!.label).toBe('0.5');
		expect(s.checked.scenario?.runs[0]!.label).toBe('0.5');
	});
});

/** What `gradlab check` prints for the draft as a file (without the file name). */
function checkLines(state: EditorState): string[] {
	const text = new Document(draftInput(checkedDraft(state))).toString();
	try {
		parseScenario(text, state.file);
		return [];
	} catch (error) {
		if (!(error instanceof ScenarioError)) throw error;
		return error.problems.map((p) => p.text);
	}
}

describe('problems, as gradlab check words them, beside their fields', () => {
	const vg = initialEditorState(lesson('vanishing-gradients'));

	it('a zero lr, a batch of "abc", a misspelt initialiser: each on its field, each the line check prints', () => {
		let s = typed(at(vg, 'lr'), '0');
		s = typed(at(s, 'batch'), 'abc');
		s = typed(at(s, 'init'), 'he-normla');
		expect(s.checked.scenario).toBeNull();
		expect(s.checked.problems.map((p) => [p.run, p.field, p.text]).sort()).toEqual([
			[0, 'batch', 'runs[0].train.batch: got "abc", expected a whole number > 0, or "full"'],
			[0, 'init', 'runs[0].model.init.name: got "he-normla", expected one of: pytorch, xavier-uniform, xavier-normal, he-uniform, he-normal, lecun-normal, normal, uniform, zeros (did you mean "he-normal"?)'],
			[0, 'lr', 'runs[0].train.optimizer.lr: got 0, expected a number > 0'],
		]);
		expect(s.checked.problems.map((p) => p.text).sort()).toEqual(checkLines(s).sort());
		const rows = fieldRows(s, 'en', UNICODE_GLYPHS);
		expect(rows.find((r) => r.key === 'lr')).toMatchObject({problem: true, note: '✗ got 0, expected a number > 0'});
		expect(runRows(s, 'en', UNICODE_GLYPHS)[0]!.invalid).toBe(true);
	});

	it('a rule between fields lands on the field it names (Nesterov needs momentum > 0)', () => {
		let s = at(vg, 'optimizer');
		s = run(s, ...step(1)); // momentum → nesterov
		s = typed(at(s, 'momentum'), '0');
		expect(s.checked.problems).toEqual([
			expect.objectContaining({run: 0, field: 'momentum', text: 'runs[0].train.optimizer.momentum: got 0, expected a number > 0 (Nesterov momentum needs momentum > 0 and dampening 0)'}),
		]);
		expect(checkLines(s)).toEqual(s.checked.problems.map((p) => p.text));
	});

	it('a form with problems cannot be applied: s says how many, and nothing leaves the editor', () => {
		const s = typed(at(vg, 'lr'), '-1');
		const press = {char: 's', special: null, ctrl: false, shift: false, meta: false};
		const routed = routeEditorKey(s, 'apply', press);
		expect(routed.outcome).toBeUndefined();
		const refused = editorReducer(s, routed.action!);
		expect(refused.notice).toEqual({kind: 'fixFirst', problems: 1});
		// Said first, on the field with the problem too; the next key brings the problem's line back.
		expect(messageText(refused, 'en').text).toBe('1 problem to fix first (marked ✗): s starts once they are gone');
		expect(messageText(editorReducer(refused, {type: 'cancel'}), 'en').text).toBe('runs[0].train.optimizer.lr: got -1, expected a number > 0');
		// Fixed, it applies the checked scenario.
		const fixed = typed(at(s, 'lr'), '0.1');
		// Its runs changed, so the lesson's captions (about the runs as written) are left behind.
		expect(fixed.checked.scenario!.notes).toEqual([]);
		expect(vg.checked.scenario!.notes.length).toBeGreaterThan(0);
		expect(routeEditorKey(fixed, 'apply', press).outcome).toEqual({apply: fixed.checked.scenario});
		// Untouched, it is the lesson itself, captions and all.
		expect(routeEditorKey(vg, 'apply', press).outcome).toEqual({apply: vg.checked.scenario});
	});
});

describe('runs: add (a copy), remove, rename, up to 8', () => {
	const vg = initialEditorState(lesson('vanishing-gradients'));

	it('add copies the selected run under a new name and selects it, ready to change one thing', () => {
		let s = run(vg, {type: 'run', by: 1}, {type: 'run', by: 1}, {type: 'addRun'});
		expect(s.draft.runs).toHaveLength(4);
		expect(s.run).toBe(3);
		expect(s.draft.runs[3]).toEqual({...s.draft.runs[2], label: 'relu 2'});
		expect(s.notice).toEqual({kind: 'added', label: 'relu 2'});
		expect(runRows(s, 'en', UNICODE_GLYPHS).map((r) => r.detail)).toEqual(['sigmoid, xavier-uniform', 'tanh, xavier-uniform', 'relu, he-normal', 'relu, he-normal']);
		s = run(at(s, 'lr'), ...step(1, 4));
		expect(runRows(s, 'en', UNICODE_GLYPHS).map((r) => r.detail)).toEqual(['sigmoid, xavier-uniform, lr 0.01', 'tanh, xavier-uniform, lr 0.01', 'relu, he-normal, lr 0.01', 'relu, he-normal, lr 0.1']);
		s = run(s, {type: 'addRun'});
		expect(s.draft.runs[4]!.label).toBe('relu 3');
	});

	it('stops at 8 runs, and never removes the last one', () => {
		let s = vg;
		for (let k = 0; k < 10; k++) s = editorReducer(s, {type: 'addRun'});
		expect(s.draft.runs).toHaveLength(MAX_RUNS);
		expect(s.notice).toEqual({kind: 'maxRuns'});
		expect(s.checked.problems).toEqual([]);
		for (let k = 0; k < 10; k++) s = editorReducer(s, {type: 'removeRun'});
		expect(s.draft.runs).toHaveLength(1);
		expect(s.notice).toEqual({kind: 'lastRun'});
		expect(s.run).toBe(0);
		expect(s.checked.scenario?.runs).toHaveLength(1);
	});

	it('remove takes the selected run out and selects the one in its place', () => {
		const s = run(vg, {type: 'run', by: 1}, {type: 'removeRun'});
		expect(s.draft.runs.map((r) => r.label)).toEqual(['sigmoid', 'relu']);
		expect(s.run).toBe(1);
		expect(s.notice).toEqual({kind: 'removed', label: 'tanh'});
	});

	it('renaming to a name another run has is the problem check reports', () => {
		let s = run(vg, {type: 'type', label: true});
		for (const c of 'relu') s = editorReducer(s, {type: 'char', text: c});
		s = editorReducer(s, {type: 'commit'});
		expect(s.checked.problems.map((p) => [p.run, p.field, p.text])).toEqual([[2, 'label', 'runs[2].label: got "relu", expected a label no other run has (runs[0] is also "relu")']]);
	});

	it('untouched, the draft is the lesson: applying it trains what the file says', () => {
		for (const id of ['vanishing-gradients', 'optimizer-race', 'digits', 'batch-size']) {
			const scenario = lesson(id);
			const s = initialEditorState(scenario);
			expect(s.checked.problems).toEqual([]);
			expect(s.checked.scenario).toEqual(scenario);
		}
	});

	it('writes out the same: a saved edit is the file a teacher would write', () => {
		const s = typed(at(initialEditorState(lesson('learning-rate')), 'lr'), '0.2');
		const text = writeScenario(s.checked.scenario!, {dir: '/tmp'});
		expect(parseScenario(text, s.file)).toEqual(s.checked.scenario);
	});
});
