import {describe, expect, test} from 'vitest';
import {barFraction, barScale, barString} from '../../../../src/ui/views/gradients/layout.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';
import {GradientBars} from '../../../../src/ui/views/gradients/GradientBars.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../../../src/ui/kit/theme.js';
import {frameLines, healthyLayers, layer, runState, threeRuns, vanishingLayers} from '../../fixtures.js';
import {renderUi} from '../../render.js';

function bars(runs: Parameters<typeof GradientBars>[0]['runs'], width = 78, height = 16, showStats = true, focus: number | null = null) {
	const {lastFrame} = renderUi(<GradientBars runs={runs} width={width} height={height} showStats={showStats} focus={focus} />);
	return frameLines(lastFrame());
}

describe('Bar', () => {
	test('eighth-block precision, exact width', () => {
		expect(barString(0, 4, UNICODE_GLYPHS)).toBe('    ');
		expect(barString(1, 4, UNICODE_GLYPHS)).toBe('████');
		expect(barString(0.5, 4, UNICODE_GLYPHS)).toBe('██  ');
		expect(barString(0.5 + 1 / 32, 4, UNICODE_GLYPHS)).toBe('██▏ ');
		expect(barString(1e-9, 4, UNICODE_GLYPHS)).toBe('▏   ');
		expect(barString(2, 4, UNICODE_GLYPHS)).toBe('████');
		expect(barString(Number.NaN, 4, UNICODE_GLYPHS)).toBe('    ');
	});
	test('ASCII rounds to whole cells', () => {
		expect(barString(0.5, 4, ASCII_GLYPHS)).toBe('##  ');
		expect(barString(0.01, 4, ASCII_GLYPHS)).toBe('#   ');
	});
});

describe('bar scale', () => {
	test('whole decades around the finite values, at least two wide', () => {
		expect(barScale([2e-7, 0.12])).toEqual({lo: -7, hi: 0});
		expect(barScale([0.5])).toEqual({lo: -2, hi: 0});
		expect(barScale([3, 3])).toEqual({lo: -1, hi: 1});
		expect(barScale([1, 1])).toEqual({lo: -1, hi: 1});
		expect(barScale([Number.NaN, Infinity, 0])).toEqual({lo: -8, hi: 0});
		expect(barScale([1e-300, 1e30])).toEqual({lo: -300, hi: 30});
	});
	test('fractions: zero and non-finite empty, positive never quite empty', () => {
		const scale = {lo: -8, hi: 0};
		expect(barFraction(0, scale)).toBe(0);
		expect(barFraction(Number.NaN, scale)).toBe(0);
		expect(barFraction(1e-8, scale)).toBeGreaterThan(0);
		expect(barFraction(1e-4, scale)).toBeCloseTo(0.5);
		expect(barFraction(1e5, scale)).toBe(1);
	});
});

describe('GradientBars', () => {
	test('3 runs × 11 layers fit 80 columns, layer 1 on top with its values', () => {
		const lines = bars(threeRuns());
		expect(lines.length).toBeLessThanOrEqual(16);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(78);
		expect(lines[0]).toMatch(/● sigmoid.*▲ tanh.*■ relu/);
		expect(lines[1]).toMatch(/^L1 .*1e-07.*2e-02.*1\.2e-01/);
		expect(lines[11]).toMatch(/^L11/);
		expect(lines[0]).toContain('sat');
		expect(lines[0]).toContain('dead');
		expect(lines[1]).toContain('10%');
	});

	test('the stats column can be hidden', () => {
		const lines = bars(threeRuns(), 78, 16, false);
		expect(lines.join('\n')).not.toContain('sat');
		expect(lines[1]).not.toContain('%');
	});

	test('tiny, huge, zero and NaN values', () => {
		const runs = [runState('odd', [], {layers: [layer(1e-300), layer(1e30), layer(0), layer(Number.NaN), layer(Infinity)]})];
		const lines = bars(runs);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(78);
		expect(lines[1]).toContain('1e-300');
		expect(lines[2]).toContain('1e+30');
		expect(lines[3]).toMatch(/ 0$/);
		expect(lines[4]).toContain('—');
		// Past float32's range a gradient has overflowed: it says so (Mutation: no overflow text → 'Infinity'/'—').
		expect(lines[5]).toContain('overflow');
	});

	test('runs that do not fit side by side go below, or are counted', () => {
		const six = Array.from({length: 6}, (_, k) => runState(`run${k}`, [], {layers: healthyLayers(0.1).slice(0, 3)}));
		const lines = bars(six);
		const text = lines.join('\n');
		for (let k = 0; k < 6; k++) expect(text).toContain(`run${k}`);
		const deep = Array.from({length: 6}, (_, k) => runState(`run${k}`, [], {layers: vanishingLayers()}));
		const cut = bars(deep);
		expect(cut.length).toBeLessThanOrEqual(16);
		expect(cut.join('\n')).toMatch(/\+3 more · \[ \] run: run3, run4, run5/);
		for (const line of cut) expect(displayWidth(line)).toBeLessThanOrEqual(78);
	});

	test('runs that cannot all be shown are paged: [ ] picks a run and its page is drawn, the rest named', () => {
		const deep = Array.from({length: 6}, (_, k) => runState(`run${k}`, [], {layers: vanishingLayers()}));
		const pages = [null, 0, 1, 2, 3, 4, 5].map((focus) => bars(deep, 78, 16, true, focus).join('\n'));
		expect(pages[0]!.split('\n')[0]).not.toContain('run4');
		// run 4 picked: the second page, with the first three named as the others.
		expect(pages[5]!).toMatch(/run3[\s\S]*run4[\s\S]*run5/);
		expect(pages[5]!).toMatch(/\+3 more · \[ \] run: run0, run1, run2/);
		expect(pages[5]!.split('\n')[0]).not.toContain('run0');
		for (let k = 0; k < 6; k++) expect(pages.some((p) => p.split('\n')[0]!.includes(`run${k}`)), `run${k} heads a column on some page`).toBe(true);
	});

	test('a diverged run does not stretch the scale: the healthy run\'s bars keep their lengths', () => {
		// Mutation: without the diverged-run filter in layout.ts the scale runs to 1e+150 and ok's bars shrink to a sliver.
		const runs = [runState('ok', [], {layers: [layer(0.1), layer(0.01)]}), runState('boom', [], {layers: [layer(1e150), layer(0)], diverged: true, divergedAt: 9})];
		const lines = bars(runs);
		expect(lines[0]).toContain('✗ boom');
		expect(lines[1]).toContain('overflow'); // 1e+150, past float32's range
		/** The lengths of the bars drawn on a line, left to right (eighth blocks count as one cell). */
		const drawn = (line: string) => (line.match(/[█▏▎▍▌▋▊▉]+/g) ?? []).map((bar) => [...bar].length);
		const [okL1, boomL1] = drawn(lines[1]!);
		// 0.1 and 0.01 span 1e-03 … 1e-01: ok's layer 1 fills its bar, as boom's off-scale one does, and layer 2 half of it.
		expect(okL1).toBeGreaterThan(10);
		expect(okL1).toBe(boomL1);
		expect(drawn(lines[2]!)).toEqual([okL1! / 2]);
	});

	test('no layers yet: a placeholder', () => {
		expect(bars([]).join('\n')).toContain('waiting');
		// Before the first step every run is still waiting (not 'no layers', as a new lesson said).
		expect(bars([runState('relu', [])]).join('\n')).toContain('waiting');
		expect(bars([runState('surface', [], {step: 5})]).join('\n')).toContain('no layers');
	});
});
