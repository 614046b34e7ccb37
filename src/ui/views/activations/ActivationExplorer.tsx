/**
 * Every activation in the core: f and f′ over [−6, 6], the largest f′ marked and printed, and
 * (max f′)^d for a depth d beside it: the arithmetic of vanishing gradients (0.25¹⁰ ≈ 9.5e-07).
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {ACTIVATION_NAMES, ACTIVATIONS, type ActivationName} from '../../../core/activations.js';
import {type Cell, toSegments} from '../../kit/cells.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {displayWidth, truncate} from '../../kit/format.js';
import {type Role, type Theme, useTheme} from '../../kit/theme.js';
import {asciiWord} from '../../kit/words.js';
import {type PlotKind, explorerGrid, factorRole, formatFactor, formatMax, plotActivation, powerText} from './layout.js';

export interface ActivationExplorerProps {
	/** Columns and rows available. */
	readonly width: number;
	readonly height: number;
	/** Layers the gradient passes through: the d in (max f′)^d. */
	readonly depth: number;
	/** Activations the scenario uses, named in the accent colour. */
	readonly highlight?: readonly ActivationName[];
}

const KIND_ROLE: Readonly<Record<PlotKind, Role>> = {blank: 'text', axis: 'dim', f: 'dim', derivative: 'warn', peak: 'bad'};

interface ActivationCellProps {
	readonly name: ActivationName;
	/** Columns and rows of the cell. */
	readonly width: number;
	readonly height: number;
	readonly depth: number;
	/** The scenario uses this activation. */
	readonly highlighted: boolean;
	readonly theme: Theme;
}

/** One activation's cell: name and max f′, the plot, the factor. */
function ActivationCell({name, width, height, depth, highlighted, theme}: ActivationCellProps) {
	const act = ACTIVATIONS[name];
	const ascii = theme.glyphs.ascii;
	const plotRows = Math.max(0, height - 2);
	const rows = useMemo(() => {
		const plot = plotActivation(act, {columns: width, rows: plotRows, ascii});
		return plot.map((row) => toSegments(row.map((c): Cell => ({ch: c.ch, style: theme.roles[KIND_ROLE[c.kind]]}))));
	}, [act, width, plotRows, ascii, theme]);
	const max = `${ascii ? "f'<=" : 'f′≤'}${formatMax(act.maxDerivative)}`;
	const factor = act.maxDerivative ** depth;
	const power = `${powerText(formatMax(act.maxDerivative), depth, ascii)} ${ascii ? '=' : '≈'} ${formatFactor(factor)}`;
	const nameText = truncate(name, Math.max(1, width - displayWidth(max) - 1), theme.glyphs.ellipsis);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text>
				<Text {...(highlighted ? theme.roles.accent : theme.roles.text)}>{nameText}</Text>
				{' '.repeat(Math.max(1, width - displayWidth(nameText) - displayWidth(max)))}
				<Text {...theme.roles.warn}>{truncate(max, width - displayWidth(nameText) - 1, '')}</Text>
			</Text>
			{plotRows > 0 ? <CellRows rows={rows} width={width} /> : null}
			<Text {...theme.roles[factorRole(factor)]}>{truncate(power, width, theme.glyphs.ellipsis)}</Text>
		</Box>
	);
}

export function ActivationExplorer({width, height, depth, highlight = []}: ActivationExplorerProps) {
	const theme = useTheme();
	const language = useLanguage();
	const grid = explorerGrid(width, height);
	const g = theme.glyphs;
	const sample = g.ascii ? ['*', '+', '^'] : ['⠒⠒', '⠒⠒', '◆'];
	return (
		<Box flexDirection="column" width={width} height={height}>
			{Array.from({length: grid.down}, (_, r) => (
				<Box key={r} flexDirection="row" height={grid.cellHeight}>
					{Array.from({length: grid.across}, (_, c) => {
						const name = ACTIVATION_NAMES[r * grid.across + c];
						if (!name) return null;
						return (
							<Box key={name} marginRight={c + 1 < grid.across ? 1 : 0}>
								<ActivationCell name={name} width={grid.cellWidth} height={grid.cellHeight} depth={depth} highlighted={highlight.includes(name)} theme={theme} />
							</Box>
						);
					})}
				</Box>
			))}
			{grid.key ? (
				<Text wrap="truncate-end">
					<Text {...theme.roles.dim}>{`${sample[0]} f  `}</Text>
					<Text {...theme.roles.warn}>{`${sample[1]} ${g.ascii ? "f'" : 'f′'}  `}</Text>
					<Text {...theme.roles.bad}>{sample[2]}</Text>
					<Text>{` ${asciiWord('maxDerivative', language, g.ascii)}  ${g.separator}  d = ${depth} ${g.separator} ${asciiWord('layersFactor', language, g.ascii)}`}</Text>
				</Text>
			) : null}
		</Box>
	);
}
