import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';

/** Every .ts file under a folder. */
function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
	});
}

it('the training core imports nothing from Ink, React or Node, and never uses Math.random', () => {
	const offenders: string[] = [];
	for (const file of files(new URL('../src/core', import.meta.url).pathname)) {
		const source = readFileSync(file, 'utf8');
		for (const match of source.matchAll(/from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
			const spec = match[1] ?? match[2]!;
			if (!spec.startsWith('.')) offenders.push(`${file}: imports "${spec}"`);
		}
		if (/Math\.random/.test(source)) offenders.push(`${file}: uses Math.random`);
		if (/\bprocess\.|\brequire\(/.test(source)) offenders.push(`${file}: touches process/require`);
	}
	expect(offenders).toEqual([]);
});
