import {describe, expect, it} from 'vitest';
import {BoundedSeries, DecimatedHistory} from '../src/runner/history.js';
import {Pacer, RateMeter} from '../src/runner/pacer.js';

describe('history', () => {
	it('BoundedSeries never exceeds its capacity and keeps the newest point', () => {
		const series = new BoundedSeries<number>(8);
		for (let k = 0; k < 1000; k++) {
			series.push(k);
			expect(series.length).toBeLessThan(8);
			expect(series.points.at(-1)).toBe(k);
		}
		expect(series.points[0]).toBe(0);
	});

	it('DecimatedHistory stays bounded over a million steps, evenly spaced, and hands out new points once', () => {
		const history = new DecimatedHistory<number>(100);
		let handed = 0;
		for (let k = 0; k < 1_000_000; k++) {
			history.offer(k);
			if (k % 1000 === 0) handed += history.take().length;
		}
		handed += history.take().length;
		expect(history.length).toBeLessThan(100);
		expect(history.length).toBeGreaterThan(40);
		const gaps = new Set(history.points.slice(1, -1).map((p, k) => p - history.points[k]!));
		expect(gaps.size).toBeLessThanOrEqual(2);
		expect(handed).toBeLessThan(2000);
		expect(history.take()).toEqual([]);
	});

	it('a forced offer is always kept', () => {
		const history = new DecimatedHistory<number>(4);
		for (let k = 0; k < 10; k++) history.offer(k);
		history.offer(99, true);
		expect(history.points.at(-1)).toBe(99);
	});
});

describe('pacing', () => {
	it('owes steps in proportion to elapsed time, without bursts after a pause', () => {
		const pacer = new Pacer();
		expect(pacer.due(100, 0)).toBe(0);
		expect(pacer.due(100, 50)).toBe(5);
		expect(pacer.due(100, 60)).toBe(1);
		pacer.reset();
		expect(pacer.due(100, 100_000)).toBe(0);
		expect(pacer.due('max', 100_001)).toBe(Number.POSITIVE_INFINITY);
	});

	it('RateMeter reports events per second over its window', () => {
		const meter = new RateMeter(1000);
		for (let t = 0; t <= 1000; t += 100) meter.add(10, t);
		expect(meter.rate(1000)).toBeCloseTo(100, 5);
		expect(meter.rate(5000)).toBe(0);
	});
});

describe('RateMeter', () => {
	it('reads one step a second as 1/s, not 0 (the window holds one sample)', () => {
		const meter = new RateMeter(1000);
		for (let t = 0; t <= 5000; t += 1000) meter.add(1, t);
		expect(meter.rate(5000)).toBeCloseTo(1, 6);
		const fast = new RateMeter(1000);
		for (let t = 0; t <= 3000; t += 10) fast.add(5, t);
		expect(fast.rate(3000)).toBeCloseTo(500, 0);
		expect(fast.rate(6000)).toBe(0); // stale: nothing for two windows
	});
});
