/** Every command a screen (a lesson, the editor) offers with its keys and description (help-layout.ts lays it out). */
import {Box, Text} from 'ink';
import {useLanguage} from '../kit/context.js';
import {Panel} from '../kit/Panel.js';
import {useTheme} from '../kit/theme.js';
import {type CommandName, type Scope, isAvailable} from '../input/keymap.js';
import {helpColumns, helpItems, helpTitle} from './help-layout.js';

export interface HelpOverlayProps {
	/** Columns, borders included. */
	readonly width: number;
	/** Rows, borders included. */
	readonly height: number;
	/** Optional commands this screen offers; the other optional ones are dimmed. */
	readonly enabled?: readonly CommandName[];
	/** Whose keys: a lesson's (the default, or its view's when the view has keys of its own) or the editor's. */
	readonly scope?: Scope;
}

export function HelpOverlay({width, height, enabled, scope = 'lesson'}: HelpOverlayProps) {
	const theme = useTheme();
	const language = useLanguage();
	const columns = helpColumns(Math.max(1, width - 2), Math.max(1, height - 2), helpItems(language, theme.glyphs.ascii, scope), theme.glyphs.ellipsis);
	return (
		<Panel title={helpTitle(language)} width={width} height={height}>
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
