/** Headless output for a regression scenario: R² and the test loss where classification has accuracy. */
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {runHeadless} from '../src/headless/run.js';
import {Session} from '../src/runner/session.js';
import {parseScenario} from '../src/scenarios/load.js';

const scenario = parseScenario('dataset: {name: plane, samples: 200}\nmodel: {hidden: [6]}\ntrain: {steps: 30, batch: 16, optimizer: {name: adam, lr: 0.02}}\nruns: [{label: mse}, {label: mae, train: {loss: mae}}]\n', '/nowhere/fit.yaml');

async function headless(format: 'jsonl' | 'csv' | 'table'): Promise<string> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	await runHeadless(scenario, {format, every: 10}, out);
	return Buffer.concat(chunks).toString('utf8');
}

describe('headless regression records', () => {
	it('jsonl has r2 and testR2 in place of accuracy and testAccuracy, matching the session', async () => {
		const lines = (await headless('jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines).toHaveLength(6);
		expect(Object.keys(lines[0]!)).toEqual(['run', 'step', 'epoch', 'samples', 'loss', 'r2', 'testLoss', 'testR2', 'diverged', 'divergedAt', 'layers']);
		const session = new Session(scenario);
		for (let k = 0; k < 30; k++) session.stepAll();
		const last = lines.filter((l) => l.step === 30);
		expect(last.map((l) => [l.run, l.loss, l.r2, l.testLoss, l.testR2])).toEqual(session.runs.map((r) => [r.label, r.loss, r.r2, r.testLoss, r.testR2]));
		expect(last[0]!.r2 as number).toBeGreaterThan(0);
	});

	it('csv has r2 and test_r2 columns; the table shows R² and the test loss', async () => {
		const csv = (await headless('csv')).split('\n');
		expect(csv[0]).toMatch(/^run,step,epoch,samples,loss,r2,test_loss,test_r2,diverged,diverged_at,grad_norm_w_1,/);
		expect(csv[1]!.split(',')[5]).not.toBe('');
		const table = await headless('table');
		expect(table.split('\n')[0]).toMatch(/^run +steps +batch loss +batch R² +test loss +test R² +steps\/s +diverged at$/);
		expect(table).toMatch(/^mae +30 +\d\.\d{4} +-?\d\.\d{4} +\d\.\d{4} +-?\d\.\d{4} /m);
	});
});
