/**
 * The editor's screen as pure data: how the rows are shared out (title, the runs with what
 * differs between them, the selected run's fields, two message lines, the key hints), which
 * fields fit, and the text of every row. 80×24 shows every run of an 8-run experiment and a
 * scrolling window of fields; a taller terminal shows more fields.
 */
import {koreanProblem} from '../../../scenarios/korean.js';
import type {Language} from '../../../scenarios/types.js';
import {displayWidth, truncate} from '../../kit/format.js';
import {isTooSmall, type TerminalSize} from '../../kit/size.js';
import type {Glyphs} from '../../kit/theme.js';
import {type WordKey, problemsText, runAddedText, runRemovedText, word} from '../../kit/words.js';
import {type FieldProblem, differenceTexts, flowText, labelOf} from './draft.js';
import {type EditorNotice, type EditorState, currentFields, cursorIndex, valueOf} from './editor-state.js';
import {type Field, type FieldKey, isOptionField, optionFileName} from './fields.js';

/** Lines under the fields for the field's problem, a notice or a hint. */
export const MESSAGE_LINES = 2;

export interface EditorLayout {
	readonly tooSmall: boolean;
	/** Rows of the runs panel and the fields panel, borders included. */
	readonly runsHeight: number;
	readonly fieldsHeight: number;
	/** The fields shown: from `first`, `count` of them. */
	readonly first: number;
	readonly count: number;
}

/** Top to bottom: title (1), runs (one row each), fields (the rest), messages (2), hints (1). */
export function editorLayout(size: TerminalSize, runs: number, fields: number, cursor: number, reservedRows = 1): EditorLayout {
	const tooSmall = isTooSmall(size);
	const usable = size.rows - reservedRows;
	const runsHeight = runs + 2;
	const fieldsHeight = Math.max(3, usable - 1 - runsHeight - MESSAGE_LINES - 1);
	const count = Math.min(fields, fieldsHeight - 2);
	const first = Math.max(0, Math.min(fields - count, cursor - Math.floor(count / 2)));
	return {tooSmall, runsHeight, fieldsHeight, first, count};
}

/** One run's line in the runs panel: its marker and label, and what it sets that not every run sets alike. */
export interface RunRow {
	readonly run: number;
	readonly selected: boolean;
	readonly label: string;
	readonly detail: string;
	/** The run has something to fix. */
	readonly invalid: boolean;
}

const MAX_LABEL = 16;

export function runRows(state: EditorState, language: Language, glyphs: Glyphs): RunRow[] {
	const differ = differenceTexts(state.draft, language);
	return state.draft.runs.map((run, k) => ({
		run: k,
		selected: k === state.run,
		label: truncate(labelOf(run, language), MAX_LABEL, glyphs.ellipsis),
		detail: differ[k]!,
		invalid: state.checked.problems.some((p) => p.run === k),
	}));
}

/** The label column of the runs panel: as wide as the longest label. */
export function labelWidth(rows: readonly RunRow[]): number {
	return Math.max(0, ...rows.map((r) => displayWidth(r.label)));
}

/** One field's line: name, value, and beside it the problem or torch's default. */
export interface FieldRow {
	readonly key: FieldKey;
	readonly name: string;
	readonly value: string;
	readonly note: string;
	readonly problem: boolean;
	readonly selected: boolean;
	readonly typing: boolean;
}

const FIELD_WORDS: Partial<Readonly<Record<FieldKey, WordKey>>> = {
	label: 'fieldLabel',
	surface: 'fieldSurface',
	optimizer: 'fieldOptimizer',
	lr: 'fieldLr',
	batch: 'fieldBatch',
	activation: 'fieldActivation',
	init: 'fieldInit',
	depth: 'fieldDepth',
	widths: 'fieldWidths',
	weights: 'fieldWeights',
	loss: 'fieldLoss',
	dataset: 'fieldDataset',
	samples: 'fieldSamples',
	noise: 'fieldNoise',
	classes: 'fieldClasses',
	test: 'fieldTest',
	steps: 'fieldSteps',
	seed: 'fieldSeed',
	standardize: 'fieldStandardize',
	shuffle: 'fieldShuffle',
	schedule: 'fieldSchedule',
};

/** A field's name: in words, or an optimizer option as torch names it (`weight_decay`, `betas[0]`). */
export function fieldName(key: FieldKey, language: Language): string {
	const words = FIELD_WORDS[key];
	if (words) return word(words, language);
	return isOptionField(key) ? optionFileName(key) : key;
}

