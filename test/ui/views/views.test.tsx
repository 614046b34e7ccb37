import {renderToString} from 'ink';
import {render} from 'ink-testing-library';
import type {ReactNode} from 'react';
import {describe, expect, test, vi} from 'vitest';
import {ActivationExplorer} from '../../../src/ui/views/activations/ActivationExplorer.js';
import {ActivationExplorerScreen} from '../../../src/ui/screens/explorer/ExplorerScreen.js';
import {DecisionBoundary} from '../../../src/ui/views/boundary/DecisionBoundary.js';
import {dashboardReducer, initialDashboardState} from '../../../src/ui/dashboard/state.js';
import {displayWidth} from '../../../src/ui/kit/format.js';
import {GradientHistograms} from '../../../src/ui/views/histograms/GradientHistograms.js';
import {RaceLegend} from '../../../src/ui/dashboard/RaceLegend.js';
import {RaceMap} from '../../../src/ui/views/race/RaceMap.js';
import {ThemeContext, createTheme} from '../../../src/ui/kit/theme.js';
import {circleGrid, frameLines, history, planeData, raceRuns, raceScenario, runState, snapshot, stripAnsi, threeProbes, threeRuns} from '../fixtures.js';

const THEMES = {color: createTheme(), mono: createTheme({color: false}), ascii: createTheme({color: false, ascii: true})} as const;
type ThemeName = keyof typeof THEMES;

/** The frame's lines, drawn at `columns` wide with a theme. */
function draw(node: ReactNode, theme: ThemeName = 'color', columns = 100): string[] {
	const frame = renderToString(<ThemeContext.Provider value={THEMES[theme]}>{node}</ThemeContext.Provider>, {columns});
	return frameLines(frame);
}

function expectFits(lines: readonly string[], columns: number, rows: number) {
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
}

const BLOCKS = /[▀▄█░▒▓▁▂▃▄▅▆▇●▲■◆○△□◇◎─│┌┐└┘⠀-⣿]/;

describe('DecisionBoundary', () => {
	const runs = threeRuns();
	const boundary = (extra: Partial<Parameters<typeof DecisionBoundary>[0]> = {}) => (
		<DecisionBoundary runs={runs} probes={threeProbes()} data={planeData()} focus={null} showTest={false} width={80} height={15} language="en" {...extra} />
	);

	test('before the first probe: a waiting panel', () => {
		const lines = draw(boundary({probes: null, data: null}));
		expectFits(lines, 80, 15);
		expect(lines.join('\n')).toContain('waiting for the first look inside');
		// Histograms only (the view was just switched to): still waiting for grids.
		expect(draw(boundary({probes: [{histograms: []}], data: null})).join('\n')).toContain('waiting');
	});

	test.each(['color', 'mono', 'ascii'] as const)('three runs side by side fit 80×15 (%s)', (theme) => {
		const lines = draw(boundary(), theme);
		expectFits(lines, 80, 15);
		const text = lines.join('\n');
		expect(text).toContain('tanh');
		expect(text).toContain('relu 95%'); // the test accuracy when there is one
		if (theme === 'mono') expect(text).toMatch(/░/); // class 1 shaded
		if (theme === 'mono') expect(text).toMatch(/●.*|▲/); // points by class glyph
		if (theme === 'ascii') {
			expect(text).not.toMatch(BLOCKS);
			expect(text).toMatch(/\./);
			expect(text).toMatch(/[ox]/);
		}
	});

	test('colour: the plane in half blocks, no shade glyphs', () => {
		const text = draw(boundary()).join('\n');
		expect(text).toContain('▀');
		expect(text).not.toMatch(/[░▒▓]/);
	});

	test('a run that predicts nothing (diverged) is marked and drawn blank', () => {
		const diverged = runs.map((r, k) => (k === 0 ? {...r, diverged: true, divergedAt: 40} : r));
		const lines = draw(boundary({runs: diverged}), 'mono');
		expect(lines[0]).toContain('✗ sigmoid diverged');
		// Its panel (the first 26 columns) has points but no shaded class.
		const panel = lines.slice(1, 14).map((l) => [...l].slice(1, 25).join(''));
		expect(panel.join('')).not.toContain('░');
	});

	test('one run large with its key; test points toggled', () => {
		for (const theme of ['color', 'mono', 'ascii'] as const) {
			const off = draw(boundary({focus: 2}), theme);
			expectFits(off, 80, 15);
			const text = off.join('\n');
			expect(text).toContain('classes');
			expect(text).toContain('t test points: off');
			expect(text).toContain('run 3/3');
			const on = draw(boundary({focus: 2, showTest: true}), theme).join('\n');
			expect(on).toContain('t test points: on');
			if (theme === 'mono') expect(on.split('○').length).toBeGreaterThan(text.split('○').length);
		}
	});

	test('too many runs: as many as fit and "+N more"', () => {
		const many = Array.from({length: 14}, (_, k) => runState(`run ${k}`, history(5, () => 1)));
		const probes = many.map(() => ({boundary: circleGrid()}));
		const lines = draw(boundary({runs: many, probes}));
		expectFits(lines, 80, 15);
		expect(lines.join('\n')).toMatch(/\+\d+ more/);
	});

	test('large terminals and Korean fit', () => {
		for (const focus of [null, 1]) {
			const lines = draw(boundary({width: 160, height: 40, focus, language: 'ko'}), 'color', 160);
			expectFits(lines, 160, 40);
			expect(lines.join('\n')).toContain('클래스'.slice(0, focus === null ? 0 : 3));
		}
	});
});

