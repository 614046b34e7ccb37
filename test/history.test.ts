import {describe, expect, it} from 'vitest';
import {BoundedSeries, HistorySampler} from '../src/runner/history.js';
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

	it('HistorySampler sends each point once, at a power-of-two stride that only grows', () => {
		const sampler = new HistorySampler<number>(100);
		const sent: number[] = [];
		for (let k = 0; k < 1_000_000; k++) {
			sampler.offer(() => k);
			if (k % 50 === 0) sent.push(...sampler.take());
		}
		sent.push(...sampler.take());
		const gaps = sent.slice(1).map((p, k) => p - sent[k]!);
		expect(gaps.every((gap, k) => gap > 0 && (gap & (gap - 1)) === 0 && (k === 0 || gap >= gaps[k - 1]!))).toBe(true);
		expect(sent.length).toBeLessThan(2000);
		expect(sampler.take()).toEqual([]);
	});

	it('HistorySampler sends exactly the points the old points-keeping history kept', () => {
		// The history the worker used to keep (and nothing read): its points decide what a chart shows.
		class Reference extends BoundedSeries<number> {
			private stride = 1;
			private offered = 0;
			private forced = false;
			readonly sent: number[] = [];
			offer(item: number, force = false): void {
				this.offered++;
				if (!force && (this.offered - 1) % this.stride !== 0) return;
				this.sent.push(item);
				this.forced = force;
				this.push(item);
			}
			protected override halve(): void {
				super.halve(this.forced);
				this.stride *= 2;
			}
		}
		const reference = new Reference(8);
		const sampler = new HistorySampler<number>(8);
		const sent: number[] = [];
		for (let k = 0; k < 5000; k++) {
			reference.offer(k, k === 4999);
			sampler.offer(() => k, k === 4999);
			if (k % 7 === 0) sent.push(...sampler.take());
		}
		sent.push(...sampler.take());
		expect(sent).toEqual(reference.sent);
	});

	it('HistorySampler holds at most its capacity for a receiver that never takes (headless)', () => {
		const sampler = new HistorySampler<number>(100);
		let most = 0;
		for (let k = 0; k < 1_000_000; k++) {
			sampler.offer(() => k);
			most = Math.max(most, sampler.length);
		}
		expect(most).toBeLessThan(100);
		expect(sampler.take().at(-1)).toBeGreaterThan(900_000);
	});

	it('a forced offer is always sent', () => {
		const sampler = new HistorySampler<number>(4);
		for (let k = 0; k < 10; k++) sampler.offer(() => k);
		sampler.offer(() => 99, true);
		expect(sampler.take().at(-1)).toBe(99);
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
