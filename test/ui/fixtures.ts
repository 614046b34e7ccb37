/** Fixed data for the UI tests: histories, run states, snapshots and a scenario. */
import type {LayerStats} from '../../src/core/types.js';
import type {BoundaryGrid, FitData, HistoryPoint, ProbeData, RunProbe, RunState, Snapshot} from '../../src/runner/protocol.js';
import type {NetworkScenario, SurfaceScenario} from '../../src/scenarios/types.js';

/** A loss curve: `loss(step)` at steps 1 … n. */
export function history(n: number, loss: (step: number) => number, perEpoch = 10): HistoryPoint[] {
	return Array.from({length: n}, (_, k) => {
		const step = k + 1;
		return {step, epoch: step / perEpoch, samples: step * 32, seconds: step / 500, loss: loss(step), accuracy: 0.5, testLoss: Number.NaN, testAccuracy: Number.NaN};
	});
}

export function layer(gradNormW: number, stats: {saturated?: number | null; dead?: number | null} = {}): LayerStats {
	return {gradNormW, gradNormB: gradNormW / 10, updateRatio: 1e-3, saturated: stats.saturated ?? null, dead: stats.dead ?? null};
}

export function runState(label: string, points: readonly HistoryPoint[], extra: Partial<RunState> = {}): RunState {
	const last = points.at(-1);
	return {
		label,
		step: last?.step ?? 0,
		epoch: last?.epoch ?? 0,
		samples: last?.samples ?? 0,
		loss: last?.loss ?? Number.NaN,
		accuracy: last?.accuracy ?? Number.NaN,
		testLoss: Number.NaN,
		testAccuracy: Number.NaN,
		r2: Number.NaN,
		testR2: Number.NaN,
		layers: [],
		diverged: false,
		divergedAt: null,
		lr: 0.1,
		momentum: null,
		newSetPoints: [],
		newPoints: points,
		...extra,
	};
}

export function snapshot(runs: readonly RunState[], extra: Partial<Snapshot> = {}): Snapshot {
	return {type: 'snapshot', runs, paused: false, finished: false, stepsPerSecond: 1450, samplesPerSecond: 46400, speed: 'max', ...extra};
}

/** Ten sigmoid layers' worth of vanishing gradients: 1e-7 at layer 1 up to 1e-1 at layer 11. */
export function vanishingLayers(): LayerStats[] {
	return Array.from({length: 11}, (_, k) => layer(10 ** (-7 + (6 * k) / 10), {saturated: k < 10 ? 0.1 + k * 0.08 : null}));
}

export function healthyLayers(scale: number, dead = false): LayerStats[] {
	return Array.from({length: 11}, (_, k) => layer(scale * (1 + 0.3 * Math.sin(k)), k < 10 ? (dead ? {dead: 0.05 * k} : {saturated: 0.02}) : {}));
}

/** The three runs of the vanishing-gradients lesson after 1200 steps. */
export function threeRuns(): RunState[] {
	const sigmoid = history(1200, () => 0.693 + 0.002 * Math.sin(0.05));
	const tanh = history(1200, (s) => 0.693 * Math.exp(-s / 2000) + 0.02 * Math.sin(s / 7));
	const relu = history(1200, (s) => 0.05 + 0.65 * Math.exp(-s / 150));
	return [
		runState('sigmoid', sigmoid, {layers: vanishingLayers(), accuracy: 0.5, testAccuracy: 0.49}),
		runState('tanh', tanh, {layers: healthyLayers(2e-2), accuracy: 0.71}),
		runState('relu', relu, {layers: healthyLayers(1.2e-1, true), accuracy: 0.97, testAccuracy: 0.95}),
	];
}

const text = (en: string, ko = en) => ({en, ko});

