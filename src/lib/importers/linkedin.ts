/**
 * LinkedIn Page analytics exports (.xls workbooks, or their sheets converted to CSV, e.g. Apple
 * Numbers' `New followers-Table 1.csv`): content (`Metrics`, `All posts`; a one-cell description
 * above the header), followers (`New followers` plus demographic sheets) and visitors. Detection
 * works from headers alone, so converted sheets without a sheet name are recognised too.
 */
import { todayDay, type DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, BreakdownDimension, ParsedPost } from '../domain/model';
import { readBreakdownTable } from './breakdown';
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
	nameSegments,
	normalizeHeader,
	presentColumns,
	resolveHeaderIndex,
	unreadableResult,
	type ColumnAliases
} from './columns';
import { decimalHintOf, metricColumns, readDailyTable, readMetricCells, type ValueKind } from './daily';
import type { DetectSample, Importer, ImportResult, ParseContext } from './types';
import { dayOfInstant, inferDateOrder, localDateTime, parseDateTime } from './values';
import { fileMessage } from './messages';

export interface LinkedInFileName {
	vanity: string;
	kind: 'content' | 'followers' | 'visitors';
	/** Export time from the epoch-ms suffix, when the name has one. */
	exportedDay: DayNumber | null;
}

const LINKEDIN_FILE_NAME = /^(.+?)_(content|updates|followers|visitors)_([^_.]+?)(?:\s*\(\d+\))?\.(?:xlsx?|csv)$/i;

/** `<page-vanity>_content_<epoch-ms>.xls` and its followers/visitors siblings. */
export function linkedinFileNameOf(...names: (string | undefined)[]): LinkedInFileName | null {
	for (const segment of nameSegments(...names)) {
		const match = LINKEDIN_FILE_NAME.exec(segment);
		if (!match) continue;
		const kind = match[2].toLowerCase() === 'updates' ? 'content' : (match[2].toLowerCase() as LinkedInFileName['kind']);
		const exportedDay = /^\d{12,14}$/.test(match[3]) ? dayOfInstant(Number(match[3])) : null;
		return { vanity: match[1], kind, exportedDay };
	}
	return null;
}

function linkedinAccount(context: ParseContext): AccountRef | null {
	const name = linkedinFileNameOf(context.table.containerName, context.table.fileName);
	return name ? { platform: 'linkedin', handle: name.vanity } : null;
}

function sheetIs(sample: DetectSample, ...names: string[]): boolean {
	const sheet = normalizeHeader(sample.sheetName ?? '');
	// Apple Numbers names converted sheets `<Sheet>-Table 1.csv`
	const file = normalizeHeader(baseName(sample.fileName)).replace(/(?:-table \d+)?\.csv$/, '');
	return names.some((name) => sheet === name || file === name);
}

/** The header row below a one-cell description, even if the pipeline handed over the description. */
function headerIndexFor<K extends string>(context: ParseContext, aliases: ColumnAliases<K>, required: readonly K[]): number {
	return resolveHeaderIndex(context.table, context.headerIndex, (row) => required.every((key) => aliases[key].some((alias) => row.includes(alias))));
}

// ---- content export: Metrics sheet --------------------------------------------------------------

// Portuguese names from an importer's mapping (§5.4); older exports say Shares where newer say Reposts.
const METRICS_COLUMNS = defineColumns({
	date: ['Date', 'Data'],
	impressionsTotal: ['Impressions (total)', 'Impressões (total)'],
	impressionsOrganic: ['Impressions (organic)', 'Impressões (orgânicas)'],
	impressionsSponsored: ['Impressions (sponsored)', 'Impressões (patrocinadas)'],
	uniqueOrganic: ['Unique impressions (organic)', 'Impressões únicas (orgânicas)'],
	clicksTotal: ['Clicks (total)'],
	clicksOrganic: ['Clicks (organic)', 'Cliques (orgânicos)'],
	reactionsTotal: ['Reactions (total)'],
	reactionsOrganic: ['Reactions (organic)', 'Reações (orgânicas)'],
	commentsTotal: ['Comments (total)'],
	commentsOrganic: ['Comments (organic)', 'Comentários (orgânicos)'],
	repostsTotal: ['Reposts (total)', 'Shares (total)'],
	repostsOrganic: ['Reposts (organic)', 'Shares (organic)'],
	rateTotal: ['Engagement rate (total)'],
	rateOrganic: ['Engagement rate (organic)']
});
type MetricsKey = keyof typeof METRICS_COLUMNS;

