/** The `e` key: the runs' histories as the dashboard holds them, written by the records module. */
import {writeExport as writeRecords} from '../records/export.js';
import type {Scenario} from '../scenarios/types.js';
import type {RunView} from './views/model.js';

/** Writes the CSV and JSONL export into `dir`; returns their paths. Throws what the file system throws. */
export function writeExport(scenario: Scenario, runs: readonly RunView[], dir: string, at?: Date): {csv: string; jsonl: string} {
	return writeRecords(scenario, runs.map((run) => ({label: run.state.label, points: run.history.points, divergedAt: run.state.divergedAt})), dir, at);
}
