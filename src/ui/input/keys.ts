/**
 * Key presses, one per key. Ink reports an escape sequence (an arrow, shift-tab) as one event
 * and a run of plain text as another: keys typed quickly, or sent over a slow SSH link, arrive
 * as one read, so `+++++` is a single event. Splitting that run here, one press per character
 * decoded the way Ink decodes a character on its own, lets every key count.
 */
import type {Key} from 'ink';

/** A key that is not a printable character. */
export type SpecialKey = 'up' | 'down' | 'left' | 'right' | 'tab' | 'return' | 'escape' | 'backspace' | 'delete' | 'pageUp' | 'pageDown' | 'home' | 'end';

export interface KeyPress {
	/** The printable character, or '' for a special key. With ctrl held, the letter (ctrl-c: 'c'). */
	readonly char: string;
	readonly special: SpecialKey | null;
	readonly ctrl: boolean;
	readonly shift: boolean;
	/** Alt/Option held (Ink reports Esc itself as meta; that is not counted here). */
	readonly meta: boolean;
}

/** Ink's flag for each special key, in the order they are checked. */
const INK_FLAGS: readonly (readonly [keyof Key, SpecialKey])[] = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['tab', 'tab'],
	['return', 'return'],
	['escape', 'escape'],
	['backspace', 'backspace'],
	['delete', 'delete'],
	['pageUp', 'pageUp'],
	['pageDown', 'pageDown'],
	['home', 'home'],
	['end', 'end'],
];

const press = (char: string, special: SpecialKey | null, flags: {ctrl?: boolean; shift?: boolean; meta?: boolean} = {}): KeyPress => ({
	char,
	special,
	ctrl: flags.ctrl ?? false,
	shift: flags.shift ?? false,
	meta: flags.meta ?? false,
});

/** One event as Ink decoded it. */
function fromInk(input: string, key: Key): KeyPress {
	const special = INK_FLAGS.find(([flag]) => key[flag] === true)?.[1] ?? null;
	return press(special ? '' : input, special, {ctrl: key.ctrl, shift: key.shift, meta: key.meta && !key.escape});
}

/** A character of a text run, decoded as Ink decodes it when it arrives alone. */
export function fromCharacter(character: string): KeyPress {
	if (character === '\r') return press('', 'return');
	// Ink names a lone line feed (ctrl-j) "enter" but flags it as no key: it stays a character.
	if (character === '\n') return press('\n', null);
	if (character === '\t') return press('', 'tab');
	if (character === '\b') return press('', 'backspace');
	if (character === '\u007F') return press('', 'delete');
	const code = character.codePointAt(0) ?? 0;
	// Ctrl-a … ctrl-z are the codes 1 … 26: Ink names them by their letter.
	if (code >= 1 && code <= 26) return press(String.fromCharCode(code + 96), null, {ctrl: true});
	return press(character, null, {shift: /^[A-Z]$/.test(character)});
}

/** The presses in one Ink input event: one, or one per character of a text run. */
export function keyPresses(input: string, key: Key): KeyPress[] {
	const characters = [...input];
	const special = INK_FLAGS.some(([flag]) => key[flag] === true);
	if (characters.length <= 1 || special || key.ctrl || key.meta) return [fromInk(input, key)];
	return characters.map(fromCharacter);
}
