/**
 * One lesson, live: starts its worker, folds the worker's messages and the keys' commands into
 * one dashboard store, and tells the worker and the app what the keys mean. It keeps the
 * experiment it trains as data (experiment.ts), so `w` saves exactly that, the lr keys change a
 * run as it trains, and `c` opens the editor over it (training pauses meanwhile); applying the
 * edit is the App's, which starts the lesson again from the edited scenario. Drawing is the
 * Dashboard's and the editor's job; navigation is the App's.
 */
import path from 'node:path';
import {Box} from 'ink';
import {type ReactNode, useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {Command, WorkerMessage} from '../../../runner/protocol.js';
import type {RunnerSetup} from '../../../runner/client.js';
import {WriteProblem} from '../../../scenarios/atomic.js';
import {displayPath} from '../../../scenarios/errors.js';
import {saveScenario} from '../../../scenarios/save.js';
import type {Scenario} from '../../../scenarios/types.js';
import {Dashboard} from '../../dashboard/Dashboard.js';
import {captionSwitch} from '../../dashboard/follow.js';
import {initialPacedState, pacedReducer, panelEvery} from '../../dashboard/panel-rate.js';
import {type AppCommand, routeCommand} from '../../dashboard/routing.js';
import {initialDashboardState, keyScope} from '../../dashboard/state.js';
import {watchFor} from '../../dashboard/watch.js';
import {writeExport} from '../../export-history.js';
import {useLanguage, useSize} from '../../kit/context.js';
import {exportFailedText, exportedText, saveFailedText, writeFailureText} from '../../kit/words.js';
import type {CommandName, Scope} from '../../input/keymap.js';
import type {KeyAnswer} from '../../input/router.js';
import {createStore, useOwnStore, useStore} from '../../input/store.js';
import {useKeys} from '../../input/use-keys.js';
import {differenceTexts, draftOf} from '../editor/draft.js';
import {editorScope, routeEditorKey} from '../editor/editor-keys.js';
import {editorReducer, initialEditorState} from '../editor/editor-state.js';
import {type EditorStore, EditorView} from '../editor/EditorScreen.js';
import type {AppAnswer} from '../navigation.js';
import {type LiveRequest, type Pending, liveChange, recordSetPoints, settle, startingExperiment, takenText} from './experiment.js';
import type {FramePlan} from './frames.js';
import {useFrameClock} from './use-frame-clock.js';
import {useNotice} from './use-notice.js';
import {type StartRunner, useRunner} from './use-runner.js';

/** Rows left empty at the bottom: a frame as tall as the terminal makes Ink clear the screen on every frame. */
const SPARE_ROWS = 1;

const noop = (): void => {};

export interface LessonScreenProps {
	/** What the worker trains; keep the object stable, a new one starts a new worker. */
	readonly init: RunnerSetup;
	/** Optional commands this screen offers (chapters on a tour, export). */
	readonly enabled?: readonly CommandName[];
	/** Quit, back and chapter moves. */
	readonly onAppCommand: (command: Exclude<AppCommand, 'export'>) => AppAnswer;
	/** Lines drawn above the dashboard (the tour's chapter list) and how many rows they take. */
	readonly header?: {readonly node: ReactNode; readonly rows: number};
	/** Recording mode: frames pace the training (`init.frames` must be set), then `onFramesDone`. */
	readonly frames?: FramePlan;
	readonly onFramesDone?: () => void;
	/** Starts the worker; tests pass a fake. */
	readonly start?: StartRunner;
	/** The editor's `s`: train this scenario from its seed instead (the App starts it). */
	readonly onEdited?: (scenario: Scenario) => AppAnswer;
	/** Where `w` saves the experiment (the working directory, or the first --dir). */
	readonly saveDir?: string;
	/** The experiment came from the editor: the legend says what differs between its runs, as the editor did. */
	readonly edited?: boolean;
}

/** The lr and momentum keys, as live changes. */
const LIVE: Partial<Readonly<Record<CommandName, LiveRequest>>> = {
	lrUp: {what: 'lr', by: 1},
	lrDown: {what: 'lr', by: -1},
	momentumUp: {what: 'momentum', by: 1},
	momentumDown: {what: 'momentum', by: -1},
};

/** The editor over the lesson, and whether training ran before it opened (it resumes on Esc). */
interface OpenEditor {
	readonly store: EditorStore;
	readonly resume: boolean;
}

export function LessonScreen({init, enabled, onAppCommand, header, frames, onFramesDone, start, onEdited, saveDir, edited = false}: LessonScreenProps) {
	const language = useLanguage();
	const store = useOwnStore(pacedReducer(panelEvery(init.snapshotsPerSecond)), () => initialPacedState(initialDashboardState(init.scenario, {speed: init.speed, paused: init.paused})));
	const paced = useStore(store);
	const {columns} = useSize();
	const clock = useRef<(message: WorkerMessage) => void>(() => {});
	const follow = useRef(noop);
	// What is trained, as the worker reports it, and the live values it has not reported yet.
	const experiment = useRef<Scenario | null>(null);
	experiment.current ??= startingExperiment(init);
	const pending = useRef<Pending>([]);
	// What the worker computes for the view on screen follows the state; sent at once when it changes, so in order with the frames.
	// It starts with what the worker was told at start (a lesson may open on the inspector: then the first sync sends it).
	const watched = useRef(JSON.stringify({boundary: init.boundary ?? false}));
	const sendRef = useRef<(command: Command) => void>(() => {});
	const columnsRef = useRef(columns);
	columnsRef.current = columns;
	const syncWatch = useCallback(() => {
		const watch = watchFor(store.getState().live, columnsRef.current);
		const key = JSON.stringify(watch);
		if (key === watched.current) return;
		watched.current = key;
		sendRef.current({type: 'watch', ...watch});
	}, [store]);
	const [notice, show] = useNotice();
	const onMessage = useCallback(
		(message: WorkerMessage) => {
			clock.current(message);
			if (message.type === 'snapshot') {
				experiment.current = recordSetPoints(experiment.current!, message.runs);
				const settled = settle(pending.current, message.runs, experiment.current);
				pending.current = settled.pending;
				// The step the worker took a live change at, from the values the runs used before it.
				if (settled.taken.length > 0) show(takenText(settled.taken, store.getState().live.runs.map((r) => r.state), language));
			}
			if (message.type === 'reset') pending.current = [];
			store.dispatch(message);
			follow.current();
			syncWatch();
		},
		[store, syncWatch, show, language],
	);
	const send = useRunner(init, onMessage, start);
	sendRef.current = send;
	useEffect(syncWatch, [columns, syncWatch]);
	clock.current = useFrameClock(frames, send, onFramesDone ?? noop);
	// A caption that names a view shows it as the caption appears: in the same message's handling,
	// so a recording asks the worker for what the view needs (syncWatch, next) before the next frame's steps.
	follow.current = () => {
		const live = store.getState().live;
		const view = captionSwitch(live, init.scenario, columnsRef.current);
		if (view !== null) store.dispatch({type: 'show', view});
	};
	// Without the lr: the legend shows the one each run uses now (a live change or a schedule moves it).
	const differs = useMemo(() => (edited ? differenceTexts(draftOf(init.scenario), language, ['lr']) : []), [edited, init, language]);
	const exportRuns = (): string => {
		try {
			const files = writeExport(init.scenario, store.getState().live.runs, process.cwd());
			return exportedText([path.basename(files.csv), '.jsonl'], language);
		} catch (error) {
			// WriteProblem names the file that failed (both files or neither are written).
			const reason = error instanceof WriteProblem ? writeFailureText(path.basename(error.file), error.code, error.reason, language) : error instanceof Error ? error.message : String(error);
			return exportFailedText(reason, language);
		}
	};
	const saveRuns = (): string => {
		try {
			const file = saveScenario(experiment.current!, saveDir ?? process.cwd(), [`Saved by gradlab from "${init.scenario.title.en}", as it was trained (live changes included).`]);
			return exportedText([displayPath(file)], language);
		} catch (error) {
			return saveFailedText(error instanceof Error ? error.message : String(error), language);
		}
	};
	const sendAll = (commands: readonly Command[]) => {
		for (const command of commands) send(command);
	};
	const changeLive = (request: LiveRequest): string => {
		const {live} = store.getState();
		const result = liveChange(experiment.current!, live.runs.map((r) => r.state), pending.current, live.focus, request, language);
		pending.current = result.pending;
		sendAll(result.commands);
		return result.notice;
	};

	// The editor over the lesson: a ref for the keys (each sees the one before), state for drawing.
	const editor = useRef<OpenEditor | null>(null);
	const [shownEditor, setShownEditor] = useState<OpenEditor | null>(null);
	const setEditor = (open: OpenEditor | null) => {
		editor.current = open;
		setShownEditor(open);
	};
	const openEditor = () => {
		const running = !store.getState().live.paused;
		if (running) store.dispatch({type: 'pausing', paused: true});
		if (running) send({type: 'pause'});
		setEditor({store: createStore(editorReducer, initialEditorState(experiment.current!)), resume: running});
	};
	const onEditorKey = (open: OpenEditor, command: CommandName, press: Parameters<typeof routeEditorKey>[2]): KeyAnswer => {
		const routed = routeEditorKey(open.store.getState(), command, press);
		if (routed.action) open.store.dispatch(routed.action);
		const outcome = routed.outcome;
		if (outcome === undefined) return;
		if (outcome === 'quit') {
			send({type: 'quit'});
			const answer = onAppCommand('quit');
			return answer === 'moved' ? answer : undefined;
		}
		if (outcome === 'cancel') {
			setEditor(null);
			if (open.resume) store.dispatch({type: 'pausing', paused: false});
			if (open.resume) send({type: 'resume'});
			return;
		}
		const answer = onEdited?.(outcome.apply);
		return answer === 'moved' ? answer : undefined;
	};

	// The store has every key's effect by the time the next key is read, however they arrived.
	const scope = (): Scope => {
		if (editor.current) return editorScope(editor.current.store.getState());
		return keyScope(store.getState().live);
	};
	useKeys({scope, enabled}, (command, press) => {
		if (editor.current) return onEditorKey(editor.current, command, press);
		if (command === 'edit') return openEditor();
		if (command === 'save') return show(saveRuns());
		const request = LIVE[command];
		if (request) return show(changeLive(request));
		const routed = routeCommand(store.getState().live, command);
		if (routed.action) store.dispatch(routed.action);
		if (routed.worker) send(routed.worker);
		syncWatch();
		if (routed.app === 'export') return show(exportRuns());
		if (routed.app) {
			const answer = onAppCommand(routed.app);
			if (answer === 'moved') return answer;
			if (answer) show(answer.notice);
		}
	});
	return (
		<Box flexDirection="column">
			{header?.node}
			{shownEditor ? (
				<EditorView store={shownEditor.store} title={init.scenario.title[language]} reservedRows={SPARE_ROWS + (header?.rows ?? 0)} />
			) : (
				<Dashboard state={paced.panel} live={paced.live} scenario={init.scenario} enabled={enabled} reservedRows={SPARE_ROWS + (header?.rows ?? 0)} notice={notice} differs={differs} />
			)}
		</Box>
	);
}
