/**
 * Where a lesson's command goes: the reducer, the worker, and/or the app. Pause and speed are
 * answered by the screen at once (the worker may be mid-step or mid-probe) and confirmed by the
 * worker's next snapshot, so keys typed in one burst each step on from the one before. What the
 * worker computes for the views on screen follows from the state (watch.ts), not from keys.
 */
import type {Command} from '../../runner/protocol.js';
import type {CommandName} from '../input/keymap.js';
import {phaseCount} from '../views/inspector/choice.js';
import {inspection} from './reducer.js';
import {changeSpeed} from './speed.js';
import type {DashboardAction, DashboardState, ViewCommand} from './state.js';

/** The commands a lesson hands up to the app. */
export type AppCommand = Extract<CommandName, 'quit' | 'back' | 'export' | 'nextChapter' | 'prevChapter'>;

export interface Routed {
	readonly action?: DashboardAction;
	readonly worker?: Command;
	readonly app?: AppCommand;
}

const VIEW_COMMANDS: readonly CommandName[] = [
	'nextView',
	'prevView',
	'toggleLog',
	'cycleXAxis',
	'toggleStats',
	'togglePoints',
	'toggleSmooth',
	'nextRun',
	'prevRun',
	'help',
	'dismiss',
	'nextPhase',
	'prevPhase',
	'selectUp',
	'selectDown',
	'selectLeft',
	'selectRight',
	'toggleAlone',
	'nextExample',
	'prevExample',
	'sliceMode',
	'sliceUp',
	'sliceDown',
];

/** Whether the reducer handles `command` on its own. */
function isViewCommand(command: CommandName): command is ViewCommand {
	return VIEW_COMMANDS.includes(command);
}

export function routeCommand(state: DashboardState, command: CommandName): Routed {
	if (command === 'nextPhase') return {action: {type: 'command', command}, ...phaseWork(state)};
	if (command === 'help' || command === 'dismiss') {
		// A room reading the keys misses nothing: training waits while the help is open.
		const opening = command === 'help' && !state.helpOpen;
		if (opening && !state.paused && !state.finished) return {action: {type: 'helping', open: true}, worker: {type: 'pause'}};
		if (!opening && state.helpOpen && state.helpPaused) return {action: {type: 'helping', open: false}, worker: {type: 'resume'}};
	}
	if (isViewCommand(command)) return {action: {type: 'command', command}};
	switch (command) {
		case 'togglePause':
			return {action: {type: 'pausing', paused: !state.paused}, worker: {type: state.paused ? 'resume' : 'pause'}};
		case 'step':
			return {action: {type: 'pausing', paused: true}, worker: {type: 'step'}};
		case 'faster':
		case 'slower': {
			const speed = changeSpeed(state.speed, command === 'faster' ? 1 : -1);
			return {action: {type: 'speeding', speed}, worker: {type: 'speed', speed}};
		}
		case 'restart':
			return {worker: {type: 'restart'}};
		case 'quit':
			return {worker: {type: 'quit'}, app: 'quit'};
		case 'back':
		case 'export':
		case 'nextChapter':
		case 'prevChapter':
			return {app: command};
		default:
			return {};
	}
}

/**
 * What `.` asks of the worker: the first press pauses training on the step on screen (the
 * inspector then walks through it), and a press at its update takes exactly that step.
 */
function phaseWork(state: DashboardState): {worker?: Command} {
	const shown = inspection(state);
	if (shown?.inspection.kind !== 'step') return {};
	const {phase} = state.inspector;
	if (phase === null) return state.paused ? {} : {worker: {type: 'pause'}};
	return phase === phaseCount(shown.inspection.layers.length - 1) - 1 ? {worker: {type: 'step'}} : {};
}
