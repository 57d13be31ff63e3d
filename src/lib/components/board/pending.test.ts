import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChorusDatabase } from '$lib/db/database';
import { listDecisions, moveDecision, type DecisionMove } from '$lib/db/queries';
import { dispose, freshDatabase } from '$lib/db/test-support';
import type { BoardColumn } from '$lib/domain/board';
import type { DecisionRecord } from '$lib/schemas/db-records';
import { expectedRecord, isSettled, sameDecision, unsettled, withPending, type PendingDecision } from './pending';

const NOW = new Date('2026-11-26T12:00:00Z');
const LATER = new Date('2026-11-26T12:05:00Z');

function record(accountId: string, column: BoardColumn, order: number, extra: Partial<DecisionRecord> = {}): DecisionRecord {
	return { accountId, column, order, mergeTargetId: null, rationale: '', decidedAt: NOW.toISOString(), ...extra };
}

describe('expectedRecord', () => {
	let database: ChorusDatabase;
	beforeEach(() => {
		database = freshDatabase();
	});
	afterEach(async () => {
		await dispose(database);
	});

	it('is the record moveDecision stores, for any sequence of moves', async () => {
		const ids = ['x:a', 'x:b', 'x:c'];
		const move = fc.record({
			accountId: fc.constantFrom(...ids),
			column: fc.constantFrom<BoardColumn>('undecided', 'keep', 'merge', 'retire'),
			order: fc.integer({ min: -5, max: 5 }),
			target: fc.option(fc.constantFrom(...ids), { nil: undefined }),
			rationale: fc.option(fc.constantFrom('', 'Dormant', 'Same audience'), { nil: undefined }),
			later: fc.boolean()
		});
		await fc.assert(
			fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 10 }), async (moves) => {
				await database.decisions.clear();
				for (const { accountId, column, order, target, rationale, later } of moves) {
					if (target === accountId) continue; // refused by moveDecision, never asked by the board
					const decision: DecisionMove = { column, order, mergeTargetId: target, rationale };
					const now = later ? LATER : NOW;
					const previous = (await listDecisions(database)).find((one) => one.accountId === accountId);
					const expected = expectedRecord(accountId, decision, previous, now);
					expect(await moveDecision(database, accountId, decision, now)).toEqual(expected);
				}
			}),
			{ numRuns: 40 }
		);
	});
});

describe('withPending', () => {
	const stored = [record('x:a', 'keep', 0), record('x:b', 'undecided', 1)];

	it('returns the stored decisions themselves when nothing is pending', () => {
		expect(withPending(stored, new Map())).toBe(stored);
		expect(withPending(undefined, new Map())).toBeUndefined();
	});

	it('shows a move made while the stored decisions are still loading', () => {
		const moved = record('x:a', 'retire', 0);
		expect(withPending(undefined, new Map([['x:a', { record: moved }]]))).toEqual([moved]);
		expect(withPending(undefined, new Map([['x:a', { record: moved, storedAtWrite: undefined }]]))).toEqual([moved]);
	});

	it('lays a move being written over the stored decisions, new accounts included', () => {
		const pending = new Map<string, PendingDecision>([
			['x:b', { record: record('x:b', 'keep', 1) }],
			['x:c', { record: record('x:c', 'retire', 0, { rationale: 'Dormant' }) }]
		]);
		expect(withPending(stored, pending)).toEqual([record('x:a', 'keep', 0), record('x:b', 'keep', 1), record('x:c', 'retire', 0, { rationale: 'Dormant' })]);
	});

	it('gives way once the stored record says the same, whatever its time', () => {
		const moved = record('x:b', 'keep', 1);
		const landed = [stored[0], { ...moved, decidedAt: LATER.toISOString() }];
		const pending = new Map([['x:b', { record: moved }]]);
		expect(withPending(landed, pending)).toBe(landed);
		expect(unsettled(landed, pending).size).toBe(0);
	});

	it('after the write, gives way to the next stored decisions even when they differ (another tab wrote since)', () => {
		const moved = record('x:b', 'keep', 1);
		const written: PendingDecision = { record: moved, storedAtWrite: stored };
		const pending = new Map([['x:b', written]]);
		// the live query has not delivered since the write: the move is still shown
		expect(withPending(stored, pending)).toEqual([stored[0], moved]);
		expect(unsettled(stored, pending).get('x:b')).toBe(written);
		// it has: what storage says now wins
		const other = [stored[0], record('x:b', 'retire', 4, { rationale: 'From the other tab' })];
		expect(withPending(other, pending)).toBe(other);
		expect(unsettled(other, pending).size).toBe(0);
	});

	it('does not give way before the write has finished, even when the stored decisions change', () => {
		const moved = record('x:b', 'keep', 1);
		const pending = new Map([['x:b', { record: moved }]]);
		const unrelated = [record('x:a', 'retire', 0), stored[1]];
		expect(withPending(unrelated, pending)).toEqual([record('x:a', 'retire', 0), moved]);
	});
});

describe('sameDecision and isSettled', () => {
	it('compare place and decision, not time', () => {
		const one = record('x:a', 'merge', 2, { mergeTargetId: 'x:b', rationale: 'Same audience' });
		expect(sameDecision({ ...one, decidedAt: LATER.toISOString() }, one)).toBe(true);
		expect(sameDecision({ ...one, order: 3 }, one)).toBe(false);
		expect(sameDecision({ ...one, mergeTargetId: 'x:c' }, one)).toBe(false);
		expect(sameDecision({ ...one, rationale: '' }, one)).toBe(false);
		expect(sameDecision(undefined, one)).toBe(false);
		expect(isSettled({ record: one }, [], undefined)).toBe(false);
		expect(isSettled({ record: one, storedAtWrite: undefined }, [], undefined)).toBe(true);
	});
});
