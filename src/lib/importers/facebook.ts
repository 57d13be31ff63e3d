/**
 * Facebook: legacy Page Insights exports (Page-level and Post-level/Video Posts CSV or xlsx, each
 * with a description row under the header) and Meta Business Suite exports read as Facebook
 * (posts, per-metric daily files, Viewers/Gender/FollowerTopTerritories bundle files).
 */
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, ParsedPost } from '../domain/model';
import {
	acceptPost,
	cellAt,
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
	unreadableResult
} from './columns';
import { decimalHintOf, readDailyTable, readMetricCells, type MetricColumn, type ValueKind } from './daily';
import {
	detectMetaDaily,
	detectMetaDistribution,
	detectMetaPosts,
	detectMetaViewers,
	readMetaDaily,
	readMetaDistribution,
	readMetaPosts,
	readMetaViewers
} from './meta';
import type { DetectSample, Importer, ParseContext, Table } from './types';
import { cleanId, inferDateOrder, isDamagedId, localDateTime, parseDateTime } from './values';
import { fileMessage } from './messages';

// `Facebook Insights Data Export [(Post Level)|(Video Posts)] - <Page> - <from>[ - <to>].csv|xlsx`
const LEGACY_FILE_NAME =
	/^Facebook Insights Data Export(?: \((Post Level|Video Posts)\))? - (.+?) - (\d{4}-\d{2}-\d{2})(?: - (\d{4}-\d{2}-\d{2}))?(?:\s*\(\d+\))?\.(?:csv|xlsx?)$/i;

/** The Page name in a legacy Insights export's file (or workbook) name, or null. */
export function pageNameFromLegacyFileName(...names: (string | undefined)[]): string | null {
	for (const segment of nameSegments(...names)) {
		const match = LEGACY_FILE_NAME.exec(segment);
		if (match) return match[2].trim();
	}
	return null;
}

/** The legacy export name of the file itself, or of the workbook/zip around it. */
function legacyNameMatch(sample: DetectSample): RegExpExecArray | null {
	for (const segment of nameSegments(sample.containerName, sample.fileName).reverse()) {
		const match = LEGACY_FILE_NAME.exec(segment);
		if (match) return match;
	}
	return null;
}

const DESCRIPTION_START = /^(lifetime|daily|weekly|28 days):\s/i;

/**
 * The row under a legacy header that describes each column ("Daily: The number of new people who
 * have liked your Page (Unique Users)"): its first cell is empty.
 */
export function isDescriptionRow(row: readonly string[] | undefined): boolean {
	if (!row || (row[0] ?? '').trim() !== '') return false;
	return row.some((cell) => DESCRIPTION_START.test(cell.trim()));
}

interface LegacyMapping {
	header: string;
	metric: MetricKey;
	kind: ValueKind;
	/** Among columns that share this name, the one whose description matches. */
	prefer?: RegExp;
}

/**
 * Resolve mapped columns by name; repeated names (`Daily Logged-in Page Views` twice) are told
 * apart by the description row, the only place where they differ.
 */
function legacyColumns(headers: readonly string[], descriptions: readonly string[] | undefined, mappings: readonly LegacyMapping[]): MetricColumn[] {
	const byName = new Map<string, number[]>();
	headers.forEach((header, index) => {
		const key = normalizeHeader(header);
		byName.set(key, [...(byName.get(key) ?? []), index]);
	});
	const columns: MetricColumn[] = [];
	const taken = new Set<MetricKey>();
	for (const mapping of mappings) {
		if (taken.has(mapping.metric)) continue;
		const candidates = byName.get(normalizeHeader(mapping.header));
		if (!candidates) continue;
		const preferred = mapping.prefer ? candidates.find((index) => mapping.prefer!.test(descriptions?.[index] ?? '')) : undefined;
		const column = preferred ?? candidates[0];
		taken.add(mapping.metric);
		columns.push({ metric: mapping.metric, column, kind: mapping.kind, header: headers[column].trim() });
	}
	return columns;
}

function descriptionsUnder(table: Table, headerIndex: number): readonly string[] | undefined {
	const next = table.rows[headerIndex + 1];
	return isDescriptionRow(next) ? next : undefined;
}

// Only columns with a clear meaning are read; the wide file's other ~2,300 columns (breakdowns by
// source, country, age…) are ignored on purpose.
const PAGE_MAPPINGS: readonly LegacyMapping[] = [
	{ header: 'Lifetime Total Likes', metric: 'followers', kind: 'count' },
	{ header: 'Daily New Likes', metric: 'followers_gained', kind: 'count' },
	{ header: 'Daily Unlikes', metric: 'followers_lost', kind: 'count' },
	{ header: 'Daily Page Engaged Users', metric: 'engagements', kind: 'count' },
	{ header: 'Daily Total Reach', metric: 'reach', kind: 'count' },
	{ header: 'Daily Total Impressions', metric: 'impressions', kind: 'count' },
	{ header: 'Daily Logged-in Page Views', metric: 'page_views', kind: 'count', prefer: /total count/i }
];

