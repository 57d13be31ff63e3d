/**
 * TikTok Studio "Download data": one zip per section (`Overview_<date>_<unix-seconds>_<handle>.zip`,
 * `Followers_<handle>.zip`, `Viewers_<handle>.zip`, `Content_<handle>.zip`). CSVs are UTF-8 with BOM,
 * every field quoted, oldest day first, dates without a year in the UI language, and the literal
 * `undefined` for days without data. The handle appears only in the zip name.
 */
import { dayFromISO, todayDay, type DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, ParsedPost } from '../domain/model';
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
	nameSegments,
	normalizeHeader,
	presentColumns,
	SeriesBuilder,
	unreadableResult
} from './columns';
import { decimalHintOf, metricColumns, readDailyTable, readMetricCells, type ValueKind } from './daily';
import type { DetectSample, Importer, ImportResult, ParseContext } from './types';
import { assignYears, dayOfInstant, localDateTime, parseDateTime, parseMonthDay, type YearAnchor } from './values';
import { fileMessage } from './messages';

export interface TikTokZip {
	section: string;
	/** The date in an Overview zip name (the docs disagree on whether it starts the window). */
	windowDate: DayNumber | null;
	/** The unix-seconds stamp in an Overview zip name: about the export time. */
	exportedDay: DayNumber | null;
	handle: string;
}

const TIKTOK_ZIP = /^(Overview|Followers|Viewers|Content)_(?:(\d{4}-\d{2}-\d{2})_(\d{9,11})_)?@?(.+?)(?:\s*\(\d+\))?\.zip$/i;

/** The section, handle and dates in a TikTok Studio zip name, or null. */
export function tiktokZipOf(container: string | undefined): TikTokZip | null {
	// the innermost matching name: the zip may sit in another zip, or its entries in a folder
	const match = nameSegments(container)
		.reverse()
		.map((segment) => TIKTOK_ZIP.exec(segment))
		.find((found) => found !== null);
	if (!match) return null;
	return {
		section: match[1],
		windowDate: match[2] ? dayFromISO(match[2]) : null,
		exportedDay: match[3] ? dayOfInstant(Number(match[3]) * 1000) : null,
		handle: match[4]
	};
}

export function isTikTokContainer(container: string | undefined): boolean {
	return tiktokZipOf(container) !== null;
}

function tiktokAccount(zip: TikTokZip | null): AccountRef | null {
	return zip ? { platform: 'tiktok', handle: zip.handle } : null;
}

/**
 * Where year-less dates get their year: the export stamp in an Overview zip name (the data ends by
 * then), else the window date in it (the data starts there), else the import time.
 */
export function tiktokYearAnchor(zip: TikTokZip | null, now: Date): YearAnchor {
	if (zip?.exportedDay != null) return { day: zip.exportedDay, edge: 'end' };
	if (zip?.windowDate != null) return { day: zip.windowDate, edge: 'start' };
	return { day: todayDay(now), edge: 'end' };
}

function firstDates(sample: DetectSample): string[] {
	return sample.firstRows.map((row) => row[0]?.trim() ?? '').filter(Boolean);
}

/** TikTok's daily files write `September 25`; everyone else writes a year. */
function hasYearlessDates(sample: DetectSample): boolean {
	const dates = firstDates(sample);
	return dates.some((date) => parseMonthDay(date) !== null) && !dates.some((date) => parseDateTime(date) !== null);
}

// English headers and the Swedish UI's (Datum, Videovisningar, Profilvisningar, Gilla-markeringar
// are from a write-up of a real export; the rest of the Swedish names follow TikTok's Swedish UI).
const OVERVIEW_COLUMNS = defineColumns({
	date: ['Date', 'Datum'],
	videoViews: ['Video Views', 'Videovisningar'],
	profileViews: ['Profile Views', 'Profilvisningar'],
	likes: ['Likes', 'Gilla-markeringar'],
	comments: ['Comments', 'Kommentarer'],
	shares: ['Shares', 'Delningar'],
	newFollowers: ['New followers', 'Nya följare']
});
type OverviewKey = keyof typeof OVERVIEW_COLUMNS;

