/**
 * The one keymap: for each screen (a scope), the commands it offers, their keys, and the hint the
 * screen shows for them; for each command, its words in the help. Input goes through
 * `commandFor`; the footer, the hint lines and the help overlay are drawn from the same table,
 * so a key and its hint cannot disagree. A new screen (an editor, an inspector with its own
 * phase keys) is a new scope here.
 */
import type {Language, Text as Words} from '../../scenarios/types.js';
import type {KeyPress, SpecialKey} from './keys.js';

/**
 * The screens that take keys: the help overlay is one too, over a lesson, and so are the lesson's
 * two views with keys of their own (the backprop inspector, the slope view) and a recording's replay.
 */
export type Scope = 'picker' | 'intro' | 'lesson' | 'inspector' | 'slope' | 'help' | 'explorer' | 'editor' | 'typing' | 'replay';

export type CommandName =
	// The picker.
	| 'up'
	| 'down'
	| 'open'
	| 'openNumber'
	// The intro card of a tour chapter or a lesson.
	| 'start'
	// A lesson.
	| 'togglePause'
	| 'step'
	| 'restart'
	| 'faster'
	| 'slower'
	| 'nextView'
	| 'prevView'
	| 'toggleLog'
	| 'cycleXAxis'
	| 'toggleStats'
	| 'togglePoints'
	| 'toggleSmooth'
	| 'nextRun'
	| 'prevRun'
	| 'export'
	| 'nextChapter'
	| 'prevChapter'
	| 'help'
	| 'dismiss'
	| 'edit'
	| 'save'
	| 'lrUp'
	| 'lrDown'
	| 'momentumUp'
	| 'momentumDown'
	// The experiment editor (up, down, nextRun, prevRun and help too).
	| 'less'
	| 'more'
	| 'typeValue'
	| 'addRun'
	| 'removeRun'
	| 'renameRun'
	| 'resetField'
	| 'apply'
	| 'discard'
	// Typing a value into a field.
	| 'typeChar'
	| 'erase'
	| 'commit'
	| 'cancelTyping'
	// The backprop inspector.
	| 'nextPhase'
	| 'prevPhase'
	| 'selectUp'
	| 'selectDown'
	| 'selectLeft'
	| 'selectRight'
	| 'toggleAlone'
	| 'nextExample'
	| 'prevExample'
	// The slope view.
	| 'sliceMode'
	| 'sliceUp'
	| 'sliceDown'
	// A recording (gradlab view): moving through its steps.
	| 'later'
	| 'earlier'
	| 'muchLater'
	| 'muchEarlier'
	| 'toStart'
	| 'toEnd'
	// The activation explorer.
	| 'deeper'
	| 'shallower'
	// Everywhere.
	| 'back'
	| 'quit';

export interface KeyBinding {
	/** How the key is written in hints and help. */
	readonly label: string;
	/** A printable character (letters match either case). */
	readonly char?: string;
	/** Any digit 1 … 9 (the picker opens the n-th entry shown). */
	readonly digit?: boolean;
	readonly special?: SpecialKey;
	/** Shift must be held (only for special keys; a printable character already carries it). */
	readonly shift?: boolean;
	readonly ctrl?: boolean;
}

/** What a screen's hint line says for a command: `space pause`. */
export interface HintSpec {
	/** The keys as the hint writes them (`+/-` stands for two commands). */
	readonly keys: string;
	readonly words: Words;
	/** While the lesson is paused (space says "resume"). */
	readonly paused?: Words;
	/** Lower ranks stay longest when the line is short of room; rank 0 always stays. */
	readonly rank: number;
}

export interface KeymapEntry {
	readonly command: CommandName;
	readonly keys: readonly KeyBinding[];
	readonly hint?: HintSpec;
	/** Offered only where the screen enables it (chapters on the tour); dimmed in the help otherwise. */
	readonly optional?: boolean;
	/** The help's words here, where this screen's command does less than DESCRIPTIONS says (the editor has no "all runs"). */
	readonly help?: Words;
}

