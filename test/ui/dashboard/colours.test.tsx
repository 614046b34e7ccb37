/**
 * The colours a terminal gets. Tests otherwise run with chalk at level 0 (no TTY): frames carry no
 * colour at all, and every check that a frame has, or lacks, a colour passes whatever the code
 * does. Here chalk is at truecolor, as in a real terminal: each run keeps its colour from the
 * theme's table on its legend entry, its chart line and its bars; a diverged run is in the bad
 * role's red; a saturation of half or more in the warn role's yellow; without colour, no
 * foreground or background colour at all.
 *
 * Mutations caught: run colours shifted by one (runColor), the bad role green, the warn threshold
 * gone (gradients layout), the monochrome theme keeping the run colours, the tour's current
 * chapter not inverse.
 */
import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {Dashboard} from '../../../src/ui/dashboard/Dashboard.js';
import {dashboardReducer} from '../../../src/ui/dashboard/reducer.js';
import {type DashboardState, initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {createTheme} from '../../../src/ui/kit/theme.js';
import {ChapterList} from '../../../src/ui/screens/tour/ChapterList.js';
import {history, runState, scenario, snapshot, threeRuns} from '../fixtures.js';
import {uiToString} from '../render.js';

let level: typeof chalk.level;
beforeAll(() => {
	level = chalk.level;
	chalk.level = 3;
});
afterAll(() => {
	chalk.level = level;
});

const sc = scenario();
const runs = () => [...threeRuns(), runState('lr 5', history(20, (s) => 10 ** s), {diverged: true, divergedAt: 20})];

function frame(extra: Partial<DashboardState>, theme = createTheme()): string[] {
	const state = {...dashboardReducer(initialDashboardState(sc), snapshot(runs())), ...extra};
	return uiToString(<Dashboard state={state} scenario={sc} />, {theme, size: {columns: 100, rows: 30}}).split('\n');
}

/** The foreground colour in force at `index` of a line with SGR escapes: `#rrggbb`, a 16-colour name, or null. */
function foregroundAt(line: string, index: number): string | null {
	const names = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
	let fg: string | null = null;
	for (const m of line.slice(0, index).matchAll(/\u001B\[([\d;]*)m/g)) {
		const codes = m[1]!.split(';').map(Number);
		for (let k = 0; k < codes.length; k++) {
			const c = codes[k]!;
			if (c === 38 && codes[k + 1] === 2) {
				fg = `#${codes.slice(k + 2, k + 5).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
				k += 4;
			} else if (c === 39 || c === 0) fg = null;
			else if (c >= 30 && c <= 37) fg = names[c - 30]!;
			else if (c >= 90 && c <= 97) fg = `bright ${names[c - 90]}`;
		}
	}
	return fg;
}

/** The foreground of the first place `text` is drawn (on the lines from `from` on). */
function colourOf(lines: readonly string[], text: string | RegExp, from = 0): string | null {
	for (const line of lines.slice(from)) {
		const plain = typeof text === 'string' ? line.indexOf(text) : line.search(text);
		if (plain >= 0) return foregroundAt(line, plain);
	}
	throw new Error(`${String(text)} is not drawn`);
}

describe('colours in a colour terminal', () => {
	const palette = createTheme().runs;

	test('the legend: each run in its own colour, a diverged run red', () => {
		const lines = frame({view: 'loss'});
		const legend = lines.findIndex((l) => l.includes('sigmoid') && l.includes('loss 0.693'));
		expect(legend).toBeGreaterThan(0);
		['● sigmoid', '▲ tanh', '■ relu'].forEach((entry, k) => expect(colourOf(lines, entry, legend), entry).toBe(palette[k]!.toLowerCase()));
		expect(colourOf(lines, '✗ lr 5', legend)).toBe('red');
	});

	test('the loss chart: each run\'s line ends with its marker in its colour', () => {
		const lines = frame({view: 'loss'});
		const chart = lines.slice(1, lines.findIndex((l) => l.includes('loss 0.693')));
		['●', '▲', '■'].forEach((marker, k) => expect(colourOf(chart, marker), marker).toBe(palette[k]!.toLowerCase()));
	});

	test('the gradient bars: each run\'s bars in its colour; a saturation of 50% or more in yellow, less not', () => {
		const lines = frame({view: 'gradients'});
		const l1 = lines.find((l) => /L1 /.test(l.replace(/\u001B\[[\d;]*m/g, '')))!;
		const bars = [...l1.matchAll(/[█▏▎▍▌▋▊▉]/g)].map((m) => foregroundAt(l1, m.index));
		expect(new Set(bars)).toEqual(new Set(palette.slice(0, 3).map((c) => c!.toLowerCase())));
		// The sigmoid run's saturation: 10% at layer 1, 58% at layer 7.
		expect(colourOf(lines, /\b10%/)).not.toBe('yellow');
		expect(colourOf(lines, /\b58%/)).toBe('yellow');
	});

	test('without colour: bold and dim only, no foreground or background colour anywhere', () => {
		for (const view of ['loss', 'gradients'] as const) {
			const text = frame({view}, createTheme({color: false})).join('\n');
			expect(text).toMatch(/\u001B\[1m/); // styles are on: the absence below means something
			expect(text).not.toMatch(/\u001B\[(?:[\d;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[\d;]*)?m/);
		}
	});

	test('the tour\'s chapter line: the current chapter inverse in colour (its brackets are spaces), nothing inverse without colour', () => {
		const line = (color: boolean) => uiToString(<ChapterList titles={['One', 'Two', 'Three']} current={1} width={80} />, {theme: createTheme({color})});
		const colour = line(true);
		const inverse = /\u001B\[7m([^\u001B]*)/.exec(colour.replace(/\u001B\[(?:1|22|39|36)m/g, ''));
		expect(inverse?.[1]).toBe(' 2 Two ');
		expect(line(false)).not.toContain('\u001B[7m');
		expect(line(false)).toContain('[2 Two]');
	});
});
