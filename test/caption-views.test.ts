/**
 * A caption that talks about a view is shown with that view on screen: the curve-fitting lesson
 * spoke of "the fit view" and "the ‖∂L/∂W‖ bars" over the loss chart, as no caption said `view:`.
 * Mutation: dropping curve-fitting's `view: fit` (or `view: gradients`) fails this.
 */
import {describe, expect, it} from 'vitest';
import {listScenarios} from '../src/scenarios/load.js';
import {loadTour} from '../src/scenarios/tour.js';
import type {ViewName} from '../src/scenarios/types.js';
import {wantedView} from '../src/ui/dashboard/offer.js';

/** Words that name a view, and the view they name. */
const NAMED: readonly [RegExp, ViewName][] = [
	[/\bfit view\b/, 'fit'],
	[/‖∂L\/∂W‖ bars|layer-1 bar|\bthe bars\b|-layer bars\b/, 'gradients'],
	[/decision boundar/i, 'boundary'],
	[/confusion matrix/, 'images'],
];

describe('captions and their views', () => {
	it('every built-in lesson and tour chapter shows the view a caption names, when the caption appears', () => {
		const checked: string[] = [];
		for (const s of [...listScenarios(), ...loadTour()]) {
			for (const note of s.notes) {
				for (const [words, view] of NAMED) {
					if (!words.test(note.text.en)) continue;
					expect(wantedView(s, note.at), `${s.id} at ${note.at}: ${note.text.en}`).toBe(view);
					checked.push(`${s.id}@${note.at}`);
				}
			}
		}
		expect(checked).toEqual(expect.arrayContaining(['curve-fitting@0', 'curve-fitting@600', 'vanishing-gradients@250']));
	});
});