export interface ScopeKeys {
	readonly entries: readonly KeymapEntry[];
	/** What any other key does (the help overlay closes on any key). */
	readonly otherKeys?: CommandName;
}

const char = (c: string, label = c): KeyBinding => ({label, char: c});
const special = (label: string, key: SpecialKey, shift = false): KeyBinding => ({label, special: key, ...(shift ? {shift} : {})});
const ESC = special('esc', 'escape');
const ENTER = special('enter', 'return');
const CTRL_C: KeyBinding = {label: 'ctrl-c', char: 'c', ctrl: true};
const QUIT_KEYS = [char('q'), CTRL_C];
const QUIT_HINT: HintSpec = {keys: 'q', words: {en: 'quit', ko: '종료'}, rank: 0};
const hint = (keys: string, en: string, ko: string, rank: number): HintSpec => ({keys, words: {en, ko}, rank});

/** A lesson's commands, in the help overlay's order. */
const LESSON_ENTRIES: readonly KeymapEntry[] = [
	{command: 'togglePause', keys: [char(' ', 'space')], hint: {...hint('space', 'pause', '일시정지', 1), paused: {en: 'resume', ko: '계속'}}},
	{command: 'step', keys: [char('s')], hint: hint('s', 'step', '스텝', 4)},
	{command: 'restart', keys: [char('r')], hint: hint('r', 'restart', '다시 시작', 5)},
	{command: 'faster', keys: [char('+'), char('=')], hint: hint('+/-', 'speed', '속도', 3)},
	{command: 'slower', keys: [char('-')]},
	{command: 'nextView', keys: [special('tab', 'tab'), special('→', 'right')], hint: hint('tab', 'view', '화면', 2)},
	{command: 'prevView', keys: [special('shift-tab', 'tab', true), special('←', 'left')]},
	{command: 'toggleLog', keys: [char('l')], hint: hint('l', 'log', '로그', 6)},
	{command: 'cycleXAxis', keys: [char('x')], hint: hint('x', 'axis', '가로축', 7)},
	{command: 'toggleStats', keys: [char('d')], hint: hint('d', 'stats', '통계', 8)},
	// Test data where a view has it (the boundary's points, the loss chart's test loss), and one
	// run singled out (loss chart, race map, images) or shown large (boundary, histograms).
	{command: 'togglePoints', keys: [char('t')]},
	{command: 'toggleSmooth', keys: [char('a')]},
	{command: 'nextRun', keys: [char(']')]},
	{command: 'prevRun', keys: [char('[')]},
	// The experiment: change its settings, its runs' lr and momentum while they train, save it.
	{command: 'edit', keys: [char('c')], hint: hint('c', 'change', '바꾸기', 2)},
	{command: 'lrDown', keys: [char('<'), char(',')], hint: hint('</>', 'lr', '학습률', 7)},
	{command: 'lrUp', keys: [char('>'), char('.')]},
	{command: 'momentumDown', keys: [char('{')]},
	{command: 'momentumUp', keys: [char('}')]},
	{command: 'save', keys: [char('w')], hint: hint('w', 'save', '저장', 8)},
	{command: 'export', keys: [char('e')], optional: true, hint: hint('e', 'export', '내보내기', 10)},
	{command: 'nextChapter', keys: [char('n')], optional: true, hint: hint('n/p', 'chapter', '장', 9)},
	{command: 'prevChapter', keys: [char('p')], optional: true},
	{command: 'back', keys: [char('b')], hint: hint('b', 'back', '목록', 11)},
	{command: 'help', keys: [char('?')], hint: hint('?', 'help', '도움말', 0)},
	{command: 'dismiss', keys: [ESC]},
	{command: 'quit', keys: QUIT_KEYS, hint: QUIT_HINT},
];

