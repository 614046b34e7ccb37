/** Shown instead of the dashboard when the terminal is smaller than it needs. */
import {Box, Text} from 'ink';
import type {Language} from '../../scenarios/types.js';
import {truncate} from './format.js';
import {word} from './words.js';
import {useTheme} from './theme.js';

export interface TooSmallProps {
	/** The terminal's columns. */
	readonly columns: number;
	/** The terminal's rows. */
	readonly rows: number;
	/** The size the dashboard needs. */
	readonly need?: {readonly columns: number; readonly rows: number};
	readonly language: Language;
}

/** `terminal too small (need 80×24, have 60×20)`. */
export function tooSmallText(columns: number, rows: number, need: {readonly columns: number; readonly rows: number}, language: Language): string {
	return `${word('tooSmall', language)} (${word('need', language)} ${need.columns}×${need.rows}, ${word('have', language)} ${columns}×${rows})`;
}

export function TooSmall({columns, rows, need = {columns: 80, rows: 24}, language}: TooSmallProps) {
	const theme = useTheme();
	const width = Math.max(1, columns);
	return (
		<Box width={width} height={Math.max(1, rows)} alignItems="center" justifyContent="center">
			<Text {...theme.roles.warn}>{truncate(tooSmallText(columns, rows, need, language), width, theme.glyphs.ellipsis)}</Text>
		</Box>
	);
}
