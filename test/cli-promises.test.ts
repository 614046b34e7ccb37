/**
 * What the README promises about `gradlab run`, through the built CLI (the bundle a user runs):
 * exit code 1 for a runtime failure, with one line and no stack trace; and `--save-weights DIR`
 * writes `DIR/<scenario>-<run>.json` holding exactly the weights training reached, in a file that
 * loads back bit for bit. (Exit 130 for Ctrl-C is in e2e/signals.test.ts: it needs a terminal.)
 *
 * Mutations: the generic failure given exit code 2 fails the first test; checkpoints written with
 * rounded numbers (a `toPrecision(12)` replacer in headless/run.ts) or taken before training fail
 * the second; a lossy checkpoint load (Math.fround in scenarios/data.ts) fails the third.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Checkpoint} from '../src/core/types.js';
import {Session} from '../src/runner/session.js';
import {findScenario, loadScenarioFile} from '../src/scenarios/load.js';
import {CLI} from './helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function gradlab(...args: string[]) {
	const r = spawnSync(process.execPath, [CLI, ...args], {cwd: dir, encoding: 'utf8', timeout: 60_000});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

const checkpoint = (file: string): Checkpoint => JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;

describe('gradlab run, as the README says', () => {
	it('a runtime failure (a checkpoint folder that cannot be made): exit 1, one line naming it, no stack trace', () => {
		const r = gradlab('run', 'digits', '--headless', '--steps', '2', '--save-weights', '/dev/null/weights');
		expect(r.code).toBe(1);
		expect(r.err.trimEnd().split('\n').filter((line) => !/^saved /.test(line))).toEqual([expect.stringMatching(/^gradlab: .*\/dev\/null\/weights/)]);
		expect(r.err).not.toMatch(/^\s+at /m);
	});

	let saved: ReturnType<typeof gradlab>;
	beforeAll(() => {
		saved = gradlab('run', 'digits', '--headless', '--steps', '20', '--save-weights', 'weights');
	});

	it('--save-weights: one file per run, holding the weights training reached, to the last bit', () => {
		const r = saved;
		expect(r.code).toBe(0);
		expect(readdirSync(join(dir, 'weights')).sort()).toEqual(['digits-adam.json', 'digits-sgd.json']);
		expect(r.err).toBe('saved weights/digits-sgd.json\nsaved weights/digits-adam.json\n');
		// The same lesson trained here, the same way: the files hold its weights exactly.
		const session = new Session(loadScenarioFile(findScenario('digits')), {steps: 20});
		while (!session.finished) session.stepAll();
		for (const run of session.runs) {
			const saved = checkpoint(join(dir, 'weights', `digits-${run.label.toLowerCase()}.json`));
			const network = run.trainer!.network;
			expect(saved.layers).toEqual([64, 32, 10]);
			expect(saved.activation).toBe('relu');
			saved.weights.forEach(({W, b}, l) => {
				expect(W).toHaveLength(network.layers[l + 1]!); // [out][in], like nn.Linear
				const flat = W.flat();
				const weights = network.weights[l]!;
				expect(flat.length).toBe(weights.length);
				expect(flat.filter((w, k) => w !== weights[k])).toEqual([]);
				expect(b.filter((v, k) => v !== network.biases[l]![k])).toEqual([]);
			});
		}
	});

	it('a checkpoint starts a scenario from exactly its weights (model.weights), and saves back the same bytes', () => {
		expect(saved.code).toBe(0);
		// An SGD step of lr 1e-300 moves no weight of this size: what comes out is what went in.
		writeFileSync(
			join(dir, 'resume.yaml'),
			'title: Resume\ndataset: {name: digits, test: 0.2}\nmodel: {weights: weights/digits-adam.json}\ntrain: {batch: 32, steps: 1, optimizer: {name: sgd, lr: 1e-300}}\n',
		);
		const r = gradlab('run', 'resume.yaml', '--headless', '--save-weights', 'again');
		expect(r.code).toBe(0);
		expect(readdirSync(join(dir, 'again'))).toEqual(['resume-base.json']);
		expect(readFileSync(join(dir, 'again', 'resume-base.json'), 'utf8')).toBe(readFileSync(join(dir, 'weights', 'digits-adam.json'), 'utf8'));
	});
});
