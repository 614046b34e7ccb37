/** The dashboard's export never overwrites, is both files or neither, names the file that failed, and is no lesson. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {packageRoot} from '../src/paths.js';
import {type RunHistory, writeExport} from '../src/records/export.js';
import type {HistoryPoint} from '../src/runner/protocol.js';
import {listScenariosReporting} from '../src/scenarios/load.js';
import {tinyScenario} from './helpers/scenarios.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-export-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));
let counter = 0;
const freshDir = (): string => mkdtempSync(join(root, `d${++counter}-`));

function runs(points: number): RunHistory[] {
	const history: HistoryPoint[] = Array.from({length: points}, (_, i) => ({step: i + 1, epoch: i / 10, samples: 32 * (i + 1), seconds: i / 100, loss: 1 / (i + 1), accuracy: 0.5, testLoss: Number.NaN, testAccuracy: Number.NaN}));
	return [{label: 'adam', points: history, divergedAt: null}];
}

describe('export (e)', () => {
	it('two exports in the same second: two pairs of files, the first kept as it was', () => {
		const dir = freshDir();
		const at = new Date(2026, 10, 26, 9, 5, 7);
		const first = writeExport(tinyScenario(), runs(50), dir, at);
		const before = readFileSync(first.csv, 'utf8');
		const second = writeExport(tinyScenario(), runs(5), dir, at);
		expect(second).toEqual({csv: join(dir, 'gradlab-tiny-20261126-090507-2.csv'), jsonl: join(dir, 'gradlab-tiny-20261126-090507-2.jsonl')});
		expect(readFileSync(first.csv, 'utf8')).toBe(before);
		expect(readFileSync(first.csv, 'utf8').trim().split('\n')).toHaveLength(51);
		expect(readdirSync(dir).sort()).toEqual(['gradlab-tiny-20261126-090507-2.csv', 'gradlab-tiny-20261126-090507-2.jsonl', 'gradlab-tiny-20261126-090507.csv', 'gradlab-tiny-20261126-090507.jsonl']);
	});

	it('exports in a lesson folder are not lessons: listing it finds no broken file', () => {
		const dir = freshDir();
		writeExport(tinyScenario(), runs(3), dir);
		writeExport(tinyScenario(), runs(3), dir);
		expect(listScenariosReporting([dir]).problems).toEqual([]);
	});

	it('when one file cannot be written, neither is left, and the error names that file', () => {
		const dir = freshDir();
		const module = pathToFileURL(join(packageRoot(), 'dist', 'src', 'records', 'export.js')).href;
		// 2,000 points: the CSV is under 200 KB, the JSONL over it; writes past 200 KB fail (EFBIG), as on a full disk.
		const history = JSON.stringify(runs(2000));
		const script = `import {writeExport} from ${JSON.stringify(module)}; const scenario = {kind: 'network', id: 'tiny', runs: []}; try { writeExport(scenario, ${history}, ${JSON.stringify(dir)}); console.log('written'); } catch (e) { console.log(e.message); }`;
		const result = spawnSync('bash', ['-c', `ulimit -f 200; trap '' XFSZ; exec "${process.execPath}" --input-type=module -`], {input: script, encoding: 'utf8', timeout: 20_000});
		expect(result.stdout.trim()).toMatch(/gradlab-tiny-\d{8}-\d{6}\.jsonl: the file is too large for the file system$/);
		expect(readdirSync(dir)).toEqual([]);
	});
});
