/** The lesson menu: every scenario by title, the highlighted one's summary underneath. */
import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import {useState} from 'react';
import type {Language, Scenario} from '../../../scenarios/types.js';
import {wrap} from '../../kit/format.js';
import {useTheme} from '../../kit/theme.js';

/** Lines under the menu for the highlighted entry's summary. */
const SUMMARY_LINES = 3;

/** One entry of the menu: a scenario, or an action such as the guided tour. */
export interface PickerEntry {
	readonly key: string;
	readonly title: string;
	readonly summary: string;
}

export interface ScenarioPickerProps {
	/** Entries in menu order. */
	readonly entries: readonly PickerEntry[];
	/** The heading above the list. */
	readonly heading: string;
	/** Key hint line under the summary. */
	readonly hint: string;
	/** Rows available, so a long list scrolls instead of overflowing. */
	readonly rows: number;
	/** Columns available, for the summary's wrapping. */
	readonly columns: number;
	/** Called with the chosen entry's key. */
	readonly onSelect: (key: string) => void;
	/** Called when the person presses q or Esc. */
	readonly onQuit: () => void;
	/** Where the highlight starts (the last lesson opened, when coming back). */
	readonly initialKey?: string;
}

export function ScenarioPicker({entries, heading, hint, rows, columns, onSelect, onQuit, initialKey}: ScenarioPickerProps) {
	const initialIndex = Math.max(0, entries.findIndex((e) => e.key === initialKey));
	const [highlighted, setHighlighted] = useState(entries[initialIndex]?.key);
	useInput((input, key) => {
		if (input === 'q' || key.escape || (key.ctrl && input === 'c')) onQuit();
	});
	const theme = useTheme();
	const summary = entries.find((e) => e.key === highlighted)?.summary ?? '';
	// Wrapped by words here: Ink's wrap would start a continuation line with the space it broke at.
	const summaryLines = wrap(summary, columns, SUMMARY_LINES, theme.glyphs.ellipsis);
	// Heading, blank, list, blank, summary (up to 3 lines), blank, hint.
	const limit = Math.max(3, Math.min(entries.length, rows - 9));
	return (
		<Box flexDirection="column" width={columns}>
			<Text bold>{heading}</Text>
			<Text> </Text>
			<SelectInput
				indicatorComponent={Pointer}
				items={entries.map((e) => ({key: e.key, label: e.title, value: e.key}))}
				initialIndex={initialIndex}
				limit={limit}
				onHighlight={(item) => setHighlighted(item.value)}
				onSelect={(item) => onSelect(item.value)}
			/>
			<Text> </Text>
			<Box height={SUMMARY_LINES} flexDirection="column">
				{summaryLines.map((line, k) => (
					<Text key={k} dimColor>
						{line}
					</Text>
				))}
			</Box>
			<Text dimColor wrap="truncate-end">
				{hint}
			</Text>
		</Box>
	);
}

/** The highlight marker: ❯, or > with --ascii. */
function Pointer({isSelected = false}: {readonly isSelected?: boolean}) {
	const theme = useTheme();
	return (
		<Box marginRight={1}>
			<Text {...theme.roles.accent}>{isSelected ? (theme.glyphs.ascii ? '>' : '❯') : ' '}</Text>
		</Box>
	);
}

/** Menu entries for scenarios, in the given language. */
export function scenarioEntries(scenarios: readonly Scenario[], language: Language): PickerEntry[] {
	return scenarios.map((s) => ({key: s.file, title: s.title[language], summary: s.summary[language]}));
}