const OVERVIEW_METRICS: readonly (readonly [OverviewKey, MetricKey, ValueKind])[] = [
	['videoViews', 'views', 'count'],
	['profileViews', 'profile_visits', 'count'],
	['likes', 'likes', 'count'],
	['comments', 'comments', 'count'],
	['shares', 'shares', 'count'],
	// a daily net change: `-4` happens
	['newFollowers', 'followers_net', 'count']
];

export const tiktokOverview: Importer = {
	id: 'tiktok-overview',
	label: 'TikTok Studio — Overview (daily)',
	platform: 'tiktok',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, OVERVIEW_COLUMNS);
		if (!present.has('date') || !present.has('videoViews') || !present.has('profileViews')) return 0;
		return Math.min(1, 0.85 + (hasYearlessDates(sample) ? 0.1 : 0) + (tiktokZipOf(sample.containerName)?.section.toLowerCase() === 'overview' ? 0.05 : 0));
	},
	parse(context) {
		const headers = headerRow(context);
		const located = locateColumns(headers, OVERVIEW_COLUMNS);
		if (located.date === undefined) return unreadableResult(missingColumnsMessage('tiktokOverview', ['Date'], headers));
		const zip = tiktokZipOf(context.table.containerName);
		const account = tiktokAccount(zip);
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex: context.headerIndex,
			account,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			metrics: metricColumns(located, headers, OVERVIEW_METRICS),
			yearAnchor: tiktokYearAnchor(zip, context.now)
		});
		return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};

const HISTORY_COLUMNS = defineColumns({
	date: ['Date', 'Datum'],
	followers: ['Followers', 'Följare'],
	difference: ['Difference in followers from previous day']
});

export const tiktokFollowerHistory: Importer = {
	id: 'tiktok-follower-history',
	label: 'TikTok Studio — Follower history',
	platform: 'tiktok',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, HISTORY_COLUMNS);
		if (!present.has('date') || !present.has('followers') || sample.normalizedHeaders.length > 3) return 0;
		if (present.has('difference')) return 0.95;
		return hasYearlessDates(sample) ? 0.75 : 0;
	},
	parse(context) {
		const headers = headerRow(context);
		const located = locateColumns(headers, HISTORY_COLUMNS);
		if (located.date === undefined || located.followers === undefined) {
			return unreadableResult(missingColumnsMessage('tiktokFollowers', ['Date', 'Followers'], headers));
		}
		const zip = tiktokZipOf(context.table.containerName);
		const account = tiktokAccount(zip);
		const levels = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex: context.headerIndex,
			account,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			metrics: [{ metric: 'followers', column: located.followers, kind: 'count', header: headers[located.followers] }],
			yearAnchor: tiktokYearAnchor(zip, context.now)
		});
		// `Difference in followers from previous day` was found to be shifted by a day (it equals
		// followers[D+1] − followers[D]), so the net change is computed from the levels instead.
		const net = new SeriesBuilder(account);
		const followers = levels.series.find((points) => points.metric === 'followers');
		if (followers) {
			const byDay = new Map(followers.days.map((day, index) => [day, followers.values[index]]));
			for (const [day, value] of byDay) {
				const previous = byDay.get(day - 1);
				if (previous !== undefined) net.add('followers_net', day, value - previous);
			}
		}
		return importResult({
			account,
			series: [...levels.series, ...net.build()],
			rowCount: levels.rowCount,
			issues: levels.issues,
			coversUntil: levels.lastDay
		});
	}
};

