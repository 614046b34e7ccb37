/** The lesson's (or a replay's) key hints from the keymap, as many as fit: `space pause · s step · … · ? help · q quit`. */
import {useLanguage} from '../kit/context.js';
import {useTheme} from '../kit/theme.js';
import {fitHints, scopeHints} from '../input/hints.js';
import {HintLine} from '../input/HintLine.js';
import type {CommandName, Scope} from '../input/keymap.js';

export interface FooterProps {
	readonly width: number;
	/** While paused the space hint says "resume". */
	readonly paused: boolean;
	/** Optional commands this screen offers (export, chapters). */
	readonly enabled?: readonly CommandName[];
	/** Whose hints: the lesson's, the view's that has keys of its own, or a replay's. */
	readonly scope?: Scope;
}

export function Footer({width, paused, enabled, scope = 'lesson'}: FooterProps) {
	const theme = useTheme();
	const hints = scopeHints(scope, useLanguage(), {enabled, paused, ascii: theme.glyphs.ascii});
	// One column for the leading space.
	return <HintLine hints={fitHints(hints, width - 1, theme.glyphs.separator)} />;
}
