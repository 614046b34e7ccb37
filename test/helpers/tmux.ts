/**
 * Drives the real CLI in a real pseudo-terminal through tmux: type keys, read the screen, and ask
 * tmux about the terminal's state (cursor visibility, alternate screen) after the program exits.
 */
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {packageRoot} from '../../src/paths.js';
import {displayWidth} from '../../src/ui/kit/format.js';

/** The bundled CLI, as `gradlab` runs it (`npm run build`); found from source and from dist/ alike. */
export const CLI = join(packageRoot(), 'dist', 'bundle', 'cli.js');

/**
 * How long a wait for the screen may take. These tests check what the terminal shows, not how
 * fast: on a loaded machine the dashboard's main thread is starved (measured at load 20 on 2 cores,
 * training at full speed beside it: 1 s of CPU in 10 s, the screen frozen 3–5 s at a time), so
 * a frame after a key can take many seconds. The keys are never lost; the waits allow for that.
 */
export const WAIT_MS = 30_000;
/** A terminal test's budget: several waits in a row, each up to WAIT_MS. */
export const E2E_TEST_MS = 180_000;

let counter = 0;

/**
 * Whether the end-to-end tests can run. Without tmux they skip, except where they must run: under
 * CI (what CI runners set) or GRADLAB_E2E=required (what .ci/run sets), a missing tmux throws, and
 * every e2e file fails to load instead of passing without having run.
 */
export function hasTmux(env: NodeJS.ProcessEnv = process.env): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore', env});
		return true;
	} catch {
		if (e2eRequired(env)) throw new Error('tmux is not installed, and the end-to-end tests are required here (CI or GRADLAB_E2E=required): install tmux (apt-get install tmux) rather than skip them');
		return false;
	}
}

/** CI=true/1 (most CI runners) or GRADLAB_E2E=required (.ci/run). */
export function e2eRequired(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.GRADLAB_E2E === 'required' || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0');
}

/**
 * The lines of a screen wider than `columns` terminal columns. Use it on `joinedScreen()`: a plain
 * capture is cut at the pane's width, where no line can be too wide.
 */
export function linesWiderThan(screen: string, columns: number): string[] {
	return screen.split('\n').filter((line) => displayWidth(line) > columns);
}

export interface TmuxOptions {
	readonly columns: number;
	readonly rows: number;
	/** Extra environment for the shell (CI is always removed: Ink draws nothing live under CI). */
	readonly env?: Readonly<Record<string, string>>;
}

export class Tmux {
	readonly name: string;

	private constructor(name: string) {
		this.name = name;
	}

	/** A fresh tmux server and window running a plain shell. */
	static start(options: TmuxOptions): Tmux {
		const name = `gradlab-e2e-${process.pid}-${++counter}`;
		const env = {TERM: 'xterm-256color', LANG: 'C.UTF-8', PS1: '$ ', ...options.env};
		const exports = Object.entries(env).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
		execFileSync('tmux', ['-L', name, '-f', '/dev/null', 'new-session', '-d', '-s', name, '-x', String(options.columns), '-y', String(options.rows), `env -u CI -u CONTINUOUS_INTEGRATION ${exports} bash --norc --noprofile`]);
		execFileSync('tmux', ['-L', name, 'set-option', '-g', 'status', 'off']);
		return new Tmux(name);
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.name, ...args], {encoding: 'utf8'});
	}

	/** Types text followed by Enter. */
	line(text: string): void {
		this.tmux('send-keys', '-t', this.name, '-l', text);
		this.tmux('send-keys', '-t', this.name, 'Enter');
	}

	/** Sends tmux key names (Down, Enter, Space, Tab, C-c, q…). */
	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', this.name, ...keys);
	}

	/** The visible screen as plain text (trailing spaces trimmed per line). */
	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', this.name);
	}

	/**
	 * The visible screen with wrapped lines joined (`capture-pane -J`): a line the program wrote
	 * wider than the pane comes back whole, so `linesWiderThan` can see it. Trailing spaces stay.
	 */
	joinedScreen(): string {
		return this.tmux('capture-pane', '-p', '-J', '-t', this.name);
	}

	/** The lines of the screen wider than the pane (see joinedScreen); none when everything fits. */
	linesTooWide(): string[] {
		const columns = Number(this.tmux('display-message', '-p', '-t', this.name, '#{pane_width}').trim());
		return linesWiderThan(this.joinedScreen(), columns);
	}

	/** The visible screen with colour escapes. */
	screenWithColour(): string {
		return this.tmux('capture-pane', '-p', '-e', '-t', this.name);
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
	}

	/** Cursor visible and alternate screen flags as tmux sees them. */
	state(): {cursorVisible: boolean; alternateScreen: boolean} {
		const [cursor, alternate] = this.tmux('display-message', '-p', '-t', this.name, '#{cursor_flag} #{alternate_on}').trim().split(' ');
		return {cursorVisible: cursor === '1', alternateScreen: alternate === '1'};
	}

	/** Polls until tmux sees the terminal in `want` (cursor flag, alternate screen); returns what it saw last. */
	async waitForState(want: {cursorVisible: boolean; alternateScreen: boolean}, timeoutMs = 10_000): Promise<{cursorVisible: boolean; alternateScreen: boolean}> {
		const end = Date.now() + timeoutMs;
		let now = this.state();
		while (Date.now() < end && (now.cursorVisible !== want.cursorVisible || now.alternateScreen !== want.alternateScreen)) {
			await new Promise((r) => setTimeout(r, 50));
			now = this.state();
		}
		return now;
	}

	/** Polls the screen until `pattern` shows up; returns that screen. */
	waitFor(pattern: RegExp, timeoutMs = WAIT_MS): Promise<string> {
		return this.waitUntil((screen) => pattern.test(screen), String(pattern), timeoutMs);
	}

	/** Process ids of the shell's children (the CLI while it runs; none once it has exited cleanly). */
	children(): number[] {
		const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
		try {
			return execFileSync('pgrep', ['-P', shell], {encoding: 'utf8'}).trim().split('\n').filter(Boolean).map(Number);
		} catch {
			return []; // pgrep exits 1 when nothing matches
		}
	}

	/** Polls until `check` holds for the screen; returns that screen. */
	async waitUntil(check: (screen: string) => boolean, what: string, timeoutMs = WAIT_MS): Promise<string> {
		const end = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < end) {
			screen = this.screen();
			if (check(screen)) return screen;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
	}

	kill(): void {
		try {
			this.tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}
