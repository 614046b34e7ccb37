/**
 * The input plane coloured by each run's predicted class, the data points on top: small panels
 * side by side, or the focused run large with a key beside it.
 */
import {Text} from 'ink';
import {useCallback, useMemo} from 'react';
import type {BoundaryGrid, ProbeData} from '../../../runner/protocol.js';
import {useLanguage} from '../../kit/context.js';
import {formatPercent, truncate} from '../../kit/format.js';
import {cycled, viewPalette} from '../../kit/palette.js';
import {runMarker, useTheme} from '../../kit/theme.js';
import {word} from '../../kit/words.js';
import {type DrawPlane, type PlaneKeyProps, type PlaneViewProps, RunPlanes, SideKey, WaitingPanel} from '../plane/RunPlanes.js';
import {boundaryTitle, layoutBoundary, tileTitleWidth} from './layout.js';

export type DecisionBoundaryProps = PlaneViewProps<ProbeData>;

/** The class key beside the large plot. */
function Key({run, index, runs, data, showTest, width, height, palette}: PlaneKeyProps<ProbeData | null>) {
	const theme = useTheme();
	const language = useLanguage();
	const classes = Math.min(data?.classes ?? 0, 6);
	const detail = run && !run.diverged ? `${word('train', language)} ${formatPercent(run.accuracy)} ${theme.glyphs.separator} ${word('test', language)} ${formatPercent(run.testAccuracy)}` : '';
	const title = boundaryTitle(run, index, runMarker(theme, index), theme.glyphs, language, width - 1);
	return (
		<SideKey title={title} diverged={run?.diverged ?? false} detail={detail} index={index} runs={runs} showTest={showTest} width={width} height={height}>
			<Text> </Text>
			<Text {...theme.roles.dim}>{truncate(word('classes', language), width - 1, theme.glyphs.ellipsis)}</Text>
			{Array.from({length: classes}, (_, k) => {
				const shade = cycled(palette.shades, k) ?? ' ';
				return (
					<Text key={k}>
						{palette.color ? <Text color={cycled(palette.regions, k)}>{palette.halfBlocks ? '██' : '##'}</Text> : `[${shade}${shade}]`}
						{` ${k}  `}
						<Text color={cycled(palette.points, k)} bold>
							{cycled(palette.trainGlyphs, k)}
						</Text>
						{` ${word('train', language)}  `}
						<Text color={cycled(palette.points, k)} dimColor={!palette.color}>
							{cycled(palette.testGlyphs, k)}
						</Text>
						{` ${word('test', language)}`}
					</Text>
				);
			})}
			<Text> </Text>
		</SideKey>
	);
}

export function DecisionBoundary({runs, probes, data, focus, showTest, width, height}: DecisionBoundaryProps) {
	const theme = useTheme();
	const language = useLanguage();
	const palette = useMemo(() => viewPalette(theme), [theme]);
	const draw = useCallback<DrawPlane<BoundaryGrid | undefined>>((grid, columns, rows) => layoutBoundary(grid, data, {columns, rows, showTest, palette}), [data, showTest, palette]);
	if (!probes || !probes.some((p) => p.boundary)) return <WaitingPanel title={word('boundary', language)} width={width} height={height} />;
	const count = Math.max(runs.length, probes.length);
	// A panel's title gets its width less the two corners, one rule and a space either side.
	const title = (k: number, panelWidth: number) => boundaryTitle(runs[k], k, runMarker(theme, k), theme.glyphs, language, panelWidth - 5);
	return (
		<RunPlanes
			count={count}
			focus={focus}
			picture={(k) => probes[k]?.boundary}
			draw={draw}
			title={title}
			titleWidth={tileTitleWidth(runs, runs.map((_, k) => runMarker(theme, k)), theme.glyphs, language)}
			sideKey={(k, keyWidth, keyHeight) => <Key run={runs[k]} index={k} runs={count} data={data} showTest={showTest} width={keyWidth} height={keyHeight} palette={palette} />}
			width={width}
			height={height}
		/>
	);
}
