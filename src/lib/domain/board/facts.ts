/**
 * The computed facts on every account card: audience, 90-day engagement rate and its trend, posting
 * cadence, last post, and the weekly engagement sparkline. Every figure says where it came from,
 * because exports differ in what they carry (daily series on some platforms, only posts on others).
 */
import { ymdFromDay, type DayNumber } from '../days';
import {
	dailyEngagements,
	findSeries,
	fromSeries,
	lastDayWithValue,
	postEngagements,
	type DailyValues
} from './daily';
import type { BoardAccount, BoardBreakdown, BoardPost, BoardSeries } from './types';

export const FACT_WINDOW_DAYS = 90;

export interface AudienceFact {
	value: number;
	/** The day the value describes. */
	day: DayNumber;
	/** True when the value is not a follower count read as is (see `how`). */
	derived: boolean;
	source: 'followers' | 'followers+changes' | 'breakdown';
	/** Plain words on how the number was obtained. */
	how: string;
}

export type EngagementMethod = 'daily-impressions' | 'post-impressions' | 'per-post-audience';

/** The formula behind each engagement-rate method, as the card states it. */
export const ENGAGEMENT_FORMULAS: Record<EngagementMethod, string> = {
	'daily-impressions':
		'Engagement rate = total engagements ÷ total impressions over the 90 days up to the last day with both figures.',
	'post-impressions':
		'Engagement rate = engagements ÷ impressions of the posts published in the 90 days up to the last post (the export has no daily impressions).',
	'per-post-audience':
		'Engagement rate = average engagements per post in the 90 days up to the last post ÷ audience size (the export has no impressions).'
};

export type TrendDirection = 'up' | 'flat' | 'down' | 'unknown';

export interface EngagementFact {
	rate: number;
	method: EngagementMethod;
	formula: string;
	/** Inclusive day range the rate covers. */
	window: { from: DayNumber; to: DayNumber };
	/** Days with data (daily method) or posts (post methods) behind the rate. */
	basisCount: number;
	previous: { rate: number; from: DayNumber; to: DayNumber; basisCount: number } | null;
	trend: TrendDirection;
	/** rate − previous rate, in fraction points (0.002 = 0.2 percentage points). */
	change: number | null;
	/** (rate − previous) ÷ previous. */
	relativeChange: number | null;
}

export interface AccountFacts {
	accountId: string;
	today: DayNumber;
	audience: AudienceFact | null;
	engagement: EngagementFact | null;
	/** Over the 90 days up to today; null when there is no post data at all. */
	postsPerWeek: number | null;
	postsPerWeekSource: 'posts' | 'posts_published' | null;
	lastPostDay: DayNumber | null;
	daysSinceLastPost: number | null;
	/** Whole calendar months from the last post to today. */
	monthsSinceLastPost: number | null;
	/** False when nothing about posting was imported (neither posts nor a posts-published series). */
	hasPostData: boolean;
	/** The last day the imported post data reaches. */
	postDataUntil: DayNumber | null;
	/** Weekly engagements, oldest first, the last week ending today; NaN = a week without data. */
	weeklyEngagement: number[];
	weeklyEngagementSource: 'daily' | 'posts' | null;
}

export interface FactsOptions {
	/** Breakdowns, used for the audience size only when there is no follower series. */
	breakdowns?: BoardBreakdown[];
	/** Relative change within which the trend counts as flat (default 0.1 = ±10%). */
	flatBand?: number;
	sparklineWeeks?: number;
}

// a trend from a handful of days or posts is noise, not a trend
const MIN_TREND_DAYS = 14;
const MIN_TREND_POSTS = 3;
// a posts-published series covering a few days would be extrapolated too far
const MIN_CADENCE_DAYS = 7;

export function accountFacts(
	account: Pick<BoardAccount, 'id'>,
	series: BoardSeries[],
	posts: BoardPost[],
	today: DayNumber,
	options: FactsOptions = {}
): AccountFacts {
	const audience = latestAudience(series, today, options.breakdowns ?? []);
	const posting = postingFacts(series, posts, today);
	const engagement = engagementFact(series, posts, today, audience, options.flatBand ?? 0.1);
	const sparkline = weeklyEngagement(series, posts, today, options.sparklineWeeks ?? 26);
	return {
		accountId: account.id,
		today,
		audience,
		engagement,
		...posting,
		weeklyEngagement: sparkline.values,
		weeklyEngagementSource: sparkline.source
	};
}

