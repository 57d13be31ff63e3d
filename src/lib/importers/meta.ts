/**
 * Meta Business Suite / Professional dashboard exports, shared by the Facebook and Instagram
 * importers: per-post "Content" exports (UTF-8 with BOM; `Date` says `Lifetime`, the real date is
 * `Publish time`) and per-metric daily files (UTF-16LE, `sep=,`, a metric title line, then
 * `"Date","Primary"`).
 */
import { todayDay } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, ParsedPost, Platform } from '../domain/model';
import { readBreakdownTable } from './breakdown';
import {
	acceptPost,
	baseName,
	cellAt,
	dataRowsAfter,
	defineColumns,
	headerRow,
	importResult,
	IssueLog,
	locateColumns,
	missingColumnsMessage,
	normalizeHeader,
	preambleTexts,
	presentColumns,
	unreadableResult
} from './columns';
import { decimalHintOf, metricColumns, readDailyTable, readMetricCells, type ValueKind } from './daily';
import { isTikTokContainer } from './tiktok';
import type { DetectSample, ImportResult, ParseContext } from './types';
import { cleanId, inferDateOrder, isDamagedId, localDateTime, parseDateTime } from './values';
import { fileMessage } from './messages';

// ---- per-post Content exports ------------------------------------------------------------------

// Swedish aliases from an importer config (Inläggs-ID, Sidans ID, Sidans namn).
export const META_POST_COLUMNS = defineColumns({
	id: ['Post ID', 'Inläggs-ID'],
	pageId: ['Page ID', 'Sidans ID'],
	pageName: ['Page name', 'Sidans namn'],
	accountId: ['Account ID'],
	username: ['Account username'],
	accountName: ['Account name'],
	title: ['Title'],
	description: ['Description'],
	publishTime: ['Publish time'],
	permalink: ['Permalink'],
	postType: ['Post type'],
	date: ['Date'],
	views: ['Views'],
	impressions: ['Impressions'],
	reach: ['Reach'],
	interactions: ['Reactions, Comments and Shares'],
	reactions: ['Reactions'],
	likes: ['Likes'],
	comments: ['Comments'],
	shares: ['Shares'],
	follows: ['Follows'],
	saves: ['Saves'],
	totalClicks: ['Total clicks'],
	linkClicks: ['Link clicks'],
	earnings: ['Estimated earnings (USD)']
});
type MetaPostKey = keyof typeof META_POST_COLUMNS;

const META_POST_METRICS: readonly (readonly [MetaPostKey, MetricKey, ValueKind])[] = [
	['views', 'views', 'count'],
	// `Impressions` in exports before Meta replaced it with Views (2025)
	['impressions', 'impressions', 'count'],
	['reach', 'reach', 'count'],
	['interactions', 'engagements', 'count'],
	['reactions', 'likes', 'count'],
	['likes', 'likes', 'count'],
	['comments', 'comments', 'count'],
	['shares', 'shares', 'count'],
	['follows', 'followers_gained', 'count'],
	['saves', 'saves', 'count'],
	['totalClicks', 'clicks', 'count'],
	['linkClicks', 'link_clicks', 'count'],
	['earnings', 'revenue', 'number']
];

const META_POST_SIGNATURE: readonly MetaPostKey[] = ['permalink', 'postType', 'date', 'views', 'reach', 'comments', 'shares'];

/** Detection for Meta post exports: the Facebook kind has Page columns, the Instagram kind Account columns. */
export function detectMetaPosts(sample: DetectSample, platform: 'facebook' | 'instagram'): number {
	const present = presentColumns(sample.normalizedHeaders, META_POST_COLUMNS);
	if (!present.has('id') || !present.has('publishTime')) return 0;
	const facebookish = present.has('pageId') || present.has('pageName');
	const instagramish = present.has('username') || present.has('accountId');
	if (platform === 'facebook' ? !facebookish || instagramish : !instagramish) return 0;
	const signature = META_POST_SIGNATURE.filter((key) => present.has(key)).length / META_POST_SIGNATURE.length;
	return Math.min(1, 0.65 + 0.3 * signature);
}

function metaAccount(platform: 'facebook' | 'instagram', row: readonly string[], located: Partial<Record<MetaPostKey, number>>): AccountRef | null {
	const externalId = cellAt(row, platform === 'facebook' ? located.pageId : located.accountId);
	const ref: AccountRef = { platform };
	if (externalId && !isDamagedId(externalId)) ref.externalId = externalId;
	if (platform === 'facebook') {
		const name = cellAt(row, located.pageName);
		if (name) ref.displayName = name;
	} else {
		const handle = cellAt(row, located.username)?.replace(/^@/, '');
		const name = cellAt(row, located.accountName);
		if (handle) ref.handle = handle;
		if (name) ref.displayName = name;
	}
	return ref.handle || ref.displayName || ref.externalId ? ref : null;
}