export const tiktokViewers: Importer = {
	id: 'tiktok-viewers',
	label: 'TikTok Studio — Viewers (daily)',
	platform: 'tiktok',
	detect(sample) {
		const headers = sample.normalizedHeaders.map(normalizeHeader);
		if (headers[0] !== 'date' || !headers.includes('total viewers')) return 0;
		if (isTikTokContainer(sample.containerName)) return 0.95;
		// Meta writes the same header with full dates
		return hasYearlessDates(sample) ? 0.9 : 0.1;
	},
	parse(context) {
		const headers = headerRow(context);
		const located = locateColumns(headers, defineColumns({ date: ['Date', 'Datum'], total: ['Total Viewers'] }));
		if (located.date === undefined || located.total === undefined) {
			return unreadableResult(missingColumnsMessage('tiktokViewers', ['Date', 'Total Viewers'], headers));
		}
		const zip = tiktokZipOf(context.table.containerName);
		const account = tiktokAccount(zip);
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex: context.headerIndex,
			account,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			// distinct viewers per day: reach. A partial day says `undefined` here while New/Returning say 0
			metrics: [{ metric: 'reach', column: located.total, kind: 'count', header: headers[located.total] }],
			yearAnchor: tiktokYearAnchor(zip, context.now)
		});
		return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};

const CONTENT_COLUMNS = defineColumns({
	title: ['Video title'],
	link: ['Video link'],
	postTime: ['Post time'],
	totalViews: ['Total views'],
	totalLikes: ['Total likes'],
	totalComments: ['Total comments'],
	totalShares: ['Total shares'],
	recentViews: ['Views in the last 7 days']
});
type ContentKey = keyof typeof CONTENT_COLUMNS;

const CONTENT_METRICS: readonly (readonly [ContentKey, MetricKey, ValueKind])[] = [
	['totalViews', 'views', 'count'],
	['totalLikes', 'likes', 'count'],
	['totalComments', 'comments', 'count'],
	['totalShares', 'shares', 'count']
];

/** A percent-encoded handle from a link; the raw text when the encoding is broken. */
function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

const VIDEO_LINK = /tiktok\.com\/@([^/?#]+)\/(?:video|photo)\/(\d+)/i;

function readContent(context: ParseContext): ImportResult {
	const headers = headerRow(context);
	const located = locateColumns(headers, CONTENT_COLUMNS);
	if (located.link === undefined) return unreadableResult(missingColumnsMessage('tiktokContent', ['Video link'], headers));
	const zip = tiktokZipOf(context.table.containerName);
	const anchor = tiktokYearAnchor(zip, context.now);
	const issues = new IssueLog();
	const rows = dataRowsAfter(context.table, context.headerIndex);
	const metrics = metricColumns(located, headers, CONTENT_METRICS);
	const hint = decimalHintOf(rows, metrics.map((metric) => metric.column));
	const posts: ParsedPost[] = [];
	let handle = zip?.handle ?? null;
	for (const { row, line } of rows) {
		const link = cellAt(row, located.link) ?? '';
		// the file has no id column: the video's numeric id is in its link
		const match = VIDEO_LINK.exec(link);
		if (!match) {
			issues.error(fileMessage('tiktok.badLink', { link }), line, 'bad-link');
			continue;
		}
		handle ??= safeDecode(match[1]);
		const postTime = cellAt(row, located.postTime) ?? '';
		let day: DayNumber | null;
		let publishedAt: string | null = null;
		const when = parseDateTime(postTime);
		if (when) {
			day = when.day;
			publishedAt = localDateTime(when.day, when.time);
		} else {
			const monthDay = parseMonthDay(postTime);
			day = monthDay ? assignYears([monthDay], anchor)[0] : null;
			if (day === null && postTime !== '') issues.warning(fileMessage('tiktok.badDate', { cell: postTime }), line, 'bad-date');
		}
		const values: Partial<Record<MetricKey, number>> = {};
		readMetricCells(row, line, metrics, hint, issues, (metric, value) => (values[metric] = value));
		acceptPost(
			{ platform: 'tiktok', postId: match[2], account: null, publishedAt, day, text: cellAt(row, located.title) ?? '', link, metrics: values },
			posts,
			issues,
			line,
			context.now
		);
	}
	const account: AccountRef | null = handle ? { platform: 'tiktok', handle } : null;
	for (const post of posts) post.account = account;
	// lifetime totals as of the export: the export day when the zip says it, else the newest video
	return importResult({ account, posts, rowCount: rows.length, issues, coversUntil: zip?.exportedDay ?? undefined });
}

export const tiktokContent: Importer = {
	id: 'tiktok-content',
	label: 'TikTok Studio — Content (per video)',
	platform: 'tiktok',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, CONTENT_COLUMNS);
		if (!present.has('link') || !present.has('postTime')) return 0;
		return present.has('totalViews') || present.has('totalLikes') ? 0.95 : 0.7;
	},
	parse: readContent
};

