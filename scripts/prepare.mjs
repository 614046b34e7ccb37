// npm's `prepare`: run by `npm install` and `npm ci` in a checkout, and by npm in its clone when
// gradlab is installed from git. Applies patches/ to node_modules (patch-package), then bundles.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

// A global install from git (`npm install -g git+…`) has two npm bugs to get past:
// - npm links the global package to its temporary clone and then deletes the clone, unless
//   --install-links is given (npm/cli#9406): refuse, saying so, rather than leave a dead command;
// - the clone's own install inherits --global (npm/cli#8440) and so puts no devDependencies in
//   the clone: install them here, into the clone only, then build as in a checkout.
const globalInstall = process.env.npm_config_global === 'true';
if (globalInstall && process.env.npm_config_install_links !== 'true') {
	console.error('gradlab: npm install -g from git needs --install-links (without it npm links to a clone it then deletes, npm/cli#9406): '
		+ 'npm install -g --install-links git+…');
	process.exit(1);
}
if (!existsSync('node_modules/patch-package/index.js')) {
	const npm = process.env.npm_execpath;
	if (!globalInstall || !npm) {
		console.error('gradlab: cannot build here: the devDependencies are not installed (in a checkout, run npm install).');
		process.exit(1);
	}
	// The clone's own folder, not the user's global one: drop what makes npm install globally.
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|location|prefix|allow_scripts|install_links)$/i.test(key)));
	const args = [npm, 'install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', '--no-package-lock'];
	const {status} = spawnSync(process.execPath, args, {stdio: 'inherit', env});
	if (status !== 0 || !existsSync('node_modules/patch-package/index.js')) {
		console.error('gradlab: could not install the build tools into npm\'s clone; install a packed tarball instead (README, "Install").');
		process.exit(status || 1);
	}
}
for (const script of ['node_modules/patch-package/index.js', 'scripts/bundle.mjs']) {
	// Each says what went wrong itself; pass on its exit code, not a stack trace.
	const {status} = spawnSync(process.execPath, [script], {stdio: 'inherit'});
	if (status !== 0) process.exit(status ?? 1);
}
