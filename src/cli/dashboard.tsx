/**
 * Interactive mode: loads what the person asked for (validation errors print and exit 2 before
 * the screen changes), then runs the Ink app in the alternate screen and restores the terminal
 * however it ends.
 */
import {render} from 'ink';
import {findScenario, lessonDirs, listScenariosReporting, loadScenarioFile} from '../scenarios/load.js';
import {loadTour, tourChapters} from '../scenarios/tour.js';
import type {Language} from '../scenarios/types.js';
import {App, type TrainingOptions} from '../ui/screens/App.js';
import {type Screen, lessonScreen} from '../ui/screens/navigation.js';
import {asciiTexts} from '../ui/kit/ascii.js';
import {message} from '../ui/kit/words.js';
import {ThemeContext, createTheme} from '../ui/kit/theme.js';
import type {CliOptions} from './args.js';
import {describeFailure} from './errors.js';
import {enterTerminal} from './terminal.js';


export async function startDashboard(options: CliOptions, language: Language): Promise<number> {
	const dirs = lessonDirs(options.dirs);
	// A mistyped lesson is reported as such, terminal or not.
	const tour = options.command === 'tour';
	const target = tour || options.targets[0] === undefined ? undefined : loadScenarioFile(findScenario(options.targets[0], dirs));
	// `gradlab tour [TOUR] --dir DIR`: a tour of one's own and chapters of one's own; the picker's tour is the built-in one.
	const tourList = tour ? tourChapters(options.targets[0], options.dirs) : loadTour();
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		process.stderr.write(message('notATty', language));
		return 2;
	}
	// --ascii: lesson texts too (their English is typeset with ×, ≈, ¹⁰ …).
	const shown = <T,>(value: T): T => (options.ascii ? asciiTexts(value) : value);
	const listed = listScenariosReporting(dirs);
	const scenarios = shown(listed.scenarios);
	const chapters = shown(tourList);
	let first: Screen = {kind: 'picker'};
	if (tour) first = {kind: 'tour', chapter: 0, started: false};
	else if (target !== undefined) first = lessonScreen(shown(target));

	const training: TrainingOptions = {seed: options.seed, steps: options.steps, snapshotsPerSecond: Math.min(30, options.fps)};
	const theme = createTheme({color: options.color, ascii: options.ascii});
	const terminal = enterTerminal(process.stdout, process.stdin);
	const app = render(
		<ThemeContext.Provider value={theme}>
			<App scenarios={scenarios} chapters={chapters} first={first} language={language} training={training} duration={options.duration} warnings={listed.problems} saveDir={options.dirs[0]} />
		</ThemeContext.Provider>,
		// Recording: frames arrive one per 1/fps; a throttle of the same period could merge two of them.
		{maxFps: options.duration === undefined ? options.fps : options.fps * 2, incrementalRendering: true, exitOnCtrlC: false, patchConsole: true},
	);
	const onSignal = (): void => app.unmount();
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, onSignal);
	try {
		await app.waitUntilExit();
		return 0;
	} catch (error) {
		terminal.restore();
		const failure = describeFailure(error);
		process.stderr.write(`${failure.message}\n`);
		return failure.code === 2 ? 2 : 1;
	} finally {
		for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.off(signal, onSignal);
		terminal.restore();
	}
}
