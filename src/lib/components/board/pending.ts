/**
 * Decisions shown before storage has them. A card move used to wait for its IndexedDB transaction
 * and for the live query to read every decision back (and check each against its schema) before the
 * card could move on screen; on a busy machine that round trip alone took longer than the 50 ms a
 * move may take. The board now shows the decision it is writing at once, and drops it again as soon
 * as the stored decisions catch up, or when the write fails.
 *
 * Pure, so that the rule for "caught up" is tested on its own (pending.test.ts):
 * - the stored record says the same (column, order, merge target, rationale): the write has landed;
 * - or the write has finished and the live query has delivered anything since: Dexie re-reads after
 *   every commit that touches the table, and never delivers a result read before a later commit, so
 *   whatever it delivers then is at least as new as the write (another tab may have written since).
 */
import type { DecisionRecord } from '$lib/schemas/db-records';
import type { DecisionMove } from '$lib/db/queries';
import { decisionAfterMove } from '$lib/domain/board/move';

export interface PendingDecision {
	/** The record the write will store, as far as the board can tell (its time may differ by a few ms). */
	record: DecisionRecord;
	/** Set when the write has finished: the stored decisions the board had at that moment. */
	storedAtWrite?: readonly DecisionRecord[] | undefined;
}

/** The record moveDecision will store for this move (the same rule: domain/board/move.ts). */
export function expectedRecord(accountId: string, move: DecisionMove, previous: DecisionRecord | undefined, now: Date): DecisionRecord {
	return decisionAfterMove(accountId, move, previous, now.toISOString()).next;
}

/** Whether two records put the card in the same place with the same decision. */
export function sameDecision(a: DecisionRecord | undefined, b: DecisionRecord): boolean {
	return (
		a !== undefined &&
		a.column === b.column &&
		a.order === b.order &&
		(a.mergeTargetId ?? null) === (b.mergeTargetId ?? null) &&
		a.rationale === b.rationale
	);
}

/** Whether storage has caught up with a pending decision (see the rule above). */
export function isSettled(
	pending: PendingDecision,
	stored: readonly DecisionRecord[] | undefined,
	storedRecord: DecisionRecord | undefined
): boolean {
	if (sameDecision(storedRecord, pending.record)) return true;
	return 'storedAtWrite' in pending && stored !== pending.storedAtWrite;
}

/**
 * The decisions as the board shows them: the stored ones with the pending ones laid over them (over
 * none while the stored ones are still loading: the board shows every card as undecided until then).
 * Returns `stored` itself when nothing is pending (or everything pending has settled).
 */
export function withPending(
	stored: readonly DecisionRecord[] | undefined,
	pending: ReadonlyMap<string, PendingDecision>
): readonly DecisionRecord[] | undefined {
	if (pending.size === 0) return stored;
	const byId = new Map((stored ?? []).map((record) => [record.accountId, record]));
	let changed = false;
	for (const [accountId, entry] of pending) {
		if (isSettled(entry, stored, byId.get(accountId))) continue;
		byId.set(accountId, entry.record);
		changed = true;
	}
	return changed ? [...byId.values()] : stored;
}

/** The pending decisions that have not settled yet. */
export function unsettled(
	stored: readonly DecisionRecord[] | undefined,
	pending: ReadonlyMap<string, PendingDecision>
): Map<string, PendingDecision> {
	const byId = new Map((stored ?? []).map((record) => [record.accountId, record]));
	return new Map([...pending].filter(([accountId, entry]) => !isSettled(entry, stored, byId.get(accountId))));
}
