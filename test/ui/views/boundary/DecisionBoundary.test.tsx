import {describe, expect, test} from 'vitest';
import {DecisionBoundary} from '../../../../src/ui/views/boundary/DecisionBoundary.js';
import {circleGrid, history, planeData, runState, threeProbes, threeRuns} from '../../fixtures.js';
import {BLOCKS, draw, expectFits} from '../draw.js';

describe('DecisionBoundary', () => {
	const runs = threeRuns();
	const boundary = (extra: Partial<Parameters<typeof DecisionBoundary>[0]> = {}) => (
		<DecisionBoundary runs={runs} probes={threeProbes()} data={planeData()} focus={null} showTest={false} width={80} height={15} {...extra} />
	);

	test('before the first probe: a waiting panel', () => {
		const lines = draw(boundary({probes: null, data: null}));
		expectFits(lines, 80, 15);
		expect(lines.join('\n')).toContain('waiting for the first look inside');
		// Histograms only (the view was just switched to): still waiting for grids.
		expect(draw(boundary({probes: [{histograms: []}], data: null})).join('\n')).toContain('waiting');
	});

	test.each(['color', 'mono', 'ascii'] as const)('three runs side by side fit 80×15 (%s)', (theme) => {
		const lines = draw(boundary(), theme);
		expectFits(lines, 80, 15);
		const text = lines.join('\n');
		expect(text).toContain('tanh');
		expect(text).toContain('relu test 95%'); // the test accuracy, said so
		if (theme === 'mono') expect(text).toMatch(/░/); // class 1 shaded
		if (theme === 'mono') expect(text).toMatch(/▼|♦/); // points by class glyph, none a run marker
		if (theme === 'ascii') {
			expect(text).not.toMatch(BLOCKS);
			expect(text).toMatch(/\./);
			expect(text).toMatch(/[ab]/);
		}
	});

	test('colour: the plane in half blocks, no shade glyphs', () => {
		const text = draw(boundary()).join('\n');
		expect(text).toContain('▀');
		expect(text).not.toMatch(/[░▒▓]/);
	});

	test('a run that predicts nothing (diverged) is marked and drawn blank', () => {
		const diverged = runs.map((r, k) => (k === 0 ? {...r, diverged: true, divergedAt: 40} : r));
		const lines = draw(boundary({runs: diverged}), 'mono');
		expect(lines[0]).toContain('✗ sigmoid diverged');
		// Its panel (the first 26 columns) has points but no shaded class.
		const panel = lines.slice(1, 14).map((l) => [...l].slice(1, 25).join(''));
		expect(panel.join('')).not.toContain('░');
	});

	test('one run large with its key; test points toggled', () => {
		for (const theme of ['color', 'mono', 'ascii'] as const) {
			const off = draw(boundary({focus: 2}), theme);
			expectFits(off, 80, 15);
			const text = off.join('\n');
			expect(text).toContain('classes');
			expect(text).toContain('t test points: off');
			expect(text).toContain('run 3/3');
			const on = draw(boundary({focus: 2, showTest: true}), theme).join('\n');
			expect(on).toContain('t test points: on');
			if (theme === 'mono') expect(on.split('▽').length).toBeGreaterThan(text.split('▽').length);
		}
	});

	test('too many runs: as many as fit and "+N more"', () => {
		const many = Array.from({length: 14}, (_, k) => runState(`run ${k}`, history(5, () => 1)));
		const probes = many.map(() => ({boundary: circleGrid()}));
		const lines = draw(boundary({runs: many, probes}));
		expectFits(lines, 80, 15);
		expect(lines.join('\n')).toMatch(/\+\d+ more/);
	});

	test('large terminals and Korean fit: every run, or the focused one with its key', () => {
		// Mutation: ignoring focus (always the tiles), or drawing the key for every panel, fails this.
		const all = draw(boundary({width: 160, height: 40, focus: null}), 'color', 160, 'ko');
		expectFits(all, 160, 40);
		for (const label of ['sigmoid', 'tanh', 'relu']) expect(all.join('\n')).toContain(label);
		expect(all.join('\n')).not.toContain('클래스');
		const one = draw(boundary({width: 160, height: 40, focus: 1}), 'color', 160, 'ko');
		expectFits(one, 160, 40);
		const text = one.join('\n');
		expect(text).toContain('클래스');
		expect(text).toContain('실행 2/3');
		expect(text).toContain('tanh');
		expect(text).not.toMatch(/sigmoid|relu/);
	});
});
