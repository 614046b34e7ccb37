/**
 * The one keymap: named commands, their keys and their words in English and Korean. Input
 * handling asks `matchCommand`; the footer and the help overlay render from `KEYMAP`.
 */
import type {Key} from 'ink';
import type {Language, Text as Words} from '../../scenarios/types.js';

export type CommandName =
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
	| 'nextRun'
	| 'prevRun'
	| 'export'
	| 'nextChapter'
	| 'prevChapter'
	| 'back'
	| 'help'
	| 'dismiss'
	| 'quit';

/** Ink `Key` flags a binding can name. */
export type SpecialKey = 'tab' | 'leftArrow' | 'rightArrow' | 'escape';

export interface KeyBinding {
	/** How the key is written in hints and help. */
	readonly label: string;
	/** A printable character (letters match either case). */
	readonly input?: string;
	/** A special key (Ink's `key.tab`, `key.rightArrow`, …). */
	readonly special?: SpecialKey;
	/** Shift must be held (only for special keys; printable input already carries it). */
	readonly shift?: boolean;
	/** Ctrl must be held. */
	readonly ctrl?: boolean;
}

export interface KeymapEntry {
	readonly command: CommandName;
	readonly keys: readonly KeyBinding[];
	/** The long description in the help overlay. */
	readonly description: Words;
	/** In the footer: its key text, its word, and its rank (lower ranks stay when space is short). */
	readonly footer?: {readonly keys: string; readonly hint: Words; readonly rank: number};
	/** A command only some screens offer (the lead enables it); shown dimmed in help otherwise. */
	readonly optional?: boolean;
}

const key = (label: string, input: string): KeyBinding => ({label, input});

export const KEYMAP: readonly KeymapEntry[] = [
	{
		command: 'togglePause',
		keys: [{label: 'space', input: ' '}],
		description: {en: 'pause / resume training', ko: '학습 일시정지 / 계속'},
		footer: {keys: 'space', hint: {en: 'pause', ko: '일시정지'}, rank: 1},
	},
	{command: 'step', keys: [key('s', 's')], description: {en: 'one step (pauses)', ko: '한 스텝만 (일시정지)'}, footer: {keys: 's', hint: {en: 'step', ko: '스텝'}, rank: 4}},
	{command: 'restart', keys: [key('r', 'r')], description: {en: 'restart every run', ko: '모두 다시 시작'}, footer: {keys: 'r', hint: {en: 'restart', ko: '다시 시작'}, rank: 5}},
	{
		command: 'faster',
		keys: [key('+', '+'), key('=', '=')],
		description: {en: 'faster', ko: '더 빠르게'},
		footer: {keys: '+/-', hint: {en: 'speed', ko: '속도'}, rank: 3},
	},
	{command: 'slower', keys: [key('-', '-')], description: {en: 'slower', ko: '더 느리게'}},
	{
		command: 'nextView',
		keys: [{label: 'tab', special: 'tab'}, {label: '→', special: 'rightArrow'}],
		description: {en: 'next view', ko: '다음 화면'},
		footer: {keys: 'tab', hint: {en: 'view', ko: '화면'}, rank: 2},
	},
	{
		command: 'prevView',
		keys: [{label: 'shift-tab', special: 'tab', shift: true}, {label: '←', special: 'leftArrow'}],
		description: {en: 'previous view', ko: '이전 화면'},
	},
	{command: 'toggleLog', keys: [key('l', 'l')], description: {en: 'log / linear loss scale', ko: '손실 축: 로그 / 선형'}, footer: {keys: 'l', hint: {en: 'log', ko: '로그'}, rank: 6}},
	{command: 'cycleXAxis', keys: [key('x', 'x')], description: {en: 'x axis: step, epoch, …', ko: 'x축: 스텝, 에포크, …'}, footer: {keys: 'x', hint: {en: 'axis', ko: '가로축'}, rank: 7}},
	{command: 'toggleStats', keys: [key('d', 'd')], description: {en: 'saturated/dead column', ko: '포화 / 죽은 뉴런 비율'}, footer: {keys: 'd', hint: {en: 'stats', ko: '통계'}, rank: 8}},
	// Boundary and histogram views: test points, and one run large or all side by side.
	{command: 'togglePoints', keys: [key('t', 't')], description: {en: 'show test points', ko: '테스트 점 보기'}},
	{command: 'nextRun', keys: [key(']', ']')], description: {en: 'next run / all runs', ko: '다음 실행 / 모두'}},
	{command: 'prevRun', keys: [key('[', '[')], description: {en: 'previous run / all runs', ko: '이전 실행 / 모두'}},
	{command: 'export', keys: [key('e', 'e')], description: {en: 'export the curves', ko: '곡선 내보내기'}, optional: true, footer: {keys: 'e', hint: {en: 'export', ko: '내보내기'}, rank: 10}},
	{command: 'nextChapter', keys: [key('n', 'n')], description: {en: 'next chapter', ko: '다음 장'}, optional: true, footer: {keys: 'n/p', hint: {en: 'chapter', ko: '장'}, rank: 9}},
	{command: 'prevChapter', keys: [key('p', 'p')], description: {en: 'previous chapter', ko: '이전 장'}, optional: true},
	{command: 'back', keys: [key('b', 'b')], description: {en: 'back to the lessons', ko: '수업 목록으로'}, footer: {keys: 'b', hint: {en: 'back', ko: '목록'}, rank: 11}},
	{command: 'help', keys: [key('?', '?')], description: {en: 'this help', ko: '이 도움말'}, footer: {keys: '?', hint: {en: 'help', ko: '도움말'}, rank: 0}},
	{command: 'dismiss', keys: [{label: 'esc', special: 'escape'}], description: {en: 'close the help', ko: '도움말 닫기'}},
	{
		command: 'quit',
		keys: [key('q', 'q'), {label: 'ctrl-c', input: 'c', ctrl: true}],
		description: {en: 'quit', ko: '종료'},
		footer: {keys: 'q', hint: {en: 'quit', ko: '종료'}, rank: 0},
	},
];

/** Whether `binding` is the key Ink reported. */
function matches(binding: KeyBinding, input: string, key: Key): boolean {
	if (Boolean(binding.ctrl) !== key.ctrl) return false;
	if (binding.special !== undefined) return key[binding.special] && Boolean(binding.shift) === key.shift;
	if (binding.input === undefined || key.meta) return false;
	return input === binding.input || (/^[a-z]$/.test(binding.input) && input === binding.input.toUpperCase());
}

/** The command bound to a key press, in Ink's `useInput((input, key) => …)` shape. */
export function matchCommand(input: string, key: Key): CommandName | null {
	for (const entry of KEYMAP) {
		if (entry.keys.some((b) => matches(b, input, key))) return entry.command;
	}
	return null;
}

/** Whether a command is offered: every non-optional one, and the optional ones in `enabled`. */
export function isAvailable(entry: KeymapEntry, enabled: readonly CommandName[] = []): boolean {
	return !entry.optional || enabled.includes(entry.command);
}

/** Footer hint words for togglePause while paused. */
export const RESUME_HINT: Words = {en: 'resume', ko: '계속'};

/** The keys of an entry as help shows them: `tab, →`. */
export function keysLabel(entry: KeymapEntry): string {
	return entry.keys.map((b) => b.label).join(', ');
}

/** An entry's words in a language. */
export function describe(entry: KeymapEntry, language: Language): string {
	return entry.description[language];
}
