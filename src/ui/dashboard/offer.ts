/** What a scenario offers on the dashboard: its views, its x units, its depth for the explorer. */
import type {Scenario, XAxis} from '../../scenarios/types.js';
import type {ViewName} from '../views/model.js';

/**
 * The views a scenario offers, in Tab order. Surface scenarios open on the race map; digits get
 * the images view after the loss chart. The boundary view needs 2-D classification data: every
 * toy set is; the fit view needs regression data on 1 or 2 inputs: every built-in regression set
 * is. A CSV's width is known only once the worker's first probe brings a picture (the reducer adds
 * the view then).
 */
export function scenarioViews(scenario: Scenario): readonly ViewName[] {
	if (scenario.kind === 'surface') return ['race', 'loss'];
	const images = scenario.runs.some((r) => r.dataset.kind === 'digits');
	const picture = pictureView(scenario);
	return ['loss', ...(images ? (['images'] as const) : []), 'gradients', ...(picture ? [picture] : []), 'histograms', 'activations'];
}

/** The view of the input plane a network scenario's built-in data set has, if any. */
function pictureView(scenario: Scenario): ViewName | null {
	if (scenario.kind !== 'network') return null;
	if (scenario.runs.some((r) => r.dataset.kind === 'toy')) return 'boundary';
	if (scenario.runs.some((r) => r.dataset.kind === 'regression')) return 'fit';
	return null;
}

/** The x units, in `x` order: a surface has no epochs or samples. */
export function scenarioXAxes(scenario: Scenario): readonly XAxis[] {
	return scenario.kind === 'network' ? ['step', 'epoch', 'samples', 'seconds'] : ['step', 'seconds'];
}

/** The scenario's depth for the activation explorer: its most hidden layers (10 when unknown). */
export function scenarioDepth(scenario: Scenario): number {
	if (scenario.kind !== 'network' || scenario.runs.length === 0) return 10;
	return Math.max(1, ...scenario.runs.map((r) => r.model.hidden.length));
}
