/** The lesson menu: every scenario by title, the highlighted one's summary underneath. */
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useLanguage, useSize} from '../../kit/context.js';
import {asciiText} from '../../kit/ascii.js';
import {truncate, wrap} from '../../kit/format.js';
import {scrollText} from '../../kit/words.js';
import {useTheme} from '../../kit/theme.js';
import {hintsText, scopeHints} from '../../input/hints.js';
import {useOwnStore, useStore} from '../../input/store.js';
import {useKeys} from '../../input/use-keys.js';
import type {KeyAnswer} from '../../input/router.js';
import {type PickerEntry, entryForDigit, hiddenEntries, pickerLimit, pickerReducer} from './picker-state.js';

/** Lines under the menu for the highlighted entry's summary. */
const SUMMARY_LINES = 3;

export interface ScenarioPickerProps {
	/** Entries in menu order. */
	readonly entries: readonly PickerEntry[];
	/** The heading above the list. */
	readonly heading: string;
	/** Rows available (the terminal's, unless something is drawn under the picker). */
	readonly rows?: number;
	/** Called with the chosen entry's key. */
	readonly onOpen: (key: string) => KeyAnswer;
	/** q, Esc or Ctrl-C. */
	readonly onQuit: () => KeyAnswer;
	/** When given, q and Esc go back with it (a list opened from the picker); Ctrl-C still quits. */
	readonly onBack?: () => KeyAnswer;
	/** Where the highlight starts (the last lesson opened, when coming back). */
	readonly initialKey?: string;
}

export function ScenarioPicker({entries, heading, rows, onOpen, onQuit, onBack, initialKey}: ScenarioPickerProps) {
	const theme = useTheme();
	const language = useLanguage();
	const size = useSize();
	const store = useOwnStore(pickerReducer, () => ({index: Math.max(0, entries.findIndex((e) => e.key === initialKey)), count: entries.length}));
	const {index} = useStore(store);
	const limit = pickerLimit(entries.length, rows ?? size.rows);
	const open = (k: number | null) => {
		const entry = k === null ? undefined : entries[k];
		return entry ? onOpen(entry.key) : undefined;
	};
	useKeys({scope: 'picker'}, (command, press) => {
		const at = store.getState().index;
		switch (command) {
			case 'up':
			case 'down':
				return store.dispatch({type: 'move', by: command === 'up' ? -1 : 1});
			case 'open':
				return open(at);
			case 'openNumber':
				return open(entryForDigit(Number(press.char), at, limit, entries.length));
			case 'quit':
				return onBack && !press.ctrl ? onBack() : onQuit();
		}
	});
	const summary = entries[index]?.summary ?? '';
	// Wrapped by words here: Ink's wrap would start a continuation line with the space it broke at.
	const summaryLines = wrap(summary, size.columns, SUMMARY_LINES, theme.glyphs.ellipsis);
	const hint = hintsText(scopeHints('picker', language, {ascii: theme.glyphs.ascii}), theme.glyphs.separator);
	// A list longer than the screen says so (with --dir it can be): on the line under it.
	const hidden = hiddenEntries(index, limit, entries.length);
	const scroll = scrollText(hidden.above, hidden.below, theme.glyphs.separator, language);
	const scrollLine = truncate(theme.glyphs.ascii ? asciiText(scroll) : scroll, size.columns - 2, theme.glyphs.ellipsis);
	return (
		<Box flexDirection="column" width={size.columns}>
			<Text bold>{heading}</Text>
			<Text> </Text>
			{/* Unfocused, so it takes no keys of its own: the keys above move `index`, and a new index mounts a new list there. */}
			<SelectInput key={index} isFocused={false} indicatorComponent={Pointer} items={entries.map((e) => ({key: e.key, label: e.title, value: e.key}))} initialIndex={index} limit={limit} />
			<Text dimColor>{scrollLine === '' ? ' ' : `  ${scrollLine}`}</Text>
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
