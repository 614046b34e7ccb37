/** The built CLI on a user's data: hostile files give one line naming file and field, exit 2; regression runs headless. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-data-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function gradlab(...args: string[]) {
	const run = spawnSync(process.execPath, [CLI, ...args], {cwd: dir, encoding: 'utf8', timeout: 60_000});
	return {code: run.status, stdout: run.stdout, stderr: run.stderr};
}

writeFileSync(join(dir, 'prices.csv'), 'area,rooms,price\n50,2,100\n80,3,NaN\n65,2,130\n');
writeFileSync(join(dir, 'words.csv'), 'area,rooms,price\n50,two,100\n80,3,150\n');
writeFileSync(join(dir, 'good.csv'), 'area,rooms,price\n50,2,100\n80,3,150\n65,2,130\n70,4,160\n');

describe('gradlab on a user\'s CSV', () => {
	it.each([
		['a NaN target', 'dataset: {csv: prices.csv, target: price}', 'nan.yaml: dataset.csv: prices.csv: Row 3, column "price": "NaN" is not a number.'],
		['a word in a feature column', 'dataset: {csv: words.csv, target: price}', 'words.yaml: dataset.csv: words.csv: Row 2, column "rooms": "two" is not a number.'],
		['a missing target column', 'dataset: {csv: good.csv, target: cost}', 'cost.yaml: dataset.csv: good.csv: Target column "cost" not found. The columns are: area, rooms, price.'],
		['a missing label column', 'dataset: {csv: good.csv, label: kind}', 'kind.yaml: dataset.csv: good.csv: Label column "kind" not found. The columns are: area, rooms, price.'],
	])('%s: one line, exit 2', (_name, yaml, expected) => {
		const file = expected.slice(0, expected.indexOf(':'));
		writeFileSync(join(dir, file), yaml);
		const run = gradlab('run', file, '--headless', '--steps', '2');
		expect(run.stderr).toBe(`${expected}\n`);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
	});

	it('regression headless: the table shows R² and the test loss; export writes a script', () => {
		writeFileSync(join(dir, 'fit.yaml'), 'dataset: {csv: good.csv, target: price, test: 0}\nmodel: {hidden: [4]}\ntrain: {steps: 20, batch: 2}\n');
		const run = gradlab('run', 'fit.yaml', '--headless');
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^run +steps +batch loss +batch R² +test loss +test R²/);
		const exported = gradlab('export', 'fit.yaml', '--torch', 'fit.py');
		expect(exported.stderr).toBe(`wrote ${join(dir, 'fit.json')}\nwrote ${join(dir, 'fit.py')}\n`.replaceAll(`${dir}/`, ''));
		expect(exported.code).toBe(0);
		const again = gradlab('export', 'fit.yaml', '--torch', 'fit.py');
		expect(again.code).toBe(2);
		expect(again.stderr).toBe('gradlab: fit.json and fit.py already exist; choose another name, or add --force to replace them\nTry "gradlab --help".\n');
	});
});

describe('gradlab check on a CSV scenario', () => {
	it('says when a CSV\'s features will be standardised, and not when they are used as written', () => {
		writeFileSync(join(dir, 'scaled.yaml'), 'dataset: {csv: good.csv, target: price}\n');
		writeFileSync(join(dir, 'raw.yaml'), 'dataset: {csv: good.csv, target: price, standardize: false}\n');
		const run = gradlab('check', 'scaled.yaml', 'raw.yaml');
		expect(run.stdout).toBe("scaled.yaml: ok (1 run)\n  good.csv: features standardised with the training rows' mean and std (standardize: false uses them as written)\nraw.yaml: ok (1 run)\n");
		expect(run.code).toBe(0);
	});
});
