/**
 * Reads the board needs from storage, shaped as the board core's inputs, and the small indexing
 * helpers its state uses. Each loader is one liveQuery body: it re-runs only when its own tables
 * change.
 */
import { db } from '$lib/db/database';
import { getAllPosts, getBreakdowns, getMergedSeries } from '$lib/db/queries';
import type { BoardBreakdown, BoardPost, BoardSeries } from '$lib/domain/board';
import type { MetricKey } from '$lib/domain/metrics';

/**
 * The daily metrics the board's facts read (audience, follower changes, posting, impressions and
 * engagements or their parts). Loading only these keeps the board's query to a fraction of the
 * stored series; board-data.test.ts checks that no other metric changes a fact.
 */
export const BOARD_METRICS: readonly MetricKey[] = [
	'followers',
	'followers_net',
	'followers_gained',
	'followers_lost',
	'posts_published',
	'impressions',
	'engagements',
	'likes',
	'comments',
	'shares',
	'clicks'
];

/** Items grouped by key, each mapped; groups keep the items' order. */
export function groupBy<T, U>(items: readonly T[], keyOf: (item: T) => string, map: (item: T) => U): ReadonlyMap<string, U[]> {
	const groups = new Map<string, U[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(map(item));
		else groups.set(key, [map(item)]);
	}
	return groups;
}

/** Items by key; a later item with the same key wins. */
export function indexBy<T>(items: readonly T[], keyOf: (item: T) => string): ReadonlyMap<string, T> {
	return new Map(items.map((item) => [keyOf(item), item]));
}

export async function seriesByAccount(): Promise<ReadonlyMap<string, BoardSeries[]>> {
	const database = db();
	const merged = (await Promise.all(BOARD_METRICS.map((metric) => getMergedSeries(database, { metric })))).flat();
	return groupBy(merged, (series) => series.accountId, ({ metric, startDay, values }) => ({ metric, startDay, values }));
}

export async function postsByAccount(): Promise<ReadonlyMap<string, BoardPost[]>> {
	const posts = await getAllPosts(db());
	return groupBy(posts, (post) => post.accountId, ({ postId, day, text, metrics }) => ({ postId, day, text, metrics }));
}

export async function breakdownsByAccount(): Promise<ReadonlyMap<string, BoardBreakdown[]>> {
	const database = db();
	// the accounts that have breakdowns come from the breakdowns table itself, so an inventory edit
	// (the accounts table) does not re-run this query
	const accountIds = (await database.breakdowns.orderBy('accountId').uniqueKeys()) as string[];
	const lists = await Promise.all(accountIds.map((accountId) => getBreakdowns(database, accountId)));
	return new Map(
		accountIds.map((accountId, index) => [
			accountId,
			lists[index].map(({ dimension, asOf, unit, measure, entries }) => ({ dimension, asOf, unit, measure, entries }))
		])
	);
}
