/**
 * How ←/→ step a number: each field has a scale that reads well in a saved file. A learning rate
 * moves by ×10^¼ (four steps make ×10), rounded to three significant digits; other fields walk a
 * ladder of round values (0.9, 0.99, 0.999 …) or count by one. Pure, for the editor and for live
 * changes in a lesson alike.
 */

export type Scale =
	/** Multiply or divide by `factor`, rounded to `digits` significant digits, within [min, max]. */
	| {readonly kind: 'factor'; readonly factor: number; readonly digits: number; readonly min: number; readonly max: number}
	/** The next value of a sorted ladder above or below (a value between rungs goes to the nearer rung that way). */
	| {readonly kind: 'ladder'; readonly rungs: readonly number[]}
	/** Add or subtract `by`, within [min, max]. */
	| {readonly kind: 'count'; readonly by: number; readonly min: number; readonly max: number};

/** `value` with `digits` significant digits, as a plain number (0.0031622… → 0.00316). */
export function roundTo(value: number, digits: number): number {
	return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}

/** The learning rate's scale: ×10^¼ a step, three significant digits, from 1e-6 to 10. */
export const LR_SCALE: Scale = {kind: 'factor', factor: 10 ** 0.25, digits: 3, min: 1e-6, max: 10};

/** 1, 2, 5 × 10^k from `from` to `to`: round counts (steps, samples) and small positive numbers. */
export function oneTwoFive(from: number, to: number): number[] {
	const out: number[] = [];
	for (let e = Math.floor(Math.log10(from)); 10 ** e <= to; e++) {
		for (const m of [1, 2, 5]) {
			const v = roundTo(m * 10 ** e, 3);
			if (v >= from && v <= to) out.push(v);
		}
	}
	return out;
}

/** Factors near 1 (betas, alpha, rho, momentum): each rung a step closer to 1. */
export const NEAR_ONE = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999] as const;

/**
 * One step of `scale` from `value` (`by` +1 up, −1 down). Returns the value unchanged at either
 * end. `exact` is the unrounded value the previous step of a factor scale gave: stepping from it
 * keeps four ×10^¼ steps exactly ×10 (0.3 → 0.533 → 0.949 → 1.69 → 3), where stepping from the
 * rounded value would drift (→ 3.01).
 */
export function stepValue(value: number, scale: Scale, by: 1 | -1, exact?: number): {value: number; exact: number} {
	switch (scale.kind) {
		case 'factor': {
			const from = exact !== undefined && roundTo(exact, scale.digits) === value ? exact : value;
			if (!(from > 0)) return by > 0 ? {value: scale.min, exact: scale.min} : {value, exact: value};
			const next = by > 0 ? from * scale.factor : from / scale.factor;
			if (next > scale.max * (1 + 1e-9) || next < scale.min * (1 - 1e-9)) return {value, exact: from};
			return {value: roundTo(next, scale.digits), exact: next};
		}
		case 'ladder': {
			const rungs = scale.rungs;
			const next = by > 0 ? rungs.find((r) => r > value * (1 + 1e-12) + 1e-15) : [...rungs].reverse().find((r) => r < value * (1 - 1e-12) - 1e-15);
			return next === undefined ? {value, exact: value} : {value: next, exact: next};
		}
		case 'count': {
			const next = Math.min(scale.max, Math.max(scale.min, Math.round(value) + by * scale.by));
			return {value: next, exact: next};
		}
	}
}
