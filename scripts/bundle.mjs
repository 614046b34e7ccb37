// Bundles the CLI and the training worker into dist/bundle/ with esbuild: one file each, so a
// start-up reads two files instead of hundreds of modules (Ink's dependencies alone are ~400).
// React runs in production mode. `tsc` still type-checks and compiles everything for tests and
// the benchmarks; this is only what `gradlab` runs.
import {readFileSync} from 'node:fs';
import {build} from 'esbuild';

/** Ink loads its React DevTools bridge only when DEV=true; the package is not installed, so stand in an empty one. */
const withoutDevtools = {
	name: 'without-react-devtools',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};', loader: 'js'}));
	},
};

await build({
	entryPoints: {cli: 'src/cli.tsx', worker: 'src/runner/worker.ts'},
	outdir: 'dist/bundle',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [withoutDevtools],
	// Some bundled CommonJS packages call require(); give ESM one.
	banner: {js: "import {createRequire as __gradlabRequire} from 'node:module'; const require = __gradlabRequire(import.meta.url);"},
	logLevel: 'warning',
});

// The bundle carries Ink and ink-select-input with patches/ applied (`npm install` runs
// patch-package); without them the dashboard would draw one row too low and the picker would drop
// keys typed quickly. Refuse to build an unpatched one. (esbuild drops comments, so look for the
// patches' code.)
const bundled = readFileSync('dist/bundle/cli.js', 'utf8');
const marks = ['previousHadTrailingNewline ? 0 : 1', 'frameThrottle', 'sharedCaches', 'getRow(', 'redrawsFromClear', 'pushText(events', 'latest.current = { rotateIndex'];
const missing = marks.filter((mark) => !bundled.includes(mark));
if (missing.length > 0) {
	console.error(`bundle: a dependency is not patched (missing: ${missing.join(', ')}); run npm install, which applies patches/ with patch-package`);
	process.exit(1);
}
