/** Terminal sizes: what a screen gets, and the smallest it draws in. */

export interface TerminalSize {
	readonly columns: number;
	readonly rows: number;
}

/** The smallest terminal the screens draw in. */
export const MIN_SIZE: TerminalSize = {columns: 80, rows: 24};

/** Whether the terminal is smaller than MIN_SIZE. */
export function isTooSmall(size: TerminalSize): boolean {
	return size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
}
