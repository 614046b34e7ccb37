/**
 * The e2e tests' own checks, tested: a line wider than the terminal is found (a plain capture
 * hides it), and a machine that must run the e2e tests fails without tmux instead of skipping.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {Tmux, hasTmux} from '../helpers/tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});

describe('hasTmux', () => {
	const noTmux = {PATH: '/nonexistent'};
	it('without tmux: false on a developer machine, an error under CI or GRADLAB_E2E=required', () => {
		expect(hasTmux(noTmux)).toBe(false);
		expect(hasTmux({...noTmux, CI: 'false'})).toBe(false);
		expect(() => hasTmux({...noTmux, CI: 'true'})).toThrow(/tmux is not installed/);
		expect(() => hasTmux({...noTmux, CI: '1'})).toThrow(/tmux is not installed/);
		expect(() => hasTmux({...noTmux, GRADLAB_E2E: 'required'})).toThrow(/tmux is not installed/);
	});
});

describe.skipIf(!hasTmux())('linesTooWide', () => {
	it('finds a line wider than the pane, by display width, which a plain capture cuts at the pane width', async () => {
		const tmux = Tmux.start({columns: 80, rows: 24});
		sessions.push(tmux);
		// 100 columns, 80 columns, and 81 columns of which one Hangul syllable takes two.
		tmux.line(`clear; printf '%0100d\\n' 0; printf '%080d\\n' 1; printf '한%079d\\n' 2; echo done`);
		const screen = await tmux.waitFor(/^done/m);
		expect(Math.max(...screen.split('\n').map((l) => l.length))).toBe(80); // why a plain capture cannot fail a width check
		expect(tmux.linesTooWide()).toEqual(['0'.repeat(100), `한${'0'.repeat(78)}2`]);
	});
});