/** Keys that only mean something in the other views (the loss chart, the bars, the pictures). */
const OTHER_VIEWS: readonly CommandName[] = ['toggleLog', 'cycleXAxis', 'toggleStats', 'togglePoints', 'toggleSmooth'];

/** One key, as a string to compare bindings by (letters match either case). */
const keyId = (k: KeyBinding): string => JSON.stringify([k.char?.toLowerCase(), k.special, k.shift ?? false, k.ctrl ?? false, k.digit ?? false]);

/**
 * A view with keys of its own: the lesson's keys less the other views' own and less any key the
 * view takes for itself (the inspector's arrows, . and ,), with the view's entries after Tab's.
 */
function lessonView(own: readonly KeymapEntry[]): readonly KeymapEntry[] {
	const taken = new Set(own.flatMap((e) => e.keys.map(keyId)));
	const kept = LESSON_ENTRIES.filter((e) => !OTHER_VIEWS.includes(e.command))
		.map((e) => ({...e, keys: e.keys.filter((k) => !taken.has(keyId(k)))}))
		.filter((e) => e.keys.length > 0);
	const at = kept.findIndex((e) => e.command === 'prevView') + 1;
	return [...kept.slice(0, at), ...own, ...kept.slice(at)];
}

export const KEYMAP: Readonly<Record<Scope, ScopeKeys>> = {
	picker: {
		entries: [
			{command: 'up', keys: [special('↑', 'up'), char('k')], hint: hint('↑/↓', 'choose', '선택', 1)},
			{command: 'down', keys: [special('↓', 'down'), char('j')]},
			{command: 'open', keys: [ENTER], hint: hint('enter', 'open', '열기', 1)},
			{command: 'openNumber', keys: [{label: '1-9', digit: true}]},
			{command: 'quit', keys: [char('q'), ESC, CTRL_C], hint: QUIT_HINT},
		],
	},
	intro: {
		entries: [
			{command: 'start', keys: [ENTER, char(' ', 'space')], hint: hint('enter/space', 'start', '시작', 0)},
			{command: 'nextChapter', keys: [char('n')], optional: true, hint: hint('n', 'next', '다음', 1)},
			{command: 'prevChapter', keys: [char('p')], optional: true, hint: hint('p', 'previous', '이전', 2)},
			{command: 'back', keys: [char('b'), ESC]},
			{command: 'quit', keys: QUIT_KEYS, hint: QUIT_HINT},
		],
	},
	lesson: {entries: LESSON_ENTRIES},
	inspector: {
		entries: lessonView([
			{command: 'nextPhase', keys: [char('.')], hint: hint('./,', 'phase', '단계', 0)},
			{command: 'prevPhase', keys: [char(',')]},
			{command: 'selectUp', keys: [special('↑', 'up')], hint: hint('↑/↓/←/→', 'select', '선택', 2)},
			{command: 'selectDown', keys: [special('↓', 'down')]},
			{command: 'selectLeft', keys: [special('←', 'left')]},
			{command: 'selectRight', keys: [special('→', 'right')]},
			{command: 'toggleAlone', keys: [char('m')], hint: hint('m', 'batch/one', '배치/하나', 6)},
			{command: 'nextExample', keys: [char(')')], hint: hint('(/)', 'example', '예제', 7)},
			{command: 'prevExample', keys: [char('(')]},
		]),
	},
	slope: {
		entries: lessonView([
			{command: 'sliceMode', keys: [char('g')], hint: hint('g', 'along', '방향', 2)},
			{command: 'sliceUp', keys: [special('↑', 'up')], hint: hint('↑/↓', 'weight', '가중치', 6)},
			{command: 'sliceDown', keys: [special('↓', 'down')]},
		]),
	},
	// Reading the help never restarts a run by accident: every key but quit just closes it.
	help: {entries: [{command: 'dismiss', keys: [char('?'), ESC]}, {command: 'quit', keys: QUIT_KEYS}], otherKeys: 'dismiss'},
	// The experiment editor, over a lesson or from the picker's "new experiment".
	editor: {
		entries: [
			{command: 'up', keys: [special('↑', 'up'), char('k')], hint: hint('↑/↓', 'field', '항목', 5)},
			{command: 'down', keys: [special('↓', 'down'), char('j')]},
			{command: 'less', keys: [special('←', 'left'), char('h')], hint: hint('←/→', 'change', '바꾸기', 1)},
			{command: 'more', keys: [special('→', 'right'), char('l')]},
			{command: 'typeValue', keys: [ENTER], hint: hint('enter', 'type', '입력', 2)},
			{command: 'nextRun', keys: [special('tab', 'tab'), char(']')], hint: hint('tab', 'run', '실행', 3), help: {en: 'next run', ko: '다음 실행'}},
			{command: 'prevRun', keys: [special('shift-tab', 'tab', true), char('[')], help: {en: 'previous run', ko: '이전 실행'}},
			{command: 'addRun', keys: [char('a')], hint: hint('a', 'add', '더하기', 4)},
			{command: 'removeRun', keys: [char('x')], hint: hint('x', 'remove', '빼기', 7)},
			{command: 'renameRun', keys: [char('n')], hint: hint('n', 'rename', '이름', 8)},
			{command: 'resetField', keys: [char('c'), special('del', 'delete'), special('backspace', 'backspace')], hint: hint('c', 'default', '기본값', 9)},
			{command: 'apply', keys: [char('s')], hint: hint('s', 'start', '시작', 0)},
			{command: 'discard', keys: [ESC], hint: hint('esc', 'cancel', '취소', 0)},
			{command: 'help', keys: [char('?')], hint: hint('?', 'help', '도움말', 1)},
			{command: 'quit', keys: QUIT_KEYS, hint: {...QUIT_HINT, rank: 10}},
		],
	},
	// Typing into a field: every other key is a character of the value.
	typing: {
		entries: [
			{command: 'commit', keys: [ENTER], hint: hint('enter', 'done', '확인', 0)},
			{command: 'cancelTyping', keys: [ESC], hint: hint('esc', 'cancel', '취소', 0)},
			{command: 'erase', keys: [special('backspace', 'backspace'), special('del', 'delete')], hint: hint('backspace', 'erase', '지우기', 1)},
			{command: 'quit', keys: [CTRL_C]},
		],
		otherKeys: 'typeChar',
	},
	// A recording: the steps instead of training; the lesson's view keys (tab, not the arrows).
	replay: {
		entries: [
			{command: 'later', keys: [special('→', 'right')], hint: hint('←/→', 'step through', '스텝 이동', 1)},
			{command: 'earlier', keys: [special('←', 'left')]},
			{command: 'muchLater', keys: [special('pgdn', 'pageDown'), special('shift-→', 'right', true)], hint: hint('pgup/pgdn', 'by 10%', '10%씩', 4)},
			{command: 'muchEarlier', keys: [special('pgup', 'pageUp'), special('shift-←', 'left', true)]},
			{command: 'toStart', keys: [special('home', 'home'), char('0')], hint: hint('home/end', 'first/last', '처음/끝', 5)},
			{command: 'toEnd', keys: [special('end', 'end'), char('$')]},
			{command: 'nextView', keys: [special('tab', 'tab')], hint: hint('tab', 'view', '화면', 2)},
			{command: 'prevView', keys: [special('shift-tab', 'tab', true)]},
			{command: 'toggleLog', keys: [char('l')], hint: hint('l', 'log', '로그', 6)},
			{command: 'cycleXAxis', keys: [char('x')], hint: hint('x', 'axis', '가로축', 7)},
			{command: 'toggleStats', keys: [char('d')], hint: hint('d', 'stats', '통계', 8)},
			{command: 'help', keys: [char('?')], hint: hint('?', 'help', '도움말', 0)},
			{command: 'dismiss', keys: [ESC]},
			{command: 'quit', keys: QUIT_KEYS, hint: QUIT_HINT},
		],
	},
	explorer: {
		entries: [
			{command: 'deeper', keys: [char('+'), char('=')], hint: hint('+/-', 'depth', '깊이', 1)},
			{command: 'shallower', keys: [char('-')]},
			{command: 'back', keys: [char('b'), ESC], hint: hint('b', 'back', '뒤로', 2)},
			{command: 'quit', keys: QUIT_KEYS, hint: QUIT_HINT},
		],
	},
};

