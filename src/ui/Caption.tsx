/** The lesson's note for the current step, wrapped to the lines it has; or the worker's error. */
import {Box, Text} from 'ink';
import type {Language, Note} from '../scenarios/types.js';
import {wrap} from './format.js';
import {word} from './strings.js';
import {useTheme} from './theme.js';

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
}

/** The note with the largest `at` not after `step`, or null before the first. */
export function currentNote(notes: readonly Note[], step: number): Note | null {
	let best: Note | null = null;
	for (const note of notes) if (note.at <= step && (best === null || note.at >= best.at)) best = note;
	return best;
}

export function Caption({notes, step, language, width, lines, error}: CaptionProps) {
	const theme = useTheme();
	const g = theme.glyphs;
	const note = currentNote(notes, step);
	const text = error ? `${word('error', language)}: ${error}` : note ? note.text[language] || note.text.en : '';
	const wrapped = text ? wrap(text, width - 3, lines, g.ellipsis) : [];
	return (
		<Box flexDirection="column" width={width} height={lines}>
			{wrapped.map((line, k) => (
				<Text key={k} {...(error ? theme.roles.bad : theme.roles.text)}>
					<Text {...(error ? theme.roles.bad : theme.roles.accent)}>{k === 0 ? ` ${g.caption} ` : '   '}</Text>
					{line}
				</Text>
			))}
		</Box>
	);
}
