import {describe, expect, test} from 'vitest';
import type {HistoryPoint, RunState} from '../../../../src/runner/protocol.js';
import {dashboardReducer} from '../../../../src/ui/dashboard/reducer.js';
import {initialDashboardState} from '../../../../src/ui/dashboard/state.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';
import {UNICODE_GLYPHS} from '../../../../src/ui/kit/theme.js';
import {layoutChart} from '../../../../src/ui/views/loss/layout.js';
import {runSeries} from '../../../../src/ui/views/loss/series.js';
import {LossChart} from '../../../../src/ui/views/loss/LossChart.js';
import type {RunView} from '../../../../src/ui/views/model.js';
import type {ChartSeries} from '../../../../src/ui/views/loss/series.js';
import {THEMES, type ThemeName} from '../draw.js';
import {frameLines, history, runState, scenario, snapshot, threeRuns} from '../../fixtures.js';
import {renderUi} from '../../render.js';

function views(runs: readonly RunState[]): readonly RunView[] {
	return dashboardReducer(initialDashboardState(scenario()), snapshot(runs)).runs;
}

interface ChartProps {
	log?: boolean;
	width?: number;
	height?: number;
	xAxis?: 'step' | 'epoch' | 'samples' | 'seconds';
	smoothing?: number | null;
	showTest?: boolean;
	focus?: number | null;
	theme?: ThemeName;
}

function chart(runs: readonly RunState[], props: ChartProps = {}) {
	const {lastFrame} = renderUi(
		<LossChart
			runs={views(runs)}
			xAxis={props.xAxis ?? 'step'}
			logScale={props.log ?? true}
			smoothing={props.smoothing ?? null}
			showTest={props.showTest ?? false}
			focus={props.focus ?? null}
			width={props.width ?? 78}
			height={props.height ?? 15}
		/>,
		{theme: THEMES[props.theme ?? 'color']},
	);
	return frameLines(lastFrame());
}

/** A history as chart points by step. */
const line = (points: readonly HistoryPoint[], run = 0): ChartSeries => ({points: points.map((p) => ({x: p.step, y: p.loss})), run, kind: 'train', diverged: false, emphasis: 'normal'});

function expectFits(lines: string[], width: number, height: number) {
	expect(lines.length).toBeLessThanOrEqual(height);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
}

