import {describe, expect, test} from 'vitest';
import {NO_CLASS} from '../../../../src/core/probe.js';
import type {ImageSamples} from '../../../../src/runner/protocol.js';
import {displayWidth} from '../../../../src/ui/kit/format.js';
import {type ImageRun, type ImagesOptions, layoutImages, pixelCell} from '../../../../src/ui/views/images/layout.js';

/** `count` 8×8 images of class k % 10: image k has a bright column at x = k % 8. */
function samples(count = 12): ImageSamples {
	const pixels = new Float32Array(count * 64);
	for (let k = 0; k < count; k++) for (let r = 0; r < 8; r++) pixels[k * 64 + r * 8 + (k % 8)] = 1;
	return {width: 8, height: 8, pixels, labels: Uint8Array.from({length: count}, (_, k) => k % 10), classNames: Array.from({length: 10}, (_, k) => String(k)), split: 'test', rows: 360};
}

/** A run that guesses every image right but image 1 (says 7); its matrix has 30 on the diagonal, 4 at (1, 7). */
function run(marker: string, count = 12): ImageRun {
	const predicted = Uint8Array.from({length: count}, (_, k) => (k === 1 ? 7 : k % 10));
	const confusion = new Uint32Array(100);
	for (let c = 0; c < 10; c++) confusion[c * 11] = 30;
	confusion[1 * 10 + 7] = 4;
	return {marker, label: `run ${marker}`, color: undefined, predictions: {predicted, confusion}};
}

const options = (extra: Partial<ImagesOptions> = {}): ImagesOptions => ({columns: 78, rows: 15, ink: 'blocks', focus: null, mistake: {}, rule: '│', zero: '·', language: 'en', separator: '·', ellipsis: '…', ...extra});
const text = (rows: ReturnType<typeof layoutImages>) => rows.map((r) => r.map((s) => s.text).join(''));
const width = (line: string) => [...line].length;

describe('images view layout', () => {
	test('pixels: two to a cell, as grey half-blocks, black-and-white blocks or ASCII shades', () => {
		expect(pixelCell(1, 0, 'blocks').ch).toBe('▀');
		expect(pixelCell(0, 1, 'blocks').ch).toBe('▄');
		expect(pixelCell(1, 1, 'blocks').ch).toBe('█');
		expect(pixelCell(0.1, 0.2, 'blocks').ch).toBe(' ');
		expect(pixelCell(1, 1, 'ascii').ch).toBe('#');
		expect(pixelCell(0, 0, 'ascii').ch).toBe(' ');
		expect(pixelCell(1, 0, 'grey')).toEqual({ch: '▀', style: {color: '#ffffff', backgroundColor: '#000000'}});
	});

	// Mutation: marking a guess wrong when it equals the label (or indexing the matrix as (predicted, true)) fails this.
	test('78×15: a row of images over two matrices; each tile has its true class and every guess, the wrong one inverse', () => {
		const rows = layoutImages(samples(), [run('a'), run('b')], options());
		const lines = text(rows);
		expect(lines).toHaveLength(15);
		for (const line of lines) expect(width(line)).toBeLessThanOrEqual(78);
		// Six tiles of 8 + 1 + 2 columns, two apart: image 0's column 0 is lit top to bottom.
		expect(lines[0]!.slice(0, 11)).toBe('█         0');
		expect(lines[1]!.slice(0, 11)).toBe('█        a0');
		expect(lines[2]!.slice(0, 11)).toBe('█        b0');
		expect(lines[0]!.slice(13, 24)).toBe(' █        1');
		expect(lines[1]!.slice(13, 24)).toBe(' █       a7'); // image 1 guessed as 7
		const wrong = rows[1]!.filter((s) => s.text === 'a7');
		expect(wrong).toEqual([expect.objectContaining({style: expect.objectContaining({inverse: true})})]);
		expect(rows[1]!.find((s) => s.text === 'a0')!.style.inverse).toBeUndefined();
		// The matrices: a header, then a row per true class; (1, 7) holds the 4.
		expect(lines[4]).toMatch(/^a {3}0 {2}1 {2}2 .* 9 │ b {3}0/);
		expect(lines[5]).toMatch(/^0 {2}30 {2}· {2}·/);
		expect(lines[6]!.slice(0, 32)).toBe('1   · 30  ·  ·  ·  ·  ·  4  ·  ·');
	});

	// Mutation: the matrices never giving way to the images (besideFit's loop gone) fails this; so
	// does dropping the line that names the matrix left out (moreLine).
	test('short of rows, the images stand beside the matrices, a line names the matrix left out and the keys; a run singled out has the one matrix', () => {
		const runs = [run('a'), run('b')];
		const lines = text(layoutImages(samples(), runs, options({rows: 13})));
		expect(lines.length).toBeLessThanOrEqual(13);
		for (const line of lines) expect(width(line)).toBeLessThanOrEqual(78);
		// One matrix gives way so that images fit beside it: three across.
		expect(lines[0]).toMatch(/^█ {9}0 {3}█ {8}1 {4}█ {7}2 {2}a {3}0 {2}1/);
		expect(lines[1]).toMatch(/^█ {8}a0 {3}█ {7}a7 {4}█ {6}a2 {2}0 {2}30/);
		// Under the matrix (its header and ten rows), in its column: the other run, and how to reach it.
		expect(lines[11]).toMatch(/ {2}\+1 more · \[ \] run: b run b +$/);
		expect(lines.join('\n')).not.toMatch(/b {3}0 {2}1/);
		// With the rows for both (and a row of images above), no such line.
		const roomy = text(layoutImages(samples(), runs, options({rows: 15})));
		expect(roomy.join('\n')).toMatch(/a {3}0 {2}1 .* │ b {3}0 {2}1/);
		expect(roomy.join('\n')).not.toContain('more');
		// Korean, narrow: the line keeps the keys, cuts the names, and stays within its width (Hangul counted as two).
		const korean = text(layoutImages(samples(), [...runs, run('c'), run('d')], options({rows: 13, columns: 60, language: 'ko'})));
		const more = korean.find((l) => l.includes('[ ]'))!;
		expect(more).toMatch(/\+3개 더 · \[ \] 실행: b run b/);
		for (const line of korean) expect(displayWidth(line)).toBeLessThanOrEqual(60);
		const focused = text(layoutImages(samples(), runs, options({focus: 1})));
		expect(focused[4]).toMatch(/^b {3}0/);
		expect(focused[4]).not.toContain('│');
		expect(focused[1]!.slice(0, 11)).toBe('█        b0'); // its guesses alone
		expect(focused[2]!.slice(0, 11)).toBe('█          ');
	});

	test('before the first probe, and for a diverged run: a dot for every guess and count', () => {
		const none: ImageRun = {marker: 'a', label: 'none', color: undefined, predictions: undefined};
		const diverged: ImageRun = {marker: 'b', label: 'diverged', color: undefined, predictions: {predicted: new Uint8Array(12).fill(NO_CLASS), confusion: new Uint32Array(100)}};
		const lines = text(layoutImages(samples(), [none, diverged], options({zero: '.'})));
		expect(lines[1]!.slice(9, 11)).toBe('a.');
		expect(lines[2]!.slice(9, 11)).toBe('b.');
		expect(lines[5]).toMatch(/^0 {3}\. {2}\./);
		expect(layoutImages(null, [none], options())).toEqual([]);
	});
});
