/**
 * Where the tour is, on one line: every chapter's number, the current one highlighted with its
 * title, as much as the width allows —
 * `Guided tour  1 2 [3 The vanishing gradient] 4 5 6 7 8 9`.
 */
import {Text} from 'ink';
import {useLanguage} from '../../kit/context.js';
import {type Theme, useTheme} from '../../kit/theme.js';
import {type ChapterSegment, chapterListSegments} from './chapter-layout.js';

export interface ChapterListProps {
	/** Every chapter's title in the chosen language, in tour order. */
	readonly titles: readonly string[];
	/** The chapter shown now, from 0. */
	readonly current: number;
	/** Columns available. */
	readonly width: number;
}

function style(segment: ChapterSegment, theme: Theme) {
	if (!segment.current) return theme.roles[segment.role];
	return theme.name === 'color' ? {...theme.roles.accent, inverse: true} : theme.roles.accent;
}

export function ChapterList({titles, current, width}: ChapterListProps) {
	const theme = useTheme();
	const segments = chapterListSegments(titles, current, width, useLanguage(), theme.glyphs.ellipsis);
	return (
		<Text wrap="truncate-end">
			{segments.map((s, k) => (
				<Text key={k} {...style(s, theme)}>
					{s.current && theme.name === 'color' ? ` ${s.text.slice(1, -1)} ` : s.text}
				</Text>
			))}
		</Text>
	);
}
