/**
 * What the terminal can show, read from the locale: the language (`--lang`, else LC_ALL,
 * LC_MESSAGES, LANG: a ko_KR locale gives Korean) and whether it takes UTF-8 (LC_ALL, LC_CTYPE,
 * LANG). A locale that is set but not UTF-8 (`C`, `POSIX`, `ko_KR.EUC-KR`) cannot show box
 * drawing, braille or UTF-8 Hangul: gradlab then draws in ASCII, in English, and says so once.
 * No locale at all is taken as UTF-8, as terminals and containers are today.
 */
import type {Language} from '../scenarios/types.js';

export interface Display {
	readonly language: Language;
	readonly ascii: boolean;
	/** One line for stderr when the locale changed what was asked for, else null. */
	readonly notice: string | null;
}

/** The first of `names` that is set and not empty (POSIX: an empty variable counts as unset). */
function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
	for (const name of names) {
		const value = env[name];
		if (value !== undefined && value !== '') return value;
	}
	return undefined;
}

/** `ko_KR.UTF-8`, `C.utf8`, `en_US.UTF-8@euro` take UTF-8; `C`, `POSIX`, `ko_KR.EUC-KR` do not. */
export function takesUtf8(locale: string | undefined): boolean {
	if (locale === undefined) return true;
	const charset = /\.([^@]+)/.exec(locale)?.[1];
	return charset !== undefined && /^utf-?8$/i.test(charset);
}

/** An environment variable shown on a terminal: printable ASCII only. */
const printable = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?');

export function chooseDisplay(flags: {readonly lang?: Language; readonly ascii: boolean}, env: NodeJS.ProcessEnv = process.env): Display {
	const messages = firstSet(env, ['LC_ALL', 'LC_MESSAGES', 'LANG']);
	const wanted: Language = flags.lang ?? (messages?.toLowerCase().startsWith('ko') ? 'ko' : 'en');
	const ctype = firstSet(env, ['LC_ALL', 'LC_CTYPE', 'LANG']);
	if (takesUtf8(ctype)) return {language: wanted, ascii: flags.ascii, notice: null};
	const lost = wanted === 'ko' ? 'ASCII and English (Hangul needs UTF-8)' : 'ASCII';
	const utf8 = wanted === 'ko' ? 'ko_KR.UTF-8' : 'C.UTF-8';
	return {
		language: 'en',
		ascii: true,
		notice: flags.ascii && wanted === 'en' ? null : `gradlab: the locale ${printable(ctype ?? '')} is not UTF-8, so gradlab shows ${lost}; for Unicode${wanted === 'ko' ? ' and Korean' : ''}, set LANG=${utf8}.`,
	};
}
