/** gradlab's own words in English and Korean (lesson text comes from the scenario). */
import type {Language, Text as Words, XAxis} from '../../scenarios/types.js';
import {OVERFLOW} from '../../records/numbers.js';
import {asciiText} from './ascii.js';

export const WORDS = {
	loss: {en: 'loss', ko: '손실'},
	raw: {en: 'raw', ko: '원래 값'},
	overflow: OVERFLOW,
	log: {en: 'log', ko: '로그'},
	linear: {en: 'linear', ko: '선형'},
	accuracy: {en: 'acc', ko: '정확도'},
	r2: {en: 'R²', ko: 'R²'},
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
	allDiverged: {en: 'every run diverged before its loss could be drawn', ko: '모든 실행이 손실을 그리기 전에 발산했어요'},
	noLayers: {en: 'these runs have no layers', ko: '이 실행에는 층이 없어요'},
	keys: {en: 'keys', ko: '키'},
	error: {en: 'error', ko: '오류'},
	tooSmall: {en: 'terminal too small', ko: '터미널이 너무 작아요'},
	need: {en: 'need', ko: '필요'},
	have: {en: 'have', ko: '현재'},
	tour: {en: 'Guided tour', ko: '가이드 투어'},
	lessonIntro: {en: 'before we start', ko: '시작하기 전에'},
	trainingStopped: {en: 'training stopped', ko: '학습이 멈췄어요'},
	replay: {en: 'replay', ko: '다시 보기'},
	// The teaching views.
	boundary: {en: 'decision boundary', ko: '결정 경계'},
	fit: {en: 'fit', ko: '적합'},
	prediction: {en: 'prediction', ko: '예측'},
	aboveMiddle: {en: 'target in the upper half', ko: '목표값이 위쪽 절반'},
	belowMiddle: {en: 'lower half', ko: '아래쪽 절반'},
	histograms: {en: 'gradient histograms', ko: '기울기 히스토그램'},
	activations: {en: 'activations', ko: '활성화 함수'},
	race: {en: 'optimizer race', ko: '옵티마이저 경주'},
	images: {en: 'test images', ko: '테스트 이미지'},
	trainImages: {en: 'training images', ko: '학습 이미지'},
	eachRunGuess: {en: "each run's guess", ko: '실행별 예측'},
	confusion: {en: 'confusion: row true, column predicted', ko: '혼동 행렬: 행 정답, 열 예측'},
	classes: {en: 'classes', ko: '클래스'},
	train: {en: 'train', ko: '학습'},
	testPoints: {en: 'test points', ko: '테스트 점'},
	on: {en: 'on', ko: '켬'},
	off: {en: 'off', ko: '끔'},
	allRuns: {en: 'all runs', ko: '모든 실행'},
	pickRun: {en: 'run', ko: '실행'},
	waitingProbe: {en: 'waiting for the first look inside…', ko: '신경망 안을 처음 들여다보는 중…'},
	diverged: {en: 'diverged', ko: '발산'},
	layer: {en: 'L', ko: 'L'},
	median: {en: 'med', ko: '중앙'},
	noGradients: {en: 'no finite gradients', ko: '유한한 기울기 없음'},
	magnitude: {en: '|∂L/∂W|', ko: '|∂L/∂W|'},
	fAndDerivative: {en: 'f and f′ on [−6, 6]', ko: 'f와 f′, 구간 [−6, 6]'},
	maxDerivative: {en: 'max f′', ko: 'f′ 최대'},
	layersFactor: {en: 'after d layers: (max f′)^d', ko: 'd개 층 뒤: (f′ 최대)^d'},
	minimum: {en: 'minimum', ko: '최솟값'},
	minima: {en: 'minima', ko: '최솟값'},
	fMinusMin: {en: 'f − min', ko: 'f − 최솟값'},
	perBand: {en: '×10 a band', ko: '칸마다 ×10'},
	contours: {en: 'contours at', ko: '등고선:'},
	offMap: {en: 'off the map since step', ko: '지도 밖, 스텝'},
	explorerTitle: {en: 'Activation explorer', ko: '활성화 함수 탐색기'},
	explorerNote: {
		en: 'Backpropagation multiplies by f′ once per layer. sigmoid′ never exceeds 0.25, so after d layers the gradient is at most 0.25^d of what it was: that is the vanishing gradient.',
		ko: '오차 역전파는 층마다 f′를 한 번씩 곱해요. 시그모이드의 도함수는 0.25를 넘지 않아서, d개 층을 지나면 기울기가 많아야 0.25^d배가 돼요. 이것이 기울기 소실이에요.',
	},
	// The picker.
	pickerHeading: {en: 'gradlab · pick a lesson', ko: 'gradlab · 수업을 고르세요'},
	tourEntry: {en: 'Guided tour: the whole story, chapter by chapter', ko: '가이드 투어: 처음부터 끝까지, 장별로'},
	tourSummary: {
		en: 'From backpropagation to Adam: each chapter opens with a short card, then trains live. n/p move between chapters.',
		ko: '역전파부터 아담(Adam)까지. 각 장은 짧은 소개 카드로 시작해 바로 학습을 보여 줘요. n/p로 장을 옮겨요.',
	},
	explorerEntry: {en: 'Activation explorer: f, f′ and (max f′)^depth', ko: '활성화 함수 탐색기: f, f′, (max f′)^깊이'},
	explorerSummary: {
		en: 'Every activation function and its derivative on [-6, 6], without training: why ten sigmoid layers starve the first one.',
		ko: '학습 없이 모든 활성화 함수와 도함수를 [-6, 6]에서 봐요. 시그모이드 10층이 첫 층의 기울기를 굶기는 이유예요.',
	},
	skipped: {en: 'skipped', ko: '건너뜀'},
	newEntry: {en: 'New experiment: change any setting, add runs, save it', ko: '새 실험: 설정을 바꾸고, 실행을 더하고, 저장하기'},
	newSummary: {
		en: 'Start from a small default or from any lesson, change what you like in the editor, then train it. w saves it as a scenario file.',
		ko: '작은 기본 실험이나 아무 수업에서 시작해 편집기에서 원하는 것을 바꾸고 학습해 보세요. w로 시나리오 파일에 저장해요.',
	},
	templatesHeading: {en: 'gradlab · new experiment · start from', ko: 'gradlab · 새 실험 · 무엇에서 시작할까요'},
	blankEntry: {en: 'A small default: spiral, two learning rates', ko: '작은 기본 실험: 나선 데이터, 학습률 두 개'},
	blankSummary: {en: 'Two runs of one small ReLU network on the spiral, SGD at lr 0.1 and 0.01.', ko: '나선 데이터에서 작은 ReLU 신경망 하나를 SGD 학습률 0.1과 0.01로 두 번 학습해요.'},
	newTitle: {en: 'New experiment', ko: '새 실험'},
	// The experiment editor.
	edit: {en: 'edit', ko: '편집'},
	runs: {en: 'runs', ko: '실행'},
	settings: {en: 'settings', ko: '설정'},
	torchDefault: {en: 'torch default', ko: 'torch 기본값'},
	none: {en: 'none', ko: '없음'},
	sameAsOthers: {en: 'same settings as another run', ko: '다른 실행과 설정이 같아요'},
	fieldLabel: {en: 'name', ko: '이름'},
	fieldSurface: {en: 'surface', ko: '곡면'},
	fieldOptimizer: {en: 'optimizer', ko: '옵티마이저'},
	fieldLr: {en: 'learning rate lr', ko: '학습률 lr'},
	fieldBatch: {en: 'batch size', ko: '배치 크기'},
	fieldActivation: {en: 'activation', ko: '활성화 함수'},
	fieldInit: {en: 'weight init', ko: '가중치 초기화'},
	fieldDepth: {en: 'hidden layers', ko: '은닉층 수'},
	fieldWidths: {en: 'units per layer', ko: '층별 뉴런 수'},
	fieldWeights: {en: 'start weights', ko: '시작 가중치'},
	fieldLoss: {en: 'loss', ko: '손실 함수'},
	fieldDataset: {en: 'data set', ko: '데이터'},
	fieldSamples: {en: 'samples', ko: '샘플 수'},
	fieldNoise: {en: 'noise', ko: '노이즈'},
	fieldClasses: {en: 'classes', ko: '클래스 수'},
	fieldTest: {en: 'test share', ko: '테스트 비율'},
	fieldSteps: {en: 'steps', ko: '스텝 수'},
	fieldSeed: {en: 'seed', ko: '시드'},
	fieldStandardize: {en: 'standardize inputs', ko: '입력 표준화'},
	fieldShuffle: {en: 'shuffle', ko: '섞기'},
	fieldSchedule: {en: 'lr schedule', ko: '학습률 스케줄'},
	hintLr: {en: '←/→ ×10^¼ (four steps: ×10) · enter types a value', ko: '←/→ ×10^¼ (네 번이면 ×10) · enter로 값 입력'},
	hintNumber: {en: '←/→ change · enter types a value · c sets the default', ko: '←/→ 바꾸기 · enter로 값 입력 · c는 기본값'},
	hintChoice: {en: '←/→ cycle through the names · enter types one', ko: '←/→ 이름 바꾸기 · enter로 직접 입력'},
	hintLabel: {en: 'enter (or n) renames the run', ko: 'enter(또는 n)로 실행 이름 바꾸기'},
	hintSchedule: {en: 'enter types a list like [cosine, {at: 500, lr: 0.01}] · c clears it', ko: 'enter로 [cosine, {at: 500, lr: 0.01}] 같은 목록 입력 · c로 지우기'},
	hintTyping: {en: 'type it as a file would: 0.01, [16, 16], he-normal; empty: the default', ko: '파일에 쓰듯 입력: 0.01, [16, 16], he-normal; 비우면 기본값'},
	typeOnly: {en: 'this one is typed: press enter', ko: '이 값은 직접 입력해요: enter를 누르세요'},
	maxRuns: {en: 'at most 8 runs in one experiment', ko: '한 실험에는 실행이 8개까지예요'},
	lastRun: {en: 'an experiment needs at least one run', ko: '실험에는 실행이 하나 이상 있어야 해요'},
	lr: {en: 'lr', ko: 'lr'},
	momentum: {en: 'momentum', ko: '모멘텀'},
	finishedRun: {en: 'has finished: restart (r) or edit (c) to change it', ko: '학습이 끝났어요: 바꾸려면 다시 시작(r)하거나 편집(c)하세요'},
	noMomentum: {en: 'has no momentum to change', ko: '바꿀 모멘텀이 없어요'},
	// The backprop inspector and the slope view.
	inspector: {en: 'backprop inspector', ko: '역전파 들여다보기'},
	slope: {en: 'slope', ko: '기울기'},
	forward: {en: 'forward', ko: '순전파'},
	backward: {en: 'backward', ko: '역전파'},
	update: {en: 'update', ko: '업데이트'},
	live: {en: 'live', ko: '실시간'},
	phaseHint: {en: 'press .', ko: '. 을 누르세요'},
	miniBatch: {en: 'mini-batch', ko: '미니배치'},
	oneExample: {en: 'this example alone', ko: '이 예제 하나만'},
	example: {en: 'example', ko: '예제'},
	row: {en: 'row', ko: '행'},
	inputUnit: {en: 'input', ko: '입력'},
	outputUnit: {en: 'output', ko: '출력'},
	exampleInput: {en: 'the input of example', ko: '입력, 예제'},
	inputIsData: {en: 'inputs are data: the backward pass stops at L1', ko: '입력은 데이터예요. 역전파는 L1에서 멈춰요'},
	notReached: {en: 'the forward pass has not reached this layer yet', ko: '순전파가 아직 이 층에 오지 않았어요'},
	backwardLater: {en: 'the backward pass reaches this layer later', ko: '역전파는 이 층에 나중에 와요'},
	carries: {en: 'w·a({x}) goes into z({z}), with a({x}) = {a}', ko: 'w·a({x})가 z({z})로 들어가요. a({x}) = {a}'},
	overRows: {en: 'over {rows} rows', ko: '{rows}개 예제에 대해'},
	thisRow: {en: 'this example', ko: '이 예제'},
	linearOutput: {en: 'the output layer is linear', ko: '출력층은 선형'},
	meanOver: {en: 'mean of ℓ over {rows} rows', ko: '{rows}개 예제의 ℓ 평균'},
	label: {en: 'label', ko: '정답'},
	tooLarge: {en: 'too large to draw', ko: '그리기에는 너무 커요'},
	tooLargeNote: {
		en: 'The inspector draws networks of up to {layers} layers of up to {units} units, every unit and edge with its numbers. The slope view (Tab) works for any network; the gradient bars and histograms show this one layer by layer.',
		ko: '들여다보기는 최대 {layers}개 층, 층마다 최대 {units}개 뉴런인 신경망을 뉴런과 연결 하나하나까지 숫자와 함께 그려요. 기울기(slope) 화면(Tab)은 어떤 신경망이든 보여 주고, 기울기 막대와 히스토그램은 이 신경망을 층별로 보여 줘요.',
	},
	tooLargeRuns: {en: 'runs the inspector can draw: [ ] picks one', ko: '그릴 수 있는 실행: [ ] 로 고르세요'},
	alongSteepest: {en: 'loss along the steepest weight', ko: '가장 가파른 가중치를 따라 본 손실'},
	alongChosen: {en: 'loss along one weight (↑↓ picks)', ko: '고른 가중치를 따라 본 손실 (↑↓)'},
	alongGradient: {en: 'loss along −∇L, the steepest descent', ko: '−∇L (가장 가파른 내리막)을 따라 본 손실'},
	alongRandom: {en: 'loss along a random direction', ko: '무작위 방향을 따라 본 손실'},
} as const satisfies Record<string, Words>;

