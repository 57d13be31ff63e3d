import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePortfolio, estimateAllUniqueReach, recommendAll, type BoardColumn, type DecisionMap } from '$lib/domain/board';
import { day, makePortfolio } from '$lib/domain/board/test-fixtures';
import { keepEqualEntries, keepEqualValues, sameData } from './stable';

describe('sameData', () => {
	it('compares primitives by value, NaN included', () => {
		expect(sameData(1, 1)).toBe(true);
		expect(sameData(Number.NaN, Number.NaN)).toBe(true);
		expect(sameData(1, '1')).toBe(false);
		expect(sameData(null, undefined)).toBe(false);
		expect(sameData(null, {})).toBe(false);
	});

	it('compares arrays and plain objects member by member', () => {
		expect(sameData({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
		expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
		expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
		expect(sameData([1], { 0: 1 })).toBe(false);
	});

	it('compares typed arrays element by element, and other objects only by identity', () => {
		expect(sameData(Float64Array.of(1, Number.NaN), Float64Array.of(1, Number.NaN))).toBe(true);
		expect(sameData(Float64Array.of(1), Float32Array.of(1))).toBe(false);
		expect(sameData(Int32Array.of(1, 2), Int32Array.of(1, 3))).toBe(false);
		const map = new Map([['a', 1]]);
		expect(sameData(map, map)).toBe(true);
		expect(sameData(map, new Map([['a', 1]]))).toBe(false);
		expect(sameData(new Date(0), new Date(0))).toBe(false);
	});

	it('holds between any JSON-like value and its copy, and tells a changed copy apart', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(sameData(value, structuredClone(value))).toBe(true);
				expect(sameData({ value }, { value, extra: 1 })).toBe(false);
			})
		);
	});
});

describe('keepEqualValues', () => {
	it('keeps the previous object of each equal value, and the previous record when nothing changed', () => {
		const previous = { a: { n: 1 }, b: { n: 2 } };
		const same = keepEqualValues(previous, { a: { n: 1 }, b: { n: 2 } });
		expect(same).toBe(previous);

		const next = keepEqualValues(previous, { a: { n: 1 }, b: { n: 3 }, c: { n: 4 } });
		expect(next).toEqual({ a: { n: 1 }, b: { n: 3 }, c: { n: 4 } });
		expect(next.a).toBe(previous.a);
		expect(next.b).not.toBe(previous.b);

		const fewer = keepEqualValues(previous, { a: { n: 1 } });
		expect(fewer).toEqual({ a: { n: 1 } });
		expect(fewer).not.toBe(previous);
		expect(fewer.a).toBe(previous.a);
	});

	it('always equals the new record, and shares exactly the values that did not change', () => {
		const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.jsonValue());
		fc.assert(
			fc.property(record, record, (before, after) => {
				const previous = structuredClone(before);
				const kept = keepEqualValues(previous, after);
				expect(kept).toEqual(after);
				for (const key of Object.keys(after)) {
					const shared = Object.hasOwn(previous, key) && previous[key] !== undefined && sameData(previous[key], after[key]);
					expect(kept[key]).toBe(shared ? previous[key] : after[key]);
				}
			})
		);
	});
});

describe('keepEqualEntries', () => {
	it('does for maps what keepEqualValues does for records', () => {
		const previous = new Map([
			['a', [1]],
			['b', [2]]
		]);
		expect(
			keepEqualEntries(
				previous,
				new Map([
					['b', [2]],
					['a', [1]]
				])
			)
		).toBe(previous);
		const next = keepEqualEntries(
			previous,
			new Map([
				['a', [1]],
				['b', [5]]
			])
		);
		expect([...next]).toEqual([
			['a', [1]],
			['b', [5]]
		]);
		expect(next.get('a')).toBe(previous.get('a'));
		expect(keepEqualEntries(undefined, next)).toBe(next);
	});
});

describe('per-account values across card moves', () => {
	// What the board state does on every move: the new estimates and suggestions, with equal ones
	// keeping their previous objects. Whatever the moves, the result must be what a full computation
	// for the final decisions gives, and an account whose figures did not change keeps its object.
	const today = day('2026-11-26');
	const inputs = makePortfolio(10, today);
	const analysis = analyzePortfolio(inputs, today);
	const ids = inputs.map((input) => input.account.id);
	const move = fc.record({
		account: fc.constantFrom(...ids),
		column: fc.constantFrom<BoardColumn>('undecided', 'keep', 'merge', 'retire'),
		target: fc.constantFrom(...ids)
	});

	it('equals the full computation after any sequence of moves', () => {
		fc.assert(
			fc.property(fc.array(move, { minLength: 1, maxLength: 12 }), (moves) => {
				let decisions: DecisionMap = {};
				let reach = keepEqualValues(undefined, estimateAllUniqueReach(analysis.reach, decisions));
				let recommendations = keepEqualValues(undefined, recommendAll({ ...analysis, decisions }));
				for (const { account, column, target } of moves) {
					decisions = { ...decisions, [account]: { column, mergeTargetId: column === 'merge' && target !== account ? target : null } };
					const freshReach = estimateAllUniqueReach(analysis.reach, decisions);
					const freshRecommendations = recommendAll({ ...analysis, decisions });
					const nextReach = keepEqualValues(reach, freshReach);
					const nextRecommendations = keepEqualValues(recommendations, freshRecommendations);
					expect(nextReach).toEqual(freshReach);
					expect(nextRecommendations).toEqual(freshRecommendations);
					for (const id of ids) {
						expect(nextReach[id] === reach[id]).toBe(sameData(reach[id], freshReach[id]));
						expect(nextRecommendations[id] === recommendations[id]).toBe(sameData(recommendations[id], freshRecommendations[id]));
					}
					reach = nextReach;
					recommendations = nextRecommendations;
				}
			}),
			{ numRuns: 40 }
		);
	});
});
