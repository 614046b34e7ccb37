/** An intro card (a tour chapter's or a lesson's) as pure data: its geometry, heading, title, wrapped intro and key hints. */
import type {Language} from '../../../scenarios/types.js';
import {truncate, wrapLines} from '../../kit/format.js';
import type {TerminalSize} from '../../kit/size.js';
import type {Glyphs} from '../../kit/theme.js';
import {chapterText, word} from '../../kit/words.js';
import {type Hint, fitHints, scopeHints} from '../../input/hints.js';
import type {CommandName} from '../../input/keymap.js';

/** A chapter's place in the tour: its index from 0, and how many chapters there are. */
export interface TourPlace {
	readonly chapter: number;
	readonly chapters: number;
}

/** The commands a chapter's card offers beyond a lesson's (a constant, for the hints and the keys). */
export const CHAPTER_CARD_COMMANDS: readonly CommandName[] = ['nextChapter', 'prevChapter'];

export interface IntroCardText {
	/** The title in the chosen language. */
	readonly title: string;
	/** The intro's lines in the chosen language, separated by `\n`. */
	readonly intro: string;
	/** On the tour: the chapter's place (the heading says it, and n / p move on). A lesson's card has none. */
	readonly place?: TourPlace;
	/** Rows left undrawn at the bottom (Ink's spare last row, like the dashboard's). */
	readonly reservedRows?: number;
}

/** The widest the card gets: 72 columns of text at 80 columns. */
const MAX_CARD_WIDTH = 78;
/** Columns between the border and the text on each side. */
export const PAD = 2;

export interface IntroCardLayout {
	readonly usable: number;
	readonly width: number;
	readonly inner: number;
	readonly height: number;
	readonly heading: string;
	readonly title: string;
	readonly lines: readonly string[];
	readonly hints: readonly Hint[];
}

/** The card's geometry and text for a size: everything the view draws. */
export function introCardLayout(card: IntroCardText, size: TerminalSize, language: Language, glyphs: Glyphs): IntroCardLayout {
	const {columns, rows} = size;
	const usable = Math.max(1, rows - (card.reservedRows ?? 1));
	const width = Math.max(4, Math.min(MAX_CARD_WIDTH, columns - 2));
	const inner = Math.max(1, width - 2 - 2 * PAD);
	// Panel rows: top border, blank, title, blank, the intro, blank, bottom border; then blank + hints.
	const fixed = 6 + 2;
	const room = Math.max(1, usable - fixed);
	const lines = wrapLines(card.intro, inner, room, glyphs.ellipsis);
	const height = Math.min(usable, lines.length + 6);
	const heading = card.place ? `${word('tour', language)} ${glyphs.separator} ${chapterText(card.place.chapter, card.place.chapters, language)}` : word('lessonIntro', language);
	// Starting and quitting matter most: previous, then next, go first when the line is short.
	const enabled = card.place ? CHAPTER_CARD_COMMANDS : [];
	const hints = fitHints(scopeHints('intro', language, {ascii: glyphs.ascii, enabled}), columns - 2, glyphs.separator);
	return {usable, width, inner, height, heading, title: truncate(card.title, inner, glyphs.ellipsis), lines, hints};
}
