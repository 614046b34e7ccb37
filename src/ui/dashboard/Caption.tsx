/** The lesson's note for the current step, wrapped to the lines it has; or the worker's error. */
import {Box, Text} from 'ink';
import type {Language, Note} from '../../scenarios/types.js';
import {truncate, wrap} from '../kit/format.js';
import {errorText} from '../kit/words.js';
import {useTheme} from '../kit/theme.js';

export interface CaptionProps {
	/** The scenario's notes, in any order. */
	readonly notes: readonly Note[];
	/** The step the runs have reached. */
	readonly step: number;
	readonly language: Language;
	readonly width: number;
	/** Lines available (the text is wrapped, then cut with an ellipsis). */
	readonly lines: number;
	/** Shown instead of the note, in the error colour. */
	readonly error?: string | null;
	/** A passing message (an export's file names) on the first line, above a shortened note. */
	readonly notice?: string | null;
}

/** The note with the largest `at` not after `step`, or null before the first. */
export function currentNote(notes: readonly Note[], step: number): Note | null {
	let best: Note | null = null;
	for (const note of notes) if (note.at <= step && (best === null || note.at >= best.at)) best = note;
	return best;
}

export function Caption({notes, step, language, width, lines, error, notice}: CaptionProps) {
	const theme = useTheme();
	const g = theme.glyphs;
	const note = currentNote(notes, step);
	const text = error ? errorText(error, language) : note ? note.text[language] || note.text.en : '';
	const noteLines = notice ? lines - 1 : lines;
	const wrapped = text && noteLines > 0 ? wrap(text, width - 3, noteLines, g.ellipsis) : [];
	return (
		<Box flexDirection="column" width={width} height={lines}>
			{notice ? (
				<Text {...theme.roles.good}>{truncate(` ${g.caption} ${notice}`, width, g.ellipsis)}</Text>
			) : null}
			{wrapped.map((line, k) => (
				<Text key={k} {...(error ? theme.roles.bad : theme.roles.text)}>
					<Text {...(error ? theme.roles.bad : theme.roles.accent)}>{k === 0 ? ` ${g.caption} ` : '   '}</Text>
					{line}
				</Text>
			))}
		</Box>
	);
}
