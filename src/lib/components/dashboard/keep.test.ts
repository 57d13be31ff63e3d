import { describe, expect, it } from 'vitest';
import { keepEqualItems, keepList, keepRange } from './keep';

describe('keepRange', () => {
	it('keeps the previous object for the same period', () => {
		const previous = { from: 10, to: 20 };
		expect(keepRange(previous, { from: 10, to: 20 })).toBe(previous);
	});

	it('takes the new period when it differs, and null as it is', () => {
		const previous = { from: 10, to: 20 };
		const next = { from: 10, to: 21 };
		expect(keepRange(previous, next)).toBe(next);
		expect(keepRange(previous, null)).toBeNull();
		const first = { from: 1, to: 2 };
		expect(keepRange(null, first)).toBe(first);
		expect(keepRange(undefined, first)).toBe(first);
	});
});

describe('keepList', () => {
	const a = { id: 'a' };
	const b = { id: 'b' };

	it('keeps the previous list when it holds the same objects in the same order', () => {
		const previous = [a, b];
		expect(keepList(previous, [a, b])).toBe(previous);
	});

	it('takes the new list for other objects, another order or another length', () => {
		const previous = [a, b];
		const reordered = [b, a];
		expect(keepList(previous, reordered)).toBe(reordered);
		const shorter = [a];
		expect(keepList(previous, shorter)).toBe(shorter);
		// equal data in a new object is a new list: accounts are compared by identity
		const copy = [a, { id: 'b' }];
		expect(keepList(previous, copy)).toBe(copy);
		const empty: { id: string }[] = [];
		expect(keepList(undefined, empty)).toBe(empty);
		expect(keepList([], empty)).not.toBe(empty);
	});
});

describe('keepEqualItems', () => {
	const row = (id: string, value: number | null) => ({ id, value, ends: { from: { day: 1, value: 2 }, to: { day: 9, value } } });

	it('keeps each equal item under its key, and a new object for each changed one', () => {
		const previous = [row('a', 1), row('b', 2), row('c', 3)];
		const next = [row('a', 1), row('b', 5), row('c', 3)];
		const kept = keepEqualItems(previous, next, (item) => item.id);
		expect(kept).not.toBe(previous);
		expect(kept[0]).toBe(previous[0]);
		expect(kept[1]).toBe(next[1]);
		expect(kept[2]).toBe(previous[2]);
		expect(kept).toEqual(next);
	});

	it('returns the previous list when every item is equal and in the same order', () => {
		const previous = [row('a', 1), row('b', null)];
		expect(keepEqualItems(previous, [row('a', 1), row('b', null)], (item) => item.id)).toBe(previous);
	});

	it('follows the new order and drops items that left', () => {
		const previous = [row('a', 1), row('b', 2), row('c', 3)];
		const next = [row('c', 3), row('a', 1)];
		const kept = keepEqualItems(previous, next, (item) => item.id);
		expect(kept).toEqual(next);
		expect(kept[0]).toBe(previous[2]);
		expect(kept[1]).toBe(previous[0]);
	});

	it('takes the new list as it is without a previous one', () => {
		const next = [row('a', 1)];
		expect(keepEqualItems(undefined, next, (item) => item.id)).toBe(next);
	});
});
