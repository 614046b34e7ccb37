/** The app's own words around the lessons (picker, notices), in English and Korean. */
import type {Language} from '../scenarios/types.js';

const PICKER = {
	en: {
		heading: 'gradlab · pick a lesson',
		hint: '↑/↓ choose · enter open · q quit',
		tour: 'Guided tour: the whole story, chapter by chapter',
		tourSummary: 'From backpropagation to Adam: each chapter opens with a short card, then trains live. n / p move between chapters.',
		explorer: 'Activation explorer: f, f′ and (max f′)^depth',
		explorerSummary: 'Every activation function and its derivative on [-6, 6], without training: why ten sigmoid layers starve the first one.',
		skipped: 'skipped',
	},
	ko: {
		heading: 'gradlab · 수업을 고르세요',
		hint: '↑/↓ 선택 · enter 열기 · q 종료',
		tour: '가이드 투어: 처음부터 끝까지, 장별로',
		tourSummary: '역전파부터 Adam까지. 각 장은 짧은 소개 카드로 시작해 바로 학습을 보여 줍니다. n / p 로 장을 옮깁니다.',
		explorer: '활성화 함수 탐색기: f, f′, (max f′)^깊이',
		explorerSummary: '학습 없이 모든 활성화 함수와 도함수를 [-6, 6]에서 봅니다. 시그모이드 10층이 첫 층의 기울기를 굶기는 이유.',
		skipped: '건너뜀',
	},
} as const satisfies Record<Language, Record<string, string>>;

export type PickerWords = (typeof PICKER)[Language];

export function pickerWords(language: Language): PickerWords {
	return PICKER[language];
}
