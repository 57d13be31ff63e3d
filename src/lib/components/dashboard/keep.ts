/**
 * Keeping what did not change between two views of the dashboard. Each change of range, grain or
 * metric derives new objects for everything downstream (the period, the chosen accounts, the KPI
 * answer from the worker, the accounts table's rows), and Svelte re-renders whatever reads an
 * object that is new, even when it holds the same figures. Handing back the previous object where
 * the new one is equal means:
 * - a change of grain or metric that leaves the period as it was asks no new KPI computation and no
 *   new accounts table (their inputs are the same objects, so the effects do not run again);
 * - a change of period re-renders only the cards and rows whose figures changed, and a sparkline
 *   whose data is the same is not redrawn.
 *
 * Equality is the board's (`sameData`: plain data member by member, typed arrays element by
 * element), so a kept object always shows exactly what the new one would.
 */
import { sameData } from '$lib/components/board/stable';
import type { DayRange } from '$lib/domain/analytics/types';

export { sameData };

/** `next`, or `previous` when it is the same period. */
export function keepRange<R extends DayRange | null>(previous: R | undefined, next: R): R {
	if (previous && next && previous.from === next.from && previous.to === next.to) return previous;
	return next;
}

/** `next`, or `previous` when it holds the same items (the same objects) in the same order. */
export function keepList<T>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
	if (!previous || previous.length !== next.length) return next;
	for (let index = 0; index < next.length; index++) if (previous[index] !== next[index]) return next;
	return previous;
}

/**
 * `next`, with each item that equals the previous list's item of the same key replaced by that
 * previous object; the previous list itself when every item was kept in the same order.
 */
export function keepEqualItems<T>(previous: readonly T[] | undefined, next: readonly T[], key: (item: T) => string): readonly T[] {
	if (!previous) return next;
	const before = new Map(previous.map((item) => [key(item), item]));
	let unchanged = previous.length === next.length;
	const kept = next.map((item, index) => {
		const old = before.get(key(item));
		const value = old !== undefined && sameData(old, item) ? old : item;
		if (value !== previous[index]) unchanged = false;
		return value;
	});
	return unchanged ? previous : kept;
}
