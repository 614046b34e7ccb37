/** `gradlab export --torch`: what goes into the script and its data file, and how they are written. */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {parseCli} from '../src/cli/args.js';
import {exportCommand} from '../src/cli/commands.js';
import {describeFailure} from '../src/cli/errors.js';
import {BatchOrder} from '../src/core/trainer.js';
import type {DataDocument} from '../src/export/plan.js';
import {dataFileFor, torchExport} from '../src/export/torch.js';
import {Session} from '../src/runner/session.js';
import {WriteProblem} from '../src/scenarios/atomic.js';
import {findScenario, listScenarios, loadScenarioFile} from '../src/scenarios/load.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-export-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const lesson = (id: string) => loadScenarioFile(findScenario(id));
const quiet = new Writable({write: (_c, _e, done) => done()});

describe('the data file', () => {
	const files = torchExport(lesson('vanishing-gradients'), {out: join(dir, 'vg.py'), target: 'vanishing-gradients', steps: 50, version: 'test'});
	const document = JSON.parse(files[0]!.text) as DataDocument;

	it('comes first, beside the script, named after it', () => {
		expect(files.map((f) => f.path)).toEqual([join(dir, 'vg.json'), join(dir, 'vg.py')]);
		expect(dataFileFor('a/b.PY')).toBe('a/b.json');
		expect(dataFileFor('run')).toBe('run.json');
	});

	it('holds the session\'s data, each start once, and the row order of every epoch the runs need', () => {
		const session = new Session(lesson('vanishing-gradients'), {steps: 50});
		const trainer = session.runs[0]!.trainer!;
		const data = document.datasets.spiral!;
		expect(data.train.x.flat()).toEqual(Array.from(trainer.data.train.x));
		expect(data.train.y).toEqual(Array.from(trainer.data.train.y));
		expect(data.test.x).toHaveLength(trainer.data.test.n);
		// sigmoid and tanh share Xavier weights; relu has He weights.
		expect(Object.keys(document.weights)).toEqual(['xavier-uniform', 'he-normal']);
		expect(document.weights['he-normal']).toEqual(session.runs[2]!.trainer!.network.getParameters());
		// 50 steps of 32 rows over 320 training rows: 5 epochs.
		const orders = document.orders['seed 0, 320 rows']!;
		expect(orders).toHaveLength(5);
		const order = new BatchOrder(320, true, 0);
		order.nextEpoch();
		expect(orders[1]).toEqual(Array.from(order.rows));
	});

	it('a run that does not shuffle reads rows in stored order: no order in the file', () => {
		writeFileSync(join(dir, 'plain.yaml'), 'dataset: moons\ntrain: {shuffle: false, steps: 5}\n');
		const [data, script] = torchExport(loadScenarioFile(join(dir, 'plain.yaml')), {out: join(dir, 'plain.py'), target: 'plain.yaml', version: 'test'});
		expect((JSON.parse(data!.text) as DataDocument).orders).toEqual({});
		expect(script!.text).toContain('order=None,');
	});
});

