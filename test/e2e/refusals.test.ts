/**
 * The dashboard refuses what `check` refuses, before the screen changes: a lesson whose CSV cannot
 * be used prints one line and exits 2 without ever entering the alternate screen, and a picker
 * over a folder with a FIFO, an alias bomb and a broken CSV lists the good lessons and names the
 * rest — without hanging.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {CLI, E2E_TEST_MS, hasTmux, Tmux} from '../helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-refusals-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});

function start(): Tmux {
	const tmux = Tmux.start({columns: 80, rows: 24});
	sessions.push(tmux);
	tmux.line(`cd ${dir}`);
	return tmux;
}

writeFileSync(join(dir, 'bad.csv'), 'a,b,label\n1,2,x\n3,oops,y\n');
writeFileSync(join(dir, 'bad-csv.yaml'), 'title: Bad CSV\ndataset: {csv: bad.csv}\n');

describe.skipIf(!hasTmux())('the dashboard refuses before the screen changes', {timeout: E2E_TEST_MS}, () => {
	it('a lesson whose CSV cannot be used: one line, exit 2, the alternate screen never entered', async () => {
		const tmux = start();
		tmux.line(`node ${CLI} bad-csv.yaml; echo "exit=$?"`);
		const screen = await tmux.waitFor(/exit=\d/);
		expect(screen).toMatch(/^bad-csv\.yaml: dataset\.csv: bad\.csv: Row 3, column "b": "oops" is not a number\.$/m);
		expect(screen).toMatch(/exit=2/);
		// Under a pseudo-terminal of its own (script), nothing gradlab wrote switched screens.
		const typescript = spawnSync('script', ['-qec', `node ${CLI} bad-csv.yaml`, '/dev/null'], {cwd: dir, encoding: 'utf8', timeout: 20_000});
		expect(typescript.status).toBe(2);
		expect(typescript.stdout).toMatch(/is not a number/);
		expect(typescript.stdout).not.toContain('\u001b[?1049h');
	});

	it('a lesson whose CSV is a FIFO: refused at once, never read (a reader would wait for ever, deaf to q and Ctrl-C)', async () => {
		execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
		writeFileSync(join(dir, 'reads-pipe.yaml'), 'dataset: {csv: pipe.csv}\n');
		const tmux = start();
		tmux.line(`node ${CLI} reads-pipe.yaml; echo "exit=$?"`);
		const screen = await tmux.waitFor(/exit=\d/);
		expect(screen).toMatch(/^reads-pipe\.yaml: dataset\.csv: pipe\.csv is a FIFO \(a named pipe\), not a CSV file$/m);
		expect(screen).toMatch(/exit=2/);
	});

	it('says which stream is not a terminal', async () => {
		const tmux = start();
		tmux.line(`node ${CLI} < /dev/null; echo "exit=$?"`);
		let screen = await tmux.waitFor(/exit=\d/);
		expect(screen).toMatch(/\(stdin is not a TTY\)/);
		expect(screen).toMatch(/exit=2/);
		tmux.line('clear');
		tmux.line(`node ${CLI} --lang ko | cat; echo "status=\${PIPESTATUS[0]}"`);
		screen = await tmux.waitFor(/status=\d/);
		expect(screen).toMatch(/\(stdout이 TTY가 아니에요\)/);
		expect(screen).toMatch(/status=2/);
	});

	it('a picker over a folder with a FIFO, an alias bomb and a broken CSV: the good lessons, the others named', async () => {
		execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
		let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
		for (const [prev, next] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) bomb += `${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
		writeFileSync(join(dir, 'bomb.yaml'), bomb);
		writeFileSync(join(dir, 'mine.yaml'), 'title: Mine\ndataset: {name: moons}\n');
		const tmux = start();
		tmux.line(`node ${CLI} --dir .`);
		const screen = await tmux.waitFor(/pick a lesson[\s\S]*skipped/);
		expect(screen).toMatch(/Mine/);
		expect(screen).toMatch(/skipped: \+\d|skipped: (bad-csv|bomb|pipe)\.yaml/);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
		await new Promise((r) => setTimeout(r, 100));
		expect(tmux.state()).toEqual({cursorVisible: true, alternateScreen: false});
		expect(tmux.children()).toEqual([]);
	});
});
