/**
 * Which screen the app shows: the lesson picker, one lesson, the activation explorer, or a chapter
 * of the guided tour. A chapter, and a lesson with an `intro`, show their intro card first, then
 * train. A pure reducer, so the navigation the keys and `--duration` drive is unit-tested without
 * a terminal.
 */
import type {Scenario} from '../../scenarios/types.js';
import type {KeyAnswer} from '../input/router.js';

/** Picker keys for the entries that are not scenario files. */
export const TOUR_KEY = ':tour';
export const EXPLORER_KEY = ':activations';

export type Screen =
	| {readonly kind: 'picker'; readonly highlight?: string}
	/** `started` is false while a lesson's intro card shows. */
	| {readonly kind: 'lesson'; readonly scenario: Scenario; readonly started: boolean}
	| {readonly kind: 'explorer'}
	| {readonly kind: 'tour'; readonly chapter: number; readonly started: boolean};

export interface AppState {
	readonly screen: Screen;
	/** Bumped on every screen change, so a timer or worker tied to the old screen is replaced. */
	readonly visit: number;
	/** Set once the app should exit. */
	readonly done: boolean;
}

export type AppAction =
	| {readonly type: 'open'; readonly key: string}
	| {readonly type: 'back'}
	| {readonly type: 'quit'}
	/** Intro card → training. */
	| {readonly type: 'start'}
	| {readonly type: 'nextChapter'}
	| {readonly type: 'prevChapter'}
	/** `--duration` ran out: the next chapter of a tour, or the end. */
	| {readonly type: 'timeUp'};

export interface AppContext {
	readonly scenarios: readonly Scenario[];
	readonly chapters: number;
}

/** A lesson's screen: its intro card first when it has one. */
export function lessonScreen(scenario: Scenario): Screen {
	return {kind: 'lesson', scenario, started: scenario.intro === undefined};
}

/** The screen for a `gradlab [target]` start: the picker, a lesson, or the tour. */
export function initialAppState(first: Screen): AppState {
	return {screen: first, visit: 0, done: false};
}

const go = (state: AppState, screen: Screen): AppState => ({...state, screen, visit: state.visit + 1});

/** The key under which a screen appears in the picker (to highlight it on the way back). */
function pickerKey(screen: Screen): string | undefined {
	if (screen.kind === 'lesson') return screen.scenario.file;
	if (screen.kind === 'tour') return TOUR_KEY;
	if (screen.kind === 'explorer') return EXPLORER_KEY;
	return screen.highlight;
}

export function appReducer(context: AppContext) {
	return (state: AppState, action: AppAction): AppState => {
		const {screen} = state;
		switch (action.type) {
			case 'open': {
				if (action.key === TOUR_KEY) return context.chapters > 0 ? go(state, {kind: 'tour', chapter: 0, started: false}) : state;
				if (action.key === EXPLORER_KEY) return go(state, {kind: 'explorer'});
				const scenario = context.scenarios.find((s) => s.file === action.key);
				return scenario ? go(state, lessonScreen(scenario)) : state;
			}
			case 'back':
				return screen.kind === 'picker' ? state : go(state, {kind: 'picker', highlight: pickerKey(screen)});
			case 'quit':
				return {...state, done: true};
			case 'start':
				return (screen.kind === 'tour' || screen.kind === 'lesson') && !screen.started ? {...state, screen: {...screen, started: true}} : state;
			case 'nextChapter':
				if (screen.kind !== 'tour' || screen.chapter + 1 >= context.chapters) return state;
				return go(state, {kind: 'tour', chapter: screen.chapter + 1, started: false});
			case 'prevChapter':
				if (screen.kind !== 'tour' || screen.chapter === 0) return state;
				return go(state, {kind: 'tour', chapter: screen.chapter - 1, started: false});
			case 'timeUp':
				if (screen.kind === 'tour' && screen.chapter + 1 < context.chapters) return go(state, {kind: 'tour', chapter: screen.chapter + 1, started: false});
				return {...state, done: true};
		}
	};
}

/** What the app answers a screen's key: 'moved' to another screen, or a notice for the screen to show. */
export type AppAnswer = KeyAnswer | {readonly notice: string};

/** Whether an action took the app to another screen (the keys after it wait for that screen). */
export function moved(before: AppState, after: AppState): KeyAnswer {
	return after.screen !== before.screen ? 'moved' : undefined;
}
