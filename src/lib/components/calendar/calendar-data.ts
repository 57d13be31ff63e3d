/**
 * Lookups the calendar page derives from stored records, as plain functions: the page's state
 * recomputes them when their inputs change (they are rebuilt, never mutated, so plain Maps and
 * Sets are right here), and they are testable without a browser.
 */
import type { ChorusDatabase } from '$lib/db/database';
import { listAccounts } from '$lib/db/queries';
import { listPostTags, postTagKey } from '$lib/db/tags';
import type { DayRange } from '$lib/domain/analytics/types';
import type { PlannedItem } from '$lib/domain/calendar/items';
import type { MatchablePost, PostIndex } from '$lib/domain/calendar/match';
import type { PostTagging } from '$lib/domain/analytics/topics';
import type { DayNumber } from '$lib/domain/days';
import { currentLocale } from '$lib/i18n/i18n.svelte';

/** One formatter per language: made on first use, since creating one is not free and every cell names its day. */
const weekdayDates = new Map<string, Intl.DateTimeFormat>();

/**
 * "Tuesday, November 23, 2021" (in Chinese "2021年11月23日星期二"): how a day is named to screen
 * readers and in announcements, in the active language.
 */
export function spokenDay(day: DayNumber): string {
	const locale = currentLocale();
	let format = weekdayDates.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
		weekdayDates.set(locale, format);
	}
	return format.format(day * 86_400_000);
}

/** Every manual tag list in the workspace, by `${accountId}|${postId}`. */
export async function readAllManualTags(database: ChorusDatabase): Promise<Map<string, string[]>> {
	const accounts = await listAccounts(database);
	const lists = await Promise.all(accounts.map(async (account) => [account.id, await listPostTags(database, account.id)] as const));
	const all = new Map<string, string[]>();
	for (const [accountId, tags] of lists) for (const [postId, list] of tags) all.set(postTagKey(accountId, postId), list);
	return all;
}

export function indexById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
	return new Map(records.map((record) => [record.id, record]));
}

/** Accounts in a board column (Keep, for target suggestions). */
export function accountIdsInColumn(decisions: readonly { accountId: string; column: string }[], column: string): Set<string> {
	return new Set(decisions.filter((decision) => decision.column === column).map((decision) => decision.accountId));
}

/** Dated items inside the range, by day, in the order given. */
export function itemsByDayIn<T extends Pick<PlannedItem, 'day'>>(items: readonly T[], range: DayRange): Map<DayNumber, T[]> {
	const byDay = new Map<DayNumber, T[]>();
	for (const item of items) {
		if (item.day === null || item.day < range.from || item.day > range.to) continue;
		const list = byDay.get(item.day);
		if (list) list.push(item);
		else byDay.set(item.day, [item]);
	}
	return byDay;
}

/** The indexed posts of each day in the range that `keep` lets through; days without any are left out. */
export function postsByDayIn<P extends MatchablePost>(index: PostIndex<P>, range: DayRange, keep: (post: P) => boolean): Map<DayNumber, P[]> {
	const byDay = new Map<DayNumber, P[]>();
	for (let day = range.from; day <= range.to; day++) {
		const posts = index.byDay.get(day)?.filter(keep);
		if (posts && posts.length > 0) byDay.set(day, posts);
	}
	return byDay;
}

/** Linked posts claimed by items other than `itemId`. */
export function postsTakenByOthers(owners: ReadonlyMap<string, string>, itemId: string): Set<string> {
	const taken = new Set<string>();
	for (const [key, owner] of owners) if (owner !== itemId) taken.add(key);
	return taken;
}

/** The item each linked post belongs to (the first, should two claim one). */
export function plannedItemByPost<T extends Pick<PlannedItem, 'linkedPostIds'>>(items: readonly T[]): Map<string, T> {
	const byKey = new Map<string, T>();
	for (const item of items) for (const key of item.linkedPostIds) if (!byKey.has(key)) byKey.set(key, item);
	return byKey;
}

/** Posts each rule matched. */
export function ruleMatchCounts(tagged: readonly { tagging: Pick<PostTagging, 'matchedRuleIds'> }[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const entry of tagged) for (const id of entry.tagging.matchedRuleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}

/** Keys whose manual tags differ between two readings (added, removed or changed). */
export function changedTagKeys(before: ReadonlyMap<string, readonly string[]>, after: ReadonlyMap<string, readonly string[]>): Set<string> {
	const changed = new Set<string>();
	const same = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((tag, index) => tag === b[index]);
	for (const [key, tags] of after) if (!same(before.get(key), tags)) changed.add(key);
	for (const key of before.keys()) if (!after.has(key)) changed.add(key);
	return changed;
}
