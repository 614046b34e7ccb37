/**
 * Where `run --headless` writes, checked before any training: `--out FILE` and
 * `--save-weights DIR`. A destination that is a folder, or one of the lesson's own files, is a
 * usage error (exit 2); one the system refuses (a missing or read-only folder) fails now, not after
 * an hour of training (exit 1). Records go to a temporary file beside FILE that becomes FILE only
 * when the run ends, so a run that fails never empties an existing file.
 */
import {createWriteStream, mkdirSync, realpathSync, statSync} from 'node:fs';
import * as path from 'node:path';
import type {Writable} from 'node:stream';
import {PendingFile, WriteProblem} from '../scenarios/atomic.js';
import type {Scenario} from '../scenarios/types.js';
import {UsageError} from './args.js';

/** Where records go while a run trains. */
export interface RecordsTarget {
	readonly stream: Writable;
	/** The run ended (or was interrupted with complete records): the file takes its name. */
	finish(): Promise<void>;
	/** The run failed: nothing replaces what was there. */
	abandon(): void;
}

/** The files a scenario reads: `--out` must not be one of them. */
export function inputFiles(scenario: Scenario): string[] {
	const files = [scenario.file];
	if (scenario.kind === 'network') {
		for (const run of scenario.runs) {
			if (run.dataset.kind === 'csv') files.push(run.dataset.path);
			if (run.model.weights) files.push(run.model.weights);
		}
	}
	return files;
}

const realpath = (file: string): string | undefined => {
	try {
		return realpathSync(file);
	} catch {
		return undefined;
	}
};

/** Opens `--out FILE` for records; throws UsageError or WriteProblem before anything is trained. */
export function openRecords(file: string, scenario: Scenario): RecordsTarget {
	const stats = statOf(file);
	if (stats?.isDirectory()) throw new UsageError(`--out: ${file} is a folder; give a file name, like ${path.join(file, 'runs.jsonl')}`);
	const real = realpath(file);
	const clash = real === undefined ? undefined : inputFiles(scenario).find((input) => realpath(input) === real);
	if (clash !== undefined) throw new UsageError(`--out: ${file} is a file this lesson reads; write the records somewhere else`);
	if (stats && !stats.isFile()) return deviceTarget(file);
	const pending = PendingFile.begin(file);
	const stream = pending.stream();
	return {
		stream,
		finish: async () => {
			await new Promise<void>((resolve) => stream.end(resolve));
			pending.commit();
		},
		abandon: () => pending.discard(),
	};
}

/** `--out /dev/stdout`, a FIFO, `/dev/full`: written as it goes (there is nothing to rename). */
function deviceTarget(file: string): RecordsTarget {
	const stream = createWriteStream(file, {flags: 'a'});
	return {stream, finish: () => new Promise<void>((resolve) => stream.end(resolve)), abandon: () => stream.destroy()};
}

/**
 * Makes sure `--save-weights DIR` can take the checkpoints: a folder (created if missing) where
 * a file can be written. Throws UsageError for a file in the way, WriteProblem for a refusal.
 */
export function prepareWeightsFolder(dir: string): void {
	const stats = statOf(dir);
	if (stats && !stats.isDirectory()) throw new UsageError(`--save-weights: ${dir} is a file, not a folder`);
	try {
		mkdirSync(dir, {recursive: true});
	} catch (error) {
		throw new WriteProblem(dir, error);
	}
	PendingFile.begin(path.join(dir, 'checkpoint.json')).discard();
}

function statOf(file: string): ReturnType<typeof statSync> | undefined {
	try {
		return statSync(file);
	} catch {
		return undefined;
	}
}
