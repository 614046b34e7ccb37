/** A bordered panel whose top border carries its title: `┌ loss (log) ──────┐`. */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {displayWidth, truncate} from './format.js';
import {useTheme} from './theme.js';

export interface PanelProps {
	/** Shown in the top border. */
	readonly title: string;
	/** Columns, borders included. */
	readonly width: number;
	/** Rows, borders included (the content gets `height − 2`). */
	readonly height: number;
	/** The content, at most `width − 2` columns by `height − 2` rows. */
	readonly children?: ReactNode;
}

export function Panel({title, width, height, children}: PanelProps) {
	const theme = useTheme();
	const g = theme.glyphs;
	const head = truncate(` ${title} `, Math.max(0, width - 3), g.ellipsis);
	const rule = g.horizontal.repeat(Math.max(0, width - 3 - displayWidth(head)));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text>
				<Text {...theme.roles.border}>{g.topLeft + g.horizontal}</Text>
				<Text {...theme.roles.accent}>{head}</Text>
				<Text {...theme.roles.border}>{rule + g.topRight}</Text>
			</Text>
			<Box
				flexDirection="column"
				width={width}
				height={Math.max(1, height - 1)}
				borderStyle={g.borderStyle}
				borderTop={false}
				borderColor={theme.roles.border.color}
				overflow="hidden"
			>
				{children}
			</Box>
		</Box>
	);
}
