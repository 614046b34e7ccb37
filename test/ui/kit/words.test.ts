/**
 * The Korean the app shows keeps one style (GLOSSARY.md: 해요체 or 합니다체, one throughout): the
 * captions and words are 해요체, and the picker's tour and explorer summaries were 합니다체 ("보여
 * 줍니다", "봅니다"). Mutation: either summary back in 합니다체 fails this.
 */
import {describe, expect, it} from 'vitest';
import {listScenarios} from '../../../src/scenarios/load.js';
import {loadTour} from '../../../src/scenarios/tour.js';
import {MESSAGES, WORDS} from '../../../src/ui/kit/words.js';

/** Every Korean string in a nested object of {en, ko} texts. */
function korean(value: unknown): string[] {
	if (typeof value !== 'object' || value === null) return [];
	const ko = (value as {ko?: unknown}).ko;
	return [...(typeof ko === 'string' ? [ko] : []), ...Object.values(value).flatMap(korean)];
}

describe('Korean style', () => {
	it('words, messages and every lesson and chapter text say 해요, not 합니다', () => {
		const texts = [...korean(WORDS), ...korean(MESSAGES), ...[...listScenarios(), ...loadTour()].flatMap((s) => korean([s.title, s.summary, ...s.notes.map((n) => n.text)]))];
		expect(texts.length).toBeGreaterThan(100);
		expect(texts.filter((t) => /니다([.!?]|\s|$)/.test(t))).toEqual([]);
	});
});
