/**
 * Posting cadence from the post list: posts per week over time, a weekday × hour heatmap of when
 * posts went out and how they did (median per post, with the sample size of every cell so the UI
 * can grey out cells with fewer than 5 posts), and top / bottom posts by any metric.
 *
 * Hours come from the export's local publish time (`YYYY-MM-DDTHH:mm`): platforms export in the
 * exporter's or the account's time zone, so the heatmap is in that zone.
 */
import { dayFromISO, type DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import { isoWeekday } from './calendar';
import { postMetricValue } from './engagement';
import { bucketFrame, type BucketFrame } from './grain';
import { numberExtent, type AnalyticsPost, type DayRange } from './types';

export const MIN_CELL_SAMPLE = 5;

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The post's calendar day: its `day`, else the date part of `publishedAt`. */
export function postDay(post: Pick<AnalyticsPost, 'day' | 'publishedAt'>): DayNumber | null {
	if (post.day !== null) return post.day;
	return post.publishedAt ? dayFromISO(post.publishedAt) : null;
}

/** 0–23 from `…THH:mm`, or null when the export gives no time. */
export function postHour(post: Pick<AnalyticsPost, 'publishedAt'>): number | null {
	const match = post.publishedAt ? /[T ](\d{2}):\d{2}/.exec(post.publishedAt) : null;
	if (!match) return null;
	const hour = Number(match[1]);
	return hour < 24 ? hour : null;
}

export interface PostsPerWeek {
	frame: BucketFrame;
	/** Posts per ISO week; NaN for weeks outside the days the post list covers (unknown, not zero). */
	counts: Float64Array;
}

/**
 * Posts per ISO week. A week inside `covered` (default: first to last post) with no post is a real
 * 0; weeks outside it are unknown. `range` defaults to `covered`.
 */
export function postsPerWeek(
	posts: readonly Pick<AnalyticsPost, 'day' | 'publishedAt'>[],
	options: { range?: DayRange; covered?: DayRange } = {}
): PostsPerWeek | null {
	const days: number[] = [];
	for (const post of posts) {
		const day = postDay(post);
		if (day !== null) days.push(day);
	}
	let covered = options.covered ?? null;
	covered ??= numberExtent(days);
	const range = options.range ?? covered;
	if (!range || !covered) return null;
	const frame = bucketFrame(range, 'week');
	const counts = new Float64Array(frame.count);
	for (let i = 0; i < frame.count; i++) {
		if (frame.ends[i] < covered.from || frame.starts[i] > covered.to) counts[i] = Number.NaN;
	}
	const first = frame.count ? frame.starts[0] : 0;
	for (const day of days) {
		if (day < range.from || day > range.to) continue;
		const index = Math.floor((day - first) / 7);
		if (counts[index] === counts[index]) counts[index]++;
	}
	return { frame, counts };
}

export interface HeatmapCell {
	/** 0 = Monday … 6 = Sunday. */
	weekday: number;
	hour: number;
	/** Posts published in this slot. */
	posts: number;
	/** Posts in this slot that have the metric. */
	n: number;
	/** Median of the metric per post; null when n = 0. */
	median: number | null;
	/** n ≥ minSample: enough posts for the median to mean something. */
	reliable: boolean;
}

export interface PostingHeatmap {
	metric: MetricKey;
	/** cells[weekday][hour] */
	cells: HeatmapCell[][];
	/** Posts placed in the grid. */
	placed: number;
	/** Posts left out because the export gives no time of day. */
	withoutTime: number;
	minSample: number;
}

/** Weekday × hour grid of posting counts and median `metric` per post (default engagements). */
export function postingHeatmap(
	posts: readonly AnalyticsPost[],
	options: { metric?: MetricKey; minSample?: number; range?: DayRange } = {}
): PostingHeatmap {
	const metric = options.metric ?? 'engagements';
	const minSample = options.minSample ?? MIN_CELL_SAMPLE;
	const samples: number[][][] = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => []));
	const counts: number[][] = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
	let placed = 0;
	let withoutTime = 0;
	for (const post of posts) {
		const day = postDay(post);
		if (day === null) continue;
		if (options.range && (day < options.range.from || day > options.range.to)) continue;
		const hour = postHour(post);
		if (hour === null) {
			withoutTime++;
			continue;
		}
		const weekday = isoWeekday(day);
		counts[weekday][hour]++;
		placed++;
		const value = postMetricValue(post, metric);
		if (value !== null) samples[weekday][hour].push(value);
	}
	const cells = counts.map((row, weekday) =>
		row.map((postsInCell, hour): HeatmapCell => {
			const values = samples[weekday][hour];
			return { weekday, hour, posts: postsInCell, n: values.length, median: median(values), reliable: values.length >= minSample };
		})
	);
	return { metric, cells, placed, withoutTime, minSample };
}

export interface RankedPost<P> {
	post: P;
	value: number;
}

/** The `count` best (or worst) posts by `metric`; posts without the metric are left out, not ranked as 0. */
export function rankPosts<P extends Pick<AnalyticsPost, 'metrics' | 'postId'>>(
	posts: readonly P[],
	metric: MetricKey,
	options: { count?: number; order?: 'top' | 'bottom' } = {}
): RankedPost<P>[] {
	const order = options.order ?? 'top';
	const ranked: RankedPost<P>[] = [];
	for (const post of posts) {
		const value = postMetricValue(post, metric);
		if (value !== null) ranked.push({ post, value });
	}
	// ties broken by post id so the list is stable across reloads
	ranked.sort((a, b) => (order === 'top' ? b.value - a.value : a.value - b.value) || a.post.postId.localeCompare(b.post.postId));
	return ranked.slice(0, options.count ?? 10);
}