// Totals first; organic is the fallback when a localized export only names the organic columns.
const METRICS_MAPPING: readonly (readonly [MetricsKey, MetricKey, ValueKind])[] = [
	['impressionsTotal', 'impressions', 'count'],
	['impressionsOrganic', 'impressions', 'count'],
	// LinkedIn only reports unique impressions for organic content
	['uniqueOrganic', 'reach', 'count'],
	['clicksTotal', 'clicks', 'count'],
	['clicksOrganic', 'clicks', 'count'],
	['reactionsTotal', 'likes', 'count'],
	['reactionsOrganic', 'likes', 'count'],
	['commentsTotal', 'comments', 'count'],
	['commentsOrganic', 'comments', 'count'],
	['repostsTotal', 'shares', 'count'],
	['repostsOrganic', 'shares', 'count'],
	// seen both as 0.066 and as "10.5%"
	['rateTotal', 'engagement_rate', 'fraction'],
	['rateOrganic', 'engagement_rate', 'fraction']
];

export const linkedinContentMetrics: Importer = {
	id: 'linkedin-content-metrics',
	label: 'LinkedIn Page — Content metrics (daily)',
	platform: 'linkedin',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, METRICS_COLUMNS);
		if (!present.has('date') || !(present.has('impressionsOrganic') || present.has('impressionsTotal'))) return 0;
		const signal = coverage(present, ['uniqueOrganic', 'clicksOrganic', 'reactionsOrganic', 'commentsOrganic', 'repostsOrganic', 'impressionsSponsored']);
		return Math.min(1, 0.7 + 0.2 * signal + (sheetIs(sample, 'metrics') ? 0.1 : 0));
	},
	parse(context) {
		const headerIndex = headerIndexFor(context, METRICS_COLUMNS, ['date']);
		const headers = headerRow(context, headerIndex);
		const located = locateColumns(headers, METRICS_COLUMNS);
		if (located.date === undefined) return unreadableResult(missingColumnsMessage('linkedinMetrics', ['Date'], headers));
		const account = linkedinAccount(context);
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex,
			account,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			metrics: metricColumns(located, headers, METRICS_MAPPING),
			allowSerialDates: true
		});
		return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};

// ---- content export: All posts sheet ------------------------------------------------------------

const POSTS_COLUMNS = defineColumns({
	title: ['Post title'],
	link: ['Post link'],
	// Organic / Sponsored — the kind of distribution, not the content type
	postType: ['Post type'],
	postedBy: ['Posted by', 'Published by'],
	created: ['Created date', 'Date'],
	impressions: ['Impressions'],
	views: ['Views', 'Views (excluding off-site video views)'],
	clicks: ['Clicks'],
	ctr: ['Click through rate (CTR)', 'Click-Through Rate (CTR)'],
	likes: ['Likes'],
	comments: ['Comments'],
	reposts: ['Reposts', 'Shares'],
	follows: ['Follows', 'Followers'],
	rate: ['Engagement rate'],
	contentType: ['Content Type']
});
type PostsKey = keyof typeof POSTS_COLUMNS;

const POSTS_METRICS: readonly (readonly [PostsKey, MetricKey, ValueKind])[] = [
	['impressions', 'impressions', 'count'],
	['views', 'views', 'count'],
	['clicks', 'clicks', 'count'],
	['ctr', 'click_through_rate', 'fraction'],
	['likes', 'likes', 'count'],
	['comments', 'comments', 'count'],
	['reposts', 'shares', 'count'],
	['follows', 'followers_gained', 'count'],
	['rate', 'engagement_rate', 'fraction']
];

const ACTIVITY_URN = /urn:li:(?:activity|share|ugcPost):\d+/i;

