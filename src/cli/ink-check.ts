/**
 * Ink 6.8's incremental renderer writes each frame one row too low when the frame is shorter than
 * the terminal (patches/ink+6.8.0.patch fixes it; `npm install` applies it). Without the patch the
 * dashboard falls back to Ink's standard renderer: more bytes per frame, but a correct picture.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

export function incrementalRenderingIsSafe(): boolean {
	try {
		const inkMain = createRequire(import.meta.url).resolve('ink');
		return readFileSync(path.join(path.dirname(inkMain), 'log-update.js'), 'utf8').includes('gradlab patch');
	} catch {
		return false;
	}
}
