/** The training loop's timers on Node's event loop: the worker's, and the benches' that drive the real loop. */
import type {LoopTimers} from './loop.js';

export const NODE_TIMERS: LoopTimers = {
	after(ms, fn) {
		const timer = setTimeout(fn, ms);
		return () => clearTimeout(timer);
	},
	soon(fn) {
		const immediate = setImmediate(fn);
		return () => clearImmediate(immediate);
	},
};
