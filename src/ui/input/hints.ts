/**
 * Hint lines drawn from the keymap: the lesson's footer, the picker's and the intro card's key
 * line, the explorer's. Each scope's hints come in keymap order; when a line is short of room
 * the highest ranks go first.
 */
import type {Language} from '../../scenarios/types.js';
import {asciiText} from '../kit/ascii.js';
import {displayWidth} from '../kit/format.js';
import {type CommandName, KEYMAP, type Scope, isAvailable} from './keymap.js';

export interface Hint {
	readonly keys: string;
	readonly hint: string;
	readonly rank: number;
}

export interface HintOptions {
	/** Optional commands the screen offers. */
	readonly enabled?: readonly CommandName[];
	/** The lesson is paused (space says "resume"). */
	readonly paused?: boolean;
	/** Spell the keys in ASCII (↑/↓ → ^/v). */
	readonly ascii?: boolean;
}

/** A scope's hints, in keymap order. */
export function scopeHints(scope: Scope, language: Language, {enabled = [], paused = false, ascii = false}: HintOptions = {}): Hint[] {
	return KEYMAP[scope].entries.flatMap((entry) => {
		const spec = entry.hint;
		if (!spec || !isAvailable(entry, enabled)) return [];
		const words = paused && spec.paused ? spec.paused : spec.words;
		const text = (s: string) => (ascii ? asciiText(s) : s);
		return [{keys: text(spec.keys), hint: text(words[language]), rank: spec.rank}];
	});
}

/** Columns the hints take, `keys hint` pieces joined by ` separator `. */
function hintsWidth(hints: readonly Hint[], separator: string): number {
	return hints.reduce((n, h, k) => n + (k > 0 ? displayWidth(separator) + 2 : 0) + displayWidth(`${h.keys} ${h.hint}`), 0);
}

/**
 * The hints that fit `width`: one at a time, the highest rank first (of equal ranks the later),
 * rank 0 never. One at a time, so a tie does not empty the line: the inspector's tab, select and
 * change share a rank, and at 80 columns two of them fit.
 */
export function fitHints(hints: readonly Hint[], width: number, separator: string): Hint[] {
	const shown = [...hints];
	while (hintsWidth(shown, separator) > width) {
		const worst = Math.max(...shown.map((h) => h.rank));
		if (worst === 0) break;
		shown.splice(shown.findLastIndex((h) => h.rank === worst), 1);
	}
	return shown;
}

/** The hints as one line of text: `↑/↓ choose · enter open · q quit`. */
export function hintsText(hints: readonly Hint[], separator: string): string {
	return hints.map((h) => `${h.keys} ${h.hint}`).join(` ${separator} `);
}

/** One command's hint in a scope (`q quit`), for a screen that shows no hint line. */
export function commandHint(scope: Scope, command: CommandName, language: Language, ascii = false): string {
	const spec = KEYMAP[scope].entries.find((entry) => entry.command === command)?.hint;
	if (!spec) return '';
	const text = `${spec.keys} ${spec.words[language]}`;
	return ascii ? asciiText(text) : text;
}