/** Each command's line in the help overlay. */
export const DESCRIPTIONS: Readonly<Record<CommandName, Words>> = {
	up: {en: 'previous entry', ko: '이전 항목'},
	down: {en: 'next entry', ko: '다음 항목'},
	open: {en: 'open the highlighted entry', ko: '선택한 항목 열기'},
	openNumber: {en: 'open the n-th entry shown', ko: '보이는 n번째 항목 열기'},
	start: {en: 'start the chapter', ko: '이 장 시작'},
	togglePause: {en: 'pause / resume training', ko: '학습 일시정지 / 계속'},
	step: {en: 'one step (pauses)', ko: '한 스텝만 (일시정지)'},
	restart: {en: 'restart every run', ko: '모두 다시 시작'},
	faster: {en: 'faster', ko: '더 빠르게'},
	slower: {en: 'slower', ko: '더 느리게'},
	nextView: {en: 'next view', ko: '다음 화면'},
	prevView: {en: 'previous view', ko: '이전 화면'},
	toggleLog: {en: 'log / linear loss scale', ko: '손실 축: 로그 / 선형'},
	cycleXAxis: {en: 'x axis: step, epoch, …', ko: 'x축: 스텝, 에포크, …'},
	toggleStats: {en: 'saturated/dead column', ko: '포화 / 죽은 뉴런 비율'},
	togglePoints: {en: 'show test data', ko: '테스트 데이터 보기'},
	toggleSmooth: {en: 'smoothed / raw loss', ko: '이동평균 / 원래 손실'},
	nextRun: {en: 'next run / all runs', ko: '다음 실행 / 모두'},
	prevRun: {en: 'previous run / all runs', ko: '이전 실행 / 모두'},
	export: {en: 'export the curves', ko: '곡선 내보내기'},
	nextChapter: {en: 'next chapter', ko: '다음 장'},
	prevChapter: {en: 'previous chapter', ko: '이전 장'},
	help: {en: 'this help', ko: '이 도움말'},
	dismiss: {en: 'close the help', ko: '도움말 닫기'},
	edit: {en: 'change settings, add runs', ko: '설정 바꾸기, 실행 더하기'},
	save: {en: 'save as a scenario file', ko: '시나리오 파일로 저장'},
	lrUp: {en: 'lr ×10^¼ (the picked run)', ko: 'lr ×10^¼ ([ ]로 고른 실행)'},
	lrDown: {en: 'lr ÷10^¼ while it trains', ko: '학습 중에 lr ÷10^¼'},
	momentumUp: {en: 'momentum up', ko: '모멘텀 올리기'},
	momentumDown: {en: 'momentum down', ko: '모멘텀 내리기'},
	less: {en: 'smaller value, previous name', ko: '더 작은 값, 이전 이름'},
	more: {en: 'larger value, next name', ko: '더 큰 값, 다음 이름'},
	typeValue: {en: 'type a value', ko: '값 직접 입력'},
	addRun: {en: 'add a run (a copy of this one)', ko: '실행 더하기 (이 실행의 사본)'},
	removeRun: {en: 'remove this run', ko: '이 실행 빼기'},
	renameRun: {en: 'rename this run', ko: '이 실행 이름 바꾸기'},
	resetField: {en: 'the default (clears a schedule)', ko: '기본값으로 (스케줄은 지우기)'},
	apply: {en: 'start: train from the seed', ko: '시작: 시드부터 학습'},
	discard: {en: 'close, changing nothing', ko: '바꾸지 않고 닫기'},
	typeChar: {en: 'a character of the value', ko: '값의 글자'},
	erase: {en: 'erase a character', ko: '한 글자 지우기'},
	commit: {en: 'done', ko: '확인'},
	cancelTyping: {en: 'cancel typing', ko: '입력 취소'},
	nextPhase: {en: 'next phase (pauses; then the step)', ko: '다음 단계 (일시정지, 끝나면 스텝)'},
	prevPhase: {en: 'previous phase', ko: '이전 단계'},
	selectUp: {en: 'previous unit or edge', ko: '이전 뉴런 / 연결'},
	selectDown: {en: 'next unit or edge', ko: '다음 뉴런 / 연결'},
	selectLeft: {en: 'toward the input', ko: '입력 쪽으로'},
	selectRight: {en: 'toward the output', ko: '출력 쪽으로'},
	toggleAlone: {en: 'mini-batch / one example', ko: '미니배치 / 예제 하나'},
	nextExample: {en: 'next example of the batch', ko: '배치의 다음 예제'},
	prevExample: {en: 'previous example', ko: '이전 예제'},
	sliceMode: {en: 'along a weight, the gradient, a random direction', ko: '가중치 / 기울기 / 무작위 방향을 따라'},
	sliceUp: {en: 'previous weight (or direction)', ko: '이전 가중치 (방향)'},
	sliceDown: {en: 'next weight (or direction)', ko: '다음 가중치 (방향)'},
	later: {en: 'later (1% of the recording)', ko: '다음으로 (기록의 1%)'},
	earlier: {en: 'earlier (1%)', ko: '이전으로 (1%)'},
	muchLater: {en: '10% later', ko: '10% 다음으로'},
	muchEarlier: {en: '10% earlier', ko: '10% 이전으로'},
	toStart: {en: 'the first step recorded', ko: '기록의 첫 스텝'},
	toEnd: {en: 'the last step recorded', ko: '기록의 마지막 스텝'},
	deeper: {en: 'one layer deeper', ko: '층 하나 더'},
	shallower: {en: 'one layer shallower', ko: '층 하나 덜'},
	back: {en: 'back to the lessons', ko: '수업 목록으로'},
	quit: {en: 'quit', ko: '종료'},
};

