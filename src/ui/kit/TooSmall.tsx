/** Shown instead of a screen when the terminal is smaller than it needs. */
import {Box, Text} from 'ink';
import {useLanguage, useSize} from './context.js';
import {truncate} from './format.js';
import {MIN_SIZE} from './size.js';
import {useTheme} from './theme.js';
import {tooSmallText} from './words.js';

/** `terminal too small (need 80×24, have 60×20)` and, below, how to leave (`q quit`), centred. */
export function TooSmall({quit}: {readonly quit: string}) {
	const theme = useTheme();
	const language = useLanguage();
	const {columns, rows} = useSize();
	const width = Math.max(1, columns);
	return (
		<Box width={width} height={Math.max(1, rows)} flexDirection="column" alignItems="center" justifyContent="center">
			<Text {...theme.roles.warn}>{truncate(tooSmallText(columns, rows, MIN_SIZE, language), width, theme.glyphs.ellipsis)}</Text>
			{rows >= 2 && quit !== '' ? <Text {...theme.roles.dim}>{truncate(quit, width, theme.glyphs.ellipsis)}</Text> : null}
		</Box>
	);
}
