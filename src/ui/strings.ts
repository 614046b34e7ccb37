/** The dashboard's own words in English and Korean (lesson text comes from the scenario). */
import type {Language, Text as Words, XAxis} from '../scenarios/types.js';

export const WORDS = {
	loss: {en: 'loss', ko: '손실'},
	log: {en: 'log', ko: '로그'},
	linear: {en: 'linear', ko: '선형'},
	accuracy: {en: 'acc', ko: '정확도'},
	test: {en: 'test', ko: '테스트'},
	step: {en: 'step', ko: '스텝'},
	epoch: {en: 'epoch', ko: '에포크'},
	stepsPerSecond: {en: 'steps/s', ko: '스텝/초'},
	speed: {en: 'speed', ko: '속도'},
	max: {en: 'max', ko: '최대'},
	paused: {en: 'paused', ko: '일시정지'},
	finished: {en: 'finished', ko: '완료'},
	divergedAt: {en: 'diverged at step', ko: '발산: 스텝'},
	gradients: {en: 'per layer', ko: '층별'},
	logScale: {en: 'log scale', ko: '로그 눈금'},
	saturated: {en: 'sat', ko: '포화'},
	dead: {en: 'dead', ko: '죽음'},
	waiting: {en: 'waiting for the first steps…', ko: '첫 스텝을 기다리는 중…'},
	noLayers: {en: 'these runs have no layers', ko: '이 실행에는 층이 없어요'},
	keys: {en: 'keys', ko: '키'},
	error: {en: 'error', ko: '오류'},
	tooSmall: {en: 'terminal too small', ko: '터미널이 너무 작아요'},
	need: {en: 'need', ko: '필요'},
	have: {en: 'have', ko: '현재'},
} as const satisfies Record<string, Words>;

export type WordKey = keyof typeof WORDS;

/** A dashboard word in a language. */
export function word(key: WordKey, language: Language): string {
	return WORDS[key][language];
}

const X_AXIS_WORDS: Readonly<Record<XAxis, Words>> = {
	step: {en: 'step', ko: '스텝'},
	epoch: {en: 'epoch', ko: '에포크'},
	samples: {en: 'samples', ko: '샘플 수'},
	seconds: {en: 'seconds', ko: '초'},
};

/** The name of an x axis unit. */
export function xAxisWord(axis: XAxis, language: Language): string {
	return X_AXIS_WORDS[axis][language];
}

/** "+2 more" (runs that did not fit) or "+1 more layer". */
export function moreText(count: number, what: 'runs' | 'layers', language: Language): string {
	if (language === 'ko') return what === 'runs' ? `+${count}개 더` : `+${count}개 층 더`;
	return what === 'runs' ? `+${count} more` : `+${count} more layer${count === 1 ? '' : 's'}`;
}
