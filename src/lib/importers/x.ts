/**
 * X / Twitter: the legacy analytics.twitter.com exports (per tweet, by day; English and Japanese
 * headers) and the X Premium exports (account overview, content in two header generations).
 */
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, ParsedPost } from '../domain/model';
import {
	acceptPost,
	baseName,
	cellAt,
	coverage,
	dataRowsAfter,
	defineColumns,
	headerRow,
	importResult,
	IssueLog,
	locateColumns,
	missingColumnsMessage,
	presentColumns,
	resolveHeaderIndex,
	unreadableResult,
	type ColumnAliases
} from './columns';
import { decimalHintOf, metricColumns, readDailyTable, readMetricCells, type ValueKind } from './daily';
import type { DetectSample, Importer, ImportResult, ParseContext } from './types';
import { cleanId, inferDateOrder, isDamagedId, localDateTime, parseDateTime } from './values';
import { fileMessage, type FormatName } from './messages';

// `tweet_activity_metrics_<handle>_<YYYYMMDD>_<YYYYMMDD>_<lang>.csv`; browsers add ` (1)` to repeats.
const LEGACY_FILE_NAME = /^(daily_)?tweet_activity_metrics_(.+)_(\d{8})_(\d{8})_([a-z]{2,3}(?:[-_][a-z]{2,4})?)(?:\s*\(\d+\))?\.csv$/i;
const STATUS_LINK = /(?:twitter|x)\.com\/(?:#!\/)?([A-Za-z0-9_]{1,15})\/status(?:es)?\/\d+/i;

/** The handle in a legacy export's file name (case kept), or null. */
export function handleFromLegacyFileName(fileName: string): string | null {
	return LEGACY_FILE_NAME.exec(baseName(fileName))?.[2] ?? null;
}

/** The handle in a tweet/post link (`https://x.com/KaiaDevIntern/status/190…`), or null. */
export function handleFromStatusLink(link: string | undefined): string | null {
	if (!link) return null;
	return STATUS_LINK.exec(link)?.[1] ?? null;
}

function xAccount(handle: string | null): AccountRef | null {
	return handle ? { platform: 'x', handle } : null;
}

// Legacy headers, English then the Japanese UI's names (from a JAtoEN() converter; §2.3).
const LEGACY_COLUMNS = defineColumns({
	id: ['Tweet id', 'ツイートID'],
	permalink: ['Tweet permalink', 'ツイートの固定リンク'],
	text: ['Tweet text', 'ツイート本文'],
	time: ['time', '時間'],
	date: ['Date', '日付'],
	published: ['Tweets published'],
	impressions: ['impressions', 'インプレッション'],
	engagements: ['engagements', 'エンゲージメント'],
	engagementRate: ['engagement rate', 'エンゲージメント率'],
	retweets: ['retweets', 'リツイート'],
	replies: ['replies', '返信'],
	// 2015 exports said `favorites`
	likes: ['likes', 'favorites', 'いいね'],
	profileClicks: ['user profile clicks', 'ユーザープロフィールクリック'],
	urlClicks: ['url clicks', 'URLクリック数'],
	follows: ['follows', 'フォローしている']
});
type LegacyKey = keyof typeof LEGACY_COLUMNS;

const LEGACY_METRICS: readonly (readonly [LegacyKey, MetricKey, ValueKind])[] = [
	['impressions', 'impressions', 'count'],
	['engagements', 'engagements', 'count'],
	// a fraction (0.0028…), not a percentage
	['engagementRate', 'engagement_rate', 'fraction'],
	['retweets', 'shares', 'count'],
	['replies', 'comments', 'count'],
	['likes', 'likes', 'count'],
	['profileClicks', 'profile_visits', 'count'],
	// `url clicks` counts only clicks on links in the tweet, which is what link_clicks means
	['urlClicks', 'link_clicks', 'count'],
	['follows', 'followers_gained', 'count']
];

const LEGACY_SIGNATURE: readonly LegacyKey[] = ['impressions', 'engagements', 'engagementRate', 'retweets', 'replies', 'likes', 'urlClicks'];

function detectLegacyTweets(sample: DetectSample): number {
	const present = presentColumns(sample.normalizedHeaders, LEGACY_COLUMNS);
	if (!present.has('id') || !present.has('time') || !(present.has('permalink') || present.has('text'))) return 0;
	const named = LEGACY_FILE_NAME.exec(baseName(sample.fileName));
	return Math.min(1, 0.6 + 0.35 * coverage(present, LEGACY_SIGNATURE) + (named && !named[1] ? 0.05 : 0));
}

function detectLegacyDaily(sample: DetectSample): number {
	const present = presentColumns(sample.normalizedHeaders, LEGACY_COLUMNS);
	if (!present.has('date') || !present.has('published') || present.has('id')) return 0;
	const named = LEGACY_FILE_NAME.exec(baseName(sample.fileName));
	return Math.min(1, 0.6 + 0.35 * coverage(present, LEGACY_SIGNATURE) + (named?.[1] ? 0.05 : 0));
}

/** Read a post table whose rows carry an id, a link, a text and a date column. */
interface PostTableSpec<K extends string> {
	context: ParseContext;
	/** What the file should be, for the missing-columns message. */
	label: FormatName;
	columns: ColumnAliases<K>;
	required: readonly K[];
	idKey: K;
	linkKey: K;
	textKey: K;
	dateKey: K;
	metrics: readonly (readonly [K, MetricKey, ValueKind])[];
	fileHandle: string | null;
}

function readXPosts<K extends string>(spec: PostTableSpec<K>): ImportResult {
	const { context } = spec;
	const headerIndex = resolveHeaderIndex(context.table, context.headerIndex, (row) =>
		spec.required.every((key) => spec.columns[key].some((alias) => row.includes(alias)))
	);
	const headers = headerRow(context, headerIndex);
	const located = locateColumns(headers, spec.columns);
	const missing = spec.required.filter((key) => located[key] === undefined);
	if (missing.length > 0) return unreadableResult(missingColumnsMessage(spec.label, missing.map((key) => spec.columns[key][0]), headers));

	const issues = new IssueLog();
	const rows = dataRowsAfter(context.table, headerIndex);
	const metrics = metricColumns(located, headers, spec.metrics);
	const hint = decimalHintOf(rows, metrics.map((metric) => metric.column));
	const order = inferDateOrder(rows.map(({ row }) => cellAt(row, located[spec.dateKey]) ?? ''));
	const posts: ParsedPost[] = [];
	let handle = spec.fileHandle;

	for (const { row, line } of rows) {
		const rawId = cellAt(row, located[spec.idKey]) ?? '';
		if (isDamagedId(rawId)) {
			issues.error(
				fileMessage('x.damagedId', { id: rawId }),
				line,
				'damaged-id'
			);
			continue;
		}
		const postId = cleanId(rawId);
		if (!postId || !/^\d+$/.test(postId)) {
			issues.error(fileMessage('x.badId', { id: rawId }), line, 'bad-id');
			continue;
		}
		const link = cellAt(row, located[spec.linkKey]) || undefined;
		handle ??= handleFromStatusLink(link);
		const dateText = cellAt(row, located[spec.dateKey]) ?? '';
		const when = parseDateTime(dateText, { order });
		if (!when) {
			issues.error(fileMessage('x.badDate', { cell: dateText }), line, 'bad-date');
			continue;
		}
		const values: Partial<Record<MetricKey, number>> = {};
		readMetricCells(row, line, metrics, hint, issues, (metric, value) => (values[metric] = value));
		acceptPost(
			{
				platform: 'x',
				postId,
				account: null,
				publishedAt: localDateTime(when.day, when.time),
				day: when.day,
				text: cellAt(row, located[spec.textKey]) ?? '',
				link,
				metrics: values
			},
			posts,
			issues,
			line,
			spec.context.now
		);
	}
	const account = xAccount(handle);
	for (const post of posts) post.account = account;
	return importResult({ account, posts, rowCount: rows.length, issues });
}

export const xTweetActivity: Importer = {
	id: 'x-tweet-activity',
	label: 'X/Twitter — Tweet activity (per tweet, legacy)',
	platform: 'x',
	detect: detectLegacyTweets,
	parse(context) {
		return readXPosts({
			context,
			label: 'xTweets',
			columns: LEGACY_COLUMNS,
			required: ['id', 'time'],
			idKey: 'id',
			linkKey: 'permalink',
			textKey: 'text',
			dateKey: 'time',
			metrics: LEGACY_METRICS,
			fileHandle: handleFromLegacyFileName(context.table.fileName) ?? handleFromLegacyFileName(context.table.containerName ?? '')
		});
	}
};

export const xDailyTweetActivity: Importer = {
	id: 'x-daily-tweet-activity',
	label: 'X/Twitter — Tweet activity by day (legacy)',
	platform: 'x',
	detect: detectLegacyDaily,
	parse(context) {
		const headerIndex = resolveHeaderIndex(context.table, context.headerIndex, (row) =>
			LEGACY_COLUMNS.published.some((alias) => row.includes(alias))
		);
		const headers = headerRow(context, headerIndex);
		const located = locateColumns(headers, LEGACY_COLUMNS);
		if (located.date === undefined) return unreadableResult(missingColumnsMessage('xByDay', ['Date'], headers));
		const account = xAccount(handleFromLegacyFileName(context.table.fileName));
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex,
			account,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			metrics: metricColumns(located, headers, [['published', 'posts_published', 'count'], ...LEGACY_METRICS])
		});
		return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};

