/**
 * The optimizer race: the surface as contour bands, each optimizer's path in its colour and
 * marker, where it stands now (inverse), the minimum, and arrows at the edge toward runs that
 * left the window. The last line names the window and the minimum.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {SURFACES, type SurfaceName} from '../../../core/surfaces.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {truncate} from '../../kit/format.js';
import {runColor, runMarker, useTheme} from '../../kit/theme.js';
import {viewPalette} from '../../kit/palette.js';
import type {RunView} from '../model.js';
import {type Racer, contourBands, layoutRaceMap, raceKey} from './layout.js';

export interface RaceMapProps {
	/** The runs (their histories' x, y are the paths). */
	readonly runs: readonly RunView[];
	/** The surface they descend. */
	readonly surface: SurfaceName;
	/** Columns and rows for the map and its key line. */
	readonly width: number;
	readonly height: number;
}

export function RaceMap({runs, surface, width, height}: RaceMapProps) {
	const theme = useTheme();
	const language = useLanguage();
	const palette = useMemo(() => viewPalette(theme), [theme]);
	const rows = Math.max(0, height - 1);
	const bands = useMemo(() => contourBands(SURFACES[surface], SURFACES[surface].view, width, rows, Math.max(2, palette.contour.length || 8)), [surface, width, rows, palette]);
	const map = useMemo(() => {
		const racers: Racer[] = runs.map((r, k) => ({points: r.history.points, position: r.state.position, marker: runMarker(theme, k), color: runColor(theme, k)}));
		return layoutRaceMap(SURFACES[surface], racers, {columns: width, rows, palette, bands});
	}, [runs, surface, width, rows, palette, bands, theme]);
	const g = theme.glyphs;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<CellRows rows={map} width={width} />
			<Text {...theme.roles.dim}>{truncate(raceKey(surface, palette.minimum, g.separator, g.ellipsis, language, g.ascii), width, g.ellipsis)}</Text>
		</Box>
	);
}
