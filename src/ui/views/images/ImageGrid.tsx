/**
 * Image data: a few test images with every run's guess beside each, and a confusion matrix per
 * run (or the one singled out with `[` `]`). See layout.ts.
 */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {ImageSamples, RunProbe} from '../../../runner/protocol.js';
import {CellRows} from '../../kit/CellRows.js';
import {useLanguage} from '../../kit/context.js';
import {center} from '../../kit/format.js';
import {type Theme, runColor, runMarker, useTheme} from '../../kit/theme.js';
import {word} from '../../kit/words.js';
import {type ImageInk, type ImageRun, layoutImages} from './layout.js';

export interface ImageGridProps {
	/** Each run's label, in run order. */
	readonly labels: readonly string[];
	/** The latest probe of each run; null before the first. */
	readonly probes: readonly RunProbe[] | null;
	readonly samples: ImageSamples | null;
	readonly focus: number | null;
	readonly width: number;
	readonly height: number;
}

/** The runs as the layout draws them. */
function imageRuns(labels: readonly string[], probes: readonly RunProbe[] | null, theme: Theme): ImageRun[] {
	return labels.map((label, k) => ({marker: runMarker(theme, k), label, color: runColor(theme, k), predictions: probes?.[k]?.images}));
}

export function ImageGrid({labels, probes, samples, focus, width, height}: ImageGridProps) {
	const theme = useTheme();
	const language = useLanguage();
	const g = theme.glyphs;
	const ink: ImageInk = g.ascii ? 'ascii' : theme.name === 'color' ? 'grey' : 'blocks';
	// A new array each frame with the same labels: the layout is redone only when they change.
	const names = labels.join('\n');
	const rows = useMemo(() => {
		const runs = imageRuns(names.split('\n'), probes, theme);
		const bad = theme.roles.bad.color;
		const mistake = theme.name === 'color' && bad ? {color: bad} : {};
		return layoutImages(samples, runs, {columns: width, rows: height, ink, focus, mistake, rule: g.ascii ? '|' : '│', zero: g.ascii ? '.' : '·', language, separator: g.separator, ellipsis: g.ellipsis});
	}, [names, probes, samples, focus, width, height, theme, ink, g, language]);
	if (!samples) {
		return (
			<Box width={width} height={height} alignItems="center" justifyContent="center">
				<Text {...theme.roles.dim}>{center(word('waitingProbe', language), width, g.ellipsis)}</Text>
			</Box>
		);
	}
	return <CellRows rows={rows} width={width} />;
}