export type WordKey = keyof typeof WORDS;

/** A word in a language. */
export function word(key: WordKey, language: Language): string {
	return WORDS[key][language];
}

/** A word, its typography spelled in ASCII when `ascii` (f′ → f', ≈ → ~). */
export function asciiWord(key: WordKey, language: Language, ascii: boolean): string {
	const text = word(key, language);
	return ascii ? asciiText(text) : text;
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

/** Whole sentences the app shows outside the panels, each a single line. */
export const MESSAGES = {
	firstChapter: {en: 'This is the first chapter.', ko: '첫 번째 장이에요.'},
	lastChapter: {en: 'This is the last chapter: q quits, p goes back.', ko: '마지막 장이에요. q로 끝내고, p로 이전 장에 가요.'},
} as const satisfies Record<string, Words>;

export type MessageKey = keyof typeof MESSAGES;

/** A sentence in a language. */
export function message(key: MessageKey, language: Language): string {
	return MESSAGES[key][language];
}

/** Which of the dashboard's streams is not a terminal. */
export type NotATty = 'stdin' | 'stdout' | 'both';

/**
 * Why the dashboard will not start, for stderr before it does: two lines, newline-terminated,
 * naming the stream that is not a terminal (`gradlab < file` and `gradlab | less` differ).
 */
export function notATtyText(which: NotATty, language: Language): string {
	if (language === 'ko') {
		const what = which === 'both' ? 'stdin과 stdout이' : `${which}이`;
		return `gradlab: 대시보드는 대화형 터미널에서만 열 수 있어요 (${what} TTY가 아니에요).\n스크립트나 로그에는 이렇게 쓰세요: gradlab run <수업> --headless [--format jsonl]\n`;
	}
	const what = which === 'both' ? 'stdin and stdout are' : `${which} is`;
	return `gradlab: the dashboard needs an interactive terminal (${what} not a TTY).\nFor scripts and logs use: gradlab run <lesson> --headless [--format jsonl]\n`;
}

/** `chapter 3 of 9` / `9장 중 3장` (`index` counts from 0). */
export function chapterText(index: number, count: number, language: Language): string {
	return language === 'ko' ? `${count}장 중 ${index + 1}장` : `chapter ${index + 1} of ${count}`;
}

/** `↑ 2 more above · ↓ 5 more below`: a scrolled list's hidden entries (a side with none is left out). */
export function scrollText(above: number, below: number, separator: string, language: Language): string {
	const parts = [
		above > 0 ? (language === 'ko' ? `↑ 위에 ${above}개 더` : `↑ ${above} more above`) : '',
		below > 0 ? (language === 'ko' ? `↓ 아래에 ${below}개 더` : `↓ ${below} more below`) : '',
	];
	return parts.filter((p) => p !== '').join(` ${separator} `);
}

/** `terminal too small (need 80×24, have 60×20)`. */
export function tooSmallText(columns: number, rows: number, need: {readonly columns: number; readonly rows: number}, language: Language): string {
	return `${word('tooSmall', language)} (${word('need', language)} ${need.columns}×${need.rows}, ${word('have', language)} ${columns}×${rows})`;
}

/** The worker's error as the caption line shows it: `error: training stopped (…)`. */
export function errorText(detail: string, language: Language): string {
	return `${word('error', language)}: ${word('trainingStopped', language)} (${detail})`;
}

/** Where an export went: `saved a.csv and a.json` / `a.csv, a.json에 저장했어요`. */
export function exportedText(files: readonly string[], language: Language): string {
	return language === 'ko' ? `${files.join(', ')}에 저장했어요` : `saved ${files.join(' and ')}`;
}

/** What a replayed recording holds: `recorded: 3 runs, steps 100 to 1500 · ←/→ move through them`. */
export function recordedText(runs: number, first: number, last: number, language: Language): string {
	return language === 'ko' ? `기록: 실행 ${runs}개, 스텝 ${first}~${last} · ←/→로 이동해요` : `recorded: ${runs} run${runs === 1 ? '' : 's'}, steps ${first} to ${last} · ←/→ move through them`;
}

/** Why an export failed: `could not export: …` / `내보내지 못했어요: …`. */
export function exportFailedText(reason: string, language: Language): string {
	return language === 'ko' ? `내보내지 못했어요: ${reason}` : `could not export: ${reason}`;
}

/** The editor: a copy was added / a run removed. */
export function runAddedText(label: string, language: Language): string {
	return language === 'ko' ? `"${label}"을(를) 더했어요: 하나만 바꿔 보세요` : `added "${label}", a copy: change one thing`;
}

export function runRemovedText(label: string, language: Language): string {
	return language === 'ko' ? `"${label}"을(를) 뺐어요` : `removed "${label}"`;
}

/** How many problems stand between the editor and training. */
export function problemsText(count: number, language: Language): string {
	if (language === 'ko') return `고칠 문제가 ${count}개 있어요 (✗ 표시): 고쳐야 s로 시작할 수 있어요`;
	return `${count} problem${count === 1 ? '' : 's'} to fix first (marked ✗): s starts once they are gone`;
}

/** Why a file could not be saved: `could not save: …` / `저장하지 못했어요: …`. */
export function saveFailedText(reason: string, language: Language): string {
	return language === 'ko' ? `저장하지 못했어요: ${reason}` : `could not save: ${reason}`;
}

/**
 * A live change. Asked for (`after` null): `relu: lr 0.05 → 0.0281 …`; taken by the worker after
 * its step `after` (a set-point at `after`, so step after+1 is the first to use it):
 * `relu: lr 0.05 → 0.0281 from step 1201`.
 */
export function liveChangeText(label: string, what: 'lr' | 'momentum', from: number, to: number, after: number | null, language: Language): string {
	const name = word(what, language);
	const head = `${label}: ${name} ${from} → ${to}`;
	if (after === null) return `${head} …`;
	return language === 'ko' ? `${head} (스텝 ${after + 1}부터)` : `${head} from step ${after + 1}`;
}

/** The loss chart's smoothing: `EMA 60 steps` / `지수이동평균 60스텝`. */
export function smoothingText(steps: number, language: Language): string {
	return language === 'ko' ? `지수이동평균 ${steps}스텝` : `EMA ${steps} ${steps === 1 ? 'step' : 'steps'}`;
}

/** Korean for the file system's common refusals (by error code); English comes from atomic.ts. */
const WRITE_REASONS_KO: Readonly<Record<string, string>> = {
	ENOSPC: '디스크에 남은 공간이 없어요',
	EDQUOT: '디스크 할당량을 넘었어요',
	EROFS: '읽기 전용 파일 시스템이에요',
	EACCES: '쓸 권한이 없어요',
	EPERM: '쓸 권한이 없어요',
	ENOENT: '그런 폴더가 없어요',
	EFBIG: '파일 시스템에 비해 파일이 너무 커요',
};

/** A file that could not be written, in a language: `a.jsonl: no space left on the device`. */
export function writeFailureText(file: string, code: string | undefined, reason: string, language: Language): string {
	const said = language === 'ko' && code !== undefined ? (WRITE_REASONS_KO[code] ?? reason) : reason;
	return `${file}: ${said}`;
}

/** "+2 more" (runs that did not fit) or "+1 more layer". */
export function moreText(count: number, what: 'runs' | 'layers', language: Language): string {
	if (language === 'ko') return what === 'runs' ? `+${count}개 더` : `+${count}개 층 더`;
	return what === 'runs' ? `+${count} more` : `+${count} more layer${count === 1 ? '' : 's'}`;
}
