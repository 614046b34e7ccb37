/** The teaching views' own words in English and Korean. */
import type {Language, Text as Words} from '../scenarios/types.js';
import {asciiText} from './ascii.js';

export const VIEW_WORDS = {
	boundary: {en: 'decision boundary', ko: '결정 경계'},
	histograms: {en: 'gradient histograms', ko: '기울기 히스토그램'},
	activations: {en: 'activations', ko: '활성화 함수'},
	race: {en: 'optimizer race', ko: '옵티마이저 경주'},
	classes: {en: 'classes', ko: '클래스'},
	train: {en: 'train', ko: '학습'},
	test: {en: 'test', ko: '테스트'},
	testPoints: {en: 'test points', ko: '테스트 점'},
	on: {en: 'on', ko: '켬'},
	off: {en: 'off', ko: '끔'},
	allRuns: {en: 'all runs', ko: '모든 실행'},
	pickRun: {en: 'run', ko: '실행'},
	waitingProbe: {en: 'waiting for the first look inside…', ko: '신경망 안을 처음 들여다보는 중…'},
	noBoundary: {en: 'the boundary needs 2-D data', ko: '결정 경계는 2차원 데이터에서만 그려요'},
	noPrediction: {en: 'no prediction', ko: '예측 없음'},
	diverged: {en: 'diverged', ko: '발산'},
	layer: {en: 'L', ko: 'L'},
	median: {en: 'med', ko: '중앙'},
	noGradients: {en: 'no finite gradients', ko: '유한한 기울기 없음'},
	magnitude: {en: '|∂L/∂W|', ko: '|∂L/∂W|'},
	depth: {en: 'depth', ko: '깊이'},
	fAndDerivative: {en: 'f and f′ on [−6, 6]', ko: 'f와 f′, 구간 [−6, 6]'},
	maxDerivative: {en: 'max f′', ko: 'f′ 최대'},
	layersFactor: {en: 'after d layers: (max f′)^d', ko: 'd개 층 뒤: (f′ 최대)^d'},
	minimum: {en: 'minimum', ko: '최솟값'},
	offMap: {en: 'off the map since step', ko: '지도 밖, 스텝'},
	window: {en: 'window', ko: '범위'},
	explorerTitle: {en: 'Activation explorer', ko: '활성화 함수 탐색기'},
	explorerNote: {
		en: 'Backpropagation multiplies by f′ once per layer. sigmoid′ never exceeds 0.25, so after d layers the gradient is at most 0.25^d of what it was: that is the vanishing gradient.',
		ko: '오차 역전파는 층마다 f′를 한 번씩 곱해요. 시그모이드의 도함수는 0.25를 넘지 않아서, d개 층을 지나면 기울기가 많아야 0.25^d배가 돼요. 이것이 기울기 소실이에요.',
	},
	depthKeys: {en: 'depth', ko: '깊이'},
	back: {en: 'back', ko: '뒤로'},
	quit: {en: 'quit', ko: '종료'},
} as const satisfies Record<string, Words>;

export type ViewWordKey = keyof typeof VIEW_WORDS;

/** A view word in a language. */
export function viewWord(key: ViewWordKey, language: Language): string {
	return VIEW_WORDS[key][language];
}

/** A view word, its typography spelled in ASCII when `ascii` (f′ → f', ≈ → ~). */
export function viewText(key: ViewWordKey, language: Language, ascii: boolean): string {
	const text = viewWord(key, language);
	return ascii ? asciiText(text) : text;
}
