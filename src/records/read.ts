/**
 * Reading records back (`gradlab view RUNS.jsonl`): the JSON Lines headless mode and the
 * dashboard's export write (records.ts), checked field by field, grouped per run. A file that is
 * not one is refused with one sentence naming the file, the line and the field, never quoting
 * its content.
 */
import type {LayerStats} from '../core/types.js';
import {displayPath} from '../scenarios/errors.js';
import {FileProblem, readUserText} from '../scenarios/files.js';
import {koreanProblem} from '../scenarios/korean.js';
import type {Language} from '../scenarios/types.js';
import type {StepRecord} from './records.js';

/** One run's records, in file order (steps rising). */
export interface RecordedRun {
	readonly label: string;
	readonly records: readonly StepRecord[];
}

export interface Recording {
	/** In the order each run first appears. */
	readonly runs: readonly RecordedRun[];
	/** Every record has `seconds` (the dashboard's export). */
	readonly seconds: boolean;
	/** Some record has `r2` (a regression). */
	readonly regression: boolean;
	/** Some record has `x` and `y` (an optimizer race). */
	readonly surface: boolean;
}

/**
 * A file that is not a gradlab record, or cannot be read. The message is one line:
 * `runs.jsonl line 3: "loss" must be a number or null; not a gradlab record (…)`.
 */
export class RecordError extends Error {
	override readonly name = 'RecordError';
	/** The file as shown to the user. */
	readonly file: string;
	/** What is wrong, after the file name: `line 3 is not JSON; not a gradlab record (…)`, or the file reader's sentence. */
	readonly sentence: string;

	/** A refusal of the content; `problem` when the file reader refused the file itself (its message is kept). */
	constructor(file: string, sentence: string, problem?: FileProblem) {
		super(problem ? problem.message : `${file} ${sentence}`, {cause: problem});
		this.file = file;
		this.sentence = sentence;
	}

	/** The message in `language`: Korean comes from the phrasebook (scenarios/korean.ts), as a scenario's problems do. */
	inLanguage(language: Language): string {
		if (language === 'en') return this.message;
		return `${this.file}: ${koreanProblem(this.sentence) ?? this.sentence}`;
	}
}

/** What every refusal of a file's content ends with. */
const NOT_A_RECORD = 'not a gradlab record (view reads the JSON Lines of run --headless --format jsonl, or of the dashboard export)';

type Fields = Record<string, unknown>;

const isNumberOrNull = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));
const num = (v: number | null): number => (v === null ? Number.NaN : v);

/** One line's record, or `refuse` saying what is wrong with it (after "line N"). */
function parseLine(line: string, refuse: (what: string) => never): StepRecord {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		refuse(' is not JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(' is not a JSON object');
	const o = value as Fields;
	const field = (name: string, check: (v: unknown) => boolean, what: string): void => {
		if (!(name in o)) refuse(` has no "${name}"`);
		if (!check(o[name])) refuse(`: "${name}" must be ${what}`);
	};
	const numberOrNull = (name: string) => field(name, isNumberOrNull, 'a number or null');
	field('run', (v) => typeof v === 'string', 'a string');
	field('step', (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number ≥ 0');
	for (const name of ['epoch', 'samples', 'loss', 'testLoss']) numberOrNull(name);
	const regression = 'r2' in o;
	for (const name of regression ? ['r2', 'testR2'] : ['accuracy', 'testAccuracy']) numberOrNull(name);
	field('diverged', (v) => typeof v === 'boolean', 'true or false');
	field('divergedAt', (v) => v === null || Number.isInteger(v), 'a step or null');
	field('layers', Array.isArray, 'a list');
	const surface = 'x' in o || 'y' in o;
	if (surface) for (const name of ['x', 'y']) numberOrNull(name);
	if ('seconds' in o) numberOrNull('seconds');
	const layers = (o.layers as unknown[]).map((layer, l): LayerStats => {
		if (typeof layer !== 'object' || layer === null) refuse(`: "layers" ${l + 1} must be an object`);
		const stats = layer as Fields;
		for (const name of ['gradNormW', 'gradNormB', 'updateRatio', 'saturated', 'dead']) {
			if (!isNumberOrNull(stats[name])) refuse(`: "layers" ${l + 1} "${name}" must be a number or null`);
		}
		return {
			gradNormW: num(stats.gradNormW as number | null),
			gradNormB: num(stats.gradNormB as number | null),
			updateRatio: num(stats.updateRatio as number | null),
			saturated: stats.saturated as number | null,
			dead: stats.dead as number | null,
		};
	});
	return {
		run: o.run as string,
		step: o.step as number,
		epoch: num(o.epoch as number | null),
		samples: num(o.samples as number | null),
		...('seconds' in o ? {seconds: num(o.seconds as number | null)} : {}),
		loss: num(o.loss as number | null),
		accuracy: regression ? Number.NaN : num(o.accuracy as number | null),
		testLoss: num(o.testLoss as number | null),
		testAccuracy: regression ? Number.NaN : num(o.testAccuracy as number | null),
		...(regression ? {r2: num(o.r2 as number | null), testR2: num(o.testR2 as number | null)} : {}),
		diverged: o.diverged as boolean,
		divergedAt: o.divergedAt as number | null,
		...(surface ? {x: num(o.x as number | null), y: num(o.y as number | null)} : {}),
		layers,
	};
}

/** The records in `text` (JSON Lines), grouped per run. `file` names the file in errors. */
export function parseRecords(text: string, file: string): Recording {
	const runs = new Map<string, StepRecord[]>();
	const lines = text.split('\n');
	lines.forEach((raw, k) => {
		const line = raw.trim();
		if (line === '') return;
		const refuse = (what: string): never => {
			throw new RecordError(file, `line ${k + 1}${what}; ${NOT_A_RECORD}`);
		};
		const record = parseLine(line, refuse);
		const earlier = runs.get(record.run);
		if (!earlier) runs.set(record.run, [record]);
		else if (record.step <= earlier.at(-1)!.step) refuse(`: run "${record.run}" goes back to step ${record.step}`);
		else earlier.push(record);
	});
	if (runs.size === 0) throw new RecordError(file, `has no records; ${NOT_A_RECORD}`);
	const all = [...runs.values()].flat();
	return {
		runs: [...runs].map(([label, records]) => ({label, records})),
		seconds: all.every((r) => r.seconds !== undefined),
		regression: all.some((r) => r.r2 !== undefined),
		surface: all.some((r) => r.x !== undefined),
	};
}

/**
 * Reads a recording from `file` with the reader every user file goes through (scenarios/files.ts):
 * a regular UTF-8 file within the recording size limit. Anything else is a RecordError (a folder,
 * a FIFO, a CSV, a scenario, a missing file) whose cause is the reader's FileProblem, if it was one.
 */
export function readRecording(file: string): Recording {
	let text: string;
	try {
		text = readUserText(file, 'recording');
	} catch (error) {
		if (!(error instanceof FileProblem)) throw error;
		throw new RecordError(displayPath(error.file), error.sentence, error);
	}
	return parseRecords(text, displayPath(file));
}
