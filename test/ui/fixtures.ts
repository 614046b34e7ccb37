/** Fixed data for the UI tests: histories, run states, snapshots and a scenario. */
import type {LayerStats} from '../../src/core/types.js';
import type {HistoryPoint, RunState, Snapshot} from '../../src/runner/protocol.js';
import type {NetworkScenario} from '../../src/scenarios/types.js';

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
		layers: [],
		diverged: false,
		divergedAt: null,
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
		view: {x: 'step', loss: 'log'},
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
