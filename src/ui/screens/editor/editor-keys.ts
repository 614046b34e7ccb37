/**
 * Where an editor key goes: an action for the editor's reducer, and/or what the screen around it
 * must do (start the edited experiment, close the editor, quit). Pure, like the lesson's routing:
 * a screen that hosts the editor (the lesson, or the picker's "new experiment") reads the scope
 * and routes each key with the state the key before it left.
 */
import type {Scenario} from '../../../scenarios/types.js';
import type {CommandName, Scope} from '../../input/keymap.js';
import type {KeyPress} from '../../input/keys.js';
import {type EditorAction, type EditorState, appliedScenario} from './editor-state.js';

/** What the host does after a key: train the edited scenario, close the editor unchanged, or quit. */
export type EditorOutcome = {readonly apply: Scenario} | 'cancel' | 'quit';

export interface EditorRouted {
	readonly action?: EditorAction;
	readonly outcome?: EditorOutcome;
}

/** The editor's keymap scope now: its help, typing into a field, or the form. */
export function editorScope(state: EditorState): Scope {
	if (state.helpOpen) return 'help';
	return state.typing ? 'typing' : 'editor';
}

/** A printable character (typed into a field); control characters and special keys are not. */
function printable(press: KeyPress): boolean {
	return press.special === null && !press.ctrl && !press.meta && press.char !== '' && !/[\u0000-\u001f\u007f]/.test(press.char);
}

export function routeEditorKey(state: EditorState, command: CommandName, press: KeyPress): EditorRouted {
	switch (command) {
		case 'up':
		case 'down':
			return {action: {type: 'field', by: command === 'up' ? -1 : 1}};
		case 'less':
		case 'more':
			return {action: {type: 'step', by: command === 'less' ? -1 : 1}};
		case 'nextRun':
		case 'prevRun':
			return {action: {type: 'run', by: command === 'prevRun' ? -1 : 1}};
		case 'typeValue':
			return {action: {type: 'type'}};
		case 'renameRun':
			return {action: {type: 'type', label: true}};
		case 'addRun':
			return {action: {type: 'addRun'}};
		case 'removeRun':
			return {action: {type: 'removeRun'}};
		case 'resetField':
			return {action: {type: 'reset'}};
		case 'apply':
		{
			const scenario = appliedScenario(state);
			return scenario ? {outcome: {apply: scenario}} : {action: {type: 'apply'}};
		}
		case 'discard':
			return {outcome: 'cancel'};
		case 'help':
			return {action: {type: 'help', open: true}};
		case 'dismiss':
			return {action: {type: 'help', open: false}};
		case 'typeChar':
			return printable(press) ? {action: {type: 'char', text: press.char}} : {};
		case 'erase':
			return {action: {type: 'erase'}};
		case 'commit':
			return {action: {type: 'commit'}};
		case 'cancelTyping':
			return {action: {type: 'cancel'}};
		case 'quit':
			return {outcome: 'quit'};
		default:
			return {};
	}
}
