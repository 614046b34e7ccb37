/** The speed ladder + and − climb. */
import type {Speed} from '../../runner/protocol.js';

/** Steps per second for + and −; `max` trains as fast as the machine can. */
export const speedLevels: readonly Speed[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 'max'];

/** The next speed level up (`by` = 1) or down (−1) from `speed`, which need not be on the ladder. */
export function changeSpeed(speed: Speed, by: 1 | -1): Speed {
	const numeric = speedLevels.filter((s): s is number => s !== 'max');
	if (by > 0) {
		if (speed === 'max') return 'max';
		return numeric.find((s) => s > speed) ?? 'max';
	}
	if (speed === 'max') return numeric.at(-1)!;
	return numeric.findLast((s) => s < speed) ?? numeric[0]!;
}
