/** Headless mode's default output: one row per run at the end, columns padded to fit. */
import stringWidth from 'string-width';
import {OVERFLOW, isOverflow} from '../records/numbers.js';
import type {Language} from '../scenarios/types.js';

/** The end of a run, for the table. */
export interface RunSummary {
	readonly run: string;
	readonly steps: number;
	readonly loss: number;
	readonly accuracy: number;
	readonly testAccuracy: number;
	/** Regression runs. */
	readonly testLoss: number;
	readonly r2: number;
	readonly testR2: number;
	/** Surface runs: where the run stands (its loss is f there). */
	readonly x?: number;
	readonly y?: number;
	readonly stepsPerSecond: number;
	readonly divergedAt: number | null;
}

export interface TableStyle {
	readonly language: Language;
	/** ASCII only (--ascii, or a locale that is not UTF-8). */
	readonly ascii: boolean;
}

/**
 * Four decimals where they say something (0.1951, 1400.0000), else four significant digits in
 * scientific notation (1.7e-12); overflow as the word; missing as `none`.
 */
export function tableNumber(value: number | undefined, style: TableStyle = {language: 'en', ascii: false}): string {
	if (value === undefined || Number.isNaN(value)) return style.ascii ? '-' : '—';
	if (isOverflow(value)) return OVERFLOW[style.language];
	const abs = Math.abs(value);
	if (abs === 0 || (abs >= 1e-4 && abs < 1e6)) return value.toFixed(4);
	return Number(value.toPrecision(4)).toExponential();
}

/** A classification's columns, a regression's (R² where accuracy would be, and the test loss), or a surface's: f at its point, and the point, where batches mean nothing. */
export type TableKind = 'classification' | 'regression' | 'surface';

type Column = 'run' | 'steps' | 'loss' | 'f' | 'x' | 'y' | 'accuracy' | 'testAccuracy' | 'r2' | 'testLoss' | 'testR2' | 'stepsPerSecond' | 'divergedAt';

const HEADERS: Readonly<Record<Column, Readonly<Record<Language, string>>>> = {
	run: {en: 'run', ko: '실행'},
	steps: {en: 'steps', ko: '스텝'},
	loss: {en: 'batch loss', ko: '배치 손실'},
	f: {en: 'f', ko: 'f'},
	x: {en: 'x', ko: 'x'},
	y: {en: 'y', ko: 'y'},
	accuracy: {en: 'batch acc', ko: '배치 정확도'},
	testAccuracy: {en: 'test acc', ko: '테스트 정확도'},
	r2: {en: 'batch R²', ko: '배치 R²'},
	testLoss: {en: 'test loss', ko: '테스트 손실'},
	testR2: {en: 'test R²', ko: '테스트 R²'},
	stepsPerSecond: {en: 'steps/s', ko: '스텝/초'},
	divergedAt: {en: 'diverged at', ko: '발산 시점'},
};

const COLUMNS: Readonly<Record<TableKind, readonly Column[]>> = {
	classification: ['run', 'steps', 'loss', 'accuracy', 'testAccuracy', 'stepsPerSecond', 'divergedAt'],
	regression: ['run', 'steps', 'loss', 'r2', 'testLoss', 'testR2', 'stepsPerSecond', 'divergedAt'],
	surface: ['run', 'steps', 'f', 'x', 'y', 'stepsPerSecond', 'divergedAt'],
};

export function formatTable(rows: readonly RunSummary[], kind: TableKind = 'classification', style: TableStyle = {language: 'en', ascii: false}): string {
	const none = style.ascii ? '-' : '—';
	const number = (value: number | undefined): string => tableNumber(value, style);
	const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : none);
	const diverged = (step: number | null): string => (step === null ? none : style.language === 'ko' ? `${step} 스텝` : `step ${step}`);
	const cell: Readonly<Record<Column, (r: RunSummary) => string>> = {
		run: (r) => r.run,
		steps: (r) => String(r.steps),
		loss: (r) => number(r.loss),
		f: (r) => number(r.loss),
		x: (r) => number(r.x),
		y: (r) => number(r.y),
		accuracy: (r) => percent(r.accuracy),
		testAccuracy: (r) => percent(r.testAccuracy),
		r2: (r) => number(r.r2),
		testLoss: (r) => number(r.testLoss),
		testR2: (r) => number(r.testR2),
		stepsPerSecond: (r) => r.stepsPerSecond.toFixed(0),
		divergedAt: (r) => diverged(r.divergedAt),
	};
	const columns = COLUMNS[kind];
	const header = columns.map((c) => (style.ascii ? HEADERS[c][style.language].replace('²', '^2') : HEADERS[c][style.language]));
	const body = rows.map((r) => columns.map((c) => cell[c](r)));
	// Hangul takes two columns: pad by what the terminal shows, not by UTF-16 length.
	const widths = header.map((h, c) => Math.max(stringWidth(h), ...body.map((row) => stringWidth(row[c]!))));
	const pad = (text: string, c: number): string => {
		const gap = ' '.repeat(widths[c]! - stringWidth(text));
		return c === 0 ? text + gap : gap + text;
	};
	const line = (cells: readonly string[]): string => cells.map(pad).join('  ').trimEnd();
	const rule = style.ascii ? '-' : '─';
	return [line(header), line(widths.map((w) => rule.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