// X Premium (x.com/i/account_analytics). Column order differs between copies of the same export,
// so only names count.
const OVERVIEW_COLUMNS = defineColumns({
	date: ['Date'],
	impressions: ['Impressions'],
	likes: ['Likes'],
	engagements: ['Engagements'],
	bookmarks: ['Bookmarks'],
	shares: ['Shares'],
	newFollows: ['New follows'],
	unfollows: ['Unfollows'],
	replies: ['Replies'],
	reposts: ['Reposts'],
	profileVisits: ['Profile visits'],
	createPost: ['Create Post'],
	videoViews: ['Video views'],
	mediaViews: ['Media views'],
	postText: ['Post text'],
	postId: ['Post id']
});
type OverviewKey = keyof typeof OVERVIEW_COLUMNS;

// X's own `Shares` column counts share-sheet sends (DM, copy link), a different act from a repost;
// `shares` in Chorus means reposts, so it is not folded in.
const OVERVIEW_METRICS: readonly (readonly [OverviewKey, MetricKey, ValueKind])[] = [
	['impressions', 'impressions', 'count'],
	['likes', 'likes', 'count'],
	['engagements', 'engagements', 'count'],
	['bookmarks', 'saves', 'count'],
	['newFollows', 'followers_gained', 'count'],
	['unfollows', 'followers_lost', 'count'],
	['replies', 'comments', 'count'],
	['reposts', 'shares', 'count'],
	['profileVisits', 'profile_visits', 'count'],
	['createPost', 'posts_published', 'count'],
	['videoViews', 'views', 'count']
];
const OVERVIEW_SIGNATURE: readonly OverviewKey[] = [
	'impressions', 'likes', 'engagements', 'bookmarks', 'shares', 'newFollows', 'unfollows', 'replies', 'reposts', 'profileVisits', 'createPost', 'videoViews', 'mediaViews'
];

