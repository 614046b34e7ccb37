/** Headless mode's default output: one row per run at the end, columns padded to fit. */
import stringWidth from 'string-width';
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
	readonly stepsPerSecond: number;
	readonly divergedAt: number | null;
}

export interface TableStyle {
	readonly language: Language;
	/** ASCII only (--ascii, or a locale that is not UTF-8). */
	readonly ascii: boolean;
}

type Column = 'run' | 'steps' | 'loss' | 'accuracy' | 'testAccuracy' | 'r2' | 'testLoss' | 'testR2' | 'stepsPerSecond' | 'divergedAt';

const HEADERS: Readonly<Record<Column, Readonly<Record<Language, string>>>> = {
	run: {en: 'run', ko: '실행'},
	steps: {en: 'steps', ko: '스텝'},
	loss: {en: 'batch loss', ko: '배치 손실'},
	accuracy: {en: 'batch acc', ko: '배치 정확도'},
	testAccuracy: {en: 'test acc', ko: '테스트 정확도'},
	r2: {en: 'batch R²', ko: '배치 R²'},
	testLoss: {en: 'test loss', ko: '테스트 손실'},
	testR2: {en: 'test R²', ko: '테스트 R²'},
	stepsPerSecond: {en: 'steps/s', ko: '스텝/초'},
	divergedAt: {en: 'diverged at', ko: '발산 시점'},
};

/** A regression's table has R² where a classification's has accuracy, and the test loss. */
export function formatTable(rows: readonly RunSummary[], regression = false, style: TableStyle = {language: 'en', ascii: false}): string {
	const none = style.ascii ? '-' : '—';
	const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : none);
	const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : none);
	const diverged = (step: number | null): string => (step === null ? none : style.language === 'ko' ? `${step} 스텝` : `step ${step}`);
	const columns: readonly Column[] = regression
		? ['run', 'steps', 'loss', 'r2', 'testLoss', 'testR2', 'stepsPerSecond', 'divergedAt']
		: ['run', 'steps', 'loss', 'accuracy', 'testAccuracy', 'stepsPerSecond', 'divergedAt'];
	const header = columns.map((c) => (style.ascii ? HEADERS[c][style.language].replace('²', '^2') : HEADERS[c][style.language]));
	const scores = (r: RunSummary): string[] => (regression ? [fixed(r.r2, 4), fixed(r.testLoss, 4), fixed(r.testR2, 4)] : [percent(r.accuracy), percent(r.testAccuracy)]);
	const body = rows.map((r) => [r.run, String(r.steps), fixed(r.loss, 4), ...scores(r), r.stepsPerSecond.toFixed(0), diverged(r.divergedAt)]);
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
