/**
 * Reads for the dashboard and account pages, meant to run inside a `Live` (a Dexie liveQuery), so
 * an import or undo in any tab redraws the charts. Each read loads whole series once; everything
 * after that is derived from the typed arrays in memory.
 */
import type { ChorusDatabase } from '$lib/db/database';
import { StoredDataError } from '$lib/db/errors';
import { getMergedSeries, getPosts, type MergedSeries } from '$lib/db/queries';
import { combineAccounts } from '$lib/domain/analytics/aggregate';
import type { DailyValues } from '$lib/domain/analytics/types';
import { METRICS, type MetricKey } from '$lib/domain/metrics';
import { canReadInWorker, readPostDaysInWorker } from '$lib/db/post-reads';
import { accountDailies, sourceMetricsFor } from './series';

/** The stored series of several metrics (for some accounts, or all), one indexed read per metric. */
export async function loadStoredSeries(
	database: ChorusDatabase,
	metrics: readonly MetricKey[],
	accountIds?: readonly string[]
): Promise<MergedSeries[]> {
	const parts = await Promise.all(metrics.map((metric) => getMergedSeries(database, { metric, accountIds })));
	return parts.flat();
}

/**
 * The post days of some accounts (NaN: a post without a date), for counting posts where no daily
 * count was exported (see PostDayLists in kpi-work.ts). Read in a
 * worker where there is one (see db/post-reads.ts); the page itself reads only the records' keys, so
 * the Live this runs in still re-runs when those accounts' posts change.
 */
export async function loadPostDays(database: ChorusDatabase, accountIds: readonly string[]): Promise<Map<string, Float64Array>> {
	const days = new Map<string, Float64Array>();
	if (accountIds.length === 0) return days;
	if (canReadInWorker()) {
		// first, while in the live query's scope: what it watches
		await database.posts.where('accountId').anyOf([...accountIds]).primaryKeys();
		try {
			for (const { accountId, days: list } of await readPostDaysInWorker(database.name, accountIds)) {
				if (list.length > 0) days.set(accountId, list);
			}
			return days;
		} catch (error) {
			if (error instanceof StoredDataError) throw error;
			// no worker after all (blocked, crashed): read on the page, as below
		}
	}
	const lists = await Promise.all(accountIds.map((accountId) => getPosts(database, accountId)));
	accountIds.forEach((accountId, index) => {
		if (lists[index].length > 0) days.set(accountId, Float64Array.from(lists[index], (post) => post.day ?? Number.NaN));
	});
	return days;
}

/**
 * The daily series a north-star goal tracks: one account's, or the portfolio's (accounts added up
 * by the metric's semantics). Null when there is no data.
 */
export async function loadGoalSeries(database: ChorusDatabase, metric: MetricKey, accountId: string | null): Promise<DailyValues | null> {
	const stored = await loadStoredSeries(database, sourceMetricsFor(metric), accountId === null ? undefined : [accountId]);
	const { byAccount } = accountDailies(stored, metric);
	if (accountId !== null) return byAccount.get(accountId)?.series ?? null;
	const all = [...byAccount.values()].map((daily) => daily.series);
	if (all.length <= 1) return all[0] ?? null;
	return combineAccounts(all, METRICS[metric].semantics, { accountId: 'portfolio' });
}
