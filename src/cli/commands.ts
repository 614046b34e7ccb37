/** The non-interactive commands: list, check, run --headless, new, export. */
import {createWriteStream} from 'node:fs';
import * as path from 'node:path';
import type {Writable} from 'node:stream';
import {existingFiles, torchExport, writeFilesAtomically} from '../export/torch.js';
import {runHeadless} from '../headless/run.js';
import {findScenario, lessonDirs, listScenariosReporting, loadScenarioFile} from '../scenarios/load.js';
import {displayPath} from '../scenarios/errors.js';
import {READABLE_SECONDS, captionTimes, lessonSeconds} from '../scenarios/pace.js';
import {humanize} from '../scenarios/resolve.js';
import {writeNewFile} from '../scenarios/save.js';
import {templateScenario} from '../scenarios/template.js';
import {writeScenario} from '../scenarios/write.js';
import type {Language, Scenario} from '../scenarios/types.js';
import {packageVersion} from '../paths.js';
import {UsageError, type CliOptions} from './args.js';
import {describeFailure} from './errors.js';

/** Every lesson that validates; a bad file in --dir is named on stderr (exit 2) without hiding the rest. */
export function list(options: CliOptions, language: Language, out: Writable, err: Writable): number {
	const {scenarios, problems} = listScenariosReporting(lessonDirs(options.dirs));
	const width = Math.max(...scenarios.map((s) => s.id.length));
	for (const s of scenarios) out.write(`${s.id.padEnd(width)}  ${s.title[language]}\n${' '.repeat(width)}  ${s.summary[language]}\n`);
	for (const problem of problems) err.write(`${problem}\n`);
	return problems.length > 0 ? 2 : 0;
}

/**
 * Validates each file; prints "ok" or every problem found. Exit 2 if any file is bad. A file with a
 * pace also gets its timing: how long it trains, its shortest caption, and each caption shown too
 * briefly to read (a note, not a problem: the file is fine).
 */
export function check(options: CliOptions, out: Writable, err: Writable): number {
	let code = 0;
	for (const file of options.targets) {
		try {
			const scenario = loadScenarioFile(file);
			out.write(`${file}: ok (${scenario.runs.length} runs${pace(scenario)})\n`);
			for (const note of dataNotes(scenario)) out.write(`  ${note}\n`);
			for (const t of captionTimes(scenario).filter((c) => c.seconds < READABLE_SECONDS)) {
				out.write(`${file}: note: notes[${t.index}] (step ${t.at}) shows for ${t.seconds.toFixed(1)} s at ${scenario.speed} steps/s; a caption needs about ${READABLE_SECONDS} s to be read (start the next one later, or lower speed)\n`);
			}
		} catch (error) {
			const failure = describeFailure(error);
			err.write(`${failure.message}\n`);
			code = Math.max(code, failure.code);
		}
	}
	return code;
}

/** `, 60 s at 50 steps/s, captions 4.0 s or more`: a paced lesson's timing, for `check`. */
function pace(scenario: Scenario): string {
	const seconds = lessonSeconds(scenario);
	if (seconds === null) return '';
	const times = captionTimes(scenario).map((t) => t.seconds);
	const shortest = times.length > 0 ? `, captions ${Math.min(...times).toFixed(1)} s or more` : '';
	return `, ${Math.round(seconds)} s at ${scenario.speed} steps/s${shortest}`;
}

/** `run --headless`: trains to the budget, writes records, exits 130 if interrupted by Ctrl-C. */
export async function runCommand(options: CliOptions, out: Writable, err: Writable): Promise<number> {
	const scenario = loadScenarioFile(findScenario(options.targets[0]!, lessonDirs(options.dirs)));
	const target = options.out ? createWriteStream(options.out) : out;
	const abort = new AbortController();
	const onSigint = (): void => abort.abort();
	process.on('SIGINT', onSigint);
	try {
		const result = await runHeadless(
			scenario,
			{steps: options.steps, seed: options.seed, every: options.every, format: options.format, saveWeights: options.saveWeights, signal: abort.signal},
			target,
		);
		for (const file of result.checkpoints) err.write(`saved ${file}\n`);
		if (result.interrupted) err.write(`gradlab: interrupted at step ${result.steps}; what was written is complete up to there\n`);
		return result.interrupted ? 130 : 0;
	} finally {
		process.off('SIGINT', onSigint);
		if (target !== out) await new Promise<void>((resolve) => (target as ReturnType<typeof createWriteStream>).end(resolve));
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
		written = writeNewFile(file, text);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
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
 * replace an existing file unless --force; each file is written to a temporary name and renamed.
 */
export function exportCommand(options: CliOptions, err: Writable): number {
	const target = options.targets[0]!;
	const scenario = loadScenarioFile(findScenario(target, lessonDirs(options.dirs)));
	const files = torchExport(scenario, {out: options.torch!, target, steps: options.steps, seed: options.seed, version: packageVersion()});
	const existing = existingFiles(files);
	if (existing.length > 0 && !options.force) {
		throw new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; choose another name, or add --force to replace ${existing.length === 1 ? 'it' : 'them'}`);
	}
	writeFilesAtomically(files);
	for (const file of files) err.write(`wrote ${file.path}\n`);
	return 0;
}

/** What will be done to a user's CSV beyond reading it, said where a teacher checks the file (never silently). */
function dataNotes(scenario: Scenario): string[] {
	if (scenario.kind !== 'network') return [];
	const csvs = new Set(scenario.runs.flatMap((run) => (run.dataset.kind === 'csv' && run.dataset.standardize ? [displayPath(run.dataset.path)] : [])));
	return [...csvs].map((csv) => `${csv}: features standardised with the training rows' mean and std (standardize: false uses them as written)`);
}
