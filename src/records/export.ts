/**
 * The dashboard's export (`e`): every run's history as the dashboard holds it, written as
 * `gradlab-<scenario>-<time>.csv` and `.jsonl` in the record format headless mode uses. Neither
 * extension is a scenario's, so exports in a lesson folder never show up as broken lessons.
 */
import path from 'node:path';
import type {HistoryPoint} from '../runner/protocol.js';
import {writeFilesWhole} from '../scenarios/atomic.js';
import type {Scenario} from '../scenarios/types.js';
import {columnsFor, csvHeader, csvRow, jsonLine, recordFromPoint, type StepRecord} from './records.js';

/** One run's history as the dashboard holds it. */
export interface RunHistory {
	readonly label: string;
	readonly points: readonly HistoryPoint[];
	/** The step the run diverged at, if it did. */
	readonly divergedAt: number | null;
}

/** `gradlab-<scenario>-20261126-235959`: sortable, and safe in any file system. */
export function exportBaseName(scenario: Scenario, at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
	const id = scenario.id.replace(/[^A-Za-z0-9._-]+/g, '-');
	return `gradlab-${id}-${stamp}`;
}

/** Every point of every run, run by run, as records with the seconds column. */
export function exportRecords(runs: readonly RunHistory[]): StepRecord[] {
	return runs.flatMap((run) => run.points.map((point) => recordFromPoint(run.label, point, run.divergedAt)));
}

/** Names tried per second before giving up: `…-090507`, `…-090507-2`, … */
const MAX_COPIES = 999;

/**
 * Writes both files into `dir` under a name neither file has yet (`-2`, `-3` … for a second
 * export in the same second), each whole (scenarios/atomic.ts); returns their paths. Both or
 * neither: if one cannot be written, the other is removed and the WriteProblem names the file.
 */
export function writeExport(scenario: Scenario, runs: readonly RunHistory[], dir: string, at: Date = new Date()): {csv: string; jsonl: string} {
	const stem = path.join(dir, exportBaseName(scenario, at));
	const records = exportRecords(runs);
	const columns = columnsFor(records, true);
	const csv = csvHeader(columns) + records.map((r) => csvRow(r, columns)).join('');
	const jsonl = records.map(jsonLine).join('');
	for (let n = 1; n <= MAX_COPIES; n++) {
		const base = n === 1 ? stem : `${stem}-${n}`;
		const files = {csv: `${base}.csv`, jsonl: `${base}.jsonl`};
		if (writeFilesWhole([{path: files.csv, text: csv}, {path: files.jsonl, text: jsonl}], 'new')) return files;
	}
	throw new Error(`no free name for ${path.basename(stem)}.csv in ${dir}`);
}