describe('GradientHistograms', () => {
	const hist = (extra: Partial<Parameters<typeof GradientHistograms>[0]> = {}) => (
		<GradientHistograms runs={threeRuns()} probes={threeProbes()} focus={null} width={78} height={13} language="en" {...extra} />
	);

	test('before the first probe', () => {
		expect(draw(hist({probes: null})).join('\n')).toContain('waiting');
	});

	test.each(['color', 'mono', 'ascii'] as const)('as many runs as fit, an axis by decade (%s)', (theme) => {
		const lines = draw(hist(), theme);
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		expect(text).toContain('sigmoid');
		expect(text).toContain('L11');
		expect(text).toMatch(/1e-12 +1e-9/);
		expect(text).toContain('+1 more');
		if (theme === 'ascii') expect(text).not.toMatch(BLOCKS);
		else expect(text).toContain('█');
	});

	test('the focused run alone, with medians; a layer without finite gradients says so', () => {
		const lines = draw(hist({focus: 2}));
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		expect(text).toContain('relu');
		expect(text).toContain('med ');
		expect(text).toContain('no finite gradients');
		expect(text).not.toContain('sigmoid');
	});

	test('mass at tiny magnitudes sits at the left: layer 1 of the vanishing run', () => {
		const lines = draw(hist({focus: 0}));
		const l1 = lines.find((l) => l.startsWith('L1 '))!;
		const l11 = lines.find((l) => l.startsWith('L11'))!;
		expect(l1.indexOf('█')).toBeLessThan(l11.indexOf('█'));
	});

	test('a diverged run and more layers than rows', () => {
		const runs = threeRuns().map((r, k) => (k === 0 ? {...r, diverged: true, divergedAt: 12} : r));
		const lines = draw(hist({runs, focus: 0, height: 8}));
		expectFits(lines, 78, 8);
		const text = lines.join('\n');
		expect(text).toContain('✗ sigmoid');
		expect(text).toContain('diverged at step 12');
		expect(text).toMatch(/\+\d+ more layers/);
	});
});

