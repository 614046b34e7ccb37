/**
 * The tour's chapter line as pure data: every chapter's number, the current one with its title,
 * as much as the width allows — `Guided tour  1 2 [3 The vanishing gradient] 4 5 6 7 8 9`.
 */
import type {Language} from '../../../scenarios/types.js';
import {displayWidth, truncate} from '../../kit/format.js';
import type {Role} from '../../kit/theme.js';
import {word} from '../../kit/words.js';

/** A piece of the line and how it is drawn. */
export interface ChapterSegment {
	readonly text: string;
	readonly role: Role;
	/** The current chapter (drawn inverse in colour, between brackets in monochrome). */
	readonly current?: boolean;
}

/** The line as segments: the richest form that fits `width` columns (never wider). */
export function chapterListSegments(titles: readonly string[], current: number, width: number, language: Language, ellipsis: string): ChapterSegment[] {
	if (width <= 0 || titles.length === 0) return [];
	const at = Math.max(0, Math.min(titles.length - 1, current));
	const label: ChapterSegment[] = [{text: ` ${word('tour', language)} `, role: 'dim'}];
	const entry = (k: number, title?: string): ChapterSegment =>
		k === at ? {text: `[${k + 1}${title ? ` ${title}` : ''}]`, role: 'accent', current: true} : {text: `${k + 1}${title ? ` ${title}` : ''}`, role: k < at ? 'dim' : 'text'};
	const join = (items: ChapterSegment[]): ChapterSegment[] => items.flatMap((item, k) => (k > 0 ? [{text: ' ', role: 'dim' as const}, item] : [item]));
	const size = (segments: readonly ChapterSegment[]) => segments.reduce((n, s) => n + displayWidth(s.text), 0);
	const lead: ChapterSegment = {text: ' ', role: 'dim'};

	const everyTitle = [...label, ...join(titles.map((t, k) => entry(k, t)))];
	if (size(everyTitle) <= width) return everyTitle;
	const numbers = (title: string) => join(titles.map((_, k) => entry(k, k === at ? title : undefined)));
	const title = titles[at]!;
	for (const head of [label, [lead]]) {
		const line = [...head, ...numbers(title)];
		if (size(line) <= width) return line;
	}
	// The current title, cut to what is left beside the numbers.
	const bare = size([lead, ...numbers('')]);
	const room = width - bare - 1; // the space before the title
	if (room >= 4) return [lead, ...numbers(truncate(title, room, ellipsis))];
	// Too narrow for the numbers: `3/9 title`.
	const short = ` ${at + 1}/${titles.length} `;
	return [{text: truncate(`${short}${title}`, width, ellipsis), role: 'accent'}];
}