/** Whether `binding` is the key pressed. */
export function matches(binding: KeyBinding, press: KeyPress): boolean {
	if (Boolean(binding.ctrl) !== press.ctrl) return false;
	if (binding.special !== undefined) return press.special === binding.special && Boolean(binding.shift) === press.shift;
	if (press.special !== null || press.meta) return false;
	if (binding.digit) return /^[1-9]$/.test(press.char);
	const c = binding.char ?? '';
	return press.char === c || (/^[a-z]$/.test(c) && press.char === c.toUpperCase());
}

/** Whether a command is offered: every non-optional one, and the optional ones in `enabled`. */
export function isAvailable(entry: KeymapEntry, enabled: readonly CommandName[] = []): boolean {
	return !entry.optional || enabled.includes(entry.command);
}

/** The command a key means on a screen, or null when it means nothing there. */
export function commandFor(scope: Scope, press: KeyPress, enabled: readonly CommandName[] = []): CommandName | null {
	const {entries, otherKeys} = KEYMAP[scope];
	const entry = entries.find((e) => e.keys.some((b) => matches(b, press)));
	if (entry) return isAvailable(entry, enabled) ? entry.command : null;
	return otherKeys ?? null;
}

/** The keys of an entry as the help shows them: `tab, →`. */
export function keysLabel(entry: KeymapEntry): string {
	return entry.keys.map((b) => b.label).join(', ');
}

/** An entry's words in the help: its screen's own, else its command's. */
export function helpWords(entry: KeymapEntry, language: Language): string {
	return (entry.help ?? DESCRIPTIONS[entry.command])[language];
}
