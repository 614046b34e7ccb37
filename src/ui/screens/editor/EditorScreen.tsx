/**
 * The experiment editor. `EditorView` draws an editor's store: the runs with what differs between
 * them, the selected run's settings (each with its problem, as `gradlab check` words it, or
 * torch's default), a message line and the keys. A lesson hosts it over its dashboard and routes
 * its keys (LessonScreen); `EditorScreen` is the same editor on its own, for a new experiment
 * opened from the picker.
 */
import {Box, Text} from 'ink';
import type {Scenario} from '../../../scenarios/types.js';
import {HelpOverlay} from '../../dashboard/HelpOverlay.js';
import {useLanguage, useSize} from '../../kit/context.js';
import {displayWidth, padEnd, truncate, wrap} from '../../kit/format.js';
import {Panel} from '../../kit/Panel.js';
import {runColor, runMarker, useTheme} from '../../kit/theme.js';
import {TooSmall} from '../../kit/TooSmall.js';
import {asciiText} from '../../kit/ascii.js';
import {asciiWord, word} from '../../kit/words.js';
import {commandHint, fitHints, scopeHints} from '../../input/hints.js';
import {HintLine} from '../../input/HintLine.js';
import type {KeyAnswer} from '../../input/router.js';
import {type Store, useOwnStore, useStore} from '../../input/store.js';
import {useKeys} from '../../input/use-keys.js';
import {MESSAGE_LINES, editorLayout, fieldRows, labelWidth, messageText, runRows} from './editor-layout.js';
import {type EditorOutcome, editorScope, routeEditorKey} from './editor-keys.js';
import {type EditorAction, type EditorState, MAX_RUNS, currentFields, cursorIndex, editorReducer, initialEditorState} from './editor-state.js';

export type EditorStore = Store<EditorState, EditorAction>;

/** The longest field name column (longer names are cut). */
const MAX_NAME = 22;

export interface EditorViewProps {
	readonly store: EditorStore;
	/** The experiment's title, for the top line. */
	readonly title: string;
	/** Terminal rows left undrawn: Ink's spare row, a tour's chapter line. */
	readonly reservedRows?: number;
}

