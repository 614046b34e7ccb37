/** Every keymap entry with its keys and description, in one or two columns. */
import {Box, Text} from 'ink';
import type {Language} from '../scenarios/types.js';
import {padEnd} from './format.js';
import {type CommandName, KEYMAP, isAvailable, keysLabel} from './keymap.js';
import {Panel} from './Panel.js';
import {word} from './strings.js';
import {useTheme} from './theme.js';

export interface HelpOverlayProps {
	/** Columns, borders included. */
	readonly width: number;
	/** Rows, borders included. */
	readonly height: number;
	readonly language: Language;
	/** Optional commands this screen offers; the other optional ones are dimmed. */
	readonly enabled?: readonly CommandName[];
}

const KEYS_WIDTH = 14;

export function HelpOverlay({width, height, language, enabled}: HelpOverlayProps) {
	const theme = useTheme();
	const inner = width - 2;
	const perColumn = Math.max(1, height - 2);
	const columns = KEYMAP.length > perColumn && inner >= 60 ? 2 : 1;
	const columnWidth = Math.floor(inner / columns);
	const rows = Math.ceil(KEYMAP.length / columns);
	const ellipsis = theme.glyphs.ellipsis;
	return (
		<Panel title={`${word('keys', language)} (? / esc)`} width={width} height={height}>
			{Array.from({length: Math.min(rows, perColumn)}, (_, r) => (
				<Box key={r}>
					{Array.from({length: columns}, (_, c) => {
						const entry = KEYMAP[c * rows + r];
						if (!entry) return null;
						const style = isAvailable(entry, enabled) ? theme.roles.text : theme.roles.dim;
						return (
							<Text key={c}>
								<Text {...(isAvailable(entry, enabled) ? theme.roles.accent : theme.roles.dim)}>{padEnd(` ${keysLabel(entry)}`, KEYS_WIDTH, ellipsis)}</Text>
								<Text {...style}>{padEnd(entry.description[language], columnWidth - KEYS_WIDTH, ellipsis)}</Text>
							</Text>
						);
					})}
				</Box>
			))}
		</Panel>
	);
}
