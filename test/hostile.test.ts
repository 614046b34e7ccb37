/**
 * Hostile files through the real CLI (the bundle `npm run build` makes), each in a child process
 * with a timeout: a FIFO, a folder, a device, an alias bomb, a deep checkpoint, oversized
 * networks and data, escape sequences. Each gets one line naming the file (and the field), exit
 * 2, no stack trace, and nothing hangs.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-hostile-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function write(name: string, content: string): string {
	const file = join(dir, name);
	writeFileSync(file, content);
	return file;
}

function fifo(name: string): string {
	const file = join(dir, name);
	execFileSync('mkfifo', [file]);
	return file;
}

interface Result {
	readonly code: number | null;
	readonly out: string;
	readonly err: string;
}

/** Runs gradlab in `dir`; a hang fails the test (the process is killed after 20 s). */
function gradlab(...args: string[]): Result {
	const result = spawnSync(process.execPath, [CLI, ...args], {cwd: dir, encoding: 'utf8', timeout: 20_000, env: {...process.env, LANG: 'C.UTF-8'}});
	expect(result.signal, `gradlab ${args.join(' ')} hung`).toBeNull();
	return {code: result.status, out: result.stdout, err: result.stderr};
}

/** One line, no stack trace, no escape character. */
function expectOneCleanLine(text: string): void {
	expect(text.trim().split('\n')).toHaveLength(1);
	expect(text).not.toMatch(/\n\s+at |Error:|\u001b/);
}

