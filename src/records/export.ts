/**
 * The dashboard's export (`e`): every run's history as the dashboard holds it, written as
 * `gradlab-<scenario>-<time>.csv` and `.jsonl` in the record format headless mode uses.
 */
import {renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {HistoryPoint} from '../runner/protocol.js';
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

/** Writes `file` whole or not at all: a temporary file beside it, then a rename. */
export function writeFileAtomic(file: string, text: string): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, text);
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}

/** Writes both files into `dir`; returns their paths. Throws what the file system throws. */
export function writeExport(scenario: Scenario, runs: readonly RunHistory[], dir: string, at: Date = new Date()): {csv: string; jsonl: string} {
	const base = path.join(dir, exportBaseName(scenario, at));
	const files = {csv: `${base}.csv`, jsonl: `${base}.jsonl`};
	const records = exportRecords(runs);
	const columns = columnsFor(records, true);
	writeFileAtomic(files.csv, csvHeader(columns) + records.map((r) => csvRow(r, columns)).join(''));
	writeFileAtomic(files.jsonl, records.map(jsonLine).join(''));
	return files;
}
