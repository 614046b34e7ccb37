/**
 * The backprop inspector: one run's next training step, drawn as its network. Live, it follows
 * training; `.` pauses on the step on screen and walks through it one phase per press — forward a
 * layer at a time, the loss, backward a layer at a time, the update — and a press at the update
 * takes that step. The selected unit or edge's formula is written out with the numbers.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {type InspectPhase, INSPECT_MAX_LAYERS, INSPECT_MAX_UNITS, inspectPhases} from '../../../core/inspect.js';
import type {InspectProbe, RunState} from '../../../runner/protocol.js';
import type {Language} from '../../../scenarios/types.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {displayWidth, truncate, wrap} from '../../kit/format.js';
import {type Theme, useTheme} from '../../kit/theme.js';
import {asciiWord, word} from '../../kit/words.js';
import {type InspectorChoice, clampSelection, phaseAt} from './choice.js';
import {formulaFor} from './formula.js';
import {inspectorPalette, layoutNetwork, phaseShows} from './layout.js';

export interface InspectorProps {
	/** The inspected run's latest state (its label; whether it diverged). */
	readonly run: RunState | undefined;
	/** Its latest inspection; null before the first. */
	readonly probe: InspectProbe | null;
	readonly choice: InspectorChoice;
	/** Labels of the runs the inspector can draw, for a network that is too large. */
	readonly drawable: readonly string[];
	/** Columns and rows available. */
	readonly width: number;
	readonly height: number;
}

/** Lines the formula keeps at least: what is selected and two lines of it. */
const FORMULA_LINES = 3;

/** A phase's word in the strip: `L1` under forward and backward, `loss`, `update`. */
function phaseToken(phase: InspectPhase, language: Language, loss: string | null): string {
	switch (phase.kind) {
		case 'forward':
		case 'backward':
			return `L${phase.layer}`;
		case 'loss':
			return loss === null ? word('loss', language) : `${word('loss', language)} ${loss}`;
		case 'update':
			return word('update', language);
	}
}

interface StripPiece {
	readonly text: string;
	readonly state: 'done' | 'now' | 'later' | 'label';
}

/** `forward L1 L2 │ loss │ backward L2 L1 │ update`, the phase on screen marked; live: the key that starts. */
export function phaseStrip(depth: number, phase: number | null, language: Language, ascii: boolean, loss: string): StripPiece[] {
	const phases = inspectPhases(depth);
	const bar = ascii ? ' | ' : ' │ ';
	const pieces: StripPiece[] = [];
	if (phase === null) pieces.push({text: `${word('live', language)} ${ascii ? '|' : '·'} ${word('phaseHint', language)}${bar}`, state: 'label'});
	phases.forEach((p, k) => {
		const state = phase === null ? 'later' : k < phase ? 'done' : k === phase ? 'now' : 'later';
		const first = k === 0 || phases[k - 1]!.kind !== p.kind;
		if (first && k > 0) pieces.push({text: bar, state: 'label'});
		if (first && (p.kind === 'forward' || p.kind === 'backward')) pieces.push({text: `${word(p.kind, language)} `, state: 'label'});
		else if (!first) pieces.push({text: ' ', state: 'label'});
		pieces.push({text: phaseToken(p, language, phase !== null && k <= phase && p.kind === 'loss' ? loss : null), state});
	});
	return pieces;
}

function Strip({pieces, width, theme}: {readonly pieces: readonly StripPiece[]; readonly width: number; readonly theme: Theme}) {
	let left = width;
	return (
		<Text wrap="truncate-end">
			{pieces.map((p, k) => {
				const text = truncate(p.text, Math.max(0, left), theme.glyphs.ellipsis);
				left -= displayWidth(text);
				const style = p.state === 'now' ? {...theme.roles.accent, inverse: true} : p.state === 'done' ? theme.roles.text : theme.roles.dim;
				return (
					<Text key={k} {...style}>
						{text}
					</Text>
				);
			})}
		</Text>
	);
}

