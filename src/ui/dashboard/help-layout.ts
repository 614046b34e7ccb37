/**
 * The help overlay as pure data: every command of the lesson keymap with its keys and
 * description, in one or two columns. Column widths follow their content (display width, so
 * Korean is measured right): the first column takes what its longest line needs, the second the
 * rest; a description longer than its column wraps onto the next row when the rows allow, and is
 * cut with an ellipsis only when they do not.
 */
import type {Language} from '../../scenarios/types.js';
import {asciiText} from '../kit/ascii.js';
import {displayWidth, padEnd, truncate, wrap} from '../kit/format.js';
import {word} from '../kit/words.js';
import {KEYMAP, type KeymapEntry, type Scope, helpWords, keysLabel} from '../input/keymap.js';

/** One command as the help lists it. */
export interface HelpItem {
	readonly entry: KeymapEntry;
	readonly keys: string;
	readonly description: string;
}

/** One drawn row of a column: the keys (only on an item's first row) and a piece of its description. */
export interface HelpRow {
	readonly entry: KeymapEntry;
	readonly keys: string;
	readonly text: string;
}

export interface HelpColumn {
	readonly width: number;
	readonly rows: readonly HelpRow[];
}

/** Below this many columns inside the panel, one column of entries. */
const TWO_COLUMNS_FROM = 60;

/** A screen's commands (a lesson's or its view's, the editor's) in keymap order (spelled in ASCII for --ascii: → becomes ->, … becomes ...). */
export function helpItems(language: Language, ascii: boolean, scope: Scope = 'lesson'): HelpItem[] {
	const text = (s: string) => (ascii ? asciiText(s) : s);
	return KEYMAP[scope].entries.map((entry) => ({entry, keys: text(keysLabel(entry)), description: text(helpWords(entry, language))}));
}

/** The overlay's title, with the keys that close it: `keys (? / esc)`. */
export function helpTitle(language: Language): string {
	const close = KEYMAP.help.entries.find((e) => e.command === 'dismiss')!;
	return `${word('keys', language)} (${close.keys.map((k) => k.label).join(' / ')})`;
}

/**
 * The overlay's columns for `inner` × `lines` cells inside the borders. Every row is exactly its
 * column's width; the columns together are exactly `inner` wide.
 */
export function helpColumns(inner: number, lines: number, items: readonly HelpItem[], ellipsis: string): HelpColumn[] {
	const count = items.length > lines && inner >= TWO_COLUMNS_FROM ? 2 : 1;
	const per = Math.ceil(items.length / count);
	const groups = Array.from({length: count}, (_, c) => items.slice(c * per, (c + 1) * per));
	const keysWidth = groups.map((g) => 1 + Math.max(0, ...g.map((e) => displayWidth(e.keys))) + 1);
	const natural = groups.map((g, c) => keysWidth[c]! + Math.max(0, ...g.map((e) => displayWidth(e.description))) + 1);
	const narrowest = keysWidth[0]! + 8;
	const widest = Math.max(narrowest, Math.min(natural[0]!, inner - keysWidth[1]! - 8));
	const wrapAt = (c: number, width: number) => groups[c]!.map((e) => wrap(e.description, Math.max(1, width - keysWidth[c]! - 1)));
	const fitsAt = (c: number, width: number) => wrapAt(c, width).reduce((n, w) => n + Math.max(1, w.length), 0) <= lines;
	// The first column as wide as its longest line allows, narrower if that lets every description
	// of both columns be read whole (the inspector's help at 80×24 cut five on the right).
	let first = widest;
	if (count === 2 && !(fitsAt(0, first) && fitsAt(1, inner - first))) {
		for (let w = widest - 1; w >= narrowest; w--) {
			if (fitsAt(0, w) && fitsAt(1, inner - w)) {
				first = w;
				break;
			}
		}
	}
	const widths = count === 1 ? [inner] : [first, inner - first];
	return groups.map((group, c) => {
		const width = widths[c]!;
		const room = Math.max(1, width - keysWidth[c]! - 1);
		const wrapped = wrapAt(c, width);
		const fits = fitsAt(c, width);
		const rows = group.flatMap((item, k): HelpRow[] => {
			const pieces = fits ? wrapped[k]! : [truncate(item.description, room, ellipsis)];
			return (pieces.length > 0 ? pieces : ['']).map((piece, p) => ({
				entry: item.entry,
				keys: padEnd(p === 0 ? ` ${item.keys}` : '', keysWidth[c]!, ellipsis),
				text: padEnd(piece, width - keysWidth[c]!, ellipsis),
			}));
		});
		return {width, rows: rows.slice(0, lines)};
	});
}
