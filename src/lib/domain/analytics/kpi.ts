/**
 * KPI cards for a period and a set of accounts: audience (followers at the period's end), impressions
 * or views, engagements, engagement rate and posts published, each with its change against the
 * previous period of equal length and the same period a year earlier, and a sparkline.
 *
 * Comparisons are only made between like and like: a change is null (with the reason) when either
 * period has data on fewer than `minCoverage` (90%) of the account-days it should, or — for the
 * audience — when not the same accounts have a follower count at both dates. Otherwise a missing
 * export would show up as a drop.
 */
import { METRICS, type MetricKey, type MetricUnit } from '../metrics';
import { PLATFORM_LABELS, type Platform } from '../model';
import { aggregateSeries, combineAccounts, DEFAULT_STALE_DAYS, membershipByBucket, type CombinedSeries, type MembershipChange } from './aggregate';
import { followersFromAvailable } from './derive';
import { ENGAGEMENT_FALLBACK_NOTE, ENGAGEMENT_RATE_FORMULA, engagementsOf } from './engagement';
import { bucketFrame, type Grain } from './grain';
import { periodLength, previousPeriod, samePeriodLastYear } from './periods';
import { hasValues, type AnalyticsPost, type DailyValues, type DayRange } from './types';

export interface KpiAccount {
	accountId: string;
	platform: Platform;
	/** Name used in notes ("Views used for …"); defaults to the id. */
	label?: string;
	series: Partial<Record<MetricKey, DailyValues>>;
	/** Posts, to count posts published when there is no posts_published series. */
	posts?: readonly Pick<AnalyticsPost, 'day'>[];
	/** Days the post list is known to be complete for; default: first to last post. */
	postsCoverage?: DayRange | null;
}

export interface KpiOptions {
	range: DayRange;
	/** Default: week up to 120 days, month up to ~3 years, quarter beyond. */
	sparklineGrain?: Grain;
	/** Audience: how old a follower count may be and still count as the count at a period's end. */
	staleDays?: number;
	/** Share of account-days with data below which a period is not compared (default 0.9). */
	minCoverage?: number;
}

export const KPI_IDS = ['audience', 'impressions', 'engagements', 'engagement_rate', 'posts_published'] as const;
export type KpiId = (typeof KPI_IDS)[number];

export interface KpiComparison {
	range: DayRange;
	value: number | null;
	/** Share (0..1) of the account-days (audience: accounts) that had data. */
	coverage: number;
	/** current − reference, when comparable. */
	absoluteChange: number | null;
	/** current ÷ reference − 1, when comparable and the reference is not 0. */
	relativeChange: number | null;
	/** Why the change is null, in English (logs, tests); screens word reasonCode. */
	reason?: string;
	reasonCode?: KpiReasonCode;
	/** The accounts that differ, by name ('accounts-differ'), or the share of account-days covered ('low-coverage-…'). */
	reasonAccounts?: string[];
	reasonShare?: number;
}

export type KpiReasonCode =
	| 'no-current'
	| 'no-reference'
	| 'accounts-differ'
	| 'low-coverage-current'
	| 'low-coverage-reference'
	| 'zero-reference';

/** A note on how a card's number was obtained, with the accounts it is about (their labels). */
export interface KpiNote {
	code: 'followers-rebuilt' | 'no-followers' | 'followers-stale' | 'views-used' | 'engagements-from-parts' | 'posts-counted';
	accounts: string[];
	/** 'followers-stale': how old a count may be. */
	days?: number;
}

export interface KpiPlatformValue {
	platform: Platform;
	label: string;
	value: number | null;
	accounts: number;
}