/** Each account's share of the summed audience of the accounts whose audience is known. */
export function portfolioShare(allFacts: readonly AccountFacts[]): Record<string, number | null> {
	let total = 0;
	for (const facts of allFacts) if (facts.audience) total += Math.max(0, facts.audience.value);
	const shares: Record<string, number | null> = {};
	for (const facts of allFacts) {
		shares[facts.accountId] = facts.audience && total > 0 ? Math.max(0, facts.audience.value) / total : null;
	}
	return shares;
}

/** Whole calendar months from `from` to `to` (a month counts once the same day-of-month is reached). */
export function calendarMonthsBetween(from: DayNumber, to: DayNumber): number {
	if (to < from) return 0;
	const a = ymdFromDay(from);
	const b = ymdFromDay(to);
	return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}

const FOLLOWER_MEASURE = /follow|subscri|fan|like|member/i;

function latestAudience(series: BoardSeries[], today: DayNumber, breakdowns: BoardBreakdown[]): AudienceFact | null {
	const followersSeries = findSeries(series, 'followers');
	if (followersSeries) {
		const followers = fromSeries(followersSeries);
		const lastDay = lastDayWithValue(followers, followers.firstDay, today);
		if (lastDay !== null) {
			const base = followers.at(lastDay);
			const changes = dailyFollowerChanges(series);
			let value = base;
			let day = lastDay;
			if (changes) {
				// the follower total often stops before the daily gains/losses do (different exports)
				for (let next = lastDay + 1; next <= Math.min(today, changes.endDay - 1); next++) {
					const change = changes.at(next);
					if (!Number.isNaN(change)) {
						value += change;
						day = next;
					}
				}
			}
			if (day === lastDay) {
				return { value: base, day, derived: false, source: 'followers', how: 'Latest follower count in the exports.' };
			}
			return {
				value: Math.max(0, value),
				day,
				derived: true,
				source: 'followers+changes',
				how: 'Latest follower count, plus the daily follower gains and losses recorded after it.'
			};
		}
	}
	const snapshot = breakdowns
		.filter((one) => one.unit === 'count' && one.asOf <= today && FOLLOWER_MEASURE.test(one.measure ?? ''))
		.sort((a, b) => b.asOf - a.asOf)[0];
	if (snapshot) {
		const total = snapshot.entries.reduce((sum, entry) => sum + (Number.isFinite(entry.value) ? entry.value : 0), 0);
		if (total > 0) {
			return {
				value: total,
				day: snapshot.asOf,
				derived: true,
				source: 'breakdown',
				how: `Sum of the ${snapshot.dimension.replace('_', ' ')} breakdown; exports that list only the top entries make this an undercount.`
			};
		}
	}
	return null;
}

function dailyFollowerChanges(series: BoardSeries[]): DailyValues | undefined {
	const net = findSeries(series, 'followers_net');
	if (net) return fromSeries(net);
	const gained = findSeries(series, 'followers_gained');
	const lost = findSeries(series, 'followers_lost');
	if (!gained || !lost) return undefined;
	const gainedDaily = fromSeries(gained);
	const lostDaily = fromSeries(lost);
	return {
		firstDay: Math.max(gainedDaily.firstDay, lostDaily.firstDay),
		endDay: Math.min(gainedDaily.endDay, lostDaily.endDay),
		at: (day) => gainedDaily.at(day) - lostDaily.at(day)
	};
}

interface PostingFacts {
	postsPerWeek: number | null;
	postsPerWeekSource: 'posts' | 'posts_published' | null;
	lastPostDay: DayNumber | null;
	daysSinceLastPost: number | null;
	monthsSinceLastPost: number | null;
	hasPostData: boolean;
	postDataUntil: DayNumber | null;
}

