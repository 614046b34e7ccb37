/**
 * The whole interactive app: the lesson picker, a lesson, the tour. Owns navigation (a reducer)
 * and the `--duration` timer; every screen below it draws and handles its own keys.
 */
import {Box, Text, useApp} from 'ink';
import {useCallback, useEffect, useMemo, useReducer} from 'react';
import type {Speed} from '../../runner/protocol.js';
import type {RunnerSetup} from '../../runner/client.js';
import {localizeLabels} from '../../scenarios/localize.js';
import type {TourChapter} from '../../scenarios/tour.js';
import type {Language, Scenario} from '../../scenarios/types.js';
import {type AppAction, type Screen, EXPLORER_KEY, TOUR_KEY, appReducer, initialAppState} from './navigation.js';
import {ActivationExplorerScreen} from './explorer/ExplorerScreen.js';
import {framePlan} from './lesson/frames.js';
import {useTerminalSize} from '../kit/use-terminal-size.js';
import type {StartRunner} from './lesson/use-runner.js';
import type {CommandName} from '../input/keymap.js';
import {type AppCommand, LessonScreen} from './lesson/LessonScreen.js';
import {type PickerEntry, ScenarioPicker, scenarioEntries} from './picker/ScenarioPicker.js';
import {truncate} from '../kit/format.js';
import {type WordKey, asciiWord, message} from '../kit/words.js';
import {useTheme} from '../kit/theme.js';
import {TourScreen} from './tour/TourScreen.js';

/** The optional commands a lesson offers (a constant, so memoised views keep their props). */
const LESSON_COMMANDS: readonly CommandName[] = ['export'];

/** Recording mode: a chapter's intro card takes this share of its time, at most MAX_INTRO_SECONDS. */
const INTRO_SHARE = 0.2;
const MAX_INTRO_SECONDS = 6;
/** The explorer opened from the picker shows the factor for ten layers, the vanishing-gradients lesson's depth. */
const EXPLORER_DEPTH = 10;

/** How every lesson's worker is set up, from the command line. */
export interface TrainingOptions {
	readonly seed?: number;
	readonly steps?: number;
	/** Snapshots per second the worker sends (the frame rate is enough). */
	readonly snapshotsPerSecond: number;
	readonly speed: Speed;
}

export interface AppProps {
	/** The lessons in the picker. */
	readonly scenarios: readonly Scenario[];
	/** The tour's chapters, in order (empty: no tour entry). */
	readonly chapters: readonly TourChapter[];
	/** Where to start: the picker, a lesson or the tour. */
	readonly first: Screen;
	readonly language: Language;
	readonly training: TrainingOptions;
	/** Recording mode: seconds per lesson (per chapter on a tour), paced by frames, then move on or quit. */
	readonly duration?: number;
	/** Problems met while listing lessons (a bad file in --dir), shown under the picker. */
	readonly warnings?: readonly string[];
	/** Starts workers; tests pass a fake. */
	readonly start?: StartRunner;
}

function appAction(command: AppCommand): AppAction | null {
	switch (command) {
		case 'quit':
		case 'back':
		case 'nextChapter':
		case 'prevChapter':
			return {type: command};
		default:
			return null;
	}
}

