/**
 * TensorBoard's "distributions" in a terminal: per layer, the run's |∂L/∂W| values binned by
 * log-magnitude as a sparkline (taller where the panel has the rows), so saturated or dead units
 * show as mass piling up at tiny magnitudes. The focused run alone, or as many runs as fit side by side.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {HISTOGRAM_BINS} from '../../../core/probe.js';
import type {RunProbe, RunState} from '../../../runner/protocol.js';
import {displayWidth, formatSci, padEnd, padStart, truncate} from '../../kit/format.js';
import {useLanguage} from '../../kit/context.js';
import {GAP, LABEL_WIDTH, STAT_WIDTH, histogramAxis, histogramTiles, layerRows, medianMagnitude, sparkRows} from './layout.js';
import {asciiWord, moreText, word} from '../../kit/words.js';
import {runColor, runMarker, useTheme} from '../../kit/theme.js';
import {viewPalette} from '../../kit/palette.js';

export interface GradientHistogramsProps {
	/** The latest state of each run (labels, divergence). */
	readonly runs: readonly RunState[];
	/** The latest probe of each run; null before the first. */
	readonly probes: readonly RunProbe[] | null;
	/** The run shown alone, or null for as many as fit. */
	readonly focus: number | null;
	/** Columns and rows available. */
	readonly width: number;
	readonly height: number;
}

interface BlockProps {
	readonly run: RunState | undefined;
	readonly index: number;
	readonly histograms: readonly (readonly number[])[] | undefined;
	readonly width: number;
	readonly height: number;
	/** Rows each layer's sparkline takes. */
	readonly rows: number;
	/** Said at the right of the header row ("+1 more · [ ] run" when no row is left below the blocks). */
	readonly note?: string;
}

/** One run: its header, a sparkline per layer, and the axis. */
function Block({run, index, histograms, width, height, rows, note = ''}: BlockProps) {
	const theme = useTheme();
	const language = useLanguage();
	const palette = useMemo(() => viewPalette(theme), [theme]);
	const g = theme.glyphs;
	const stats = width - LABEL_WIDTH - STAT_WIDTH >= HISTOGRAM_BINS;
	const perBin = Math.max(1, Math.floor((width - LABEL_WIDTH - (stats ? STAT_WIDTH : 0)) / HISTOGRAM_BINS));
	const layers = histograms ?? [];
	// Header and axis take two rows; when layers do not fit, the last row says how many are left out.
	const room = Math.max(0, height - 2);
	const tall = layers.length * rows <= room ? rows : 1;
	const shown = layers.length * tall <= room ? layers.length : Math.max(0, room - 1);
	const header = run?.diverged
		? `${g.diverged} ${run.label} ${theme.glyphs.separator} ${word('divergedAt', language)} ${run.divergedAt ?? run.step}`
		: `${runMarker(theme, index)} ${run?.label ?? index + 1}`;
	const color = runColor(theme, index);
	return (
		<Box flexDirection="column" width={width} height={Math.min(height, layers.length * tall + 2)}>
			<Text>
				<Text {...(run?.diverged ? theme.roles.bad : {color})} bold>
					{truncate(header, width, g.ellipsis)}
				</Text>
				{note && displayWidth(header) + 2 < width ? <Text {...theme.roles.dim}>{padStart(truncate(note, width - displayWidth(header) - 2, g.ellipsis), width - displayWidth(header), '')}</Text> : null}
			</Text>
			{layers.slice(0, shown).flatMap((counts, l) => {
				const label = padEnd(`${word('layer', language)}${l + 1}`, LABEL_WIDTH, '');
				const empty = counts.every((n) => n === 0);
				if (empty) {
					// As tall as the others, the words on the bottom row.
					return [
						...Array.from({length: tall - 1}, (_, r) => <Text key={`${l}-${r}`}> </Text>),
						<Text key={l}>
							<Text {...theme.roles.dim}>{label}</Text>
							<Text {...theme.roles.bad}>{truncate(word('noGradients', language), width - LABEL_WIDTH, g.ellipsis)}</Text>
						</Text>,
					];
				}
				const stat = stats ? padStart(`${word('median', language)} ${formatSci(medianMagnitude(counts), g.dash)}`, STAT_WIDTH, '') : '';
				// The layer's name and median beside the bottom row, where its bars stand.
				const lines = sparkRows(counts, perBin, palette.spark, tall);
				return lines.map((line, r) => (
					<Text key={`${l}-${r}`}>
						<Text {...theme.roles.dim}>{r === tall - 1 ? label : ' '.repeat(LABEL_WIDTH)}</Text>
						<Text color={color}>{line}</Text>
						<Text {...theme.roles.dim}>{r === tall - 1 ? stat : ''}</Text>
					</Text>
				));
			})}
			{shown < layers.length ? <Text {...theme.roles.dim}>{truncate(moreText(layers.length - shown, 'layers', language), width, g.ellipsis)}</Text> : null}
			<Text {...theme.roles.dim}>{' '.repeat(LABEL_WIDTH) + histogramAxis(perBin, width - LABEL_WIDTH)}</Text>
		</Box>
	);
}

export function GradientHistograms({runs, probes, focus, width, height}: GradientHistogramsProps) {
	const theme = useTheme();
	const language = useLanguage();
	const count = Math.max(runs.length, probes?.length ?? 0);
	if (!probes || !probes.some((p) => p.histograms && p.histograms.length > 0)) {
		return (
			<Box width={width} height={height} alignItems="center" justifyContent="center">
				<Text {...theme.roles.dim}>{truncate(asciiWord('waitingProbe', language, theme.glyphs.ascii), width, theme.glyphs.ellipsis)}</Text>
			</Box>
		);
	}
	if (focus !== null && focus < count) {
		return (
			<Box width={width} height={height} flexDirection="column">
				<Block run={runs[focus]} index={focus} histograms={probes[focus]?.histograms} width={width} height={height} rows={layerRows(probes[focus]?.histograms?.length ?? 0, height)} />
			</Box>
		);
	}
	const layers = Math.max(...probes.map((p) => p.histograms?.length ?? 0));
	const tiles = histogramTiles(count, layers, width, height);
	const hidden = count - tiles.shown;
	const blockHeight = Math.min(height, layers * tiles.rows + 2);
	// "+N more" goes under the blocks when a row is left there, else beside the last block's name
	// (11 layers fill a 13-row panel at 80×24: a line under them overwrote the axis).
	const more = hidden > 0 ? `${moreText(hidden, 'runs', language)} ${theme.glyphs.separator} [ ] ${word('pickRun', language)}` : '';
	const moreBelow = tiles.down * (blockHeight + 1) <= height;
	return (
		<Box width={width} height={height} flexDirection="column">
			{Array.from({length: tiles.down}, (_, r) => (
				<Box key={r} flexDirection="row" height={blockHeight} marginBottom={r + 1 < tiles.down ? 1 : 0}>
					{Array.from({length: tiles.across}, (_, c) => {
						const k = r * tiles.across + c;
						if (k >= tiles.shown) return null;
						return (
							<Box key={k} marginRight={c + 1 < tiles.across ? GAP : 0}>
								<Block run={runs[k]} index={k} histograms={probes[k]?.histograms} width={tiles.width} height={blockHeight} rows={tiles.rows} note={moreBelow || k + 1 < tiles.shown ? '' : more} />
							</Box>
						);
					})}
				</Box>
			))}
			{more && moreBelow ? <Text {...theme.roles.dim}>{truncate(more, width, theme.glyphs.ellipsis)}</Text> : null}
		</Box>
	);
}
