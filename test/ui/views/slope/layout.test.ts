/**
 * The slope view's plot as a class reads it, on a slice whose answers are known: the loss x² at
 * x = 1, slope 2. The point sits on the curve, the tangent drawn has the slope ∂L/∂w, the step's
 * landing mark is where the step takes x (↓ when lower, ↑ past the dip), and the axis arrow and
 * the readouts say the same.
 * Mutations that fail here: the tangent drawn with −slope (plotSlice), the landing's kind compared
 * the other way round, the axis arrow pointing from the landing point back to x0.
 */
import {describe, expect, it} from 'vitest';
import type {LossSlice} from '../../../../src/core/slope.js';
import {plotSlice, readouts, stepAxis, xLabels} from '../../../../src/ui/views/slope/layout.js';

const POINTS = 41;
const xs = Array.from({length: POINTS}, (_, k) => -2 + (4 * k) / (POINTS - 1));

/** L(x) = x² sampled on [−2, 2], at x0 = 1 (slope 2), the step landing at `to`. */
function parabola(to: number): LossSlice {
	return {
		mode: 'weight',
		param: {layer: 0, to: 0, from: 0},
		rows: 32,
		xs,
		losses: xs.map((x) => x * x),
		x0: 1,
		loss0: 1,
		slope: 2,
		step: {x: to, lossOnCurve: to * to, lossAfter: to * to, offLine: 0},
	};
}

const COLUMNS = 40;
const ROWS = 12;

/** The cells of `kind` as [column, row]. */
function cellsOf(slice: LossSlice, kind: string): [number, number][] {
	return plotSlice(slice, COLUMNS, ROWS, {ascii: true}).flatMap((row, r) => row.flatMap((cell, c) => (cell.kind === kind ? [[c, r] as [number, number]] : [])));
}

/** The plot's y range (lossRange: the values with 6% room). */
const lo = -0.24;
const hi = 4.24;
const rowOf = (y: number): number => Math.floor(((hi - y) / (hi - lo)) * ROWS);
const columnOf = (x: number): number => Math.floor(((x + 2) / 4) * COLUMNS);

describe('the slope plot of L(x) = x² at x = 1', () => {
	it('marks the current point on the curve and the step landing lower, to its left', () => {
		const slice = parabola(0.2); // SGD with lr 0.4: 1 − 0.4·2
		expect(cellsOf(slice, 'now')).toEqual([[columnOf(1), rowOf(1)]]);
		expect(cellsOf(slice, 'down')).toEqual([[columnOf(0.2), rowOf(0.04)]]);
		expect(cellsOf(slice, 'up')).toEqual([]);
	});

	it('marks a step past the dip that lands higher as up', () => {
		const slice = parabola(-1.5);
		expect(cellsOf(slice, 'up')).toEqual([[columnOf(-1.5), rowOf(2.25)]]);
		expect(cellsOf(slice, 'down')).toEqual([]);
	});

	it('draws the tangent with the slope ∂L/∂w: every tangent dot on 1 + 2(x − 1)', () => {
		const slice = parabola(0.2);
		const tangent = cellsOf(slice, 'tangent');
		expect(tangent.length).toBeGreaterThanOrEqual(2); // where it leaves the curve and stays inside the y range
		for (const [c, r] of tangent) {
			const x = -2 + ((c + 0.5) / COLUMNS) * 4;
			expect(r, `column ${c}`).toBe(rowOf(1 + 2 * (x - 1)));
		}
		// It rises to the right: the dots further right sit higher (smaller rows).
		const byColumn = [...tangent].sort((a, b) => a[0] - b[0]);
		const [first, last] = [byColumn[0]!, byColumn.at(-1)!];
		expect(last[0]).toBeGreaterThan(first[0]);
		expect(last[1]).toBeLessThan(first[1]);
	});

	it('draws the step on the axis from x0 to where it lands, and reads out the numbers', () => {
		const slice = parabola(0.2);
		const axis = stepAxis(slice, COLUMNS, {ascii: true});
		expect(axis.from).toBe(columnOf(0.2));
		expect(axis.to).toBe(columnOf(1));
		expect(axis.arrow).toBe(`<${'='.repeat(columnOf(1) - columnOf(0.2))}`);
		expect(readouts(slice, 0.4, 'en', true, '-')).toEqual(['dL/dw +2.00  lr 0.4', 'w 1.00 -> 0.200', 'L 1.00 -> 0.0400 v']);
		expect(readouts(parabola(-1.5), 2, 'en', false, '−')[2]).toBe('L 1.00 → 2.25 ↑');
	});

	// Chapter 2's lr 2 read "L 8.6e+253 → 6e+256" under a legend saying "loss overflow". Mutation:
	// readouts or xLabels without the overflow word fails this.
	it('says overflow past float32, as the legend does, in both languages', () => {
		const huge = {...parabola(0.2), xs: xs.map((x) => x * 1e70), x0: 1e70, loss0: 8.6e253, slope: 2.5e69, step: {x: -4e70, lossOnCurve: 6e256, lossAfter: 6e256, offLine: 0}};
		expect(readouts(huge, 2, 'en', false, '−')).toEqual(['∂L/∂w overflow  lr 2', 'w overflow → overflow', 'L overflow → overflow ↑']);
		expect(readouts(huge, 2, 'ko', false, '−')[2]).toBe('L 오버플로 → 오버플로 ↑');
		expect(xLabels(huge, COLUMNS, '−', 'overflow')).toMatch(/^overflow +overflow$/);
		expect(readouts({...huge, loss0: 3e38, slope: -1}, 2, 'en', false, '−')[0]).toBe('∂L/∂w -1.00  lr 2');
	});
});
