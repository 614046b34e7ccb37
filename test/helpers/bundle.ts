/**
 * The bundle the CLI tests run (dist/bundle/cli.js and worker.js, what `gradlab` is) against the
 * sources it is built from: a bundle older than any of them is stale, and a test of it would test
 * code that is no longer there.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

/** What the bundle is built from: the sources, the dependency patches, the lockfile, the bundler script. */
const INPUTS = ['src', 'patches', 'package-lock.json', join('scripts', 'bundle.mjs')];
const OUTPUTS = [join('dist', 'bundle', 'cli.js'), join('dist', 'bundle', 'worker.js')];

/** Every file under `path` (or `path` itself), with its modification time. */
function files(path: string): {file: string; mtimeMs: number}[] {
	if (!existsSync(path)) return [];
	const stats = statSync(path);
	if (!stats.isDirectory()) return [{file: path, mtimeMs: stats.mtimeMs}];
	return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** Why the bundle under `root` must be built again (missing, or older than a source it names), or null when it is fresh. */
export function bundleStale(root: string): string | null {
	const outputs = OUTPUTS.map((file) => join(root, file));
	const missing = outputs.find((file) => !existsSync(file));
	if (missing) return `${missing} is missing`;
	const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
	const newer = INPUTS.flatMap((input) => files(join(root, input))).find((f) => f.mtimeMs > built);
	return newer ? `${newer.file} is newer than the bundle` : null;
}
