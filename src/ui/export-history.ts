/**
 * The `e` key: the runs' loss histories as the dashboard holds them, written to
 * `gradlab-<scenario>-<time>.csv` and `.json` in the working directory, for a teacher to plot or
 * share. The content is built by pure functions; only `writeExport` touches the disk.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type {HistoryPoint} from '../runner/protocol.js';
import type {Scenario} from '../scenarios/types.js';
import type {RunView} from './dashboard-state.js';

const COLUMNS = ['run', 'step', 'epoch', 'samples', 'seconds', 'loss', 'accuracy', 'test_loss', 'test_accuracy'] as const;

const cell = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '' : String(value));
const quoted = (text: string): string => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One row per history point per run; surface runs add x and y. Non-finite numbers are empty cells. */
export function historyCsv(runs: readonly RunView[], surface: boolean): string {
	const header = [...COLUMNS, ...(surface ? ['x', 'y'] : [])].join(',');
	const rows = runs.flatMap((run) =>
		run.history.points.map((p) => {
			const cells = [quoted(run.state.label), cell(p.step), cell(p.epoch), cell(p.samples), cell(p.seconds), cell(p.loss), cell(p.accuracy), cell(p.testLoss), cell(p.testAccuracy)];
			if (surface) cells.push(cell(p.x), cell(p.y));
			return cells.join(',');
		}),
	);
	return [header, ...rows].join('\n') + '\n';
}

/** The same, as one JSON document with the scenario's name and each run's end state. */
export function historyJson(scenario: Scenario, runs: readonly RunView[], exportedAt: Date): string {
	const finite = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value);
	const document = {
		scenario: scenario.id,
		title: scenario.title.en,
		exportedAt: exportedAt.toISOString(),
		runs: runs.map((run) => ({
			label: run.state.label,
			step: run.state.step,
			diverged: run.state.diverged,
			divergedAt: run.state.divergedAt,
			points: run.history.points.map((p: HistoryPoint) => p),
		})),
	};
	return `${JSON.stringify(document, finite, 1)}\n`;
}

/** `gradlab-<scenario>-20261126-235959`: sortable, and safe in any file system. */
export function exportBaseName(scenario: Scenario, at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
	const id = scenario.id.replace(/[^A-Za-z0-9._-]+/g, '-');
	return `gradlab-${id}-${stamp}`;
}

/** Writes both files into `dir`; returns their paths. Throws what the file system throws. */
export function writeExport(scenario: Scenario, runs: readonly RunView[], dir: string, at: Date = new Date()): {csv: string; json: string} {
	const base = path.join(dir, exportBaseName(scenario, at));
	const files = {csv: `${base}.csv`, json: `${base}.json`};
	writeFileSync(files.csv, historyCsv(runs, scenario.kind === 'surface'));
	writeFileSync(files.json, historyJson(scenario, runs, at));
	return files;
}
