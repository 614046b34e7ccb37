/**
 * The whole interactive app: the lesson picker, a lesson, the tour, the explorer, a new
 * experiment in the editor. Owns navigation
 * (a reducer in a store, so keys typed in one burst each see the screen the one before left) and
 * the `--duration` timer, and sets what every screen reads: the language, the terminal size and
 * the one input path. Every screen below draws itself and handles its own commands.
 */
import * as path from 'node:path';
import {Box, Text, useApp} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import type {RunnerSetup} from '../../runner/client.js';
import {withOverrides} from '../../scenarios/edit.js';
import {parseScenario} from '../../scenarios/load.js';
import {localizeLabels} from '../../scenarios/localize.js';
import {templateScenario} from '../../scenarios/template.js';
import type {Language, Scenario} from '../../scenarios/types.js';
import {startingView} from '../dashboard/offer.js';
import type {AppCommand} from '../dashboard/routing.js';
import {UiContext, useLanguage, useSize} from '../kit/context.js';
import {truncate} from '../kit/format.js';
import {useTheme} from '../kit/theme.js';
import {useTerminalSize} from '../kit/use-terminal-size.js';
import {PICTURE_VIEWS} from '../views/model.js';
import {type WordKey, asciiWord, message, word} from '../kit/words.js';
import type {CommandName} from '../input/keymap.js';
import type {KeyAnswer} from '../input/router.js';
import {useOwnStore, useStore} from '../input/store.js';
import {KeyInput} from '../input/use-keys.js';
import {EditorScreen} from './editor/EditorScreen.js';
import {ExplorerScreen} from './explorer/ExplorerScreen.js';
import {framePlan} from './lesson/frames.js';
import {LessonScreen} from './lesson/LessonScreen.js';
import type {StartRunner} from './lesson/use-runner.js';
import {type AppAction, type AppAnswer, type Screen, BLANK_KEY, EXPLORER_KEY, NEW_KEY, TOUR_KEY, appReducer, initialAppState, moved} from './navigation.js';
import {type PickerEntry, scenarioEntries} from './picker/picker-state.js';
import {ScenarioPicker} from './picker/ScenarioPicker.js';
import {IntroScreen} from './tour/IntroScreen.js';
import {TourScreen} from './tour/TourScreen.js';

/** The optional commands a lesson offers (a constant, so memoised views keep their props). */
const LESSON_COMMANDS: readonly CommandName[] = ['export'];

/** Recording mode: an intro card takes this share of its lesson's time, at most MAX_INTRO_SECONDS. */
const INTRO_SHARE = 0.2;
const MAX_INTRO_SECONDS = 6;
/** The explorer opened from the picker shows the factor for ten layers, the vanishing-gradients lesson's depth. */
const EXPLORER_DEPTH = 10;
/** At most this many lines of problems under the picker; the last says how many more there are. */
const MAX_WARNINGS = 3;

/** How every lesson's worker is set up, from the command line. */
export interface TrainingOptions {
	readonly seed?: number;
	readonly steps?: number;
	/** Snapshots per second the worker sends (the frame rate is enough). */
	readonly snapshotsPerSecond: number;
}

export interface AppProps {
	/** The lessons in the picker. */
	readonly scenarios: readonly Scenario[];
	/** The tour's chapters, in order (empty: no tour entry). */
	readonly chapters: readonly Scenario[];
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
	/** Where `w` saves an experiment: the working directory unless given (the first --dir). */
	readonly saveDir?: string;
}

/** The small default a new experiment starts from: `gradlab new`'s template, in both languages. */
export function blankExperiment(dir: string): Scenario {
	const file = path.join(dir, 'new-experiment.yaml');
	const scenario = parseScenario(templateScenario('New experiment', 'new-experiment.yaml'), file);
	return {...scenario, title: {en: 'New experiment', ko: '새 실험'}};
}

export function App(props: AppProps) {
	return (
		<UiContext language={props.language} size={useTerminalSize()}>
			<KeyInput>
				<Screens {...props} />
			</KeyInput>
		</UiContext>
	);
}