describe('files that are not what they seem', () => {
	it('a FIFO as a lesson, as a CSV and in --dir: refused at once, named, never read', () => {
		fifo('pipe.yaml');
		fifo('pipe.csv');
		write('reads-pipe.yaml', 'dataset: {csv: pipe.csv}\n');
		let r = gradlab('check', 'pipe.yaml');
		expect(r.code).toBe(2);
		expect(r.err).toBe('pipe.yaml: is a FIFO (a named pipe), not a scenario file\n');
		r = gradlab('run', 'reads-pipe.yaml', '--headless', '--steps', '5');
		expect(r.code).toBe(2);
		expect(r.err).toBe('reads-pipe.yaml: dataset.csv: pipe.csv is a FIFO (a named pipe), not a CSV file\n');
		// A listing skips it and names it; the good lessons are all there.
		r = gradlab('list', '--dir', '.');
		expect(r.code).toBe(2);
		expect(r.out).toMatch(/^vanishing-gradients +Vanishing gradients$/m);
		expect(r.err).toMatch(/^pipe\.yaml: is a FIFO \(a named pipe\), not a scenario file$/m);
	});

	it('a folder and a device say what they are', () => {
		mkdirSync(join(dir, 'folder.yaml'));
		for (const command of ['check', 'run']) {
			const r = gradlab(command, 'folder.yaml', ...(command === 'run' ? ['--headless'] : []));
			expect(r.code).toBe(2);
			expect(r.err).toBe('folder.yaml: is a folder, not a scenario file\n');
		}
		write('zero.yaml', 'dataset: {csv: /dev/zero}\n');
		const r = gradlab('run', 'zero.yaml', '--headless');
		expect(r.code).toBe(2);
		expect(r.err).toBe('zero.yaml: dataset.csv: /dev/zero is a device, not a CSV file\n');
	});

	it('a YAML alias bomb is one line naming the file, and a listing skips it', () => {
		let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
		for (const [prev, next] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h']]) bomb += `${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
		write('bomb.yaml', bomb);
		const r = gradlab('check', 'bomb.yaml');
		expect(r.code).toBe(2);
		expectOneCleanLine(r.err);
		expect(r.err).toMatch(/^bomb\.yaml: its YAML aliases .* gradlab allows 100$/m);
		expect(gradlab('list', '--dir', '.').err).toMatch(/^bomb\.yaml: its YAML aliases/m);
	});

	it('a deeply nested or enormously wide checkpoint cannot overflow the stack or fill memory', () => {
		write('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
		write('deep-weights.yaml', 'model: {weights: deep.json}\n');
		const r = gradlab('check', 'deep-weights.yaml');
		expect(r.code).toBe(2);
		expectOneCleanLine(r.err);
		expect(r.err).toMatch(/^deep-weights\.yaml: model\.weights: deep\.json: is nested more than 32 levels deep/);
		// Nor can a wide one (ten million empty objects in 30 MB) make JSON.parse build them all.
		write('wide.json', `[${Array(10_000_000).fill('{}').join(',')}]`);
		write('wide-weights.yaml', 'model: {weights: wide.json}\n');
		const wide = gradlab('check', 'wide-weights.yaml');
		expect(wide.code).toBe(2);
		expect(wide.err).toMatch(/^wide-weights\.yaml: model\.weights: wide\.json: holds 10,000,000 values or more; gradlab reads at most 2,000,000/);
	});

	it('never quotes a file that is not a CSV', () => {
		write('secret', 'root:$6$very-secret-hash:19000:0:99999:7:::\nadmin:$6$another:19000\n');
		write('reads-secret.yaml', 'dataset: {csv: secret}\n');
		const r = gradlab('check', 'reads-secret.yaml');
		expect(r.code).toBe(2);
		expectOneCleanLine(r.err);
		expect(r.err).not.toMatch(/root|secret-hash|admin/);
		expect(r.err).toMatch(/^reads-secret\.yaml: dataset\.csv: secret is not a CSV gradlab can use; its content is not shown/);
		// Nor a checkpoint that is not JSON (V8's own message would quote its start).
		write('reads-secret-weights.yaml', 'model: {weights: secret}\n');
		const weights = gradlab('check', 'reads-secret-weights.yaml');
		expect(weights.code).toBe(2);
		expectOneCleanLine(weights.err);
		expect(weights.err).not.toMatch(/root|secret-hash|admin/);
		expect(weights.err).toMatch(/^reads-secret-weights\.yaml: model\.weights: secret: is not valid JSON$/m);
	});
});

describe('check reads every file a lesson names, as run does', () => {
	it('a wrong label column, a cell that is not a number, a checkpoint that does not fit the data: exit 2 from check and from run', () => {
		write('two.csv', 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n');
		write('oops.csv', 'a,b,label\n1,2,x\n3,oops,y\n');
		const weights = join(dir, 'w');
		const saved = gradlab('run', 'digits', '--headless', '--steps', '2', '--save-weights', weights);
		expect(saved.code).toBe(0);
		const cases: [string, string, RegExp][] = [
			['label', 'dataset: {csv: two.csv, label: species}', /^label\.yaml: dataset\.csv: two\.csv: Label column "species" not found\. The columns are: a, b, label\.$/],
			['cell', 'dataset: {csv: oops.csv}', /^cell\.yaml: dataset\.csv: oops\.csv: Row 3, column "b": "oops" is not a number\.$/],
			['fit', `dataset: {csv: two.csv}\nmodel: {weights: ${join(weights, 'digits-adam.json')}}`, /^fit\.yaml: model\.weights: the checkpoint \S+digits-adam\.json takes 64 inputs and gives 10 outputs; this data has 2 features and 2 classes, so it needs 2 inputs and 2 outputs \(cross-entropy\)$/],
		];
		for (const [name, text, expected] of cases) {
			write(`${name}.yaml`, `${text}\n`);
			for (const args of [['check', `${name}.yaml`], ['run', `${name}.yaml`, '--headless']]) {
				const r = gradlab(...args);
				expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
				expectOneCleanLine(r.err);
				expect(r.err.trim()).toMatch(expected);
			}
		}
	});

	it("a network that is too big only with the CSV's width is refused once the CSV is read", () => {
		const header = [...Array.from({length: 1000}, (_, j) => `f${j}`), 'label'].join(',');
		const rows = Array.from({length: 10}, (_, i) => [...Array.from({length: 1000}, () => String(i)), String(i % 2)].join(','));
		write('wide.csv', `${header}\n${rows.join('\n')}\n`);
		write('wide-net.yaml', 'dataset: {csv: wide.csv}\nmodel: {hidden: [1000]}\n');
		const r = gradlab('check', 'wide-net.yaml');
		expect(r.code).toBe(2);
		expectOneCleanLine(r.err);
		expect(r.err).toMatch(/^wide-net\.yaml: model\.hidden: a 1000-1000-2 network has 1,003,002 parameters and needs about \d+ MB to train; the limit is 1,000,000 parameters per run/);
	});

	it('a label column with 20,000 distinct values, and a CSV past the row limit, are refused with their sizes', () => {
		write('ids.csv', `f,id\n${Array.from({length: 20_000}, (_, i) => `${i % 7},${i}`).join('\n')}\n`);
		write('ids.yaml', 'dataset: {csv: ids.csv}\n');
		let r = gradlab('check', 'ids.yaml');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^ids\.yaml: dataset\.csv: ids\.csv: the label column has 20,000 distinct values; a classifier here has at most 100 classes/);
		write('rows.csv', `f,label\n${Array.from({length: 100_001}, (_, i) => `${i},${i % 2}`).join('\n')}\n`);
		write('rows.yaml', 'dataset: {csv: rows.csv}\n');
		r = gradlab('check', 'rows.yaml');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^rows\.yaml: dataset\.csv: rows\.csv has 100,001 rows; the limit is 100,000 rows of data \(it would take about \d+(\.\d)? MB as training data\)$/m);
	});
});

describe('size limits, refused up front with the field, the limit and the memory', () => {
	const cases: [string, string, RegExp][] = [
		['wide', 'model: {hidden: [20000, 20000]}', /^wide\.yaml: model\.hidden\[0\]: got 20000, expected at most 2,048 units per layer \(this network would have 400,\d{3},\d{3} parameters and need about 15 GB to train\)$/],
		['samples', 'dataset: {samples: 1000000000}', /^samples\.yaml: dataset\.samples: got 1000000000, expected at most 100,000 samples \(that many would take about 37 GB/],
		['sine', 'dataset: {name: sine, samples: 1000000000}', /^sine\.yaml: dataset\.samples: got 1000000000, expected at most 100,000 samples \(that many would take about 30 GB/],
		['classes', 'dataset: {name: spiral, classes: 1000000}', /^classes\.yaml: dataset\.classes: got 1000000, expected at most 100 classes .*about 6\.4 GB\)$/],
		['steps', 'train: {steps: 1000000000000}', /^steps\.yaml: train\.steps: got 1000000000000, expected at most 10,000,000 steps/],
		['params', 'model: {hidden: [1500, 1500]}', /^params\.yaml: model\.hidden: a 2-1500-1500-2 network has 2,259,002 parameters and needs about 104 MB to train; the limit is 1,000,000 parameters per run/],
		['runs', `runs: [${Array.from({length: 17}, (_, i) => `{label: r${i}}`).join(', ')}]`, /^runs\.yaml: runs: got 17, expected at most 16 runs/],
		['memory', `dataset: {samples: 100000}\ntrain: {batch: full}\nmodel: {hidden: [700, 700]}\nruns: [{label: a}, {label: b}]`, /^memory\.yaml: runs: this lesson would need about \d+(\.\d)? GB .*the limit is 512 MB per lesson/],
	];
	for (const [name, text, expected] of cases) {
		it(`${name}: check and run refuse it before building anything`, () => {
			write(`${name}.yaml`, `${text}\n`);
			for (const args of [['check', `${name}.yaml`], ['run', `${name}.yaml`, '--headless']]) {
				const r = gradlab(...args);
				expect(r.code).toBe(2);
				expectOneCleanLine(r.err);
				expect(r.err.trim()).toMatch(expected);
			}
		});
	}

	it('--steps past the limit is a usage error', () => {
		const r = gradlab('run', 'optimizers', '--headless', '--steps', '1e12');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^gradlab: --steps: got "1e12", expected at most 10,000,000$/m);
	});
});

describe("a separate test CSV and a regression's targets", () => {
	const both = (name: string, text: string): Result[] => {
		write(`${name}.yaml`, `${text}\n`);
		return [gradlab('check', `${name}.yaml`), gradlab('run', `${name}.yaml`, '--headless')];
	};
	write('train.csv', 'a,b,y\n1,2,3\n4,5,6\n7,8,9\n');

	it('a test CSV that is a FIFO is refused at once, named, never read', () => {
		fifo('test-pipe.csv');
		for (const r of both('test-pipe', 'dataset: {csv: train.csv, target: y, test: test-pipe.csv}')) {
			expect(r.code).toBe(2);
			expect(r.err).toBe('test-pipe.yaml: dataset.test: test-pipe.csv is a FIFO (a named pipe), not a CSV file\n');
		}
	});

	it("the two files' rows count against one limit", () => {
		const rows = `a,b,y\n${Array.from({length: 60_000}, (_, i) => `${i},${i % 7},${i % 3}`).join('\n')}\n`;
		write('half1.csv', rows);
		write('half2.csv', rows);
		for (const r of both('halves', 'dataset: {csv: half1.csv, target: y, test: half2.csv}')) {
			expect(r.code).toBe(2);
			expectOneCleanLine(r.err);
			expect(r.err).toMatch(/^halves\.yaml: dataset\.test: half2\.csv has 60,000 rows and the training file 60,000; the limit is 100,000 rows of data in both files together/);
		}
	});

	it("a test CSV's column names and cells are cleaned and shortened in its errors", () => {
		write('escape-test.csv', 'a,b\u001b]0;pwn\u0007,y\n1,2,3\n4,5,6\n');
		const [columns] = both('escape-test', 'dataset: {csv: train.csv, target: y, test: escape-test.csv}');
		expect(columns!.code).toBe(2);
		expect(columns!.err).toMatch(/escape-test\.csv: its feature columns are a, b␛\]0;pwn␇; the training file's are a, b\./);
		expect(columns!.err).not.toMatch(/\u001b|\u0007/);
		// A cell of 100,000 characters is quoted by its start, not printed whole.
		write('long-cell.csv', `a,b,y\n1,${'x'.repeat(100_000)},3\n2,3,4\n`);
		const [cell] = both('long-cell', 'dataset: {csv: train.csv, target: y, test: long-cell.csv}');
		expect(cell!.code).toBe(2);
		expectOneCleanLine(cell!.err);
		expect(cell!.err).toMatch(/^long-cell\.yaml: dataset\.test: long-cell\.csv: Row 2, column "b": "x{39}…" is not a number\.$/m);
	});

	it("a regression's target columns are not features: 1,002 columns with two targets fit the 1,000-feature limit", () => {
		const header = Array.from({length: 1002}, (_, j) => `c${j}`).join(',');
		const row = (i: number): string => Array.from({length: 1002}, (_, j) => String((i * j) % 5)).join(',');
		write('wide-targets.csv', `${header}\n${row(1)}\n${row(2)}\n${row(3)}\n`);
		write('wide-targets.yaml', 'dataset: {csv: wide-targets.csv, target: [c1000, c1001]}\n');
		const targets = gradlab('check', 'wide-targets.yaml');
		expect(targets.err).toBe('');
		expect(targets.code).toBe(0);
		write('wide-label.yaml', 'dataset: {csv: wide-targets.csv, label: c1001}\n');
		const label = gradlab('check', 'wide-label.yaml');
		expect(label.code).toBe(2);
		expect(label.err).toMatch(/^wide-label\.yaml: dataset\.csv: wide-targets\.csv has 1,002 columns \(1,001 features\); the limit is 1,000 feature columns/);
	});
});

describe('text from files never drives the terminal', () => {
	it('titles, summaries and labels in list, run and error messages', () => {
		write(
			'escapes.yaml',
			[
				'title: "\\e]0;owned\\a Title \\e[5mblink"',
				'summary: "\\e]52;c;ZWNobyBoaQ==\\a clipboard"',
				'dataset: {name: moons, samples: 50}',
				'train: {steps: 3}',
				'runs: [{label: "\\e[31mred"}, {label: "\\u202eevil"}]',
				'notes: [{en: "\\e[2J"}]',
			].join('\n'),
		);
		const listed = gradlab('list', '--dir', '.');
		expect(listed.out).toMatch(/^escapes +␛\]0;owned␇ Title ␛\[5mblink$/m);
		const run = gradlab('run', 'escapes.yaml', '--headless');
		expect(run.code).toBe(0);
		expect(run.out).toMatch(/^␛\[31mred /m);
		const jsonl = gradlab('run', 'escapes.yaml', '--headless', '--format', 'jsonl');
		write('bad-escape.yaml', 'train: {optimizer: "\\e]0;x\\aadma"}\n');
		const bad = gradlab('check', 'bad-escape.yaml');
		expect(bad.code).toBe(2);
		// A CSV's cells and column names are quoted in its errors: cleaned too.
		write('escapes.csv', 'x\u001b]0;t\u0007,label\n1,a\n\u001b[2J,b\n');
		write('escapes-csv.yaml', 'dataset: {csv: escapes.csv}\n');
		const csv = gradlab('run', 'escapes-csv.yaml', '--headless');
		expect(csv.code).toBe(2);
		expect(csv.err).toMatch(/column "x␛\]0;t␇": "␛\[2J" is not a number/);
		for (const text of [listed.out, listed.err, run.out, run.err, jsonl.out, bad.err, csv.err]) {
			expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
		}
	});

	it('a file name with an escape in it is shown harmlessly', () => {
		const sub = join(dir, 'names');
		mkdirSync(sub);
		writeFileSync(join(sub, 'evil\u001b]0;x\u0007.yaml'), 'dataset: {name: spirall}\n');
		const r = gradlab('list', '--dir', sub);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/evil␛\]0;x␇\.yaml: dataset\.name: got "spirall"/);
		expect(r.err).not.toMatch(/\u001b/);
	});
});
