/**
 * The account page's posts table, as plain functions over rows prepared once per load: filter (date
 * range, type, text, tag), sort (by date, type, text or any metric; posts without the metric go
 * last either way, never ranked as 0) and the metric columns worth showing. Built for 100,000 posts:
 * text is folded once when rows are made, filtering is one pass, and only a page of rows reaches
 * the DOM.
 */
import { postDay } from '../../domain/analytics/cadence';
import { postMetricValue } from '../../domain/analytics/engagement';
import { foldText, tagPost, type PostTagging, type TagRule } from '../../domain/analytics/topics';
import type { AnalyticsPost } from '../../domain/analytics/types';
import type { DayNumber } from '../../domain/days';
import { METRIC_KEYS, type MetricKey } from '../../domain/metrics';

export interface PostRow<P extends AnalyticsPost = AnalyticsPost> {
	post: P;
	day: DayNumber | null;
	/** Folded once, for search. */
	folded: string;
	tagging: PostTagging;
}

/** Rows for a post list: day, folded text and tags (manual tags replace the rules'). */
export function postRows<P extends AnalyticsPost>(
	posts: readonly P[],
	rules: readonly TagRule[],
	manualTags: ReadonlyMap<string, readonly string[]>,
	options: { pairedHashes?: boolean } = {}
): PostRow<P>[] {
	return posts.map((post) => ({
		post,
		day: postDay(post),
		folded: foldText(post.text),
		tagging: tagPost(post, rules, manualTags.get(post.postId) ?? null, options)
	}));
}

export interface PostFilter {
	from: DayNumber | null;
	to: DayNumber | null;
	/** Exact post type, or null for any. */
	type: string | null;
	/** Words that must all appear in the text (case- and width-folded); empty for any. */
	text: string;
	/** A tag the post must have; '' (NO_TAG) for posts without tags; null for any. */
	tag: string | null;
}

export const NO_TAG = '';

export const EMPTY_FILTER: Readonly<PostFilter> = Object.freeze({ from: null, to: null, type: null, text: '', tag: null });

export function filterPosts<R extends PostRow>(rows: readonly R[], filter: PostFilter): R[] {
	const words = foldText(filter.text).split(/\s+/).filter(Boolean);
	const { from, to, type, tag } = filter;
	return rows.filter((row) => {
		if (from !== null && (row.day === null || row.day < from)) return false;
		if (to !== null && (row.day === null || row.day > to)) return false;
		if (type !== null && (row.post.type ?? '') !== type) return false;
		if (tag !== null && (tag === NO_TAG ? row.tagging.tags.length > 0 : !row.tagging.tags.includes(tag))) return false;
		for (const word of words) if (!row.folded.includes(word)) return false;
		return true;
	});
}

export type PostSortKey = 'date' | 'type' | 'text' | MetricKey;

/**
 * Sorted copy. Dates and metrics compare as numbers; posts without a date or without the metric go
 * last in both directions (they are unknown, not small). Ties keep the newest first, then post id.
 */
export function sortPosts<R extends PostRow>(rows: readonly R[], key: PostSortKey, direction: 'asc' | 'desc'): R[] {
	const sign = direction === 'asc' ? 1 : -1;
	const valueOf = (row: R): number | string | null => {
		if (key === 'date') return row.day;
		if (key === 'type') return row.post.type ?? null;
		if (key === 'text') return row.post.text;
		return postMetricValue(row.post, key);
	};
	const keyed = rows.map((row) => ({ row, value: valueOf(row) }));
	keyed.sort((a, b) => {
		if (a.value === null || b.value === null) {
			if (a.value !== b.value) return a.value === null ? 1 : -1;
		} else {
			const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
			if (order !== 0) return sign * order;
		}
		return (b.row.day ?? Number.NEGATIVE_INFINITY) - (a.row.day ?? Number.NEGATIVE_INFINITY) || a.row.post.postId.localeCompare(b.row.post.postId);
	});
	return keyed.map((entry) => entry.row);
}

/** Metrics that at least one post has, in catalogue order; engagements whenever any part of it is there. */
export function postMetricColumns(posts: readonly Pick<AnalyticsPost, 'metrics'>[], limit = 8): MetricKey[] {
	const present = new Set<MetricKey>();
	for (const post of posts) for (const key of Object.keys(post.metrics) as MetricKey[]) present.add(key);
	if (['likes', 'comments', 'shares', 'clicks'].some((key) => present.has(key as MetricKey))) present.add('engagements');
	return METRIC_KEYS.filter((key) => present.has(key)).slice(0, limit);
}

/** Post types in the list, sorted, without blanks. */
export function postTypes(posts: readonly Pick<AnalyticsPost, 'type'>[]): string[] {
	const types = new Set<string>();
	for (const post of posts) if (post.type) types.add(post.type);
	return [...types].sort((a, b) => a.localeCompare(b));
}

/** Every tag given (by rules or by hand), sorted. */
export function tagsInUse(rows: readonly Pick<PostRow, 'tagging'>[]): string[] {
	const tags = new Set<string>();
	for (const row of rows) for (const tag of row.tagging.tags) tags.add(tag);
	return [...tags].sort((a, b) => a.localeCompare(b));
}
