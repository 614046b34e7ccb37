/**
 * The race's legend: each optimizer's marker, label and current loss, and, for a run outside the
 * map's window, the step where it left (a diverged run says so instead).
 */
import {SURFACES, type SurfaceName} from '../../core/surfaces.js';
import type {Language} from '../../scenarios/types.js';
import type {RunView} from './state.js';
import {displayWidth} from '../kit/format.js';
import {LABEL_GAP, type LegendLayout, legendEntry, packLegend} from './legend.js';
import {LegendLines} from './Legend.js';
import {leftWindowAt} from '../views/race/layout.js';
import {type Theme, runMarker, useTheme} from '../kit/theme.js';
import {word} from '../kit/words.js';

export interface RaceLegendProps {
	/** The runs in order (their histories tell where a run left the map). */
	readonly runs: readonly RunView[];
	readonly surface: SurfaceName;
	readonly width: number;
	/** Lines available; runs that do not fit are counted as `+N more`. */
	readonly maxLines: number;
	readonly language: Language;
}

/** The packed entries (the dashboard uses it to size the panels above). */
export function raceLegendLayout(runs: readonly RunView[], surface: SurfaceName, width: number, maxLines: number, language: Language, theme: Theme): LegendLayout {
	const view = SURFACES[surface].view;
	const entries = runs.map((run, k) => {
		const entry = legendEntry(run.state, k, runMarker(theme, k), language, theme.glyphs, 'loss');
		const left = run.state.diverged ? null : leftWindowAt(run.history.points, run.state.position, view);
		if (left === null) return entry;
		const detail = `${entry.detail}  ${word('offMap', language)} ${left}`;
		return {...entry, detail, width: displayWidth(`${entry.marker} ${entry.label}${LABEL_GAP}${detail}`)};
	});
	return packLegend(entries, width, maxLines, language);
}

export function RaceLegend({runs, surface, width, maxLines, language}: RaceLegendProps) {
	return <LegendLines layout={raceLegendLayout(runs, surface, width, maxLines, language, useTheme())} width={width} />;
}
