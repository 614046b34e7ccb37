/** One main panel of the dashboard: the chosen view in its frame, sized by the layout. */
import {Box} from 'ink';
import {memo} from 'react';
import type {Scenario} from '../../scenarios/types.js';
import {useLanguage} from '../kit/context.js';
import {Panel} from '../kit/Panel.js';
import {runMarker, useTheme} from '../kit/theme.js';
import {asciiWord, word} from '../kit/words.js';
import type {CommandName, Scope} from '../input/keymap.js';
import {ActivationExplorer} from '../views/activations/ActivationExplorer.js';
import {DecisionBoundary} from '../views/boundary/DecisionBoundary.js';
import {FitView} from '../views/fit/FitView.js';
import {GradientBars} from '../views/gradients/GradientBars.js';
import {barsLayoutFor, scaleLabel} from '../views/gradients/layout.js';
import {GradientHistograms} from '../views/histograms/GradientHistograms.js';
import {chartIsLog, lossTitle} from '../views/loss/layout.js';
import {lastStep, smoothingSteps} from '../views/loss/series.js';
import {LossChart} from '../views/loss/LossChart.js';
import {windowText} from '../views/race/layout.js';
import {RaceMap} from '../views/race/RaceMap.js';
import {Inspector} from '../views/inspector/Inspector.js';
import {inspectorTitle} from '../views/inspector/layout.js';
import {SlopeView} from '../views/slope/SlopeView.js';
import {asciiSlopeTitle} from '../views/slope/layout.js';
import {ImageGrid} from '../views/images/ImageGrid.js';
import {HelpOverlay} from './HelpOverlay.js';
import type {DashboardLayout} from './layout.js';
import {inspectableRuns, scenarioDepth} from './offer.js';
import {type DashboardState, inspectedRun} from './state.js';

export interface ViewPanelProps {
	/** What the panel shows. */
	readonly content: DashboardLayout['panels'][number]['content'];
	/** Columns and rows, borders included. */
	readonly width: number;
	readonly height: number;
	readonly state: DashboardState;
	readonly scenario: Scenario;
	/** Optional commands this screen offers (for the help overlay). */
	readonly enabled?: readonly CommandName[];
	/** The keys in force under the help (the view's scope, or a replay's). */
	readonly scope: Scope;
}