function postingFacts(series: BoardSeries[], posts: BoardPost[], today: DayNumber): PostingFacts {
	const windowStart = today - FACT_WINDOW_DAYS + 1;
	const published = findSeries(series, 'posts_published');
	let lastPostDay: DayNumber | null = null;
	let postDataUntil: DayNumber | null = null;
	let seriesRate: number | null = null;
	let hasSeriesData = false;
	if (published) {
		const daily = fromSeries(published);
		let coveredDays = 0;
		let postsInWindow = 0;
		for (let day = daily.firstDay; day < Math.min(daily.endDay, today + 1); day++) {
			const value = daily.at(day);
			if (Number.isNaN(value)) continue;
			hasSeriesData = true;
			postDataUntil = day;
			if (value > 0) lastPostDay = day;
			if (day >= windowStart) {
				coveredDays++;
				postsInWindow += value;
			}
		}
		if (coveredDays >= MIN_CADENCE_DAYS) seriesRate = postsInWindow / (coveredDays / 7);
	}

	const seen = new Set<string>();
	let datedPosts = 0;
	let postsInWindow = 0;
	for (const post of posts) {
		if (post.day === null || post.day > today || seen.has(post.postId)) continue;
		seen.add(post.postId);
		datedPosts++;
		if (lastPostDay === null || post.day > lastPostDay) lastPostDay = post.day;
		if (postDataUntil === null || post.day > postDataUntil) postDataUntil = post.day;
		if (post.day >= windowStart) postsInWindow++;
	}
	const postsRate = datedPosts > 0 ? postsInWindow / (FACT_WINDOW_DAYS / 7) : null;

	// both sources can undercount (a posts export may hold only top posts, a daily series may cover
	// part of the window), so the larger figure is the better one
	let postsPerWeek: number | null = null;
	let postsPerWeekSource: PostingFacts['postsPerWeekSource'] = null;
	if (seriesRate !== null && (postsRate === null || seriesRate >= postsRate)) {
		postsPerWeek = seriesRate;
		postsPerWeekSource = 'posts_published';
	} else if (postsRate !== null) {
		postsPerWeek = postsRate;
		postsPerWeekSource = 'posts';
	} else if (hasSeriesData) {
		postsPerWeek = 0;
		postsPerWeekSource = 'posts_published';
	}

	return {
		postsPerWeek,
		postsPerWeekSource,
		lastPostDay,
		daysSinceLastPost: lastPostDay === null ? null : today - lastPostDay,
		monthsSinceLastPost: lastPostDay === null ? null : calendarMonthsBetween(lastPostDay, today),
		hasPostData: hasSeriesData || datedPosts > 0,
		postDataUntil
	};
}

function engagementFact(
	series: BoardSeries[],
	posts: BoardPost[],
	today: DayNumber,
	audience: AudienceFact | null,
	flatBand: number
): EngagementFact | null {
	return (
		dailyImpressionsRate(series, today, flatBand) ??
		postImpressionsRate(posts, today, flatBand) ??
		perPostAudienceRate(series, posts, today, audience, flatBand)
	);
}

function withTrend(
	current: { rate: number; from: DayNumber; to: DayNumber; basisCount: number },
	previous: { rate: number; from: DayNumber; to: DayNumber; basisCount: number } | null,
	method: EngagementMethod,
	minBasis: number,
	flatBand: number
): EngagementFact {
	const comparable = previous !== null && previous.basisCount >= minBasis && current.basisCount >= minBasis;
	let trend: TrendDirection = 'unknown';
	let change: number | null = null;
	let relativeChange: number | null = null;
	if (comparable) {
		change = current.rate - previous.rate;
		if (previous.rate > 0) {
			relativeChange = change / previous.rate;
			trend = Math.abs(relativeChange) < flatBand ? 'flat' : relativeChange > 0 ? 'up' : 'down';
		} else {
			trend = current.rate > 0 ? 'up' : 'flat';
		}
	}
	return {
		rate: current.rate,
		method,
		formula: ENGAGEMENT_FORMULAS[method],
		window: { from: current.from, to: current.to },
		basisCount: current.basisCount,
		previous,
		trend,
		change,
		relativeChange
	};
}

function dailyImpressionsRate(series: BoardSeries[], today: DayNumber, flatBand: number): EngagementFact | null {
	const engagements = dailyEngagements(series);
	const impressionsSeries = findSeries(series, 'impressions');
	if (!engagements || !impressionsSeries) return null;
	const impressions = fromSeries(impressionsSeries);
	const firstDay = Math.max(engagements.firstDay, impressions.firstDay);
	let end: DayNumber | null = null;
	for (let day = Math.min(today, engagements.endDay - 1, impressions.endDay - 1); day >= firstDay; day--) {
		if (!Number.isNaN(engagements.at(day)) && !Number.isNaN(impressions.at(day))) {
			end = day;
			break;
		}
	}
	if (end === null) return null;
	const window = (to: DayNumber) => {
		const from = to - FACT_WINDOW_DAYS + 1;
		let engagementSum = 0;
		let impressionSum = 0;
		let days = 0;
		for (let day = Math.max(from, firstDay); day <= to; day++) {
			const e = engagements.at(day);
			const i = impressions.at(day);
			// only days with both figures, so a day missing impressions cannot inflate the rate
			if (Number.isNaN(e) || Number.isNaN(i)) continue;
			engagementSum += e;
			impressionSum += i;
			days++;
		}
		return impressionSum > 0 ? { rate: engagementSum / impressionSum, from, to, basisCount: days } : null;
	};
	const current = window(end);
	if (!current) return null;
	return withTrend(current, window(end - FACT_WINDOW_DAYS), 'daily-impressions', MIN_TREND_DAYS, flatBand);
}

