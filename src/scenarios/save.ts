/**
 * Saving a scenario as a new file: named after its title, never over an existing file, and
 * never half-written (atomic.ts: the text is complete on disk before the name appears).
 */
import * as path from 'node:path';
import {writeFileWhole} from './atomic.js';
import type {Scenario} from './types.js';
import {writeScenario} from './write.js';

/** A file-name-safe form of `text`: lower case, Latin digits and letters and Hangul, words joined by `-`. */
export function slug(text: string, fallback: string): string {
	return text.toLowerCase().replace(/[^a-z0-9가-힣]+/g, '-').replace(/^-|-$/g, '') || fallback;
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
		if (writeFileWhole(file, text, 'new')) return file;
	}
	throw new Error(`no free file name for ${name}.yaml in ${dir} (${name}-2 … ${name}-${MAX_COPIES} are taken too)`);
}
