/** Wall-clock step timing shared by both sides, so they are measured the same way. */

/** Runs `step` for about `seconds` and returns steps per second. */
export function stepsPerSecond(step: () => void, seconds: number): number {
	const t0 = performance.now();
	const end = t0 + seconds * 1000;
	let steps = 0;
	// Steps are run in chunks so reading the clock costs nothing even at ~10⁶ steps/s.
	let chunk = 1;
	let now = t0;
	while (now < end) {
		const before = now;
		for (let k = 0; k < chunk; k++) step();
		steps += chunk;
		now = performance.now();
		if (now - before < 2) chunk *= 2;
	}
	return steps / ((now - t0) / 1000);
}

export function median(values: readonly number[]): number {
	const s = [...values].sort((p, q) => p - q);
	const mid = s.length >> 1;
	return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