function datedPosts(posts: BoardPost[], today: DayNumber): (BoardPost & { day: DayNumber })[] {
	return posts.filter((post): post is BoardPost & { day: DayNumber } => post.day !== null && post.day <= today);
}

function postImpressionsRate(posts: BoardPost[], today: DayNumber, flatBand: number): EngagementFact | null {
	const usable = datedPosts(posts, today).filter((post) => {
		const impressions = post.metrics.impressions;
		return postEngagements(post.metrics) !== null && impressions !== undefined && Number.isFinite(impressions);
	});
	if (usable.length === 0) return null;
	const end = Math.max(...usable.map((post) => post.day));
	const window = (to: DayNumber) => {
		const from = to - FACT_WINDOW_DAYS + 1;
		let engagementSum = 0;
		let impressionSum = 0;
		let count = 0;
		for (const post of usable) {
			if (post.day < from || post.day > to) continue;
			engagementSum += postEngagements(post.metrics)!;
			impressionSum += post.metrics.impressions!;
			count++;
		}
		return impressionSum > 0 ? { rate: engagementSum / impressionSum, from, to, basisCount: count } : null;
	};
	const current = window(end);
	if (!current) return null;
	return withTrend(current, window(end - FACT_WINDOW_DAYS), 'post-impressions', MIN_TREND_POSTS, flatBand);
}

function perPostAudienceRate(
	series: BoardSeries[],
	posts: BoardPost[],
	today: DayNumber,
	audience: AudienceFact | null,
	flatBand: number
): EngagementFact | null {
	if (!audience || audience.value <= 0) return null;
	const usable = datedPosts(posts, today).filter((post) => postEngagements(post.metrics) !== null);
	if (usable.length === 0) return null;
	const end = Math.max(...usable.map((post) => post.day));
	const followersSeries = findSeries(series, 'followers');
	const followers = followersSeries ? fromSeries(followersSeries) : undefined;
	const audienceAt = (day: DayNumber): number => {
		if (!followers) return audience.value;
		const known = lastDayWithValue(followers, followers.firstDay, day);
		return known === null ? audience.value : followers.at(known);
	};
	const window = (to: DayNumber, size: number) => {
		const from = to - FACT_WINDOW_DAYS + 1;
		let engagementSum = 0;
		let count = 0;
		for (const post of usable) {
			if (post.day < from || post.day > to) continue;
			engagementSum += postEngagements(post.metrics)!;
			count++;
		}
		return count > 0 && size > 0 ? { rate: engagementSum / count / size, from, to, basisCount: count } : null;
	};
	const current = window(end, audience.value);
	if (!current) return null;
	const previousEnd = end - FACT_WINDOW_DAYS;
	return withTrend(current, window(previousEnd, audienceAt(previousEnd)), 'per-post-audience', MIN_TREND_POSTS, flatBand);
}

function weeklyEngagement(
	series: BoardSeries[],
	posts: BoardPost[],
	today: DayNumber,
	weeks: number
): { values: number[]; source: AccountFacts['weeklyEngagementSource'] } {
	const firstDay = today - weeks * 7 + 1;
	const daily = dailyEngagements(series);
	if (daily && lastDayWithValue(daily, firstDay, today) !== null) {
		const values: number[] = [];
		for (let week = 0; week < weeks; week++) {
			let total = NaN;
			for (let day = firstDay + week * 7; day < firstDay + week * 7 + 7; day++) {
				const value = daily.at(day);
				if (!Number.isNaN(value)) total = Number.isNaN(total) ? value : total + value;
			}
			values.push(total);
		}
		return { values, source: 'daily' };
	}
	const scored = datedPosts(posts, today).filter((post) => postEngagements(post.metrics) !== null);
	if (scored.length === 0) return { values: new Array<number>(weeks).fill(NaN), source: null };
	// posts show activity only between the first and the last post we know of; outside that span
	// a week without posts is unknown, not a week with zero engagement
	const known = { from: Math.min(...scored.map((post) => post.day)), to: Math.max(...scored.map((post) => post.day)) };
	const values: number[] = [];
	for (let week = 0; week < weeks; week++) {
		const from = firstDay + week * 7;
		const to = from + 6;
		values.push(to < known.from || from > known.to ? NaN : 0);
	}
	for (const post of scored) {
		if (post.day < firstDay) continue;
		values[Math.floor((post.day - firstDay) / 7)] += postEngagements(post.metrics)!;
	}
	return { values, source: 'posts' };
}