function distributionScore(sample: DetectSample, key: string, tiktokFileName: string): number {
	const headers = sample.normalizedHeaders.map(normalizeHeader);
	if (headers.length !== 2 || headers[0] !== key || headers[1] !== 'distribution') return 0;
	if (isTikTokContainer(sample.containerName)) return 0.95;
	const name = baseName(sample.fileName).toLowerCase();
	if (name.startsWith(tiktokFileName)) return sample.containerName ? 0.3 : 0.6;
	return 0.2;
}

function readDistribution(context: ParseContext, dimension: 'gender' | 'territory'): ImportResult {
	const headers = headerRow(context);
	const zip = tiktokZipOf(context.table.containerName);
	const result = readBreakdownTable({
		table: context.table,
		headerIndex: context.headerIndex,
		account: tiktokAccount(zip),
		dimension,
		asOf: zip?.exportedDay ?? todayDay(context.now),
		measure: 'followers',
		keyColumn: 0,
		valueColumn: 1,
		valueHeader: headers[1] ?? 'Distribution',
		unit: 'share'
	});
	if (!zip && dimension === 'territory') {
		result.issues.push({ severity: 'warning', ...fileMessage('tiktok.territoryAmbiguous') });
	}
	return result;
}

export const tiktokFollowerGender: Importer = {
	id: 'tiktok-follower-gender',
	label: 'TikTok Studio — Follower gender',
	platform: 'tiktok',
	detect(sample) {
		const score = distributionScore(sample, 'gender', 'followergender');
		if (score === 0 || score >= 0.6) return score;
		// a renamed file: TikTok writes fractions (0.55), Meta percentages
		const values = sample.firstRows.map((row) => Number(row[1]));
		const sum = values.reduce((total, value) => total + (Number.isFinite(value) ? value : 0), 0);
		return sum > 0.9 && sum < 1.1 ? 0.6 : score;
	},
	parse: (context) => readDistribution(context, 'gender')
};

export const tiktokFollowerTerritories: Importer = {
	id: 'tiktok-follower-territories',
	label: 'TikTok Studio — Follower top territories',
	platform: 'tiktok',
	detect: (sample) => distributionScore(sample, 'top territories', 'followertopterritories'),
	parse: (context) => readDistribution(context, 'territory')
};

export const tiktokFollowerActivity: Importer = {
	id: 'tiktok-follower-activity',
	label: 'TikTok Studio — Follower activity (hourly)',
	platform: 'tiktok',
	detect(sample) {
		const headers = sample.normalizedHeaders.map(normalizeHeader);
		return headers.includes('date') && headers.includes('hour') && headers.includes('active followers') ? 0.9 : 0;
	},
	parse(context) {
		return importResult({
			account: tiktokAccount(tiktokZipOf(context.table.containerName)),
			rowCount: dataRowsAfter(context.table, context.headerIndex).length,
			coversUntil: null,
			issues: [
				{ severity: 'warning', ...fileMessage('tiktok.followerActivity') }
			]
		});
	}
};
