/**
 * The input plane coloured by each run's predicted class, the data points on top: small panels
 * side by side, or the focused run large with a key beside it.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {ProbeData, RunProbe, RunState} from '../../../runner/protocol.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {formatPercent, truncate} from '../../kit/format.js';
import {Panel} from '../../kit/Panel.js';
import {asciiWord, moreText, word} from '../../kit/words.js';
import {runMarker, useTheme} from '../../kit/theme.js';
import {type ViewPalette, cycled, viewPalette} from '../../kit/palette.js';
import {boundaryTitle, layoutBoundary, squarePlot, tileRuns, tileTitleWidth} from './layout.js';

export interface DecisionBoundaryProps {
	/** The latest state of each run (labels, accuracy, divergence). */
	readonly runs: readonly RunState[];
	/** The latest probe of each run; null before the first. */
	readonly probes: readonly RunProbe[] | null;
	/** The points drawn on top; null until the worker sends them. */
	readonly data: ProbeData | null;
	/** The run shown large, or null for all of them. */
	readonly focus: number | null;
	/** Draw the test points too. */
	readonly showTest: boolean;
	/** Columns and rows of the whole area (panel borders included). */
	readonly width: number;
	readonly height: number;
}

interface PlotPanelProps {
	readonly title: string;
	readonly probe: RunProbe | undefined;
	readonly data: ProbeData | null;
	readonly showTest: boolean;
	readonly width: number;
	readonly height: number;
	readonly palette: ViewPalette;
}

/** One run's plane in a bordered panel, the square plot centred. */
function PlotPanel({title, probe, data, showTest, width, height, palette}: PlotPanelProps) {
	const {columns, rows} = squarePlot(width - 2, height - 2);
	const grid = probe?.boundary;
	const plot = useMemo(() => layoutBoundary(grid, data, {columns, rows, showTest, palette}), [grid, data, columns, rows, showTest, palette]);
	return (
		<Panel title={title} width={width} height={height}>
			<Box paddingLeft={Math.floor((width - 2 - columns) / 2)} paddingTop={Math.floor((height - 2 - rows) / 2)}>
				<CellRows rows={plot} width={columns} />
			</Box>
		</Panel>
	);
}

interface KeyProps {
	/** The focused run and its index. */
	readonly run: RunState | undefined;
	readonly index: number;
	/** How many runs there are. */
	readonly runs: number;
	readonly data: ProbeData | null;
	readonly showTest: boolean;
	readonly width: number;
	readonly height: number;
	readonly palette: ViewPalette;
}

/** The class key and the keys, beside the large plot. */
function Key({run, index, runs, data, showTest, width, height, palette}: KeyProps) {
	const theme = useTheme();
	const language = useLanguage();
	const e = theme.glyphs.ellipsis;
	const classes = Math.min(data?.classes ?? 0, 6);
	const detail = run && !run.diverged ? `${word('train', language)} ${formatPercent(run.accuracy)} ${theme.glyphs.separator} ${word('test', language)} ${formatPercent(run.testAccuracy)}` : '';
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={1} overflow="hidden">
			<Text {...(run?.diverged ? theme.roles.bad : theme.roles.accent)}>{boundaryTitle(run, index, runMarker(theme, index), theme.glyphs, language, width - 1)}</Text>
			<Text>{truncate(detail, width - 1, e)}</Text>
			<Text> </Text>
			<Text {...theme.roles.dim}>{truncate(word('classes', language), width - 1, e)}</Text>
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
			<Text {...theme.roles.dim}>{truncate(`t ${word('testPoints', language)}: ${word(showTest ? 'on' : 'off', language)}`, width - 1, e)}</Text>
			<Text {...theme.roles.dim}>{truncate(`[ ] ${word('pickRun', language)} ${index + 1}/${runs} ${theme.glyphs.separator} ${word('allRuns', language)}`, width - 1, e)}</Text>
		</Box>
	);
}

export function DecisionBoundary({runs, probes, data, focus, showTest, width, height}: DecisionBoundaryProps) {
	const theme = useTheme();
	const language = useLanguage();
	const palette = useMemo(() => viewPalette(theme), [theme]);
	const count = Math.max(runs.length, probes?.length ?? 0);
	// A panel's title gets its width less the two corners, one rule and a space either side.
	const title = (k: number, panelWidth: number) => boundaryTitle(runs[k], k, runMarker(theme, k), theme.glyphs, language, panelWidth - 5);
	if (!probes || !probes.some((p) => p.boundary)) {
		return (
			<Panel title={word('boundary', language)} width={width} height={height}>
				<Box width={width - 2} height={height - 2} alignItems="center" justifyContent="center">
					<Text {...theme.roles.dim}>{truncate(asciiWord('waitingProbe', language, theme.glyphs.ascii), width - 2, theme.glyphs.ellipsis)}</Text>
				</Box>
			</Panel>
		);
	}
	if (focus !== null && focus < count) {
		const side = squarePlot(width - 2, height - 2);
		const keyWidth = Math.min(44, width - side.columns - 2);
		// Leave the key at least 24 columns by shrinking the plot if need be.
		const plotWidth = keyWidth >= 24 ? side.columns + 2 : Math.max(8, width - 24);
		return (
			<Box flexDirection="row" width={width} height={height}>
				<PlotPanel title={title(focus, plotWidth)} probe={probes[focus]} data={data} showTest={showTest} width={plotWidth} height={height} palette={palette} />
				<Key run={runs[focus]} index={focus} runs={count} data={data} showTest={showTest} width={Math.min(44, width - plotWidth)} height={height} palette={palette} />
			</Box>
		);
	}
	const titleWidth = tileTitleWidth(runs, runs.map((_, k) => runMarker(theme, k)), theme.glyphs, language);
	const tiles = tileRuns(count, width, height, titleWidth);
	const hidden = count - tiles.shown;
	const rows = Array.from({length: tiles.down}, (_, r) => Array.from({length: tiles.across}, (_, c) => r * tiles.across + c));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{rows.map((row, r) => (
				<Box key={r} flexDirection="row" height={tiles.height}>
					{row.map((k) => {
						if (k < tiles.shown) {
							return <PlotPanel key={k} title={title(k, tiles.width)} probe={probes[k]} data={data} showTest={showTest} width={tiles.width} height={tiles.height} palette={palette} />;
						}
						if (k === tiles.shown && hidden > 0) {
							return (
								<Box key={k} width={tiles.width} height={tiles.height} alignItems="center" justifyContent="center">
									<Text {...theme.roles.dim}>{truncate(`${moreText(hidden, 'runs', language)} ${theme.glyphs.separator} [ ] ${word('pickRun', language)}`, tiles.width, theme.glyphs.ellipsis)}</Text>
								</Box>
							);
						}
						return null;
					})}
				</Box>
			))}
		</Box>
	);
}
