// `node scripts/git-install-check.mjs`: installs gradlab globally from this repository's HEAD as a
// user would from its git URL (`npm install -g --install-links git+…`, into a fresh prefix), then
// runs `gradlab --version` and a headless lesson from it and prints the size; and checks that the
// same install without --install-links stops with gradlab's one-line reason (npm/cli#9406) instead
// of leaving a dead command. Needs the npm registry (or a warm cache) for the build tools npm puts
// in its clone, and about a minute; not part of npm test for that reason.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const root = mkdtempSync(join(tmpdir(), 'gradlab-git-install-'));
let failed = false;
const check = (ok, what) => {
	console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
	if (!ok) failed = true;
};
const run = (command, args, options = {}) => spawnSync(command, args, {encoding: 'utf8', ...options});
try {
	const url = `git+file://${process.cwd()}`;
	const plain = join(root, 'plain');
	const refused = run('npm', ['install', '-g', '--prefix', plain, url]);
	check(refused.status !== 0 && /needs --install-links/.test(refused.stderr), `without --install-links: refused with gradlab's reason (exit ${refused.status})`);
	check(!existsSync(join(plain, 'bin', 'gradlab')), 'without --install-links: no gradlab command left behind');

	const prefix = join(root, 'prefix');
	const started = Date.now();
	const installed = run('npm', ['install', '-g', '--install-links', '--prefix', prefix, url]);
	check(installed.status === 0, `npm install -g --install-links ${url} (exit ${installed.status}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
	if (installed.status !== 0) console.log(installed.stderr);
	const gradlab = join(prefix, 'bin', 'gradlab');
	const version = run(gradlab, ['--version'], {cwd: root});
	check(version.status === 0 && /^\d+\.\d+\.\d+/.test(version.stdout), `gradlab --version: ${version.stdout.trim()}`);
	const headless = run(gradlab, ['run', 'vanishing-gradients', '--headless', '--steps', '20'], {cwd: root});
	check(headless.status === 0 && /^sigmoid +20 /m.test(headless.stdout), 'gradlab run vanishing-gradients --headless --steps 20');
	const du = run('du', ['-sk', join(prefix, 'lib', 'node_modules', 'gradlab')]);
	const kib = Number(du.stdout.split('\t')[0]);
	check(kib < 6 * 1024, `installed size ${(kib / 1024).toFixed(1)} MiB (< 6 MiB)`);
	const warnings = installed.stderr.split('\n').filter((line) => /warn/i.test(line));
	console.log(`npm's own warnings: ${warnings.length === 0 ? 'none' : `\n  ${warnings.join('\n  ')}`}`);
} finally {
	rmSync(root, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
