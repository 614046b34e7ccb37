/**
 * A regression's fit. 1-D inputs: one plot of the data points with every run's prediction curve
 * on top (or the focused run's alone). 2-D inputs: each run's prediction as a shaded map with the
 * points on top, in small panels side by side or the focused run large with the scale beside it
 * (plane/RunPlanes.tsx: the tiling and focus the decision boundary has too).
 */
import {Box, Text} from 'ink';
import {useCallback, useMemo} from 'react';
import type {FitData, FitPicture, RunProbe} from '../../../runner/protocol.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {displayWidth, formatR2, padStart, truncate} from '../../kit/format.js';
import {Panel} from '../../kit/Panel.js';
import {viewPalette} from '../../kit/palette.js';
import {runColor, runMarker, useTheme} from '../../kit/theme.js';
import {asciiWord, word} from '../../kit/words.js';
import {type DrawPlane, type PlaneKeyProps, type PlaneViewProps, RunPlanes, SideKey, WaitingPanel} from '../plane/RunPlanes.js';
import {type CurveRun, fitTitle, layoutCurves, layoutMap, mapColors, formatTick, mapShades, niceTicks, pointGlyphs, scaleLabels, xLabels} from './layout.js';

export type FitViewProps = PlaneViewProps<FitData>;

export function FitView(props: FitViewProps) {
	const theme = useTheme();
	const language = useLanguage();
	const {probes, data, width, height} = props;
	if (!data || !probes || !probes.some((p) => p.fit)) return <WaitingPanel title={asciiWord('fit', language, theme.glyphs.ascii)} width={width} height={height} />;
	return data.inputs === 1 ? <Curves {...props} data={data} probes={probes} /> : <Maps {...props} data={data} probes={probes} />;
}

type Drawn = FitViewProps & {readonly data: FitData; readonly probes: readonly RunProbe[]};

const curveOf = (probe: RunProbe | undefined): Float32Array | undefined => (probe?.fit?.kind === 'curve' ? probe.fit.values : undefined);
type MapPicture = Extract<FitPicture, {kind: 'map'}>;
const mapOf = (probe: RunProbe | undefined): MapPicture | undefined => (probe?.fit?.kind === 'map' ? probe.fit : undefined);

