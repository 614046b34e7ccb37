/**
 * A tour chapter's intro card, shown before its training starts: a centred panel with the
 * chapter's place in the tour, its title and its intro lines (wrapped by display width), and the
 * keys that move on underneath.
 */
import {Box, Text} from 'ink';
import type {Language} from '../../../scenarios/types.js';
import {displayWidth, truncate, wrapLines} from '../../kit/format.js';
import {Panel} from '../../kit/Panel.js';
import {chapterText, introHints, word} from '../../kit/words.js';
import {type Glyphs, useTheme} from '../../kit/theme.js';

export interface IntroCardProps {
	/** The chapter's title in the chosen language. */
	readonly title: string;
	/** The intro's lines in the chosen language, separated by `\n`. */
	readonly intro: string;
	/** The chapter's position in the tour, from 0. */
	readonly chapter: number;
	/** How many chapters the tour has. */
	readonly chapters: number;
	readonly language: Language;
	/** The terminal size. */
	readonly size: {readonly columns: number; readonly rows: number};
	/** Rows left undrawn at the bottom (Ink's spare last row, like the dashboard's). */
	readonly reservedRows?: number;
}

/** The widest the card gets: 72 columns of text at 80 columns. */
const MAX_CARD_WIDTH = 78;
/** Columns between the border and the text on each side. */
const PAD = 2;

/** The card's geometry and text for a size: everything the view draws, as plain data. */
export function introCardLayout(props: IntroCardProps, glyphs: Glyphs) {
	const {columns, rows} = props.size;
	const usable = Math.max(1, rows - (props.reservedRows ?? 1));
	const width = Math.max(4, Math.min(MAX_CARD_WIDTH, columns - 2));
	const inner = Math.max(1, width - 2 - 2 * PAD);
	// Panel rows: top border, blank, title, blank, the intro, blank, bottom border; then blank + hints.
	const fixed = 6 + 2;
	const room = Math.max(1, usable - fixed);
	const lines = wrapLines(props.intro, inner, room, glyphs.ellipsis);
	const height = Math.min(usable, lines.length + 6);
	const heading = `${word('tour', props.language)} ${glyphs.separator} ${chapterText(props.chapter, props.chapters, props.language)}`;
	return {
		usable,
		width,
		inner,
		height,
		heading,
		title: truncate(props.title, inner, glyphs.ellipsis),
		lines,
		hints: hintsLine(props.language, columns, glyphs),
	};
}

/** `enter/space start · n next · p previous · q quit`, as many hints as fit `columns`. */
export function hintsLine(language: Language, columns: number, glyphs: Glyphs): {keys: string; hint: string}[] {
	const all = introHints(language);
	const size = (items: typeof all) => items.reduce((n, h, k) => n + (k > 0 ? displayWidth(glyphs.separator) + 2 : 0) + displayWidth(`${h.keys} ${h.hint}`), 0);
	let shown = all;
	// Drop from the middle (previous, then next): starting and quitting matter most.
	while (shown.length > 2 && size(shown) > columns - 2) shown = [...shown.slice(0, shown.length - 2), shown.at(-1)!];
	return shown;
}

export function IntroCard(props: IntroCardProps) {
	const theme = useTheme();
	const g = theme.glyphs;
	const layout = introCardLayout(props, g);
	return (
		<Box flexDirection="column" width={props.size.columns} height={layout.usable} alignItems="center" justifyContent="center">
			<Panel title={layout.heading} width={layout.width} height={layout.height}>
				<Box flexDirection="column" paddingX={PAD} height={layout.height - 2}>
					<Text> </Text>
					<Text bold {...theme.roles.accent}>
						{layout.title}
					</Text>
					<Text> </Text>
					{layout.lines.map((line, k) => (
						<Text key={k} {...theme.roles.text}>
							{line === '' ? ' ' : line}
						</Text>
					))}
				</Box>
			</Panel>
			<Box height={1} />
			<Text wrap="truncate-end">
				{layout.hints.map((h, k) => (
					<Text key={h.keys}>
						{k > 0 ? <Text {...theme.roles.dim}>{` ${g.separator} `}</Text> : ''}
						<Text {...theme.roles.accent}>{h.keys}</Text>
						<Text {...theme.roles.dim}> {h.hint}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
}