function readAllPosts(context: ParseContext): ImportResult {
	const headerIndex = headerIndexFor(context, POSTS_COLUMNS, ['link']);
	const headers = headerRow(context, headerIndex);
	const located = locateColumns(headers, POSTS_COLUMNS);
	if (located.link === undefined || located.created === undefined) {
		return unreadableResult(missingColumnsMessage('linkedinPosts', ['Post link', 'Created date'], headers));
	}
	const account = linkedinAccount(context);
	const issues = new IssueLog();
	const rows = dataRowsAfter(context.table, headerIndex);
	const metrics = metricColumns(located, headers, POSTS_METRICS);
	const hint = decimalHintOf(rows, metrics.map((metric) => metric.column));
	const order = inferDateOrder(rows.map(({ row }) => cellAt(row, located.created) ?? ''));
	const posts: ParsedPost[] = [];
	for (const { row, line } of rows) {
		const link = cellAt(row, located.link) ?? '';
		if (link === '') {
			issues.error(fileMessage('linkedin.noLink'), line, 'no-link');
			continue;
		}
		const created = cellAt(row, located.created) ?? '';
		const when = parseDateTime(created, { order, allowSerial: true });
		if (!when) {
			issues.error(fileMessage('linkedin.badDate', { cell: created, column: headers[located.created] }), line, 'bad-date');
			continue;
		}
		const values: Partial<Record<MetricKey, number>> = {};
		readMetricCells(row, line, metrics, hint, issues, (metric, value) => (values[metric] = value));
		acceptPost(
			{
				platform: 'linkedin',
				// the activity URN is stable; the link around it varies (feed/update, posts/…)
				postId: ACTIVITY_URN.exec(link)?.[0] ?? link,
				account,
				publishedAt: localDateTime(when.day, when.time),
				day: when.day,
				text: cellAt(row, located.title) ?? '',
				link,
				type: cellAt(row, located.contentType) || undefined,
				metrics: values
			},
			posts,
			issues,
			line,
			context.now
		);
	}
	return importResult({ account, posts, rowCount: rows.length, issues });
}

export const linkedinContentPosts: Importer = {
	id: 'linkedin-content-posts',
	label: 'LinkedIn Page — All posts',
	platform: 'linkedin',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, POSTS_COLUMNS);
		if (!present.has('title') || !present.has('link')) return 0;
		const signal = coverage(present, ['postType', 'postedBy', 'created', 'impressions', 'clicks', 'likes', 'comments', 'reposts', 'rate']);
		return Math.min(1, 0.65 + 0.25 * signal + (sheetIs(sample, 'all posts') ? 0.1 : 0));
	},
	parse: readAllPosts
};

// ---- followers export ---------------------------------------------------------------------------

const NEW_FOLLOWERS_COLUMNS = defineColumns({
	date: ['Date', 'Data'],
	sponsored: ['Sponsored followers'],
	organic: ['Organic followers'],
	autoInvited: ['Auto-invited followers'],
	total: ['Total followers']
});

export const linkedinNewFollowers: Importer = {
	id: 'linkedin-new-followers',
	label: 'LinkedIn Page — New followers (daily)',
	platform: 'linkedin',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, NEW_FOLLOWERS_COLUMNS);
		if (!present.has('date') || !present.has('total') || !(present.has('organic') || present.has('sponsored'))) return 0;
		return Math.min(1, 0.85 + 0.1 * coverage(present, ['sponsored', 'organic', 'autoInvited']) + (sheetIs(sample, 'new followers') ? 0.05 : 0));
	},
	parse(context) {
		const headerIndex = headerIndexFor(context, NEW_FOLLOWERS_COLUMNS, ['date', 'total']);
		const headers = headerRow(context, headerIndex);
		const located = locateColumns(headers, NEW_FOLLOWERS_COLUMNS);
		if (located.date === undefined || located.total === undefined) {
			return unreadableResult(missingColumnsMessage('linkedinFollowers', ['Date', 'Total followers'], headers));
		}
		const account = linkedinAccount(context);
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex,
			account,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			// here `Total followers` is the day's NEW followers (organic + sponsored + auto-invited),
			// not the running total
			metrics: [{ metric: 'followers_gained', column: located.total, kind: 'count', header: headers[located.total] }],
			allowSerialDates: true
		});
		return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};

