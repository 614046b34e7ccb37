/**
 * The terminal around the dashboard: an alternate screen (so the shell's scrollback is left as
 * it was) and a hidden cursor while drawing, restored exactly once however the app ends —
 * q, Ctrl-C, an error, SIGTERM/SIGHUP, or an uncaught exception.
 *
 * Job control, the way curses programs do it: on SIGTSTP (Ctrl-Z, which raw mode delivers as a
 * key the app turns into the signal, or `kill -TSTP`) the terminal is handed back as it was —
 * main screen, cursor shown, line mode — and the process group stops; on SIGCONT (`fg`) raw
 * mode and the alternate screen come back and the app redraws in full. While stopped nothing
 * runs, training included.
 */
const ENTER = '\u001B[?1049h\u001B[H\u001B[2J\u001B[?25l';
const LEAVE = '\u001B[?25h\u001B[?1049l';

export interface TerminalSession {
	/** Leaves the alternate screen, shows the cursor and turns raw mode off. Safe to call twice. */
	restore(): void;
}

export interface TerminalOptions {
	/** After a resume: draw the whole screen again (what was on it is gone). */
	readonly redraw?: () => void;
}

type Write = NodeJS.WriteStream['write'];

/** See onStop. */
const RESUME_FALLBACK_MS = 200;

export function enterTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream, options: TerminalOptions = {}): TerminalSession {
	let restored = false;
	/** Raw mode as it was when the process stopped, or null while not stopped. */
	let stopped: {raw: boolean} | null = null;
	const realWrite: Write = stdout.write;

	/** Until the resume handler runs, frames would land on the shell's screen: drop them (a full redraw follows). */
	const hold = (): void => {
		stdout.write = ((...args: unknown[]): boolean => {
			const done = args.find((a) => typeof a === 'function') as ((error?: Error | null) => void) | undefined;
			done?.(null);
			return true;
		}) as Write;
	};
	const release = (): void => {
		stdout.write = realWrite;
	};

	const leave = (): void => {
		if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
		realWrite.call(stdout, LEAVE);
	};

	const onStop = (): void => {
		if (restored || stopped) return;
		stopped = {raw: stdin.isTTY === true && stdin.isRaw};
		leave();
		hold();
		// Without a listener the signal's default action applies again: stop, like any program.
		process.off('SIGTSTP', onStop);
		// The whole process group, as the terminal's own Ctrl-Z would (`npm start` stops with us).
		process.kill(0, 'SIGTSTP');
		// Timers do not run while stopped, so this fires after `fg` (if SIGCONT's listener has not
		// come first) — or soon, where the stop never happens (an orphaned process group ignores it).
		setTimeout(onContinue, RESUME_FALLBACK_MS).unref();
	};

	const onContinue = (): void => {
		if (restored || !stopped) return;
		const {raw} = stopped;
		stopped = null;
		process.on('SIGTSTP', onStop);
		release();
		// The shell set the terminal back to line mode while we were stopped; setRawMode(true) on a
		// stream that believes it is raw already would do nothing.
		if (raw && stdin.isTTY) {
			stdin.setRawMode(false);
			stdin.setRawMode(true);
		}
		stdout.write(ENTER);
		options.redraw?.();
	};

	const restore = (): void => {
		if (restored) return;
		restored = true;
		release();
		process.off('SIGTSTP', onStop);
		process.off('SIGCONT', onContinue);
		process.off('exit', restore);
		leave();
	};

	stdout.write(ENTER);
	process.on('SIGTSTP', onStop);
	process.on('SIGCONT', onContinue);
	// The last resort: whatever ends the process, the person gets their terminal back.
	process.on('exit', restore);
	return {restore};
}