export const xAccountOverview: Importer = {
	id: 'x-account-overview',
	label: 'X — Account overview (X Premium analytics)',
	platform: 'x',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, OVERVIEW_COLUMNS);
		if (!present.has('date') || present.has('postText') || present.has('postId')) return 0;
		if (!present.has('unfollows') && !present.has('createPost')) return 0;
		const named = /^account_overview_analytics(?:\s*\(\d+\))?\.csv$/i.test(baseName(sample.fileName));
		return Math.min(1, 0.55 + 0.4 * coverage(present, OVERVIEW_SIGNATURE) + (named ? 0.05 : 0));
	},
	parse(context) {
		const headers = headerRow(context);
		const located = locateColumns(headers, OVERVIEW_COLUMNS);
		if (located.date === undefined) return unreadableResult(missingColumnsMessage('xOverview', ['Date'], headers));
		// the file carries no handle: the preview asks whose account it is
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex: context.headerIndex,
			account: null,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			metrics: metricColumns(located, headers, OVERVIEW_METRICS)
		});
		return importResult({ account: null, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};

// Both generations: early 2025 (`Link`, `Share`, `Detail expands`, `Url clicks`) and late 2025/2026
// (`Post Link`, `Shares`, `Detail Expands`, `URL Clicks`) — case is ignored anyway.
const CONTENT_COLUMNS = defineColumns({
	id: ['Post id'],
	date: ['Date'],
	text: ['Post text'],
	link: ['Post Link', 'Link'],
	impressions: ['Impressions'],
	likes: ['Likes'],
	engagements: ['Engagements'],
	bookmarks: ['Bookmarks', 'Bookmark'],
	shares: ['Shares', 'Share'],
	newFollows: ['New follows', 'Follows'],
	replies: ['Replies'],
	reposts: ['Reposts', 'Retweets'],
	profileVisits: ['Profile visits'],
	detailExpands: ['Detail expands'],
	urlClicks: ['Url clicks'],
	hashtagClicks: ['Hashtag clicks'],
	permalinkClicks: ['Permalink clicks'],
	publishTime: ['Publish time']
});
type ContentKey = keyof typeof CONTENT_COLUMNS;

const CONTENT_METRICS: readonly (readonly [ContentKey, MetricKey, ValueKind])[] = [
	['impressions', 'impressions', 'count'],
	['likes', 'likes', 'count'],
	['engagements', 'engagements', 'count'],
	['bookmarks', 'saves', 'count'],
	['newFollows', 'followers_gained', 'count'],
	['replies', 'comments', 'count'],
	['reposts', 'shares', 'count'],
	['profileVisits', 'profile_visits', 'count'],
	['urlClicks', 'link_clicks', 'count']
];
const CONTENT_SIGNATURE: readonly ContentKey[] = [
	'link', 'impressions', 'likes', 'engagements', 'bookmarks', 'shares', 'newFollows', 'replies', 'reposts', 'profileVisits', 'detailExpands', 'urlClicks', 'permalinkClicks'
];

export const xAccountContent: Importer = {
	id: 'x-account-content',
	label: 'X — Content (X Premium analytics, per post)',
	platform: 'x',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, CONTENT_COLUMNS);
		if (!present.has('id') || !present.has('date') || !present.has('text') || present.has('publishTime')) return 0;
		const named = /account_analytics_content_.*\.csv$/i.test(baseName(sample.fileName));
		return Math.min(1, 0.6 + 0.35 * coverage(present, CONTENT_SIGNATURE) + (named ? 0.05 : 0));
	},
	parse(context) {
		return readXPosts({
			context,
			label: 'xContent',
			columns: CONTENT_COLUMNS,
			required: ['id', 'date'],
			idKey: 'id',
			linkKey: 'link',
			textKey: 'text',
			dateKey: 'date',
			metrics: CONTENT_METRICS,
			fileHandle: null
		});
	}
};
