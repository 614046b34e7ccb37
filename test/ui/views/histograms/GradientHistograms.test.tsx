import {describe, expect, test} from 'vitest';
import {GradientHistograms} from '../../../../src/ui/views/histograms/GradientHistograms.js';
import {threeProbes, threeRuns} from '../../fixtures.js';
import {BLOCKS, draw, expectFits} from '../draw.js';

describe('GradientHistograms', () => {
	const hist = (extra: Partial<Parameters<typeof GradientHistograms>[0]> = {}) => (
		<GradientHistograms runs={threeRuns()} probes={threeProbes()} focus={null} width={78} height={13} {...extra} />
	);

	test('before the first probe', () => {
		expect(draw(hist({probes: null})).join('\n')).toContain('waiting');
	});

	test.each(['color', 'mono', 'ascii'] as const)('as many runs as fit, an axis by decade (%s)', (theme) => {
		const lines = draw(hist(), theme);
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		expect(text).toContain('sigmoid');
		expect(text).toContain('L11');
		expect(text).toMatch(/1e-12 +1e-9/);
		expect(text).toContain('+1 more');
		if (theme === 'ascii') expect(text).not.toMatch(BLOCKS);
		else expect(text).toContain('█');
	});

	test('"+1 more" takes no axis: at 80×24 eleven layers fill the panel, so it sits beside the last name', () => {
		for (const theme of ['color', 'ascii'] as const) {
			const lines = draw(hist(), theme);
			expectFits(lines, 78, 13);
			// Both blocks keep their axis whole (the line under them wrote over the left one: "rune-6").
			expect(lines.at(-1)!.match(/1e-12/g)).toHaveLength(2);
			expect(lines[0]).toMatch(/tanh +\+1 more . \[ \] run$/);
		}
		// With a row to spare it goes under the blocks, as before.
		const roomy = draw(hist({height: 15}));
		expect(roomy[13]).toMatch(/^\+1 more/);
		expect(roomy[0]).not.toContain('more');
	});

	test('the focused run alone, with medians; a layer without finite gradients says so', () => {
		const lines = draw(hist({focus: 2}));
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		expect(text).toContain('relu');
		expect(text).toContain('med ');
		expect(text).toContain('no finite gradients');
		expect(text).not.toContain('sigmoid');
	});

	test('mass at tiny magnitudes sits at the left: layer 1 of the vanishing run', () => {
		const lines = draw(hist({focus: 0}));
		const l1 = lines.find((l) => l.startsWith('L1 '))!;
		const l11 = lines.find((l) => l.startsWith('L11'))!;
		expect(l1.indexOf('█')).toBeLessThan(l11.indexOf('█'));
	});

	test('a diverged run and more layers than rows', () => {
		const runs = threeRuns().map((r, k) => (k === 0 ? {...r, diverged: true, divergedAt: 12} : r));
		const lines = draw(hist({runs, focus: 0, height: 8}));
		expectFits(lines, 78, 8);
		const text = lines.join('\n');
		expect(text).toContain('✗ sigmoid');
		expect(text).toContain('diverged at step 12');
		expect(text).toMatch(/\+\d+ more layers/);
	});
});
