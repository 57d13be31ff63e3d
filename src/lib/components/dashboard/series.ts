/**
 * From stored series to chart lines, KPI inputs and provenance, for the dashboard and account pages.
 * Pure (no Svelte, no Dexie): the pages load `MergedSeries` through a Live and derive everything
 * here on the typed arrays, so a redraw is an aggregation, never a reload.
 *
 * Steps, each its own function so each can be memoised by its own `$derived`:
 * 1. `accountDailies`: per account, the daily values of the chosen metric (followers rebuilt from
 *    daily changes where needed, engagements summed from their parts where an export has none);
 * 2. `combineGroups`: the accounts shown as one total, one line each, or one line per platform;
 * 3. `aggregateGroups`: those daily series bucketed over the range at the grain, with last year
 *    lined up when asked.
 */
import { aggregateSeries, combineAccounts, type MembershipChange } from '../../domain/analytics/aggregate';
import { followersFromAvailable, type FollowersResult } from '../../domain/analytics/derive';
import { ENGAGEMENT_COMPONENTS, ENGAGEMENT_FALLBACK_NOTE, engagementsOf } from '../../domain/analytics/engagement';
import { bucketEnd, bucketFrame, type BucketFrame, type Grain } from '../../domain/analytics/grain';
import { defaultSparklineGrain, type KpiAccount } from '../../domain/analytics/kpi';
import { evaluateNorthStar } from '../../domain/analytics/northstar';
import { resolvePeriod, dataExtentOf } from '../../domain/analytics/periods';
import { alignYearAgoMembership, alignYearOverYear, yearAgoRange } from '../../domain/analytics/rolling';
import type { AnalyticsPost, DailyValues, DayRange } from '../../domain/analytics/types';
import type { DayNumber } from '../../domain/days';
import { METRICS, type MetricKey } from '../../domain/metrics';
import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../../domain/model';
import type { TimeseriesLine } from '../../charts/build-timeseries';
import type { ChartLayout, ViewState } from './view-query';

/** What the pages need of a stored series (`MergedSeries` from db/queries fits). */
export interface StoredSeries extends DailyValues {
	sources: Uint32Array;
}

/** What the pages need of an account (`AccountRecord` fits). */
export interface AccountInfo {
	id: string;
	platform: Platform;
	displayName: string;
}

const FOLLOWER_SOURCES: MetricKey[] = ['followers', 'followers_net', 'followers_gained', 'followers_lost'];
const ENGAGEMENT_SOURCES: MetricKey[] = ['engagements', ...ENGAGEMENT_COMPONENTS];

/** The stored metrics a chart of `metric` is made from. */
export function sourceMetricsFor(metric: MetricKey): MetricKey[] {
	if (metric === 'followers') return FOLLOWER_SOURCES;
	if (metric === 'engagements') return ENGAGEMENT_SOURCES;
	return [metric];
}

/** Metrics the KPI cards read (audience, impressions / views, engagements and their parts, posts). */
export const KPI_SOURCE_METRICS: readonly MetricKey[] = [
	...FOLLOWER_SOURCES,
	'impressions',
	'views',
	...ENGAGEMENT_SOURCES,
	'posts_published'
];

/**
 * Whether two lists of stored series hold the same data, entry by entry: accounts, metrics, days,
 * values (NaN equal to NaN), sources, flags and notes. Why: right after the first chart, the chart's
 * own read gives way to the KPI read of the same records, a new array with equal contents; the page
 * keeps the first so the chart is not rebuilt and redrawn for nothing while the person's first click
 * comes. Comparing one metric's values is well under a millisecond.
 */
