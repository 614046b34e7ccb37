/** The whole screen for one scenario: status, main panel(s), legend, caption, footer. */
import {Box} from 'ink';
import type {Language, Scenario} from '../scenarios/types.js';
import {barsWidthWanted, scaleLabel} from './bars.js';
import {Caption} from './Caption.js';
import {type DashboardState, currentStep} from './dashboard-state.js';
import {Footer} from './Footer.js';
import {GradientBars, barsLayoutFor} from './GradientBars.js';
import {HelpOverlay} from './HelpOverlay.js';
import type {CommandName} from './keymap.js';
import {Legend, legendLayout} from './Legend.js';
import {LEGEND_MAX_LINES, dashboardLayout} from './layout.js';
import {LossChart, chartIsLog} from './LossChart.js';
import {Panel} from './Panel.js';
import {StatusLine} from './StatusLine.js';
import {word} from './strings.js';
import {TooSmall} from './TooSmall.js';
import {useTheme} from './theme.js';

export interface DashboardProps {
	/** From `dashboardReducer`. */
	readonly state: DashboardState;
	readonly scenario: Scenario;
	readonly language: Language;
	/** The terminal size (from `useTerminalSize`). */
	readonly size: {readonly columns: number; readonly rows: number};
	/** Optional commands this screen offers (export, chapters). */
	readonly enabled?: readonly CommandName[];
}

export function Dashboard({state, scenario, language, size, enabled}: DashboardProps) {
	const theme = useTheme();
	const {columns, rows} = size;
	const latest = state.runs.map((r) => r.state);
	const legendNeeded = legendLayout(latest, columns - 1, LEGEND_MAX_LINES, language, theme).lines.length;
	const layout = dashboardLayout(size, state.view, state.helpOpen, legendNeeded, barsWidthWanted(latest, state.showStats));
	if (layout.tooSmall) return <TooSmall columns={columns} rows={rows} language={language} />;
	const height = layout.panelHeight;
	const panel = ({content, width}: (typeof layout.panels)[number]) => {
		if (content === 'help') return <HelpOverlay key="help" width={width} height={height} language={language} enabled={enabled} />;
		if (content === 'loss') {
			const title = `${word('loss', language)} (${word(chartIsLog(state.runs, state.logScale) ? 'log' : 'linear', language)})`;
			return (
				<Panel key="loss" title={title} width={width} height={height}>
					<LossChart runs={state.runs} xAxis={state.xAxis} logScale={state.logScale} width={width - 2} height={height - 2} language={language} />
				</Panel>
			);
		}
		const bars = barsLayoutFor(latest, width - 2, height - 2, state.showStats, language, theme);
		const title = `${theme.glyphs.gradNorm} ${word('gradients', language)} ${theme.glyphs.separator} ${word('logScale', language)} ${scaleLabel(bars.scale, theme.glyphs.ellipsis)}`;
		return (
			<Panel key="gradients" title={title} width={width} height={height}>
				<GradientBars runs={latest} width={width - 2} height={height - 2} showStats={state.showStats} language={language} />
			</Panel>
		);
	};
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<StatusLine
				title={scenario.title[language] || scenario.title.en}
				runs={latest}
				paused={state.paused}
				finished={state.finished}
				stepsPerSecond={state.stepsPerSecond}
				speed={state.speed}
				width={columns}
				language={language}
			/>
			<Box flexDirection="row" height={height}>
				{layout.panels.map(panel)}
			</Box>
			<Box paddingLeft={1} height={layout.legendLines}>
				<Legend runs={latest} width={columns - 1} maxLines={layout.legendLines} language={language} />
			</Box>
			<Caption notes={scenario.notes} step={currentStep(state.runs)} language={language} width={columns} lines={layout.captionLines} error={state.error} />
			<Footer width={columns} language={language} paused={state.paused} enabled={enabled} />
		</Box>
	);
}
