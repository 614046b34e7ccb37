import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {packLayers} from '../../src/runner/packed-layers.js';
import type {HistoryPoint} from '../../src/runner/protocol.js';
import {RunHistory} from '../../src/ui/dashboard/history.js';
import {writeExport} from '../../src/ui/export-history.js';
import type {RunView} from '../../src/ui/views/model.js';
import {tinyScenario} from '../helpers/scenarios.js';
import {history, layer, runState} from './fixtures.js';

function view(label: string, points: HistoryPoint[], extra = {}): RunView {
	return {state: runState(label, points, extra), history: RunHistory.empty(100).append(points)};
}

const dir = mkdtempSync(join(tmpdir(), 'gradlab-export-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('export (e)', () => {
	it('writes what the dashboard holds, per-layer norms included, as CSV and JSONL named after the scenario and the local time', () => {
		const at = new Date(2026, 10, 26, 9, 5, 7);
		const points = history(3, (s) => 1 / s).map((p) => ({...p, layers: packLayers([layer(0.5), layer(0.25)])}));
		const files = writeExport(tinyScenario(), [view('adam', points, {diverged: true, divergedAt: 3})], dir, at);
		expect(files).toEqual({csv: join(dir, 'gradlab-tiny-20261126-090507.csv'), jsonl: join(dir, 'gradlab-tiny-20261126-090507.jsonl')});
		const csv = readFileSync(files.csv, 'utf8').split('\n');
		expect(csv[0]).toBe(
			'run,step,epoch,samples,seconds,loss,accuracy,test_loss,test_accuracy,diverged,diverged_at,' +
				'grad_norm_w_1,grad_norm_b_1,update_ratio_1,saturated_1,dead_1,grad_norm_w_2,grad_norm_b_2,update_ratio_2,saturated_2,dead_2',
		);
		expect(csv[1]).toBe('adam,1,0.1,32,0.002,1,0.5,,,false,,0.5,0.05,0.001,,,0.25,0.025,0.001,,');
		expect(csv[3]).toMatch(/^adam,3,.*,true,3,/);
		const lines = readFileSync(files.jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatchObject({run: 'adam', step: 1, seconds: 0.002, testLoss: null, diverged: false, divergedAt: null, layers: [{gradNormW: 0.5}, {gradNormW: 0.25}]});
		expect(lines[2]).toMatchObject({diverged: true, divergedAt: 3});
	});
});
