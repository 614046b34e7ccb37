// npm pack's two hooks; `npm publish` runs them too. `prepack` builds the bundle the tarball ships
// and gives the tarball a package.json without what only a checkout uses: `scripts`,
// `devDependencies` and `allowScripts`. The `prepare` script matters most: npm (from 11.16) lists
// the `prepare` of a package installed from a tarball or a git URL as an install script the user
// has not allowed, and warns, although for a tarball it never runs it. `postpack` puts the
// checkout's package.json back (and `prepack` does first, if a pack died in between).
// A git install (`npx --package git+…`, `npm install git+…`) packs npm's clone without these
// hooks: there `prepare` builds the bundle, and npm rightly names it.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';

const MANIFEST = 'package.json';
/** The checkout's package.json while a pack runs. */
const KEPT = 'dist/package.checkout.json';

function restore() {
	if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
}

switch (process.argv[2]) {
	case 'prepack': {
		restore();
		const bundled = spawnSync(process.execPath, ['scripts/bundle.mjs'], {stdio: 'inherit'});
		if (bundled.status !== 0) process.exit(bundled.status ?? 1);
		const checkout = readFileSync(MANIFEST, 'utf8');
		const {scripts: _scripts, devDependencies: _devDependencies, allowScripts: _allowScripts, ...installed} = JSON.parse(checkout);
		mkdirSync('dist', {recursive: true});
		writeFileSync(KEPT, checkout);
		writeFileSync(`${MANIFEST}.tmp`, `${JSON.stringify(installed, null, 2)}\n`);
		renameSync(`${MANIFEST}.tmp`, MANIFEST);
		break;
	}
	case 'postpack':
		restore();
		break;
	default:
		console.error('usage: node scripts/pack.mjs prepack|postpack');
		process.exit(2);
}
