/**
 * YouTube Studio "Advanced mode → Export current view" (a zip with `Table data.csv`,
 * `Chart data.csv` and `Totals.csv` in a folder `<Tab> <from>_<to> <Channel name>`), and the same
 * files after a round-trip through Excel (`13-06-2025`, `1/1/2022`, `10-Jun-26`, CRLF, no Total row).
 *
 * Decision on `Chart data.csv`: it holds one row per date × charted item, only for the items drawn
 * in the chart and only the charted metric, so neither its rows nor their sum is the channel's
 * total. The channel's daily numbers come from `Totals.csv` of the same export, and Chorus has no
 * per-video daily series. The file is therefore recognised and explained, and yields no data.
 */
import { dayFromISO, todayDay, type DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, BreakdownDimension, ParsedBreakdown, ParsedPost } from '../domain/model';
import {
	acceptPost,
	baseName,
	cellAt,
	dataRowsAfter,
	headerRow,
	importResult,
	IssueLog,
	nameSegments,
	normalizeHeader,
	unreadableResult
} from './columns';
import { decimalHintOf, readDailyTable, readMetricCells, readValue, type MetricColumn, type ValueKind } from './daily';
import type { DetectSample, Importer, ImportResult, ParseContext } from './types';
import { cleanId, inferDateOrder, isDamagedId, isMissing, parseDay } from './values';
import { fileMessage } from './messages';

export interface StudioFolder {
	tab: string;
	from: DayNumber | null;
	to: DayNumber | null;
	channel: string;
}

const STUDIO_FOLDER = /^(.+?) (\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2}) (.+?)(?:\.zip)?$/i;

/** The Studio export folder (`Geography 2021-08-22_2025-10-17 Polylog`) in a container or path. */
export function studioFolderOf(...names: (string | undefined)[]): StudioFolder | null {
	for (const segment of nameSegments(...names).reverse()) {
		const match = STUDIO_FOLDER.exec(segment);
		if (match) return { tab: match[1], from: dayFromISO(match[2]), to: dayFromISO(match[3]), channel: match[4].trim() };
	}
	return null;
}

function channelAccount(folder: StudioFolder | null): AccountRef | null {
	return folder ? { platform: 'youtube', displayName: folder.channel } : null;
}

// Metric columns as Studio names them (English; the French names come from one fixture, §3.6).
// `Thumbnail …` replaced `Impressions …` in newer exports.
const METRIC_HEADERS: Record<string, readonly [MetricKey, ValueKind]> = {
	views: ['views', 'count'],
	vues: ['views', 'count'],
	'watch time (hours)': ['watch_time_hours', 'number'],
	subscribers: ['followers_net', 'count'],
	'subscribers gained': ['followers_gained', 'count'],
	'subscribers lost': ['followers_lost', 'count'],
	impressions: ['impressions', 'count'],
	'thumbnail impressions': ['impressions', 'count'],
	'impressions click-through rate (%)': ['click_through_rate', 'percent'],
	'thumbnail click-through rate (%)': ['click_through_rate', 'percent'],
	'average view duration': ['average_view_duration', 'duration'],
	'durée moyenne de visionnage': ['average_view_duration', 'duration'],
	likes: ['likes', 'count'],
	'comments added': ['comments', 'count'],
	comments: ['comments', 'count'],
	shares: ['shares', 'count'],
	'estimated revenue (usd)': ['revenue', 'number'],
	'estimated revenue': ['revenue', 'number']
};

// Columns Studio writes that Chorus does not chart; they still identify the file as YouTube's.
const OTHER_YOUTUBE_HEADERS = new Set(
	[
		'Video title', 'Video publish time', 'Duration', 'Dislikes', 'Stayed to watch (%)', 'Unique viewers',
		'Average views per viewer', 'New viewers', 'Returning viewers', 'Casual viewers', 'Regular viewers',
		'Engaged views', 'Average percentage viewed (%)', 'YouTube Premium views', 'Views (%)',
		'Watch time (hours) (%)', 'City name', 'RPM (USD)', 'CPM (USD)', 'Titre de la vidéo',
		'Heure de publication de la vidéo', 'Durée', 'Vues engagées', 'Ont continué de regarder (%)',
		'Pourcentage moyen regardé (%)'
	].map(normalizeHeader)
);

