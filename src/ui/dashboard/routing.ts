/**
 * Where a lesson's command goes: the reducer, the worker, and/or the app. Pause and speed are
 * answered by the screen at once (the worker may be mid-step or mid-probe) and confirmed by the
 * worker's next snapshot, so keys typed in one burst each step on from the one before.
 */
import type {Command} from '../../runner/protocol.js';
import type {CommandName} from '../input/keymap.js';
import {PICTURE_VIEWS, type ViewName} from '../views/model.js';
import {applyCommand} from './reducer.js';
import {changeSpeed} from './speed.js';
import type {DashboardAction, DashboardState, ViewCommand} from './state.js';

/** The commands a lesson hands up to the app. */
export type AppCommand = Extract<CommandName, 'quit' | 'back' | 'export' | 'nextChapter' | 'prevChapter'>;

export interface Routed {
	readonly action?: DashboardAction;
	readonly worker?: Command;
	readonly app?: AppCommand;
}

/** What the worker must compute while `view` shows (send it when the first view is a probe view). */
export function watchCommand(view: ViewName): Command {
	return {type: 'watch', boundary: PICTURE_VIEWS.includes(view)};
}

/** The `watch` command a change of view needs, if any: decision boundaries cost, so only while shown. */
export function watchChange(before: ViewName, after: ViewName): Command | undefined {
	return PICTURE_VIEWS.includes(after) !== PICTURE_VIEWS.includes(before) ? watchCommand(after) : undefined;
}

const VIEW_COMMANDS: readonly CommandName[] = ['nextView', 'prevView', 'toggleLog', 'cycleXAxis', 'toggleStats', 'togglePoints', 'toggleSmooth', 'nextRun', 'prevRun', 'help', 'dismiss'];

/** Whether the reducer handles `command` on its own. */
function isViewCommand(command: CommandName): command is ViewCommand {
	return VIEW_COMMANDS.includes(command);
}

export function routeCommand(state: DashboardState, command: CommandName): Routed {
	if (command === 'nextView' || command === 'prevView') {
		// The worker computes decision boundaries and fits only while they are on screen.
		const watch = watchChange(state.view, applyCommand(state, command).view);
		return watch ? {action: {type: 'command', command}, worker: watch} : {action: {type: 'command', command}};
	}
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
