/**
 * Where a run's lr (or momentum) changed, live or by its schedule: the run's marker in the loss
 * chart's top row above that step, and the lr it uses now in the legend.
 *
 * Mutations that make these fail (checked by hand): the reducer not keeping `changedAt` between
 * snapshots (only the last snapshot's set-points marked); marks placed by point index instead of
 * by x value (wrong column on the epoch axis).
 */
import {describe, expect, test} from 'vitest';
import type {RunState} from '../../../../src/runner/protocol.js';
import {Legend} from '../../../../src/ui/dashboard/Legend.js';
import {legendLayout} from '../../../../src/ui/dashboard/legend-layout.js';
import {dashboardReducer} from '../../../../src/ui/dashboard/reducer.js';
import {type DashboardState, initialDashboardState} from '../../../../src/ui/dashboard/state.js';
import {createTheme} from '../../../../src/ui/kit/theme.js';
import {LossChart} from '../../../../src/ui/views/loss/LossChart.js';
import {markChanges} from '../../../../src/ui/views/loss/layout.js';
import {frameLines, history, runState, scenario, snapshot} from '../../fixtures.js';
import {renderUi} from '../../render.js';

const curve = (from: number, to: number) => history(to, (s) => 1 / s).slice(from);

/** Two snapshots of two runs: run 1 changed its lr after step 100 (in the first) and 300 (in the second). */
function twoSnapshots(): DashboardState {
	const first: RunState[] = [runState('a', curve(0, 200)), runState('b', curve(0, 200), {newSetPoints: [{at: 100, lr: 0.05}]})];
	const second: RunState[] = [runState('a', curve(200, 400)), runState('b', curve(200, 400), {newSetPoints: [{at: 300, lr: 0.01}], lr: 0.01})];
	return [snapshot(first), snapshot(second)].reduce(dashboardReducer, initialDashboardState(scenario()));
}

/** The chart's top row and its x-axis line. */
function chartLines(state: DashboardState, xAxis: 'step' | 'epoch', theme = createTheme()): {top: string; axis: string} {
	const {lastFrame} = renderUi(<LossChart runs={state.runs} xAxis={xAxis} logScale smoothing={null} showTest={false} focus={null} width={60} height={10} />, {theme});
	const lines = frameLines(lastFrame());
	return {top: lines[0]!, axis: lines.at(-1)!};
}

const marked = (line: string, marker = '▲') => [...line].flatMap((c, k) => (c === marker ? [k] : []));

describe('lr changes on the loss chart and in the legend', () => {
	test('every change since the last reset stays marked, under its step, with the run\'s marker', () => {
		const state = twoSnapshots();
		expect(state.runs.map((r) => r.changedAt)).toEqual([[], [100, 300]]);
		const {top, axis} = chartLines(state, 'step');
		expect(axis).not.toMatch(/▲/);
		// The axis line runs from step 1 (at plotStart) to step 400 (its last column); value column c is drawn in cell c − 1.
		const columns = marked(top);
		expect(columns).toHaveLength(2);
		const plotStart = axis.indexOf('1');
		const plotWidth = axis.trimEnd().length - 1 - plotStart;
		for (const [k, at] of [100, 300].entries()) expect(columns[k]).toBe(plotStart - 1 + Math.round(((at - 1) / 399) * plotWidth));
		// The epoch axis (10 steps an epoch): the same places, by x value.
		expect(marked(chartLines(state, 'epoch').top)).toEqual(columns);
		// A restart clears them: the replay marks them again as it passes them.
		expect(dashboardReducer(state, {type: 'reset'}).runs.map((r) => r.changedAt)).toEqual([[], []]);
	});

	test('monochrome and ASCII: the marker still tells the run', () => {
		expect(marked(chartLines(twoSnapshots(), 'step', createTheme({color: false, ascii: true})).top, '*')).toHaveLength(2);
	});

	test('a mark never covers the y labels or the axis', () => {
		const row = [
			{text: '1e+00', run: null, kind: 'label' as const, emphasis: 'normal' as const},
			{text: '┤', run: null, kind: 'axis' as const, emphasis: 'normal' as const},
			{text: '  ', run: null, kind: 'blank' as const, emphasis: 'normal' as const},
		];
		const text = (marks: {column: number; series: number}[]) => markChanges([row], marks, ['●'])[0]!.map((p) => p.text).join('');
		expect(text([{column: 2, series: 0}, {column: 5, series: 0}])).toBe('1e+00┤  ');
		expect(text([{column: 7, series: 0}])).toBe('1e+00┤ ●');
	});

	test('the legend shows each run\'s lr now, as a file would write it', () => {
		const runs = [runState('sgd', history(5, () => 0.5), {lr: 0.0316}), runState('adam', history(5, () => 0.5), {lr: 1e-5})];
		const {lastFrame} = renderUi(<Legend layout={legendLayout(runs, 79, 3, 'en', createTheme())} width={79} />);
		const text = frameLines(lastFrame()).join('\n');
		expect(text).toContain('● sgd  loss 0.500  acc 50%  lr 0.0316');
		expect(text).toContain('▲ adam  loss 0.500  acc 50%  lr 1e-05');
	});
});