function Screens({scenarios, chapters, first, language, training, duration, warnings = [], start, saveDir}: AppProps) {
	const {exit} = useApp();
	// The app's props are fixed for its life: the store keeps the reducer it is made with.
	const reducer = useMemo(() => appReducer({scenarios, chapters: chapters.length, blank: blankExperiment(saveDir ?? process.cwd())}), []);
	const store = useOwnStore(reducer, () => initialAppState(first));
	const state = useStore(store);
	const {screen, visit} = state;
	const go = useCallback(
		(action: AppAction) => {
			const before = store.getState();
			store.dispatch(action);
			return moved(before, store.getState());
		},
		[store],
	);

	useEffect(() => {
		if (state.done) exit();
	}, [state.done, exit]);

	// Recording mode: an intro card stays up for a share of the lesson's time, then training
	// starts; training itself is paced by frames (see frames.ts) and ends the visit.
	const introSeconds = duration === undefined ? 0 : Math.min(MAX_INTRO_SECONDS, duration * INTRO_SHARE);
	// A visit that opened on an intro card (an edited experiment starts training at once).
	const carded = (screen.kind === 'tour' && screen.scenario === undefined) || (screen.kind === 'lesson' && screen.edited !== true && screen.scenario.intro !== undefined);
	useEffect(() => {
		if (duration === undefined || !(screen.kind === 'tour' || screen.kind === 'lesson') || screen.started) return;
		const timer = setTimeout(() => go({type: 'start'}), introSeconds * 1000);
		return () => clearTimeout(timer);
	}, [visit, duration, screen, introSeconds, go]);

	const chosen = screen.kind === 'lesson' ? screen.scenario : screen.kind === 'tour' ? (screen.scenario ?? chapters[screen.chapter]) : undefined;
	// An edited experiment has --seed and --steps in it already (the editor showed and kept them).
	const edited = (screen.kind === 'lesson' && screen.edited === true) || (screen.kind === 'tour' && screen.scenario !== undefined);
	// Run labels in the dashboard's language (headless output keeps the English ones).
	const scenario = useMemo(() => (chosen ? localizeLabels(chosen, language) : undefined), [chosen, language]);
	// One worker per visit: a new object only when the screen changes. Every lesson trains at its
	// own pace (scenario.speed), the one its captions were timed for.
	const init = useMemo<RunnerSetup | null>(
		() =>
			scenario
				? {
						scenario,
						options: edited ? {} : {seed: training.seed, steps: training.steps},
						snapshotsPerSecond: training.snapshotsPerSecond,
						speed: scenario.speed,
						paused: false,
						// A lesson that opens on a picture view (boundary, fit or images) wants its pictures from the first probe.
						boundary: PICTURE_VIEWS.includes(startingView(scenario)),
						frames: duration !== undefined,
					}
				: null,
		[visit, scenario, training, duration, edited],
	);
	const frames = useMemo(
		() => (scenario && duration !== undefined ? framePlan(scenario, scenario.speed, duration - (carded ? introSeconds : 0), training.snapshotsPerSecond, training.steps) : undefined),
		[visit, scenario, duration, carded, introSeconds, training],
	);
	const timeUp = useCallback(() => void go({type: 'timeUp'}), [go]);

	// Quit, back and chapter moves from a lesson or a chapter's card; read from the store, so a
	// second key in the same burst sees where the first one went.
	const onAppCommand = (command: Exclude<AppCommand, 'export'>): AppAnswer => {
		const now = store.getState().screen;
		// At either end of the tour, n / p say so instead of doing nothing.
		if (now.kind === 'tour' && command === 'nextChapter' && now.chapter + 1 >= chapters.length) return {notice: message('lastChapter', language)};
		if (now.kind === 'tour' && command === 'prevChapter' && now.chapter === 0) return {notice: message('firstChapter', language)};
		return go({type: command});
	};
	const quit = () => go({type: 'quit'});
	const onEdited = (edited: Scenario) => go({type: 'edited', scenario: edited});

	if (screen.kind === 'picker') return <Picker scenarios={scenarios} hasTour={chapters.length > 0} warnings={warnings} highlight={screen.highlight} onOpen={(key) => go({type: 'open', key})} onQuit={quit} />;
	if (screen.kind === 'templates') {
		const entries: PickerEntry[] = [{key: BLANK_KEY, title: word('blankEntry', language), summary: word('blankSummary', language)}, ...scenarioEntries(scenarios, language)];
		return <ScenarioPicker key={visit} entries={entries} heading={word('templatesHeading', language)} initialKey={screen.highlight} onOpen={(key) => go({type: 'template', key})} onQuit={quit} onBack={() => go({type: 'back'})} />;
	}
	if (screen.kind === 'editor') {
		const from = localizeLabels(withOverrides(screen.scenario, {seed: training.seed, steps: training.steps}), language);
		return <EditorScreen key={visit} scenario={from} onApply={onEdited} onCancel={() => go({type: 'back'})} onQuit={quit} />;
	}
	if (screen.kind === 'explorer') return <ExplorerScreen depth={EXPLORER_DEPTH} onBack={() => go({type: 'back'})} onQuit={quit} />;
	if (!init) return null;
	if (screen.kind === 'tour') {
		return (
			<TourScreen
				key={visit}
				init={init}
				titles={chapters.map((c) => c.title[language])}
				chapter={screen.chapter}
				started={screen.started}
				onStart={() => go({type: 'start'})}
				onAppCommand={onAppCommand}
				frames={frames}
				onFramesDone={timeUp}
				start={start}
				onEdited={onEdited}
				saveDir={saveDir}
				edited={edited}
			/>
		);
	}
	if (screen.kind === 'lesson' && !screen.started) return <IntroScreen key={visit} scenario={init.scenario} onStart={() => go({type: 'start'})} onAppCommand={onAppCommand} />;
	return <LessonScreen key={visit} init={init} enabled={LESSON_COMMANDS} onAppCommand={onAppCommand} frames={frames} onFramesDone={timeUp} start={start} onEdited={onEdited} saveDir={saveDir} edited={edited} />;
}

