import type {Key} from 'ink';
import {describe, expect, test} from 'vitest';
import {type CommandName, KEYMAP, isAvailable, matchCommand} from '../../../src/ui/input/keymap.js';

const none: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};
const key = (flags: Partial<Key> = {}): Key => ({...none, ...flags});

describe('matchCommand', () => {
	const cases: [string, Partial<Key>, CommandName | null][] = [
		[' ', {}, 'togglePause'],
		['s', {}, 'step'],
		['S', {shift: true}, 'step'],
		['r', {}, 'restart'],
		['+', {}, 'faster'],
		['=', {}, 'faster'],
		['-', {}, 'slower'],
		['', {tab: true}, 'nextView'],
		['', {rightArrow: true}, 'nextView'],
		['', {tab: true, shift: true}, 'prevView'],
		['', {leftArrow: true}, 'prevView'],
		['l', {}, 'toggleLog'],
		['x', {}, 'cycleXAxis'],
		['d', {}, 'toggleStats'],
		['t', {}, 'togglePoints'],
		[']', {}, 'nextRun'],
		['[', {}, 'prevRun'],
		['b', {}, 'back'],
		['?', {}, 'help'],
		['', {escape: true, meta: true}, 'dismiss'],
		['q', {}, 'quit'],
		['c', {ctrl: true}, 'quit'],
		['e', {}, 'export'],
		['n', {}, 'nextChapter'],
		['p', {}, 'prevChapter'],
		['c', {}, null],
		['s', {ctrl: true}, null],
		['z', {}, null],
		['', {upArrow: true}, null],
	];
	test.each(cases)('%j %j → %s', (input, flags, expected) => {
		expect(matchCommand(input, key(flags))).toBe(expected);
	});
});

describe('KEYMAP', () => {
	test('one entry per command, no key bound twice', () => {
		const commands = KEYMAP.map((e) => e.command);
		expect(new Set(commands).size).toBe(commands.length);
		const labels = KEYMAP.flatMap((e) => e.keys.map((k) => k.label));
		expect(new Set(labels).size).toBe(labels.length);
	});
	test('every entry has English and Korean words', () => {
		for (const e of KEYMAP) {
			expect(e.description.en).not.toBe('');
			expect(e.description.ko).not.toBe('');
		}
	});
	test('export and chapters are optional until enabled', () => {
		const entry = KEYMAP.find((e) => e.command === 'export')!;
		expect(isAvailable(entry)).toBe(false);
		expect(isAvailable(entry, ['export'])).toBe(true);
	});
});
