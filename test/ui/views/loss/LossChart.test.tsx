import {describe, expect, test} from 'vitest';
import type {HistoryPoint, RunState} from '../../../../src/runner/protocol.js';
import {dashboardReducer} from '../../../../src/ui/dashboard/reducer.js';
import {initialDashboardState} from '../../../../src/ui/dashboard/state.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';
import {UNICODE_GLYPHS} from '../../../../src/ui/kit/theme.js';
import {layoutChart} from '../../../../src/ui/views/loss/layout.js';
import {LossChart} from '../../../../src/ui/views/loss/LossChart.js';
import type {RunView} from '../../../../src/ui/views/model.js';
import {frameLines, history, runState, scenario, snapshot, threeRuns} from '../../fixtures.js';
import {renderUi} from '../../render.js';

function views(runs: readonly RunState[]): readonly RunView[] {
	return dashboardReducer(initialDashboardState(scenario()), snapshot(runs)).runs;
}

function chart(runs: readonly RunState[], props: {log?: boolean; width?: number; height?: number; xAxis?: 'step' | 'epoch' | 'samples' | 'seconds'} = {}) {
	const {lastFrame} = renderUi(<LossChart runs={views(runs)} xAxis={props.xAxis ?? 'step'} logScale={props.log ?? true} width={props.width ?? 78} height={props.height ?? 15} />);
	return frameLines(lastFrame());
}

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
		expect(text).toMatch(/\de[+-]\d\d┤/);
		expect(text).toContain('1e-01'); // a decade label
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
		const layout = layoutChart([{points: history(40, (s) => 1 - s / 20), diverged: false}], {xAxis: 'step', log: true, width: 60, height: 10, markers: ['●'], glyphs: UNICODE_GLYPHS});
		expect(layout.kind === 'chart' && layout.log).toBe(false);
	});

	test('runs with different x extents line up by x value', () => {
		const long = history(400, () => 0.5);
		const short = history(100, () => 0.2);
		const layout = layoutChart(
			[
				{points: long, diverged: false},
				{points: short, diverged: false},
			],
			{xAxis: 'step', log: true, width: 60, height: 10, markers: ['●', '▲'], glyphs: UNICODE_GLYPHS},
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
});
