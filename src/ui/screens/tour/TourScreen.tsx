/**
 * One chapter of the guided tour: the chapter list on top, then the intro card until Enter or
 * space (or, when recording, a few seconds), then the live lesson. n / p move between chapters.
 */
import type {RunnerSetup} from '../../../runner/client.js';
import type {AppCommand} from '../../dashboard/routing.js';
import {useSize} from '../../kit/context.js';
import type {CommandName} from '../../input/keymap.js';
import type {KeyAnswer} from '../../input/router.js';
import type {FramePlan} from '../lesson/frames.js';
import {LessonScreen, type LessonScreenProps} from '../lesson/LessonScreen.js';
import type {StartRunner} from '../lesson/use-runner.js';
import type {AppAnswer} from '../navigation.js';
import {ChapterList} from './ChapterList.js';
import {IntroScreen} from './IntroScreen.js';

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
	const size = useSize();
	const header = <ChapterList titles={titles} current={chapter} width={size.columns} />;
	if (!started) {
		return (
			<IntroScreen
				scenario={init.scenario}
				place={{chapter, chapters: titles.length}}
				header={{node: header, rows: HEADER_ROWS}}
				onStart={props.onStart}
				onAppCommand={props.onAppCommand}
			/>
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
