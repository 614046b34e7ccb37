/**
 * The optimizer race: the surface as contour bands, each optimizer's path in its colour and
 * marker end to end, where it stands now (inverse), the minimum, and arrows at the edge toward
 * runs that left the window; a run singled out on top, the others dim. The last line is the key:
 * the minimum and what the contours mean.
 */
import {Box} from 'ink';
import {useMemo} from 'react';
import {SURFACES, type SurfaceName} from '../../../core/surfaces.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {runColor, runMarker, useTheme} from '../../kit/theme.js';
import {viewPalette} from '../../kit/palette.js';
import type {RunView} from '../model.js';
import {type Racer, contourBands, layoutRaceMap, raceKeyRow} from './layout.js';

export interface RaceMapProps {
	/** The runs (their histories' x, y are the paths). */
	readonly runs: readonly RunView[];
	/** The surface they descend. */
	readonly surface: SurfaceName;
	/** The run singled out, or null. */
	readonly focus: number | null;
	/** Columns and rows for the map and its key line. */
	readonly width: number;
	readonly height: number;
}

export function RaceMap({runs, surface, focus, width, height}: RaceMapProps) {
	const theme = useTheme();
	const language = useLanguage();
	const palette = useMemo(() => viewPalette(theme), [theme]);
	const rows = Math.max(0, height - 1);
	const contours = useMemo(() => contourBands(SURFACES[surface], SURFACES[surface].view, width, rows), [surface, width, rows]);
	const map = useMemo(() => {
		const racers: Racer[] = runs.map((r, k) => ({points: r.history.points, position: r.state.position, marker: runMarker(theme, k), color: runColor(theme, k)}));
		return layoutRaceMap(SURFACES[surface], racers, {columns: width, rows, palette, contours, focus});
	}, [runs, surface, width, rows, palette, contours, theme, focus]);
	const g = theme.glyphs;
	const key = useMemo(
		() => raceKeyRow(surface, {contours, palette, separator: g.separator, ellipsis: g.ellipsis, language, width, ascii: g.ascii}),
		[surface, contours, palette, g, language, width],
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<CellRows rows={map} width={width} />
			<CellRows rows={[key]} width={width} />
		</Box>
	);
}
