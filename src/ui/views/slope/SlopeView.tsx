/**
 * The slope gradient descent follows: for each shown run, the loss along one weight (or the
 * gradient, or a random direction) around where the run stands, the tangent whose slope is
 * ∂L/∂w, and where the optimizer's next step lands. Runs side by side as they fit; `[ ]` picks one.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {RunProbe, RunState} from '../../../runner/protocol.js';
import {type Cell, toSegments} from '../../kit/cells.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {displayWidth, padEnd, truncate} from '../../kit/format.js';
import {type Role, type Theme, runColor, runMarker, useTheme} from '../../kit/theme.js';
import {asciiWord, moreText, word} from '../../kit/words.js';
import {GAP, type SlopeKind, paramName, plotSlice, readouts, slopeKey, slopeRuns, slopeTiles, stepAxis, xLabels} from './layout.js';

export interface SlopeViewProps {
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

const KIND_ROLE: Readonly<Record<Exclude<SlopeKind, 'curve'>, Role>> = {blank: 'text', tangent: 'warn', now: 'accent', down: 'good', up: 'bad'};

interface TileProps {
	readonly run: RunState | undefined;
	readonly index: number;
	readonly probe: RunProbe | undefined;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
}

/** One run: its label and the moved weight, the plot, the step on the axis, the axis's values, the numbers. */
function Tile({run, index, probe, width, height, theme}: TileProps) {
	const language = useLanguage();
	const g = theme.glyphs;
	const color = runColor(theme, index);
	const slice = probe?.slice;
	const name = slice?.slice.param ? paramName(slice.slice.param, slice.layers, g.ascii) : '';
	const label = `${runMarker(theme, index)} ${run?.label ?? index + 1}`;
	const readout = slice ? readouts(slice.slice, slice.lr, language, g.ascii, g.dash) : [];
	const lines = Math.max(1, Math.min(readout.length, height - 6));
	const plotRows = Math.max(0, height - 3 - lines);
	const plot = useMemo(() => {
		if (!slice) return [];
		const cells = plotSlice(slice.slice, width, plotRows, {ascii: g.ascii});
		return cells.map((row) => toSegments(row.map((c): Cell => ({ch: c.ch, style: c.kind === 'curve' ? (color ? {color} : theme.roles.text) : theme.roles[KIND_ROLE[c.kind]]}))));
	}, [slice, width, plotRows, g.ascii, color, theme]);
	const named = name !== '' && displayWidth(label) + 1 + name.length <= width;
	const header = (
		<Text>
			<Text {...(run?.diverged ? theme.roles.bad : {color})} bold>
				{truncate(label, width, g.ellipsis)}
			</Text>
			{named ? <Text {...theme.roles.dim}>{' '.repeat(width - displayWidth(label) - name.length) + name}</Text> : null}
		</Text>
	);
	if (run?.diverged || !slice) {
		const note = run?.diverged ? `${word('divergedAt', language)} ${run.divergedAt ?? run.step}` : asciiWord('waitingProbe', language, g.ascii);
		return (
			<Box flexDirection="column" width={width} height={height}>
				{header}
				<Text {...(run?.diverged ? theme.roles.bad : theme.roles.dim)}>{truncate(note, width, g.ellipsis)}</Text>
			</Box>
		);
	}
	const axis = stepAxis(slice.slice, width, {ascii: g.ascii});
	return (
		<Box flexDirection="column" width={width} height={height}>
			{header}
			<CellRows rows={plot} width={width} />
			<Text>
				<Text {...theme.roles.dim}>{axis.rule.slice(0, axis.from)}</Text>
				<Text {...theme.roles.accent}>{axis.arrow}</Text>
				<Text {...theme.roles.dim}>{axis.rule.slice(axis.from + axis.arrow.length)}</Text>
			</Text>
			<Text {...theme.roles.dim}>{xLabels(slice.slice, width, g.dash, word('overflow', language))}</Text>
			{readout.slice(0, lines).map((line, k) => (
				<Text key={k} {...(k === 0 ? theme.roles.text : theme.roles.dim)}>
					{padEnd(line, width, g.ellipsis)}
				</Text>
			))}
		</Box>
	);
}

export function SlopeView({runs, probes, focus, width, height}: SlopeViewProps) {
	const theme = useTheme();
	const language = useLanguage();
	const g = theme.glyphs;
	const shown = slopeRuns(focus, runs.length, width);
	if (!probes || !shown.some((k) => probes[k]?.slice || runs[k]?.diverged)) {
		return (
			<Box width={width} height={height} alignItems="center" justifyContent="center">
				<Text {...theme.roles.dim}>{truncate(asciiWord('waitingProbe', language, g.ascii), width, g.ellipsis)}</Text>
			</Box>
		);
	}
	const tiles = slopeTiles(shown.length, width);
	const hidden = runs.length - shown.length;
	const footer = hidden > 0 ? `${moreText(hidden, 'runs', language)} ${g.separator} [ ] ${word('pickRun', language)}` : slopeKey(language, g.ascii, shown.map((k) => probes[k]?.slice?.slice.mode).find((m) => m !== undefined) ?? 'weight');
	const tileHeight = Math.max(1, height - 1);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="row" height={tileHeight}>
				{shown.map((k, i) => (
					<Box key={k} marginRight={i + 1 < shown.length ? GAP : 0}>
						<Tile run={runs[k]} index={k} probe={probes[k]} width={tiles.width} height={tileHeight} theme={theme} />
					</Box>
				))}
			</Box>
			<Text {...theme.roles.dim}>{truncate(footer, width, g.ellipsis)}</Text>
		</Box>
	);
}
