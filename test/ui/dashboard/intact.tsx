/**
 * Checks a drawn dashboard part by part: each row is where it belongs and whole. Counting rows
 * and columns is not enough: the dashboard's box has a fixed height and Ink drops what does not
 * fit, so a panel one row too tall draws the legend over its bottom border and every count still
 * holds. Here the status line, the legend, the caption and the footer, each drawn alone with the
 * same inputs, must be the dashboard's rows at their places, and the rows between status and
 * legend must be the main panel(s) with every border whole.
 */
import {expect} from 'vitest';
import type {Language, Scenario} from '../../../src/scenarios/types.js';
import {Caption} from '../../../src/ui/dashboard/Caption.js';
import {Footer} from '../../../src/ui/dashboard/Footer.js';
import {LEGEND_MAX_LINES} from '../../../src/ui/dashboard/layout.js';
import {Legend} from '../../../src/ui/dashboard/Legend.js';
import {legendLayout, raceLegendLayout} from '../../../src/ui/dashboard/legend-layout.js';
import {type DashboardState, currentStep, viewScope} from '../../../src/ui/dashboard/state.js';
import {StatusLine} from '../../../src/ui/dashboard/StatusLine.js';
import type {CommandName} from '../../../src/ui/input/keymap.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {type Theme, createTheme} from '../../../src/ui/kit/theme.js';
import {frameLines} from '../fixtures.js';
import {uiToString} from '../render.js';

export interface DashboardInputs {
	readonly state: DashboardState;
	readonly scenario: Scenario;
	readonly language: Language;
	readonly size: {readonly columns: number; readonly rows: number};
	readonly theme?: Theme;
	readonly enabled?: readonly CommandName[];
}

/** Ink's border glyphs for the two border styles the themes use (cli-boxes' single and classic). */
const BORDERS = {
	single: {topLeft: '┌', topRight: '┐', bottomLeft: '└', bottomRight: '┘', horizontal: '─', vertical: '│'},
	classic: {topLeft: '+', topRight: '+', bottomLeft: '+', bottomRight: '+', horizontal: '-', vertical: '|'},
} as const;

/** A line as terminal cells: a wide glyph takes its cell and leaves the next one empty. */
function cells(line: string): string[] {
	const out: string[] = [];
	for (const {segment} of new Intl.Segmenter().segment(line)) {
		out.push(segment);
		for (let k = 1; k < displayWidth(segment); k++) out.push('');
	}
	return out;
}

const lines = (text: string): string[] => frameLines(text).map((line) => line.trimEnd());

/** `frame` (the dashboard's lines) is the dashboard for `inputs`, every part whole and in its place. */
export function expectIntact(frame: readonly string[], inputs: DashboardInputs, what = ''): void {
	const {state, scenario, language, size, enabled} = inputs;
	const theme = inputs.theme ?? createTheme();
	const options = {language, size, theme};
	const rows = frame.map((line) => line.trimEnd());
	const latest = state.runs.map((r) => r.state);
	// The parts, each drawn alone (one row is Ink's spare; see Dashboard's reservedRows).
	const status = lines(uiToString(<StatusLine title={scenario.title[language] || scenario.title.en} runs={latest} paused={state.paused} finished={state.finished} stepsPerSecond={state.stepsPerSecond} speed={state.speed} width={size.columns} />, options));
	const legendData =
		scenario.kind === 'surface'
			? raceLegendLayout(state.runs, scenario.surface, size.columns - 1, LEGEND_MAX_LINES, language, theme)
			: legendLayout(latest, size.columns - 1, LEGEND_MAX_LINES, language, theme);
	const legend = state.helpOpen ? [] : legendData.lines.length === 0 ? [''] : lines(uiToString(<Legend layout={legendData} width={size.columns - 1} />, options)).map((line) => ` ${line}`.trimEnd());
	// The help overlay takes the legend's and the caption's rows (layout.ts).
	const captionLines = state.helpOpen ? 0 : size.rows >= 30 ? 4 : 3;
	const caption = state.helpOpen ? [] : lines(uiToString(<Caption notes={scenario.notes} step={currentStep(state.runs)} width={size.columns} lines={captionLines} error={state.error} />, options));
	while (caption.length < captionLines) caption.push('');
	const footer = lines(uiToString(<Footer width={size.columns} paused={state.paused} enabled={enabled} scope={viewScope(state.view)} />, options));
	expect(status, `${what}: the status line is one line`).toHaveLength(1);
	expect(footer, `${what}: the footer is one line`).toHaveLength(1);

	const total = size.rows - 1;
	expect(rows, `${what}: the dashboard's rows`).toHaveLength(total);
	const panelRows = total - 1 - legend.length - caption.length - 1;
	const below = rows.slice(1 + panelRows);
	expect(rows[0], `${what}: the status line`).toBe(status[0]);
	expect(below, `${what}: legend, caption and footer below the panel`).toEqual([...legend, ...caption, ...footer]);
	// The boundary view tiles its own small panels, which need not fill the area; every other view is one panel.
	const tiled = state.view === 'boundary' && !state.helpOpen;
	expectPanels(rows.slice(1, 1 + panelRows), theme, size.columns, tiled, what);
}

/**
 * The main panel rows: the first starts with a top-left corner; the last (for tiles, the last
 * drawn) is nothing but whole bottom borders; each box found there has its sides on every row up
 * to its top corners.
 */
function expectPanels(block: readonly string[], theme: Theme, columns: number, tiled: boolean, what: string): void {
	const b = BORDERS[theme.glyphs.borderStyle];
	const drawn = tiled ? block.slice(0, block.findLastIndex((line) => line.trim() !== '') + 1) : block;
	const grid = drawn.map(cells);
	expect(grid[0]?.[0], `${what}: the panel's top-left corner`).toBe(b.topLeft);
	const bottom = grid.at(-1)!.join('');
	const boxes = [...bottom.matchAll(new RegExp(`${escape(b.bottomLeft)}${escape(b.horizontal)}+${escape(b.bottomRight)}`, 'g'))];
	expect(bottom.replace(/ +$/, ''), `${what}: the panel's bottom row is bottom borders only`).toBe(boxes.map((m) => m[0]).join(''));
	expect(boxes.length, `${what}: a panel ends on the row above the legend`).toBeGreaterThan(0);
	for (const box of boxes) {
		const left = box.index!;
		const right = left + box[0].length - 1;
		expect(right, what).toBeLessThan(columns);
		let row = grid.length - 2;
		while (row > 0 && grid[row]![left] === b.vertical && grid[row]![right] === b.vertical) row--;
		expect([grid[row]![left], grid[row]![right]], `${what}: the box at columns ${left}–${right} is whole up to its top corners (row ${row + 1})`).toEqual([b.topLeft, b.topRight]);
	}
}

function escape(glyph: string): string {
	return glyph.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