function sameAccount(a: AccountRef | null, b: AccountRef | null): boolean {
	return a?.handle === b?.handle && a?.displayName === b?.displayName && a?.externalId === b?.externalId;
}

export function readMetaPosts(context: ParseContext, platform: 'facebook' | 'instagram'): ImportResult {
	const headers = headerRow(context);
	const located = locateColumns(headers, META_POST_COLUMNS);
	const missing = (['id', 'publishTime'] as const).filter((key) => located[key] === undefined);
	if (missing.length > 0) {
		return unreadableResult(missingColumnsMessage(platform === 'facebook' ? 'metaFacebookPosts' : 'metaInstagramPosts', missing.map((key) => META_POST_COLUMNS[key][0]), headers));
	}
	const issues = new IssueLog();
	const rows = dataRowsAfter(context.table, context.headerIndex);
	const metrics = metricColumns(located, headers, META_POST_METRICS);
	const hint = decimalHintOf(rows, metrics.map((metric) => metric.column));
	const order = inferDateOrder(rows.map(({ row }) => cellAt(row, located.publishTime) ?? ''));
	const posts: ParsedPost[] = [];
	let fileAccount: AccountRef | null | undefined;

	for (const { row, line } of rows) {
		const rawId = cellAt(row, located.id) ?? '';
		if (isDamagedId(rawId)) {
			issues.error(
				fileMessage('meta.damagedId', { id: rawId }),
				line,
				'damaged-id'
			);
			continue;
		}
		const postId = cleanId(rawId);
		if (!postId) {
			issues.error(fileMessage('meta.noId'), line, 'no-id');
			continue;
		}
		// `Date` only ever says `Lifetime` here; the post's date is `Publish time`
		const publishText = cellAt(row, located.publishTime) ?? '';
		const when = parseDateTime(publishText, { order });
		if (!when) {
			issues.error(fileMessage('meta.badDate', { cell: publishText }), line, 'bad-date');
			continue;
		}
		const account = metaAccount(platform, row, located);
		fileAccount = fileAccount === undefined ? account : sameAccount(fileAccount, account) ? fileAccount : null;
		const values: Partial<Record<MetricKey, number>> = {};
		readMetricCells(row, line, metrics, hint, issues, (metric, value) => (values[metric] = value));
		// the caption sits in Title or in Description depending on the post type
		const text = cellAt(row, located.title) || cellAt(row, located.description) || '';
		acceptPost(
			{
				platform,
				postId,
				account,
				publishedAt: localDateTime(when.day, when.time),
				day: when.day,
				text,
				link: cellAt(row, located.permalink) || undefined,
				type: cellAt(row, located.postType) || undefined,
				metrics: values
			},
			posts,
			issues,
			line,
			context.now
		);
	}
	return importResult({ account: fileAccount ?? null, posts, rowCount: rows.length, issues });
}

// ---- per-metric daily files ---------------------------------------------------------------------

// The title line names the metric, sometimes prefixed by the platform ("Facebook follows").
const DAILY_METRIC_TITLES: Record<string, MetricKey> = {
	follows: 'followers_gained',
	'new follows': 'followers_gained',
	unfollows: 'followers_lost',
	'net follows': 'followers_net',
	views: 'views',
	viewers: 'reach',
	reach: 'reach',
	'content interactions': 'engagements',
	interactions: 'engagements',
	visits: 'profile_visits',
	'profile visits': 'profile_visits',
	'page visits': 'profile_visits',
	'link clicks': 'link_clicks'
};

export interface MetaDailyTitle {
	title: string;
	platform: 'facebook' | 'instagram' | null;
	metric: MetricKey | null;
}

/** Read `"Facebook follows"` → facebook + followers_gained; falls back to the file name (`Follows.csv`). */
export function readMetaDailyTitle(preamble: readonly string[], fileName: string): MetaDailyTitle | null {
	const titleLine = [...preamble].reverse().find((text) => !/^sep=/i.test(text));
	const title = titleLine ?? baseName(fileName).replace(/\s*\(\d+\)/, '').replace(/\.csv$/i, '');
	if (!title) return null;
	const normalized = normalizeHeader(title);
	const prefix = /^(facebook|instagram)\s+(.*)$/.exec(normalized);
	const platform = prefix ? (prefix[1] as 'facebook' | 'instagram') : null;
	const rest = prefix ? prefix[2] : normalized;
	return { title, platform, metric: DAILY_METRIC_TITLES[rest] ?? null };
}

function isMetaDailyHeader(normalizedHeaders: readonly string[]): boolean {
	const headers = normalizedHeaders.map(normalizeHeader);
	return headers[0] === 'date' && headers[1] === 'primary';
}

function mentionsPlatform(sample: DetectSample, platform: Platform): boolean {
	return [sample.fileName, sample.containerName ?? ''].some((name) => name.toLowerCase().includes(platform));
}

