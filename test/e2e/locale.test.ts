/**
 * The locale decides what the terminal can show: in tmux at 80×24, a locale that is not UTF-8
 * gets an ASCII, English dashboard and one line saying why; a Korean one gets Korean --help.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {CLI, Tmux, hasTmux} from '../helpers/tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});

function start(env: Record<string, string>): Tmux {
	const tmux = Tmux.start({columns: 80, rows: 24, env});
	sessions.push(tmux);
	return tmux;
}

const NOT_ASCII = /[^\x00-\x7f]/;

describe.skipIf(!hasTmux())('the locale in a terminal', () => {
	it.each([
		['C', /locale C is not UTF-8, so gradlab shows ASCII;/],
		['ko_KR.EUC-KR', /locale ko_KR\.EUC-KR is not UTF-8, so gradlab shows ASCII and English/],
	])('LANG=%s: the dashboard draws in ASCII and English, and says why once', async (lang, notice) => {
		const tmux = start({LANG: lang});
		tmux.line(`node ${CLI} vanishing-gradients --steps 100000`);
		const screen = await tmux.waitFor(/step \d/, 20_000);
		expect(screen).toMatch(/Vanishing gradients/);
		expect(screen.match(NOT_ASCII)).toBeNull();
		tmux.keys('q');
		const after = await tmux.waitFor(/^\$\s*$/m);
		// Said once, before the screen changed, and still there in the scrollback after.
		expect(after.replace(/\n/g, '').match(new RegExp(notice.source, 'g'))).toHaveLength(1);
	});

	it('a Korean UTF-8 locale gets Korean --help; LANG=C gets the English one in ASCII', async () => {
		const tmux = start({LANG: 'ko_KR.UTF-8'});
		tmux.line(`node ${CLI} --help | head -3`);
		await tmux.waitFor(/사용법/);
		tmux.line('clear');
		tmux.line(`LANG=C node ${CLI} --help --lang ko 2>&1 | head -4`);
		const screen = await tmux.waitFor(/Usage/);
		expect(screen).toMatch(/gradlab -- watch neural networks learn/);
		expect(screen).toMatch(/ASCII and English/);
	});
});