export function App({scenarios, chapters, first, language, training, duration, warnings = [], start}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const theme = useTheme();
	const reducer = useMemo(() => appReducer({scenarios, chapters: chapters.length}), [scenarios, chapters]);
	const [state, dispatch] = useReducer(reducer, first, initialAppState);
	const {screen, visit} = state;

	useEffect(() => {
		if (state.done) exit();
	}, [state.done, exit]);

	// Recording mode: a tour's intro card stays up for a share of the chapter's time, then training
	// starts; training itself is paced by frames (see frames.ts) and ends the visit.
	const introSeconds = duration === undefined ? 0 : Math.min(MAX_INTRO_SECONDS, duration * INTRO_SHARE);
	useEffect(() => {
		if (duration === undefined || screen.kind !== 'tour' || screen.started) return;
		const timer = setTimeout(() => dispatch({type: 'start'}), introSeconds * 1000);
		return () => clearTimeout(timer);
	}, [visit, duration, screen, introSeconds]);

	const chapter = screen.kind === 'tour' ? chapters[screen.chapter] : undefined;
	const chosen = screen.kind === 'lesson' ? screen.scenario : chapter?.scenario;
	// Run labels in the dashboard's language (headless output keeps the English ones).
	const scenario = useMemo(() => (chosen ? localizeLabels(chosen, language) : undefined), [chosen, language]);
	// A chapter trains at the pace its captions were written for; a lesson as fast as it can.
	const speed = chapter?.speed ?? training.speed;
	// One worker per visit: a new object only when the screen changes.
	const init = useMemo<RunnerSetup | null>(
		() =>
			scenario
				? {scenario, options: {seed: training.seed, steps: training.steps}, snapshotsPerSecond: training.snapshotsPerSecond, speed, paused: false, frames: duration !== undefined}
				: null,
		[visit, scenario, speed, training, duration],
	);
	const frames = useMemo(
		() => (scenario && duration !== undefined ? framePlan(scenario, speed, duration - (screen.kind === 'tour' ? introSeconds : 0), training.snapshotsPerSecond, training.steps) : undefined),
		[visit, scenario, speed, duration, introSeconds, training],
	);
	const timeUp = useCallback(() => dispatch({type: 'timeUp'}), []);

	const onAppCommand = (command: AppCommand): string | void => {
		// At either end of the tour, n / p say so instead of doing nothing.
		if (screen.kind === 'tour' && command === 'nextChapter' && screen.chapter + 1 >= chapters.length) return message('lastChapter', language);
		if (screen.kind === 'tour' && command === 'prevChapter' && screen.chapter === 0) return message('firstChapter', language);
		const action = appAction(command);
		if (action) dispatch(action);
	};

	if (screen.kind === 'picker') {
		const shown = (key: WordKey) => asciiWord(key, language, theme.glyphs.ascii);
		// At most three lines of problems; the last says how many more there are.
		const shownWarnings = warnings.map((w) => `${shown('skipped')}: ${w}`);
		if (shownWarnings.length > 3) shownWarnings.splice(2, Infinity, `${shown('skipped')}: +${warnings.length - 2}`);
		const entries: PickerEntry[] = [
			...(chapters.length > 0 ? [{key: TOUR_KEY, title: shown('tourEntry'), summary: shown('tourSummary')}] : []),
			...scenarioEntries(scenarios, language),
			{key: EXPLORER_KEY, title: shown('explorerEntry'), summary: shown('explorerSummary')},
		];
		return (
			<Box flexDirection="column">
				<ScenarioPicker
					entries={entries}
					heading={shown('pickerHeading')}
					hint={shown('pickerHint')}
					rows={size.rows - Math.min(warnings.length, 3)}
					columns={size.columns}
					initialKey={screen.highlight}
					onSelect={(key) => dispatch({type: 'open', key})}
					onQuit={() => dispatch({type: 'quit'})}
				/>
				{shownWarnings.map((w) => (
					<Text key={w} {...theme.roles.warn}>
						{truncate(w, size.columns, theme.glyphs.ellipsis)}
					</Text>
				))}
			</Box>
		);
	}
	if (screen.kind === 'explorer') return <ActivationExplorerScreen language={language} size={size} depth={EXPLORER_DEPTH} onBack={() => dispatch({type: 'back'})} onQuit={() => dispatch({type: 'quit'})} />;
	if (!init) return null;
	if (screen.kind === 'tour') {
		return (
			<TourScreen
				key={visit}
				init={init}
				titles={chapters.map((c) => c.scenario.title[language])}
				chapter={screen.chapter}
				started={screen.started}
				language={language}
				size={size}
				onStart={() => dispatch({type: 'start'})}
				onAppCommand={onAppCommand}
				frames={frames}
				onFramesDone={timeUp}
				start={start}
			/>
		);
	}
	return <LessonScreen key={visit} init={init} language={language} size={size} enabled={LESSON_COMMANDS} onAppCommand={onAppCommand} frames={frames} onFramesDone={timeUp} start={start} />;
}
