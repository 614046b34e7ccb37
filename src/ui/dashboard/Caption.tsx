/** The lesson's note for the current step, wrapped to the lines it has; or the worker's error. */
import {Box, Text} from 'ink';
import type {Note} from '../../scenarios/types.js';
import {useLanguage} from '../kit/context.js';
import {asciiMath} from '../kit/ascii.js';
import {truncate, wrap} from '../kit/format.js';
import {useTheme} from '../kit/theme.js';
import {captionText} from './caption-layout.js';

export interface CaptionProps {
	/** The scenario's notes, in any order. */
	readonly notes: readonly Note[];
	/** The step the runs have reached. */
	readonly step: number;
	readonly width: number;
	/** Lines available (the text is wrapped, then cut with an ellipsis). */
	readonly lines: number;
	/** Shown instead of the note, in the error colour. */
	readonly error?: string | null;
	/** A passing message (an export's file names) on the first line, above a shortened note. */
	readonly notice?: string | null;
}

export function Caption({notes, step, width, lines, error = null, notice}: CaptionProps) {
	const theme = useTheme();
	const g = theme.glyphs;
	const written = captionText(notes, step, error, useLanguage());
	// --ascii spells the captions' symbols too (∂L/∂w → dL/dw, ● → O), as the views draw them.
	const text = written && g.ascii ? asciiMath(written) : written;
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
