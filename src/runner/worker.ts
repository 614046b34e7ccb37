/**
 * The training worker: a thin shell that builds the session from what the main thread prepared
 * and gives the loop Node's clock, timers and message port. The scheduling is in loop.ts.
 */
import {performance} from 'node:perf_hooks';
import {parentPort, workerData} from 'node:worker_threads';
import {SharedGate} from './gate.js';
import {TrainingLoop, errorText} from './loop.js';
import {NODE_TIMERS} from './node-timers.js';
import type {Command, WorkerInit, WorkerMessage} from './protocol.js';
import {Session} from './session.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const post = (message: WorkerMessage): void => port.postMessage(message);


try {
	const session = new Session(init.scenario, init.options, {inputs: init.inputs});
	const gate = init.gate ? new SharedGate(init.gate) : undefined;
	const loop = new TrainingLoop(session, init, {clock: () => performance.now(), post, timers: NODE_TIMERS, gate});
	port.on('message', (command: Command) => {
		loop.handle(command);
		// With the port closed and no timer left, the thread ends.
		if (command.type === 'quit') port.close();
	});
	loop.start();
} catch (error) {
	post({type: 'error', message: errorText(error)});
}
