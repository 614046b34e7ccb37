/**
 * Every run is on screen at 80×24: each built-in lesson, trained for real, in every view it offers,
 * in English and Korean, shows each run's whole label on some page that `[`/`]` reach. Views that
 * draw runs apart (gradient bars, boundary tiles, histograms) must show it inside the panel; the
 * others draw every run at once and name them in the legend below.
 *
 * Against the bars before paging (only the first page, "+2 more: Xavier, He"), initialization and
 * optimizers fail here.
 */
import {describe, expect, test} from 'vitest';
import {Prober} from '../../src/runner/probes.js';
import {Session} from '../../src/runner/session.js';
import {listScenarios} from '../../src/scenarios/load.js';
import {localizeLabels} from '../../src/scenarios/localize.js';
import type {Language, Scenario} from '../../src/scenarios/types.js';
import {Dashboard} from '../../src/ui/dashboard/Dashboard.js';
import {applyCommand, dashboardReducer} from '../../src/ui/dashboard/reducer.js';
import {type DashboardState, initialDashboardState} from '../../src/ui/dashboard/state.js';
import type {ViewName} from '../../src/ui/views/model.js';
import {frameLines, snapshot} from './fixtures.js';
import {renderUi} from './render.js';

/**
 * Views that draw each run in its own place, so its label must be in the panel: the images view's
 * matrices are paged at 80×24, each run's under its name in the title once `]` singles it out.
 */
const APART: readonly ViewName[] = ['gradients', 'boundary', 'histograms', 'images'];

/** A dashboard state after really training `s` a few steps, with the teaching views' probes. */
function trained(s: Scenario): DashboardState {
	const session = new Session(s, {historyCapacity: 200});
	for (let k = 0; k < 20 && !session.finished; k++) session.stepAll(k / 1000);
	let state = dashboardReducer(initialDashboardState(s), snapshot(session.states(), {finished: session.finished, stepsPerSecond: 100}));
	const probe = new Prober().probe(session);
	if (probe) state = dashboardReducer(state, probe);
	return state;
}

/** The panel's rows (from under the status line to the last bottom border) and the legend's, of each page `]` reaches. */
function pages(state: DashboardState, s: Scenario, view: ViewName, language: Language): {panel: string; legend: string}[] {
	const out: {panel: string; legend: string}[] = [];
	let now: DashboardState = {...state, view, focus: null};
	for (let k = 0; k <= state.runs.length; k++) {
		const lines = frameLines(renderUi(<Dashboard state={now} scenario={s} />, {language}).lastFrame());
		expect(lines.length).toBeLessThanOrEqual(23);
		const bottom = lines.findLastIndex((l) => l.startsWith('└'));
		const caption = lines.findIndex((l) => l.startsWith(' ▸'));
		// A hint naming the runs of other pages ("+2 more · [ ] run: Xavier, He") does not count as showing them.
		const panel = lines.slice(1, bottom + 1).filter((l) => !l.includes('[ ]'));
		out.push({panel: panel.join('\n'), legend: lines.slice(bottom + 1, caption < 0 ? undefined : caption).join('\n')});
		now = applyCommand(now, 'nextRun');
	}
	return out;
}

describe('every run of every built-in lesson, in every view, at 80×24', () => {
	const lessons = listScenarios();
	test.each(lessons.flatMap((s) => (['en', 'ko'] as const).map((language) => [s.id, language, s] as const)))('%s (%s)', (_id, language, scenario) => {
		const s = localizeLabels(scenario, language);
		const state = trained(s);
		expect(state.views.length).toBeGreaterThan(1);
		for (const view of state.views) {
			const seen = pages(state, s, view, language);
			for (const run of state.runs) {
				const label = run.state.label;
				const where = APART.includes(view) ? seen.map((p) => p.panel) : seen.map((p) => `${p.panel}\n${p.legend}`);
				expect(
					where.some((text) => text.includes(label)),
					`${view}: "${label}" on no page\n${where[0]}`,
				).toBe(true);
			}
		}
	});
});
