/** Waiting on a real worker in tests. */
import type {RunnerHandle} from '../../src/runner/client.js';
import type {WorkerMessage} from '../../src/runner/protocol.js';

/** Resolves with the first message that satisfies `test`. */
export function next(runner: RunnerHandle, test: (m: WorkerMessage) => boolean, timeoutMs = 5000): Promise<WorkerMessage> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('timed out waiting for the worker')), timeoutMs);
		const off = runner.subscribe((m) => {
			if (!test(m)) return;
			clearTimeout(timer);
			off();
			resolve(m);
		});
	});
}