export function detectMetaDaily(sample: DetectSample, platform: 'facebook' | 'instagram'): number {
	if (!isMetaDailyHeader(sample.normalizedHeaders)) return 0;
	const title = readMetaDailyTitle(preambleTexts(sample), sample.fileName);
	const other = platform === 'facebook' ? 'instagram' : 'facebook';
	if (title?.platform === platform) return 0.95;
	if (title?.platform === other) return 0.3;
	if (mentionsPlatform(sample, platform)) return 0.9;
	if (mentionsPlatform(sample, other)) return 0.3;
	// no platform named anywhere: Facebook, the more common source, with a note in the result
	return platform === 'facebook' ? 0.8 : 0.7;
}

export function readMetaDaily(context: ParseContext, platform: 'facebook' | 'instagram'): ImportResult {
	const { table, headerIndex } = context;
	const preamble = table.rows
		.slice(Math.max(0, headerIndex - 5), headerIndex)
		.map((row) => row.map((cell) => cell.trim()).filter(Boolean).join(' '))
		.filter(Boolean);
	const title = readMetaDailyTitle(preamble, table.fileName);
	if (!title?.metric) {
		return unreadableResult(title?.title === undefined ? fileMessage('meta.unchartedUnnamed') : fileMessage('meta.unchartedMetric', { title: title.title }));
	}
	const headers = headerRow(context);
	const result = readDailyTable({
		now: context.now,
		table,
		headerIndex,
		// the file does not say whose Page or account it is: the preview asks
		account: null,
		dateColumn: 0,
		dateHeader: headers[0],
		metrics: [{ metric: title.metric, column: 1, kind: 'count', header: headers[1] }]
	});
	if (title.platform === null && platform === 'facebook') {
		result.issues.warning(fileMessage('meta.platformUnknown', { title: title.title }));
	}
	return importResult({ account: null, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
}

// ---- related bundle files: Viewers.csv, Gender.csv, FollowerTopTerritories.csv -----------------

/**
 * TikTok writes files with the same names and headers (Viewers.csv, FollowerTopTerritories.csv).
 * Meta's carry full dates; TikTok's dates have no year, and TikTok's come in zips named
 * `Followers_<handle>.zip` etc.
 */
export function detectMetaViewers(sample: DetectSample): number {
	const headers = sample.normalizedHeaders.map(normalizeHeader);
	if (headers[0] !== 'date' || !headers.includes('total viewers')) return 0;
	if (isTikTokContainer(sample.containerName)) return 0.05;
	const firstDate = sample.firstRows.map((row) => row[0]?.trim() ?? '').find(Boolean);
	return firstDate && parseDateTime(firstDate) ? 0.85 : 0.1;
}

export function readMetaViewers(context: ParseContext): ImportResult {
	const headers = headerRow(context);
	const located = locateColumns(headers, defineColumns({ date: ['Date'], total: ['Total Viewers'] }));
	if (located.date === undefined || located.total === undefined) return unreadableResult(missingColumnsMessage('metaViewers', ['Date', 'Total Viewers'], headers));
	const result = readDailyTable({
		now: context.now,
		table: context.table,
		headerIndex: context.headerIndex,
		account: null,
		dateColumn: located.date,
		dateHeader: headers[located.date],
		// viewers are distinct people per day, which is what reach means
		metrics: [{ metric: 'reach', column: located.total, kind: 'count', header: headers[located.total] }]
	});
	return importResult({ account: null, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
}

/** `Gender,Distribution` (Gender.csv) and `Top Territories,Distribution` (FollowerTopTerritories.csv). */
export function detectMetaDistribution(sample: DetectSample, kind: 'gender' | 'territory'): number {
	const headers = sample.normalizedHeaders.map(normalizeHeader);
	const key = kind === 'gender' ? 'gender' : 'top territories';
	if (headers.length !== 2 || headers[0] !== key || headers[1] !== 'distribution') return 0;
	if (isTikTokContainer(sample.containerName)) return 0.05;
	const name = baseName(sample.fileName).toLowerCase();
	if (kind === 'gender') return name.startsWith('followergender') ? 0.1 : name.startsWith('gender') ? 0.85 : 0.5;
	// same name and header as TikTok's: only a non-TikTok container speaks for Meta
	return sample.containerName ? 0.8 : 0.45;
}

export function readMetaDistribution(context: ParseContext, kind: 'gender' | 'territory'): ImportResult {
	const headers = headerRow(context);
	const result = readBreakdownTable({
		table: context.table,
		headerIndex: context.headerIndex,
		account: null,
		dimension: kind === 'gender' ? 'gender' : 'territory',
		asOf: todayDay(context.now),
		measure: 'followers',
		keyColumn: 0,
		valueColumn: 1,
		valueHeader: headers[1] ?? 'Distribution',
		unit: 'share'
	});
	if (kind === 'territory' && !context.table.containerName) {
		result.issues.push({ severity: 'warning', ...fileMessage('meta.territoryAmbiguous') });
	}
	return result;
}