/** Said plainly when the run's network is larger than the inspector draws, with what can be shown instead. */
function TooLarge({layers, label, drawable, width, height, theme, language}: {readonly layers: readonly number[]; readonly label: string; readonly drawable: readonly string[]; readonly width: number; readonly height: number; readonly theme: Theme; readonly language: Language}) {
	const ascii = theme.glyphs.ascii;
	const note = asciiWord('tooLargeNote', language, ascii).replace('{layers}', String(INSPECT_MAX_LAYERS)).replace('{units}', String(INSPECT_MAX_UNITS));
	const lines = [
		`${label}: ${layers.join('-')} ${asciiWord('tooLarge', language, ascii)}`,
		...wrap(note, width, Math.max(1, height - 3), theme.glyphs.ellipsis),
		...(drawable.length > 0 ? [`${asciiWord('tooLargeRuns', language, ascii)}: ${drawable.join(', ')}`] : []),
	];
	return (
		<Box flexDirection="column" width={width} height={height} justifyContent="center">
			{lines.slice(0, height).map((line, k) => (
				<Text key={k} {...(k === 0 ? theme.roles.warn : theme.roles.text)}>
					{truncate(line, width, theme.glyphs.ellipsis)}
				</Text>
			))}
		</Box>
	);
}

export function Inspector({run, probe, choice, drawable, width, height}: InspectorProps) {
	const theme = useTheme();
	const language = useLanguage();
	const g = theme.glyphs;
	const palette = useMemo(() => inspectorPalette(theme), [theme]);
	const inspection = probe?.inspection ?? null;
	const step = inspection?.kind === 'step' ? inspection : null;
	const depth = step ? step.layers.length - 1 : 0;
	const phase = step ? phaseAt(choice.phase, depth) : null;
	const selection = step ? clampSelection(choice.selection, step.layers) : choice.selection;
	const pictureRows = Math.max(0, height - 1 - FORMULA_LINES);
	const picture = useMemo(
		() => (step ? layoutNetwork(step, phaseShows(phase, depth, step.lossName === 'cross-entropy'), selection, {columns: width, rows: pictureRows, palette, language, dash: g.dash}) : null),
		[step, phase, depth, selection, width, pictureRows, palette, language, g.dash],
	);
	if (!inspection) {
		return (
			<Box width={width} height={height} alignItems="center" justifyContent="center">
				<Text {...theme.roles.dim}>{truncate(asciiWord('waitingProbe', language, g.ascii), width, g.ellipsis)}</Text>
			</Box>
		);
	}
	if (inspection.kind === 'too-large') {
		return <TooLarge layers={inspection.layers} label={run?.label ?? ''} drawable={drawable} width={width} height={height} theme={theme} language={language} />;
	}
	const strip = phaseStrip(depth, choice.phase === null ? null : Math.min(choice.phase, 2 * depth + 1), language, g.ascii, String(Number(inspection.loss.toPrecision(3))));
	const shownRows = picture?.rows.length ?? 0;
	const formula = formulaFor(inspection, phase, selection, {language, ascii: g.ascii, dash: g.dash});
	const formulaRows = Math.max(1, height - 1 - shownRows);
	const body = formula.lines.flatMap((line) => wrap(line, width - 2, Infinity, g.ellipsis).map((piece, k) => (k === 0 ? piece : `  ${piece}`)));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Strip pieces={strip} width={width} theme={theme} />
			{picture ? <CellRows rows={picture.rows} width={width} /> : null}
			<Box flexDirection="column" height={formulaRows} justifyContent="flex-end">
				<Text {...theme.roles.accent}>{truncate(formula.head, width, g.ellipsis)}</Text>
				{body.slice(0, formulaRows - 1).map((line, k) => (
					<Text key={k}>{truncate(line, width, g.ellipsis)}</Text>
				))}
			</Box>
		</Box>
	);
}
