import type {Key} from 'ink';
import {describe, expect, test} from 'vitest';
import {helpItems} from '../../../src/ui/dashboard/help-layout.js';
import {type CommandName, DESCRIPTIONS, KEYMAP, type Scope, commandFor, isAvailable} from '../../../src/ui/input/keymap.js';
import {keyPresses} from '../../../src/ui/input/keys.js';

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

describe('the lesson scope', () => {
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
		['c', {}, 'edit'],
		['w', {}, 'save'],
		['<', {}, 'lrDown'],
		['.', {}, 'lrUp'],
		['}', {}, 'momentumUp'],
		['s', {ctrl: true}, null],
		['z', {}, null],
		['', {upArrow: true}, null],
	];
	test.each(cases)('%j %j → %s', (input, flags, expected) => {
		const [press] = keyPresses(input, key(flags));
		expect(commandFor('lesson', press!, ['export', 'nextChapter', 'prevChapter'])).toBe(expected);
	});
});

describe('KEYMAP', () => {
	const scopes = Object.keys(KEYMAP) as Scope[];
	test.each(scopes)('%s: one entry per command, no key bound twice', (scope) => {
		const entries = KEYMAP[scope].entries;
		const commands = entries.map((e) => e.command);
		expect(new Set(commands).size).toBe(commands.length);
		const labels = entries.flatMap((e) => e.keys.map((k) => k.label));
		expect(new Set(labels).size).toBe(labels.length);
	});
	test('every command has English and Korean words, every hint too', () => {
		for (const words of Object.values(DESCRIPTIONS)) {
			expect(words.en).not.toBe('');
			expect(words.ko).not.toBe('');
		}
		for (const scope of scopes) {
			for (const e of KEYMAP[scope].entries) {
				if (e.help) expect([e.help.en, e.help.ko]).not.toContain('');
				if (!e.hint) continue;
				expect(e.hint.words.en).not.toBe('');
				expect(e.hint.words.ko).not.toBe('');
			}
		}
	});
	test.each(scopes)('%s: a hint names only keys bound on that screen', (scope) => {
		const labels = new Set(KEYMAP[scope].entries.flatMap((e) => e.keys.map((k) => k.label)));
		for (const e of KEYMAP[scope].entries) {
			for (const part of e.hint?.keys.split('/') ?? []) expect(labels, `${scope}: ${e.hint!.keys}`).toContain(part);
		}
	});
	test('export and chapters are optional until enabled', () => {
		const entry = KEYMAP.lesson.entries.find((e) => e.command === 'export')!;
		expect(isAvailable(entry)).toBe(false);
		expect(isAvailable(entry, ['export'])).toBe(true);
	});
});

describe('one key, a command per screen', () => {
	const on = (scope: Scope, input: string, flags: Partial<Key> = {}) => commandFor(scope, keyPresses(input, key(flags))[0]!);
	test('Esc: quits the picker, leaves the card and the explorer, closes the help, nothing in a lesson but closing its help', () => {
		expect(on('picker', '', {escape: true, meta: true})).toBe('quit');
		expect(on('intro', '', {escape: true, meta: true})).toBe('back');
		expect(on('explorer', '', {escape: true, meta: true})).toBe('back');
		expect(on('help', '', {escape: true, meta: true})).toBe('dismiss');
		expect(on('lesson', '', {escape: true, meta: true})).toBe('dismiss');
	});
	test('+ is faster in a lesson, deeper in the explorer, nothing on the picker', () => {
		expect(on('lesson', '+')).toBe('faster');
		expect(on('explorer', '+')).toBe('deeper');
		expect(on('explorer', '-')).toBe('shallower');
		expect(on('picker', '+')).toBeNull();
	});
	test('the picker: arrows and j/k, Enter, digits', () => {
		expect(on('picker', '', {downArrow: true})).toBe('down');
		expect(on('picker', 'j')).toBe('down');
		expect(on('picker', 'k')).toBe('up');
		expect(on('picker', '\r', {return: true})).toBe('open');
		expect(on('picker', '3')).toBe('openNumber');
		expect(on('picker', '0')).toBeNull();
	});
	test('the intro card: Enter and space start', () => {
		expect(on('intro', '\r', {return: true})).toBe('start');
		expect(on('intro', ' ')).toBe('start');
		expect(on('intro', 's')).toBeNull();
	});
	test('while help is open every key but quit closes it', () => {
		expect(on('help', 'r')).toBe('dismiss');
		expect(on('help', 'z')).toBe('dismiss');
		expect(on('help', '?')).toBe('dismiss');
		expect(on('help', 'q')).toBe('quit');
		expect(on('help', 'c', {ctrl: true})).toBe('quit');
	});
	test('chapters are keys only where the screen offers them', () => {
		const [n] = keyPresses('n', key());
		expect(commandFor('lesson', n!)).toBeNull();
		expect(commandFor('lesson', n!, ['nextChapter'])).toBe('nextChapter');
	});
});

describe("a screen's own words in the help", () => {
	test('the editor moves between runs and says so; the lesson also picks all runs', () => {
		const words = (scope: Scope, language: 'en' | 'ko') => new Map(helpItems(language, false, scope).map((i) => [i.entry.command, i.description]));
		// Mutation: drop the editor entries' `help` and these read "next run / all runs".
		expect(words('editor', 'en').get('nextRun')).toBe('next run');
		expect(words('editor', 'en').get('prevRun')).toBe('previous run');
		expect(words('editor', 'ko').get('nextRun')).toBe('다음 실행');
		expect(words('editor', 'ko').get('prevRun')).toBe('이전 실행');
		expect(words('lesson', 'en').get('nextRun')).toBe('next run / all runs');
		expect(words('lesson', 'ko').get('prevRun')).toBe('이전 실행 / 모두');
	});
});
