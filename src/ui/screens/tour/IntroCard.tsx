/**
 * An intro card, shown before training starts (a tour chapter's, or a lesson's with an `intro`):
 * a centred panel with the chapter's place in the tour, the title and the intro lines (wrapped by
 * display width), and the keys that move on underneath.
 */
import {Box, Text} from 'ink';
import {useLanguage, useSize} from '../../kit/context.js';
import {Panel} from '../../kit/Panel.js';
import {useTheme} from '../../kit/theme.js';
import {HintLine} from '../../input/HintLine.js';
import {type IntroCardText, PAD, introCardLayout} from './intro-layout.js';

export type IntroCardProps = IntroCardText;

export function IntroCard(props: IntroCardProps) {
	const theme = useTheme();
	const size = useSize();
	const layout = introCardLayout(props, size, useLanguage(), theme.glyphs);
	return (
		<Box flexDirection="column" width={size.columns} height={layout.usable} alignItems="center" justifyContent="center">
			<Panel title={layout.heading} width={layout.width} height={layout.height}>
				<Box flexDirection="column" paddingX={PAD} height={layout.height - 2}>
					<Text> </Text>
					<Text bold {...theme.roles.accent}>
						{layout.title}
					</Text>
					<Text> </Text>
					{layout.lines.map((line, k) => (
						<Text key={k} {...theme.roles.text}>
							{line === '' ? ' ' : line}
						</Text>
					))}
				</Box>
			</Panel>
			<Box height={1} />
			<HintLine hints={layout.hints} dimWords indent={false} />
		</Box>
	);
}
