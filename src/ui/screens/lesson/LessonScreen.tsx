/**
 * One lesson, live: starts its worker, folds the worker's messages and the keys' commands into
 * one dashboard store, and tells the worker and the app what the keys mean. Drawing is the
 * Dashboard's job; navigation is the App's.
 */
import path from 'node:path';
import {Box} from 'ink';
import {type ReactNode, useCallback, useRef} from 'react';
import type {WorkerMessage} from '../../../runner/protocol.js';
import type {RunnerSetup} from '../../../runner/client.js';
import {Dashboard} from '../../dashboard/Dashboard.js';
import {captionSwitch} from '../../dashboard/follow.js';
import {initialPacedState, pacedReducer, panelEvery} from '../../dashboard/panel-rate.js';
import {type AppCommand, routeCommand, watchChange} from '../../dashboard/routing.js';
import {initialDashboardState} from '../../dashboard/state.js';
import {writeExport} from '../../export-history.js';
import {useLanguage, useSize} from '../../kit/context.js';
import {exportFailedText, exportedText} from '../../kit/words.js';
import type {CommandName} from '../../input/keymap.js';
import {useOwnStore, useStore} from '../../input/store.js';
import {useKeys} from '../../input/use-keys.js';
import type {AppAnswer} from '../navigation.js';
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
}

export function LessonScreen({init, enabled, onAppCommand, header, frames, onFramesDone, start}: LessonScreenProps) {
	const language = useLanguage();
	const columns = useRef(0);
	columns.current = useSize().columns;
	const store = useOwnStore(pacedReducer(panelEvery(init.snapshotsPerSecond)), () => initialPacedState(initialDashboardState(init.scenario, {speed: init.speed, paused: init.paused})));
	const paced = useStore(store);
	const clock = useRef<(message: WorkerMessage) => void>(() => {});
	const follow = useRef(noop);
	const onMessage = useCallback(
		(message: WorkerMessage) => {
			clock.current(message);
			store.dispatch(message);
			follow.current();
		},
		[store],
	);
	const send = useRunner(init, onMessage, start);
	clock.current = useFrameClock(frames, send, onFramesDone ?? noop);
	// A caption that names a view shows it as the caption appears: in the same message's handling,
	// so a recording asks the worker for what the view needs before the next frame's steps.
	follow.current = () => {
		const live = store.getState().live;
		const view = captionSwitch(live, init.scenario, columns.current);
		if (view === null) return;
		store.dispatch({type: 'show', view});
		const watch = watchChange(live.view, view);
		if (watch) send(watch);
	};
	const [notice, show] = useNotice();
	const exportRuns = (): string => {
		try {
			const files = writeExport(init.scenario, store.getState().live.runs, process.cwd());
			return exportedText([path.basename(files.csv), '.jsonl'], language);
		} catch (error) {
			return exportFailedText(error instanceof Error ? error.message : String(error), language);
		}
	};
	// The store has every key's effect by the time the next key is read, however they arrived.
	const scope = () => (store.getState().live.helpOpen ? 'help' : 'lesson');
	useKeys({scope, enabled}, (command) => {
		const routed = routeCommand(store.getState().live, command);
		if (routed.action) store.dispatch(routed.action);
		if (routed.worker) send(routed.worker);
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
			<Dashboard state={paced.panel} live={paced.live} scenario={init.scenario} enabled={enabled} reservedRows={SPARE_ROWS + (header?.rows ?? 0)} notice={notice} />
		</Box>
	);
}
