import {describe, expect, it} from 'vitest';
import {BLANK_KEY, EXPLORER_KEY, NEW_KEY, TOUR_KEY, appReducer, initialAppState, lessonScreen} from '../../../src/ui/screens/navigation.js';
import {tinyScenario} from '../../helpers/scenarios.js';

const lesson = tinyScenario();
const blank = {...tinyScenario(), id: 'new-experiment', file: '/nowhere/new-experiment.yaml'};
const reduce = appReducer({scenarios: [lesson], chapters: 3, blank});

describe('app navigation', () => {
	it('opens a lesson from the picker and goes back to it with the lesson highlighted', () => {
		let state = initialAppState({kind: 'picker'});
		state = reduce(state, {type: 'open', key: lesson.file});
		expect(state.screen).toEqual({kind: 'lesson', scenario: lesson, started: true});
		state = reduce(state, {type: 'back'});
		expect(state.screen).toEqual({kind: 'picker', highlight: lesson.file});
		expect(state.visit).toBe(2);
	});

	it('ignores unknown keys and back on the picker', () => {
		const start = initialAppState({kind: 'picker'});
		expect(reduce(start, {type: 'open', key: 'nope'})).toBe(start);
		expect(reduce(start, {type: 'back'})).toBe(start);
	});

	it('a lesson with an intro opens on its card, and start begins training', () => {
		const carded = {...lesson, file: '/carded.yaml', intro: {en: 'Read me first.', ko: '먼저 읽어요.'}};
		let state = appReducer({scenarios: [lesson, carded], chapters: 0})(initialAppState({kind: 'picker'}), {type: 'open', key: carded.file});
		expect(state.screen).toEqual({kind: 'lesson', scenario: carded, started: false});
		state = reduce(state, {type: 'start'});
		expect(state.screen).toEqual({kind: 'lesson', scenario: carded, started: true});
		expect(reduce(state, {type: 'start'})).toBe(state);
	});

	it('opens the activation explorer', () => {
		expect(reduce(initialAppState({kind: 'picker'}), {type: 'open', key: EXPLORER_KEY}).screen).toEqual({kind: 'explorer'});
	});

	it('walks the tour: intro, start, next, previous, never past either end', () => {
		let state = reduce(initialAppState({kind: 'picker'}), {type: 'open', key: TOUR_KEY});
		expect(state.screen).toEqual({kind: 'tour', chapter: 0, started: false});
		state = reduce(state, {type: 'start'});
		expect(state.screen).toEqual({kind: 'tour', chapter: 0, started: true});
		expect(reduce(state, {type: 'prevChapter'})).toBe(state);
		state = reduce(reduce(state, {type: 'nextChapter'}), {type: 'nextChapter'});
		expect(state.screen).toEqual({kind: 'tour', chapter: 2, started: false});
		expect(reduce(state, {type: 'nextChapter'})).toBe(state);
		state = reduce(state, {type: 'prevChapter'});
		expect(state.screen).toEqual({kind: 'tour', chapter: 1, started: false});
	});

	it('--duration: time up moves to the next chapter, and ends after the last one or a lesson', () => {
		let state = initialAppState({kind: 'tour', chapter: 1, started: true});
		state = reduce(state, {type: 'timeUp'});
		expect(state.screen).toEqual({kind: 'tour', chapter: 2, started: false});
		expect(reduce(state, {type: 'timeUp'}).done).toBe(true);
		expect(reduce(initialAppState(lessonScreen(lesson)), {type: 'timeUp'}).done).toBe(true);
	});

	it('quits from anywhere', () => {
		expect(reduce(initialAppState({kind: 'explorer'}), {type: 'quit'}).done).toBe(true);
	});

	it('a new experiment: what to start from, the editor, then its lesson; back goes back a step', () => {
		let state = reduce(initialAppState({kind: 'picker'}), {type: 'open', key: NEW_KEY});
		expect(state.screen).toEqual({kind: 'templates'});
		state = reduce(state, {type: 'template', key: BLANK_KEY});
		expect(state.screen).toEqual({kind: 'editor', scenario: blank, from: BLANK_KEY});
		expect(reduce(state, {type: 'back'}).screen).toEqual({kind: 'templates', highlight: BLANK_KEY});
		expect(reduce(reduce(reduce(state, {type: 'back'}), {type: 'back'}), {type: 'template', key: lesson.file})).toMatchObject({screen: {kind: 'picker', highlight: NEW_KEY}});
		const edited = {...blank, title: {en: 'Mine', ko: 'Mine'}};
		state = reduce(state, {type: 'edited', scenario: edited});
		expect(state.screen).toEqual({kind: 'lesson', scenario: edited, started: true, edited: true});
		expect(reduce(reduce(initialAppState({kind: 'picker'}), {type: 'open', key: NEW_KEY}), {type: 'template', key: lesson.file}).screen).toMatchObject({kind: 'editor', scenario: lesson});
	});

	it('an edit applied to a lesson trains it as a lesson; to a tour chapter, as that chapter', () => {
		const edited = {...lesson, title: {en: 'Edited', ko: 'Edited'}};
		const fromLesson = reduce(initialAppState(lessonScreen(lesson)), {type: 'edited', scenario: edited});
		expect(fromLesson.screen).toEqual({kind: 'lesson', scenario: edited, started: true, edited: true});
		expect(fromLesson.visit).toBe(1);
		const onTour = reduce(initialAppState({kind: 'tour', chapter: 1, started: true}), {type: 'edited', scenario: edited});
		expect(onTour.screen).toEqual({kind: 'tour', chapter: 1, started: true, scenario: edited});
		// The next chapter is the chapter itself again.
		expect(reduce(onTour, {type: 'nextChapter'}).screen).toEqual({kind: 'tour', chapter: 2, started: false});
		expect(reduce(initialAppState({kind: 'picker'}), {type: 'edited', scenario: edited}).screen).toEqual({kind: 'picker'});
	});
});
