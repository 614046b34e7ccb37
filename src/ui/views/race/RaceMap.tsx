/**
 * The optimizer race: the surface as contour bands, each optimizer's path in its colour and
 * marker, where it stands now (inverse), the minimum, and arrows at the edge toward runs that
 * left the window. The last line names the window and the minimum.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {SURFACES, type SurfaceName} from '../../../core/surfaces.js';
import type {Language} from '../../../scenarios/types.js';
import {CellRows} from '../../kit/CellRows.js';
import type {RunView} from '../../dashboard/state.js';
import {truncate} from '../../kit/format.js';
import {contourBands, layoutRaceMap, type Racer} from './layout.js';
import {runColor, runMarker, useTheme} from '../../kit/theme.js';
import {viewPalette} from '../../kit/palette.js';
import {asciiWord, word} from '../../kit/words.js';

export interface RaceMapProps {
	/** The runs (their histories' x, y are the paths). */
	readonly runs: readonly RunView[];
	/** The surface they descend. */
	readonly surface: SurfaceName;
	/** Columns and rows for the map and its key line. */
	readonly width: number;
	readonly height: number;
	readonly language: Language;
}

/**
 * `◎ minimum (1, 1) · 2–9 runs in a cell · x −2 … 2 · y −1 … 3`: every minimum, what a digit on a
 * path means, and the window.
 */
export function raceKey(surface: SurfaceName, minimum: string, separator: string, ellipsis: string, language: Language, ascii = false): string {
	const s = SURFACES[surface];
	const v = s.view;
	// Three significant digits, no trailing zeros: 1, −1.5, 3.13.
	const n = (x: number) => (Math.abs(x) < 1e-12 ? '0' : String(Number(x.toPrecision(3))));
	const minima = s.minima.map(([x, y]) => `(${n(x)}, ${n(y)})`).join(' ');
	const name = word(s.minima.length > 1 ? 'minima' : 'minimum', language);
	return `${minimum} ${name} ${minima} ${separator} ${asciiWord('sharedCell', language, ascii)} ${separator} x ${n(v.xMin)} ${ellipsis} ${n(v.xMax)} ${separator} y ${n(v.yMin)} ${ellipsis} ${n(v.yMax)}`;
}

export function RaceMap({runs, surface, width, height, language}: RaceMapProps) {
	const theme = useTheme();
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
