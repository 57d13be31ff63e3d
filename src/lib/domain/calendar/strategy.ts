/**
 * Does storytelling pay off? Engagement per post by angle (story / product / both) and by topic,
 * over time, per account, per platform and per audience segment.
 *
 * Medians per post, not sums or means: one viral post must not decide the comparison. The default
 * measure is the engagement rate (engagements ÷ impressions) because accounts differ a hundredfold
 * in size, and a portfolio median of raw engagements would mostly compare accounts, not angles. For
 * the same reason the portfolio verdict is read from each account's own story-to-product ratio
 * (`accountLifts`), never from pooling posts of big and small accounts.
 */
import { postMetricValue } from '../analytics/engagement';
import { median } from '../analytics/cadence';
import { bucketKey, bucketStart, type Grain } from '../analytics/grain';
import type { DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import type { PostAngle } from './tagging';

export const PERFORMANCE_MEASURES = ['engagement_rate', 'engagements', 'impressions'] as const;
export type PerformanceMeasure = (typeof PERFORMANCE_MEASURES)[number];

/**
 * A post's value for the measure; null when it cannot be known (never 0). The engagement rate is
 * computed as engagements ÷ impressions where the post has both, so every platform is measured the
 * same way; the platform's own rate is the fallback.
 */
export function postPerformance(post: { metrics: Partial<Record<MetricKey, number>> }, measure: PerformanceMeasure): number | null {
	if (measure !== 'engagement_rate') return postMetricValue(post, measure);
	const engagements = postMetricValue(post, 'engagements');
	const impressions = postMetricValue(post, 'impressions');
	if (engagements !== null && impressions !== null && impressions > 0) return engagements / impressions;
	const reported = post.metrics.engagement_rate;
	return typeof reported === 'number' && Number.isFinite(reported) ? reported : null;
}

/** One post as the strategy view reads it. */
export interface StrategyPost {
	accountId: string;
	platform: string;
	day: DayNumber | null;
	angle: PostAngle;
	/** Topic tags (story and product excluded). */
	topics: readonly string[];
	/** Audience segments: the account's, plus those of the planned item the post is linked to. */
	segments: readonly string[];
	value: number | null;
}

export interface GroupStat {
	key: string;
	/** Posts in the group. */
	posts: number;
	/** Posts with a value for the measure. */
	n: number;
	median: number | null;
}

function statOf(key: string, values: number[], posts: number): GroupStat {
	return { key, posts, n: values.length, median: median(values) };
}

/** Posts and median value per key; a post counts once under each of its keys. Largest groups first. */
export function statsBy(posts: readonly StrategyPost[], keysOf: (post: StrategyPost) => readonly string[]): GroupStat[] {
	const groups = new Map<string, { posts: number; values: number[] }>();
	for (const post of posts) {
		for (const key of new Set(keysOf(post))) {
			let group = groups.get(key);
			if (!group) groups.set(key, (group = { posts: 0, values: [] }));
			group.posts++;
			if (post.value !== null) group.values.push(post.value);
		}
	}
	return [...groups]
		.map(([key, group]) => statOf(key, group.values, group.posts))
		.sort((a, b) => b.posts - a.posts || a.key.localeCompare(b.key));
}

export const COMPARED_ANGLES = ['story', 'product', 'both', 'untagged'] as const satisfies readonly PostAngle[];

export interface AngleRow {
	key: string;
	byAngle: Record<PostAngle, GroupStat>;
	/**
	 * Median story post ÷ median product post; null unless both rest on at least `minSample` posts
	 * and the product median is above zero.
	 */
	lift: number | null;
}

export const MIN_SAMPLE = 5;

/**
 * For each group (an account, a platform, a segment, a quarter …), the angles side by side. Rows
 * come in the order `order` gives: 'size' (most posts first) or 'key' (ascending, for periods).
 */
export function angleRows(
	posts: readonly StrategyPost[],
	groupsOf: (post: StrategyPost) => readonly string[],
	options: { minSample?: number; order?: 'size' | 'key' } = {}
): AngleRow[] {
	const minSample = options.minSample ?? MIN_SAMPLE;
	const groups = new Map<string, { total: number; values: Record<PostAngle, number[]>; posts: Record<PostAngle, number> }>();
	for (const post of posts) {
		for (const key of new Set(groupsOf(post))) {
			let group = groups.get(key);
			if (!group) {
				group = {
					total: 0,
					values: { story: [], product: [], both: [], untagged: [] },
					posts: { story: 0, product: 0, both: 0, untagged: 0 }
				};
				groups.set(key, group);
			}
			group.total++;
			group.posts[post.angle]++;
			if (post.value !== null) group.values[post.angle].push(post.value);
		}
	}
	const rows = [...groups].map(([key, group]) => {
		const byAngle = Object.fromEntries(
			COMPARED_ANGLES.map((angle) => [angle, statOf(angle, group.values[angle], group.posts[angle])])
		) as Record<PostAngle, GroupStat>;
		return { key, total: group.total, row: { key, byAngle, lift: liftOf(byAngle, minSample) } };
	});
	if ((options.order ?? 'size') === 'key') rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	else rows.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
	return rows.map((entry) => entry.row);
}

function liftOf(byAngle: Record<PostAngle, GroupStat>, minSample: number): number | null {
	const story = byAngle.story;
	const product = byAngle.product;
	if (story.n < minSample || product.n < minSample) return null;
	if (story.median === null || product.median === null || product.median <= 0) return null;
	return story.median / product.median;
}

/** A period's row; the interface names the period from `start` in the active language. */
export interface PeriodRow extends AngleRow {
	start: DayNumber;
}

/** The angles per month or quarter, oldest first. Undated posts are left out. */
export function angleOverTime(posts: readonly StrategyPost[], grain: Extract<Grain, 'month' | 'quarter' | 'year'>, minSample = MIN_SAMPLE): PeriodRow[] {
	const starts = new Map<string, DayNumber>();
	const rows = angleRows(
		posts,
		(post) => {
			if (post.day === null) return [];
			const key = bucketKey(post.day, grain);
			if (!starts.has(key)) starts.set(key, bucketStart(post.day, grain));
			return [key];
		},
		{ minSample, order: 'key' }
	);
	return rows.map((row) => {
		const start = starts.get(row.key)!;
		return { ...row, start };
	});
}

export interface LiftSummary {
	/** Groups with enough story and product posts to compare. */
	compared: number;
	/** Of those, where the median story post did better. */
	storyAhead: number;
	/** Median of the groups' lifts; null when none could be compared. */
	medianLift: number | null;
}

/** How many groups (accounts, usually) favour stories, and by how much in the middle. */
export function summarizeLifts(rows: readonly AngleRow[]): LiftSummary {
	const lifts = rows.map((row) => row.lift).filter((lift) => lift !== null);
	return { compared: lifts.length, storyAhead: lifts.filter((lift) => lift > 1).length, medianLift: median(lifts) };
}

export interface TopicPeriodRow {
	key: string;
	start: DayNumber;
	/** One entry per topic asked for, in the same order. */
	byTopic: GroupStat[];
}

/** Each topic's posts and median per month, quarter or year, oldest first; undated posts are left out. */
export function topicsOverTime(
	posts: readonly StrategyPost[],
	topics: readonly string[],
	grain: Extract<Grain, 'month' | 'quarter' | 'year'>
): TopicPeriodRow[] {
	const wanted = new Map(topics.map((topic, index) => [topic, index]));
	const periods = new Map<string, { start: DayNumber; posts: number[]; values: number[][] }>();
	for (const post of posts) {
		if (post.day === null) continue;
		const indexes = [...new Set(post.topics)].map((topic) => wanted.get(topic)).filter((index) => index !== undefined);
		if (indexes.length === 0) continue;
		const key = bucketKey(post.day, grain);
		let period = periods.get(key);
		if (!period) {
			period = { start: bucketStart(post.day, grain), posts: topics.map(() => 0), values: topics.map(() => []) };
			periods.set(key, period);
		}
		for (const index of indexes) {
			period.posts[index]++;
			if (post.value !== null) period.values[index].push(post.value);
		}
	}
	return [...periods]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, period]) => ({
			key,
			start: period.start,
			byTopic: topics.map((topic, index) => statOf(topic, period.values[index], period.posts[index]))
		}));
}
