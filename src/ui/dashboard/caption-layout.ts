/** What the caption says: the lesson's note for the step the runs have reached, or the worker's error. */
import type {Language, Note} from '../../scenarios/types.js';
import {errorText} from '../kit/words.js';

/** The note with the largest `at` not after `step`, or null before the first. */
export function currentNote(notes: readonly Note[], step: number): Note | null {
	let best: Note | null = null;
	for (const note of notes) if (note.at <= step && (best === null || note.at >= best.at)) best = note;
	return best;
}

/** The caption's text: the error when there is one, else the current note ('' before the first). */
export function captionText(notes: readonly Note[], step: number, error: string | null, language: Language): string {
	if (error) return errorText(error, language);
	const note = currentNote(notes, step);
	return note ? note.text[language] || note.text.en : '';
}
