/**
 * Which screen the app shows: the lesson picker, one lesson, the activation explorer, a chapter
 * of the guided tour, or a new experiment (what to start from, then the editor). A chapter, and a
 * lesson with an `intro`, show their intro card first, then train. An edited experiment trains as
 * a lesson (or, edited on the tour, as that chapter), without its card. A pure reducer, so the
 * navigation the keys and `--duration` drive is unit-tested without a terminal.
 */
import type {Scenario} from '../../scenarios/types.js';
import type {KeyAnswer} from '../input/router.js';

/** Picker keys for the entries that are not scenario files. */
export const TOUR_KEY = ':tour';
export const EXPLORER_KEY = ':activations';
export const NEW_KEY = ':new';
/** The new-experiment list's entry for the small default (the others are lessons, by file). */
export const BLANK_KEY = ':blank';

export type Screen =
	| {readonly kind: 'picker'; readonly highlight?: string}
	/**
	 * `started` is false while a lesson's intro card shows. `edited`: the scenario came from the
	 * editor, with --seed/--steps already in it.
	 */
	| {readonly kind: 'lesson'; readonly scenario: Scenario; readonly started: boolean; readonly edited?: boolean}
	| {readonly kind: 'explorer'}
	/** `scenario`: the chapter as edited, instead of the chapter's own. */
	| {readonly kind: 'tour'; readonly chapter: number; readonly started: boolean; readonly scenario?: Scenario}
	/** A new experiment: what to start from. */
	| {readonly kind: 'templates'; readonly highlight?: string}
	/** A new experiment in the editor, started from `scenario` (`from`: its key in the templates list). */
	| {readonly kind: 'editor'; readonly scenario: Scenario; readonly from: string};

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
	| {readonly type: 'timeUp'}
	/** A new experiment starts from the small default or a lesson (by its key in the templates list). */
	| {readonly type: 'template'; readonly key: string}
	/** The editor's `s`: train this scenario. */
	| {readonly type: 'edited'; readonly scenario: Scenario};

export interface AppContext {
	readonly scenarios: readonly Scenario[];
	readonly chapters: number;
	/** The small default a new experiment may start from. */
	readonly blank?: Scenario;
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
	if (screen.kind === 'templates' || screen.kind === 'editor') return NEW_KEY;
	return screen.highlight;
}

export function appReducer(context: AppContext) {
	return (state: AppState, action: AppAction): AppState => {
		const {screen} = state;
		switch (action.type) {
			case 'open': {
				if (action.key === TOUR_KEY) return context.chapters > 0 ? go(state, {kind: 'tour', chapter: 0, started: false}) : state;
				if (action.key === EXPLORER_KEY) return go(state, {kind: 'explorer'});
				if (action.key === NEW_KEY) return go(state, {kind: 'templates'});
				const scenario = context.scenarios.find((s) => s.file === action.key);
				return scenario ? go(state, lessonScreen(scenario)) : state;
			}
			case 'back':
				if (screen.kind === 'editor') return go(state, {kind: 'templates', highlight: screen.from});
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
			case 'template': {
				if (screen.kind !== 'templates') return state;
				const scenario = action.key === BLANK_KEY ? context.blank : context.scenarios.find((s) => s.file === action.key);
				return scenario ? go(state, {kind: 'editor', scenario, from: action.key}) : state;
			}
			case 'edited':
				if (screen.kind === 'tour') return go(state, {...screen, started: true, scenario: action.scenario});
				if (screen.kind === 'lesson' || screen.kind === 'editor') return go(state, {kind: 'lesson', scenario: action.scenario, started: true, edited: true});
				return state;
		}
	};
}

/** What the app answers a screen's key: 'moved' to another screen, or a notice for the screen to show. */
export type AppAnswer = KeyAnswer | {readonly notice: string};

/** Whether an action took the app to another screen (the keys after it wait for that screen). */
export function moved(before: AppState, after: AppState): KeyAnswer {
	return after.screen !== before.screen ? 'moved' : undefined;
}
