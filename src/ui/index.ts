/** The dashboard's pieces: the lead wires them to the runner (`useRunner`) and the CLI. */
export {Bar, barString} from './Bar.js';
export {Caption, currentNote} from './Caption.js';
export {Dashboard, type DashboardProps} from './Dashboard.js';
export {
	type DashboardAction,
	type DashboardState,
	HISTORY_CAPACITY,
	type Routed,
	type RunView,
	type ViewName,
	changeSpeed,
	currentStep,
	dashboardReducer,
	initialDashboardState,
	routeCommand,
	speedLevels,
	workerCommand,
} from './dashboard-state.js';
export {Footer} from './Footer.js';
export {GradientBars} from './GradientBars.js';
export {HelpOverlay} from './HelpOverlay.js';
export {type TerminalSize, useTerminalSize} from './hooks/use-terminal-size.js';
export {type CommandName, KEYMAP, type KeymapEntry, isAvailable, matchCommand} from './keymap.js';
export {MIN_SIZE} from './layout.js';
export {Legend} from './Legend.js';
export {LossChart} from './LossChart.js';
export {Panel} from './Panel.js';
export {ScenarioPicker, scenarioEntries} from './ScenarioPicker.js';
export {StatusLine} from './StatusLine.js';
export {type Theme, ThemeContext, createTheme, noColorRequested, useTheme} from './theme.js';
export {TooSmall} from './TooSmall.js';
