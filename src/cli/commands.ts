/** The non-interactive commands: list, check, run --headless, new, export. */
import * as path from 'node:path';
import type {Writable} from 'node:stream';
import {existingFiles, exportPaths, torchExport} from '../export/torch.js';
import {runHeadless} from '../headless/run.js';
import {WriteProblem, writeFileWhole, writeFilesWhole} from '../scenarios/atomic.js';
import {findScenario, lessonDirs, loadScenarioFile} from '../scenarios/load.js';
import {displayPath} from '../scenarios/errors.js';
import {READABLE_SECONDS, captionTimes, lessonSeconds} from '../scenarios/pace.js';
import {humanize} from '../scenarios/resolve.js';
import {templateScenario} from '../scenarios/template.js';
import {writeScenario} from '../scenarios/write.js';
import type {Language, Scenario, Text} from '../scenarios/types.js';
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

/**
 * Validates each file and every file it names, as `run` would; prints "ok" or every problem found.
 * Exit 2 if any file is bad. A file with a pace also gets its timing: how long it trains, its
 * shortest caption, and each caption shown too briefly to read (a note, not a problem).
 */
export function check(options: CliOptions, language: Language, out: Writable, err: Writable): number {
	let code = 0;
	for (const file of options.targets) {
		try {
			const {scenario} = loadLesson(file, {seed: options.seed, steps: options.steps});
			const runs = scenario.runs.length;
			out.write(language === 'ko' ? `${file}: 좋아요 (실행 ${runs}개${pace(scenario)})\n` : `${file}: ok (${runs} run${runs === 1 ? '' : 's'}${pace(scenario)})\n`);
			for (const note of dataNotes(scenario)) out.write(`  ${note[language]}\n`);
			for (const t of captionTimes(scenario).filter((c) => c.seconds < READABLE_SECONDS)) {
				out.write(`${file}: note: notes[${t.index}] (step ${t.at}) shows for ${t.seconds.toFixed(1)} s at ${scenario.speed} steps/s; a caption needs about ${READABLE_SECONDS} s to be read (start the next one later, or lower speed)\n`);
			}
		} catch (error) {
			const failure = describeFailure(error, language);
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
export async function runCommand(options: CliOptions, language: Language, out: Writable, err: Writable): Promise<number> {
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
			{steps: options.steps, seed: options.seed, every: options.every, format: options.format, saveWeights: options.saveWeights, signal: abort.signal, inputs, language, ascii: options.ascii},
			target,
		);
		if (failed !== undefined) throw failed;
		// Interrupted runs keep their records too: every line written is complete.
		await records?.finish();
		if (failed !== undefined) throw failed;
		for (const file of result.checkpoints) err.write(language === 'ko' ? `저장했어요: ${file}\n` : `saved ${file}\n`);
		if (result.interrupted) err.write(language === 'ko' ? `gradlab: ${result.steps} 스텝에서 중단했어요. 그때까지 쓴 기록은 온전해요\n` : `gradlab: interrupted at step ${result.steps}; what was written is complete up to there\n`);
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
export function newScenario(options: CliOptions, language: Language, cwd: string, out: Writable, err: Writable): number {
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
		const folder = path.relative(cwd, path.dirname(file)) || path.dirname(file);
		err.write(language === 'ko' ? `gradlab: ${shown}을(를) 쓸 수 없어요: ${folder} 폴더가 없어요\n` : `gradlab: cannot write ${shown}: there is no folder ${folder}\n`);
		return 2;
	}
	if (!written) {
		err.write(language === 'ko' ? `gradlab: ${shown}이(가) 이미 있어서 그대로 두었어요 (다른 이름을 고르세요)\n` : `gradlab: ${shown} already exists; it was left as it is (choose another name)\n`);
		return 2;
	}
	out.write(
		language === 'ko'
			? `${shown}을(를) 썼어요${from === undefined ? '' : ` (${from}의 사본)`}. 열기: gradlab ${shown}\n`
			: `wrote ${shown}${from === undefined ? '' : `, a copy of ${from}`}. Open it: gradlab ${shown}\n`,
	);
	return 0;
}

/**
 * `export --torch OUT.py`: the scenario as a PyTorch script (and its data beside it). Refuses to
 * replace an existing file unless --force, and one of the lesson's own files even then; a folder
 * that cannot take the files fails before the export is built. Both files are written whole, or
 * neither (scenarios/atomic.ts).
 */
export function exportCommand(options: CliOptions, language: Language, err: Writable): number {
	const target = options.targets[0]!;
	const scenario = loadScenarioFile(findScenario(target, lessonDirs(options.dirs)));
	const script = options.torch!;
	prepareExportFiles(exportPaths(scenario, script), scenario);
	const files = torchExport(scenario, {out: script, target, steps: options.steps, seed: options.seed, version: packageVersion()});
	const taken = (): UsageError => {
		const existing = existingFiles(files);
		return new UsageError({
			en: `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; choose another name, or add --force to replace ${existing.length === 1 ? 'it' : 'them'}`,
			ko: `${existing.join(', ')}이(가) 이미 있어요. 다른 이름을 고르거나, 바꾸려면 --force를 붙이세요`,
		});
	};
	if (!options.force && existingFiles(files).length > 0) throw taken();
	// Without --force, 'new' also refuses a file that appears while the export is written.
	if (!writeFilesWhole(files, options.force ? 'replace' : 'new')) throw taken();
	for (const file of files) err.write(language === 'ko' ? `썼어요: ${file.path}\n` : `wrote ${file.path}\n`);
	return 0;
}

/** What will be done to a user's CSV beyond reading it, said where a teacher checks the file (never silently). */
function dataNotes(scenario: Scenario): Text[] {
	if (scenario.kind !== 'network') return [];
	const csvs = new Set(scenario.runs.flatMap((run) => (run.dataset.kind === 'csv' && run.dataset.standardize ? [displayPath(run.dataset.path)] : [])));
	return [...csvs].map((csv) => ({
		en: `${csv}: features standardised with the training rows' mean and std (standardize: false uses them as written)`,
		ko: `${csv}: 특성을 학습 데이터 행의 평균과 표준편차로 표준화해요 (standardize: false면 적힌 그대로 써요)`,
	}));
}
