/**
 * What every screen and view reads without being handed it down: the language and the terminal
 * size, set once at the root (the theme is beside them, in theme.ts).
 */
import {type ReactNode, createContext, useContext} from 'react';
import type {Language} from '../../scenarios/types.js';
import type {TerminalSize} from './size.js';

const LanguageContext = createContext<Language>('en');
const SizeContext = createContext<TerminalSize>({columns: 80, rows: 24});

/** The language of gradlab's words and the lessons' texts. */
export function useLanguage(): Language {
	return useContext(LanguageContext);
}

/** The terminal's size (80×24 when nothing above says otherwise). */
export function useSize(): TerminalSize {
	return useContext(SizeContext);
}

export interface UiContextProps {
	readonly language?: Language;
	readonly size?: TerminalSize;
	readonly children?: ReactNode;
}

/** Sets the language and/or the size for everything below. */
export function UiContext({language, size, children}: UiContextProps) {
	let tree = children;
	if (size) tree = <SizeContext.Provider value={size}>{tree}</SizeContext.Provider>;
	if (language) tree = <LanguageContext.Provider value={language}>{tree}</LanguageContext.Provider>;
	return <>{tree}</>;
}
