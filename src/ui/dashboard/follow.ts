/**
 * Captions that carry a view: when one appears, the dashboard shows the view it talks about —
 * unless that view is already on screen (a wide terminal shows the loss chart beside the bars)
 * or the viewer has picked a view by hand since the lesson started (or restarted). Driven by the
 * step, not the clock, so a recording switches views at the same frame every time.
 */
import type {Scenario, ViewName} from '../../scenarios/types.js';
import {viewsOnScreen} from './layout.js';
import {wantedView} from './offer.js';
import {type DashboardState, currentStep} from './state.js';

/** The view to switch to now, or null to stay. */
export function captionSwitch(state: DashboardState, scenario: Scenario, columns: number): ViewName | null {
	if (!state.followCaptions) return null;
	// After a restart the runs still show their old steps until the first new snapshot.
	const wanted = wantedView(scenario, state.received ? currentStep(state.runs) : 0);
	if (!state.views.includes(wanted) || viewsOnScreen(state.view, columns).includes(wanted)) return null;
	return wanted;
}
