/**
 * Once before the tests: the bundle the CLI and e2e tests run is built from the sources as they
 * are. `npm test` has just built it, so this finds it fresh and builds nothing; after a source
 * edit, `npx vitest run` rebuilds it (esbuild alone, a second or two) instead of testing old code.
 */
import {execFileSync} from 'node:child_process';
import {packageRoot} from '../src/paths.js';
import {bundleStale} from './helpers/bundle.js';

export default function setup(): void {
	const root = packageRoot();
	const why = bundleStale(root);
	if (why === null) return;
	process.stderr.write(`test setup: building the bundle (${why})\n`);
	execFileSync(process.execPath, ['scripts/bundle.mjs'], {cwd: root, stdio: 'inherit'});
}