describe('ActivationExplorer', () => {
	test.each(['color', 'mono', 'ascii'] as const)('all eight activations with max f′ and the depth factor fit 78×13 (%s)', (theme) => {
		const lines = draw(<ActivationExplorer width={78} height={13} depth={10} language="en" />, theme);
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		for (const name of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'softplus', 'linear']) expect(text).toContain(name);
		if (theme === 'ascii') {
			expect(text).toContain("f'<=0.25");
			expect(text).toContain('0.25^10 = 9.5e-07');
			expect(text).not.toMatch(/[⠀-⣿◆′]/);
		} else {
			expect(text).toContain('f′≤0.25');
			expect(text).toContain('0.25¹⁰ ≈ 9.5e-07');
			expect(text).toContain('1.13¹⁰ ≈ 3.36');
			expect(text).toMatch(/[⠀-⣿]/);
			expect(text).toContain('◆');
		}
	});

	test('another depth, Korean, a large area', () => {
		const lines = draw(<ActivationExplorer width={158} height={40} depth={3} language="ko" highlight={['relu']} />, 'color', 160);
		expectFits(lines, 158, 40);
		expect(lines.join('\n')).toContain('0.25³ ≈ 0.0156');
	});

	test('the standalone screen fits 80×24 and answers q, b, Esc, + and −', async () => {
		const onBack = vi.fn();
		const onQuit = vi.fn();
		const {lastFrame, stdin} = render(<ActivationExplorerScreen language="en" size={{columns: 80, rows: 24}} depth={10} onBack={onBack} onQuit={onQuit} />);
		const lines = frameLines(lastFrame());
		expectFits(lines, 80, 23);
		expect(lines[0]).toContain('Activation explorer');
		expect(lines[0]).toContain('d = 10');
		const press = async (key: string) => {
			stdin.write(key);
			await new Promise((r) => setTimeout(r, 20));
		};
		await press('+');
		expect(stripAnsi(lastFrame() ?? '')).toContain('d = 11');
		await press('-');
		await press('-');
		expect(stripAnsi(lastFrame() ?? '')).toContain('0.25⁹ ≈ 3.8e-06');
		await press('b');
		expect(onBack).toHaveBeenCalledTimes(1);
		await press('\u001B');
		await new Promise((r) => setTimeout(r, 50));
		expect(onBack).toHaveBeenCalledTimes(2);
		await press('q');
		expect(onQuit).toHaveBeenCalledTimes(1);
	});

	test('the standalone screen says when the terminal is too small', () => {
		const {lastFrame} = render(<ActivationExplorerScreen language="ko" size={{columns: 60, rows: 20}} onBack={() => {}} onQuit={() => {}} />);
		expect(stripAnsi(lastFrame() ?? '')).toContain('터미널이 너무 작아요');
	});
});

describe('RaceMap and RaceLegend', () => {
	const sc = raceScenario();
	const views = (runs = raceRuns()) => dashboardReducer(initialDashboardState(sc), snapshot(runs)).runs;

	test.each(['color', 'mono', 'ascii'] as const)('paths, positions, the minimum and the window fit 78×13 (%s)', (theme) => {
		const lines = draw(<RaceMap runs={views()} surface="rosenbrock" width={78} height={13} language="en" />, theme);
		expectFits(lines, 78, 13);
		const text = lines.join('\n');
		const g = THEMES[theme].glyphs;
		expect(lines.at(-1)).toContain(`minimum (1, 1) ${g.separator} 2${theme === 'ascii' ? '-' : '–'}9 runs in a cell ${g.separator} x -2`);
		expect(text).toContain(g.markers[0]!); // SGD's path
		expect(text).toContain(g.markers[1]!); // Adam's
		expect(text).toMatch(theme === 'ascii' ? /[\^>]/ : /[↑→]/); // Adagrad left up and to the right
		if (theme === 'ascii') expect(text).not.toMatch(BLOCKS);
		if (theme !== 'color') expect(text).toContain(theme === 'ascii' ? '.' : '·'); // contour lines
	});

	test('shared cells show how many paths cross them', () => {
		// Every racer starts at (−1.5, 2): that cell is shared by all four.
		const text = draw(<RaceMap runs={views()} surface="rosenbrock" width={78} height={13} language="en" />, 'mono').join('\n');
		expect(text).toMatch(/[2-4]/);
	});

	test('no history yet, or only a diverged run: the surface alone', () => {
		for (const runs of [[] as ReturnType<typeof raceRuns>, [raceRuns()[3]!]]) {
			const lines = draw(<RaceMap runs={views(runs)} surface="saddle" width={78} height={13} language="ko" />, 'mono');
			expectFits(lines, 78, 13);
			expect(lines.at(-1)).toContain('최솟값 (0, 1.41) (0, -1.41)');
		}
	});

	test('the legend: loss, where a run left the map, divergence', () => {
		const lines = draw(<RaceLegend runs={views()} surface="rosenbrock" width={79} maxLines={3} language="en" />);
		expectFits(lines, 79, 3);
		const text = lines.join('\n');
		expect(text).toMatch(/● SGD {2}loss \d/);
		expect(text).toContain('Adagrad  loss');
		expect(text).toContain('off the map since step 31');
		expect(text).toContain('diverged at step 11');
		expect(text).not.toMatch(/SGD[^▲]*off the map/);
	});
});
