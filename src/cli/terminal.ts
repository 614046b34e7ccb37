/**
 * The terminal around the dashboard: an alternate screen (so the shell's scrollback is left as
 * it was) and a hidden cursor while drawing, restored exactly once however the app ends —
 * q, Ctrl-C, an error, SIGTERM/SIGHUP, or an uncaught exception.
 */
const ENTER = '\u001B[?1049h\u001B[H\u001B[2J\u001B[?25l';
const LEAVE = '\u001B[?25h\u001B[?1049l';

export interface TerminalSession {
	/** Leaves the alternate screen, shows the cursor and turns raw mode off. Safe to call twice. */
	restore(): void;
}

export function enterTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalSession {
	let restored = false;
	const restore = (): void => {
		if (restored) return;
		restored = true;
		if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
		stdout.write(LEAVE);
		process.off('exit', restore);
	};
	stdout.write(ENTER);
	// The last resort: whatever ends the process, the person gets their terminal back.
	process.on('exit', restore);
	return {restore};
}
