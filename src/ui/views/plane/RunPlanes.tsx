/**
 * The frame of the input-plane views (decision boundary, 2-D fit): a waiting panel until the
 * first picture; then each run's picture in a small panel, tiled ("+N more" in the last tile when
 * not all fit), or the focused run's large with its key beside it.
 */
import {Box, Text} from 'ink';
import {type ReactNode, useMemo} from 'react';
import type {RunProbe, RunState} from '../../../runner/protocol.js';
import {CellRows} from '../../kit/CellRows.js';
import type {SegmentRow} from '../../kit/cells.js';
import {useLanguage} from '../../kit/context.js';
import {truncate} from '../../kit/format.js';
import {Panel} from '../../kit/Panel.js';
import type {ViewPalette} from '../../kit/palette.js';
import {useTheme} from '../../kit/theme.js';
import {asciiWord, moreText, word} from '../../kit/words.js';
import {focusWidths, squarePlot, tileRuns} from './layout.js';

/** What an input-plane view is handed. */
export interface PlaneViewProps<D> {
	/** The latest state of each run (labels, scores, divergence). */
	readonly runs: readonly RunState[];
	/** The latest probe of each run; null before the first. */
	readonly probes: readonly RunProbe[] | null;
	/** The points drawn on top and their window; null until the worker sends them. */
	readonly data: D | null;
	/** The run shown large, or null for all of them. */
	readonly focus: number | null;
	/** Draw the test points too. */
	readonly showTest: boolean;
	/** Columns and rows of the whole area (panel borders included). */
	readonly width: number;
	readonly height: number;
}

/** What a view's key beside its focused plot is handed. */
export interface PlaneKeyProps<D> {
	/** The focused run and its index. */
	readonly run: RunState | undefined;
	readonly index: number;
	/** How many runs there are. */
	readonly runs: number;
	readonly data: D;
	readonly showTest: boolean;
	readonly width: number;
	readonly height: number;
	readonly palette: ViewPalette;
}

/** Draws a run's picture on a plot of `columns` × `rows` characters. Keep it stable (useCallback): a new one redraws every picture. */
export type DrawPlane<P> = (picture: P, columns: number, rows: number) => SegmentRow[];

/** The view's panel before the first picture: its title and "waiting…" in the middle. */
export function WaitingPanel({title, width, height}: {readonly title: string; readonly width: number; readonly height: number}) {
	const theme = useTheme();
	const language = useLanguage();
	return (
		<Panel title={title} width={width} height={height}>
			<Box width={width - 2} height={height - 2} alignItems="center" justifyContent="center">
				<Text {...theme.roles.dim}>{truncate(asciiWord('waitingProbe', language, theme.glyphs.ascii), width - 2, theme.glyphs.ellipsis)}</Text>
			</Box>
		</Panel>
	);
}

interface PlotPanelProps<P> {
	readonly title: string;
	readonly picture: P;
	readonly draw: DrawPlane<P>;
	readonly width: number;
	readonly height: number;
}

/** One run's picture in a bordered panel, the square plot centred; drawn anew only for a new picture, size or `draw`. */
function PlotPanel<P>({title, picture, draw, width, height}: PlotPanelProps<P>) {
	const {columns, rows} = squarePlot(width - 2, height - 2);
	const plot = useMemo(() => draw(picture, columns, rows), [draw, picture, columns, rows]);
	return (
		<Panel title={title} width={width} height={height}>
			<Box paddingLeft={Math.floor((width - 2 - columns) / 2)} paddingTop={Math.floor((height - 2 - rows) / 2)}>
				<CellRows rows={plot} width={columns} />
			</Box>
		</Panel>
	);
}

export interface RunPlanesProps<P> {
	/** How many runs there are. */
	readonly count: number;
	/** The run shown large, or null for all of them. */
	readonly focus: number | null;
	/** Run k's picture (undefined before its first). */
	readonly picture: (k: number) => P;
	readonly draw: DrawPlane<P>;
	/** Run k's panel title, for a panel `width` columns wide (borders included). */
	readonly title: (k: number, width: number) => string;
	/** Tiles at least this wide (borders included) come first, so titles stay readable. */
	readonly titleWidth?: number;
	/** The key of focused run k, `width` × `height`, beside its plot. */
	readonly sideKey: (k: number, width: number, height: number) => ReactNode;
	/** Columns and rows of the whole area (panel borders included). */
	readonly width: number;
	readonly height: number;
}

/** The runs' pictures: tiled, or the focused one large with its key. */
export function RunPlanes<P>({count, focus, picture, draw, title, titleWidth = 0, sideKey, width, height}: RunPlanesProps<P>) {
	const theme = useTheme();
	const language = useLanguage();
	if (focus !== null && focus < count) {
		const widths = focusWidths(width, height);
		return (
			<Box flexDirection="row" width={width} height={height}>
				<PlotPanel title={title(focus, widths.plot)} picture={picture(focus)} draw={draw} width={widths.plot} height={height} />
				{sideKey(focus, widths.key, height)}
			</Box>
		);
	}
	const tiles = tileRuns(count, width, height, titleWidth);
	const hidden = count - tiles.shown;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{Array.from({length: tiles.down}, (_, r) => (
				<Box key={r} flexDirection="row" height={tiles.height}>
					{Array.from({length: tiles.across}, (_, c) => {
						const k = r * tiles.across + c;
						if (k < tiles.shown) return <PlotPanel key={k} title={title(k, tiles.width)} picture={picture(k)} draw={draw} width={tiles.width} height={tiles.height} />;
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

export interface SideKeyProps {
	/** The focused run's title and its scores (empty when it has none). */
	readonly title: string;
	readonly diverged: boolean;
	readonly detail: string;
	/** The focused run's index, and how many runs there are. */
	readonly index: number;
	readonly runs: number;
	readonly showTest: boolean;
	readonly width: number;
	readonly height: number;
	/** What the picture's colours and glyphs mean, between the scores and the keys. */
	readonly children: ReactNode;
}

/** The key beside the focused plot: the run, its scores, the view's own key, then the keys t and [ ]. */
export function SideKey({title, diverged, detail, index, runs, showTest, width, height, children}: SideKeyProps) {
	const theme = useTheme();
	const language = useLanguage();
	const g = theme.glyphs;
	const fit = (text: string) => truncate(text, width - 1, g.ellipsis);
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={1} overflow="hidden">
			<Text {...(diverged ? theme.roles.bad : theme.roles.accent)}>{fit(title)}</Text>
			<Text>{fit(detail)}</Text>
			{children}
			<Text {...theme.roles.dim}>{fit(`t ${word('testPoints', language)}: ${word(showTest ? 'on' : 'off', language)}`)}</Text>
			<Text {...theme.roles.dim}>{fit(`[ ] ${word('pickRun', language)} ${index + 1}/${runs} ${g.separator} ${word('allRuns', language)}`)}</Text>
		</Box>
	);
}
