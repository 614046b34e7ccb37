/**
 * Command-line parsing with Node's built-in `util.parseArgs`, plus the checks it does not do:
 * numbers, enumerations, and a suggestion for a mistyped flag.
 */
import {parseArgs} from 'node:util';
import {LIMITS} from '../scenarios/limits.js';
import {suggest as nearestName} from '../scenarios/suggest.js';
import type {Language, Text} from '../scenarios/types.js';

export type OutputFormat = 'table' | 'jsonl' | 'csv';
export type CommandName = 'dashboard' | 'run' | 'list' | 'check' | 'new' | 'tour' | 'export' | 'view' | 'help' | 'version';

export interface CliOptions {
	readonly command: CommandName;
	/** Scenario names or files (run/dashboard: at most one; check: any number). */
	readonly targets: readonly string[];
	readonly headless: boolean;
	readonly steps?: number;
	readonly seed?: number;
	readonly every?: number;
	readonly format: OutputFormat;
	readonly out?: string;
	readonly saveWeights?: string;
	/** export: the PyTorch script to write, and whether it may replace existing files. */
	readonly torch?: string;
	readonly force: boolean;
	readonly lang?: Language;
	readonly fps: number;
	readonly duration?: number;
	readonly ascii: boolean;
	readonly color: boolean;
	readonly dirs: readonly string[];
	/** new: the lesson (or file) to copy. */
	readonly from?: string;
}

/** A mistake in the command line: shown with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
	/** The message in each language; `message` is the English. */
	readonly text: Text;
	constructor(text: Text) {
		super(text.en);
		this.text = text;
	}
}

const OPTIONS = {
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
	headless: {type: 'boolean'},
	steps: {type: 'string'},
	seed: {type: 'string'},
	every: {type: 'string'},
	format: {type: 'string'},
	out: {type: 'string', short: 'o'},
	'save-weights': {type: 'string'},
	torch: {type: 'string'},
	force: {type: 'boolean'},
	lang: {type: 'string'},
	fps: {type: 'string'},
	duration: {type: 'string'},
	ascii: {type: 'boolean'},
	'no-color': {type: 'boolean'},
	color: {type: 'boolean'},
	dir: {type: 'string', multiple: true},
	from: {type: 'string'},
} as const;

const COMMANDS: readonly string[] = ['run', 'list', 'check', 'new', 'tour', 'export', 'view', 'help'];

function integer(flag: string, text: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
	if (text === undefined) return undefined;
	const value = Number(text);
	if (!Number.isInteger(value) || value < min) throw new UsageError({en: `--${flag}: got "${text}", expected an integer ≥ ${min}`, ko: `--${flag}: "${text}"은(는) 쓸 수 없어요. ${min} 이상의 정수를 주세요`});
	if (value > max) throw new UsageError({en: `--${flag}: got "${text}", expected at most ${max.toLocaleString('en-US')}`, ko: `--${flag}: "${text}"은(는) 너무 커요. ${max.toLocaleString('en-US')} 이하로 주세요`});
	return value;
}

function positive(flag: string, text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const value = Number(text);
	if (!Number.isFinite(value) || value <= 0) throw new UsageError({en: `--${flag}: got "${text}", expected a number > 0`, ko: `--${flag}: "${text}"은(는) 쓸 수 없어요. 0보다 큰 수를 주세요`});
	return value;
}

function oneOf<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
	if (text === undefined) return undefined;
	if ((allowed as readonly string[]).includes(text)) return text as T;
	const near = nearestName(text, allowed);
	throw new UsageError({
		en: `--${flag}: got "${text}", expected one of: ${allowed.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`,
		ko: `--${flag}: "${text}"은(는) 쓸 수 없어요. 다음 중 하나를 주세요: ${allowed.join(', ')}${near ? ` ("${near}"을(를) 뜻했나요?)` : ''}`,
	});
}

