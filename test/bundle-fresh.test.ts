/**
 * The test setup's staleness check (test/global-setup.ts rebuilds a stale bundle before the CLI
 * and e2e tests run it). Mutation: comparing against the newest output instead of the oldest, or
 * leaving a source folder out of its inputs, fails this.
 */
import {mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {bundleStale} from './helpers/bundle.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-bundle-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** Writes `file` under the root with a modification time of `seconds`. */
function file(path: string, seconds: number): void {
	const full = join(root, path);
	mkdirSync(dirname(full), {recursive: true});
	writeFileSync(full, '');
	utimesSync(full, seconds, seconds);
}

describe('bundleStale', () => {
	it('missing, older than a source (however deep), or than a patch: stale; newer than all: fresh', () => {
		file('src/cli.tsx', 100);
		file('src/ui/views/loss/layout.ts', 100);
		file('patches/ink+6.8.0.patch', 100);
		expect(bundleStale(root)).toMatch(/cli\.js is missing/);
		file('dist/bundle/cli.js', 200);
		file('dist/bundle/worker.js', 200);
		expect(bundleStale(root)).toBeNull();
		file('src/ui/views/loss/layout.ts', 300);
		expect(bundleStale(root)).toMatch(/layout\.ts is newer than the bundle/);
		file('src/ui/views/loss/layout.ts', 100);
		file('patches/ink+6.8.0.patch', 300);
		expect(bundleStale(root)).toMatch(/ink\+6\.8\.0\.patch is newer/);
		file('patches/ink+6.8.0.patch', 100);
		file('dist/bundle/cli.js', 400); // a half-finished build: worker.js is still old
		file('src/runner/worker.ts', 300);
		expect(bundleStale(root)).toMatch(/worker\.ts is newer/);
	});
});
