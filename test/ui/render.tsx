/** Renders a piece of the UI the way the app does: with a language, a terminal size and a theme above it. */
import {renderToString} from 'ink';
import {render} from 'ink-testing-library';
import type {ReactElement, ReactNode} from 'react';
import type {Language} from '../../src/scenarios/types.js';
import {UiContext} from '../../src/ui/kit/context.js';
import type {TerminalSize} from '../../src/ui/kit/size.js';
import {type Theme, ThemeContext} from '../../src/ui/kit/theme.js';
import {KeyInput} from '../../src/ui/input/use-keys.js';

export interface UiOptions {
	readonly language?: Language;
	readonly size?: TerminalSize;
	readonly theme?: Theme;
	/** Take keys through the one input path (screens need it). */
	readonly keys?: boolean;
}

export function inUi(node: ReactNode, {language = 'en', size = {columns: 80, rows: 24}, theme, keys = false}: UiOptions = {}): ReactElement {
	const tree = (
		<UiContext language={language} size={size}>
			{keys ? <KeyInput>{node}</KeyInput> : node}
		</UiContext>
	);
	return theme ? <ThemeContext.Provider value={theme}>{tree}</ThemeContext.Provider> : tree;
}

/** ink-testing-library's render, inside the UI's contexts. */
export function renderUi(node: ReactNode, options: UiOptions = {}) {
	return render(inUi(node, options));
}

/** Ink's renderToString at the options' width. */
export function uiToString(node: ReactNode, options: UiOptions = {}): string {
	return renderToString(inUi(node, options), {columns: options.size?.columns ?? 80});
}