export function EditorView({store, title, reservedRows = 1}: EditorViewProps) {
	const state = useStore(store);
	const theme = useTheme();
	const language = useLanguage();
	const size = useSize();
	const g = theme.glyphs;
	const fields = currentFields(state);
	const layout = editorLayout(size, state.draft.runs.length, fields.length, cursorIndex(state, fields), reservedRows);
	const scope = state.typing ? 'typing' : 'editor';
	if (layout.tooSmall) return <TooSmall quit={commandHint(scope, 'quit', language, g.ascii)} />;
	const {columns} = size;
	const inner = columns - 2;
	const runs = runRows(state, language, g);
	const labels = labelWidth(runs);
	const rows = fieldRows(state, language, g).slice(layout.first, layout.first + layout.count);
	const nameWidth = Math.min(MAX_NAME, Math.max(...rows.map((r) => displayWidth(r.name))));
	const valueWidth = Math.min(Math.max(...rows.map((r) => displayWidth(r.value))), Math.floor((inner - 2 - nameWidth - 2) * 0.6));
	// --ascii: the editor's words and values are spelled in ASCII too (×10^¼ → x10^1/4 …).
	const plain = (text: string) => (g.ascii ? asciiText(text) : text);
	const message = messageText(state, language);
	const messageLines = wrap(plain(message.text), columns - 1, MESSAGE_LINES, g.ellipsis);
	const hints = fitHints(scopeHints(scope, language, {ascii: g.ascii}), columns - 1, g.separator);
	const selected = runs[state.run];
	const heading = plain(` gradlab ${g.separator} ${word('edit', language)} ${g.separator} ${title}`);
	const count = fields.length;
	const window = count > layout.count ? `  ${layout.first + 1}-${layout.first + layout.count}/${count}` : '';
	return (
		<Box flexDirection="column" width={columns} height={size.rows - reservedRows}>
			<Text bold wrap="truncate-end">
				{truncate(heading, columns, g.ellipsis)}
			</Text>
			{state.helpOpen ? (
				<HelpOverlay width={columns} height={layout.runsHeight + layout.fieldsHeight} scope="editor" />
			) : (
				<>
					<Panel title={`${asciiWord('runs', language, g.ascii)} ${state.draft.runs.length}/${MAX_RUNS}`} width={columns} height={layout.runsHeight}>
						{runs.map((run) => (
							<Text key={run.run} wrap="truncate-end">
								<Text {...theme.roles.accent}>{run.selected ? (g.ascii ? '>' : '❯') : ' '}</Text>
								<Text color={runColor(theme, run.run)} bold>
									{`${runMarker(theme, run.run)} ${padEnd(run.label, labels, g.ellipsis)}`}
								</Text>
								<Text {...(run.invalid ? theme.roles.bad : theme.roles.dim)}>{`  ${run.invalid ? `${g.diverged} ` : ''}${truncate(plain(run.detail), Math.max(0, inner - labels - 6), g.ellipsis)}`}</Text>
							</Text>
						))}
					</Panel>
					<Panel title={`${selected?.label ?? ''} ${g.separator} ${asciiWord('settings', language, g.ascii)}${window}`} width={columns} height={layout.fieldsHeight}>
						{rows.map((row) => {
							const pointer = row.selected ? (g.ascii ? '> ' : '❯ ') : '  ';
							const value = padEnd(plain(row.value), valueWidth, g.ellipsis);
							const note = truncate(plain(row.note), Math.max(0, inner - 2 - nameWidth - 2 - valueWidth - 2), g.ellipsis);
							return (
								<Text key={row.key} wrap="truncate-end">
									<Text {...theme.roles.accent}>{pointer}</Text>
									<Text {...(row.selected ? theme.roles.accent : theme.roles.text)}>{padEnd(row.name, nameWidth, g.ellipsis)}</Text>
									{'  '}
									<Text {...(row.problem ? theme.roles.bad : row.selected ? theme.roles.accent : theme.roles.text)}>{value}</Text>
									{'  '}
									<Text {...(row.problem ? theme.roles.bad : theme.roles.dim)}>{note}</Text>
								</Text>
							);
						})}
					</Panel>
				</>
			)}
			<Box flexDirection="column" height={MESSAGE_LINES}>
				{messageLines.map((line, k) => (
					<Text key={k} {...theme.roles[message.role]}>
						{` ${line}`}
					</Text>
				))}
			</Box>
			<HintLine hints={hints} />
		</Box>
	);
}

export interface EditorScreenProps {
	/** The experiment to start from (a template or a lesson). */
	readonly scenario: Scenario;
	/** s on a form without problems: train the edited experiment. */
	readonly onApply: (scenario: Scenario) => KeyAnswer;
	/** Esc: back, changing nothing. */
	readonly onCancel: () => KeyAnswer;
	readonly onQuit: () => KeyAnswer;
}

/** The editor as a screen of its own (a new experiment from the picker). */
export function EditorScreen({scenario, onApply, onCancel, onQuit}: EditorScreenProps) {
	const language = useLanguage();
	const store = useOwnStore(editorReducer, () => initialEditorState(scenario));
	useKeys({scope: () => editorScope(store.getState())}, (command, press) => {
		const routed = routeEditorKey(store.getState(), command, press);
		if (routed.action) store.dispatch(routed.action);
		return routed.outcome ? finish(routed.outcome) : undefined;
	});
	const finish = (outcome: EditorOutcome): KeyAnswer => {
		if (outcome === 'cancel') return onCancel();
		if (outcome === 'quit') return onQuit();
		return onApply(outcome.apply);
	};
	return <EditorView store={store} title={scenario.title[language]} />;
}