export function scenario(overrides: Partial<NetworkScenario> = {}): NetworkScenario {
	return {
		kind: 'network',
		id: 'vanishing-gradients',
		file: '/nowhere/vanishing-gradients.yaml',
		title: text('Vanishing gradients', '기울기 소실'),
		summary: text('Ten hidden layers'),
		notes: [
			{at: 0, text: text("Watch layer 1's bar.", '1층 막대를 보세요.')},
			{
				at: 50,
				text: text(
					"sigmoid′ is at most 0.25, so each sigmoid layer cuts the gradient to a quarter or less. After ten layers that is 0.25¹⁰ ≈ 9.5 × 10⁻⁷ at best: compare sigmoid's layer-1 bar with its top bar.",
					'시그모이드의 도함수는 최대 0.25라서, 시그모이드 층을 하나 지날 때마다 기울기가 4분의 1 이하로 줄어요. 10개 층을 지나면 잘해야 0.25¹⁰ ≈ 9.5 × 10⁻⁷이에요. 시그모이드의 1층 막대와 맨 위 막대를 비교해 보세요.',
				),
			},
		],
		view: {show: 'loss', x: 'step', loss: 'log', along: 'weight'},
		speed: 'max',
		runs: [],
		...overrides,
	};
}

/** Removes ANSI escapes (colours) from a frame. */
export function stripAnsi(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\u001B\[[0-9;]*[A-Za-z]/g, '');
}

/** The frame's lines with escapes removed. */
export function frameLines(frame: string | undefined): string[] {
	return stripAnsi(frame ?? '').split('\n');
}

// ——— Teaching views: probes, plane data, surface races ———

/** A boundary grid over [−1, 1]²: class 1 inside the circle of radius 0.5, 0 outside. */
export function circleGrid(size = 16, radius = 0.5): BoundaryGrid {
	const cells = new Uint8Array(size * size);
	for (let r = 0; r < size; r++) {
		for (let c = 0; c < size; c++) {
			const x = -1 + ((c + 0.5) / size) * 2;
			const y = 1 - ((r + 0.5) / size) * 2;
			cells[r * size + c] = x * x + y * y < radius * radius ? 1 : 0;
		}
	}
	return {width: size, height: size, cells, bounds: {xMin: -1, xMax: 1, yMin: -1, yMax: 1}};
}

/** A grid a diverged network sends: no prediction anywhere. */
export function emptyGrid(size = 16): BoundaryGrid {
	return {...circleGrid(size), cells: new Uint8Array(size * size).fill(255)};
}

/** Points on two rings (class 0 outside, class 1 inside), and a few test points. */
export function planeData(): ProbeData {
	const ring = (n: number, radius: number, label: number, phase = 0) => {
		const xy: number[] = [];
		for (let k = 0; k < n; k++) xy.push(radius * Math.cos(phase + (2 * Math.PI * k) / n), radius * Math.sin(phase + (2 * Math.PI * k) / n));
		return {xy, labels: Array<number>(n).fill(label)};
	};
	const join = (...parts: {xy: number[]; labels: number[]}[]) => ({xy: Float32Array.from(parts.flatMap((p) => p.xy)), labels: Uint8Array.from(parts.flatMap((p) => p.labels))});
	return {
		kind: 'classes',
		bounds: {xMin: -1, xMax: 1, yMin: -1, yMax: 1},
		classes: 2,
		train: join(ring(40, 0.8, 0), ring(20, 0.25, 1)),
		test: join(ring(8, 0.8, 0, 0.2), ring(4, 0.3, 1, 0.3)),
	};
}

/** A 1-D regression's data: y = x on [-1, 1] at 21 training points and 5 test points, the window [-1, 1]². */
export function curveData(): FitData {
	const xs = Array.from({length: 21}, (_, k) => -1 + k / 10);
	const test = [-0.75, -0.25, 0.05, 0.45, 0.85];
	return {
		kind: 'fit',
		inputs: 1,
		bounds: {xMin: -1, xMax: 1, yMin: -1, yMax: 1},
		low: -1,
		high: 1,
		curve: 5,
		targetNames: ['y'],
		train: {x: Float32Array.from(xs), targets: Float32Array.from(xs)},
		test: {x: Float32Array.from(test), targets: Float32Array.from(test)},
	};
}

