/**
 * The intro card as a screen, before training starts: a tour chapter's (its place in the tour, and
 * n / p to move on) or a lesson's with an `intro`. Enter or space start, b goes back, q quits.
 */
import {Box} from 'ink';
import type {ReactNode} from 'react';
import type {Scenario} from '../../../scenarios/types.js';
import type {AppCommand} from '../../dashboard/routing.js';
import {useLanguage} from '../../kit/context.js';
import type {KeyAnswer} from '../../input/router.js';
import {useKeys} from '../../input/use-keys.js';
import type {AppAnswer} from '../navigation.js';
import {IntroCard} from './IntroCard.js';
import {CHAPTER_CARD_COMMANDS, type TourPlace} from './intro-layout.js';

export interface IntroScreenProps {
	readonly scenario: Scenario;
	/** On the tour: the chapter's place. */
	readonly place?: TourPlace;
	/** Lines above the card (the tour's chapter list) and how many rows they take. */
	readonly header?: {readonly node: ReactNode; readonly rows: number};
	/** Intro → training. */
	readonly onStart: () => KeyAnswer;
	/** Back, quit and chapter moves. */
	readonly onAppCommand: (command: Exclude<AppCommand, 'export'>) => AppAnswer;
}

export function IntroScreen({scenario, place, header, onStart, onAppCommand}: IntroScreenProps) {
	const language = useLanguage();
	useKeys({scope: 'intro', enabled: place ? CHAPTER_CARD_COMMANDS : []}, (command) => {
		switch (command) {
			case 'start':
				return onStart();
			case 'nextChapter':
			case 'prevChapter':
			case 'back':
			case 'quit': {
				// The card has no room for a notice: at either end of the tour n / p do nothing.
				const answer = onAppCommand(command);
				return answer === 'moved' ? answer : undefined;
			}
		}
	});
	return (
		<Box flexDirection="column">
			{header?.node}
			<IntroCard title={scenario.title[language]} intro={scenario.intro?.[language] ?? scenario.summary[language]} place={place} reservedRows={1 + (header?.rows ?? 0)} />
		</Box>
	);
}
