import {describe, expect, test} from 'vitest';
import type {FitPicture, RunProbe, RunState} from '../../../../src/runner/protocol.js';
import {FitView} from '../../../../src/ui/views/fit/FitView.js';
import {curveData, history, mapData, runState} from '../../fixtures.js';
import {BLOCKS, draw, expectFits} from '../draw.js';

/** A curve of `n` points from f(−1) to f(1). */
const curve = (f: (x: number) => number, n = 65): FitPicture => ({kind: 'curve', values: Float32Array.from({length: n}, (_, k) => f(-1 + (2 * k) / (n - 1)))});
/** A map over [−1, 1]² whose value is f(x1, x2), row 0 at the top. */
const map = (f: (a: number, b: number) => number, n = 16): FitPicture => ({
	kind: 'map',
	width: n,
	height: n,
	values: Float32Array.from({length: n * n}, (_, k) => f(-1 + ((k % n) + 0.5) * (2 / n), 1 - (Math.floor(k / n) + 0.5) * (2 / n))),
});

const regression = (label: string, r2: number, testR2: number): RunState => runState(label, history(5, () => 0.1), {accuracy: Number.NaN, r2, testR2});
const runs = [regression('rising', 0.9, 0.85), regression('flat', 0.1, 0.05)];
/** y = x for the first run, y = 0 for the second. */
const probes: RunProbe[] = [{fit: curve((x) => x)}, {fit: curve(() => 0)}];

/** The plot's rows: the lines between the title and the x labels, without the border and the y labels (up to the axis). */
function plotRows(lines: readonly string[]): string[] {
	return lines.slice(1, -2).map((l) => {
		const glyphs = [...l].slice(1, -1);
		return glyphs.slice(glyphs.findIndex((g) => '┤│+|'.includes(g)) + 1).join('');
	});
}

/** The row of each column where `glyph` is drawn (the first from the top), −1 where it is not. */
function rowsOf(rows: readonly string[], glyph: string): number[] {
	const width = Math.max(...rows.map((r) => [...r].length));
	return Array.from({length: width}, (_, c) => rows.findIndex((r) => [...r][c] === glyph));
}

describe('FitView, 1-D: the data and each run’s curve', () => {
	const view = (extra: Partial<Parameters<typeof FitView>[0]> = {}) => <FitView runs={runs} probes={probes} data={curveData()} focus={null} showTest={false} width={80} height={15} {...extra} />;

	test('before the first probe: a waiting panel', () => {
		const text = draw(view({probes: null, data: null})).join('\n');
		expect(text).toContain('waiting for the first look inside');
		expect(draw(view({probes: [{histograms: []}]})).join('\n')).toContain('waiting');
	});

	test('mono: each run is its marker, where its prediction is (y = x rises left to right, y = 0 is flat in the middle)', () => {
		const lines = draw(view(), 'mono');
		expectFits(lines, 80, 15);
		const rows = plotRows(lines);
		expect(rows).toHaveLength(12);
		const rising = rowsOf(rows, '●').filter((r) => r >= 0);
		expect(rising.length).toBeGreaterThan(40);
		// Top right to bottom left: the rows never go down as x grows (row 0 is the top).
		for (let k = 1; k < rising.length; k++) expect(rising[k]).toBeLessThanOrEqual(rising[k - 1]!);
		expect(rising[0]).toBe(11);
		expect(rising.at(-1)).toBe(0);
		// The flat run (drawn under the first, which leads the legend) sits on one middle row wherever it shows.
		const flat = new Set(rowsOf(rows, '▲').filter((r) => r >= 0));
		expect([...flat]).toEqual([6]);
		// The training points lie on y = x too: dots off the curves; no test points unless asked.
		expect(rows.join('')).toContain('·');
		expect(rows.join('')).not.toContain('∘');
		expect(draw(view({showTest: true}), 'mono').join('')).toContain('∘');
	});

	test('axes: round values at their rows and columns', () => {
		const lines = draw(view(), 'mono');
		expect(lines.at(-2)).toMatch(/^│\s+-1\s+-0\.5\s+0\s+0\.5\s+1│$/);
		const labelled = lines.slice(1, -2).map((l) => l.slice(1, 6).trim()).filter(Boolean);
		expect(labelled).toEqual(['1', '0.5', '0', '-0.5', '-1']);
	});

	test('focus: one run alone, its test R² in the title', () => {
		const lines = draw(view({focus: 1}), 'mono');
		expect(lines[0]).toContain('▲ flat  R² 0.05');
		const rows = plotRows(lines).join('');
		expect(rows).toContain('▲');
		expect(rows).not.toContain('●');
	});

	test('colour: braille dots; --ascii: markers and dots only, in ASCII', () => {
		const color = plotRows(draw(view(), 'color')).join('');
		expect(color).toMatch(/[⠁-⣿]/);
		expect(color).not.toContain('●');
		const ascii = draw(view(), 'ascii');
		expectFits(ascii, 80, 15);
		const text = ascii.join('\n');
		expect(text).not.toMatch(BLOCKS);
		expect(text).toMatch(/o{5}/); // run 1's ASCII marker along its curve
		expect(draw(view({focus: 0}), 'ascii')[0]).toContain('o rising  R^2 0.85');
	});

	test('Korean fits 80 columns', () => {
		const lines = draw(view(), 'mono', 80, 'ko');
		expectFits(lines, 80, 15);
		expect(lines[0]).toContain('적합');
		expect(lines[0]).toContain('학습');
	});

	test('a prediction that leaves the window is drawn to its edge; a non-finite one is not drawn', () => {
		const wild: RunProbe[] = [{fit: curve((x) => (x < -0.01 ? 0 : x < 0.5 ? 50 : Number.NaN))}];
		const rows = plotRows(draw(view({runs: [runs[0]!], probes: wild}), 'mono'));
		const at = rowsOf(rows, '●');
		const jump = at.findIndex((r, c) => c > 0 && r >= 0 && r < at[c - 1]!);
		expect(at.slice(0, jump).every((r) => r === 6)).toBe(true); // flat at 0 on the left
		// At x = 0 the curve climbs in one column from 0 to the top edge, and stops there.
		expect(rows.map((r) => [...r][jump]).join('')).toBe('●'.repeat(6) + ' '.repeat(6));
		expect(at.slice(jump + 1).every((r) => r === -1)).toBe(true);
	});
});