export interface KpiCard {
	id: KpiId;
	label: string;
	unit: MetricUnit;
	value: number | null;
	coverage: number;
	/** How the number is computed, for the card's tooltip. */
	formula: string;
	/** English, for logs and tests; screens word noteItems. */
	notes: string[];
	noteItems: KpiNote[];
	/** Impressions card: views stand in for some accounts, so it reads `Impressions / views`. */
	usesViews: boolean;
	/** How old a follower count may be (the audience card's formula). */
	staleDays: number;
	derived: boolean;
	vsPrevious: KpiComparison;
	vsLastYear: KpiComparison;
	byPlatform: KpiPlatformValue[];
	/**
	 * `joined` / `left`: accounts that begin or cease to count in the card's total in each bucket, so
	 * the sparkline can mark a step that is a change of accounts rather than of the audience.
	 */
	sparkline: { grain: Grain; starts: Int32Array; values: Float64Array; joined: Uint16Array; left: Uint16Array };
}

export interface KpiSet {
	range: DayRange;
	previous: DayRange;
	lastYear: DayRange;
	cards: Record<KpiId, KpiCard>;
}

interface Source {
	account: KpiAccount;
	series: DailyValues;
}

interface PairSource {
	account: KpiAccount;
	numerator: DailyValues;
	denominator: DailyValues;
}

interface Evaluation {
	value: number | null;
	coverage: number;
	/** Audience: accounts with a count at the period's end. */
	found?: Set<string>;
	/** Audience: each account's name as the cards show it, so a reason names accounts, not ids. */
	names?: Map<string, string>;
}

const nameOf = (account: KpiAccount) => account.label ?? account.accountId;
const percent = (share: number) => `${Math.round(share * 100)}%`;
const listNames = (accounts: KpiAccount[]) => accounts.map(nameOf).join(', ');

export function defaultSparklineGrain(range: DayRange): Grain {
	const days = periodLength(range);
	if (days <= 120) return 'week';
	if (days <= 1100) return 'month';
	return 'quarter';
}

function evaluateFlow(sources: readonly Source[], range: DayRange): Evaluation {
	let sum = 0;
	let present = 0;
	const expected = sources.length * periodLength(range);
	for (const { series } of sources) {
		const from = Math.max(range.from, series.startDay) - series.startDay;
		const to = Math.min(range.to, series.startDay + series.values.length - 1) - series.startDay;
		for (let i = from; i <= to; i++) {
			const v = series.values[i];
			if (v === v) {
				sum += v;
				present++;
			}
		}
	}
	return { value: present > 0 ? sum : null, coverage: expected > 0 ? present / expected : 0 };
}

function evaluateRatio(sources: readonly PairSource[], range: DayRange): Evaluation {
	let numerator = 0;
	let denominator = 0;
	let present = 0;
	const expected = sources.length * periodLength(range);
	for (const source of sources) {
		const top = source.numerator.values;
		const bottom = source.denominator.values;
		const topStart = source.numerator.startDay;
		const bottomStart = source.denominator.startDay;
		// only the days both series hold: outside them a day is missing (and reading a typed array
		// out of its bounds is V8's slow path)
		const from = Math.max(range.from, topStart, bottomStart);
		const to = Math.min(range.to, topStart + top.length - 1, bottomStart + bottom.length - 1);
		for (let day = from; day <= to; day++) {
			const n = top[day - topStart];
			const d = bottom[day - bottomStart];
			if (n !== n || d !== d) continue;
			numerator += n;
			denominator += d;
			present++;
		}
	}
	return { value: denominator > 0 ? numerator / denominator : null, coverage: expected > 0 ? present / expected : 0 };
}

/** The level on `day`, or the latest one at most `staleDays` earlier; NaN when none. */
function levelAt(series: DailyValues, day: number, staleDays: number): number {
	const last = Math.min(day, series.startDay + series.values.length - 1);
	for (let d = last, first = Math.max(day - staleDays, series.startDay); d >= first; d--) {
		const v = series.values[d - series.startDay];
		if (v === v) return v;
	}
	return Number.NaN;
}

