/** The language to show: --lang wins, then the locale (a ko_KR locale gives Korean), else English. */
import type {Language} from '../scenarios/types.js';

export function detectLanguage(flag: Language | undefined, env: NodeJS.ProcessEnv = process.env): Language {
	if (flag) return flag;
	const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
