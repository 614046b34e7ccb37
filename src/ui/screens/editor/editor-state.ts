/**
 * The experiment editor's state and its reducer: which run and field the cursor is on, the text
 * being typed, and the draft (draft.ts) with its check. Pure: every key is one action, and after
 * each the draft is checked again, so the screen always knows whether it may be applied — only a
 * draft without problems yields a Scenario, which is all that ever reaches a worker.
 */
import type {Scenario} from '../../../scenarios/types.js';
import type {Value} from '../../../scenarios/write.js';
import {type Checked, type Draft, checkDraft, draftOf, flowText, freshLabel, labelOf, parseTyped, setField} from './draft.js';
import {type Field, type FieldKey, fieldValue, runFields, stepField} from './fields.js';

/** Runs an experiment may grow to in the editor (a lesson that has more keeps them). */
export const MAX_RUNS = 8;

/** Characters a typed value may have: longer is surely a slip (a paste gone wrong). */
export const MAX_TYPED = 200;

/** Text being typed into a field. `fresh`: it is the old value, and the first character typed replaces it. */
export interface Typing {
	readonly field: FieldKey;
	readonly text: string;
	readonly fresh: boolean;
}

/** What the editor says after a key that did something other than edit (or could not). */
export type EditorNotice =
	| {readonly kind: 'added'; readonly label: string}
	| {readonly kind: 'removed'; readonly label: string}
	| {readonly kind: 'maxRuns'}
	| {readonly kind: 'lastRun'}
	| {readonly kind: 'typeOnly'}
	| {readonly kind: 'fixFirst'; readonly problems: number};

export interface EditorState {
	/** Where the scenario came from: its problems are checked as a file there would be. */
	readonly id: string;
	readonly file: string;
	readonly draft: Draft;
	/** The runs as the editor opened them: applied unchanged, the captions still fit them. */
	readonly original: Draft['runs'];
	/** The selected run. */
	readonly run: number;
	/** The field the cursor is on; when the run has no such field, the one at `row`. */
	readonly cursor: FieldKey;
	readonly row: number;
	readonly typing: Typing | null;
	/** The unrounded value of the last ×10^¼ step, so four steps make exactly ×10 (scales.ts). */
	readonly exact: {readonly run: number; readonly field: FieldKey; readonly value: number} | null;
	readonly notice: EditorNotice | null;
	readonly checked: Checked;
	/** The help overlay is open over the fields. */
	readonly helpOpen: boolean;
}

export type EditorAction =
	| {readonly type: 'field'; readonly by: 1 | -1}
	| {readonly type: 'run'; readonly by: 1 | -1}
	/** ←/→ on the field. */
	| {readonly type: 'step'; readonly by: 1 | -1}
	/** Start typing into the field (or into the run's label: rename). */
	| {readonly type: 'type'; readonly label?: boolean}
	| {readonly type: 'char'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'commit'}
	| {readonly type: 'cancel'}
	| {readonly type: 'addRun'}
	| {readonly type: 'removeRun'}
	/** The field back to its default (a schedule or a checkpoint: none). */
	| {readonly type: 'reset'}
	/** Applying was asked for: says why not, when there are problems. */
	| {readonly type: 'apply'}
	| {readonly type: 'help'; readonly open: boolean};

export function initialEditorState(scenario: Scenario): EditorState {
	const draft = draftOf(scenario);
	return {id: scenario.id, file: scenario.file, draft, original: draft.runs, run: 0, cursor: 'optimizer', row: 1, typing: null, exact: null, notice: null, checked: checkDraft(draft, scenario.id, scenario.file), helpOpen: false};
}

/** What `s` trains: the checked scenario (null while the form has problems), captions dropped if the runs changed (see recheck). */
export function appliedScenario(state: EditorState): Scenario | null {
	return state.checked.scenario ?? null;
}

/** The selected run's fields. */
export function currentFields(state: EditorState): Field[] {
	return runFields(state.draft.kind, state.draft.runs[state.run] ?? {});
}

/** The index of the cursor's field among the selected run's fields. */
export function cursorIndex(state: EditorState, fields: readonly Field[] = currentFields(state)): number {
	const k = fields.findIndex((f) => f.key === state.cursor);
	return k >= 0 ? k : Math.min(state.row, fields.length - 1);
}

export function currentField(state: EditorState): Field {
	const fields = currentFields(state);
	return fields[cursorIndex(state, fields)]!;
}