export function sameStoredSeries(a: readonly StoredSeries[], b: readonly StoredSeries[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	return a.every((x, index) => {
		const y = b[index];
		return (
			x === y ||
			(x.accountId === y.accountId &&
				x.metric === y.metric &&
				x.startDay === y.startDay &&
				x.semantics === y.semantics &&
				x.derived === y.derived &&
				x.note === y.note &&
				sameArray(x.values, y.values) &&
				sameArray(x.sources, y.sources) &&
				sameArray(x.flags, y.flags))
		);
	});
}

function sameArray(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): boolean {
	if (a === b) return true;
	if (!a || !b || a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
	return true;
}

/**
 * Metrics a person can chart: those stored, plus engagements when they can be summed from their
 * parts. (Follower totals need a reported total to rebuild from, so they come only with `followers`.)
 */
export function chartableMetrics(available: readonly MetricKey[]): MetricKey[] {
	const have = new Set(available);
	if (ENGAGEMENT_SOURCES.some((metric) => have.has(metric))) have.add('engagements');
	return (Object.keys(METRICS) as MetricKey[]).filter((metric) => have.has(metric));
}

/** The metric a page opens on: followers when there are any, else the first of a few telling ones. */
export function defaultMetric(chartable: readonly MetricKey[]): MetricKey | null {
	for (const metric of ['followers', 'impressions', 'views', 'engagements'] as const) if (chartable.includes(metric)) return metric;
	return chartable[0] ?? null;
}

export interface AccountDaily {
	accountId: string;
	/** What the chart draws for this account. */
	series: DailyValues;
	/** The stored series it was made from (for provenance). */
	inputs: StoredSeries[];
	/** How the values were obtained when not simply as reported. */
	note?: string;
}

export interface AccountDailies {
	byAccount: Map<string, AccountDaily>;
	/** Accounts with stored data but no usable series, and why (only follower totals can fail so). */
	unusable: Map<string, string>;
}

/**
 * Values computed from input objects, remembered per those objects (by identity): the same inputs
 * give back the same value, without computing it again. A new read of the database brings new
 * objects, so nothing remembered is used for other data, and what is remembered goes with its
 * inputs (a WeakMap on the first of them; a few entries per first input).
 */
export class InputMemo<T> {
	#byFirst = new WeakMap<object, { inputs: readonly unknown[]; value: T }[]>();
	#keep: number;

	constructor(keep = 4) {
		this.#keep = keep;
	}

	get(inputs: readonly unknown[], compute: () => T): T {
		const key = inputs.find((input): input is object => typeof input === 'object' && input !== null);
		if (key === undefined) return compute();
		let entries = this.#byFirst.get(key);
		const hit = entries?.find((entry) => entry.inputs.length === inputs.length && entry.inputs.every((input, index) => input === inputs[index]));
		if (hit) return hit.value;
		const value = compute();
		if (!entries) this.#byFirst.set(key, (entries = []));
		entries.push({ inputs: [...inputs], value });
		if (entries.length > this.#keep) entries.shift();
		return value;
	}
}

/*
 * An account's engagements summed from their parts and its rebuilt follower totals, by the stored
 * series they are made from. Why: a change of metric used to sum or rebuild ten years of every
 * account again (with a total of 40 accounts, 12–15 ms for engagements the first time), though the
 * series it is made from were the ones already held; now the second time costs nothing, and the page
 * derives them ahead of time while it is idle (chartSeriesSteps).
 */
const engagementsMemo = new InputMemo<ReturnType<typeof engagementsOf>>();
const followersMemo = new InputMemo<FollowersResult>();
/** Totals of several accounts (combineAccounts), by the accounts' daily series, semantics and id. */
const combinedMemo = new InputMemo<NonNullable<ReturnType<typeof combineAccounts>>>();

function groupByAccount(stored: readonly StoredSeries[]): Map<string, Partial<Record<MetricKey, StoredSeries>>> {
	const groups = new Map<string, Partial<Record<MetricKey, StoredSeries>>>();
	for (const series of stored) {
		let group = groups.get(series.accountId);
		if (!group) groups.set(series.accountId, (group = {}));
		group[series.metric] = series;
	}
	return groups;
}

/** Per account, the daily values of `metric` from the stored series of `sourceMetricsFor(metric)`. */
export function accountDailies(stored: readonly StoredSeries[], metric: MetricKey, words: SeriesWords = ENGLISH_SERIES_WORDS): AccountDailies {
	const byAccount = new Map<string, AccountDaily>();
	const unusable = new Map<string, string>();
	for (const [accountId, group] of groupByAccount(stored)) {
		const inputs = Object.values(group).filter((series) => series !== undefined);
		if (metric === 'followers') {
			const followers = followersMemo.get(
				FOLLOWER_SOURCES.map((source) => group[source]),
				() => followersFromAvailable(group)
			);
			if (followers.series) {
				byAccount.set(accountId, {
					accountId,
					series: followers.series,
					inputs,
					note: followers.derived ? words.followers(followers) : undefined
				});
			} else unusable.set(accountId, words.followers(followers));
		} else if (metric === 'engagements') {
			const engagements = engagementsMemo.get(
				ENGAGEMENT_SOURCES.map((source) => group[source]),
				() => engagementsOf(group)
			);
			if (engagements) {
				byAccount.set(accountId, {
					accountId,
					series: engagements.series,
					inputs,
					note: engagements.fromComponents ? words.engagementsFromParts : undefined
				});
			}
		} else {
			const series = group[metric];
			if (series) byAccount.set(accountId, { accountId, series, inputs });
		}
	}
	return { byAccount, unusable };
}

/** The accounts a view shows: the chosen ones, else those of the chosen platforms, else all. */
export function selectAccounts<A extends AccountInfo>(accounts: readonly A[], view: Pick<ViewState, 'accounts' | 'platforms'>): A[] {
	if (view.accounts.length > 0) {
		const chosen = new Set(view.accounts);
		return accounts.filter((account) => chosen.has(account.id));
	}
	if (view.platforms.length > 0) {
		const chosen = new Set<Platform>(view.platforms);
		return accounts.filter((account) => chosen.has(account.platform));
	}
	return [...accounts];
}

/** The days a view covers; null when there is nothing to cover (no data for "all time"). */
export function viewRange(
	view: Pick<ViewState, 'preset' | 'custom'>,
	dailies: Iterable<DailyValues>,
	today: DayNumber
): DayRange | null {
	return resolvePeriod(view.preset, { today, dataExtent: dataExtentOf(dailies), custom: view.custom });
}

/**
 * Names people can tell apart: the display name, with the platform added where two accounts share
 * a name ("Contoso (LinkedIn)", "Contoso (X / Twitter)").
 */
export function uniqueLabels(accounts: readonly AccountInfo[]): Map<string, string> {
	const counts = new Map<string, number>();
	for (const account of accounts) counts.set(account.displayName, (counts.get(account.displayName) ?? 0) + 1);
	return new Map(
		accounts.map((account) => [
			account.id,
			counts.get(account.displayName)! > 1 ? `${account.displayName} (${PLATFORM_LABELS[account.platform]})` : account.displayName
		])
	);
}

export interface SeriesGroup {
	id: string;
	label: string;
	platform?: Platform;
	accountIds: string[];
	series: DailyValues;
	/** How accounts were added up, when they were. */
	note?: string;
	/** When accounts were added up: those joining or leaving the total over the data's extent. */
	changes?: MembershipChange[];
}

export interface CombinedGroups {
	groups: SeriesGroup[];
	/** Chosen accounts without data for the metric. */
	withoutData: string[];
}

/**
 * The chosen accounts' daily series as the layout draws them: one total, one per account, or one
 * per platform (also for stacking). Accounts without the metric are listed, not drawn as zeros.
 */
export function combineGroups(
	dailies: ReadonlyMap<string, AccountDaily>,
	accounts: readonly AccountInfo[],
	metric: MetricKey,
	layout: ChartLayout,
	totalLabel = ENGLISH_SERIES_WORDS.total
): CombinedGroups {
	const semantics = METRICS[metric].semantics;
	const withData = accounts.filter((account) => dailies.has(account.id));
	const withoutData = accounts.filter((account) => !dailies.has(account.id)).map((account) => account.id);
	const seriesOf = (account: AccountInfo) => dailies.get(account.id)!.series;
	const combine = (id: string, label: string, members: AccountInfo[], platform?: Platform): SeriesGroup => {
		if (members.length === 1) {
			return { id, label, platform, accountIds: [members[0].id], series: seriesOf(members[0]) };
		}
		const series = members.map(seriesOf);
		const combined = combinedMemo.get([...series, semantics, id], () => combineAccounts(series, semantics, { accountId: id })!);
		return {
			id,
			label,
			platform,
			accountIds: members.map((member) => member.id),
			series: combined,
			note: combined.note,
			changes: combined.changes
		};
	};
	if (withData.length === 0) return { groups: [], withoutData };
	if (layout === 'accounts') {
		const labels = uniqueLabels(withData);
		return {
			groups: withData.map((account) => ({
				id: account.id,
				label: labels.get(account.id)!,
				platform: account.platform,
				accountIds: [account.id],
				series: seriesOf(account)
			})),
			withoutData
		};
	}
	if (layout === 'total') {
		const label = withData.length === 1 ? uniqueLabels(withData).get(withData[0].id)! : totalLabel;
		return { groups: [combine('total', label, withData)], withoutData };
	}
	const groups: SeriesGroup[] = [];
	for (const platform of PLATFORMS) {
		const members = withData.filter((account) => account.platform === platform);
		if (members.length > 0) groups.push(combine(platform, PLATFORM_LABELS[platform], members, platform));
	}
	return { groups, withoutData };
}

/**
 * What a change to each of `metrics` will chart from `stored` (the KPI read's series), derived ahead
 * of time: each account's daily values (one step per account, so a click waits for one account's
 * sum at most), then the layout's total (one step), as the page's own `accountDailies` and
 * `combineGroups` make them; both are remembered (InputMemo) and found again when the metric is
 * chosen. The page runs the steps while it is idle after the first chart, for engagements: a change
 * to them no longer sums ten years of every account's parts in the click's task. (A stored metric
 * costs only its total, about a millisecond.)
 */
export function chartSeriesSteps(
	stored: readonly StoredSeries[],
	metrics: readonly MetricKey[],
	accounts: readonly AccountInfo[],
	layout: ChartLayout,
	words: SeriesWords = ENGLISH_SERIES_WORDS
): (() => unknown)[] {
	return metrics.flatMap((metric) => {
		const sources = sourceMetricsFor(metric);
		let sourced: StoredSeries[] | undefined;
		const list = () => (sourced ??= stored.filter((series) => sources.includes(series.metric)));
		return [
			...accounts.map((account) => () => accountDailies(list().filter((series) => series.accountId === account.id), metric, words)),
			(): CombinedGroups => combineGroups(accountDailies(list(), metric, words).byAccount, accounts, metric, layout, words.total)
		];
	});
}

/**
 * Each group bucketed over `range` at `grain` (one shared frame), with last year's buckets lined up
 * when `yearOverYear` (read from the same daily series a year back).
 */
export function aggregateGroups(
	groups: readonly SeriesGroup[],
	range: DayRange,
	grain: Grain,
	yearOverYear: boolean
): { frame: BucketFrame; lines: TimeseriesLine[] } {
	const frame = bucketFrame(range, grain);
	const earlier = yearAgoRange(range);
	// an ISO week a year back can start a few days outside the shifted range: widen it by a week
	const earlierRange = { from: earlier.from - 7, to: earlier.to + 7 };
	const earlierFrame = yearOverYear ? bucketFrame(earlierRange, grain) : null;
	const lines = groups.map((group): TimeseriesLine => {
		const series = aggregateSeries(group.series, { grain, range, frame });
		const yearAgo = earlierFrame
			? alignYearOverYear(series, aggregateSeries(group.series, { grain, range: earlierRange, frame: earlierFrame }))
			: null;
		// a change inside the first bucket shows no step (the bucket is the line's first point): not marked
		const changes = group.changes?.filter((change) => change.day > frame.ends[0] && change.day <= range.to);
		const yearAgoChanges = earlierFrame && group.changes?.length ? alignYearAgoMembership(frame, earlierFrame, group.changes) : null;
		return {
			id: group.id,
			label: group.label,
			series,
			yearAgo,
			platform: group.platform,
			...(changes?.length ? { changes } : {}),
			...(yearAgoChanges && !yearAgoChanges.firstDay.every(Number.isNaN) ? { yearAgoChanges } : {})
		};
	});
	return { frame, lines };
}

/**
 * The grain a range reads best at when none is chosen: days up to about a quarter, weeks up to
 * about three years, months beyond (a decade of weeks is 520 points; of days, 3,650).
 */
export function autoGrain(range: DayRange): Grain {
	const days = range.to - range.from + 1;
	if (days <= 92) return 'day';
	if (days <= 1100) return 'week';
	return 'month';
}

/** Rolling windows the dashboard offers, in days, and the defaults per grain (as the chart builder's). */
export const DEFAULT_ROLLING_DAYS: Record<Grain, number[]> = { day: [7, 28], week: [28], month: [90], quarter: [], year: [] };

const APPROXIMATE_BUCKET_DAYS: Record<Grain, number> = { day: 1, week: 7, month: 30.4375, quarter: 91.3125, year: 365.25 };

/** A window of days in buckets of `grain` (28 days = 4 weeks, 90 days = 3 months); null when under 2 buckets. */
export function rollingWindowInBuckets(days: number, grain: Grain): number | null {
	const buckets = Math.round(days / APPROXIMATE_BUCKET_DAYS[grain]);
	return buckets >= 2 ? buckets : null;
}

/** The windows to draw, in buckets, for windows chosen in days (null: the grain's default). */
export function rollingWindowsFor(days: readonly number[] | null, grain: Grain): number[] {
	const chosen = days ?? DEFAULT_ROLLING_DAYS[grain];
	const buckets = chosen.map((window) => rollingWindowInBuckets(window, grain)).filter((window) => window !== null);
	return [...new Set(buckets)];
}

/** The imports that supplied a value on one of the days of bucket `index` of `frame` (inside its range). */
export function sourcesOfBucket(
	inputs: readonly Pick<StoredSeries, 'startDay' | 'sources'>[],
	frame: BucketFrame,
	index: number
): Set<number> {
	const found = new Set<number>();
	for (const input of inputs) {
		const lo = Math.max(frame.starts[index], frame.range.from, input.startDay);
		const hi = Math.min(frame.ends[index], frame.range.to, input.startDay + input.sources.length - 1);
		for (let day = lo; day <= hi; day++) {
			const source = input.sources[day - input.startDay];
			if (source !== 0) found.add(source);
		}
	}
	return found;
}

/** The imports behind every bucket of `frame` (see sourcesOfBucket). */
export function bucketSources(inputs: readonly Pick<StoredSeries, 'startDay' | 'sources'>[], frame: BucketFrame): Set<number>[] {
	return Array.from({ length: frame.count }, (_, index) => sourcesOfBucket(inputs, frame, index));
}

/**
 * The few words these helpers put together, so pages pass them in the active language
 * (seriesWords() in ./words) while this file stays free of Svelte.
 */
export interface SeriesWords {
	/** The one line of the 'total' layout. */
	total: string;
	/** `a, b, c`, or `a, b and 3 more` when `more` > 0. */
	list(names: readonly string[], more: number): string;
	/** A file whose import has since been undone. */
	undoneImport(id: number): string;
	/** One account's note: `Contoso: …`. */
	noteOfOne(name: string, note: string): string;
	/** A note shared by several accounts: `… (Contoso, Contoso CRM and 12 more)`. */
	noteOfMany(note: string, names: string): string;
	/** How an account's follower totals were obtained, or why there are none. */
	followers(result: FollowersResult): string;
	/** An account's engagements added up from likes, comments and shares. */
	engagementsFromParts: string;
}

// i18n-exempt: the English words for tests and callers without a language; pages pass seriesWords()
export const ENGLISH_SERIES_WORDS: SeriesWords = {
	total: 'All accounts',
	list: (names, more) => (more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ')),
	undoneImport: (id) => `import #${id} (since undone)`,
	noteOfOne: (name, note) => `${name}: ${note}`,
	noteOfMany: (note, names) => `${note} (${names})`,
	followers: (result) => result.explanation,
	engagementsFromParts: `Engagements = ${ENGAGEMENT_FALLBACK_NOTE}.`
};

/** File names for a set of import ids, in import order: `a.csv, b.csv and 3 more`; `–` for none. */
export function describeSources(
	ids: ReadonlySet<number>,
	fileNames: ReadonlyMap<number, string>,
	shown = 3,
	words: SeriesWords = ENGLISH_SERIES_WORDS
): string {
	if (ids.size === 0) return '–';
	const names = [...ids].sort((a, b) => a - b).map((id) => fileNames.get(id) ?? words.undoneImport(id));
	if (names.length <= shown) return words.list(names, 0);
	return words.list(names.slice(0, shown), names.length - shown);
}

/** The KPI cards' input: each chosen account with its stored series by metric and, where needed, its posts. */
export function kpiAccounts(
	stored: readonly StoredSeries[],
	accounts: readonly AccountInfo[],
	postsByAccount: ReadonlyMap<string, readonly Pick<AnalyticsPost, 'day'>[]> = new Map()
): KpiAccount[] {
	const groups = groupByAccount(stored);
	// names people can tell apart: three accounts called "Contoso" on three platforms are named with them
	const labels = uniqueLabels(accounts);
	return accounts.map((account) => ({
		accountId: account.id,
		platform: account.platform,
		label: labels.get(account.id)!,
		series: groups.get(account.id) ?? {},
		posts: postsByAccount.get(account.id)
	}));
}

/** Accounts whose posts the "posts published" card must count itself: no daily count stored. */
export function accountsNeedingPostCounts(stored: readonly StoredSeries[], accounts: readonly AccountInfo[]): string[] {
	const counted = new Set(stored.filter((series) => series.metric === 'posts_published').map((series) => series.accountId));
	return accounts.filter((account) => !counted.has(account.id)).map((account) => account.id);
}

/**
 * The first and last bucket worth comparing for growth in words: flows and rates skip buckets the
 * range cuts and, when `covered` (days with data per bucket) is given, buckets missing days.
 */
export function comparableEnds(
	sparkline: { grain: Grain; starts: ArrayLike<number>; values: ArrayLike<number>; covered?: ArrayLike<number> },
	range: DayRange,
	isLevel: boolean
): { from: { day: DayNumber; value: number }; to: { day: DayNumber; value: number } } | null {
	const usable: number[] = [];
	for (let i = 0; i < sparkline.starts.length; i++) {
		const value = sparkline.values[i];
		if (Number.isNaN(value)) continue;
		const start = sparkline.starts[i];
		const end = bucketEnd(start, sparkline.grain);
		// a sum over part of a bucket is smaller for no other reason: flows and rates compare whole buckets only
		if (!isLevel && (start < range.from || end > range.to)) continue;
		if (!isLevel && sparkline.covered && sparkline.covered[i] < end - start + 1) continue;
		usable.push(i);
	}
	if (usable.length < 2) return null;
	const first = usable[0];
	const last = usable[usable.length - 1];
	const dayOf = (i: number) => Math.min(range.to, bucketEnd(sparkline.starts[i], sparkline.grain));
	return {
		from: { day: dayOf(first), value: sparkline.values[first] },
		to: { day: dayOf(last), value: sparkline.values[last] }
	};
}

/**
 * The value a north-star goal tracks on `day` (a flow: its trailing 30-day total; otherwise the
 * daily value), else the latest one at most `staleDays` before; null when there is none. Used to
 * suggest a goal's baseline.
 */
export function trackedValueOn(series: DailyValues, metric: MetricKey, day: DayNumber, staleDays = 31): number | null {
	const tracked = evaluateNorthStar(
		{ metric, baselineDay: day, baselineValue: 0, target: 1, targetDay: day + 1 },
		series,
		{ today: day }
	).tracked;
	for (let d = day; d >= day - staleDays; d--) {
		const value = tracked[d - series.startDay];
		if (value !== undefined && !Number.isNaN(value)) return value;
	}
	return null;
}

export interface AccountSummary {
	account: AccountInfo;
	/** The period's value as the metric adds up: a flow's sum, a level's last value, otherwise the mean. */
	value: number | null;
	/** First and last bucket worth comparing (see comparableEnds), for growth in words. */
	ends: ReturnType<typeof comparableEnds>;
	/** Days in the range with a value. */
	daysWithData: number;
	extent: DayRange | null;
	note?: string;
}

/**
 * One row per chosen account for the period: its value, growth ends (compared at `grain`, by default
 * weeks up to 120 days, months up to about three years, quarters beyond), coverage and data extent.
 */
export function accountSummaries(
	dailies: ReadonlyMap<string, AccountDaily>,
	accounts: readonly AccountInfo[],
	metric: MetricKey,
	range: DayRange,
	grain: Grain = defaultSparklineGrain(range)
): AccountSummary[] {
	const semantics = METRICS[metric].semantics;
	// one bucket spanning exactly the range: the period's value with the metric's own aggregation
	const whole: BucketFrame = { grain: 'year', range, count: 1, starts: Int32Array.of(range.from), ends: Int32Array.of(range.to) };
	const frame = bucketFrame(range, grain);
	return accounts.map((account): AccountSummary => {
		const daily = dailies.get(account.id);
		if (!daily) return { account, value: null, ends: null, daysWithData: 0, extent: null };
		const period = aggregateSeries(daily.series, { grain: 'year', range, frame: whole });
		const buckets = aggregateSeries(daily.series, { grain, range, frame });
		return {
			account,
			value: Number.isNaN(period.values[0]) ? null : period.values[0],
			ends: comparableEnds({ grain, starts: frame.starts, values: buckets.values, covered: buckets.covered }, range, semantics === 'level'),
			daysWithData: period.covered[0],
			extent: dataExtentOf([daily.series]),
			note: daily.note
		};
	});
}

/**
 * Per-account notes, each text once with the accounts it applies to: "Only new followers per day is
 * known. … (Contoso, Contoso CRM and 12 more)". Forty accounts with the same caveat read as one line.
 */
export function groupNotes(
	entries: readonly { name: string; note: string }[],
	shown = 4,
	words: SeriesWords = ENGLISH_SERIES_WORDS
): string[] {
	const byNote = new Map<string, string[]>();
	for (const { name, note } of entries) {
		const names = byNote.get(note);
		if (names) names.push(name);
		else byNote.set(note, [name]);
	}
	return [...byNote].map(([note, names]) => {
		const listed = names.length <= shown ? words.list(names, 0) : words.list(names.slice(0, shown), names.length - shown);
		return names.length === 1 ? words.noteOfOne(names[0], note) : words.noteOfMany(note, listed);
	});
}

/** A level on `day`, or the latest one at most `staleDays` before; null when none. */
export function levelAt(series: DailyValues, day: DayNumber, staleDays = 31): number | null {
	for (let d = day; d >= day - staleDays; d--) {
		const value = series.values[d - series.startDay];
		if (value !== undefined && !Number.isNaN(value)) return value;
	}
	return null;
}

export interface AudienceGrowth {
	from: { day: DayNumber; value: number };
	to: { day: DayNumber; value: number };
	/** Accounts with a follower count at both ends (only they are compared). */
	compared: number;
	/** Accounts with follower counts at all. */
	withFollowers: number;
}

/**
 * The audience at the start and the end of a period, over the same accounts: only accounts with a
 * follower count (at most 31 days old) at both ends count, so an account whose exports begin inside
 * the period does not read as growth. Null when no account has both.
 */
export function audienceGrowth(
	stored: readonly StoredSeries[],
	accounts: readonly AccountInfo[],
	range: DayRange,
	/** accountDailies(stored, 'followers'), when the caller keeps it between periods (it does not depend on them). */
	followers: AccountDailies = accountDailies(stored, 'followers')
): AudienceGrowth | null {
	const { byAccount } = followers;
	let from = 0;
	let to = 0;
	let compared = 0;
	let withFollowers = 0;
	for (const account of accounts) {
		const daily = byAccount.get(account.id);
		if (!daily) continue;
		withFollowers++;
		const start = levelAt(daily.series, range.from);
		const end = levelAt(daily.series, range.to);
		if (start === null || end === null) continue;
		from += start;
		to += end;
		compared++;
	}
	return compared > 0 ? { from: { day: range.from, value: from }, to: { day: range.to, value: to }, compared, withFollowers } : null;
}
