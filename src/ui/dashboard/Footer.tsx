/** Key hints from the keymap, as many as fit: `space pause · s step · … · ? help · q quit`. */
import {Text} from 'ink';
import type {Language} from '../../scenarios/types.js';
import {displayWidth} from '../kit/format.js';
import {type CommandName, KEYMAP, RESUME_HINT, isAvailable} from '../input/keymap.js';
import {useTheme} from '../kit/theme.js';

export interface FooterProps {
	readonly width: number;
	readonly language: Language;
	/** While paused the space hint says "resume". */
	readonly paused: boolean;
	/** Optional commands this screen offers (export, chapters). */
	readonly enabled?: readonly CommandName[];
}

/** The hints that fit `width` (with a leading space), in keymap order; low ranks are kept longest. */
export function footerHints(width: number, language: Language, paused: boolean, separator: string, enabled: readonly CommandName[] = []): {keys: string; hint: string}[] {
	const all = KEYMAP.filter((e) => e.footer && isAvailable(e, enabled)).map((e) => ({
		rank: e.footer!.rank,
		keys: e.footer!.keys,
		hint: (e.command === 'togglePause' && paused ? RESUME_HINT : e.footer!.hint)[language],
	}));
	const size = (items: typeof all) => 1 + items.reduce((n, h, k) => n + (k > 0 ? displayWidth(separator) + 2 : 0) + displayWidth(`${h.keys} ${h.hint}`), 0);
	let shown = all;
	while (shown.length > 1 && size(shown) > width) {
		const worst = Math.max(...shown.map((h) => h.rank));
		shown = shown.filter((h) => h.rank !== worst);
	}
	return shown.map(({keys, hint}) => ({keys, hint}));
}

export function Footer({width, language, paused, enabled}: FooterProps) {
	const theme = useTheme();
	const sep = theme.glyphs.separator;
	const hints = footerHints(width, language, paused, sep, enabled);
	return (
		<Text wrap="truncate-end">
			{' '}
			{hints.map((h, k) => (
				<Text key={h.keys}>
					{k > 0 ? <Text {...theme.roles.dim}>{` ${sep} `}</Text> : ''}
					<Text {...theme.roles.accent}>{h.keys}</Text>
					<Text> {h.hint}</Text>
				</Text>
			))}
		</Text>
	);
}
