/**
 * The house's rules, read from the source: imports only go downward —
 * core ← scenarios ← runner ← records ← headless, ui ← cli — and the core stays pure.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const SRC = new URL('../src', import.meta.url).pathname;

/** Every .ts/.tsx file under a folder. */
function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(path) ? [path] : [];
	});
}

function imports(source: string): string[] {
	return [...source.matchAll(/(?:from|import)\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

it('the training core imports nothing from Ink, React or Node, and never uses Math.random', () => {
	const offenders: string[] = [];
	for (const file of files(join(SRC, 'core'))) {
		const source = readFileSync(file, 'utf8');
		for (const spec of imports(source)) {
			if (!spec.startsWith('.')) offenders.push(`${file}: imports "${spec}"`);
		}
		if (/Math\.random/.test(source)) offenders.push(`${file}: uses Math.random`);
		if (/\bprocess\.|\brequire\(/.test(source)) offenders.push(`${file}: touches process/require`);
	}
	expect(offenders).toEqual([]);
});

type Layer = 'core' | 'scenarios' | 'runner' | 'records' | 'headless' | 'export' | 'ui' | 'cli';

const BELOW_RECORDS: readonly Layer[] = ['core', 'scenarios', 'runner', 'records'];
/** What each layer may import from: itself and the layers under it. headless, export and ui are siblings. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
	core: ['core'],
	scenarios: ['core', 'scenarios'],
	runner: ['core', 'scenarios', 'runner'],
	records: BELOW_RECORDS,
	headless: [...BELOW_RECORDS, 'headless'],
	// The PyTorch export reads a session's data and starting weights; it writes no records.
	export: ['core', 'scenarios', 'runner', 'export'],
	ui: [...BELOW_RECORDS, 'ui'],
	cli: ['core', 'scenarios', 'runner', 'records', 'headless', 'export', 'ui', 'cli'],
};
/** Modules at the top of src/ (by name, as source or as an import's .js) and the layer they sit in. */
const TOP_LEVEL: Readonly<Record<string, Layer>> = {cli: 'cli', paths: 'scenarios'};
/** Packages that draw on a terminal: the UI's and the CLI's business only. */
const DRAWING = /^(ink|react)(\/|-|$)/;

/** The layer of a path under src/, or undefined for one that belongs to none. */
function layerOf(path: string): Layer | undefined {
	const [first, ...rest] = path.split('/');
	if (rest.length === 0) return TOP_LEVEL[first!.replace(/\.(tsx?|js)$/, '')];
	return Object.hasOwn(MAY_IMPORT, first!) ? (first as Layer) : undefined;
}

/** Every import that runs the wrong way, for source files given by their path under src/. */
export function violations(sources: readonly {readonly path: string; readonly source: string}[]): string[] {
	const out: string[] = [];
	for (const {path, source} of sources) {
		const layer = layerOf(path);
		if (!layer) {
			out.push(`${path}: belongs to no layer (add its folder to MAY_IMPORT)`);
			continue;
		}
		for (const spec of imports(source)) {
			if (!spec.startsWith('.')) {
				if (layer !== 'ui' && layer !== 'cli' && DRAWING.test(spec)) out.push(`${path}: ${layer} imports "${spec}"`);
				continue;
			}
			const target = relative(SRC, resolve(SRC, dirname(path), spec));
			const to = layerOf(target);
			if (!to || !MAY_IMPORT[layer].includes(to)) out.push(`${path}: ${layer} imports ${target} (${to ?? 'outside src'})`);
		}
	}
	return out;
}

describe('imports only go downward', () => {
	it('in every file under src/', () => {
		const sources = files(SRC).map((file) => ({path: relative(SRC, file), source: readFileSync(file, 'utf8')}));
		expect(sources.length).toBeGreaterThan(50);
		expect(violations(sources)).toEqual([]);
	});

	it('and a wrong-way import is caught, for every layer', () => {
		const wrong = [
			{path: 'core/trainer.ts', source: "import {Session} from '../runner/session.js';"},
			{path: 'scenarios/load.ts', source: "import type {Snapshot} from '../runner/protocol.js';"},
			{path: 'runner/worker.ts', source: "import {jsonLine} from '../records/records.js';"},
			{path: 'records/export.ts', source: "export {runHeadless} from '../headless/run.js';"},
			{path: 'headless/run.ts', source: "import {theme} from '../ui/theme.js';"},
			{path: 'ui/App.tsx', source: "const m = await import('../headless/run.js');"},
			{path: 'ui/App.tsx', source: "import '../cli/args.js';"},
			{path: 'runner/probes.ts', source: "import {Box} from 'ink';"},
			{path: 'stray/thing.ts', source: ''},
		];
		expect(violations(wrong)).toEqual([
			'core/trainer.ts: core imports runner/session.js (runner)',
			'scenarios/load.ts: scenarios imports runner/protocol.js (runner)',
			'runner/worker.ts: runner imports records/records.js (records)',
			'records/export.ts: records imports headless/run.js (headless)',
			'headless/run.ts: headless imports ui/theme.js (ui)',
			'ui/App.tsx: ui imports headless/run.js (headless)',
			'ui/App.tsx: ui imports cli/args.js (cli)',
			'runner/probes.ts: runner imports "ink"',
			'stray/thing.ts: belongs to no layer (add its folder to MAY_IMPORT)',
		]);
		// Downward and sideways-within-a-layer imports pass.
		expect(violations([{path: 'cli/commands.ts', source: "import {runHeadless} from '../headless/run.js';\nimport {App} from '../ui/App.js';"}])).toEqual([]);
	});
});
