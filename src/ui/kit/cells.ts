/**
 * Character grids for the picture views (boundary, race map, activation plots): cells with a
 * style, merged into runs of equal style so Ink gets a few `<Text>` pieces per row, not one per
 * character.
 */
import type {CellStyle} from './palette.js';

export interface Cell {
	/** One column wide. */
	readonly ch: string;
	readonly style: CellStyle;
}

/** A stretch of one row in one style. */
export interface Segment {
	readonly text: string;
	readonly style: CellStyle;
}

export type SegmentRow = readonly Segment[];

/** Whether two styles draw the same. */
export function sameStyle(a: CellStyle, b: CellStyle): boolean {
	return a === b || (a.color === b.color && a.backgroundColor === b.backgroundColor && !a.bold === !b.bold && !a.dimColor === !b.dimColor && !a.inverse === !b.inverse);
}

/** A row of cells as runs of equal style. */
export function toSegments(cells: readonly Cell[]): Segment[] {
	const out: Segment[] = [];
	let text = '';
	let style: CellStyle | null = null;
	for (const cell of cells) {
		if (style !== null && sameStyle(style, cell.style)) {
			text += cell.ch;
			continue;
		}
		if (style !== null) out.push({text, style});
		text = cell.ch;
		style = cell.style;
	}
	if (style !== null) out.push({text, style});
	return out;
}
