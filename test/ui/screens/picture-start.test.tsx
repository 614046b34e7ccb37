/**
 * A lesson that opens on a picture view asks the worker for its pictures from the start: the
 * boundary's grids, the fit's curves and maps, or the images' guesses. Mutation: App asking only when the starting view
 * is 'boundary' (as it did) fails the fit case; asking always fails the loss case.
 */
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import type {RunnerHandle, RunnerSetup} from '../../../src/runner/client.js';
import {findScenario, loadScenarioFile} from '../../../src/scenarios/load.js';
import type {Scenario, ViewName} from '../../../src/scenarios/types.js';
import {App} from '../../../src/ui/screens/App.js';

/** The setup App starts its worker with, for `scenario` opening on `show`. */
function setupFor(id: string, show: ViewName): RunnerSetup {
	const lesson = loadScenarioFile(findScenario(id));
	const scenario: Scenario = {...lesson, notes: [], view: {...lesson.view, show}};
	const setups: RunnerSetup[] = [];
	const start = (init: RunnerSetup): RunnerHandle => {
		setups.push(init);
		return {send: () => {}, subscribe: () => () => {}, stop: async () => {}};
	};
	const ui = render(<App scenarios={[scenario]} chapters={[]} first={{kind: 'lesson', scenario, started: true}} language="en" training={{snapshotsPerSecond: 15}} start={start} />);
	ui.unmount();
	expect(setups).toHaveLength(1);
	return setups[0]!;
}

describe('the pictures a lesson asks for at its start', () => {
	test('opening on the fit, the boundary or the images: pictures from the first probe; on the loss: none until a picture view shows', () => {
		expect(setupFor('curve-fitting', 'fit').boundary).toBe(true);
		expect(setupFor('digits', 'images').boundary).toBe(true);
		expect(setupFor('activations', 'boundary').boundary).toBe(true);
		expect(setupFor('curve-fitting', 'loss').boundary).toBe(false);
	});
});