function evaluateLevel(sources: readonly Source[], range: DayRange, staleDays: number): Evaluation {
	let sum = 0;
	const found = new Set<string>();
	for (const { account, series } of sources) {
		const v = levelAt(series, range.to, staleDays);
		if (v !== v) continue;
		sum += v;
		found.add(account.accountId);
	}
	const names = new Map(sources.map(({ account }) => [account.accountId, nameOf(account)]));
	return { value: found.size > 0 ? sum : null, coverage: sources.length > 0 ? found.size / sources.length : 0, found, names };
}

function compare(current: Evaluation, reference: Evaluation, range: DayRange, minCoverage: number): KpiComparison {
	const base = { range, value: reference.value, coverage: reference.coverage, absoluteChange: null, relativeChange: null };
	if (current.value === null) return { ...base, reasonCode: 'no-current', reason: 'No data in this period.' };
	if (reference.value === null) return { ...base, reasonCode: 'no-reference', reason: 'No data in the compared period.' };
	if (current.found && reference.found) {
		const missing = [...current.found].filter((id) => !reference.found!.has(id));
		const extra = [...reference.found].filter((id) => !current.found!.has(id));
		if (missing.length + extra.length > 0) {
			const differ = [...missing, ...extra].map((id) => current.names?.get(id) ?? reference.names?.get(id) ?? id);
			return {
				...base,
				reasonCode: 'accounts-differ',
				reasonAccounts: differ,
				reason: `Not the same accounts have a follower count at both dates (${differ.join(', ')}).`
			};
		}
	} else {
		if (current.coverage < minCoverage) {
			return { ...base, reasonCode: 'low-coverage-current', reasonShare: current.coverage, reason: `Data covers only ${percent(current.coverage)} of this period’s account-days.` };
		}
		if (reference.coverage < minCoverage) {
			return { ...base, reasonCode: 'low-coverage-reference', reasonShare: reference.coverage, reason: `Data covers only ${percent(reference.coverage)} of the compared period’s account-days.` };
		}
	}
	const absoluteChange = current.value - reference.value;
	if (reference.value === 0) {
		return { ...base, absoluteChange, reasonCode: 'zero-reference', reason: 'The compared period’s value is 0, so there is no relative change.' };
	}
	return { ...base, absoluteChange, relativeChange: current.value / reference.value - 1 };
}

function byPlatform<T>(sources: readonly T[], accountOf: (source: T) => KpiAccount, evaluate: (group: T[]) => Evaluation): KpiPlatformValue[] {
	const groups = new Map<Platform, T[]>();
	for (const source of sources) {
		const platform = accountOf(source).platform;
		const group = groups.get(platform);
		if (group) group.push(source);
		else groups.set(platform, [source]);
	}
	return [...groups].map(([platform, group]) => ({
		platform,
		label: PLATFORM_LABELS[platform],
		value: evaluate(group).value,
		accounts: group.length
	}));
}

/**
 * What does not depend on the period, computed once per input object. The inputs are treated as
 * immutable (as everywhere in the analytics core): a caller that passes the same series record or
 * post list again (the dashboard's KPI worker, on every change of view) reuses the work — on ten
 * years of 40 accounts the follower rebuild and the post counts were most of a computation — and a
 * new object is simply a new entry, dropped with it.
 */
const followersMemo = new WeakMap<object, ReturnType<typeof followersFromAvailable>>();
const engagementsMemo = new WeakMap<object, ReturnType<typeof engagementsOf>>();
const postsMemo = new WeakMap<object, DailyValues | null>();

function followersOf(account: KpiAccount) {
	let found = followersMemo.get(account.series);
	if (!found) followersMemo.set(account.series, (found = followersFromAvailable(account.series)));
	return found;
}

function engagementsFor(account: KpiAccount) {
	if (engagementsMemo.has(account.series)) return engagementsMemo.get(account.series)!;
	const found = engagementsOf(account.series);
	engagementsMemo.set(account.series, found);
	return found;
}

function postsSeries(account: KpiAccount): DailyValues | null {
	const posts = account.posts;
	// the coverage is part of the answer: only a post list on its own is remembered
	if (posts && !account.postsCoverage && postsMemo.has(posts)) return postsMemo.get(posts)!;
	const series = countPosts(account);
	if (posts && !account.postsCoverage) postsMemo.set(posts, series);
	return series;
}