function isYouTubeHeader(normalized: string): boolean {
	return normalized in METRIC_HEADERS || OTHER_YOUTUBE_HEADERS.has(normalized);
}

const BREAKDOWN_DIMENSIONS: Record<string, BreakdownDimension> = {
	geography: 'country',
	'traffic source': 'traffic_source',
	'viewer age': 'age',
	'viewer gender': 'gender',
	'subscription status': 'subscription_status',
	cities: 'city',
	'device type': 'device'
};
const CONTENT_DIMENSIONS = new Set(['content', 'contenu']);

function isTotalRow(row: readonly string[] | undefined): boolean {
	return row !== undefined && /^total$/i.test(row[0]?.trim() ?? '');
}

function metricColumnsOf(headers: readonly string[], from = 1): MetricColumn[] {
	const columns: MetricColumn[] = [];
	const taken = new Set<MetricKey>();
	headers.forEach((header, column) => {
		if (column < from) return;
		const mapping = METRIC_HEADERS[normalizeHeader(header)];
		if (!mapping || taken.has(mapping[0])) return;
		taken.add(mapping[0]);
		columns.push({ metric: mapping[0], column, kind: mapping[1], header: header.trim() });
	});
	return columns;
}

function fileIs(sample: DetectSample, name: string): boolean {
	return baseName(sample.fileName).toLowerCase().replace(/\s*\(\d+\)(?=\.csv$)/, '') === name;
}

function detectTableData(sample: DetectSample): number {
	const headers = sample.normalizedHeaders.map(normalizeHeader);
	const first = headers[0] ?? '';
	const rest = headers.slice(1).filter(Boolean);
	const known = rest.filter(isYouTubeHeader).length;
	if (rest.length === 0 || known === 0) return 0;
	const share = known / rest.length;
	const totalRow = isTotalRow(sample.firstRows[0]);
	const named = fileIs(sample, 'table data.csv');
	if (CONTENT_DIMENSIONS.has(first)) return Math.min(1, 0.6 + 0.25 * share + (totalRow ? 0.1 : 0) + (named ? 0.05 : 0));
	if (first in BREAKDOWN_DIMENSIONS) return Math.min(1, 0.55 + 0.25 * share + (totalRow ? 0.1 : 0) + (named ? 0.05 : 0));
	// a Date-dimension table is told from Totals.csv by its Total row (or its name)
	if (first === 'date' && (totalRow || named) && share >= 0.5) return Math.min(1, 0.6 + 0.25 * share + (totalRow ? 0.1 : 0) + (named ? 0.05 : 0));
	return 0;
}

