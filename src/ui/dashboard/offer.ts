/**
 * What a scenario offers on the dashboard: its views, its x units, its depth for the explorer,
 * the runs the inspector can draw, and the view its captions ask for at each step.
 */
import {INSPECT_MAX_LAYERS, INSPECT_MAX_UNITS} from '../../core/inspect.js';
import {type Scenario, VIEWS_OF, type ViewName, type XAxis} from '../../scenarios/types.js';

/**
 * The views a scenario offers, in Tab order (VIEWS_OF: surface scenarios open on the race map).
 * The images view needs image data: the digits. The boundary view needs 2-D classification data:
 * every toy set is; the fit view needs regression data on 1 or 2 inputs: every built-in regression
 * set is. A CSV's width is known only once the worker's first probe brings a picture (the reducer
 * adds the view then). After the loss and the gradient bars come the two looks inside one step
 * (the inspector, the slope); every network scenario offers the inspector: for a network too large
 * to draw it says so, and points to the views that show it.
 */
export function scenarioViews(scenario: Scenario): readonly ViewName[] {
	const views = VIEWS_OF[scenario.kind];
	if (scenario.kind === 'surface') return views;
	const images = scenario.runs.some((r) => r.dataset.kind === 'digits');
	const picture = pictureView(scenario);
	return views.filter((v) => (v === 'images' ? images : (v !== 'boundary' && v !== 'fit') || v === picture));
}

/** The view of the input plane a network scenario's built-in data set has, if any. */
function pictureView(scenario: Scenario): ViewName | null {
	if (scenario.kind !== 'network') return null;
	if (scenario.runs.some((r) => r.dataset.kind === 'toy')) return 'boundary';
	if (scenario.runs.some((r) => r.dataset.kind === 'regression')) return 'fit';
	return null;
}

/**
 * The runs whose hidden layers the inspector can draw (the worker has the final word: the data's
 * width and classes count too).
 */
export function inspectableRuns(scenario: Scenario): number[] {
	if (scenario.kind !== 'network') return [];
	return scenario.runs.flatMap((run, k) => (run.model.hidden.length + 1 <= INSPECT_MAX_LAYERS && run.model.hidden.every((h) => h <= INSPECT_MAX_UNITS) ? [k] : []));
}

/** The run the inspector shows until one is picked with [ ]: the deepest it can draw (the first of equals), else the first. */
export function inspectorRun(scenario: Scenario): number {
	if (scenario.kind !== 'network') return 0;
	const fits = inspectableRuns(scenario);
	const depth = (k: number) => scenario.runs[k]!.model.hidden.length;
	return fits.reduce((best, k) => (depth(k) > depth(best) ? k : best), fits[0] ?? 0);
}

/**
 * The view the lesson asks for at `step`: the one named by the latest caption that names one,
 * else the view the scenario opens on (`view: {show: …}`).
 */
export function wantedView(scenario: Scenario, step: number): ViewName {
	let best: {at: number; view: ViewName} | null = null;
	for (const note of scenario.notes) if (note.view && note.at <= step && (best === null || note.at >= best.at)) best = {at: note.at, view: note.view};
	return best?.view ?? scenario.view.show;
}

/** The view the dashboard opens on: what the lesson asks for at step 0, if it is offered. */
export function startingView(scenario: Scenario): ViewName {
	const views = scenarioViews(scenario);
	const wanted = wantedView(scenario, 0);
	return views.includes(wanted) ? wanted : views[0]!;
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
