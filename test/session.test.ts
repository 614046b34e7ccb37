import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {runHeadless} from '../src/headless/run.js';
import {Session} from '../src/runner/session.js';
import {divergingScenario, surfaceScenario, tinyScenario} from './helpers/scenarios.js';

async function headless(scenario: Parameters<typeof runHeadless>[0], format: 'jsonl' | 'csv' | 'table', extra: {seed?: number; steps?: number; every?: number} = {}) {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	const result = await runHeadless(scenario, {format, ...extra}, out);
	return {text: Buffer.concat(chunks).toString('utf8'), result};
}

describe('Session', () => {
	it('steps all runs in lockstep from identical data, and restarts to the same numbers', () => {
		const session = new Session(tinyScenario());
		for (let k = 0; k < 50; k++) session.stepAll();
		const [a, b] = session.runs;
		expect(a!.step).toBe(50);
		expect(b!.step).toBe(50);
		expect(a!.samples).toBe(b!.samples);
		const before = session.states().map((s) => s.loss);
		session.restart();
		for (let k = 0; k < 50; k++) session.stepAll();
		expect(session.states().map((s) => s.loss)).toEqual(before);
	});

	it('runs with the same shape and initialiser start from the same weights', () => {
		const scenario = tinyScenario();
		const same = {...scenario, runs: [scenario.runs[0]!, {...scenario.runs[0]!, label: 'copy', train: {...scenario.runs[0]!.train, optimizer: {name: 'sgd' as const, lr: 0.1}}}]};
		const session = new Session(same);
		const [a, b] = session.runs;
		expect(a!.trainer!.network.weights).toEqual(b!.trainer!.network.weights);
	});

	it('stops a diverged run while the others go on', () => {
		const session = new Session(divergingScenario());
		while (!session.finished) session.stepAll();
		const [good, bad] = session.runs;
		expect(bad!.diverged).toBe(true);
		expect(bad!.divergedAt).toBeGreaterThan(0);
		expect(bad!.step).toBe(bad!.divergedAt);
		expect(good!.diverged).toBe(false);
		expect(good!.step).toBe(good!.budget);
	});

	it('drives surface runs and reports positions', () => {
		const session = new Session(surfaceScenario());
		for (let k = 0; k < 200; k++) session.stepAll();
		const [sgd, adam] = session.states();
		expect(sgd!.position).toHaveLength(2);
		expect(adam!.newPoints.at(-1)!.x).toBe(adam!.position![0]);
		expect(session.finished).toBe(true);
	});

	it('reads its files once: a restart trains on the same data even when the CSV has gone', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gradlab-session-'));
		try {
			const csv = join(dir, 'points.csv');
			writeFileSync(csv, 'a,b,label\n' + Array.from({length: 40}, (_, k) => `${k % 7},${(k * 3) % 5},${k % 2 ? 'x' : 'y'}`).join('\n') + '\n');
			const base = tinyScenario({steps: 20});
			const scenario = {...base, runs: base.runs.map((r) => ({...r, dataset: {kind: 'csv' as const, path: csv, label: 'label', target: null, test: 0.25, testFile: null, standardize: true}}))};
			const session = new Session(scenario);
			for (let k = 0; k < 20; k++) session.stepAll();
			const losses = session.states().map((s) => s.loss);
			rmSync(csv);
			session.restart();
			for (let k = 0; k < 20; k++) session.stepAll();
			expect(session.states().map((s) => s.loss)).toEqual(losses);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('keeps memory flat: history stays bounded over a long run', () => {
		const session = new Session(tinyScenario({steps: 200_000}), {historyCapacity: 500});
		for (let k = 0; k < 200_000; k++) session.stepAll();
		for (const run of session.runs) expect(run.history.length).toBeLessThan(500);
	});
});

describe('headless output', () => {
	it('is byte-identical for the same seed and differs for another', async () => {
		const a = await headless(tinyScenario(), 'jsonl', {seed: 3});
		const b = await headless(tinyScenario(), 'jsonl', {seed: 3});
		const c = await headless(tinyScenario(), 'jsonl', {seed: 4});
		expect(a.text).toBe(b.text);
		expect(a.text).not.toBe(c.text);
		const lines = a.text.trim().split('\n').map((l) => JSON.parse(l));
		// Every 10th step of 300, per run.
		expect(lines).toHaveLength(60);
		expect(lines[0]).toMatchObject({run: 'adam', step: 10});
		expect(lines[0].layers).toHaveLength(3);
		expect(Object.keys(lines[0].layers[0]).sort()).toEqual(['dead', 'gradNormB', 'gradNormW', 'saturated', 'updateRatio']);
	});

	it('logs the diverged step with nulls, and csv has a header and a row per record', async () => {
		const {text} = await headless(divergingScenario(), 'jsonl', {every: 1000});
		const records = text.trim().split('\n').map((l) => JSON.parse(l));
		const diverged = records.find((r) => r.diverged);
		expect(diverged).toMatchObject({run: 'too large', loss: null});
		const csv = await headless(tinyScenario(), 'csv', {every: 100});
		const rows = csv.text.trim().split('\n');
		expect(rows[0]).toMatch(/^run,step,epoch,samples,loss,accuracy,test_loss,test_accuracy,diverged,diverged_at,grad_norm_w_1,/);
		expect(rows).toHaveLength(1 + 6);
		expect(rows[1]!.split(',')).toHaveLength(rows[0]!.split(',').length);
	});

	// Mutation: formatTable ignoring the scenario's kind (batch loss/acc columns, 0.0000 for 1e-12) fails this.
	it("a surface's table has f, x and y, small values in scientific notation, overflow as the word", async () => {
		const base = surfaceScenario();
		const race = {
			...base,
			surface: 'beale' as const,
			start: [1, 1.5] as const,
			runs: [
				{label: 'adam', optimizer: {name: 'adam' as const, lr: 0.05}, steps: 3000, schedule: []},
				{label: 'sgd big', optimizer: {name: 'sgd' as const, lr: 0.5}, steps: 50, schedule: []},
			],
		};
		const {text} = await headless(race, 'table');
		const [header, , adam, big] = text.trimEnd().split('\n');
		expect(header).toMatch(/^run\s+steps\s+f\s+x\s+y\s+steps\/s\s+diverged at$/);
		expect(header).not.toMatch(/batch|acc/);
		// Adam reaches Beale's minimum (3, 0.5): f is tiny but not 0.0000.
		expect(adam).toMatch(/^adam\s+3000\s+\d(\.\d+)?e-\d+\s+3\.0000\s+0\.5000\s/);
		// SGD at lr 0.5 flies off: f overflowed, x and y are huge but within float32 or overflowed too.
		expect(big).toMatch(/^sgd big\s+\d+\s+overflow\s/);
		expect(text).not.toMatch(/e\+\d{3}/);
	});

	it('prints a summary table', async () => {
		const {text} = await headless(divergingScenario(), 'table');
		expect(text).toMatch(/^run\s+steps\s+batch loss\s+batch acc\s+test acc\s+steps\/s\s+diverged at/);
		// Its last loss overflowed to Infinity: the table says so rather than printing a number or a dash.
		expect(text).toMatch(/too large\s+\d+\s+overflow\s.*step \d+/);
	});
});
