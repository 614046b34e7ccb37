/** The one writer: whole or not at all, never over a file when asked for a new one, errors that name the file. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {PendingFile, WriteProblem, writeFileWhole, writeFilesWhole} from '../src/scenarios/atomic.js';
import {packageRoot} from '../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-atomic-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('writeFileWhole', () => {
	it('replaces a file whole, leaving no temporary file behind', () => {
		const file = join(dir, 'out.jsonl');
		writeFileSync(file, 'old\n');
		expect(writeFileWhole(file, 'new\n')).toBe(true);
		expect(readFileSync(file, 'utf8')).toBe('new\n');
		expect(readdirSync(dir)).toEqual(['out.jsonl']);
	});

	it("'new' never replaces a file, however recently it appeared", () => {
		const file = join(dir, 'export.csv');
		expect(writeFileWhole(file, 'first\n', 'new')).toBe(true);
		expect(writeFileWhole(file, 'second\n', 'new')).toBe(false);
		expect(readFileSync(file, 'utf8')).toBe('first\n');
		// Two writers racing for one name: the first to finish takes it, the other is told.
		const a = PendingFile.begin(join(dir, 'race.csv'));
		const b = PendingFile.begin(join(dir, 'race.csv'));
		a.write('a\n');
		b.write('b\n');
		expect(b.commit('new')).toBe(true);
		expect(a.commit('new')).toBe(false);
		expect(readFileSync(join(dir, 'race.csv'), 'utf8')).toBe('b\n');
		expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});

	it('a folder that is not there fails before any work, naming the file', () => {
		const file = join(dir, 'missing', 'out.jsonl');
		expect(() => PendingFile.begin(file)).toThrow(WriteProblem);
		expect(() => PendingFile.begin(file)).toThrow(/missing\/out\.jsonl: no such folder$/);
	});

	it('a write that fails midway (the file size limit, as a full disk would) leaves the old file intact and no temporary file', () => {
		const file = join(dir, 'kept.jsonl');
		writeFileSync(file, 'precious\n');
		const module = pathToFileURL(join(packageRoot(), 'dist', 'src', 'scenarios', 'atomic.js')).href;
		const script = `import {writeFileWhole} from ${JSON.stringify(module)}; try { writeFileWhole(${JSON.stringify(file)}, 'x'.repeat(100000)); } catch (e) { console.log(e.message); }`;
		// ulimit -f: writes past 8 KB fail with EFBIG (SIGXFSZ ignored), like a disk that fills up.
		const result = spawnSync('bash', ['-c', `ulimit -f 8; trap '' XFSZ; exec "${process.execPath}" --input-type=module -e '${script.replaceAll("'", "'\\''")}'`], {encoding: 'utf8', timeout: 20_000});
		expect(result.stdout.trim()).toMatch(/kept\.jsonl: the file is too large for the file system$/);
		expect(readFileSync(file, 'utf8')).toBe('precious\n');
		expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});
});

describe('writeFilesWhole: files that belong together (an export), all or none', () => {
	const temporaries = (folder: string): string[] => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

	it("'new' with the second name taken: false, the first name left free, the taken file untouched", () => {
		const folder = mkdtempSync(join(dir, 'pair-'));
		writeFileSync(join(folder, 'b.jsonl'), 'theirs\n');
		const files = [
			{path: join(folder, 'a.csv'), text: 'a\n'},
			{path: join(folder, 'b.jsonl'), text: 'b\n'},
		];
		expect(writeFilesWhole(files, 'new')).toBe(false);
		expect(readdirSync(folder)).toEqual(['b.jsonl']);
		expect(readFileSync(join(folder, 'b.jsonl'), 'utf8')).toBe('theirs\n');
	});

	it('a second file whose folder is missing: a WriteProblem naming it, the first never placed', () => {
		const folder = mkdtempSync(join(dir, 'pair-'));
		const files = [
			{path: join(folder, 'data.json'), text: '{}\n'},
			{path: join(folder, 'gone', 'script.py'), text: 'print()\n'},
		];
		expect(() => writeFilesWhole(files, 'replace')).toThrow(/gone\/script\.py: no such folder$/);
		expect(readdirSync(folder)).toEqual([]);
	});

	it('the second write failing midway (as on a full disk) leaves both old files as they were', () => {
		const folder = mkdtempSync(join(dir, 'pair-'));
		const [data, script] = [join(folder, 'x.json'), join(folder, 'x.py')];
		writeFileSync(data, 'old data\n');
		writeFileSync(script, 'old script\n');
		const module = pathToFileURL(join(packageRoot(), 'dist', 'src', 'scenarios', 'atomic.js')).href;
		const files = JSON.stringify([
			{path: data, text: 'new data\n'},
			{path: script, text: 'x'.repeat(100_000)},
		]);
		const code = `import {writeFilesWhole} from ${JSON.stringify(module)}; try { writeFilesWhole(${files}); } catch (e) { console.log(e.message); }`;
		const result = spawnSync('bash', ['-c', `ulimit -f 8; trap '' XFSZ; exec "${process.execPath}" --input-type=module -e '${code.replaceAll("'", "'\\''")}'`], {encoding: 'utf8', timeout: 20_000});
		expect(result.stdout.trim()).toMatch(/x\.py: the file is too large for the file system$/);
		expect(readFileSync(data, 'utf8')).toBe('old data\n');
		expect(readFileSync(script, 'utf8')).toBe('old script\n');
		expect(temporaries(folder)).toEqual([]);
	});
});