const DEMOGRAPHIC_DIMENSIONS: Record<string, BreakdownDimension> = {
	location: 'region',
	'job function': 'job_function',
	seniority: 'seniority',
	industry: 'industry',
	'company size': 'company_size'
};
const DEMOGRAPHIC_MEASURES: Record<string, string> = { 'total followers': 'followers', 'total views': 'page_views' };

export const linkedinDemographics: Importer = {
	id: 'linkedin-demographics',
	label: 'LinkedIn Page — Follower / visitor demographics',
	platform: 'linkedin',
	detect(sample) {
		const headers = sample.normalizedHeaders.map(normalizeHeader).filter(Boolean);
		if (headers.length !== 2 || !(headers[0] in DEMOGRAPHIC_DIMENSIONS) || !(headers[1] in DEMOGRAPHIC_MEASURES)) return 0;
		return sheetIs(sample, headers[0]) ? 0.95 : 0.9;
	},
	parse(context) {
		const headerIndex = resolveHeaderIndex(context.table, context.headerIndex, (row) => (row[0] ?? '') in DEMOGRAPHIC_DIMENSIONS);
		const headers = headerRow(context, headerIndex);
		const dimension = DEMOGRAPHIC_DIMENSIONS[normalizeHeader(headers[0] ?? '')];
		const measure = DEMOGRAPHIC_MEASURES[normalizeHeader(headers[1] ?? '')];
		if (!dimension || !measure) {
			return unreadableResult(missingColumnsMessage('linkedinDemographics', ['Location/Job function/Seniority/Industry/Company size', 'Total followers'], headers));
		}
		const name = linkedinFileNameOf(context.table.containerName, context.table.fileName);
		return readBreakdownTable({
			table: context.table,
			headerIndex,
			account: linkedinAccount(context),
			dimension,
			// a snapshot of the whole audience when the file was exported
			asOf: name?.exportedDay ?? todayDay(context.now),
			measure,
			keyColumn: 0,
			valueColumn: 1,
			valueHeader: headers[1],
			unit: 'count'
		});
	}
};

// ---- visitors export ----------------------------------------------------------------------------

const VISITORS_COLUMNS = defineColumns({
	date: ['Date', 'Data'],
	pageViewsTotal: ['Total page views (total)'],
	uniqueTotal: ['Total unique visitors (total)'],
	overviewViews: ['Overview page views (total)'],
	overviewUnique: ['Overview unique visitors (total)'],
	lifeViews: ['Life page views (total)'],
	jobsViews: ['Jobs page views (total)']
});
type VisitorsKey = keyof typeof VISITORS_COLUMNS;

const VISITORS_MAPPING: readonly (readonly [VisitorsKey, MetricKey, ValueKind])[] = [
	['pageViewsTotal', 'page_views', 'count'],
	['overviewViews', 'page_views', 'count'],
	['uniqueTotal', 'unique_visitors', 'count'],
	['overviewUnique', 'unique_visitors', 'count']
];

export const linkedinVisitors: Importer = {
	id: 'linkedin-visitors',
	label: 'LinkedIn Page — Visitors (daily)',
	platform: 'linkedin',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, VISITORS_COLUMNS);
		if (!present.has('date') || !(present.has('pageViewsTotal') || present.has('overviewViews'))) return 0;
		return Math.min(1, 0.8 + 0.15 * coverage(present, ['pageViewsTotal', 'uniqueTotal', 'overviewViews', 'overviewUnique', 'lifeViews', 'jobsViews']));
	},
	parse(context) {
		const headerIndex = headerIndexFor(context, VISITORS_COLUMNS, ['date']);
		const headers = headerRow(context, headerIndex);
		const located = locateColumns(headers, VISITORS_COLUMNS);
		if (located.date === undefined) return unreadableResult(missingColumnsMessage('linkedinVisitors', ['Date'], headers));
		const account = linkedinAccount(context);
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex,
			account,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			metrics: metricColumns(located, headers, VISITORS_MAPPING),
			allowSerialDates: true
		});
		return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};