/** Memoised: between panel refreshes (panel-rate.ts) its props are the same objects, and the costly views are skipped. */
export const ViewPanel = memo(function ViewPanel({content, width, height, state, scenario, enabled, scope}: ViewPanelProps) {
	const theme = useTheme();
	const language = useLanguage();
	const g = theme.glyphs;
	const latest = state.runs.map((r) => r.state);
	const inner = {width: width - 2, height: height - 2};
	switch (content) {
		case 'help':
			return <HelpOverlay width={width} height={height} enabled={enabled} scope={scope} />;
		case 'loss': {
			// Only a network's loss is a noisy batch loss worth smoothing; a surface's is f itself.
			const batches = scenario.kind === 'network';
			const smoothing = batches && state.smooth ? smoothingSteps(lastStep(state.runs)) : null;
			const showTest = batches && state.showTest;
			const focused = state.focus === null ? undefined : state.runs[state.focus];
			const title = lossTitle(
				{
					log: chartIsLog(state.runs, state.logScale),
					...(batches ? {smoothing} : {}),
					test: showTest,
					focus: focused && state.focus !== null ? {marker: runMarker(theme, state.focus), label: focused.state.label} : null,
				},
				g,
				language,
			);
			return (
				<Panel title={title} width={width} height={height}>
					<LossChart runs={state.runs} xAxis={state.xAxis} logScale={state.logScale} smoothing={smoothing} showTest={showTest} focus={state.focus} {...inner} />
				</Panel>
			);
		}
		case 'gradients': {
			const bars = barsLayoutFor(latest, inner.width, inner.height, state.showStats, state.focus, language, theme);
			const title = `${g.gradNorm} ${word('gradients', language)} ${g.separator} ${word('logScale', language)} ${scaleLabel(bars.scale, g.ellipsis)}`;
			return (
				<Panel title={title} width={width} height={height}>
					<GradientBars runs={latest} {...inner} showStats={state.showStats} focus={state.focus} />
				</Panel>
			);
		}
		case 'boundary':
			return (
				<Box width={width} height={height}>
					<DecisionBoundary runs={latest} probes={state.probes} data={state.probeData?.kind === 'classes' ? state.probeData : null} focus={state.focus} showTest={state.showTest} width={width} height={height} />
				</Box>
			);
		case 'fit':
			return (
				<Box width={width} height={height}>
					<FitView runs={latest} probes={state.probes} data={state.probeData?.kind === 'fit' ? state.probeData : null} focus={state.focus} showTest={state.showTest} width={width} height={height} />
				</Box>
			);
		case 'histograms': {
			const title = `${asciiWord('magnitude', language, g.ascii)} ${asciiWord('histograms', language, g.ascii)}`;
			return (
				<Panel title={title} width={width} height={height}>
					<GradientHistograms runs={latest} probes={state.probes} focus={state.focus} {...inner} />
				</Panel>
			);
		}
		case 'activations': {
			const used = scenario.kind === 'network' ? scenario.runs.map((r) => r.model.activation) : [];
			const title = `${asciiWord('activations', language, g.ascii)} ${g.separator} ${asciiWord('fAndDerivative', language, g.ascii)}`;
			return (
				<Panel title={title} width={width} height={height}>
					<ActivationExplorer {...inner} depth={scenarioDepth(scenario)} highlight={used} />
				</Panel>
			);
		}
		case 'inspector': {
			const run = inspectedRun(state);
			const probe = state.probes?.[run]?.inspect ?? null;
			const label = latest[run]?.label;
			const drawable = inspectableRuns(scenario).flatMap((k) => (k === run ? [] : [latest[k]?.label ?? scenario.runs[k]?.label ?? String(k + 1)]));
			return (
				<Panel title={inspectorTitle(label, probe, state.paused, language, g.separator)} width={width} height={height}>
					<Inspector run={latest[run]} probe={probe} choice={state.inspector} drawable={drawable} {...inner} />
				</Panel>
			);
		}
		case 'slope':
			return (
				<Panel title={asciiSlopeTitle(state.slope, language, g.separator, g.ascii)} width={width} height={height}>
					<SlopeView runs={latest} probes={state.probes} focus={state.focus} {...inner} />
				</Panel>
			);
		case 'images': {
			// With a run singled out, its name stands where "each run's guess" would.
			const focused = state.focus === null ? undefined : state.runs[state.focus];
			const who = focused && state.focus !== null ? `${runMarker(theme, state.focus)} ${focused.state.label}` : word('eachRunGuess', language);
			const title = [word(state.images?.split === 'train' ? 'trainImages' : 'images', language), who, word('confusion', language)].join(` ${g.separator} `);
			return (
				<Panel title={title} width={width} height={height}>
					<ImageGrid labels={state.runs.map((r) => r.state.label)} probes={state.probes} samples={state.images} focus={state.focus} {...inner} />
				</Panel>
			);
		}
		case 'race': {
			if (scenario.kind !== 'surface') return null;
			const focused = state.focus === null ? undefined : state.runs[state.focus];
			const parts = [asciiWord('race', language, g.ascii), scenario.surface, windowText(scenario.surface, g.ellipsis, g.separator)];
			if (focused && state.focus !== null) parts.push(`${runMarker(theme, state.focus)} ${focused.state.label}`);
			return (
				<Panel title={parts.join(` ${g.separator} `)} width={width} height={height}>
					<RaceMap runs={state.runs} surface={scenario.surface} focus={state.focus} {...inner} />
				</Panel>
			);
		}
	}
});
