/** Where the package's own files are, from source (vitest) and from the compiled `dist/src/` alike. */
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

let root: string | undefined;

/** The folder holding gradlab's package.json. */
export function packageRoot(): string {
	if (root) return root;
	let dir = dirname(fileURLToPath(import.meta.url));
	while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {name?: string}).name !== 'gradlab') {
		const parent = dirname(dir);
		if (parent === dir) throw new Error('cannot find gradlab\'s package.json');
		dir = parent;
	}
	root = dir;
	return dir;
}

export function packageVersion(): string {
	return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {version: string}).version;
}
