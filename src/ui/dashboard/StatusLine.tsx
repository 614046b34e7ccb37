/** The top line: app and lesson title on the left; step, epoch, state and pace on the right. */
import {Text} from 'ink';
import {useLanguage} from '../kit/context.js';
import {useTheme} from '../kit/theme.js';
import {type StatusInfo, statusLayout} from './status-layout.js';

export type StatusLineProps = Omit<StatusInfo, 'language'>;

export function StatusLine(props: StatusLineProps) {
	const theme = useTheme();
	const language = useLanguage();
	const {left, pad, where, state, pace} = statusLayout({...props, language}, theme.glyphs);
	const stateRole = props.finished ? theme.roles.good : props.paused ? theme.roles.warn : theme.roles.accent;
	return (
		<Text wrap="truncate-end">
			<Text bold>{left}</Text>
			{pad}
			{where} {theme.glyphs.separator} <Text {...stateRole}>{state}</Text>
			<Text {...theme.roles.dim}>{pace}</Text>{' '}
		</Text>
	);
}
