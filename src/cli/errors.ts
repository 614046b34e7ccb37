/** Turns any error into a message and an exit code: no stack traces for mistakes a user can fix. */
import {CsvError} from '../core/data/index.js';
import {RecordError} from '../records/read.js';
import {WriteProblem} from '../scenarios/atomic.js';
import {ScenarioError} from '../scenarios/errors.js';
import {koreanCsv} from '../scenarios/korean.js';
import type {Language} from '../scenarios/types.js';
import {UsageError} from './args.js';

export interface Failure {
	readonly message: string;
	readonly code: 1 | 2;
}

const TRY_HELP = {en: 'Try "gradlab --help".', ko: '"gradlab --help"로 사용법을 보세요.'} as const;

export function describeFailure(error: unknown, language: Language): Failure {
	if (error instanceof UsageError) return {message: `gradlab: ${error.text[language]}\n${TRY_HELP[language]}`, code: 2};
	if (error instanceof ScenarioError) return {message: error.inLanguage(language), code: 2};
	if (error instanceof CsvError) return {message: language === 'ko' ? koreanCsv(error.message) : error.message, code: 2};
	if (error instanceof RecordError) return {message: `gradlab: ${error.inLanguage(language)}`, code: 2};
	if (error instanceof WriteProblem) return {message: language === 'ko' ? `gradlab: 쓸 수 없어요: ${error.message}` : `gradlab: cannot write ${error.message}`, code: 1};
	const message = error instanceof Error ? error.message : String(error);
	// A stack trace helps only the developers; GRADLAB_DEBUG=1 shows it.
	const stack = process.env.GRADLAB_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
	return {message: `gradlab: ${language === 'ko' ? '오류' : 'error'}: ${message}${stack}`, code: 1};
}