function countPosts(account: KpiAccount): DailyValues | null {
	const posts = account.posts ?? [];
	const coverage = account.postsCoverage;
	let first = Number.POSITIVE_INFINITY;
	let last = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < posts.length; i++) {
		const day = posts[i].day;
		if (day === null) continue;
		if (day < first) first = day;
		if (day > last) last = day;
	}
	if (first > last && !coverage) return null;
	const from = Math.min(first, coverage?.from ?? first);
	const to = Math.max(last, coverage?.to ?? last);
	const values = new Float64Array(to - from + 1);
	for (let i = 0; i < posts.length; i++) {
		const day = posts[i].day;
		if (day !== null) values[day - from]++;
	}
	return { accountId: account.accountId, metric: 'posts_published', startDay: from, values };
}

/**
 * The changes a line of `series` shows as steps. Combined over the card's period, which runs to its
 * last day, every account "leaves" where its data ends; after the last day anyone reports, the line
 * simply ends (a gap, not a fall), so such leaves mark nothing. An account whose export ends while
 * others still report does make the total dip, and stays marked.
 */
function visibleChanges(series: CombinedSeries): MembershipChange[] {
	let last = series.reporting.length - 1;
	while (last >= 0 && series.reporting[last] === 0) last--;
	const lastReported = series.startDay + last;
	return series.changes.filter((change) => change.day <= lastReported);
}

/**
 * The KPI cards for `accounts` over `options.range`.
 *
 * ## Usage
 * ```ts
 * const range = resolvePeriod('last-90-days', { today })!;
 * const { cards } = computeKpis(accounts, { range });
 * cards.engagement_rate.formula; // how it is computed, for the tooltip
 * ```
 */
