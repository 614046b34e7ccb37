/** Turns any error into a message and an exit code: no stack traces for mistakes a user can fix. */
import {CsvError} from '../core/data/index.js';
import {RecordError} from '../records/read.js';
import {WriteProblem} from '../scenarios/atomic.js';
import {ScenarioError} from '../scenarios/errors.js';
import {UsageError} from './args.js';

export interface Failure {
	readonly message: string;
	readonly code: 1 | 2;
}

export function describeFailure(error: unknown): Failure {
	if (error instanceof UsageError) return {message: `gradlab: ${error.message}\nTry "gradlab --help".`, code: 2};
	if (error instanceof ScenarioError || error instanceof CsvError) return {message: error.message, code: 2};
	if (error instanceof RecordError) return {message: `gradlab: ${error.message}`, code: 2};
	if (error instanceof WriteProblem) return {message: `gradlab: cannot write ${error.message}`, code: 1};
	const message = error instanceof Error ? error.message : String(error);
	// A stack trace helps only the developers; GRADLAB_DEBUG=1 shows it.
	const stack = process.env.GRADLAB_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
	return {message: `gradlab: error: ${message}${stack}`, code: 1};
}