/** The 1-D fit: y labels, the plot, x labels. */
function Curves({runs, probes, data, focus, showTest, width, height}: Drawn) {
	const theme = useTheme();
	const language = useLanguage();
	const palette = useMemo(() => viewPalette(theme), [theme]);
	const g = theme.glyphs;
	const inner = {width: width - 2, height: height - 2};
	const rows = Math.max(1, inner.height - 1);
	const {bounds} = data;
	// Round values at the rows they fall in, a few rows apart.
	const labels = Array<string>(rows).fill('');
	for (const v of niceTicks(bounds.yMin, bounds.yMax, Math.max(1, Math.floor(rows / 3)))) {
		const r = Math.min(rows - 1, Math.floor(((bounds.yMax - v) / (bounds.yMax - bounds.yMin)) * rows));
		if (r >= 0) labels[r] = formatTick(v);
	}
	const labelWidth = Math.max(...labels.map(displayWidth)) + 1;
	const columns = Math.max(1, inner.width - labelWidth - 1);
	const count = Math.max(runs.length, probes.length);
	// The focused run alone; otherwise all of them, the first on top (it leads the legend).
	const order = focus !== null && focus < count ? [focus] : Array.from({length: count}, (_, k) => count - 1 - k);
	const shown = order.join();
	// A new probe (new curves) or a new focus draws anew; a frame between probes reuses the picture.
	const plot = useMemo(() => {
		const curveRuns: CurveRun[] = order.map((k) => ({values: curveOf(probes[k]), color: runColor(theme, k), marker: runMarker(theme, k)}));
		return layoutCurves(data, {columns, rows, showTest, palette, runs: curveRuns});
		// `order` is `shown` as an array.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [data, probes, shown, columns, rows, showTest, palette, theme]);
	const glyphs = pointGlyphs(palette);
	const target = data.targetNames[0] ?? 'y';
	const targets = data.targetNames.length > 1 ? ` (1/${data.targetNames.length})` : '';
	const head =
		focus !== null && focus < count
			? fitTitle(runs[focus], focus, runMarker(theme, focus), g.diverged, asciiWord('r2', language, g.ascii), language)
			: `${asciiWord('fit', language, g.ascii)}${targets}`;
	const points = `${glyphs.train} ${word('train', language)}${showTest ? `  ${glyphs.test} ${word('test', language)}` : ''}`;
	const title = `${head} ${g.separator} ${target} ${g.separator} ${points}`;
	const axis = xLabels(bounds.xMin, bounds.xMax, columns);
	return (
		<Panel title={title} width={width} height={height}>
			<Box flexDirection="row" height={rows}>
				<Box flexDirection="column" width={labelWidth + 1}>
					{labels.map((label, r) => (
						<Text key={r} {...theme.roles.dim}>
							{padStart(label, labelWidth, '') + (label ? g.tick : g.axis)}
						</Text>
					))}
				</Box>
				<CellRows rows={plot} width={columns} />
			</Box>
			<Text {...theme.roles.dim}>{' '.repeat(labelWidth + 1) + axis}</Text>
		</Panel>
	);
}

/** The focused map's key: the shading's scale and the points. */
function ScaleKey({run, index, runs, data, showTest, width, height, palette}: PlaneKeyProps<FitData>) {
	const theme = useTheme();
	const language = useLanguage();
	const g = theme.glyphs;
	const e = g.ellipsis;
	const r2 = asciiWord('r2', language, g.ascii);
	const detail = run && !run.diverged ? `${word('train', language)} ${r2} ${formatR2(run.r2, g.dash)} ${g.separator} ${word('test', language)} ${r2} ${formatR2(run.testR2, g.dash)}` : '';
	const colors = mapColors(palette);
	const shades = mapShades(palette);
	// Five steps of the scale, high to low: a colour swatch or a shade glyph each.
	const steps = 5;
	const labels = scaleLabels(data, steps);
	const swatch = (k: number) => {
		const t = 1 - k / (steps - 1);
		if (palette.color) return <Text backgroundColor={colors[Math.min(colors.length - 1, Math.round(t * (colors.length - 1)))]}>{'  '}</Text>;
		const shade = shades[Math.min(shades.length - 1, Math.round(t * (shades.length - 1)))]!;
		return `[${shade}${shade}]`;
	};
	const minus = palette.halfBlocks ? '−' : '-';
	return (
		<SideKey title={fitTitle(run, index, runMarker(theme, index), g.diverged, r2, language)} diverged={run?.diverged ?? false} detail={detail} index={index} runs={runs} showTest={showTest} width={width} height={height}>
			<Text {...theme.roles.dim}>{truncate(`${asciiWord('prediction', language, g.ascii)} (${data.targetNames[0] ?? 'y'})`, width - 1, e)}</Text>
			{labels.map((label, k) => (
				<Text key={k}>
					{swatch(k)} {label}
				</Text>
			))}
			<Text>{truncate(`+ ${word('aboveMiddle', language)}  ${minus} ${word('belowMiddle', language)}`, width - 1, e)}</Text>
		</SideKey>
	);
}

/** The 2-D fit: a map per run, tiled, or the focused one large with its key. */
function Maps({runs, probes, data, focus, showTest, width, height}: Drawn) {
	const theme = useTheme();
	const language = useLanguage();
	const palette = useMemo(() => viewPalette(theme), [theme]);
	const draw = useCallback<DrawPlane<MapPicture | undefined>>((picture, columns, rows) => layoutMap(picture, data, {columns, rows, showTest, palette}), [data, showTest, palette]);
	const r2 = asciiWord('r2', language, theme.glyphs.ascii);
	const count = Math.max(runs.length, probes.length);
	return (
		<RunPlanes
			count={count}
			focus={focus}
			picture={(k) => mapOf(probes[k])}
			draw={draw}
			title={(k) => fitTitle(runs[k], k, runMarker(theme, k), theme.glyphs.diverged, r2, language)}
			sideKey={(k, keyWidth, keyHeight) => <ScaleKey run={runs[k]} index={k} runs={count} data={data} showTest={showTest} width={keyWidth} height={keyHeight} palette={palette} />}
			width={width}
			height={height}
		/>
	);
}