function detectLegacyPage(sample: DetectSample): number {
	const headers = sample.normalizedHeaders.map(normalizeHeader);
	if (headers[0] !== 'date') return 0;
	const periodColumns = headers.filter((header) => /^(daily|weekly|28 days|lifetime) /.test(header)).length;
	const hasLikes = headers.includes('lifetime total likes');
	if (!hasLikes && periodColumns < 3) return 0;
	const named = legacyNameMatch(sample);
	return Math.min(1, 0.7 + (hasLikes ? 0.15 : 0) + (isDescriptionRow(sample.firstRows[0]) ? 0.1 : 0) + (named && !named[1] ? 0.05 : 0));
}

export const facebookPageInsights: Importer = {
	id: 'facebook-page-insights',
	label: 'Facebook — Page Insights, Page level (legacy)',
	platform: 'facebook',
	detect: detectLegacyPage,
	parse(context) {
		const { table, headerIndex } = context;
		const headers = headerRow(context);
		if (normalizeHeader(headers[0] ?? '') !== 'date') return unreadableResult(missingColumnsMessage('facebookInsights', ['Date'], headers));
		const descriptionRow = table.rows[headerIndex + 1];
		const descriptions = descriptionsUnder(table, headerIndex);
		const metrics = legacyColumns(headers, descriptions, PAGE_MAPPINGS);
		const page = pageNameFromLegacyFileName(table.containerName, table.fileName);
		const account: AccountRef | null = page ? { platform: 'facebook', displayName: page } : null;
		if (metrics.length === 0) {
			return unreadableResult(fileMessage('facebook.noColumns'));
		}
		const result = readDailyTable({
			now: context.now,
			table,
			headerIndex,
			account,
			dateColumn: 0,
			dateHeader: headers[0],
			metrics,
			skipRow: (row) => row === descriptionRow && descriptions !== undefined
		});
		return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};

const POST_COLUMNS = defineColumns({
	id: ['Post ID'],
	permalink: ['Permalink'],
	message: ['Post Message'],
	type: ['Type'],
	posted: ['Posted']
});

// Earlier names first: the Post Stories count (every like) before the Talking About This count (people).
const POST_MAPPINGS: readonly LegacyMapping[] = [
	{ header: 'Lifetime Post Total Reach', metric: 'reach', kind: 'count' },
	{ header: 'Lifetime Post Total Impressions', metric: 'impressions', kind: 'count' },
	{ header: 'Lifetime Engaged Users', metric: 'engagements', kind: 'count' },
	{ header: 'Lifetime Post Consumptions', metric: 'clicks', kind: 'count' },
	{ header: 'Lifetime Post Consumptions by type - link clicks', metric: 'link_clicks', kind: 'count' },
	{ header: 'Lifetime Post Stories by action type - like', metric: 'likes', kind: 'count' },
	{ header: 'Lifetime Talking About This (Post) by action type - like', metric: 'likes', kind: 'count' },
	{ header: 'Lifetime Post Stories by action type - comment', metric: 'comments', kind: 'count' },
	{ header: 'Lifetime Talking About This (Post) by action type - comment', metric: 'comments', kind: 'count' },
	{ header: 'Lifetime Post Stories by action type - share', metric: 'shares', kind: 'count' },
	{ header: 'Lifetime Talking About This (Post) by action type - share', metric: 'shares', kind: 'count' },
	{ header: 'Lifetime Total Video Views', metric: 'views', kind: 'count', prefer: /total count/i }
];

function detectLegacyPosts(sample: DetectSample): number {
	const present = presentColumns(sample.normalizedHeaders, POST_COLUMNS);
	if (!present.has('id') || !present.has('posted') || !(present.has('permalink') || present.has('message'))) return 0;
	const lifetime = sample.normalizedHeaders.some((header) => normalizeHeader(header).startsWith('lifetime post'));
	const named = legacyNameMatch(sample);
	return Math.min(1, 0.8 + (lifetime ? 0.1 : 0) + (isDescriptionRow(sample.firstRows[0]) ? 0.05 : 0) + (named?.[1] ? 0.05 : 0));
}

function readLegacyPosts(context: ParseContext) {
	const { table, headerIndex } = context;
	const headers = headerRow(context);
	const located = locateColumns(headers, POST_COLUMNS);
	if (located.id === undefined || located.posted === undefined) {
		return unreadableResult(missingColumnsMessage('facebookPosts', ['Post ID', 'Posted'], headers));
	}
	const issues = new IssueLog();
	const descriptions = descriptionsUnder(table, headerIndex);
	const rows = dataRowsAfter(table, headerIndex).filter(({ row }) => !(descriptions && row === descriptions));
	const metrics = legacyColumns(headers, descriptions, POST_MAPPINGS);
	const hint = decimalHintOf(rows, metrics.map((metric) => metric.column));
	const order = inferDateOrder(rows.map(({ row }) => cellAt(row, located.posted) ?? ''));
	const page = pageNameFromLegacyFileName(table.containerName, table.fileName);
	let pageId: string | null = null;
	const posts: ParsedPost[] = [];
	let mentions = 0;

	for (const { row, line } of rows) {
		const rawId = cellAt(row, located.id) ?? '';
		if (isDamagedId(rawId)) {
			issues.error(fileMessage('facebook.damagedId', { id: rawId }), line, 'damaged-id');
			continue;
		}
		const postId = cleanId(rawId);
		if (!postId || !/^\d+(?:_\d+)?$/.test(postId)) {
			issues.error(fileMessage('facebook.badId', { id: rawId }), line, 'bad-id');
			continue;
		}
		const message = cellAt(row, located.message) ?? '';
		const type = cellAt(row, located.type) ?? '';
		// "<Page> was mentioned in a post." rows are other people's posts, with almost no metrics
		if (type === '' && /\bwas mentioned in a post\b/i.test(message)) {
			mentions++;
			continue;
		}
		const postedText = cellAt(row, located.posted) ?? '';
		const when = parseDateTime(postedText, { order });
		if (!when) {
			issues.error(fileMessage('facebook.badDate', { cell: postedText }), line, 'bad-date');
			continue;
		}
		// ids are `<pageId>_<postId>`: the prefix identifies the Page
		pageId ??= postId.includes('_') ? postId.split('_')[0] : null;
		const values: Partial<Record<MetricKey, number>> = {};
		readMetricCells(row, line, metrics, hint, issues, (metric, value) => (values[metric] = value));
		acceptPost(
			{
				platform: 'facebook',
				postId,
				account: null,
				publishedAt: localDateTime(when.day, when.time),
				day: when.day,
				text: message,
				link: cellAt(row, located.permalink) || undefined,
				type: type || undefined,
				metrics: values
			},
			posts,
			issues,
			line,
			context.now
		);
	}
	if (mentions > 0) {
		issues.warning(fileMessage('facebook.mentions', { count: mentions }));
	}
	const account: AccountRef | null =
		page || pageId ? { platform: 'facebook', ...(page ? { displayName: page } : {}), ...(pageId ? { externalId: pageId } : {}) } : null;
	for (const post of posts) post.account = account;
	return importResult({ account, posts, rowCount: rows.length, issues });
}

export const facebookPostInsights: Importer = {
	id: 'facebook-post-insights',
	label: 'Facebook — Page Insights, Post level / Video Posts (legacy)',
	platform: 'facebook',
	detect: detectLegacyPosts,
	parse: readLegacyPosts
};

export const metaFacebookPosts: Importer = {
	id: 'meta-facebook-posts',
	label: 'Meta Business Suite — Facebook posts',
	platform: 'facebook',
	detect: (sample) => detectMetaPosts(sample, 'facebook'),
	parse: (context) => readMetaPosts(context, 'facebook')
};

export const metaFacebookDaily: Importer = {
	id: 'meta-facebook-daily',
	label: 'Meta Business Suite — Facebook daily metric',
	platform: 'facebook',
	detect: (sample) => detectMetaDaily(sample, 'facebook'),
	parse: (context) => readMetaDaily(context, 'facebook')
};

export const metaViewers: Importer = {
	id: 'meta-viewers',
	label: 'Meta Business Suite — Viewers (daily)',
	platform: 'facebook',
	detect: detectMetaViewers,
	parse: readMetaViewers
};

export const metaGender: Importer = {
	id: 'meta-gender',
	label: 'Meta Business Suite — Audience gender',
	platform: 'facebook',
	detect: (sample) => detectMetaDistribution(sample, 'gender'),
	parse: (context) => readMetaDistribution(context, 'gender')
};

export const metaTopTerritories: Importer = {
	id: 'meta-top-territories',
	label: 'Meta Business Suite — Top territories',
	platform: 'facebook',
	detect: (sample) => detectMetaDistribution(sample, 'territory'),
	parse: (context) => readMetaDistribution(context, 'territory')
};
