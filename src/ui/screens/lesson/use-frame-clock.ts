/**
 * Recording mode's clock: once per frame, if the worker has answered the last `advance`, asks it
 * for the next frame's steps; after the plan's last frame calls `onDone`. A slow machine makes
 * frames late, never different.
 */
import {useEffect, useRef} from 'react';
import type {Command, WorkerMessage} from '../../../runner/protocol.js';
import type {FramePlan} from './frames.js';

/** Returns the listener to call with every worker message (it notices the answers). */
export function useFrameClock(plan: FramePlan | undefined, send: (command: Command) => void, onDone: () => void): (message: WorkerMessage) => void {
	const answered = useRef(false);
	const frame = useRef(0);
	const done = useRef(onDone);
	done.current = onDone;
	useEffect(() => {
		if (!plan) return;
		const timer = setInterval(() => {
			if (!answered.current) return;
			if (frame.current >= plan.total) {
				clearInterval(timer);
				done.current();
				return;
			}
			answered.current = false;
			send({type: 'advance', steps: plan.stepsFor(frame.current)});
			frame.current++;
		}, 1000 / plan.fps);
		return () => clearInterval(timer);
	}, [plan, send]);
	return (message) => {
		if (message.type === 'snapshot' || message.type === 'error') answered.current = true;
	};
}
