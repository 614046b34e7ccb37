/**
 * One chapter of the guided tour: the chapter list on top, then the intro card until Enter or
 * space (or, when recording, a few seconds), then the live lesson. n / p move between chapters.
 */
import {Box} from 'ink';
import type {RunnerSetup} from '../../../runner/client.js';
import type {AppCommand} from '../../dashboard/routing.js';
import {useLanguage, useSize} from '../../kit/context.js';
import type {CommandName} from '../../input/keymap.js';
import type {KeyAnswer} from '../../input/router.js';
import {useKeys} from '../../input/use-keys.js';
import type {FramePlan} from '../lesson/frames.js';
import {LessonScreen, type LessonScreenProps} from '../lesson/LessonScreen.js';
import type {StartRunner} from '../lesson/use-runner.js';
import type {AppAnswer} from '../navigation.js';
import {ChapterList} from './ChapterList.js';
import {IntroCard} from './IntroCard.js';

export interface TourScreenProps {
	/** The chapter's worker set-up (stable per visit). */
	readonly init: RunnerSetup;
	/** Every chapter's title, for the chapter list. */
	readonly titles: readonly string[];
	readonly chapter: number;
	/** False while the intro card shows. */
	readonly started: boolean;
	/** Intro → training. */
	readonly onStart: () => KeyAnswer;
	/** Quit, back and chapter moves (see LessonScreen). */
	readonly onAppCommand: (command: Exclude<AppCommand, 'export'>) => AppAnswer;
	/** Recording mode (see LessonScreen). */
	readonly frames?: FramePlan;
	readonly onFramesDone?: () => void;
	readonly start?: StartRunner;
	/** The editor's `s` (see LessonScreen). */
	readonly onEdited?: LessonScreenProps['onEdited'];
	readonly saveDir?: string;
	/** The chapter was edited (see LessonScreen). */
	readonly edited?: boolean;
}

/** The optional commands a chapter offers (a constant, so memoised views keep their props). */
const TOUR_COMMANDS: readonly CommandName[] = ['nextChapter', 'prevChapter', 'export'];

/** The chapter list's one line above everything. */
const HEADER_ROWS = 1;

export function TourScreen(props: TourScreenProps) {
	const {init, titles, chapter, started} = props;
	const language = useLanguage();
	const size = useSize();
	useKeys({scope: 'intro', active: !started}, (command) => {
		switch (command) {
			case 'start':
				return props.onStart();
			case 'nextChapter':
			case 'prevChapter':
			case 'back':
			case 'quit': {
				// The card has no room for a notice: at either end of the tour n / p do nothing.
				const answer = props.onAppCommand(command);
				return answer === 'moved' ? answer : undefined;
			}
		}
	});
	const header = <ChapterList titles={titles} current={chapter} width={size.columns} />;
	if (!started) {
		const scenario = init.scenario;
		return (
			<Box flexDirection="column">
				{header}
				<IntroCard
					title={scenario.title[language]}
					intro={scenario.intro?.[language] ?? scenario.summary[language]}
					chapter={chapter}
					chapters={titles.length}
					reservedRows={1 + HEADER_ROWS}
				/>
			</Box>
		);
	}
	return (
		<LessonScreen
			init={init}
			enabled={TOUR_COMMANDS}
			onAppCommand={props.onAppCommand}
			header={{node: header, rows: HEADER_ROWS}}
			frames={props.frames}
			onFramesDone={props.onFramesDone}
			start={props.start}
			onEdited={props.onEdited}
			saveDir={props.saveDir}
			edited={props.edited}
		/>
	);
}