/** A 2-D regression's data: a point at (±0.5, ±0.5) per quadrant with target x1 (so + on the right, − on the left). */
export function mapData(): FitData {
	const xy = [-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5];
	return {
		kind: 'fit',
		inputs: 2,
		bounds: {xMin: -1, xMax: 1, yMin: -1, yMax: 1},
		low: -1,
		high: 1,
		curve: 0,
		targetNames: ['z'],
		train: {x: Float32Array.from(xy), targets: Float32Array.from([-0.5, 0.5, -0.5, 0.5])},
		test: {x: new Float32Array(0), targets: new Float32Array(0)},
	};
}

/** Per-layer histograms: layer l's mass around 10^(−9 + 0.7·l), a bin or two wide (vanishing at layer 1). */
export function vanishingHistograms(layers = 11): number[][] {
	return Array.from({length: layers}, (_, l) => {
		const counts = new Array<number>(28).fill(0);
		const centre = Math.round((-9 + 0.7 * l + 12) * 2);
		for (const [offset, n] of [[-1, 20], [0, 100], [1, 40]] as const) {
			const bin = centre + offset;
			if (bin >= 0 && bin < 28) counts[bin] = n;
		}
		return counts;
	});
}

/** Probes for the three runs of `threeRuns()`: circles for all, histograms for all. */
export function threeProbes(): RunProbe[] {
	return [
		{boundary: emptyGrid(), histograms: vanishingHistograms()},
		{boundary: circleGrid(16, 0.4), histograms: vanishingHistograms().map((c) => [...c].reverse())},
		{boundary: circleGrid(), histograms: vanishingHistograms().map((c, l) => (l === 3 ? c.map(() => 0) : c))},
	];
}

export function raceScenario(overrides: Partial<SurfaceScenario> = {}): SurfaceScenario {
	return {
		kind: 'surface',
		id: 'optimizer-race',
		file: '/nowhere/optimizer-race.yaml',
		title: text('Optimizer race: Rosenbrock', '옵티마이저 경주: 로젠브록 함수'),
		summary: text('Eight optimizers'),
		notes: [{at: 0, text: text('Follow the valley.', '골짜기를 따라가요.')}],
		view: {show: 'race', x: 'step', loss: 'log', along: 'weight'},
		speed: 'max',
		surface: 'rosenbrock',
		start: [-1.5, 2],
		seed: 0,
		runs: [],
		...overrides,
	};
}

/** A path on Rosenbrock from the start toward (1, 1): `n` points along a curve. */
function path(n: number, end: readonly [number, number], lossAt = (k: number) => 10 / (k + 1)): HistoryPoint[] {
	return Array.from({length: n}, (_, k) => {
		const t = n === 1 ? 1 : k / (n - 1);
		const x = -1.5 + (end[0] + 1.5) * t;
		const y = 2 + (end[1] - 2) * t * t;
		return {step: k + 1, epoch: 0, samples: 0, seconds: k / 100, loss: lossAt(k), accuracy: Number.NaN, testLoss: Number.NaN, testAccuracy: Number.NaN, x, y};
	});
}

/** Four racers: one reaches the minimum, one is on its way, one left the map at step 31, one diverged. */
export function raceRuns(): RunState[] {
	const home = path(60, [1, 1]);
	const half = path(40, [0, 0.2]);
	const away = [...path(30, [0.5, 0.5]), ...[5, 50].map((x, k) => ({...path(1, [x, x])[0]!, step: 31 + k}))];
	const lost = [...path(10, [-1, 1.5]), {...path(1, [0, 0])[0]!, step: 11, x: Number.NaN, y: Number.NaN, loss: Number.NaN}];
	const state = (label: string, points: HistoryPoint[], extra: Partial<RunState> = {}) => {
		const last = points.at(-1)!;
		return runState(label, points, {position: [last.x!, last.y!] as const, loss: last.loss, ...extra});
	};
	return [state('SGD', half), state('Adam', home), state('Adagrad', away), state('lr 5', lost, {diverged: true, divergedAt: 11})];
}
