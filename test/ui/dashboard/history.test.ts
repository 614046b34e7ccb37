import {describe, expect, test} from 'vitest';
import {RunHistory} from '../../../src/ui/dashboard/history.js';
import {history} from '../fixtures.js';

const steps = (h: RunHistory) => h.points.map((p) => p.step);
const points = history(100, () => 1);

describe('RunHistory', () => {
	test('appending leaves the older view as it was, and shares its points instead of copying them', () => {
		const a = RunHistory.empty(16).append(points.slice(0, 3));
		const b = a.append(points.slice(3, 5));
		expect(steps(a)).toEqual([1, 2, 3]);
		expect(steps(b)).toEqual([1, 2, 3, 4, 5]);
		expect(b.points[0]).toBe(a.points[0]);
		// Nothing new: the same view.
		expect(b.append([])).toBe(b);
	});

	test('appending to the newest view extends its array in place (no copy per snapshot)', () => {
		const a = RunHistory.empty(16).append(points.slice(0, 3));
		const shared = a.points;
		const b = a.append(points.slice(3, 5));
		expect(b.points).toBe(shared);
		expect(a.points).not.toBe(shared); // the older view reads its own end of it
	});

	test('two futures of one view never see each other\'s points (a reducer run twice on one state)', () => {
		const a = RunHistory.empty(16).append(points.slice(0, 3));
		const b = a.append(points.slice(3, 5));
		const c = a.append(points.slice(50, 52));
		expect(steps(b)).toEqual([1, 2, 3, 4, 5]);
		expect(steps(c)).toEqual([1, 2, 3, 51, 52]);
		expect(steps(a)).toEqual([1, 2, 3]);
	});

	test('full: every other point and the newest are kept, in a new array; older views keep theirs', () => {
		let h = RunHistory.empty(16);
		const views: RunHistory[] = [];
		for (const p of points.slice(0, 40)) views.push((h = h.append([p])));
		expect(h.length).toBeLessThan(16);
		expect(h.points.at(-1)!.step).toBe(40);
		expect(h.points[0]!.step).toBe(1);
		// Evenly thinned: the kept steps are increasing and none is repeated.
		const kept = steps(h);
		expect([...kept].sort((x, y) => x - y)).toEqual(kept);
		expect(new Set(kept).size).toBe(kept.length);
		// Every earlier view still shows exactly what it showed when it was made.
		views.forEach((v, k) => {
			if (v.length === k + 1) expect(steps(v)).toEqual(points.slice(0, k + 1).map((p) => p.step));
			expect(v.points.at(-1)!.step).toBe(k + 1);
		});
		const before = views[13]!;
		expect(steps(before)).toEqual(points.slice(0, 14).map((p) => p.step));
	});

	test('a batch larger than the capacity is thinned in one go', () => {
		const h = RunHistory.empty(16).append(points);
		expect(h.length).toBeLessThan(16);
		expect(h.points.at(-1)!.step).toBe(100);
	});

	test('capacity must be even and at least 4', () => {
		expect(() => RunHistory.empty(5)).toThrow();
		expect(() => RunHistory.empty(2)).toThrow();
	});
});
