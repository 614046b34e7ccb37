/** Which line is which run: marker and colour, label, and what legend.ts says about it. */
import {Box, Text} from 'ink';
import {runColor, useTheme} from '../kit/theme.js';
import {LABEL_GAP, LEGEND_GAP, type LegendLayout} from './legend-layout.js';

/** Draws a laid-out legend (a lesson's or a race's): one line per row of entries. */
export function Legend({layout, width}: {readonly layout: LegendLayout; readonly width: number}) {
	const theme = useTheme();
	const gap = ' '.repeat(LEGEND_GAP);
	return (
		<Box flexDirection="column" width={width}>
			{layout.lines.map((line, r) => (
				<Text key={r} wrap="truncate-end">
					{line.map((e, k) => (
						<Text key={e.run}>
							{k > 0 ? gap : ''}
							<Text {...(e.diverged ? theme.roles.bad : {color: runColor(theme, e.run)})} bold>
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
