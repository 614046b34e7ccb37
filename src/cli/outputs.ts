/**
 * Where `run --headless` and `export` write, checked before any work: `--out FILE`,
 * `--save-weights DIR` and `--torch FILE`. A destination that is a folder, or one of the lesson's
 * own files, is a usage error (exit 2); one the system refuses (a missing or read-only folder)
 * fails now, not after an hour of training (exit 1). Records go to a temporary file beside FILE that becomes FILE only
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

/** The files a scenario reads (its own, CSVs, test CSVs, checkpoints): no output may be one of them. */
export function inputFiles(scenario: Scenario): string[] {
	const files = [scenario.file];
	if (scenario.kind === 'network') {
		for (const run of scenario.runs) {
			if (run.dataset.kind === 'csv') files.push(run.dataset.path, ...(run.dataset.testFile === null ? [] : [run.dataset.testFile]));
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

/** A usage error when `file` is (a link to) one of the files `scenario` reads: even --force never writes over the lesson. */
export function refuseInput(flag: string, file: string, scenario: Scenario, what: string): void {
	const real = realpath(file);
	if (real === undefined || !inputFiles(scenario).some((input) => realpath(input) === real)) return;
	throw new UsageError({en: `${flag}: ${file} is a file this lesson reads; write ${what} somewhere else`, ko: `${flag}: ${file}은(는) 이 수업이 읽는 파일이에요. 다른 곳에 쓰세요`});
}

/**
 * Makes sure `--torch SCRIPT` and its data file can be written, before the export is built: a
 * folder, a device or FIFO (a rename would replace it) or one of the lesson's own files is a usage
 * error, even with --force; a missing or read-only folder is a WriteProblem.
 */
export function prepareExportFiles(files: readonly string[], scenario: Scenario): void {
	for (const file of files) {
		const stats = statOf(file);
		if (stats?.isDirectory()) throw new UsageError({en: `--torch: ${file} is a folder; give a file name, like ${path.join(file, 'lesson.py')}`, ko: `--torch: ${file}은(는) 폴더예요. ${path.join(file, 'lesson.py')} 같은 파일 이름을 주세요`});
		if (stats && !stats.isFile()) throw new UsageError({en: `--torch: ${file} is not a regular file; give the name of a file to write`, ko: `--torch: ${file}은(는) 일반 파일이 아니에요. 쓸 파일의 이름을 주세요`});
		refuseInput('--torch', file, scenario, 'the export');
	}
	// Both files go in one folder: one that cannot take them fails now, not after the orders are built.
	for (const file of files) PendingFile.begin(file).discard();
}

/** Opens `--out FILE` for records; throws UsageError or WriteProblem before anything is trained. */
export function openRecords(file: string, scenario: Scenario): RecordsTarget {
	const stats = statOf(file);
	if (stats?.isDirectory()) throw new UsageError({en: `--out: ${file} is a folder; give a file name, like ${path.join(file, 'runs.jsonl')}`, ko: `--out: ${file}은(는) 폴더예요. ${path.join(file, 'runs.jsonl')} 같은 파일 이름을 주세요`});
	refuseInput('--out', file, scenario, 'the records');
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
	if (stats && !stats.isDirectory()) throw new UsageError({en: `--save-weights: ${dir} is a file, not a folder`, ko: `--save-weights: ${dir}은(는) 폴더가 아니라 파일이에요`});
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
