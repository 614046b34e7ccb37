// npm's `prepare`: run by `npm install` and `npm ci` in a checkout, and by npm in its clone when
// gradlab is installed from git. Applies patches/ to node_modules (patch-package), then bundles.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

// `npm install -g git+…` installs no devDependencies into its clone before running this
// (npm/cli#8440: the clone's install inherits --global), so there is nothing to build with. Say
// so, and what works instead, rather than "patch-package: not found".
if (!existsSync('node_modules/patch-package/index.js')) {
	console.error('gradlab: cannot build here: the devDependencies are not installed. In a checkout, run npm install. '
		+ 'npm install -g git+… installs none (npm/cli#8440); use npx --package git+… gradlab, or install a packed tarball (README, "Install").');
	process.exit(1);
}
for (const script of ['node_modules/patch-package/index.js', 'scripts/bundle.mjs']) {
	// Each says what went wrong itself; pass on its exit code, not a stack trace.
	const {status} = spawnSync(process.execPath, [script], {stdio: 'inherit'});
	if (status !== 0) process.exit(status ?? 1);
}
