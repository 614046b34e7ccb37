import {describe, expect, test} from 'vitest';
import {ActivationExplorer} from '../../../../src/ui/views/activations/ActivationExplorer.js';
import {draw, expectFits} from '../draw.js';

describe('ActivationExplorer', () => {
	test.each(['color', 'mono', 'ascii'] as const)('all eight activations with max f′ and the depth factor fit 78×13 (%s)', (theme) => {
		const lines = draw(<ActivationExplorer width={78} height={13} depth={10} />, theme);
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		for (const name of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'softplus', 'linear']) expect(text).toContain(name);
		if (theme === 'ascii') {
			expect(text).toContain("f'<=0.25");
			expect(text).toContain('0.25^10 = 9.5e-07');
			expect(text).not.toMatch(/[⠀-⣿◆′]/);
		} else {
			expect(text).toContain('f′≤0.25');
			expect(text).toContain('0.25¹⁰ ≈ 9.5e-07');
			expect(text).toContain('1.13¹⁰ ≈ 3.36');
			expect(text).toMatch(/[⠀-⣿]/);
			expect(text).toContain('◆');
		}
	});

	test('another depth, Korean, a large area', () => {
		const lines = draw(<ActivationExplorer width={158} height={40} depth={3} highlight={['relu']} />, 'color', 160, 'ko');
		expectFits(lines, 158, 40);
		expect(lines.join('\n')).toContain('0.25³ ≈ 0.0156');
	});
});
