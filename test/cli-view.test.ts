/** The built CLI's `gradlab view`: a file that is not a recording is one line, exit 2, before the screen changes. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-view-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function gradlab(...args: string[]) {
	const run = spawnSync(process.execPath, [CLI, ...args], {cwd: dir, encoding: 'utf8', timeout: 60_000});
	return {code: run.status, stdout: run.stdout, stderr: run.stderr};
}

describe('gradlab view', () => {
	it('a scenario file, a folder, a missing file: one line each, exit 2', () => {
		writeFileSync(join(dir, 'lesson.yaml'), 'dataset: {name: moons}\n');
		for (const [file, expected] of [
			['lesson.yaml', 'gradlab: lesson.yaml line 1 is not JSON; not a gradlab record'],
			['.', 'gradlab: . is not a regular file'],
			['gone.jsonl', 'gradlab: gone.jsonl: no such file'],
		] as const) {
			const run = gradlab('view', file);
			expect(run.code).toBe(2);
			expect(run.stderr.trim().split('\n')).toHaveLength(1);
			expect(run.stderr.startsWith(expected)).toBe(true);
		}
		expect(gradlab('view').code).toBe(2);
	});

	it('a recording headless mode wrote is read before the terminal is asked for', () => {
		const made = gradlab('run', 'learning-rate', '--headless', '--steps', '20', '--format', 'jsonl', '--out', 'runs.jsonl');
		expect(made.code).toBe(0);
		const run = gradlab('view', 'runs.jsonl');
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('needs an interactive terminal');
	});
});