/** Whether ←/→ do something on the field. */
export function steppable(field: Field): boolean {
	return field.choices !== undefined || field.scale !== undefined || field.list !== undefined;
}

/** The field's value as shown: as a file writes it, the typed text while typing. */
export function shownValue(state: EditorState, field: Field, language: Language, glyphs: Glyphs): string {
	if (state.typing?.field === field.key) return `${state.typing.text}${glyphs.ascii ? '_' : '▏'}`;
	const value = valueOf(state, field);
	if (field.key === 'label') return labelOf(state.draft.runs[state.run] ?? {}, language);
	if (field.list === 'depth') return Array.isArray(value) ? String(value.length) : flowText(value);
	if (field.key === 'schedule' && Array.isArray(value) && value.length === 0) return word('none', language);
	return flowText(value);
}

export function fieldRows(state: EditorState, language: Language, glyphs: Glyphs): FieldRow[] {
	const fields = currentFields(state);
	const at = cursorIndex(state, fields);
	return fields.map((field, k) => {
		const problem = state.checked.problems.find((p) => p.run === state.run && p.field === field.key) ?? (field.where === 'shared' ? state.checked.problems.find((p) => p.run === null && p.field === field.key) : undefined);
		const selected = k === at;
		const value = shownValue(state, field, language, glyphs);
		const arrows = selected && !state.typing && steppable(field);
		return {
			key: field.key,
			name: fieldName(field.key, language),
			value: arrows ? `${glyphs.ascii ? '<' : '◂'} ${value} ${glyphs.ascii ? '>' : '▸'}` : value,
			note: problem ? `${glyphs.diverged} ${problemText(problem, language, false)}` : field.torch !== undefined ? `${word('torchDefault', language)} ${flowText(field.torch)}` : '',
			problem: problem !== undefined,
			selected,
			typing: state.typing?.field === field.key,
		};
	});
}

/** A problem as `gradlab check --lang` says it: beside its field (`detail`), or in full with its path. */
function problemText(problem: FieldProblem, language: Language, full: boolean): string {
	const detail = language === 'ko' ? (koreanProblem(problem.detail) ?? problem.detail) : problem.detail;
	return full ? problem.text.slice(0, problem.text.length - problem.detail.length) + detail : detail;
}

/** The message lines: why s did not start, else the field's problem in full, else a notice, else what stands in the way, else how to edit the field. */
export interface MessageLine {
	readonly text: string;
	readonly role: 'bad' | 'warn' | 'good' | 'dim';
}

export function messageText(state: EditorState, language: Language): MessageLine {
	const fields = currentFields(state);
	const field = fields[cursorIndex(state, fields)]!;
	if (state.typing) return {text: word('hintTyping', language), role: 'dim'};
	// s on a form with problems: say why nothing started, before what is wrong with this field.
	if (state.notice?.kind === 'fixFirst') return noticeLine(state.notice, language);
	const problem = state.checked.problems.find((p) => p.run === state.run && p.field === field.key);
	if (problem) return {text: problemText(problem, language, true), role: 'bad'};
	if (state.notice) return noticeLine(state.notice, language);
	const general = state.checked.problems.find((p) => p.field === null);
	if (general) return {text: problemText(general, language, true), role: 'bad'};
	if (state.checked.problems.length > 0) return {text: problemsText(state.checked.problems.length, language), role: 'warn'};
	return {text: word(fieldHint(field), language), role: 'dim'};
}

function noticeLine(notice: EditorNotice, language: Language): MessageLine {
	switch (notice.kind) {
		case 'added':
			return {text: runAddedText(notice.label, language), role: 'good'};
		case 'removed':
			return {text: runRemovedText(notice.label, language), role: 'good'};
		case 'maxRuns':
			return {text: word('maxRuns', language), role: 'warn'};
		case 'lastRun':
			return {text: word('lastRun', language), role: 'warn'};
		case 'typeOnly':
			return {text: word('typeOnly', language), role: 'warn'};
		case 'fixFirst':
			return {text: problemsText(notice.problems, language), role: 'bad'};
	}
}

function fieldHint(field: Field): WordKey {
	if (field.key === 'label') return 'hintLabel';
	if (field.key === 'schedule') return 'hintSchedule';
	if (field.key === 'lr') return 'hintLr';
	if (field.choices) return 'hintChoice';
	return 'hintNumber';
}
