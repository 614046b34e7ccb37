/**
 * One lesson, live: starts its worker, folds the worker's messages into the dashboard state and
 * turns key presses into commands. Drawing is the Dashboard's job; navigation is the App's.
 */
import path from 'node:path';
import {Box, useInput} from 'ink';
import {type ReactNode, useCallback, useMemo, useReducer, useRef} from 'react';
import type {WorkerMessage} from '../../../runner/protocol.js';
import type {RunnerSetup} from '../../../runner/client.js';
import type {Language} from '../../../scenarios/types.js';
import {Dashboard} from '../../dashboard/Dashboard.js';
import {type Routed, dashboardReducer, initialDashboardState, routeCommand} from '../../dashboard/state.js';
import {initialPacedState, pacedReducer, panelEvery} from '../../dashboard/panel-rate.js';
import type {TerminalSize} from '../../kit/use-terminal-size.js';
import {useFrameClock} from './use-frame-clock.js';
import {type StartRunner, useRunner} from './use-runner.js';
import {writeExport} from '../../export-history.js';
import type {FramePlan} from './frames.js';
import {useNotice} from './use-notice.js';
import {exportFailedText, exportedText} from '../../kit/words.js';
import {type CommandName, KEYMAP, isAvailable, matchCommand} from '../../input/keymap.js';

/** Rows left empty at the bottom: a frame as tall as the terminal makes Ink clear the screen on every frame. */
const SPARE_ROWS = 1;

const noop = (): void => {};

/** The commands a lesson hands up to the app. */
export type AppCommand = NonNullable<Routed['app']>;

export interface LessonScreenProps {
	/** What the worker trains; keep the object stable, a new one starts a new worker. */
	readonly init: RunnerSetup;
	readonly language: Language;
	readonly size: TerminalSize;
	/** Optional commands this screen offers (chapters on a tour, export). */
	readonly enabled?: readonly CommandName[];
	/** Quit, back and chapter moves; may answer with a notice to show ("this is the last chapter"). */
	readonly onAppCommand: (command: AppCommand) => string | void;
	/** Lines drawn above the dashboard (the tour's chapter list) and how many rows they take. */
	readonly header?: {readonly node: ReactNode; readonly rows: number};
	/** Recording mode: frames pace the training (`init.frames` must be set), then `onFramesDone`. */
	readonly frames?: FramePlan;
	readonly onFramesDone?: () => void;
	/** Starts the worker; tests pass a fake. */
	readonly start?: StartRunner;
}

export function LessonScreen({init, language, size, enabled, onAppCommand, header, frames, onFramesDone, start}: LessonScreenProps) {
	const reducer = useMemo(() => pacedReducer(panelEvery(init.snapshotsPerSecond)), [init.snapshotsPerSecond]);
	const [paced, dispatch] = useReducer(reducer, init.scenario, (scenario) => initialPacedState(initialDashboardState(scenario, {speed: init.speed, paused: init.paused})));
	const state = paced.live;
	const clock = useRef<(message: WorkerMessage) => void>(() => {});
	const onMessage = useCallback((message: WorkerMessage) => {
		clock.current(message);
		dispatch(message);
	}, []);
	const send = useRunner(init, onMessage, start);
	clock.current = useFrameClock(frames, send, onFramesDone ?? noop);
	// Keys and export read the newest state, whichever render their closure came from.
	const latest = useRef(state);
	latest.current = state;
	const [notice, show] = useNotice();
	const exportRuns = (): string => {
		try {
			const files = writeExport(init.scenario, latest.current.runs, process.cwd());
			return exportedText([path.basename(files.csv), '.jsonl'], language);
		} catch (error) {
			return exportFailedText(error instanceof Error ? error.message : String(error), language);
		}
	};
	useInput((input, key) => {
		const command = matchCommand(input, key);
		if (command === null) return;
		const entry = KEYMAP.find((e) => e.command === command);
		if (entry && !isAvailable(entry, enabled)) return;
		const routed = routeCommand(latest.current, command);
		if (routed.action) {
			dispatch(routed.action);
			// Keys that arrive in one read run before the next render: the next key must see this one's effect.
			latest.current = dashboardReducer(latest.current, routed.action);
		}
		if (routed.worker) send(routed.worker);
		if (routed.app === 'export') show(exportRuns());
		else if (routed.app) show(onAppCommand(routed.app));
	});
	return (
		<Box flexDirection="column">
			{header?.node}
			<Dashboard
				state={paced.panel}
				live={state}
				scenario={init.scenario}
				language={language}
				size={size}
				enabled={enabled}
				reservedRows={SPARE_ROWS + (header?.rows ?? 0)}
				notice={notice}
			/>
		</Box>
	);
}