export function computeKpis(accounts: readonly KpiAccount[], options: KpiOptions): KpiSet {
	const { range } = options;
	const previous = previousPeriod(range);
	const lastYear = samePeriodLastYear(range);
	const minCoverage = options.minCoverage ?? 0.9;
	const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
	const grain = options.sparklineGrain ?? defaultSparklineGrain(range);
	const frame = bucketFrame(range, grain);

	const sparkline = (series: CombinedSeries | null, values?: Float64Array) => {
		const membership = series?.changes.length ? membershipByBucket(frame, visibleChanges(series)) : null;
		return {
			grain,
			starts: frame.starts,
			values: values ?? (series ? aggregateSeries(series, { grain, range, frame }).values : new Float64Array(frame.count).fill(Number.NaN)),
			joined: membership?.joined ?? new Uint16Array(frame.count),
			left: membership?.left ?? new Uint16Array(frame.count)
		};
	};

	const flowCard = (
		id: KpiId,
		label: string,
		unit: MetricUnit,
		formula: string,
		sources: Source[],
		notes: string[],
		noteItems: KpiNote[] = []
	): KpiCard => {
		const current = evaluateFlow(sources, range);
		return {
			id,
			label,
			unit,
			value: current.value,
			coverage: current.coverage,
			formula,
			notes,
			noteItems,
			usesViews: false,
			staleDays,
			derived: false,
			vsPrevious: compare(current, evaluateFlow(sources, previous), previous, minCoverage),
			vsLastYear: compare(current, evaluateFlow(sources, lastYear), lastYear, minCoverage),
			byPlatform: byPlatform(sources, (source) => source.account, (group) => evaluateFlow(group, range)),
			sparkline: sparkline(combineAccounts(sources.map((source) => source.series), 'flow', { range }))
		};
	};

	// audience
	const followerSources: Source[] = [];
	const rebuilt: KpiAccount[] = [];
	const noFollowers: KpiAccount[] = [];
	for (const account of accounts) {
		const followers = followersOf(account);
		if (followers.series) {
			followerSources.push({ account, series: followers.series });
			if (followers.derived) rebuilt.push(account);
		} else noFollowers.push(account);
	}
	const audienceNow = evaluateLevel(followerSources, range, staleDays);
	const audienceNotes: string[] = [];
	const audienceNoteItems: KpiNote[] = [];
	if (rebuilt.length) {
		audienceNotes.push(`Totals rebuilt from daily follower changes for ${listNames(rebuilt)}.`);
		audienceNoteItems.push({ code: 'followers-rebuilt', accounts: rebuilt.map(nameOf) });
	}
	if (noFollowers.length) {
		audienceNotes.push(`No follower counts for ${listNames(noFollowers)}.`);
		audienceNoteItems.push({ code: 'no-followers', accounts: noFollowers.map(nameOf) });
	}
	const staleAtEnd = followerSources.filter((source) => !audienceNow.found!.has(source.account.accountId));
	if (staleAtEnd.length) {
		audienceNotes.push(`No follower count within ${staleDays} days of the period’s end for ${listNames(staleAtEnd.map((s) => s.account))}.`);
		audienceNoteItems.push({ code: 'followers-stale', accounts: staleAtEnd.map((s) => nameOf(s.account)), days: staleDays });
	}
	const audience: KpiCard = {
		id: 'audience',
		label: 'Audience',
		unit: 'count',
		value: audienceNow.value,
		coverage: audienceNow.coverage,
		formula: `Followers or subscribers at the end of the period (the latest count at most ${staleDays} days old), added up across accounts. The same person following several accounts counts once per account.`,
		notes: audienceNotes,
		noteItems: audienceNoteItems,
		usesViews: false,
		staleDays,
		derived: rebuilt.length > 0,
		vsPrevious: compare(audienceNow, evaluateLevel(followerSources, previous, staleDays), previous, minCoverage),
		vsLastYear: compare(audienceNow, evaluateLevel(followerSources, lastYear, staleDays), lastYear, minCoverage),
		byPlatform: byPlatform(followerSources, (source) => source.account, (group) => evaluateLevel(group, range, staleDays)),
		sparkline: sparkline(combineAccounts(followerSources.map((source) => source.series), 'level', { range, staleDays }))
	};

	// impressions, or views where an account has no impressions
	const reachSources: Source[] = [];
	const usedViews: KpiAccount[] = [];
	for (const account of accounts) {
		if (hasValues(account.series.impressions)) reachSources.push({ account, series: account.series.impressions });
		else if (hasValues(account.series.views)) {
			reachSources.push({ account, series: account.series.views });
			usedViews.push(account);
		}
	}
	const impressions = flowCard(
		'impressions',
		usedViews.length ? 'Impressions / views' : 'Impressions',
		'count',
		'Impressions summed over the days of the period that have data; views where an account has no impressions.',
		reachSources,
		usedViews.length ? [`Views used for ${listNames(usedViews)} (no impressions in their exports).`] : [],
		usedViews.length ? [{ code: 'views-used', accounts: usedViews.map(nameOf) }] : []
	);
	impressions.usesViews = usedViews.length > 0;

	// engagements, or their components
	const engagementSources: Source[] = [];
	const fromComponents: KpiAccount[] = [];
	for (const account of accounts) {
		const found = engagementsFor(account);
		if (!found) continue;
		engagementSources.push({ account, series: found.series });
		if (found.fromComponents) fromComponents.push(account);
	}
	const engagements = flowCard(
		'engagements',
		'Engagements',
		'count',
		`Engagements as each platform counts them, summed over the period; ${ENGAGEMENT_FALLBACK_NOTE} where an export has no engagements.`,
		engagementSources,
		fromComponents.length
			? [`Engagements for ${listNames(fromComponents)} are ${ENGAGEMENT_FALLBACK_NOTE}: their exports have no engagements column.`]
			: [],
		fromComponents.length ? [{ code: 'engagements-from-parts', accounts: fromComponents.map(nameOf) }] : []
	);

	// engagement rate from sums, on days where both sides are known
	const reachByAccount = new Map(reachSources.map((source) => [source.account.accountId, source.series]));
	const rateSources: PairSource[] = engagementSources
		.filter((source) => reachByAccount.has(source.account.accountId))
		.map((source) => ({ account: source.account, numerator: source.series, denominator: reachByAccount.get(source.account.accountId)! }));
	const rateNow = evaluateRatio(rateSources, range);
	const rateNotes = [...engagements.notes, ...impressions.notes];
	const rateNoteItems = [...engagements.noteItems, ...impressions.noteItems];
	const rateSpark = (() => {
		const masked = rateSources.map(({ numerator, denominator }) => maskedPair(numerator, denominator, range));
		const e = combineAccounts(masked.map((pair) => pair[0]), 'flow', { range });
		const i = combineAccounts(masked.map((pair) => pair[1]), 'flow', { range });
		const values = new Float64Array(frame.count).fill(Number.NaN);
		if (e && i) {
			const eb = aggregateSeries(e, { grain, range, frame }).values;
			const ib = aggregateSeries(i, { grain, range, frame }).values;
			for (let b = 0; b < frame.count; b++) values[b] = ib[b] > 0 ? eb[b] / ib[b] : Number.NaN;
		}
		// the pairs are masked to the days both sides hold, so the numerators' changes are the rate's
		return sparkline(e, values);
	})();
	const engagementRate: KpiCard = {
		id: 'engagement_rate',
		label: 'Engagement rate',
		unit: 'fraction',
		value: rateNow.value,
		coverage: rateNow.coverage,
		formula: ENGAGEMENT_RATE_FORMULA,
		notes: rateNotes,
		noteItems: rateNoteItems,
		usesViews: false,
		staleDays,
		derived: false,
		vsPrevious: compare(rateNow, evaluateRatio(rateSources, previous), previous, minCoverage),
		vsLastYear: compare(rateNow, evaluateRatio(rateSources, lastYear), lastYear, minCoverage),
		byPlatform: byPlatform(rateSources, (source) => source.account, (group) => evaluateRatio(group, range)),
		sparkline: rateSpark
	};

	// posts published
	const postSources: Source[] = [];
	const counted: KpiAccount[] = [];
	for (const account of accounts) {
		if (hasValues(account.series.posts_published)) {
			postSources.push({ account, series: account.series.posts_published });
			continue;
		}
		const series = postsSeries(account);
		if (series) {
			postSources.push({ account, series });
			counted.push(account);
		}
	}
	const postsPublished = flowCard(
		'posts_published',
		METRICS.posts_published.label,
		'count',
		'Posts published in the period, from the platform’s daily count or, where there is none, counted from the imported posts.',
		postSources,
		counted.length ? [`Counted from the imported posts for ${listNames(counted)}.`] : [],
		counted.length ? [{ code: 'posts-counted', accounts: counted.map(nameOf) }] : []
	);

	return {
		range,
		previous,
		lastYear,
		cards: { audience, impressions, engagements, engagement_rate: engagementRate, posts_published: postsPublished }
	};
}

/** Both series over `range`, each NaN wherever the other is missing (so sums only cover shared days). */
function maskedPair(a: DailyValues, b: DailyValues, range: DayRange): [DailyValues, DailyValues] {
	const length = periodLength(range);
	const left = new Float64Array(length).fill(Number.NaN);
	const right = new Float64Array(length).fill(Number.NaN);
	// the days both series hold (outside them both sides stay NaN)
	const from = Math.max(range.from, a.startDay, b.startDay);
	const to = Math.min(range.to, a.startDay + a.values.length - 1, b.startDay + b.values.length - 1);
	for (let day = from; day <= to; day++) {
		const x = a.values[day - a.startDay];
		const y = b.values[day - b.startDay];
		if (x !== x || y !== y) continue;
		left[day - range.from] = x;
		right[day - range.from] = y;
	}
	return [
		{ accountId: a.accountId, metric: a.metric, startDay: range.from, values: left },
		{ accountId: b.accountId, metric: b.metric, startDay: range.from, values: right }
	];
}
