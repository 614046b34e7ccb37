import {describe, expect, test} from 'vitest';
import type {CommandName, Scope} from '../../../src/ui/input/keymap.js';
import {fromCharacter} from '../../../src/ui/input/keys.js';
import {type KeyAnswer, KeyRouter} from '../../../src/ui/input/router.js';

/** A screen that records its commands; `moves` says which commands change the screen. */
function screen(scope: Scope, moves: readonly CommandName[] = []) {
	const got: CommandName[] = [];
	return {
		got,
		listener: {
			scope: () => scope,
			enabled: () => [],
			onCommand: (command: CommandName): KeyAnswer => {
				got.push(command);
				return moves.includes(command) ? 'moved' : undefined;
			},
		},
	};
}
const keys = (text: string) => [...text].map(fromCharacter);

describe('KeyRouter', () => {
	test('the newest screen gets the keys, as its own commands', () => {
		const router = new KeyRouter();
		const lesson = screen('lesson');
		const explorer = screen('explorer');
		router.listen(lesson.listener);
		router.feed(keys('+'));
		const stop = router.listen(explorer.listener);
		router.feed(keys('+'));
		stop();
		router.feed(keys('-'));
		expect(lesson.got).toEqual(['faster', 'slower']);
		expect(explorer.got).toEqual(['deeper']);
	});

	test('after a key that changes the screen, the rest wait for the next screen', () => {
		const router = new KeyRouter();
		const picker = screen('picker', ['open']);
		const stop = router.listen(picker.listener);
		router.feed(keys('j\r ss'));
		expect(picker.got).toEqual(['down', 'open']);
		stop();
		router.feed(keys('+')); // still waiting: kept in order
		const lesson = screen('lesson');
		router.listen(lesson.listener);
		expect(lesson.got).toEqual(['togglePause', 'step', 'step', 'faster']);
	});

	test('keys nobody listens for are dropped, keys that mean nothing are skipped', () => {
		const router = new KeyRouter();
		router.feed(keys('q'));
		const lesson = screen('lesson');
		router.listen(lesson.listener);
		router.feed(keys('zq'));
		expect(lesson.got).toEqual(['quit']);
	});
});
