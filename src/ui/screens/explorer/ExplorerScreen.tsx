/**
 * The activation explorer on its own, opened from the lesson picker without training: the
 * explorer, a caption on what it shows, and keys to change the depth, go back or quit.
 */
import {Box, Text, useInput} from 'ink';
import {useState} from 'react';
import type {Language} from '../../../scenarios/types.js';
import {ActivationExplorer} from '../../views/activations/ActivationExplorer.js';
import {displayWidth, truncate, wrap} from '../../kit/format.js';
import {matchCommand} from '../../input/keymap.js';
import {MIN_SIZE} from '../../dashboard/layout.js';
import {Panel} from '../../kit/Panel.js';
import {useTheme} from '../../kit/theme.js';
import {TooSmall} from '../../kit/TooSmall.js';
import {asciiWord} from '../../kit/words.js';

export interface ActivationExplorerScreenProps {
	readonly language: Language;
	/** The terminal size (from `useTerminalSize`). */
	readonly size: {readonly columns: number; readonly rows: number};
	/** The starting depth d (+ and − change it). */
	readonly depth?: number;
	/** b or Esc. */
	readonly onBack: () => void;
	/** q or Ctrl-C. */
	readonly onQuit: () => void;
	/** Terminal rows left undrawn (Ink clears the screen each frame when output fills it). */
	readonly reservedRows?: number;
}

/** Depths + and − step through. */
export const MAX_DEPTH = 50;

const CAPTION_LINES = 3;

export function ActivationExplorerScreen({language, size, depth: initialDepth = 10, onBack, onQuit, reservedRows = 1}: ActivationExplorerScreenProps) {
	const theme = useTheme();
	const g = theme.glyphs;
	const [depth, setDepth] = useState(Math.max(1, Math.min(MAX_DEPTH, Math.round(initialDepth))));
	useInput((input, key) => {
		const command = matchCommand(input, key);
		if (command === 'quit') onQuit();
		else if (command === 'back' || command === 'dismiss') onBack();
		else if (command === 'faster') setDepth((d) => Math.min(MAX_DEPTH, d + 1));
		else if (command === 'slower') setDepth((d) => Math.max(1, d - 1));
	});
	const {columns, rows} = size;
	if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) return <TooSmall columns={columns} rows={rows} language={language} />;
	const usable = rows - reservedRows;
	const panelHeight = usable - 1 - CAPTION_LINES - 1;
	const title = ` gradlab ${g.separator} ${asciiWord('explorerTitle', language, g.ascii)}`;
	const depthText = `d = ${depth} `;
	const caption = wrap(asciiWord('explorerNote', language, g.ascii), columns - 3, CAPTION_LINES, g.ellipsis);
	const hints: readonly (readonly [string, string])[] = [
		['+/-', asciiWord('depthKeys', language, g.ascii)],
		['b', asciiWord('back', language, g.ascii)],
		['q', asciiWord('quit', language, g.ascii)],
	];
	return (
		<Box flexDirection="column" width={columns} height={usable}>
			<Text wrap="truncate-end">
				<Text bold>{truncate(title, columns - displayWidth(depthText) - 1, g.ellipsis)}</Text>
				{' '.repeat(Math.max(1, columns - displayWidth(truncate(title, columns - displayWidth(depthText) - 1, g.ellipsis)) - displayWidth(depthText)))}
				<Text {...theme.roles.accent}>{depthText}</Text>
			</Text>
			<Panel title={asciiWord('fAndDerivative', language, g.ascii)} width={columns} height={panelHeight}>
				<ActivationExplorer width={columns - 2} height={panelHeight - 2} depth={depth} language={language} />
			</Panel>
			<Box flexDirection="column" height={CAPTION_LINES}>
				{caption.map((line, k) => (
					<Text key={k}>
						<Text {...theme.roles.accent}>{k === 0 ? ` ${g.caption} ` : '   '}</Text>
						{line}
					</Text>
				))}
			</Box>
			<Text wrap="truncate-end">
				{' '}
				{hints.map(([keys, hint], k) => (
					<Text key={keys}>
						{k > 0 ? <Text {...theme.roles.dim}>{` ${g.separator} `}</Text> : ''}
						<Text {...theme.roles.accent}>{keys}</Text>
						<Text> {hint}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
}
