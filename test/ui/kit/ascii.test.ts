import {describe, expect, it} from 'vitest';
import {asciiMath, asciiText, asciiTexts} from '../../../src/ui/kit/ascii.js';

describe('--ascii text', () => {
	it('spells typography in ASCII', () => {
		expect(asciiText('sigmoid′ ≤ 0.25, so 0.25¹⁰ ≈ 9.5 × 10⁻⁷ — tiny…')).toBe("sigmoid' <= 0.25, so 0.25^10 ~ 9.5 x 10^-7 -- tiny...");
	});

	it('changes only the English of {en, ko} texts, deep inside a scenario', () => {
		const scenario = {id: 'x×', title: {en: 'a → b', ko: '가 → 나'}, notes: [{at: 3, text: {en: '0.25¹⁰', ko: '0.25¹⁰'}}]};
		expect(asciiTexts(scenario)).toEqual({id: 'x×', title: {en: 'a -> b', ko: '가 → 나'}, notes: [{at: 3, text: {en: '0.25^10', ko: '0.25¹⁰'}}]});
	});

	// Mutation tried: asciiMath as asciiText (the product read as the separator |).
	it('spells a lesson\'s · as the product it is, in captions and intro cards', () => {
		expect(asciiMath('∂L/∂w = ∂L/∂z · a_prev, w ← w − 0.4·∂L/∂w')).toBe('dL/dw = dL/dz * a_prev, w <- w - 0.4*dL/dw');
		expect(asciiTexts({intro: {en: 'steps by lr · g / √G', ko: 'lr · g / √G'}})).toEqual({intro: {en: 'steps by lr * g / sqrtG', ko: 'lr · g / √G'}});
	});
});
