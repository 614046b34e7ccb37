/**
 * Starts the training worker for one scenario, feeds its messages to a reducer's dispatch and
 * ends it when the component goes away (or the scenario changes). The UI's only door to training.
 */
import {useEffect, useRef} from 'react';
import {type RunnerHandle, type RunnerSetup, startRunner} from '../../../runner/client.js';
import type {Command, WorkerMessage} from '../../../runner/protocol.js';

/** How to start a runner: the real worker by default; tests pass a fake. */
export type StartRunner = (init: RunnerSetup) => RunnerHandle;

/**
 * Returns a stable `send` for commands; messages arrive through `onMessage`. Commands sent before
 * the worker starts (keys typed with the one that opened the lesson, handed on as it mounts) are
 * kept and sent once it has.
 */
export function useRunner(init: RunnerSetup, onMessage: (message: WorkerMessage) => void, start: StartRunner = startRunner): (command: Command) => void {
	const handle = useRef<RunnerHandle | null>(null);
	const early = useRef<Command[]>([]);
	const listener = useRef(onMessage);
	listener.current = onMessage;
	useEffect(() => {
		const runner = start(init);
		handle.current = runner;
		const unsubscribe = runner.subscribe((message) => listener.current(message));
		for (const command of early.current.splice(0)) runner.send(command);
		return () => {
			unsubscribe();
			handle.current = null;
			void runner.stop();
		};
		// A new worker only for a new scenario or options object; the caller keeps `init` stable.
	}, [init, start]);
	const send = useRef((command: Command) => {
		if (handle.current) handle.current.send(command);
		else early.current.push(command);
	});
	return send.current;
}