/** The field's value in the selected run, as the file has it or as resolve fills it in. */
export function valueOf(state: EditorState, field: Field, run = state.run): unknown {
	return fieldValue(field, state.draft.runs[run] ?? {}, state.draft.shared);
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
	const quiet = state.notice === null ? state : {...state, notice: null};
	switch (action.type) {
		case 'field': {
			const fields = currentFields(state);
			const k = Math.min(fields.length - 1, Math.max(0, cursorIndex(state, fields) + action.by));
			return {...quiet, cursor: fields[k]!.key, row: k};
		}
		case 'run': {
			const count = state.draft.runs.length;
			return {...quiet, run: (state.run + action.by + count) % count};
		}
		case 'step': {
			const field = currentField(state);
			const exact = state.exact && state.exact.run === state.run && state.exact.field === field.key ? state.exact.value : undefined;
			const next = stepField(field, valueOf(state, field), action.by, exact);
			if (!next) return {...state, notice: {kind: 'typeOnly'}};
			const edited = edit(quiet, field, next.value);
			return {...edited, exact: next.exact === undefined ? null : {run: state.run, field: field.key, value: next.exact}};
		}
		case 'type': {
			const field = action.label ? currentFields(state).find((f) => f.key === 'label')! : currentField(state);
			const value = valueOf(state, field);
			const text = field.key === 'label' ? labelOf(state.draft.runs[state.run] ?? {}, 'en') : field.list === 'depth' ? String(Array.isArray(value) ? value.length : '') : flowText(value);
			return {...quiet, cursor: field.key, typing: {field: field.key, text, fresh: true}};
		}
		case 'char': {
			if (!state.typing) return state;
			const text = (state.typing.fresh ? '' : state.typing.text) + action.text;
			return {...state, typing: {...state.typing, text: [...text].slice(0, MAX_TYPED).join(''), fresh: false}};
		}
		case 'erase':
			return state.typing ? {...state, typing: {...state.typing, text: [...state.typing.text].slice(0, -1).join(''), fresh: false}} : state;
		case 'cancel':
			return {...quiet, typing: null};
		case 'commit': {
			if (!state.typing) return state;
			const field = currentFields(state).find((f) => f.key === state.typing!.field);
			const done = {...quiet, typing: null};
			if (!field) return done;
			// A label is text as typed; anything else is read as the file would read it.
			const value = field.key === 'label' ? state.typing.text.trim() : parseTyped(state.typing.text);
			return edit(done, field, value);
		}
		case 'addRun': {
			const {runs} = state.draft;
			if (runs.length >= MAX_RUNS) return {...state, notice: {kind: 'maxRuns'}};
			const source = runs[state.run]!;
			const label = freshLabel(runs, labelOf(source, 'en'));
			const draft = {...state.draft, runs: [...runs, {...source, label}]};
			return recheck({...state, draft, run: runs.length, typing: null, notice: {kind: 'added', label}});
		}
		case 'removeRun': {
			const {runs} = state.draft;
			if (runs.length <= 1) return {...state, notice: {kind: 'lastRun'}};
			const label = labelOf(runs[state.run]!, 'en');
			const draft = {...state.draft, runs: runs.filter((_, k) => k !== state.run)};
			return recheck({...state, draft, run: Math.min(state.run, runs.length - 2), typing: null, exact: null, notice: {kind: 'removed', label}});
		}
		case 'reset': {
			const field = currentField(state);
			// The label has no default: a run keeps its name.
			return field.key === 'label' ? quiet : edit(quiet, field, undefined);
		}
		case 'apply':
			return state.checked.scenario ? quiet : {...state, notice: {kind: 'fixFirst', problems: state.checked.problems.length}};
		case 'help':
			return state.helpOpen === action.open ? state : {...state, helpOpen: action.open};
	}
}

/** The state with the selected run's `field` set (undefined: to its default), checked again. */
function edit(state: EditorState, field: Field, value: Value | undefined): EditorState {
	const draft = setField(state.draft, state.run, field, value);
	const fields = runFields(draft.kind, draft.runs[state.run] ?? {});
	return recheck({...state, draft, exact: null, row: Math.max(0, fields.findIndex((f) => f.key === field.key))});
}

/**
 * A lesson's captions describe its runs as written ("sigmoid's loss is stuck at ln 2"), so runs
 * changed in any way are checked, and train, without them (nor a caption's view the new runs
 * cannot show, such as a boundary on a regression set).
 */
export function checkedDraft(state: Pick<EditorState, 'draft' | 'original'>): Draft {
	const {notes: _notes, ...shared} = state.draft.shared;
	return JSON.stringify(state.draft.runs) === JSON.stringify(state.original) ? state.draft : {...state.draft, shared};
}

function recheck(state: EditorState): EditorState {
	return {...state, checked: checkDraft(checkedDraft(state), state.id, state.file)};
}
