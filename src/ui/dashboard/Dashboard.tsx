/** The whole screen for one scenario: status, main panel(s), legend, caption, footer. */
import {Box} from 'ink';
import type {Scenario} from '../../scenarios/types.js';
import {useLanguage, useSize} from '../kit/context.js';
import {useTheme} from '../kit/theme.js';
import {TooSmall} from '../kit/TooSmall.js';
import {commandHint} from '../input/hints.js';
import type {CommandName} from '../input/keymap.js';
import {barsWidthWanted} from '../views/gradients/layout.js';
import {Caption} from './Caption.js';
import {Footer} from './Footer.js';
import {LEGEND_MAX_LINES, dashboardLayout} from './layout.js';
import {Legend} from './Legend.js';
import {legendLayout, raceLegendLayout} from './legend-layout.js';
import {type DashboardState, currentStep, viewScope} from './state.js';
import {StatusLine} from './StatusLine.js';
import {ViewPanel} from './ViewPanel.js';

export interface DashboardProps {
	/** From `dashboardReducer`: what the panels draw. */
	readonly state: DashboardState;
	readonly scenario: Scenario;
	/** Optional commands this screen offers (export, chapters). */
	readonly enabled?: readonly CommandName[];
	/** Terminal rows left undrawn: Ink's spare last row, plus any header above the dashboard. */
	readonly reservedRows?: number;
	/** The newest state for the status line and caption, when `state` is the panels' older copy (panel-rate.ts). */
	readonly live?: DashboardState;
	/** A one-line message for the caption area (an export's file names, a chapter hint). */
	readonly notice?: string | null;
	/** A recording replayed (`gradlab view`): its last step; the replay's keys, no pace. */
	readonly replay?: {readonly lastStep: number};
	/** After an edit, what differs between the runs, run by run (the legend says it first). */
	readonly differs?: readonly string[];
}

export function Dashboard({state, scenario, enabled, reservedRows = 1, live = state, notice = null, replay, differs = []}: DashboardProps) {
	const theme = useTheme();
	const language = useLanguage();
	const size = useSize();
	const {columns, rows} = size;
	const latest = state.runs.map((r) => r.state);
	// Laid out once: its line count sizes the panels, and the same layout is drawn below them (not
	// under the help, which takes the legend's rows: layout.ts).
	const legend =
		scenario.kind === 'surface'
			? raceLegendLayout(state.runs, scenario.surface, columns - 1, LEGEND_MAX_LINES, language, theme, differs)
			: legendLayout(latest, columns - 1, LEGEND_MAX_LINES, language, theme, differs);
	const layout = dashboardLayout(size, state.view, state.helpOpen, legend.lines.length, (panelRows, most) => barsWidthWanted(latest, state.showStats, language, panelRows, most), reservedRows);
	if (layout.tooSmall) return <TooSmall quit={commandHint('lesson', 'quit', language, theme.glyphs.ascii)} />;
	const height = layout.panelHeight;
	return (
		<Box flexDirection="column" width={columns} height={rows - reservedRows}>
			<StatusLine
				title={scenario.title[language] || scenario.title.en}
				runs={live.runs.map((r) => r.state)}
				paused={live.paused}
				finished={live.finished}
				stepsPerSecond={live.stepsPerSecond}
				speed={live.speed}
				width={columns}
				replayEnd={replay?.lastStep}
			/>
			<Box flexDirection="row" height={height}>
				{layout.panels.map(({content, width}) => (
					<ViewPanel key={content} content={content} width={width} height={height} state={state} scenario={scenario} enabled={enabled} scope={replay ? 'replay' : viewScope(state.view)} />
				))}
			</Box>
			{layout.legendLines > 0 ? (
				<Box paddingLeft={1} height={layout.legendLines}>
					<Legend layout={legend} width={columns - 1} focus={state.focus} />
				</Box>
			) : null}
			{layout.captionLines > 0 ? <Caption notes={scenario.notes} step={currentStep(live.runs)} width={columns} lines={layout.captionLines} error={live.error} notice={notice} /> : null}
			<Footer width={columns} paused={live.paused} enabled={enabled} scope={replay ? 'replay' : viewScope(live.view)} />
		</Box>
	);
}
