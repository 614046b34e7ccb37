/**
 * An edited lesson keeps how it is shown: the editor and `w` carry the lesson's own pace
 * (`speed`), the view it opens on and its captions' views, for every built-in lesson and tour
 * chapter, through the editor's mapping (write.ts's scenarioMapping) and the saved file.
 *
 * Mutation that makes this fail (checked by hand): `footing` in write.ts leaving out `speed`
 * (or `view`), so an edited or saved lesson trains at max on the loss chart.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {listScenarios, parseScenario} from '../../../../src/scenarios/load.js';
import {saveScenario} from '../../../../src/scenarios/save.js';
import {loadTour} from '../../../../src/scenarios/tour.js';
import type {Scenario} from '../../../../src/scenarios/types.js';
import {MAX_RUNS, appliedScenario, editorReducer, initialEditorState} from '../../../../src/ui/screens/editor/editor-state.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-pace-kept-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const shown = (s: Scenario) => ({speed: s.speed, view: s.view});
const lessons = [...listScenarios(), ...loadTour()];

describe('an edited lesson keeps its pace and views', () => {
	it('the lessons set a pace (so the check below means something)', () => {
		expect(lessons.filter((s) => s.speed !== 'max').length).toBeGreaterThan(5);
	});

	it.each(lessons.map((s) => [s.file.split('/').slice(-2).join('/'), s] as const))('%s: through the editor and w', (_name, lesson) => {
		// Unchanged: the same pace, view and captions (each caption's view too).
		const same = appliedScenario(initialEditorState(lesson))!;
		expect(shown(same)).toEqual(shown(lesson));
		expect(same.notes).toEqual(lesson.notes);
		// A run added (one removed where there are 8 already): the captions stay behind (they
		// describe the runs as written), the pace and view do not.
		const full = lesson.runs.length === MAX_RUNS;
		const edited = appliedScenario(editorReducer(initialEditorState(lesson), {type: full ? 'removeRun' : 'addRun'}))!;
		expect(edited.runs.length).toBe(lesson.runs.length + (full ? -1 : 1));
		expect(shown(edited)).toEqual(shown(lesson));
		// Saved with w and read back.
		const file = saveScenario(edited, dir);
		expect(shown(parseScenario(readFileSync(file, 'utf8'), file))).toEqual(shown(lesson));
	});
});
