/**
 * The exported PyTorch scripts reproduce gradlab: for every built-in lesson (the tour's chapters
 * included) and the scenarios in test/fixtures/export (regression, CSVs, checkpoints, the other
 * surfaces), a script trained by real torch prints, step by step, the numbers `gradlab run
 * --headless --format jsonl --every 1` prints: losses within 1e-9 relative.
 *
 * Runs wherever a python with torch is found (see helpers/torch.ts). Without one it is skipped
 * with the reason in its title, unless GRADLAB_REQUIRE_TORCH=1 (set by .ci/run once it has
 * installed python3-torch): then a missing torch fails.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {torchExport} from '../src/export/torch.js';
import {writeFilesWhole} from '../src/scenarios/atomic.js';
import {runHeadless} from '../src/headless/run.js';
import {builtinDir, loadScenarioFile} from '../src/scenarios/load.js';
import {compareRecords, findTorchPython, worst, type Comparison} from './helpers/torch.js';

/** Steps per run: enough for every lesson to get going (and the too-large learning rates to blow up). */
const STEPS = 40;
/** The tolerance of the brief; and the one for records of a run whose loss is exploding (see EXPLOSION). */
const TOLERANCE = 1e-9;
const EXPLODING_TOLERANCE = 1e-5;

const yamlIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'tour.yaml').sort().map((f) => join(dir, f));
const FILES = [...yamlIn(builtinDir()), ...yamlIn(join(builtinDir(), 'tour')), ...yamlIn(join(import.meta.dirname, 'fixtures', 'export'))];

const torch = findTorchPython();
const python = 'python' in torch ? torch.python : '';
const required = process.env.GRADLAB_REQUIRE_TORCH === '1';

if ('reason' in torch && !required) {
	const why = `skipped: ${torch.reason}; install python3-torch (or set GRADLAB_PYTHON) to run it`;
	console.warn(`PyTorch export parity ${why}`);
	describe('PyTorch export parity', () => {
		it.skip(why, () => {});
	});
} else {
	describe('PyTorch export parity', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gradlab-torch-'));
		afterAll(() => rmSync(dir, {recursive: true, force: true}));
		const results = new Map<string, Comparison>();

		beforeAll(async () => {
			if ('reason' in torch) throw new Error(`GRADLAB_REQUIRE_TORCH=1 but ${torch.reason}`);
			const jobs: [string, string][] = [];
			const expected = new Map<string, string>();
			for (const file of FILES) {
				const scenario = loadScenarioFile(file);
				const id = `${file.includes('fixtures') ? 'fixture-' : ''}${scenario.id}`;
				const script = join(dir, `${id}.py`);
				writeFilesWhole(torchExport(scenario, {out: script, target: id, steps: STEPS, version: 'test'}));
				jobs.push([script, join(dir, `${id}.out`)]);
				const out = new PassThrough();
				const chunks: Buffer[] = [];
				out.on('data', (c: Buffer) => chunks.push(c));
				await runHeadless(scenario, {format: 'jsonl', every: 1, steps: STEPS}, out);
				expected.set(id, Buffer.concat(chunks).toString('utf8'));
			}
			// One python process runs every script as `python3 script.py` would (torch imports once).
			const driver = join(dir, 'run_all.py');
			writeFileSync(
				driver,
				'import contextlib, json, runpy, sys\nfor script, out in json.loads(sys.argv[1]):\n    sys.argv = [script]\n    with open(out, "w") as f, contextlib.redirect_stdout(f):\n        runpy.run_path(script, run_name="__main__")\n',
			);
			const run = spawnSync(python, [driver, JSON.stringify(jobs)], {encoding: 'utf8', timeout: 600_000});
			if (run.status !== 0) throw new Error(`the scripts failed: ${run.stderr || run.error?.message}`);
			for (const [id, text] of expected) results.set(id, compareRecords(text, readFileSync(join(dir, `${id}.out`), 'utf8')));
		}, 900_000);

		afterAll(() => {
			// The measured parity, for the README and the curious: `npx vitest run test/torch-parity.test.ts`.
			const rows = [...results].map(([id, c]) => `${id.padEnd(34)} ${c.records.toString().padStart(5)} records  max rel ${worst(c.maxRelative).toExponential(1)}${worst(c.maxRelativeExploding) > 0 ? `  (exploding: ${worst(c.maxRelativeExploding).toExponential(1)})` : ''}`);
			if (rows.length > 0 && 'version' in torch) console.log(`torch ${torch.version} (${python}), ${STEPS} steps per run\n${rows.join('\n')}`);
		});

		for (const file of FILES) {
			const id = `${file.includes('fixtures') ? 'fixture-' : ''}${file.replace(/^.*[\\/]/, '').replace(/\.yaml$/, '')}`;
			it(`${id}: every step of every run matches`, () => {
				const c = results.get(id);
				expect(c, 'no comparison: the export or the script failed').toBeDefined();
				expect(c!.problems).toEqual([]);
				expect(c!.records).toBeGreaterThan(0);
				for (const [field, error] of Object.entries(c!.maxRelative)) expect(error, `${field}, relative`).toBeLessThanOrEqual(TOLERANCE);
				for (const [field, error] of Object.entries(c!.maxRelativeExploding)) expect(error, `${field} while exploding, relative`).toBeLessThanOrEqual(EXPLODING_TOLERANCE);
			});
		}

		it('a script runs on its own with --steps, and says when its data holds too few epochs', () => {
			const script = join(dir, 'digits.py');
			const short = spawnSync(python, [script, '--steps', '3'], {encoding: 'utf8', timeout: 120_000});
			expect(short.stderr).toBe('');
			expect(short.stdout.trim().split('\n').map((l) => (JSON.parse(l) as {run: string; step: number}).step)).toEqual([1, 2, 3, 1, 2, 3]);
			const long = spawnSync(python, [script, '--steps', '100000'], {encoding: 'utf8', timeout: 120_000});
			expect(long.status).not.toBe(0);
			expect(long.stderr).toMatch(/SGD: digits\.json holds the row order for \d+ epochs, too few for 100000 steps; export again with --steps 100000/);
			// Two pythons that import torch: as long as their own timeouts allow, not vitest's 30 s.
		}, 240_000);
	});
}
