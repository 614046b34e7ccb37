/** The non-interactive commands: list, check, run --headless, new, export. */
import * as path from 'node:path';
import type {Writable} from 'node:stream';
import {existingFiles, exportPaths, torchExport} from '../export/torch.js';
import {runHeadless} from '../headless/run.js';
import {WriteProblem, writeFileWhole, writeFilesWhole} from '../scenarios/atomic.js';
import {findScenario, lessonDirs, loadScenarioFile} from '../scenarios/load.js';
import {displayPath} from '../scenarios/errors.js';
import {humanize} from '../scenarios/resolve.js';
import {templateScenario} from '../scenarios/template.js';
import {writeScenario} from '../scenarios/write.js';
import type {Language, Scenario} from '../scenarios/types.js';
import {packageVersion} from '../paths.js';
import {UsageError, type CliOptions} from './args.js';
import {describeFailure} from './errors.js';
import {loadLesson, usableLessons} from './lessons.js';
import {openRecords, prepareExportFiles, prepareWeightsFolder} from './outputs.js';

/** Every lesson that validates; a bad file in --dir is named on stderr (exit 2) without hiding the rest. */
export function list(options: CliOptions, language: Language, out: Writable, err: Writable): number {
	const {scenarios, problems} = usableLessons(lessonDirs(options.dirs));
	const width = Math.max(...scenarios.map((s) => s.id.length));
	for (const s of scenarios) out.write(`${s.id.padEnd(width)}  ${s.title[language]}\n${' '.repeat(width)}  ${s.summary[language]}\n`);
	for (const problem of problems) err.write(`${problem}\n`);
	return problems.length > 0 ? 2 : 0;
}

/** Validates each file and every file it names, as `run` would; prints "ok" or every problem found. Exit 2 if any file is bad. */
export function check(options: CliOptions, out: Writable, err: Writable): number {
	let code = 0;
	for (const file of options.targets) {
		try {
			const {scenario} = loadLesson(file, {seed: options.seed, steps: options.steps});
			out.write(`${file}: ok (${scenario.runs.length} ${scenario.runs.length === 1 ? 'run' : 'runs'})\n`);
			for (const note of dataNotes(scenario)) out.write(`  ${note}\n`);
		} catch (error) {
			const failure = describeFailure(error);
			err.write(`${failure.message}\n`);
			code = Math.max(code, failure.code);
		}
	}
	return code;
}

/** `run --headless`: trains to the budget, writes records, exits 130 if interrupted by Ctrl-C. */
export async function runCommand(options: CliOptions, out: Writable, err: Writable): Promise<number> {
	const {scenario, inputs} = loadLesson(findScenario(options.targets[0]!, lessonDirs(options.dirs)), {seed: options.seed, steps: options.steps});
	// Every destination is checked before the first step: a bad one must not cost a whole run.
	if (options.saveWeights !== undefined) prepareWeightsFolder(options.saveWeights);
	const records = options.out === undefined ? undefined : openRecords(options.out, scenario);
	const target = records?.stream ?? out;
	const abort = new AbortController();
	/** The first write that failed: training stops, and the run fails naming the file. */
	let failed: unknown;
	const onWriteError = (error: unknown): void => {
		failed ??= options.out === undefined || error instanceof WriteProblem ? error : new WriteProblem(options.out, error);
		abort.abort();
	};
	target.on('error', onWriteError);
	const onSigint = (): void => abort.abort();
	process.on('SIGINT', onSigint);
	try {
		const result = await runHeadless(
			scenario,
			{steps: options.steps, seed: options.seed, every: options.every, format: options.format, saveWeights: options.saveWeights, signal: abort.signal, inputs},
			target,
		);
		if (failed !== undefined) throw failed;
		// Interrupted runs keep their records too: every line written is complete.
		await records?.finish();
		if (failed !== undefined) throw failed;
		for (const file of result.checkpoints) err.write(`saved ${file}\n`);
		if (result.interrupted) err.write(`gradlab: interrupted at step ${result.steps}; what was written is complete up to there\n`);
		return result.interrupted ? 130 : 0;
	} catch (error) {
		records?.abandon();
		throw error;
	} finally {
		process.off('SIGINT', onSigint);
		target.off('error', onWriteError);
	}
}

/**
 * `new NAME [--from LESSON]`: NAME.yaml in `cwd` — a copy of a lesson that trains exactly like it
 * (its paths rewritten for the new place), or a small commented template. Never over an existing
 * file: that is exit 2 with one line.
 */
export function newScenario(options: CliOptions, cwd: string, out: Writable, err: Writable): number {
	const name = options.targets[0]!;
	const file = path.resolve(cwd, /\.ya?ml$/i.test(name) ? name : `${name}.yaml`);
	const shown = path.relative(cwd, file) || file;
	const from = options.from;
	const text =
		from === undefined
			? templateScenario(humanize(path.basename(file).replace(/\.ya?ml$/i, '')), shown)
			: writeScenario(loadScenarioFile(findScenario(from, lessonDirs(options.dirs))), {
					dir: path.dirname(file),
					header: [`A copy of the lesson "${from}" (gradlab new ${name} --from ${from}): it trains exactly like it.`, `Change what you like, then: gradlab check ${shown}, and open it: gradlab ${shown}`],
				});
	let written: boolean;
	try {
		written = writeFileWhole(file, text, 'new');
	} catch (error) {
		if (!(error instanceof WriteProblem) || error.code !== 'ENOENT') throw error;
		err.write(`gradlab: cannot write ${shown}: there is no folder ${path.relative(cwd, path.dirname(file)) || path.dirname(file)}\n`);
		return 2;
	}
	if (!written) {
		err.write(`gradlab: ${shown} already exists; it was left as it is (choose another name)\n`);
		return 2;
	}
	out.write(`wrote ${shown}${from === undefined ? '' : `, a copy of ${from}`}. Open it: gradlab ${shown}\n`);
	return 0;
}

/**
 * `export --torch OUT.py`: the scenario as a PyTorch script (and its data beside it). Refuses to
 * replace an existing file unless --force, and one of the lesson's own files even then; a folder
 * that cannot take the files fails before the export is built. Both files are written whole, or
 * neither (scenarios/atomic.ts).
 */
export function exportCommand(options: CliOptions, err: Writable): number {
	const target = options.targets[0]!;
	const scenario = loadScenarioFile(findScenario(target, lessonDirs(options.dirs)));
	const script = options.torch!;
	prepareExportFiles(exportPaths(scenario, script), scenario);
	const files = torchExport(scenario, {out: script, target, steps: options.steps, seed: options.seed, version: packageVersion()});
	const taken = (): UsageError => {
		const existing = existingFiles(files);
		return new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; choose another name, or add --force to replace ${existing.length === 1 ? 'it' : 'them'}`);
	};
	if (!options.force && existingFiles(files).length > 0) throw taken();
	// Without --force, 'new' also refuses a file that appears while the export is written.
	if (!writeFilesWhole(files, options.force ? 'replace' : 'new')) throw taken();
	for (const file of files) err.write(`wrote ${file.path}\n`);
	return 0;
}

/** What will be done to a user's CSV beyond reading it, said where a teacher checks the file (never silently). */
function dataNotes(scenario: Scenario): string[] {
	if (scenario.kind !== 'network') return [];
	const csvs = new Set(scenario.runs.flatMap((run) => (run.dataset.kind === 'csv' && run.dataset.standardize ? [displayPath(run.dataset.path)] : [])));
	return [...csvs].map((csv) => `${csv}: features standardised with the training rows' mean and std (standardize: false uses them as written)`);
}
