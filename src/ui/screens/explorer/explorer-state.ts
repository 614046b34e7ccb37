/** The explorer's depth d in (max f′)^d, changed by + and −. */

/** Depths + and − step through. */
export const MAX_DEPTH = 50;

export type DepthAction = {readonly type: 'deeper'} | {readonly type: 'shallower'};

/** A starting depth within 1 … MAX_DEPTH. */
export function initialDepth(depth: number): number {
	return Math.max(1, Math.min(MAX_DEPTH, Math.round(depth)));
}

export function depthReducer(depth: number, action: DepthAction): number {
	return action.type === 'deeper' ? Math.min(MAX_DEPTH, depth + 1) : Math.max(1, depth - 1);
}