/** Parses argv (without node and the script). Throws UsageError for anything it cannot accept. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({args: [...argv], options: OPTIONS, allowPositionals: true, strict: true});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
		if (unknown) {
			const near = nearestName(unknown.replace(/^-+/, ''), Object.keys(OPTIONS));
			throw new UsageError({en: `unknown option ${unknown}${near ? ` (did you mean --${near}?)` : ''}`, ko: `모르는 옵션 ${unknown}${near ? ` (--${near}을(를) 뜻했나요?)` : ''}`});
		}
		// Node's own wording (a flag missing its value, say) has no Korean; it names the flag.
		const text = message.replace(/\. To specify a positional argument.*$/s, '');
		throw new UsageError({en: text, ko: text});
	}
	const {values, positionals} = parsed;
	let command: CommandName = 'dashboard';
	let targets = positionals;
	if (values.help) command = 'help';
	else if (values.version) command = 'version';
	else if (positionals[0] !== undefined && COMMANDS.includes(positionals[0])) {
		command = positionals[0] as CommandName;
		targets = positionals.slice(1);
	}
	if (command === 'run' && targets.length !== 1) throw new UsageError({en: 'run needs exactly one scenario name or file, e.g. gradlab run vanishing-gradients --headless', ko: 'run에는 시나리오 이름이나 파일이 딱 하나 필요해요. 예: gradlab run vanishing-gradients --headless'});
	if (command === 'export' && targets.length !== 1) throw new UsageError({en: 'export needs exactly one scenario name or file, e.g. gradlab export digits --torch digits.py', ko: 'export에는 시나리오 이름이나 파일이 딱 하나 필요해요. 예: gradlab export digits --torch digits.py'});
	if (command === 'export' && values.torch === undefined) throw new UsageError({en: 'export needs --torch OUT.py: the PyTorch script to write', ko: 'export에는 --torch OUT.py가 필요해요: 쓸 PyTorch 스크립트예요'});
	if (command === 'export' && values.torch?.trim() === '') throw new UsageError({en: '--torch: expected a file name, like digits.py', ko: '--torch: digits.py 같은 파일 이름을 주세요'});
	if (command === 'view' && targets.length !== 1) throw new UsageError({en: 'view needs one recording, e.g. gradlab view runs.jsonl (from gradlab run LESSON --headless --format jsonl)', ko: 'view에는 기록 파일이 하나 필요해요. 예: gradlab view runs.jsonl (gradlab run LESSON --headless --format jsonl로 만들어요)'});
	if (command === 'check' && targets.length === 0) throw new UsageError({en: 'check needs at least one scenario file, e.g. gradlab check my-lesson.yaml', ko: 'check에는 시나리오 파일이 하나 이상 필요해요. 예: gradlab check my-lesson.yaml'});
	if (command === 'new' && targets.length !== 1) throw new UsageError({en: 'new needs one name, e.g. gradlab new my-lesson, or gradlab new my-digits --from digits', ko: 'new에는 이름이 하나 필요해요. 예: gradlab new my-lesson, 또는 gradlab new my-digits --from digits'});
	if (values.from !== undefined && command !== 'new') throw new UsageError({en: '--from goes with new: gradlab new NAME --from LESSON', ko: '--from은 new와 함께 써요: gradlab new NAME --from LESSON'});
	if (command === 'tour' && targets.length > 1) throw new UsageError({en: 'tour takes at most one tour file or folder, e.g. gradlab tour my-tour.yaml; add folders of chapters with --dir', ko: 'tour에는 투어 파일이나 폴더를 하나까지 줄 수 있어요. 예: gradlab tour my-tour.yaml; 단원 폴더는 --dir로 더해요'});
	if (command === 'dashboard' && targets.length > 1) {
		const near = nearestName(targets[0]!, COMMANDS);
		throw new UsageError({
			en: `expected one scenario, got ${targets.length}: ${targets.join(' ')}${near ? ` (did you mean "gradlab ${near}"?)` : ''}`,
			ko: `시나리오는 하나만 줄 수 있어요. ${targets.length}개를 받았어요: ${targets.join(' ')}${near ? ` ("gradlab ${near}"을(를) 뜻했나요?)` : ''}`,
		});
	}
	const noColor = values['no-color'] === true || (env.NO_COLOR !== undefined && env.NO_COLOR !== '' && values.color !== true);
	return {
		command,
		targets,
		headless: values.headless === true,
		steps: integer('steps', values.steps, 1, LIMITS.steps),
		seed: integer('seed', values.seed, 0),
		every: integer('every', values.every, 1),
		format: oneOf('format', values.format, ['table', 'jsonl', 'csv'] as const) ?? 'table',
		out: values.out,
		saveWeights: values['save-weights'],
		torch: values.torch,
		force: values.force === true,
		lang: oneOf('lang', values.lang, ['en', 'ko'] as const),
		fps: positive('fps', values.fps) ?? 15,
		duration: positive('duration', values.duration),
		ascii: values.ascii === true,
		color: !noColor,
		dirs: values.dir ?? [],
		...(values.from === undefined ? {} : {from: values.from}),
	};
}
