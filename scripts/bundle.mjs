// Bundles the CLI and the training worker into dist/bundle/ with esbuild: one file each, so a
// start-up reads two files instead of hundreds of modules (Ink's dependencies alone are ~400), and
// the installed package needs no dependencies at all. React runs in production mode. `tsc` still
// type-checks and compiles everything for tests and the benchmarks; this is only what `gradlab`
// runs and what the package ships.
import {chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {build} from 'esbuild';

const OUT = 'dist/bundle';

/**
 * Ink's development mode (DEV=true in the environment) connects to React DevTools over a
 * WebSocket (the `ws` package: http, net, tls) and reads Ink's package.json, which a bundle does
 * not have beside it. gradlab never runs in it: Ink's `isDev` is always false, and its DevTools
 * client is an empty module, so the bundle holds no code that opens a socket.
 */
const withoutInkDevMode = {
	name: 'without-ink-dev-mode',
	setup(b) {
		b.onLoad({filter: /[/\\]ink[/\\]build[/\\]utils\.js$/}, () => ({contents: 'export const isDev = () => false;', loader: 'js'}));
		b.onLoad({filter: /[/\\]ink[/\\]build[/\\]devtools\.js$/}, () => ({contents: 'export {};', loader: 'js'}));
	},
};

const result = await build({
	entryPoints: {cli: 'src/cli.tsx', worker: 'src/runner/worker.ts'},
	outdir: OUT,
	bundle: true,
	write: false,
	metafile: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [withoutInkDevMode],
	// Some bundled CommonJS packages call require(); give ESM one.
	banner: {js: "import {createRequire as __gradlabRequire} from 'node:module'; const require = __gradlabRequire(import.meta.url);"},
	logLevel: 'warning',
});

// The bundle carries Ink with patches/ applied (`npm install` runs patch-package); without them
// the dashboard would draw one row too low and redraw far more than it changes. Refuse to build
// an unpatched one. (esbuild drops comments, so look for the patches' code.)
const cli = result.outputFiles.find((file) => basename(file.path) === 'cli.js');
const marks = ['previousHadTrailingNewline ? 0 : 1', 'frameThrottle', 'sharedCaches', 'getRow(', 'redrawsFromClear'];
const missing = marks.filter((mark) => !cli.text.includes(mark));
if (missing.length > 0) {
	console.error(`bundle: a dependency is not patched (missing: ${missing.join(', ')}); run npm install, which applies patches/ with patch-package`);
	process.exit(1);
}

/** The licence of every package the bundle holds code from: MIT and ISC ask for their notice to travel with the code. */
function thirdPartyNotices(metafile) {
	const packages = new Map();
	for (const input of Object.keys(metafile.inputs)) {
		const match = /^(.*node_modules[/\\](?:@[^/\\]+[/\\])?[^/\\]+)[/\\]/.exec(input);
		if (!match || packages.has(match[1])) continue;
		const manifest = JSON.parse(readFileSync(join(match[1], 'package.json'), 'utf8'));
		const licence = readdirSync(match[1]).find((name) => /^licen[cs]e/i.test(name));
		const text = licence ? readFileSync(join(match[1], licence), 'utf8').trim() : `(the package ships no licence text; its package.json says ${manifest.license})`;
		packages.set(match[1], `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}\n`);
	}
	const sorted = [...packages.values()].sort();
	return `gradlab's bundle (cli.js, worker.js) includes code from these ${sorted.length} packages.\n\n${sorted.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

// Each file is written beside its place and renamed over it, so a gradlab (or a test) starting
// during a rebuild reads the old bundle or the new one, never half of one.
const files = [...result.outputFiles.map((file) => [file.path, file.contents]), [join(process.cwd(), OUT, 'THIRD-PARTY-LICENSES.txt'), thirdPartyNotices(result.metafile)]];
for (const [path, contents] of files) {
	mkdirSync(dirname(path), {recursive: true});
	writeFileSync(`${path}.tmp`, contents);
	chmodSync(`${path}.tmp`, basename(path) === 'cli.js' ? 0o755 : 0o644);
	renameSync(`${path}.tmp`, path);
}
