/**
 * One chapter of the guided tour: the chapter list on top, then the intro card until Enter or
 * space (or, when recording, a few seconds), then the live lesson. n / p move between chapters.
 */
import {Box, useInput} from 'ink';
import type {RunnerSetup} from '../../../runner/client.js';
import type {Language} from '../../../scenarios/types.js';
import {ChapterList} from './ChapterList.js';
import type {FramePlan} from '../lesson/frames.js';
import type {TerminalSize} from '../../kit/use-terminal-size.js';
import type {StartRunner} from '../lesson/use-runner.js';
import {IntroCard} from './IntroCard.js';
import type {CommandName} from '../../input/keymap.js';
import {type AppCommand, LessonScreen} from '../lesson/LessonScreen.js';

export interface TourScreenProps {
	/** The chapter's worker set-up (stable per visit). */
	readonly init: RunnerSetup;
	/** Every chapter's title, for the chapter list. */
	readonly titles: readonly string[];
	readonly chapter: number;
	/** False while the intro card shows. */
	readonly started: boolean;
	readonly language: Language;
	readonly size: TerminalSize;
	/** Intro → training. */
	readonly onStart: () => void;
	/** Quit, back and chapter moves (see LessonScreen). */
	readonly onAppCommand: (command: AppCommand) => string | void;
	/** Recording mode (see LessonScreen). */
	readonly frames?: FramePlan;
	readonly onFramesDone?: () => void;
	readonly start?: StartRunner;
}

/** The optional commands a chapter offers (a constant, so memoised views keep their props). */
const TOUR_COMMANDS: readonly CommandName[] = ['nextChapter', 'prevChapter', 'export'];

/** The chapter list's one line above everything. */
const HEADER_ROWS = 1;

export function TourScreen(props: TourScreenProps) {
	const {init, titles, chapter, started, language, size} = props;
	useInput(
		(input, key) => {
			if (key.return || input === ' ') props.onStart();
			else if (input === 'n') props.onAppCommand('nextChapter');
			else if (input === 'p') props.onAppCommand('prevChapter');
			else if (input === 'b' || key.escape) props.onAppCommand('back');
			else if (input === 'q' || (key.ctrl && input === 'c')) props.onAppCommand('quit');
		},
		{isActive: !started},
	);
	const header = <ChapterList titles={titles} current={chapter} width={size.columns} language={language} />;
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
					language={language}
					size={size}
					reservedRows={1 + HEADER_ROWS}
				/>
			</Box>
		);
	}
	return (
		<LessonScreen
			init={init}
			language={language}
			size={size}
			enabled={TOUR_COMMANDS}
			onAppCommand={props.onAppCommand}
			header={{node: header, rows: HEADER_ROWS}}
			frames={props.frames}
			onFramesDone={props.onFramesDone}
			start={props.start}
		/>
	);
}
