/**
 * A recording on the dashboard (`gradlab view RUNS.jsonl`): the lesson's dashboard over recorded
 * steps instead of a worker, the arrows moving through them. Its own root (the language, the
 * size, the one input path), as the App is a lesson's.
 */
import {useApp} from 'ink';
import {useMemo} from 'react';
import type {Recording} from '../../../records/read.js';
import type {Language} from '../../../scenarios/types.js';
import {Dashboard} from '../../dashboard/Dashboard.js';
import {UiContext, useLanguage} from '../../kit/context.js';
import {useTheme} from '../../kit/theme.js';
import {recordedText} from '../../kit/words.js';
import {asciiText} from '../../kit/ascii.js';
import {useTerminalSize} from '../../kit/use-terminal-size.js';
import {useOwnStore, useStore} from '../../input/store.js';
import {KeyInput, useKeys} from '../../input/use-keys.js';
import {initialReplayState, replayReducer, replayScenario} from './replay-state.js';

/** Rows left empty at the bottom, as under a lesson (a frame as tall as the terminal makes Ink clear the screen). */
const SPARE_ROWS = 1;

export interface ReplayScreenProps {
	readonly recording: Recording;
	/** The file's name: the dashboard's title. */
	readonly name: string;
	/** q or Ctrl-C. */
	readonly onQuit: () => void;
}

export function ReplayScreen({recording, name, onQuit}: ReplayScreenProps) {
	const language = useLanguage();
	const ascii = useTheme().glyphs.ascii;
	const store = useOwnStore(replayReducer, () => initialReplayState(recording, name));
	const state = useStore(store);
	// The store has every key's effect by the time the next key is read, however they arrived.
	useKeys({scope: () => (store.getState().dashboard.helpOpen ? 'help' : 'replay')}, (command) => {
		if (command === 'quit') return onQuit();
		store.dispatch(command);
	});
	const scenario = useMemo(() => replayScenario(name), [name]);
	const lastStep = state.steps.at(-1) ?? 0;
	const notice = recordedText(recording.runs.length, state.steps[0] ?? 0, lastStep, language);
	return <Dashboard state={state.dashboard} scenario={scenario} reservedRows={SPARE_ROWS} replay={{lastStep}} notice={ascii ? asciiText(notice) : notice} />;
}

export interface ReplayAppProps {
	readonly recording: Recording;
	readonly name: string;
	readonly language: Language;
}

/** The whole interactive app for `gradlab view`. */
export function ReplayApp({recording, name, language}: ReplayAppProps) {
	const {exit} = useApp();
	return (
		<UiContext language={language} size={useTerminalSize()}>
			<KeyInput>
				<ReplayScreen recording={recording} name={name} onQuit={exit} />
			</KeyInput>
		</UiContext>
	);
}