describe('LossChart', () => {
	test('one run: a line, log labels, its marker, the x unit and range', () => {
		const lines = chart([runState('relu', history(500, (s) => 0.7 * Math.exp(-s / 100) + 0.01))]);
		expectFits(lines, 78, 15);
		expect(lines).toHaveLength(15);
		const text = lines.join('\n');
		expect(text).toMatch(/[─╰╮]/);
		expect(text).toContain('●');
		// Decades in plain decimals where they are short.
		expect(text).toContain(' 0.1┤');
		expect(text).toContain('0.01┤');
		expect(text).not.toMatch(/e[+-]\d\d┤/);
		expect(lines.at(-1)).toMatch(/1\s+step\s+500$/);
	});

	test('three runs each end with their own marker', () => {
		const lines = chart(threeRuns());
		expectFits(lines, 78, 15);
		const text = lines.join('\n');
		for (const marker of ['●', '▲', '■']) expect(text).toContain(marker);
	});

	test('linear scale labels real values evenly', () => {
		const lines = chart([runState('a', history(100, (s) => 1 - s / 200))], {log: false});
		expectFits(lines, 78, 15);
		const label = (line: string) => Number(line.split(/[┤│]/)[0]);
		expect(label(lines[0]!)).toBeGreaterThan(0.95);
		expect(label(lines[13]!)).toBeGreaterThanOrEqual(0.5);
		expect(label(lines[13]!)).toBeLessThan(0.52);
		expect(lines.filter((l) => /^\s*[-\d.e+]+┤/.test(l)).length).toBeGreaterThanOrEqual(3);
	});

	test('every run diverged at step 1: says so, not "waiting"', () => {
		const first = history(1, () => Number.POSITIVE_INFINITY);
		const lines = chart([runState('lr 50', first, {diverged: true, divergedAt: 1}), runState('lr 90', first, {diverged: true, divergedAt: 1})]);
		expect(lines.join('\n')).toContain('every run diverged before its loss could be drawn');
		expect(lines.join('\n')).not.toContain('waiting');
		// One run still alive without a point yet: still waiting.
		expect(chart([runState('lr 50', first, {diverged: true, divergedAt: 1}), runState('ok', [])]).join('\n')).toContain('waiting');
	});

	test('a diverged run ends with ✗ and does not flatten the others', () => {
		const good = history(300, (s) => 1 / s);
		const bad = history(120, (s) => (s < 100 ? 0.7 * 1.5 ** s : Number.NaN));
		const lines = chart([runState('ok', good), runState('lr 5', bad, {diverged: true, divergedAt: 100})]);
		expectFits(lines, 78, 15);
		const text = lines.join('\n');
		expect(text).toContain('✗');
		// The top of the scale stays within a decade of the highest start, not at 0.7·1.5⁹⁹.
		expect(Number(lines[0]!.split('┤')[0])).toBeLessThan(100);
	});

	test('a diverged run rides the top edge to the step it diverged at, and its start does not set the scale', () => {
		const good = history(300, (s) => 1 / s);
		// Starts a thousand times higher than the others, then blows up and diverges at step 100.
		const bad = history(120, (s) => (s < 100 ? 1000 * 1.5 ** s : Number.NaN));
		const lines = chart([runState('ok', good), runState('lr 5', bad, {diverged: true, divergedAt: 100})]);
		expectFits(lines, 78, 15);
		const row = lines.findIndex((l) => l.includes('✗'));
		expect(row).toBe(0);
		// Step 100 of a 0 … 300 axis: a third of the way along the plot.
		const axis = lines[0]!.indexOf('┤');
		const along = ([...lines[0]!].indexOf('✗') - axis) / (78 - axis);
		expect(along).toBeGreaterThan(0.25);
		expect(along).toBeLessThan(0.42);
		// The scale is set by the run that did not diverge: within a decade of its start, 1.
		expect(Number(lines[0]!.split('┤')[0])).toBeLessThanOrEqual(10);
	});

	test('NaN and Infinity points are dropped, not drawn', () => {
		const points: HistoryPoint[] = history(50, (s) => (s % 7 === 0 ? Number.NaN : s % 11 === 0 ? Infinity : 1 / s));
		const lines = chart([runState('a', points)]);
		expectFits(lines, 78, 15);
		expect(lines.join('\n')).toContain('●');
	});

	test('an empty history shows a calm placeholder', () => {
		const lines = chart([runState('a', [])]);
		expect(lines.join('\n')).toContain('waiting for the first steps');
		expectFits(lines, 78, 15);
	});

	test('zero or negative losses switch a log chart to linear', () => {
		const layout = layoutChart([line(history(40, (s) => 1 - s / 20))], {log: true, width: 60, height: 10, markers: ['●'], glyphs: UNICODE_GLYPHS});
		expect(layout.kind === 'chart' && layout.log).toBe(false);
	});

	test('runs with different x extents line up by x value', () => {
		const long = history(400, () => 0.5);
		const short = history(100, () => 0.2);
		const layout = layoutChart(
			[line(long, 0), line(short, 1)],
			{log: true, width: 60, height: 10, markers: ['●', '▲'], glyphs: UNICODE_GLYPHS},
		);
		if (layout.kind !== 'chart') throw new Error('expected a chart');
		const columnOf = (marker: string) => {
			for (const row of layout.rows) {
				let c = 0;
				for (const s of row) {
					const k = Array.from(s.text).indexOf(marker);
					if (k >= 0) return c + k;
					c += Array.from(s.text).length;
				}
			}
			return -1;
		};
		const start = layout.plotStart;
		// The short run ends a quarter of the way along, the long one at the end.
		expect(columnOf('▲') - start).toBeLessThan(layout.plotWidth * 0.3);
		expect(columnOf('●') - start).toBe(layout.plotWidth);
	});

	test('every x unit draws', () => {
		for (const xAxis of ['step', 'epoch', 'samples', 'seconds'] as const) {
			const lines = chart(threeRuns(), {xAxis});
			expectFits(lines, 78, 15);
			expect(lines.at(-1)).toContain(xAxis === 'step' ? 'step' : xAxis);
		}
	});

	// Mutation: formatSci for the labels again (7.5e-01) fails this.
	test('a linear axis reads plain decimals, as many digits as keep labels apart', () => {
		const lines = chart([runState('a', history(200, (s) => 0.75 - (0.13 * s) / 200))], {log: false});
		const labels = lines.map((l) => /^\s*([^\s┤│]+)┤/.exec(l)?.[1]).filter((l): l is string => l !== undefined);
		expect(labels.length).toBeGreaterThanOrEqual(3);
		for (const label of labels) expect(label).toMatch(/^0\.\d{1,3}$/);
		expect(new Set(labels).size).toBe(labels.length);
	});

	/** A relu-like batch loss: falling, each batch 0.03 or 0.4 around it (a seeded pattern, not a mean). */
	const noisy = (n: number) => history(n, (s) => 0.05 + 0.3 * Math.exp(-s / 300) + ((s * 7919) % 13 < 6 ? -0.03 : 0.3));
	/** Rows the line passes through in each of the right half's columns, summed: how much it zigzags. */
	function zigzag(lines: readonly string[]): number {
		const plot = lines.slice(0, -1).map((l) => [...l.slice(l.search(/[┤│]/) + 1)]);
		const width = Math.max(...plot.map((r) => r.length));
		let rows = 0;
		for (let c = Math.floor(width / 2); c < width - 2; c++) rows += plot.filter((r) => /[─╭╮╰╯│]/.test(r[c] ?? ' ')).length;
		return rows;
	}

	// Mutation: movingAverage returning the raw losses (or smoothing ignored) fails this.
	test('smoothing: the moving average calms a noisy batch loss that the raw line zigzags through', () => {
		const runs = [runState('relu', noisy(140))];
		const raw = chart(runs, {smoothing: null, log: false});
		const smooth = chart(runs, {smoothing: 8, log: false});
		expect(zigzag(raw)).toBeGreaterThan(2.5 * zigzag(smooth));
		expect(smooth.join('\n')).toContain('●');
	});

	// Mutation: runSeries leaving out the test series fails this.
	test.each(['color', 'ascii'] as const)('test-loss lines are dashed, only when asked (%s)', (theme) => {
		const points = history(400, (s) => 0.7 * Math.exp(-s / 100) + 0.05).map((p) => (p.step % 20 === 0 ? {...p, testLoss: p.loss * 1.6 + 0.05} : p));
		const dash = THEMES[theme].glyphs.chartTest[4]!;
		const without = chart([runState('relu', points)], {theme});
		const withTest = chart([runState('relu', points)], {theme, showTest: true});
		expectFits(withTest, 78, 15);
		const plotOf = (lines: string[]) => lines.slice(0, -1).map((l) => l.slice(l.search(/[┤|│+]/) + 1)).join('\n');
		expect(plotOf(without)).not.toContain(dash);
		expect(plotOf(withTest).split(dash).length - 1).toBeGreaterThan(10);
		// The train line and its marker are still there.
		expect(plotOf(withTest)).toContain(THEMES[theme].glyphs.markers[0]!);
	});

	// Mutation: sorting every line by run only (no emphasis), or dropping the focus glyphs, fails this.
	test('a run singled out draws on top in heavy lines, the others dim, every end marker shown', () => {
		// Two runs on the very same curve: one hides the other unless one is singled out.
		const same = history(300, (s) => 0.7 * Math.exp(-s / 80) + 0.05);
		const runs = [runState('a', same), runState('b', same), runState('c', history(300, (s) => 0.5 * Math.exp(-s / 200) + 0.1))];
		const plain = chart(runs, {theme: 'mono'});
		const focused = chart(runs, {theme: 'mono', focus: 1});
		expect(plain.join('\n')).not.toMatch(/[━┏┓┗┛┃]/);
		expect(focused.join('\n')).toMatch(/━{5}/);
		// Every run's end marker shows, the two that end on the same point side by side.
		for (const lines of [plain, focused]) for (const marker of ['●', '▲', '■']) expect(lines.join('\n')).toContain(marker);
		expect(focused.join('\n')).toMatch(/▲●|●▲/);
		// Styles: b's line is the focus, a's and c's are dim (no colour needed to tell).
		const layout = layoutChart(runSeries(views(runs), {xAxis: 'step', smoothing: null, test: false, focus: 1}), {log: true, width: 78, height: 14, markers: ['●', '▲', '■'], glyphs: UNICODE_GLYPHS});
		if (layout.kind !== 'chart') throw new Error('expected a chart');
		const segments = layout.rows.flat().filter((s) => s.run !== null);
		expect(segments.filter((s) => s.run === 1).every((s) => s.emphasis === 'focus')).toBe(true);
		expect(segments.filter((s) => s.run !== 1).every((s) => s.emphasis === 'dim')).toBe(true);
		// a's line is entirely under b's: no cell of the shared curve is a's.
		expect(segments.some((s) => s.run === 0 && s.kind === 'line')).toBe(false);
	});
});
