/** Which line is which run: marker and colour, label, current loss and accuracy, or where it diverged. */
import {Box, Text} from 'ink';
import type {RunState} from '../../runner/protocol.js';
import type {Language} from '../../scenarios/types.js';
import {LABEL_GAP, LEGEND_GAP, type LegendLayout, fitLegend} from './legend.js';
import {type Theme, runColor, runMarker, useTheme} from '../kit/theme.js';

export interface LegendProps {
	/** The latest state of each run, in run order. */
	readonly runs: readonly RunState[];
	/** Columns available. */
	readonly width: number;
	/** Lines available; runs that do not fit are counted as `+N more`. */
	readonly maxLines: number;
	readonly language: Language;
}

/** The legend's layout (the dashboard uses it to size the panels above). */
export function legendLayout(runs: readonly RunState[], width: number, maxLines: number, language: Language, theme: Theme): LegendLayout {
	const markers = runs.map((_, k) => runMarker(theme, k));
	return fitLegend(runs, markers, width, maxLines, language, theme.glyphs);
}

export function Legend({runs, width, maxLines, language}: LegendProps) {
	return <LegendLines layout={legendLayout(runs, width, maxLines, language, useTheme())} width={width} />;
}

/** Draws a laid-out legend (the loss legend's, or the race's): one line per row of entries. */
export function LegendLines({layout, width}: {readonly layout: LegendLayout; readonly width: number}) {
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
