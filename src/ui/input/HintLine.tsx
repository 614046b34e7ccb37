/** A line of key hints, `space pause · tab view · ? help`: keys in the accent, words after them. */
import {Text} from 'ink';
import {useTheme} from '../kit/theme.js';
import type {Hint} from './hints.js';

export interface HintLineProps {
	readonly hints: readonly Hint[];
	/** Words in the dim role (the intro card's quieter line). */
	readonly dimWords?: boolean;
	/** Starts with a space, like the lines beside it. */
	readonly indent?: boolean;
}

export function HintLine({hints, dimWords = false, indent = true}: HintLineProps) {
	const theme = useTheme();
	const separator = theme.glyphs.separator;
	return (
		<Text wrap="truncate-end">
			{indent ? ' ' : ''}
			{hints.map((h, k) => (
				<Text key={h.keys}>
					{k > 0 ? <Text {...theme.roles.dim}>{` ${separator} `}</Text> : ''}
					<Text {...theme.roles.accent}>{h.keys}</Text>
					<Text {...(dimWords ? theme.roles.dim : theme.roles.text)}> {h.hint}</Text>
				</Text>
			))}
		</Text>
	);
}
