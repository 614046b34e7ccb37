/**
 * Saving a scenario as a new file: named after its title, never over an existing file, and
 * never half-written (the text is complete on disk before the name appears).
 */
import {randomUUID} from 'node:crypto';
import {linkSync, rmSync, writeFileSync} from 'node:fs';
import * as path from 'node:path';
import type {Scenario} from './types.js';
import {writeScenario} from './write.js';

/** A file-name-safe form of `text`: lower case, Latin digits and letters and Hangul, words joined by `-`. */
export function slug(text: string, fallback: string): string {
	return text.toLowerCase().replace(/[^a-z0-9가-힣]+/g, '-').replace(/^-|-$/g, '') || fallback;
}

/** Link errors of file systems without hard links (some network, FAT and container mounts). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Writes `text` to `file` if, and only if, no file has that name: the text goes to a temporary
 * file beside it, which is then hard-linked to the name — the link fails if the name exists, so
 * a file that appears meanwhile is never replaced — and removed. Returns false if the name is
 * taken. Without hard links it creates the file exclusively and writes it (never replacing one).
 */
export function writeNewFile(file: string, text: string): boolean {
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
	writeFileSync(temp, text, {flag: 'wx'});
	try {
		linkSync(temp, file);
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		if (code === 'EEXIST') return false;
		if (!NO_LINKS.has(code)) throw error;
		return writeExclusive(file, text);
	} finally {
		rmSync(temp, {force: true});
	}
}

function writeExclusive(file: string, text: string): boolean {
	try {
		writeFileSync(file, text, {flag: 'wx'});
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

/** Names tried per title before giving up: `title.yaml`, `title-2.yaml`, … */
const MAX_COPIES = 999;

/**
 * Saves `scenario` in `dir` as `<slug of its English title>.yaml`, or `-2`, `-3`, … when that is
 * taken; returns the file's path. Paths in it are written relative to `dir` (see write.ts).
 */
export function saveScenario(scenario: Scenario, dir: string, header?: readonly string[]): string {
	const name = slug(scenario.title.en, 'experiment');
	const text = writeScenario(scenario, {dir, ...(header ? {header} : {})});
	for (let n = 1; n <= MAX_COPIES; n++) {
		const file = path.join(dir, n === 1 ? `${name}.yaml` : `${name}-${n}.yaml`);
		if (writeNewFile(file, text)) return file;
	}
	throw new Error(`no free file name for ${name}.yaml in ${dir} (${name}-2 … ${name}-${MAX_COPIES} are taken too)`);
}
