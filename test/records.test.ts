import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {runHeadless} from '../src/headless/run.js';
import {exportRecords} from '../src/records/export.js';
import {columnsFor, csvHeader, csvRow, jsonLine, type StepRecord} from '../src/records/records.js';
import {packLayers, unpackLayers} from '../src/runner/packed-layers.js';
import {Session} from '../src/runner/session.js';
import {tinyScenario} from './helpers/scenarios.js';

const record = (extra: Partial<StepRecord> = {}): StepRecord => ({
	run: 'a',
	step: 3,
	epoch: 0.5,
	samples: 96,
	loss: 0.25,
	accuracy: 0.75,
	testLoss: Number.NaN,
	testAccuracy: Number.NaN,
	diverged: false,
	divergedAt: null,
	layers: [{gradNormW: Number.POSITIVE_INFINITY, gradNormB: 0.1, updateRatio: 1e-3, saturated: null, dead: 0.5}],
	...extra,
});

describe('the one record format', () => {
	it('JSON: every non-finite number is null, however deep; keys in the README order whoever built the record', () => {
		const built = {layers: [], divergedAt: null, diverged: false, testAccuracy: 0, testLoss: 0, accuracy: 0, loss: Number.NEGATIVE_INFINITY, samples: 1, epoch: 1, step: 1, run: 'b'};
		expect(Object.keys(JSON.parse(jsonLine(built)) as object)).toEqual(['run', 'step', 'epoch', 'samples', 'loss', 'accuracy', 'testLoss', 'testAccuracy', 'diverged', 'divergedAt', 'layers']);
		expect(JSON.parse(jsonLine(record({seconds: 1.5})))).toEqual({
			run: 'a', step: 3, epoch: 0.5, samples: 96, seconds: 1.5, loss: 0.25, accuracy: 0.75, testLoss: null, testAccuracy: null, diverged: false, divergedAt: null,
			layers: [{gradNormW: null, gradNormB: 0.1, updateRatio: 1e-3, saturated: null, dead: 0.5}],
		});
	});

	it('CSV: the same fields in snake_case, non-finite numbers as empty cells, labels quoted, shallow runs padded', () => {
		const columns = {depth: 2, surface: true, seconds: false};
		expect(csvHeader(columns)).toBe(
			'run,step,epoch,samples,loss,accuracy,test_loss,test_accuracy,diverged,diverged_at,x,y,' +
				'grad_norm_w_1,grad_norm_b_1,update_ratio_1,saturated_1,dead_1,grad_norm_w_2,grad_norm_b_2,update_ratio_2,saturated_2,dead_2\n',
		);
		expect(csvRow(record({run: 'say "hi", ok', x: 1, y: Number.NaN}), columns)).toBe('"say ""hi"", ok",3,0.5,96,0.25,0.75,,,false,,1,,,0.1,0.001,,0.5,,,,,\n');
		expect(columnsFor([record(), record({layers: []})], true)).toEqual({depth: 1, surface: false, seconds: true});
	});

	it('history points carry layers packed, and unpack to what the trainer reported (null shares included)', () => {
		const layers = [
			{gradNormW: 1.5, gradNormB: 0.25, updateRatio: 1e-3, saturated: 0.5, dead: null},
			{gradNormW: Number.NaN, gradNormB: Number.POSITIVE_INFINITY, updateRatio: 0, saturated: null, dead: 0.125},
		];
		const packed = packLayers(layers);
		expect(packed).toHaveLength(10);
		expect(unpackLayers(packed)).toEqual(layers);
	});

	it('the export and headless mode write the same values for the same step (the export adds seconds)', async () => {
		const out = new PassThrough();
		const chunks: Buffer[] = [];
		out.on('data', (c: Buffer) => chunks.push(c));
		await runHeadless(tinyScenario(), {format: 'jsonl', every: 10}, out);
		const headless = Buffer.concat(chunks).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

		const session = new Session(tinyScenario());
		while (!session.finished) session.stepAll(1);
		const runs = session.states().map((s) => ({label: s.label, points: s.newPoints, divergedAt: s.divergedAt}));
		const exported = exportRecords(runs).map((r) => JSON.parse(jsonLine(r)) as Record<string, unknown>);
		for (const line of headless) {
			const same = exported.find((e) => e.run === line.run && e.step === line.step)!;
			// History points carry test figures only where they were evaluated; headless carries the last ones forward.
			const {seconds, testLoss, testAccuracy, ...rest} = same;
			expect(seconds).toBe(1);
			expect({...rest, testLoss: line.testLoss, testAccuracy: line.testAccuracy}).toEqual(line);
			if (testLoss !== null) expect([testLoss, testAccuracy]).toEqual([line.testLoss, line.testAccuracy]);
		}
	});
});
