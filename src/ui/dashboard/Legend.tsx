/** Which line is which run: marker and colour, label, and what legend.ts says about it. */
import {Box, Text} from 'ink';
import {runColor, useTheme} from '../kit/theme.js';
import {LABEL_GAP, LEGEND_GAP, type LegendLayout} from './legend-layout.js';

export interface LegendProps {
	readonly layout: LegendLayout;
	readonly width: number;
	/** The run picked with [ ] (its label underlined): the one the lr keys change. */
	readonly focus?: number | null;
}

/** Draws a laid-out legend (a lesson's or a race's): one line per row of entries. */
export function Legend({layout, width, focus = null}: LegendProps) {
	const theme = useTheme();
	const gap = ' '.repeat(LEGEND_GAP);
	return (
		<Box flexDirection="column" width={width}>
			{layout.lines.map((line, r) => (
				<Text key={r} wrap="truncate-end">
					{line.map((e, k) => (
						<Text key={e.run}>
							{k > 0 ? gap : ''}
							<Text {...(e.diverged ? theme.roles.bad : {color: runColor(theme, e.run)})} bold underline={e.run === focus}>
								{e.marker} {e.label}
							</Text>
							{LABEL_GAP}
							<Text {...(e.diverged ? theme.roles.bad : theme.roles.text)}>{e.detail}</Text>
						</Text>
					))}
					{r === layout.lines.length - 1 && layout.hidden > 0 ? <Text {...theme.roles.dim}>{gap + layout.moreText}</Text> : ''}
				</Text>
			))}
		</Box>
	);
}
