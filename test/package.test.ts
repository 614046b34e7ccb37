/**
 * The package as a user installs it. `npm pack` runs in a copy of this checkout (so a pack's
 * brief rewrite of package.json and its rebuild of the bundle never touch the tree other tests
 * read), then `npm install -g` puts the tarball into a fresh prefix whose path has a space,
 * offline, against a registry that does not answer: a package with no dependencies needs no
 * network. Then the installed `gradlab` runs from elsewhere, and once more through `npx`.
 *
 * Mutations that fail it: moving `yaml` back to `dependencies` (the offline install fails and the
 * packed manifest has a dependency), `"files": ["dist", …]` (dist/src and dist/bench ship),
 * keeping `scripts` in the packed package.json (prepack not stripping it: npm warns that
 * gradlab's `prepare` is not covered by allowScripts), and bundling Ink's DevTools client again
 * (the bundle requires `http`, `net` and `tls`, through `ws`).
 */
import {spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {packageRoot} from '../src/paths.js';

const root = packageRoot();
const checkoutManifest = readFileSync(join(root, 'package.json'), 'utf8');
const version = (JSON.parse(checkoutManifest) as {version: string}).version;

/** What the tarball may hold: the bundle, its licences, the lessons, the data notes, and npm's usual three. */
const SHIPPED = /^(package\.json|README\.md|LICENSE|dist\/bundle\/(cli\.js|worker\.js|THIRD-PARTY-LICENSES\.txt)|scenarios\/[\w/-]+\.yaml|data\/[\w.-]+)$/;
/** Node's modules that can reach another machine, and the WebSocket package Ink's DevTools use. */
const NETWORK = /(?:from |import\(|require\()["'](?:node:)?(?:net|http|https|http2|tls|dgram|dns|ws)["']/g;
const MAX_INSTALLED_BYTES = 6_000_000;

let work = '';
let tarball = '';
let packedFiles: string[] = [];
let pack: Run;
let install: Run;

interface Run {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** The environment of a user with no npm settings of their own: a fresh cache, an empty user config, a registry nobody answers. */
function userEnv(): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
	return {...env, npm_config_cache: join(work, 'npm cache'), npm_config_userconfig: join(work, 'npmrc'), npm_config_registry: 'http://127.0.0.1:9/'};
}

function run(command: string, args: readonly string[], cwd: string): Run {
	const result = spawnSync(command, args, {cwd, env: userEnv(), encoding: 'utf8', timeout: 90_000});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Bytes on disk (allocated blocks, as `du` counts them) and the number of files under a folder. */
function diskUsage(dir: string): {bytes: number; files: number} {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
		const stats = statSync(join(entry.parentPath, entry.name), {throwIfNoEntry: false});
		if (!stats || entry.isSymbolicLink()) continue;
		bytes += stats.blocks * 512;
		if (stats.isFile()) files++;
	}
	return {bytes, files};
}

const prefix = (): string => join(work, 'global prefix');
const installed = (): string => join(prefix(), 'lib', 'node_modules', 'gradlab');
const gradlab = (): string => join(prefix(), 'bin', 'gradlab');

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'gradlab package '));
	writeFileSync(join(work, 'npmrc'), 'update-notifier=false\n');
	const checkout = join(work, 'checkout');
	cpSync(root, checkout, {recursive: true, filter: (source) => !/^(node_modules|\.git|coverage|gradlab-.*\.tgz)$/.test(relative(root, source))});
	symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'), 'dir');
	pack = run('npm', ['pack', '--json', '--pack-destination', work], checkout);
	const listing = /^\[[\s\S]*\]\s*$/m.exec(pack.stdout);
	const packed = listing ? (JSON.parse(listing[0]) as [{filename: string; files: {path: string}[]}])[0] : undefined;
	packedFiles = packed?.files.map((file) => file.path) ?? [];
	tarball = join(work, packed?.filename ?? 'missing.tgz');
	expect(readFileSync(join(checkout, 'package.json'), 'utf8'), 'postpack restores the checkout\'s package.json').toBe(checkoutManifest);
	install = run('npm', ['install', '--global', '--offline', '--prefix', prefix(), tarball], work);
}, 180_000);

afterAll(() => {
	if (work) rmSync(work, {recursive: true, force: true});
});

describe('the packed tarball', () => {
	it('packs without a warning', () => {
		expect(pack.status, pack.stderr).toBe(0);
		expect(pack.stderr).not.toMatch(/warn/i);
	});

	it('ships only the bundle, the lessons and the data, with the licences', () => {
		expect(packedFiles.filter((path) => !SHIPPED.test(path))).toEqual([]);
		for (const needed of ['LICENSE', 'README.md', 'package.json', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'dist/bundle/THIRD-PARTY-LICENSES.txt', 'data/README.md', 'scenarios/tour/tour.yaml']) {
			expect(packedFiles).toContain(needed);
		}
	});
});

describe('gradlab installed from its tarball into a fresh prefix', () => {
	it('installs offline, one package, without a warning', () => {
		expect(install.status, install.stderr).toBe(0);
		expect(`${install.stdout}${install.stderr}`).not.toMatch(/warn/i);
		expect(install.stdout).toMatch(/added 1 package\b/);
		expect(readdirSync(join(prefix(), 'lib', 'node_modules'))).toEqual(['gradlab']);
		expect(readdirSync(installed())).not.toContain('node_modules');
	});

	it('has a package.json with no dependencies and no scripts for npm to run', () => {
		const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8')) as Record<string, unknown>;
		for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'scripts', 'devDependencies', 'allowScripts']) {
			expect(manifest[field], field).toBeUndefined();
		}
		expect(manifest).toMatchObject({name: 'gradlab', version, license: 'MIT', bin: {gradlab: 'dist/bundle/cli.js'}});
	});

	it(`takes under ${MAX_INSTALLED_BYTES / 1e6} MB on disk`, () => {
		const {bytes, files} = diskUsage(prefix());
		expect(bytes, `${(bytes / 1e6).toFixed(2)} MB in ${files} files`).toBeLessThan(MAX_INSTALLED_BYTES);
	});

	it('bundles no module that could reach the network', () => {
		for (const file of ['cli.js', 'worker.js']) {
			expect(readFileSync(join(installed(), 'dist', 'bundle', file), 'utf8').match(NETWORK) ?? [], file).toEqual([]);
		}
	});

	it('runs `gradlab --version` and a headless lesson from another folder', () => {
		const elsewhere = join(work, 'a class room');
		mkdirSync(elsewhere);
		const versionRun = run(gradlab(), ['--version'], elsewhere);
		expect(versionRun, versionRun.stderr).toMatchObject({status: 0, stdout: `${version}\n`, stderr: ''});
		const headless = run(gradlab(), ['run', 'vanishing-gradients', '--headless', '--steps', '20'], elsewhere);
		expect(headless.status, headless.stderr).toBe(0);
		expect(headless.stderr).toBe('');
		expect(headless.stdout).toMatch(/^sigmoid +20 /m);
	});

	it('runs through npx from the tarball', () => {
		const npx = run('npm', ['exec', '--offline', '--yes', `--package=${tarball}`, '--', 'gradlab', 'list'], work);
		expect(npx.status, npx.stderr).toBe(0);
		expect(npx.stderr).not.toMatch(/warn/i);
		expect(npx.stdout).toMatch(/^vanishing-gradients +/m);
	});
});
