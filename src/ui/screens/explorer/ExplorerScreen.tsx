/**
 * The activation explorer on its own, opened from the lesson picker without training: the
 * explorer, a caption on what it shows, and keys to change the depth, go back or quit.
 */
import {Box, Text} from 'ink';
import {useLanguage, useSize} from '../../kit/context.js';
import {displayWidth, truncate, wrap} from '../../kit/format.js';
import {Panel} from '../../kit/Panel.js';
import {isTooSmall} from '../../kit/size.js';
import {useTheme} from '../../kit/theme.js';
import {TooSmall} from '../../kit/TooSmall.js';
import {asciiWord} from '../../kit/words.js';
import {commandHint, scopeHints} from '../../input/hints.js';
import {HintLine} from '../../input/HintLine.js';
import type {KeyAnswer} from '../../input/router.js';
import {useOwnStore, useStore} from '../../input/store.js';
import {useKeys} from '../../input/use-keys.js';
import {ActivationExplorer} from '../../views/activations/ActivationExplorer.js';
import {depthReducer, initialDepth} from './explorer-state.js';

export interface ExplorerScreenProps {
	/** The starting depth d (+ and − change it). */
	readonly depth?: number;
	/** b or Esc. */
	readonly onBack: () => KeyAnswer;
	/** q or Ctrl-C. */
	readonly onQuit: () => KeyAnswer;
	/** Terminal rows left undrawn (Ink clears the screen each frame when output fills it). */
	readonly reservedRows?: number;
}

const CAPTION_LINES = 3;

export function ExplorerScreen({depth: startDepth = 10, onBack, onQuit, reservedRows = 1}: ExplorerScreenProps) {
	const theme = useTheme();
	const language = useLanguage();
	const size = useSize();
	const g = theme.glyphs;
	const store = useOwnStore(depthReducer, () => initialDepth(startDepth));
	const depth = useStore(store);
	useKeys({scope: 'explorer'}, (command) => {
		switch (command) {
			case 'deeper':
			case 'shallower':
				return store.dispatch({type: command});
			case 'back':
				return onBack();
			case 'quit':
				return onQuit();
		}
	});
	if (isTooSmall(size)) return <TooSmall quit={commandHint('explorer', 'quit', language, g.ascii)} />;
	const {columns, rows} = size;
	const usable = rows - reservedRows;
	const panelHeight = usable - 1 - CAPTION_LINES - 1;
	const title = truncate(` gradlab ${g.separator} ${asciiWord('explorerTitle', language, g.ascii)}`, columns - displayWidth(`d = ${depth} `) - 1, g.ellipsis);
	const depthText = `d = ${depth} `;
	const caption = wrap(asciiWord('explorerNote', language, g.ascii), columns - 3, CAPTION_LINES, g.ellipsis);
	return (
		<Box flexDirection="column" width={columns} height={usable}>
			<Text wrap="truncate-end">
				<Text bold>{title}</Text>
				{' '.repeat(Math.max(1, columns - displayWidth(title) - displayWidth(depthText)))}
				<Text {...theme.roles.accent}>{depthText}</Text>
			</Text>
			<Panel title={asciiWord('fAndDerivative', language, g.ascii)} width={columns} height={panelHeight}>
				<ActivationExplorer width={columns - 2} height={panelHeight - 2} depth={depth} />
			</Panel>
			<Box flexDirection="column" height={CAPTION_LINES}>
				{caption.map((line, k) => (
					<Text key={k}>
						<Text {...theme.roles.accent}>{k === 0 ? ` ${g.caption} ` : '   '}</Text>
						{line}
					</Text>
				))}
			</Box>
			<HintLine hints={scopeHints('explorer', language, {ascii: g.ascii})} />
		</Box>
	);
}
