import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateSize, indexesToDraw, layoutList, nextIndex, rangeIn, spacing, stickyRange } from './windowing';

const keys = (count: number) => Array.from({ length: count }, (_, index) => `k${index}`);

describe('layoutList', () => {
	it('puts measured items at their heights and the others at the estimate, each followed by the gap', () => {
		const measured = new Map([
			['k0', 100],
			['k2', 300]
		]);
		const layout = layoutList(keys(4), (key) => measured.get(key), 200, 10);
		expect([...layout.offsets]).toEqual([0, 110, 320, 630]);
		expect([...layout.sizes]).toEqual([110, 210, 310, 210]);
		expect(layout.total).toBe(840);
	});

	it('is empty for no items', () => {
		expect(layoutList([], () => 1, 200, 10).total).toBe(0);
	});
});

describe('estimateSize', () => {
	it('is the mean of the measured heights, else the fallback', () => {
		expect(estimateSize([100, 300], 50)).toBe(200);
		expect(estimateSize([], 50)).toBe(50);
	});
});

describe('rangeIn', () => {
	const layout = layoutList(keys(5), () => 90, 0, 10); // items at 0, 100, 200, 300, 400; total 500
	it('finds the items overlapping a span, partly overlapping ones included', () => {
		expect(rangeIn(layout, 150, 250)).toEqual([1, 2]);
		expect(rangeIn(layout, 0, 100)).toEqual([0, 0]);
		expect(rangeIn(layout, 99, 101)).toEqual([0, 1]);
		expect(rangeIn(layout, -500, 5000)).toEqual([0, 4]);
	});
	it('finds nothing outside the list or for an empty span', () => {
		expect(rangeIn(layout, 500, 900)).toBeNull();
		expect(rangeIn(layout, -300, 0)).toBeNull();
		expect(rangeIn(layout, 200, 200)).toBeNull();
		expect(rangeIn(layoutList([], () => 1, 1, 0), 0, 100)).toBeNull();
	});
	it('agrees with a linear scan for any heights and span', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 60 }), fc.integer({ min: -200, max: 20000 }), fc.integer({ min: 0, max: 3000 }), (heights, from, length) => {
				const layout = layoutList(keys(heights.length), (key) => heights[Number(key.slice(1))], 0, 12);
				const overlapping = heights.map((_, index) => index).filter((index) => layout.offsets[index] < from + length && layout.offsets[index] + layout.sizes[index] > from);
				const range = rangeIn(layout, from, from + length);
				expect(range).toEqual(overlapping.length > 0 && length > 0 ? [overlapping[0], overlapping[overlapping.length - 1]] : null);
			})
		);
	});
});

describe('indexesToDraw and spacing', () => {
	it('adds pinned items far from the range, in list order, once', () => {
		expect(indexesToDraw([3, 5], [9, 4, 0, 99, -1], 10)).toEqual([0, 3, 4, 5, 9]);
		expect(indexesToDraw(null, [2], 10)).toEqual([2]);
	});

	it('leaves room so that each drawn item sits at its offset and the list keeps its height', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (heights, picks) => {
				const layout = layoutList(keys(heights.length), (key) => heights[Number(key.slice(1))], 0, 12);
				const drawn = indexesToDraw(null, picks.map((pick) => pick % heights.length), heights.length);
				const { before, after } = spacing(layout, drawn);
				// laid out in flow: each drawn item's margin, then its own slot
				let at = 0;
				drawn.forEach((index, position) => {
					at += before[position];
					expect(at).toBeCloseTo(layout.offsets[index]);
					at += layout.sizes[index];
				});
				expect(at + after).toBeCloseTo(layout.total);
			})
		);
	});
});

describe('stickyRange', () => {
	it('keeps the drawn range while it holds what is needed, the same array', () => {
		const previous: [number, number] = [10, 30];
		expect(stickyRange(previous, [12, 25], [8, 28])).toBe(previous);
		expect(stickyRange(previous, [10, 30], [5, 35])).toBe(previous);
	});
	it('moves to the wanted range once the needed one reaches past it, or when there is nothing to keep', () => {
		expect(stickyRange([10, 30], [20, 31], [15, 40])).toEqual([15, 40]);
		expect(stickyRange([10, 30], [9, 20], [4, 25])).toEqual([4, 25]);
		expect(stickyRange(null, [12, 25], [8, 28])).toEqual([8, 28]);
		expect(stickyRange([10, 30], null, null)).toBeNull();
	});
	it('always covers what is needed when the wanted range does', () => {
		const span = fc.tuple(fc.nat(200), fc.nat(50)).map(([from, length]): [number, number] => [from, from + length]);
		fc.assert(
			fc.property(fc.option(span, { nil: null }), span, fc.nat(20), fc.nat(20), (previous, needed, above, below) => {
				const wanted: [number, number] = [Math.max(0, needed[0] - above), needed[1] + below];
				const range = stickyRange(previous, needed, wanted);
				expect(range).not.toBeNull();
				expect(range![0]).toBeLessThanOrEqual(needed[0]);
				expect(range![1]).toBeGreaterThanOrEqual(needed[1]);
				expect(range === previous || range === wanted).toBe(true);
			})
		);
	});
});

describe('nextIndex', () => {
	const wanted = new Set([2, 7]);
	it('finds the next wanted index after the given one, wrapping round', () => {
		expect(nextIndex(10, 0, (index) => wanted.has(index))).toBe(2);
		expect(nextIndex(10, 2, (index) => wanted.has(index))).toBe(7);
		expect(nextIndex(10, 7, (index) => wanted.has(index))).toBe(2);
		expect(nextIndex(10, -1, (index) => wanted.has(index))).toBe(2);
	});
	it('is -1 when none is wanted', () => {
		expect(nextIndex(10, 3, () => false)).toBe(-1);
		expect(nextIndex(0, 0, () => true)).toBe(-1);
	});
});