describe('the script', () => {
	it('spells out every optimizer option; NAdam takes its foreach path (torch 1.13\'s default path counts μ_t twice)', () => {
		const script = torchExport(lesson('optimizers'), {out: join(dir, 'o.py'), target: 'optimizers', version: 'test'})[1]!.text;
		expect(script).toContain('optimizer=lambda params: torch.optim.SGD(params, lr=0.1, momentum=0, dampening=0, weight_decay=0, nesterov=False),');
		expect(script).toContain('torch.optim.SGD(params, lr=0.02, momentum=0.9, dampening=0, weight_decay=0, nesterov=True)');
		expect(script).toContain('torch.optim.NAdam(params, lr=0.005, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=0.004, foreach=True)');
		expect(script).toContain('torch.optim.Adadelta(params, lr=1, rho=0.9, eps=0.000001, weight_decay=0)');
		expect(script).toMatch(/^# gradlab scores the test rows this many times over a run's budget\.\nEVALUATIONS = 200$/m);
		expect(script).toContain('`gradlab run optimizers --headless --format jsonl --every 1`');
	});

	it('a surface race is one script with the function in torch and a float start', () => {
		const files = torchExport(lesson('saddle-race'), {out: join(dir, 'saddle.py'), target: 'saddle-race', seed: 3, version: 'test'});
		expect(files).toHaveLength(1);
		expect(files[0]!.text).toContain('START = [-2.0, 0.01]');
		expect(files[0]!.text).toContain('def saddle(point):');
		expect(files[0]!.text).toContain('`gradlab run saddle-race --headless --format jsonl --every 1 --seed 3`');
	});

	it('is valid Python for every built-in lesson (compiled by any python3, torch or not)', (context) => {
		const scripts = listScenarios().map((scenario) => {
			const out = join(dir, `${scenario.id}-syntax.py`);
			for (const file of torchExport(scenario, {out, target: scenario.id, steps: 3, version: 'test'})) writeFileSync(file.path, file.text);
			return out;
		});
		const check = spawnSync('python3', ['-c', 'import py_compile, sys\nfor f in sys.argv[1:]: py_compile.compile(f, doraise=True)', ...scripts], {encoding: 'utf8'});
		if (check.error) context.skip('no python3 on PATH');
		expect(check.stderr).toBe('');
		expect(check.status).toBe(0);
	});
});

describe('gradlab export', () => {
	const cli = (...args: string[]) => parseCli(['export', ...args]);

	it('writes both files whole, leaves no temporary file, and replaces existing ones only with --force', () => {
		const out = join(dir, 'cli', 'digits.py');
		rmSync(join(dir, 'cli'), {recursive: true, force: true});
		expect(() => exportCommand(cli('digits', '--torch', out, '--steps', '5'), 'en', quiet)).toThrow(new WriteProblem(dataFileFor(out), {code: 'ENOENT'}));
		expect(describeFailure(new WriteProblem(dataFileFor(out), {code: 'ENOENT'}), 'en')).toEqual({message: `gradlab: cannot write ${dataFileFor(out)}: no such folder`, code: 1});
		mkdirSync(join(dir, 'cli'));
		expect(exportCommand(cli('digits', '--torch', out, '--steps', '5'), 'en', quiet)).toBe(0);
		expect(readdirSync(join(dir, 'cli')).sort()).toEqual(['digits.json', 'digits.py']);
		writeFileSync(join(dir, 'cli', 'digits.json'), 'my own data');
		expect(() => exportCommand(cli('digits', '--torch', out), 'en', quiet)).toThrow(`${join(dir, 'cli', 'digits.json')} and ${out} already exist; choose another name, or add --force to replace them`);
		expect(readFileSync(join(dir, 'cli', 'digits.json'), 'utf8')).toBe('my own data');
		expect(exportCommand(cli('digits', '--torch', out, '--force'), 'en', quiet)).toBe(0);
		expect(JSON.parse(readFileSync(join(dir, 'cli', 'digits.json'), 'utf8'))).toHaveProperty('datasets.digits');
		expect(readdirSync(join(dir, 'cli')).sort()).toEqual(['digits.json', 'digits.py']);
	});

	it("never writes over a folder, a device or a file the lesson reads, even with --force; checked before the export is built", () => {
		const folder = join(dir, 'own');
		mkdirSync(folder);
		writeFileSync(join(folder, 'data.csv'), 'a,b,y\n1,2,3\n4,5,6\n7,8,9\n');
		writeFileSync(join(folder, 'data.py'), '# theirs\n');
		const yaml = join(folder, 'lesson.yaml');
		writeFileSync(yaml, 'dataset: {csv: data.csv, target: y}\n');
		expect(() => exportCommand(cli(yaml, '--torch', join(folder, 'data.csv'), '--force'), 'en', quiet)).toThrow(`--torch: ${join(folder, 'data.csv')} is a file this lesson reads; write the export somewhere else`);
		mkdirSync(join(folder, 'sub.py'));
		expect(() => exportCommand(cli(yaml, '--torch', join(folder, 'sub.py'), '--force'), 'en', quiet)).toThrow(`--torch: ${join(folder, 'sub.py')} is a folder; give a file name, like ${join(folder, 'sub.py', 'lesson.py')}`);
		// The data file's name is checked too: x.py writes x.json, here a folder.
		mkdirSync(join(folder, 'x.json'));
		expect(() => exportCommand(cli(yaml, '--torch', join(folder, 'x.py'), '--force'), 'en', quiet)).toThrow(/--torch: \S+x\.json is a folder/);
		expect(() => exportCommand(cli(yaml, '--torch', '/dev/null', '--force'), 'en', quiet)).toThrow('--torch: /dev/null is not a regular file; give the name of a file to write');
		expect(readFileSync(join(folder, 'data.csv'), 'utf8')).toBe('a,b,y\n1,2,3\n4,5,6\n7,8,9\n');
		expect(readdirSync(folder).sort()).toEqual(['data.csv', 'data.py', 'lesson.yaml', 'sub.py', 'x.json']);
	});

	it('refuses steps whose row orders would not fit an export, before building them', () => {
		const out = join(dir, 'long.py');
		expect(() => exportCommand(cli('digits', '--torch', out, '--steps', '400000'), 'en', quiet)).toThrow(
			/train\.steps: exporting 400,000 steps would store the training rows' order for every epoch, [\d,]+ row numbers \(about \d+ MB in the data file\); an export holds at most 10,000,000/,
		);
		expect(existsSync(out)).toBe(false);
	});

	it('needs one scenario and --torch', () => {
		expect(() => parseCli(['export', '--torch', 'x.py'])).toThrow('export needs exactly one scenario name or file, e.g. gradlab export digits --torch digits.py');
		expect(() => parseCli(['export', 'digits'])).toThrow('export needs --torch OUT.py: the PyTorch script to write');
		expect(existsSync('x.py')).toBe(false);
	});
});
