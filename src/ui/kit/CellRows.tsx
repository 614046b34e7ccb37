/** Rows of styled segments (from cells.ts), one pre-coloured `<Text>` per row (see paint.ts). */
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {SegmentRow} from './cells.js';
import {paint} from './paint.js';

export interface CellRowsProps {
	/** Each row's segments; every row at most `width` columns. */
	readonly rows: readonly SegmentRow[];
	/** Columns the block takes. */
	readonly width: number;
}

/** Memoised: a picture that did not change (no new probe since the last frame) is not re-reconciled. */
export const CellRows = memo(function CellRows({rows, width}: CellRowsProps) {
	return (
		<Box flexDirection="column" width={width} height={rows.length}>
			{rows.map((row, r) => (
				<Text key={r} wrap="truncate-end">
					{row.map((segment) => paint(segment.text, segment.style)).join('')}
				</Text>
			))}
		</Box>
	);
});
