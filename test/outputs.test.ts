/**
 * `run --headless` never loses data: every destination is checked before the first step (a
 * budget of ten million steps would time these tests out otherwise), records and checkpoints
 * are written whole or not at all, and a failed run leaves an existing file as it was.
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-outputs-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

interface Result {
	readonly code: number | null;
	readonly out: string;
	readonly err: string;
}

/** gradlab in `dir` through bash (for redirections and ulimit); a run that trains first times out. */
function sh(command: string): Result {
	const result = spawnSync('bash', ['-c', command.replaceAll('gradlab', `"${process.execPath}" "${CLI}"`)], {cwd: dir, encoding: 'utf8', timeout: 20_000});
	expect(result.signal, `${command} did not finish`).toBeNull();
	return {code: result.status, out: result.stdout, err: result.stderr};
}

/** Ten million steps: only a destination refused before training finishes in time. */
const LONG = 'gradlab run optimizers --headless --format jsonl --steps 10000000';

/** A folder this process cannot write to: chmod does not stop root, so root gets /sys. */
function readOnlyFolder(): string {
	if (process.getuid?.() === 0) return '/sys';
	const ro = join(dir, 'read-only');
	mkdirSync(ro, {recursive: true});
	chmodSync(ro, 0o555);
	return ro;
}

const temporaries = (folder: string): string[] => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

describe('--out is checked before training', () => {
	it('a missing folder, a read-only folder, /dev/full: one line, exit 1', () => {
		let r = sh(`${LONG} --out missing/runs.jsonl`);
		expect(r.code).toBe(1);
		expect(r.err).toBe('gradlab: cannot write missing/runs.jsonl: no such folder\n');
		r = sh(`${LONG} --out ${readOnlyFolder()}/runs.jsonl`);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/^gradlab: cannot write \S+\/runs\.jsonl: (permission denied|the file system is read-only)\n$/);
		// A device cannot be checked by creating a file: the first write fails, and the run stops there.
		r = sh(`${LONG} --out /dev/full`);
		expect(r.code).toBe(1);
		expect(r.err).toBe('gradlab: cannot write /dev/full: no space left on the device\n');
	});

	it('a folder, or a file the lesson reads: a usage error, exit 2, the file untouched', () => {
		mkdirSync(join(dir, 'runs'), {recursive: true});
		let r = sh(`${LONG} --out runs`);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^gradlab: --out: runs is a folder; give a file name, like runs\/runs\.jsonl\n/);
		writeFileSync(join(dir, 'data.csv'), 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n');
		writeFileSync(join(dir, 'data.yaml'), 'dataset: {csv: data.csv}\ntrain: {steps: 10000000}\n');
		r = sh('gradlab run data.yaml --headless --out data.csv');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^gradlab: --out: data\.csv is a file this lesson reads; write the records somewhere else\n/);
		expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe('a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n');
	});

	it('stdout on a full disk: one line, exit 1, no stack trace', () => {
		const r = sh('gradlab run optimizers --headless --format jsonl --steps 50 > /dev/full');
		expect(r.code).toBe(1);
		expect(r.err).toBe('gradlab: cannot write to stdout: no space left on the device\n');
	});
});

describe('a run that fails never empties or cuts an existing file', () => {
	it('a lesson whose data is bad leaves the old records as they were', () => {
		writeFileSync(join(dir, 'kept.jsonl'), 'precious\n');
		writeFileSync(join(dir, 'bad.csv'), 'a,label\nnot-a-number,x\n1,y\n');
		writeFileSync(join(dir, 'bad.yaml'), 'dataset: {csv: bad.csv}\n');
		const r = sh('gradlab run bad.yaml --headless --format jsonl --out kept.jsonl');
		expect(r.code).toBe(2);
		expect(readFileSync(join(dir, 'kept.jsonl'), 'utf8')).toBe('precious\n');
		expect(temporaries(dir)).toEqual([]);
	});

	it('a write that fails midway (as on a full disk) stops the run: exit 1, the old file whole, no half line anywhere', () => {
		writeFileSync(join(dir, 'full.jsonl'), 'precious\n');
		// ulimit -f 16: writes past 16 KB fail (EFBIG, SIGXFSZ ignored), as on a disk that fills up.
		const r = sh(`ulimit -f 16; trap '' XFSZ; exec ${LONG} --every 1 --out full.jsonl`);
		expect(r.code).toBe(1);
		expect(r.err).toBe('gradlab: cannot write full.jsonl: the file is too large for the file system\n');
		expect(readFileSync(join(dir, 'full.jsonl'), 'utf8')).toBe('precious\n');
		expect(temporaries(dir)).toEqual([]);
	});

	it('a run that succeeds replaces the file whole', () => {
		writeFileSync(join(dir, 'done.jsonl'), 'old\n');
		const r = sh('gradlab run optimizers --headless --format jsonl --steps 20 --out done.jsonl');
		expect(r.code).toBe(0);
		const lines = readFileSync(join(dir, 'done.jsonl'), 'utf8').trimEnd().split('\n');
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(JSON.parse(line)).toHaveProperty('run');
	});
});

describe('--save-weights', () => {
	it('a file in the way (exit 2) or a read-only folder (exit 1) is refused before training', () => {
		writeFileSync(join(dir, 'weights-file'), 'x');
		let r = sh(`gradlab run digits --headless --steps 10000000 --save-weights weights-file`);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^gradlab: --save-weights: weights-file is a file, not a folder\n/);
		r = sh(`gradlab run digits --headless --steps 10000000 --save-weights ${readOnlyFolder()}/weights`);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/^gradlab: cannot write \S+weights: /);
	});

	it('one whole file per run, even for labels that make the same file name', () => {
		writeFileSync(join(dir, 'twins.yaml'), 'dataset: {name: moons, samples: 60}\ntrain: {steps: 5}\nruns: [{label: a b}, {label: a-b}]\n');
		const r = sh('gradlab run twins.yaml --headless --save-weights w');
		expect(r.code).toBe(0);
		expect(readdirSync(join(dir, 'w')).sort()).toEqual(['twins-a-b-2.json', 'twins-a-b.json']);
		expect(r.err).toBe('saved w/twins-a-b.json\nsaved w/twins-a-b-2.json\n');
	});
});
