/**
 * Every keymap entry with its keys and description, in one or two columns. Column widths follow
 * their content (display width, so Korean is measured right): the first column takes what its
 * longest line needs, the second the rest; a description longer than its column wraps onto the
 * next row when the rows allow, and is cut with an ellipsis only when they do not.
 */
import {Box, Text} from 'ink';
import type {Language} from '../../scenarios/types.js';
import {displayWidth, padEnd, truncate, wrap} from '../kit/format.js';
import {asciiText} from '../kit/ascii.js';
import {type CommandName, KEYMAP, type KeymapEntry, isAvailable, keysLabel} from '../input/keymap.js';
import {Panel} from '../kit/Panel.js';
import {word} from '../kit/words.js';
import {useTheme} from '../kit/theme.js';

export interface HelpOverlayProps {
	/** Columns, borders included. */
	readonly width: number;
	/** Rows, borders included. */
	readonly height: number;
	readonly language: Language;
	/** Optional commands this screen offers; the other optional ones are dimmed. */
	readonly enabled?: readonly CommandName[];
}

/** One drawn row of a column: the keys (only on an entry's first row) and a piece of its description. */
export interface HelpRow {
	readonly entry: KeymapEntry;
	readonly keys: string;
	readonly text: string;
}

export interface HelpColumn {
	readonly width: number;
	readonly rows: readonly HelpRow[];
}

/** The keymap spelled in ASCII for `--ascii` (→ becomes ->, … becomes ...). */
const ASCII_KEYMAP: readonly KeymapEntry[] = KEYMAP.map((e) => ({
	...e,
	keys: e.keys.map((k) => ({...k, label: asciiText(k.label)})),
	description: {en: asciiText(e.description.en), ko: asciiText(e.description.ko)},
}));

/** Below this many columns inside the panel, one column of entries. */
const TWO_COLUMNS_FROM = 60;

/**
 * The overlay's columns for `inner` × `lines` cells inside the borders. Every row is exactly its
 * column's width; the columns together are exactly `inner` wide.
 */
export function helpColumns(inner: number, lines: number, language: Language, ellipsis: string, entries: readonly KeymapEntry[] = KEYMAP): HelpColumn[] {
	const count = entries.length > lines && inner >= TWO_COLUMNS_FROM ? 2 : 1;
	const per = Math.ceil(entries.length / count);
	const groups = Array.from({length: count}, (_, c) => entries.slice(c * per, (c + 1) * per));
	const keysWidth = groups.map((g) => 1 + Math.max(0, ...g.map((e) => displayWidth(keysLabel(e)))) + 1);
	const natural = groups.map((g, c) => keysWidth[c]! + Math.max(0, ...g.map((e) => displayWidth(e.description[language]))) + 1);
	const widths = count === 1 ? [inner] : [Math.max(keysWidth[0]! + 8, Math.min(natural[0]!, inner - keysWidth[1]! - 8)), 0];
	if (count === 2) widths[1] = inner - widths[0]!;
	return groups.map((group, c) => {
		const width = widths[c]!;
		const room = Math.max(1, width - keysWidth[c]! - 1);
		const wrapped = group.map((e) => wrap(e.description[language], room));
		const fits = wrapped.reduce((n, w) => n + Math.max(1, w.length), 0) <= lines;
		const rows = group.flatMap((entry, k): HelpRow[] => {
			const pieces = fits ? wrapped[k]! : [truncate(entry.description[language], room, ellipsis)];
			return (pieces.length > 0 ? pieces : ['']).map((piece, p) => ({
				entry,
				keys: padEnd(p === 0 ? ` ${keysLabel(entry)}` : '', keysWidth[c]!, ellipsis),
				text: padEnd(piece, width - keysWidth[c]!, ellipsis),
			}));
		});
		return {width, rows: rows.slice(0, lines)};
	});
}

export function HelpOverlay({width, height, language, enabled}: HelpOverlayProps) {
	const theme = useTheme();
	const inner = Math.max(1, width - 2);
	const lines = Math.max(1, height - 2);
	const columns = helpColumns(inner, lines, language, theme.glyphs.ellipsis, theme.glyphs.ascii ? ASCII_KEYMAP : KEYMAP);
	return (
		<Panel title={`${word('keys', language)} (? / esc)`} width={width} height={height}>
			<Box flexDirection="row">
				{columns.map((column, c) => (
					<Box key={c} flexDirection="column" width={column.width}>
						{column.rows.map((row, r) => {
							const available = isAvailable(row.entry, enabled);
							return (
								<Text key={r}>
									<Text {...(available ? theme.roles.accent : theme.roles.dim)}>{row.keys}</Text>
									<Text {...(available ? theme.roles.text : theme.roles.dim)}>{row.text}</Text>
								</Text>
							);
						})}
					</Box>
				))}
			</Box>
		</Panel>
	);
}