function readContentTable(context: ParseContext, headers: string[], folder: StudioFolder | null): ImportResult {
	const { table, headerIndex } = context;
	const account = channelAccount(folder);
	const issues = new IssueLog();
	const rows = dataRowsAfter(table, headerIndex).filter(({ row }, index) => !(index === 0 && isTotalRow(row)));
	const normalized = headers.map(normalizeHeader);
	const titleColumn = normalized.findIndex((h) => h === 'video title' || h === 'titre de la vidéo');
	const publishColumn = normalized.findIndex((h) => h === 'video publish time' || h === 'heure de publication de la vidéo');
	const metrics = metricColumnsOf(headers);
	const hint = decimalHintOf(rows, metrics.map((metric) => metric.column));
	const order = inferDateOrder(rows.map(({ row }) => cellAt(row, publishColumn) ?? ''));
	const posts: ParsedPost[] = [];
	for (const { row, line } of rows) {
		const raw = row[0] ?? '';
		if (isDamagedId(raw)) {
			issues.error(fileMessage('youtube.damagedId', { id: raw.trim() }), line, 'damaged-id');
			continue;
		}
		const postId = cleanId(raw);
		if (!postId) {
			issues.error(fileMessage('youtube.noId'), line, 'no-id');
			continue;
		}
		const published = cellAt(row, publishColumn) ?? '';
		// blank for videos that were never published publicly: a post without a day, not an error
		const day = isMissing(published) ? null : parseDay(published, { order });
		if (day === null && !isMissing(published)) issues.warning(fileMessage('youtube.badDate', { cell: published }), line, 'bad-date');
		const values: Partial<Record<MetricKey, number>> = {};
		readMetricCells(row, line, metrics, hint, issues, (metric, value) => (values[metric] = value));
		acceptPost(
			{
				platform: 'youtube',
				postId,
				account,
				publishedAt: null,
				day,
				text: cellAt(row, titleColumn) ?? '',
				link: /^[\w-]+$/.test(postId) ? `https://www.youtube.com/watch?v=${postId}` : undefined,
				metrics: values
			},
			posts,
			issues,
			line,
			context.now
		);
	}
	// lifetime numbers as of the end of the exported range; without the folder, the newest video
	return importResult({ account, posts, rowCount: rows.length, issues, coversUntil: folder?.to ?? undefined });
}

interface BreakdownMeasure {
	column: number;
	measure: string;
	unit: 'count' | 'share';
	kind: ValueKind;
}

const BREAKDOWN_MEASURES: Record<string, Omit<BreakdownMeasure, 'column'>> = {
	views: { measure: 'views', unit: 'count', kind: 'count' },
	'views (%)': { measure: 'views', unit: 'share', kind: 'percent' },
	'watch time (hours)': { measure: 'watch_time_hours', unit: 'count', kind: 'number' },
	'watch time (hours) (%)': { measure: 'watch_time_hours', unit: 'share', kind: 'percent' }
};

function readBreakdownTable(context: ParseContext, headers: string[], dimension: BreakdownDimension, folder: StudioFolder | null): ImportResult {
	const { table, headerIndex } = context;
	const account = channelAccount(folder);
	const issues = new IssueLog();
	const rows = dataRowsAfter(table, headerIndex).filter(({ row }, index) => !(index === 0 && isTotalRow(row)));
	const normalized = headers.map(normalizeHeader);
	// Cities rows are keyed by a place id (`0x89c2…:0xc80b…`); the readable name is beside it
	const keyColumn = normalized[0] === 'cities' && normalized.includes('city name') ? normalized.indexOf('city name') : 0;
	const measures: BreakdownMeasure[] = normalized.flatMap((header, column) =>
		header in BREAKDOWN_MEASURES ? [{ column, ...BREAKDOWN_MEASURES[header] }] : []
	);
	if (measures.length === 0) {
		return unreadableResult(fileMessage('youtube.noMeasures', { table: headers[0] }));
	}
	const hint = decimalHintOf(rows, measures.map((measure) => measure.column));
	const asOf = folder?.to ?? todayDay(context.now);
	const entries = measures.map(() => [] as { key: string; value: number }[]);
	for (const { row, line } of rows) {
		const key = cellAt(row, keyColumn) || cellAt(row, 0);
		if (!key) {
			issues.warning(fileMessage('youtube.noKey', { column: headers[0] }), line, 'no-key');
			continue;
		}
		measures.forEach((measure, index) => {
			const text = cellAt(row, measure.column);
			if (text === undefined || isMissing(text)) return;
			const value = readValue(text, measure.kind, hint);
			if (value === null) issues.warning(fileMessage('youtube.notNumber', { cell: text, column: headers[measure.column] }), line, `nan:${measure.column}`);
			else entries[index].push({ key, value });
		});
	}
	const breakdowns: ParsedBreakdown[] = measures
		.map((measure, index) => ({ account, dimension, asOf, unit: measure.unit, measure: measure.measure, entries: entries[index] }))
		.filter((breakdown) => breakdown.entries.length > 0);
	return importResult({ account, breakdowns, rowCount: rows.length, issues });
}

