import {describe, expect, test} from 'vitest';
import {changeSpeed, speedLevels} from '../../../src/ui/dashboard/speed.js';

describe('speed', () => {
	test('the ladder climbs to max and back', () => {
		expect(speedLevels.at(-1)).toBe('max');
		let speed = speedLevels[0]!;
		const up = [speed];
		while (speed !== 'max') up.push((speed = changeSpeed(speed, 1)));
		expect(up).toEqual(speedLevels);
		expect(changeSpeed('max', 1)).toBe('max');
		expect(changeSpeed('max', -1)).toBe(5000);
		expect(changeSpeed(1, -1)).toBe(1);
	});
	test('off-ladder speeds move to the next level', () => {
		expect(changeSpeed(300, 1)).toBe(500);
		expect(changeSpeed(300, -1)).toBe(200);
	});
});
