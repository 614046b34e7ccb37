/** How the dashboard divides the terminal: pure arithmetic, so tests can check every size. */
import {isTooSmall} from '../kit/size.js';
import type {ViewName} from '../views/model.js';

/** From this width the gradients and race views show the loss chart beside them. */
export const SIDE_BY_SIDE_COLUMNS = 120;

/** The legend never takes more lines than this (it abbreviates, then counts the rest). */
export const LEGEND_MAX_LINES = 3;

/** The narrowest loss chart beside the bars. */
const MIN_CHART = 44;

/** The views on screen while `view` is chosen: from SIDE_BY_SIDE_COLUMNS the gradients and race views bring the loss chart. */
export function viewsOnScreen(view: ViewName, columns: number): readonly ViewName[] {
	return (view === 'gradients' || view === 'race') && columns >= SIDE_BY_SIDE_COLUMNS ? [view, 'loss'] : [view];
}

export interface DashboardLayout {
	readonly tooSmall: boolean;
	/** Rows of the main panel(s), borders included. */
	readonly panelHeight: number;
	/** Lines for the legend. */
	readonly legendLines: number;
	/** Lines for the caption. */
	readonly captionLines: number;
	/** Widths of the panels, left to right (one or two). */
	readonly panels: readonly {readonly content: ViewName | 'help'; readonly width: number}[];
}

/**
 * Top to bottom: status (1), panel(s), legend (`legendNeeded`, 1 … 3), caption (3, or 4 from 30
 * rows: the lesson's notes are the point), footer (1). The panel takes what is left. The help
 * overlay takes the legend's and the caption's rows too, so a view's keys (the inspector's thirty)
 * are listed whole at 80×24, in a tour chapter as well.
 */
export function dashboardLayout(
	size: {readonly columns: number; readonly rows: number},
	view: ViewName,
	helpOpen: boolean,
	legendNeeded: number,
	/** Columns the gradient bars would like beside the chart in `rows` rows and at most about `most` columns (borders excluded). */
	barsWanted: (rows: number, most: number) => number = () => 0,
	/** Terminal rows the dashboard leaves alone: Ink's spare last row (see LessonScreen), a tour's chapter line. */
	reservedRows = 1,
): DashboardLayout {
	const tooSmall = isTooSmall(size);
	const tall = size.rows >= 30;
	const captionLines = helpOpen ? 0 : tall ? 4 : 3;
	const legendLines = helpOpen ? 0 : Math.max(1, Math.min(LEGEND_MAX_LINES, legendNeeded));
	const panelHeight = size.rows - reservedRows - 1 - legendLines - captionLines - 1;
	let panels: DashboardLayout['panels'];
	if (helpOpen) panels = [{content: 'help', width: size.columns}];
	else if (view === 'gradients' && viewsOnScreen(view, size.columns).includes('loss')) {
		// The bars get what they ask for within about half the width (in bands one under another
		// when the rows allow: ten runs need not take 116 columns for 11 rows of bars); the chart the
		// rest, at least MIN_CHART columns.
		const right = Math.min(size.columns - MIN_CHART, barsWanted(panelHeight - 2, Math.ceil(size.columns / 2) - 2) + 2);
		panels = [
			{content: 'loss', width: size.columns - right},
			{content: 'gradients', width: right},
		];
	} else if (view === 'race' && viewsOnScreen(view, size.columns).includes('loss')) {
		// The map is the point; the loss chart beside it keeps at least MIN_CHART columns.
		const chart = Math.max(MIN_CHART, Math.floor(size.columns * 0.4));
		panels = [
			{content: 'race', width: size.columns - chart},
			{content: 'loss', width: chart},
		];
	} else panels = [{content: view, width: size.columns}];
	return {tooSmall, panelHeight, legendLines, captionLines, panels};
}
