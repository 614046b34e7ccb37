import {describe, expect, test} from 'vitest';
import {ACTIVATIONS} from '../../../../src/core/activations.js';
import {PLOT_Y, explorerGrid, factorRole, formatFactor, formatMax, peakIndex, plotActivation, powerText, sampleActivation} from '../../../../src/ui/views/activations/layout.js';

describe('activation plots', () => {
	test('peaks: sigmoid′ at 0, relu′ in the middle of its plateau', () => {
		const sig = sampleActivation(ACTIVATIONS.sigmoid, 24);
		expect(Math.abs(sig.x[peakIndex(sig.derivative)]!)).toBeLessThan(0.5);
		expect(Math.max(...sig.derivative)).toBeLessThanOrEqual(0.25);
		const relu = sampleActivation(ACTIVATIONS.relu, 24);
		expect(relu.x[peakIndex(relu.derivative)]).toBeCloseTo(2.75, 5); // samples 12 … 23 are x > 0
	});

	test('plots are the asked size, with the peak marked once; off-range values are left out', () => {
		for (const ascii of [false, true]) {
			const plot = plotActivation(ACTIVATIONS.linear, {columns: 18, rows: 4, ascii});
			expect(plot).toHaveLength(4);
			for (const row of plot) expect(row).toHaveLength(18);
			expect(plot.flat().filter((c) => c.kind === 'peak')).toHaveLength(1);
			// linear leaves the y range at |x| > 1.25: the outer columns hold no f.
			expect(plot.map((row) => row[0]!.kind)).not.toContain('f');
		}
		expect(PLOT_Y[1]).toBeGreaterThan(ACTIVATIONS.gelu.maxDerivative);
		expect(plotActivation(ACTIVATIONS.tanh, {columns: 0, rows: 4, ascii: false})).toEqual([]);
	});

	test('numbers: max f′, (max f′)^d, its role, the grid', () => {
		expect(formatMax(0.25)).toBe('0.25');
		expect(formatMax(1.1289115)).toBe('1.13');
		expect(formatFactor(0.25 ** 10)).toBe('9.5e-07');
		expect(formatFactor(1)).toBe('1');
		expect(formatFactor(1.1289115 ** 10)).toBe('3.36');
		expect(factorRole(0.25 ** 10)).toBe('bad');
		expect(factorRole(2 ** 20)).toBe('warn');
		expect(factorRole(1)).toBe('good');
		expect(powerText('0.25', 10, false)).toBe('0.25¹⁰');
		expect(powerText('0.25', 10, true)).toBe('0.25^10');
		expect(explorerGrid(78, 13)).toEqual({across: 4, down: 2, cellWidth: 18, cellHeight: 6, key: true});
	});
});
