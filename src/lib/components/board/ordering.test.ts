import { describe, expect, it } from 'vitest';
import type { BoardColumn } from '$lib/domain/board';
import { dropIndex, layoutColumns, neighbourColumn, orderAt, placeAt } from './ordering';

describe('layoutColumns', () => {
	it('puts accounts without a decision in Undecided in inventory order, decided ones by their key', () => {
		const decisions = new Map<string, { column: BoardColumn; order: number }>([
			['c', { column: 'keep', order: 5 }],
			['a', { column: 'keep', order: -2 }],
			['d', { column: 'undecided', order: 0.5 }]
		]);
		const { layout, places } = layoutColumns(['a', 'b', 'c', 'd', 'e'], decisions);
		// b sits at inventory position 1 and e at 4; d's stored key 0.5 puts it before b
		expect(layout).toEqual({ undecided: ['d', 'b', 'e'], keep: ['a', 'c'], merge: [], retire: [] });
		expect(places.get('b')).toEqual({ accountId: 'b', column: 'undecided', order: 1, virtual: true });
		expect(places.get('c')).toEqual({ accountId: 'c', column: 'keep', order: 5, virtual: false });
	});

	it('breaks ties between equal keys by inventory position', () => {
		const decisions = new Map<string, { column: BoardColumn; order: number }>([
			['z', { column: 'retire', order: 1 }],
			['y', { column: 'retire', order: 1 }]
		]);
		expect(layoutColumns(['y', 'z'], decisions).layout.retire).toEqual(['y', 'z']);
		expect(layoutColumns(['z', 'y'], decisions).layout.retire).toEqual(['z', 'y']);
	});
});

describe('orderAt', () => {
	it.each([
		{ neighbours: [], index: 0, expected: 0 },
		{ neighbours: [3, 7], index: 0, expected: 2 },
		{ neighbours: [3, 7], index: 2, expected: 8 },
		{ neighbours: [3, 7], index: 9, expected: 8 },
		{ neighbours: [3, 7], index: 1, expected: 5 },
		{ neighbours: [1, 1.5, 9], index: 2, expected: 5.25 }
	])('places index $index among $neighbours at $expected', ({ neighbours, index, expected }) => {
		expect(orderAt(neighbours, index)).toBe(expected);
	});

	it('returns null when no number fits between the neighbours', () => {
		expect(orderAt([1, 1 + Number.EPSILON], 1)).toBeNull();
		expect(orderAt([4, 4], 1)).toBeNull();
	});
});

describe('placeAt', () => {
	it.each([
		{ items: ['a', 'b', 'c'], item: 'a', index: 2, expected: ['b', 'c', 'a'] },
		{ items: ['a', 'b', 'c'], item: 'c', index: 0, expected: ['c', 'a', 'b'] },
		{ items: ['a', 'b'], item: 'x', index: 1, expected: ['a', 'x', 'b'] },
		{ items: ['a', 'b'], item: 'x', index: 10, expected: ['a', 'b', 'x'] },
		{ items: [], item: 'x', index: -3, expected: ['x'] }
	])('moves $item to $index', ({ items, item, index, expected }) => {
		expect(placeAt(items, item, index)).toEqual(expected);
	});
});

describe('dropIndex', () => {
	const box = (top: number, bottom: number, left = 0, right = 200) => ({ top, bottom, left, right });
	const file = [box(0, 100), box(110, 210), box(220, 320)];
	it.each([
		{ y: 50, x: 10, expected: 1, what: 'the lower half of the first card' },
		{ y: 20, x: 10, expected: 0, what: 'the upper half of the first card' },
		{ y: 105, x: 10, expected: 1, what: 'the gap after the first card' },
		{ y: 260, x: 150, expected: 2, what: 'the upper half of the last card' },
		{ y: 999, x: 10, expected: 3, what: 'below every card' }
	])('in a single file, a pointer on $what drops at $expected', ({ x, y, expected }) => {
		expect(dropIndex(file, x, y)).toBe(expected);
	});

	// two cards per row: [0 1] [2 3]
	const rows = [box(0, 100, 0, 100), box(0, 80, 110, 210), box(110, 210, 0, 100), box(110, 200, 110, 210)];
	it.each([
		{ x: 20, y: 50, expected: 0, what: 'left half of the first card' },
		{ x: 80, y: 50, expected: 1, what: 'right half of the first card' },
		{ x: 190, y: 50, expected: 2, what: 'right half of the second card' },
		{ x: 150, y: 90, expected: 2, what: 'under the shorter second card, still on the first row' },
		{ x: 20, y: 150, expected: 2, what: 'left half of the third card' },
		{ x: 300, y: 150, expected: 4, what: 'right of the last row' },
		{ x: 20, y: 500, expected: 4, what: 'below every row' }
	])('in rows, a pointer $what drops at $expected', ({ x, y, expected }) => {
		expect(dropIndex(rows, x, y)).toBe(expected);
	});

	it('drops into an empty column at 0', () => {
		expect(dropIndex([], 5, 5)).toBe(0);
	});
});

describe('neighbourColumn', () => {
	it('walks the columns in board order and stops at the edges', () => {
		expect(neighbourColumn('undecided', -1)).toBeNull();
		expect(neighbourColumn('undecided', 1)).toBe('keep');
		expect(neighbourColumn('keep', 1)).toBe('merge');
		expect(neighbourColumn('merge', 1)).toBe('retire');
		expect(neighbourColumn('retire', 1)).toBeNull();
		expect(neighbourColumn('retire', -1)).toBe('merge');
	});
});
