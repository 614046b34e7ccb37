/**
 * Loss curves, one coloured line per run (and a dashed one for its test loss when asked), on a
 * log10 or linear scale, with the x unit underneath. A run singled out draws bold on top, in heavy
 * lines; the others dim. A run's marker in the top row marks a step where its lr or momentum changed.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {XAxis} from '../../../scenarios/types.js';
import {useLanguage} from '../../kit/context.js';
import {truncate} from '../../kit/format.js';
import {type Theme, runColor, runMarker, useTheme} from '../../kit/theme.js';
import {asciiWord} from '../../kit/words.js';
import type {RunView} from '../model.js';
import {type ChartSegment, changeMarks, layoutChart, markChanges, xAxisLine} from './layout.js';
import {runSeries} from './series.js';

export interface LossChartProps {
	/** The runs, in legend order (their histories are drawn). */
	readonly runs: readonly RunView[];
	readonly xAxis: XAxis;
	/** log10 of the loss (labels still show the real value). */
	readonly logScale: boolean;
	/** Time constant of the batch loss's moving average in steps; null draws it raw. */
	readonly smoothing: number | null;
	/** Each run's test loss too, dashed. */
	readonly showTest: boolean;
	/** The run singled out, or null. */
	readonly focus: number | null;
	/** Columns for the chart. */
	readonly width: number;
	/** Rows for the chart, the x-axis line included. */
	readonly height: number;
}

function segmentStyle(segment: ChartSegment, theme: Theme) {
	if (segment.kind === 'label') return theme.roles.dim;
	if (segment.kind === 'axis') return theme.roles.border;
	if (segment.kind === 'diverged') return segment.emphasis === 'dim' ? {...theme.roles.bad, bold: false, dimColor: true} : theme.roles.bad;
	if (segment.run === null) return theme.roles.text;
	const bold = segment.emphasis === 'focus' || (segment.kind === 'marker' && segment.emphasis === 'normal');
	return {color: runColor(theme, segment.run), bold, dimColor: segment.emphasis === 'dim'};
}

export function LossChart({runs, xAxis, logScale, smoothing, showTest, focus, width, height}: LossChartProps) {
	const theme = useTheme();
	const language = useLanguage();
	const count = runs.length;
	const markers = useMemo(() => Array.from({length: count}, (_, k) => runMarker(theme, k)), [count, theme]);
	const layout = useMemo(
		() => layoutChart(runSeries(runs, {xAxis, smoothing, test: showTest, focus}), {log: logScale, width, height: Math.max(2, height - 1), markers, glyphs: theme.glyphs}),
		[runs, xAxis, logScale, smoothing, showTest, focus, width, height, theme, markers],
	);
	if (layout.kind === 'empty') {
		return (
			<Box width={width} height={height} alignItems="center" justifyContent="center">
				<Text {...theme.roles.dim}>{truncate(asciiWord(layout.allDiverged ? 'allDiverged' : 'waiting', language, theme.glyphs.ascii), width, theme.glyphs.ellipsis)}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{markChanges(layout.rows, changeMarks(runs, layout, xAxis), markers).map((row, r) => (
				<Text key={r}>
					{row.map((segment, k) => (
						<Text key={k} {...segmentStyle(segment, theme)}>
							{segment.text}
						</Text>
					))}
				</Text>
			))}
			<Text {...theme.roles.dim}>{xAxisLine(layout.plotStart, layout.plotWidth, layout.xMin, layout.xMax, xAxis, language)}</Text>
		</Box>
	);
}
