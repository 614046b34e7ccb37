import {describe, expect, test} from 'vitest';
import {histogramAxis, histogramTiles, layerRows, medianMagnitude, sparkLevels, sparkRows} from '../../../../src/ui/views/histograms/layout.js';

describe('histograms', () => {
	test('levels, sparkline and median', () => {
		expect(sparkLevels([0, 1, 50, 100])).toEqual([0, 1, 4, 8]);
		expect(sparkLevels([0, 0])).toEqual([0, 0]);
		expect(sparkRows([0, 1, 100], 2, [' ', '1', '2', '3', '4', '5', '6', '7', '8'])).toEqual(['  1188']);
		const counts = new Array<number>(28).fill(0);
		counts[10] = 5; // 1e-7 … 3.2e-7
		expect(medianMagnitude(counts)).toBeCloseTo(10 ** -6.75, 10);
		expect(medianMagnitude(new Array<number>(28).fill(0))).toBeNaN();
		// Spread mass: 3 in bin 4, 1 in bin 10, 3 in bin 20; the 4th of 7 is in bin 10 (not the last bin with mass).
		// Mutation caught: the half-way test `seen * 2 >= total` as `seen >= total`.
		counts[4] = 3;
		counts[10] = 1;
		counts[20] = 3;
		expect(medianMagnitude(counts)).toBeCloseTo(10 ** -6.75, 10);
	});

	test('axis labels start at their decade and never touch', () => {
		const one = histogramAxis(1, 28);
		expect(one).toHaveLength(28);
		expect(one.startsWith('1e-12 1e-9')).toBe(true);
		expect(one.indexOf('1e-9')).toBe(6); // decade 3 → bin 6
		const two = histogramAxis(2, 60);
		expect(two.indexOf('1e-10')).toBe(8);
		expect(two).toContain('1e2');
		expect(histogramAxis(1, 3)).toBe('   ');
		// Every label stands apart: a label starting right where the previous ends is skipped.
		// Mutation caught: `at <= line.length` as `at < line.length` (1e-9 and 1e-7 drawn as "1e-91e-7").
		for (const [perBin, width] of [[1, 28], [1, 60], [2, 60], [3, 90]] as const) {
			for (const label of histogramAxis(perBin, width).trim().split(/ +/)) expect(label, `${perBin} ${width}`).toMatch(/^1e-?\d+$/);
		}
	});

	// The focused run at 80×24 read "1e-4 1e-2 1e0 1e1 1e2", as if the scale changed at 1e0.
	// Mutation caught: labelling greedily, each decade that does not touch the last (the old axis).
	test('axis labels keep one step of decades throughout', () => {
		for (const [perBin, width] of [[1, 28], [1, 34], [2, 61], [2, 56], [3, 90], [4, 120]] as const) {
			const exponents = histogramAxis(perBin, width).trim().split(/ +/).map((l) => Number(l.slice(2)));
			expect(exponents[0]).toBe(-12);
			const steps = new Set(exponents.slice(1).map((e, k) => e - exponents[k]!));
			expect([...steps], `${perBin} ${width}`).toHaveLength(1);
		}
		expect(histogramAxis(2, 61).trim().split(/ +/).slice(-3)).toEqual(['1e-2', '1e0', '1e2']);
	});

	// The histograms left 25 of 40 rows empty at 160×50. Mutation: layerRows returning 1 (or
	// sparkRows filling every row alike) fails this.
	test('where the panel has rows, each layer grows up to four rows tall, filled from the bottom', () => {
		const glyphs = [' ', '1', '2', '3', '4', '5', '6', '7', '8'];
		// 20 of 32 eighths: two full rows, a half row, an empty top row; the smallest bin a sliver.
		expect(sparkRows([0, 1, 62, 100], 1, glyphs, 4)).toEqual(['   8', '  48', '  88', ' 188']);
		expect(sparkLevels([50, 100], 4)).toEqual([16, 32]);
		expect(layerRows(3, 40)).toBe(4);
		expect(layerRows(3, 12)).toBe(3);
		expect(layerRows(11, 13)).toBe(1);
		expect(layerRows(0, 13)).toBe(4);
		// 160×50 (a panel of 156×38), three runs of three layers: side by side, 4 rows a layer.
		expect(histogramTiles(3, 3, 156, 38)).toMatchObject({across: 3, down: 1, shown: 3, rows: 4});
		// 80×24: one row a layer, as before.
		expect(histogramTiles(3, 11, 78, 13)).toMatchObject({rows: 1});
		expect(histogramTiles(2, 3, 78, 13)).toMatchObject({down: 1, rows: 3});
	});

	test('tiles: two runs side by side at 78 columns, a line kept for "+N more"', () => {
		expect(histogramTiles(3, 11, 78, 13)).toMatchObject({across: 2, down: 1, shown: 2});
		expect(histogramTiles(8, 4, 78, 13)).toMatchObject({across: 2, down: 1, shown: 2});
		expect(histogramTiles(4, 4, 78, 13)).toMatchObject({across: 2, down: 2, shown: 4});
		expect(histogramTiles(1, 4, 78, 13)).toMatchObject({across: 1, shown: 1});
	});
});