describe('FitView, 2-D: the prediction as a shaded map, the points on top', () => {
	const view = (extra: Partial<Parameters<typeof FitView>[0]> = {}) => (
		<FitView runs={runs} probes={[{fit: map((a) => a)}, {fit: map((_, b) => b)}]} data={mapData()} focus={null} showTest={false} width={80} height={15} {...extra} />
	);

	test('mono: glyphs grow denser with the prediction; + marks a high target, − a low one', () => {
		const lines = draw(view(), 'mono');
		expectFits(lines, 80, 15);
		expect(lines[0]).toContain('● rising  R² 0.85');
		// The first map (value = x1): empty on the left, solid on the right, on every row.
		const first = lines.slice(1, 14).map((l) => [...l].slice(2, 38).join('').trim()).filter((r) => r.length > 20);
		expect(first.length).toBeGreaterThan(10);
		for (const row of first) {
			expect(row.at(-1)).toBe('█');
			expect('░ '.includes(row[0]!)).toBe(true);
		}
		const text = lines.join('\n');
		expect(text).toContain('+');
		expect(text).toContain('−');
		// The second map (value = x2): solid at the top, empty at the bottom.
		const second = lines.slice(1, 14).map((l) => [...l].slice(41, 79).join('').trim()).filter((r) => r.length > 20);
		expect(second[0]).toMatch(/^█+$/);
		expect(second.at(-1)).toMatch(/^[ ░]*$/);
	});

	test('focus: the map large, the scale and the keys beside it', () => {
		for (const theme of ['color', 'mono', 'ascii'] as const) {
			const lines = draw(view({focus: 0}), theme);
			expectFits(lines, 80, 15);
			const text = lines.join('\n');
			expect(text).toContain('1.0');
			expect(text).toContain('-1.0');
			expect(text).toContain('t test points: off');
			expect(text).toContain('run 1/2');
			if (theme === 'mono') expect(text).toContain('[██] 1.0');
			if (theme === 'ascii') {
				expect(text).not.toMatch(BLOCKS);
				expect(text).toContain('[##] 1.0');
				expect(text).toContain('- lower half');
			}
		}
	});

	test('colour: half blocks, no shade glyphs', () => {
		const text = draw(view()).join('\n');
		expect(text).toContain('▀');
		expect(text).not.toMatch(/[░▒▓]/);
	});

	test('too many runs: as many maps as fit, the last tile says how many more and starts the keys that pick one (as the boundary’s does)', () => {
		// Mutation: dropping the "+N more" tile, or its key hint, fails this.
		const many = Array.from({length: 14}, (_, k) => regression(`run ${k}`, 0.5, 0.4));
		const lines = draw(view({runs: many, probes: many.map(() => ({fit: map((a) => a)}))}));
		expectFits(lines, 80, 15);
		expect(lines.join('\n')).toMatch(/\+\d+ more · \[/);
	});
});
