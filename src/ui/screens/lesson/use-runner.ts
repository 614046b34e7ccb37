/**
 * Starts the training worker for one scenario, feeds its messages to a reducer's dispatch and
 * ends it when the component goes away (or the scenario changes). The UI's only door to training.
 */
import {useEffect, useRef} from 'react';
import {startRunner, type RunnerHandle} from '../../../runner/client.js';
import type {Command, WorkerMessage} from '../../../runner/protocol.js';
import type {RunnerSetup} from '../../../runner/client.js';

/** How to start a runner: the real worker by default; tests pass a fake. */
export type StartRunner = (init: RunnerSetup) => RunnerHandle;

/** Returns a stable `send` for commands; messages arrive through `onMessage`. */
export function useRunner(init: RunnerSetup, onMessage: (message: WorkerMessage) => void, start: StartRunner = startRunner): (command: Command) => void {
	const handle = useRef<RunnerHandle | null>(null);
	const listener = useRef(onMessage);
	listener.current = onMessage;
	useEffect(() => {
		const runner = start(init);
		handle.current = runner;
		const unsubscribe = runner.subscribe((message) => listener.current(message));
		return () => {
			unsubscribe();
			handle.current = null;
			void runner.stop();
		};
		// A new worker only for a new scenario or options object; the caller keeps `init` stable.
	}, [init, start]);
	const send = useRef((command: Command) => handle.current?.send(command));
	return send.current;
}
