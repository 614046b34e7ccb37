/**
 * One rule, for the dashboard and the headless table, for a number too large to mean anything:
 * from float32's largest value on (where PyTorch's default dtype would already hold inf), a loss,
 * a gradient or a point is shown as "overflow", not as `1.9e+153` or `2.1713602723705866e+247`.
 */
import type {Text} from '../scenarios/types.js';

/** The largest float32, 3.4028235e38. */
export const OVERFLOW_AT = 3.4028234663852886e38;

/** What is shown instead of the number. */
export const OVERFLOW: Text = {en: 'overflow', ko: '오버플로'};

/** True for ±Infinity and for finite numbers at least OVERFLOW_AT in magnitude (not for NaN). */
export function isOverflow(value: number): boolean {
	return Math.abs(value) >= OVERFLOW_AT;
}