function readSeriesTable(context: ParseContext, headers: string[], folder: StudioFolder | null, dropTotal: boolean): ImportResult {
	const account = channelAccount(folder);
	const metrics = metricColumnsOf(headers);
	if (metrics.length === 0) {
		return unreadableResult(fileMessage('youtube.noMetrics', { columns: headers.slice(1).join(', ') }));
	}
	const { table, headerIndex } = context;
	const firstDataIndex = dataRowsAfter(table, headerIndex)[0]?.index;
	const result = readDailyTable({
		now: context.now,
		table,
		headerIndex,
		account,
		dateColumn: 0,
		dateHeader: headers[0],
		metrics,
		allowSerialDates: true,
		skipRow: (row) => dropTotal && row === table.rows[firstDataIndex ?? -1] && isTotalRow(row)
	});
	return importResult({ account, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
}

export const youtubeTableData: Importer = {
	id: 'youtube-table-data',
	label: 'YouTube Studio — Table data',
	platform: 'youtube',
	detect: detectTableData,
	parse(context) {
		const headers = headerRow(context);
		const first = normalizeHeader(headers[0] ?? '');
		const folder = studioFolderOf(context.table.containerName, context.table.fileName);
		if (CONTENT_DIMENSIONS.has(first)) return readContentTable(context, headers, folder);
		if (first in BREAKDOWN_DIMENSIONS) return readBreakdownTable(context, headers, BREAKDOWN_DIMENSIONS[first], folder);
		if (first === 'date') return readSeriesTable(context, headers, folder, true);
		return unreadableResult(fileMessage('youtube.unsupportedTable', { table: headers[0] }));
	}
};

export const youtubeChartData: Importer = {
	id: 'youtube-chart-data',
	label: 'YouTube Studio — Chart data',
	platform: 'youtube',
	detect(sample) {
		const headers = sample.normalizedHeaders.map(normalizeHeader);
		if (headers[0] !== 'date' || headers.length < 3) return 0;
		const dimension = headers[1];
		if (!CONTENT_DIMENSIONS.has(dimension) && !(dimension in BREAKDOWN_DIMENSIONS)) return 0;
		if (!isYouTubeHeader(headers[headers.length - 1])) return 0;
		return fileIs(sample, 'chart data.csv') ? 0.95 : 0.85;
	},
	parse(context) {
		const rowCount = dataRowsAfter(context.table, context.headerIndex).length;
		const account = channelAccount(studioFolderOf(context.table.containerName, context.table.fileName));
		return importResult({
			account,
			rowCount,
			coversUntil: null,
			issues: [
				{ severity: 'warning', ...fileMessage('youtube.chartData') }
			]
		});
	}
};

export const youtubeTotals: Importer = {
	id: 'youtube-totals',
	label: 'YouTube Studio — Totals (daily channel totals)',
	platform: 'youtube',
	detect(sample) {
		const headers = sample.normalizedHeaders.map(normalizeHeader);
		if (headers[0] !== 'date' || headers.length < 2) return 0;
		if (isTotalRow(sample.firstRows[0])) return 0;
		// Totals.csv holds only the charted metrics, all named as in Studio; dates carry a year
		const rest = headers.slice(1).filter(Boolean);
		if (rest.length === 0 || !rest.every(isYouTubeHeader)) return 0;
		const firstDate = sample.firstRows.map((row) => row[0]?.trim() ?? '').find(Boolean);
		if (firstDate && parseDay(firstDate, { allowSerial: true }) === null) return 0;
		const mapped = rest.some((header) => header in METRIC_HEADERS);
		const named = fileIs(sample, 'totals.csv');
		return Math.min(1, 0.7 + (mapped ? 0.1 : 0) + (named ? 0.15 : 0));
	},
	parse(context) {
		const headers = headerRow(context);
		return readSeriesTable(context, headers, studioFolderOf(context.table.containerName, context.table.fileName), false);
	}
};
