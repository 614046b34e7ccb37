/**
 * The picker's entries and state: which entry is highlighted. The list is ink-select-input's,
 * drawn unfocused at this index (see ScenarioPicker); the keys move the index here.
 */
import type {Language, Scenario} from '../../../scenarios/types.js';

/** One entry of the menu: a scenario, or an action such as the guided tour. */
export interface PickerEntry {
	readonly key: string;
	readonly title: string;
	readonly summary: string;
}

export interface PickerState {
	readonly index: number;
	readonly count: number;
}

export type PickerAction = {readonly type: 'move'; readonly by: 1 | -1};

/** Up and down, wrapping around at either end. */
export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
	if (state.count === 0) return state;
	return {...state, index: (state.index + action.by + state.count) % state.count};
}

/** Rows of the list in a terminal `rows` tall: heading, blank, list, blank, summary (3), blank, hint. */
export function pickerLimit(entries: number, rows: number): number {
	return Math.max(3, Math.min(entries, rows - 9));
}

/**
 * The first entry shown: ink-select-input, mounted at `index`, shows the first `limit` entries,
 * or the `limit` ending at the highlighted one once it is further down.
 */
function firstShown(index: number, limit: number): number {
	return Math.max(0, index - (limit - 1));
}

/** How many entries the list hides above and below the `limit` it shows. */
export function hiddenEntries(index: number, limit: number, count: number): {readonly above: number; readonly below: number} {
	const first = firstShown(index, limit);
	return {above: first, below: Math.max(0, count - first - limit)};
}

/** The entry a digit opens (1 is the first shown), or null past the end. */
export function entryForDigit(digit: number, index: number, limit: number, count: number): number | null {
	const k = firstShown(index, limit) + digit - 1;
	return digit >= 1 && k < Math.min(count, firstShown(index, limit) + limit) ? k : null;
}

/** Menu entries for scenarios, in the given language. */
export function scenarioEntries(scenarios: readonly Scenario[], language: Language): PickerEntry[] {
	return scenarios.map((s) => ({key: s.file, title: s.title[language], summary: s.summary[language]}));
}