interface PickerProps {
	readonly scenarios: readonly Scenario[];
	readonly hasTour: boolean;
	readonly warnings: readonly string[];
	readonly highlight?: string;
	readonly onOpen: (key: string) => KeyAnswer;
	readonly onQuit: () => KeyAnswer;
}

/** The picker with the tour and the explorer as entries, and any problems listing lessons under it. */
function Picker({scenarios, hasTour, warnings, highlight, onOpen, onQuit}: PickerProps) {
	const theme = useTheme();
	const language = useLanguage();
	const shown = (key: WordKey) => asciiWord(key, language, theme.glyphs.ascii);
	const shownWarnings = warnings.map((w) => `${shown('skipped')}: ${w}`);
	if (shownWarnings.length > MAX_WARNINGS) shownWarnings.splice(MAX_WARNINGS - 1, Infinity, `${shown('skipped')}: +${warnings.length - (MAX_WARNINGS - 1)}`);
	const entries: PickerEntry[] = [
		...(hasTour ? [{key: TOUR_KEY, title: shown('tourEntry'), summary: shown('tourSummary')}] : []),
		...scenarioEntries(scenarios, language),
		{key: NEW_KEY, title: shown('newEntry'), summary: shown('newSummary')},
		{key: EXPLORER_KEY, title: shown('explorerEntry'), summary: shown('explorerSummary')},
	];
	const size = useSize();
	return (
		<Box flexDirection="column">
			<ScenarioPicker entries={entries} heading={shown('pickerHeading')} rows={size.rows - Math.min(warnings.length, MAX_WARNINGS)} initialKey={highlight} onOpen={onOpen} onQuit={onQuit} />
			{shownWarnings.map((w) => (
				<Text key={w} {...theme.roles.warn}>
					{truncate(w, size.columns, theme.glyphs.ellipsis)}
				</Text>
			))}
		</Box>
	);
}
