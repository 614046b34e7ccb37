/**
 * Interactive mode: loads what the person asked for (validation errors print and exit 2 before
 * the screen changes), then runs the Ink app in the alternate screen and restores the terminal
 * however it ends. `gradlab view` is the same with a recording instead of lessons.
 */
import {constants} from 'node:os';
import path from 'node:path';
import {render, useInput} from 'ink';
import type {ReactNode} from 'react';
import {readRecording} from '../records/read.js';
import {findScenario, lessonDirs} from '../scenarios/load.js';
import {loadTour, tourChapters} from '../scenarios/tour.js';
import type {Language} from '../scenarios/types.js';
import {keyPresses} from '../ui/input/keys.js';
import {App, type TrainingOptions} from '../ui/screens/App.js';
import {ReplayApp} from '../ui/screens/replay/ReplayScreen.js';
import {type Screen, lessonScreen} from '../ui/screens/navigation.js';
import {asciiTexts} from '../ui/kit/ascii.js';
import {notATtyText} from '../ui/kit/words.js';
import {ThemeContext, createTheme} from '../ui/kit/theme.js';
import type {CliOptions} from './args.js';
import {describeFailure} from './errors.js';
import {loadLesson, usableLessons} from './lessons.js';
import {enterTerminal} from './terminal.js';

/** The signals that end the dashboard: Ctrl-C from outside raw mode, `kill`, and a hang-up (an SSH drop). */
const ENDING = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
/** An app asked to end that has not ended by then is ended for it. */
const GRACE_MS = 2000;

/**
 * Ctrl-Z: raw mode turns off the terminal's own signal keys, so the key arrives as input; this
 * raises the signal the terminal driver would have raised, and terminal.ts suspends. It stands in
 * for the driver, on every screen alike — job control, not a command of the app's keymap.
 */
function JobControl() {
	useInput((input, key) => {
		if (keyPresses(input, key).some((press) => press.ctrl && press.char === 'z')) process.kill(process.pid, 'SIGTSTP');
	});
	return null;
}

export async function startDashboard(options: CliOptions, language: Language): Promise<number> {
	const dirs = lessonDirs(options.dirs);
	// A mistyped lesson is reported as such, terminal or not; so are its data and checkpoints, read
	// as `run` reads them: a lesson that cannot train fails here, before the screen changes (the
	// worker reads them again; a restart does not).
	const lessonOptions = {seed: options.seed, steps: options.steps};
	const tour = options.command === 'tour';
	const target = tour || options.targets[0] === undefined ? undefined : loadLesson(findScenario(options.targets[0], dirs), lessonOptions).scenario;
	// `gradlab tour [TOUR] --dir DIR`: a tour of one's own and chapters of one's own; the picker's tour is the built-in one.
	const tourList = tour ? tourChapters(options.targets[0], options.dirs) : loadTour();
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		const which = process.stdin.isTTY ? 'stdout' : process.stdout.isTTY ? 'stdin' : 'both';
		process.stderr.write(notATtyText(which, language));
		return 2;
	}
	// --ascii: lesson texts too (their English is typeset with ×, ≈, ¹⁰ …).
	const shown = <T,>(value: T): T => (options.ascii ? asciiTexts(value) : value);
	const listed = usableLessons(dirs, lessonOptions);
	const scenarios = shown(listed.scenarios);
	const chapters = shown(tourList);
	let first: Screen = {kind: 'picker'};
	if (tour) first = {kind: 'tour', chapter: 0, started: false};
	else if (target !== undefined) first = lessonScreen(shown(target));

	const training: TrainingOptions = {seed: options.seed, steps: options.steps, snapshotsPerSecond: Math.min(30, options.fps)};
	return runInk(
		<App scenarios={scenarios} chapters={chapters} first={first} language={language} training={training} duration={options.duration} warnings={listed.problems} saveDir={options.dirs[0]} />,
		options,
		language,
	);
}

/** `gradlab view RUNS.jsonl`: a recording on the dashboard. A file that is not one is refused (exit 2) before the screen changes. */
export async function startReplay(options: CliOptions, language: Language): Promise<number> {
	const file = options.targets[0]!;
	const recording = readRecording(file);
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		const which = process.stdin.isTTY ? 'stdout' : process.stdout.isTTY ? 'stdin' : 'both';
		process.stderr.write(notATtyText(which, language));
		return 2;
	}
	return runInk(<ReplayApp recording={recording} name={path.basename(file)} language={language} />, options, language);
}

/** Runs an Ink app in the alternate screen with the chosen theme; restores the terminal however it ends. */
async function runInk(node: ReactNode, options: CliOptions, language: Language): Promise<number> {
	const theme = createTheme({color: options.color, ascii: options.ascii});
	// After a suspend the screen is blank: a resize makes Ink draw the whole frame on a cleared screen.
	const terminal = enterTerminal(process.stdout, process.stdin, {redraw: () => process.stdout.emit('resize')});
	const app = render(
		<ThemeContext.Provider value={theme}>
			<JobControl />
			{node}
		</ThemeContext.Provider>,
		// Recording: frames arrive one per 1/fps; a throttle of the same period could merge two of them.
		{maxFps: options.duration === undefined ? options.fps : options.fps * 2, incrementalRendering: true, exitOnCtrlC: false, patchConsole: true},
	);
	// The app unmounts and the terminal is restored; should that not happen in time (or the signal
	// come twice), the process ends anyway — it must never outlive its terminal.
	let ending = false;
	const onSignal = (signal: NodeJS.Signals): void => {
		const end = (): never => {
			terminal.restore();
			process.exit(128 + constants.signals[signal]);
		};
		if (ending) end();
		ending = true;
		setTimeout(end, GRACE_MS).unref();
		app.unmount();
	};
	for (const signal of ENDING) process.on(signal, onSignal);
	try {
		await app.waitUntilExit();
		return 0;
	} catch (error) {
		terminal.restore();
		const failure = describeFailure(error, language);
		process.stderr.write(`${failure.message}\n`);
		return failure.code === 2 ? 2 : 1;
	} finally {
		for (const signal of ENDING) process.off(signal, onSignal);
		terminal.restore();
	}
}
