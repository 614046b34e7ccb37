import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {BoundedSeries} from '../../src/runner/history.js';
import type {HistoryPoint} from '../../src/runner/protocol.js';
import type {RunView} from '../../src/ui/dashboard-state.js';
import {exportBaseName, historyCsv, writeExport} from '../../src/ui/export-history.js';
import {tinyScenario} from '../helpers/scenarios.js';
import {history, runState} from './fixtures.js';

function view(label: string, points: HistoryPoint[], extra = {}): RunView {
	const series = new BoundedSeries<HistoryPoint>(100);
	for (const p of points) series.push(p);
	return {state: runState(label, points, extra), history: series};
}

const dir = mkdtempSync(join(tmpdir(), 'gradlab-export-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('export', () => {
	it('writes one CSV row per point per run, empty cells for NaN, quoted labels', () => {
		const csv = historyCsv([view('a, b', history(2, (s) => 1 / s)), view('c', history(1, () => Number.NaN))], false);
		expect(csv.split('\n')).toEqual([
			'run,step,epoch,samples,seconds,loss,accuracy,test_loss,test_accuracy',
			'"a, b",1,0.1,32,0.002,1,0.5,,',
			'"a, b",2,0.2,64,0.004,0.5,0.5,,',
			'c,1,0.1,32,0.002,,0.5,,',
			'',
		]);
	});

	it('names the files after the scenario and the local time, and writes both', () => {
		const at = new Date(2026, 10, 26, 9, 5, 7);
		const scenario = tinyScenario();
		expect(exportBaseName(scenario, at)).toBe('gradlab-tiny-20261126-090507');
		const files = writeExport(scenario, [view('adam', history(3, (s) => 1 / s), {diverged: true, divergedAt: 3})], dir, at);
		expect(files.csv).toBe(join(dir, 'gradlab-tiny-20261126-090507.csv'));
		expect(readFileSync(files.csv, 'utf8').split('\n')).toHaveLength(5);
		const json = JSON.parse(readFileSync(files.json, 'utf8')) as {scenario: string; runs: {label: string; divergedAt: number; points: {testLoss: null}[]}[]};
		expect(json.scenario).toBe('tiny');
		expect(json.runs[0]!.divergedAt).toBe(3);
		expect(json.runs[0]!.points).toHaveLength(3);
		expect(json.runs[0]!.points[0]!.testLoss).toBeNull();
	});
});
