/** ‖∂L/∂W‖ per layer on a shared log scale: runs side by side, layer 1 at the top. */
import {Box, Text} from 'ink';
import type {RunState} from '../../../runner/protocol.js';
import {useLanguage} from '../../kit/context.js';
import {truncate} from '../../kit/format.js';
import {type Theme, runColor, useTheme} from '../../kit/theme.js';
import {asciiWord} from '../../kit/words.js';
import {type BarsSegment, barString, barsLayoutFor} from './layout.js';

export interface GradientBarsProps {
	/** The latest state of each run (their `layers` are drawn). */
	readonly runs: readonly RunState[];
	/** Columns available. */
	readonly width: number;
	/** Rows available. */
	readonly height: number;
	/** Show the saturated/dead percentage beside each bar. */
	readonly showStats: boolean;
	/** The run `[`/`]` picked: its page of runs is shown and its name marked. */
	readonly focus: number | null;
}

function Segment({segment, theme}: {readonly segment: BarsSegment; readonly theme: Theme}) {
	if (segment.kind === 'bar') return <Text color={runColor(theme, segment.run)}>{barString(segment.fraction, segment.width, theme.glyphs)}</Text>;
	const style = segment.run === undefined ? theme.roles[segment.role] : {...theme.roles[segment.role], color: runColor(theme, segment.run), bold: true, inverse: segment.selected === true};
	return <Text {...style}>{segment.text}</Text>;
}

export function GradientBars({runs, width, height, showStats, focus}: GradientBarsProps) {
	const theme = useTheme();
	const language = useLanguage();
	if (runs.every((r) => r.layers.length === 0)) {
		return (
			<Box width={width} height={height} alignItems="center" justifyContent="center">
				<Text {...theme.roles.dim}>{truncate(asciiWord(runs.every((r) => r.step === 0) ? 'waiting' : 'noLayers', language, theme.glyphs.ascii), width, theme.glyphs.ellipsis)}</Text>
			</Box>
		);
	}
	const layout = barsLayoutFor(runs, width, height, showStats, focus, language, theme);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{layout.rows.map((row, r) => (
				<Text key={r}>
					{row.map((segment, k) => (
						<Segment key={k} segment={segment} theme={theme} />
					))}
				</Text>
			))}
		</Box>
	);
}
