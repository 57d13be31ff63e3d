/**
 * The user-driven mapping step for layouts no importer knows: suggest which column is the date and
 * which columns are which metrics (from the values and the header names), apply a mapping with
 * row-level issues, and turn a saved mapping into an importer so the same layout imports by itself
 * next time.
 *
 * Columns are named, never numbered: a preset refers to columns by header (`columnKeys`), so a file
 * whose columns moved still maps correctly.
 */
import { isoFromDay, type DayNumber } from '../domain/days';
import { METRICS, type MetricKey } from '../domain/metrics';
import type { AccountRef, Platform } from '../domain/model';
import { mappingPresetSchema, type DateFormat, type MappingPreset } from '../schemas/mapping-preset';
import { IssueLog, SeriesBuilder, importResult, unreadableResult } from './columns';
import { cleanHeader, guessHeaderIndex, normalizeHeader } from './header';
import { plausibleDays } from './limits';
import { implausibleValueReason, shownCell } from './daily';
import type { ImportResult, Importer, Table } from './types';
import {
	inferDateOrder,
	inferDecimalHint,
	isMissing,
	isPercentHeader,
	parseDateTime,
	parseDuration,
	parseNumber,
	parseRate,
	type DateOrder,
	type DecimalHint,
	type ParsedDateTime
} from './values';
import { fileMessage } from './messages';

/**
 * Names for every column of a header row: the trimmed header, with ` #2`, ` #3` appended to
 * repeats (legacy Facebook exports repeat names) and `Column N` for an empty header cell.
 */
export function columnKeys(headers: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return headers.map((header, index) => {
		const base = cleanHeader(header) || `Column ${index + 1}`;
		const key = base.toLowerCase();
		const count = (seen.get(key) ?? 0) + 1;
		seen.set(key, count);
		return count === 1 ? base : `${base} #${count}`;
	});
}

// Two independent 32-bit hashes make accidental collisions between header sets negligible.
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}

function djb2(text: string): number {
	let hash = 5381;
	for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 33) + text.charCodeAt(i)) | 0;
	return hash >>> 0;
}

/**
 * A stable fingerprint of a header row: the set of normalized, non-empty header names, so column
 * order and case do not matter but adding, removing or renaming a column does.
 */
export function headerSignature(headers: readonly string[]): string {
	const names = [...new Set(headers.map(normalizeHeader).filter((name) => name !== ''))].sort();
	const joined = names.join('\u001f');
	return `h1-${names.length}-${fnv1a(joined).toString(16).padStart(8, '0')}${djb2(joined).toString(16).padStart(8, '0')}`;
}

/**
 * Header words → metric. The longest phrase found in a header wins ("new followers" beats
 * "followers", "link clicks" beats "clicks"). English first, then names seen in localized exports.
 */
const METRIC_SYNONYMS: Record<MetricKey, readonly string[]> = {
	followers: ['followers', 'total followers', 'subscribers', 'total subscribers', 'fans', 'lifetime total likes', 'page likes', 'follower count', 'abonnés', 'seguidores', 'följare', 'abonnenten', '粉丝数', '累积关注人数', '累计关注人数'],
	followers_gained: ['new followers', 'new follows', 'follows', 'followers gained', 'subscribers gained', 'new subscribers', 'daily new likes', 'nouveaux abonnés', 'novos seguidores', '新关注人数', '新增关注', '新增关注人数'],
	followers_lost: ['unfollows', 'lost followers', 'followers lost', 'subscribers lost', 'unlikes', 'daily unlikes', '取消关注人数'],
	followers_net: ['net followers', 'net follows', 'net follower change', 'net new followers', 'difference in followers', 'followers net', '净增关注人数'],
	impressions: ['impressions', 'impression', 'thumbnail impressions', 'total impressions', 'impressions total', 'impressões', 'impresiones', 'インプレッション', '曝光量', '展现量'],
	views: ['views', 'video views', 'plays', 'video plays', 'total views', 'vues', 'visualizações', 'reproducciones', 'visningar', '阅读次数', '播放量', '浏览量'],
	reach: ['reach', 'accounts reached', 'people reached', 'total reach', 'alcance', 'portée', '阅读人数', '覆盖人数'],
	unique_visitors: ['unique visitors', 'visitors', 'unique viewers', 'users'],
	page_views: ['page views', 'pageviews', 'page visits'],
	profile_visits: ['profile visits', 'profile views', 'profile clicks', 'user profile clicks', 'visits'],
	engagements: ['engagements', 'engagement', 'interactions', 'content interactions', 'total engagements', 'interações', '互动量'],
	likes: ['likes', 'reactions', 'favorites', 'favourites', 'hearts', 'j’aime', 'curtidas', 'me gusta', 'いいね', '点赞', '点赞人数', '点赞数'],
	comments: ['comments', 'replies', 'commentaires', 'comentários', 'comentarios', '评论', '评论数', '留言'],
	shares: ['shares', 'reposts', 'retweets', 'partages', 'compartilhamentos', 'compartidos', '分享', '分享人数', '分享次数', '转发', '转发数'],
	saves: ['saves', 'bookmarks', 'saved', '收藏', '收藏人数', '收藏数'],
	clicks: ['clicks', 'total clicks', 'cliques', 'clics'],
	link_clicks: ['link clicks', 'url clicks', 'website clicks', 'link taps'],
	posts_published: ['posts published', 'tweets published', 'posts', 'create post', 'published posts', 'videos published', 'uploads', '发文数'],
	watch_time_hours: ['watch time (hours)', 'watch time hours', 'watch time', 'hours watched'],
	engagement_rate: ['engagement rate', 'er', 'taux d’engagement', 'taxa de engajamento', '互动率'],
	click_through_rate: ['click-through rate', 'click through rate', 'ctr'],
	average_view_duration: ['average view duration', 'avg view duration', 'average watch time', 'average duration'],
	revenue: ['revenue', 'estimated revenue', 'earnings', 'estimated earnings', 'income', '收入']
};

const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function phraseForm(text: string): string {
	return ` ${text.toLowerCase().replace(/[’']/g, '’').replace(/[^\p{L}\p{N}’]+/gu, ' ').trim()} `;
}

// Compiled once: (phrase as matched, metric, length in words) sorted longest first.
const SYNONYM_INDEX = Object.entries(METRIC_SYNONYMS)
	.flatMap(([metric, phrases]) =>
		phrases.map((phrase) => ({
			metric: metric as MetricKey,
			cjk: HAS_CJK.test(phrase),
			form: HAS_CJK.test(phrase) ? phrase : phraseForm(phrase),
			weight: HAS_CJK.test(phrase) ? phrase.length : phraseForm(phrase).trim().split(' ').length
		}))
	)
	.sort((a, b) => b.weight - a.weight);

/** The metric a header name suggests, or null. Percent-share columns (`Views (%)`) only map to rates. */
export function metricFromHeader(header: string): MetricKey | null {
	const form = phraseForm(header);
	const raw = header.toLowerCase();
	const percent = isPercentHeader(header);
	for (const entry of SYNONYM_INDEX) {
		const found = entry.cjk ? raw.includes(entry.form) : form.includes(entry.form);
		if (!found) continue;
		if (percent && METRICS[entry.metric].unit !== 'fraction') return null;
		return entry.metric;
	}
	return null;
}

export type ColumnKind = 'date' | 'number' | 'text' | 'empty';

export interface ColumnSuggestion {
	/** The column's name as presets refer to it (see columnKeys). */
	header: string;
	kind: ColumnKind;
	/** Share of the sampled non-empty cells that read as dates / numbers. */
	dateShare: number;
	numberShare: number;
	/** Suggested metric for a numeric column, from its header name. */
	metric: MetricKey | null;
}

export interface MappingSuggestion {
	/** -1 when the first rows already hold data: the file has no header row to map by name. */
	headerRow: number;
	headers: string[];
	signature: string;
	dateColumn: string | null;
	dateFormat: DateFormat;
	accountColumn: string | null;
	columns: ColumnSuggestion[];
	/** Why the file cannot be mapped as it is (no header row, no date column, no numbers). */
	problems: string[];
}

const SAMPLE_ROWS = 500;
const KIND_SHARE = 0.8;
const ACCOUNT_HEADER = /\b(account|page|channel|profile|handle|username|user name|brand|compte|conta|cuenta)\b|账号|公众号/i;
const MAX_ACCOUNT_VALUES = 60;

function dataRowIndexes(table: Table, headerRow: number, limit: number): number[] {
	const indexes: number[] = [];
	for (let i = headerRow + 1; i < table.rows.length && indexes.length < limit; i++) {
		if (table.rows[i].some((cell) => cell.trim() !== '')) indexes.push(i);
	}
	return indexes;
}

function dateFormatOf(values: string[]): DateFormat {
	const present = values.filter((value) => !isMissing(value));
	if (present.length > 0 && present.every((value) => /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(value))) return 'ymd';
	const order = inferDateOrder(present);
	if (order === 'MDY') return 'mdy';
	if (order === 'DMY') return 'dmy';
	return 'auto';
}

/**
 * Proposes a mapping for a table no importer recognised: the most date-like column, numeric columns
 * with metric keys from their names, and an account column when one is named like one.
 */
export function suggestMapping(table: Table): MappingSuggestion {
	const headerRow = guessHeaderIndex(table);
	const width = table.rows.slice(0, 50).reduce((max, row) => Math.max(max, row.length), 0);
	const headerCells = headerRow >= 0 ? table.rows[headerRow] : [];
	const padded = Array.from({ length: Math.max(width, headerCells.length) }, (_, i) => headerCells[i] ?? '');
	const headers = columnKeys(padded);
	const problems: string[] = [];
	if (headerRow < 0) {
		const first = table.rows[0] ?? [];
		problems.push(
			`There is no header row: line ${table.lineOf[0] ?? 1} already holds data (${first.slice(0, 4).join(', ')}). Add a first line with column names (for example Date,Views) and import the file again.`
		);
	}
	const sample = dataRowIndexes(table, headerRow, SAMPLE_ROWS);

	const columns: ColumnSuggestion[] = headers.map((header, column) => {
		const values = sample.map((row) => table.rows[row][column] ?? '').filter((value) => !isMissing(value));
		if (values.length === 0) return { header, kind: 'empty', dateShare: 0, numberShare: 0, metric: null };
		const hint = inferDecimalHint(values);
		let dates = 0;
		let numbers = 0;
		for (const value of values) {
			if (parseDateTime(value) !== null) dates++;
			else if (parseNumber(value.replace(/%$/, ''), hint) !== null || parseDuration(value) !== null) numbers++;
		}
		const dateShare = dates / values.length;
		const numberShare = numbers / values.length;
		const kind: ColumnKind = dateShare >= KIND_SHARE ? 'date' : numberShare >= KIND_SHARE ? 'number' : 'text';
		return { header, kind, dateShare, numberShare, metric: kind === 'number' ? metricFromHeader(header) : null };
	});

	// One column per metric: prefer the "total" variant (LinkedIn's organic/sponsored/total), else the first.
	const byMetric = new Map<MetricKey, ColumnSuggestion>();
	for (const column of columns) {
		if (!column.metric) continue;
		const holder = byMetric.get(column.metric);
		if (!holder) byMetric.set(column.metric, column);
		else if (/\btotal\b/i.test(column.header) && !/\btotal\b/i.test(holder.header)) {
			holder.metric = null;
			byMetric.set(column.metric, column);
		} else column.metric = null;
	}

	const dateCandidates = columns.filter((column) => column.kind === 'date').sort((a, b) => b.dateShare - a.dateShare);
	const dateColumn = dateCandidates[0]?.header ?? null;
	const dateIndex = dateColumn === null ? -1 : headers.indexOf(dateColumn);
	const dateFormat = dateIndex < 0 ? 'auto' : dateFormatOf(sample.map((row) => table.rows[row][dateIndex] ?? ''));

	let accountColumn: string | null = null;
	columns.forEach((column, index) => {
		if (accountColumn !== null || column.kind !== 'text' || !ACCOUNT_HEADER.test(column.header)) return;
		const distinct = new Set(sample.map((row) => (table.rows[row][index] ?? '').trim()).filter(Boolean));
		if (distinct.size > 0 && distinct.size <= MAX_ACCOUNT_VALUES) accountColumn = column.header;
	});

	if (headerRow >= 0) {
		if (sample.length === 0)
			problems.push(`There are no data rows below the column names on line ${table.lineOf[headerRow] ?? headerRow + 1}.`);
		else if (dateColumn === null) problems.push('No column holds dates, so the values cannot be placed on days.');
		else if (!columns.some((column) => column.kind === 'number'))
			problems.push('No column holds numbers, so there is nothing to chart.');
	}

	return {
		headerRow,
		headers,
		signature: headerSignature(headerRow >= 0 ? headerCells : []),
		dateColumn,
		dateFormat,
		accountColumn,
		columns,
		problems
	};
}

/**
 * A preset from a suggestion as the user confirmed or edited it, validated by the schema; null when
 * the suggestion has no header row or date column, or the result does not validate.
 */
export function presetFromSuggestion(
	suggestion: MappingSuggestion,
	fields: { id: string; name: string; platform: Platform; createdAt: string; fixedAccount?: MappingPreset['fixedAccount'] }
): MappingPreset | null {
	if (suggestion.headerRow < 0 || suggestion.dateColumn === null) return null;
	const columns = suggestion.columns.filter((column) => column.metric !== null).map((column) => ({ header: column.header, metric: column.metric! }));
	const parsed = mappingPresetSchema.safeParse({
		id: fields.id,
		name: fields.name,
		signature: suggestion.signature,
		platform: fields.platform,
		headerRow: suggestion.headerRow,
		dateColumn: suggestion.dateColumn,
		dateFormat: suggestion.dateFormat,
		...(suggestion.accountColumn && !fields.fixedAccount ? { accountColumn: suggestion.accountColumn } : {}),
		...(fields.fixedAccount ? { fixedAccount: fields.fixedAccount } : {}),
		columns,
		createdAt: fields.createdAt
	});
	return parsed.success ? parsed.data : null;
}

interface ColumnReader {
	header: string;
	index: number;
	metric: MetricKey;
	/** Running total to be turned into daily amounts. */
	cumulative: boolean;
	read(text: string): number | null;
}

// Plain integers are most cells of most exports; reading them directly keeps 150k-row files fast.
const PLAIN_INTEGER = /^-?\d{1,15}$/;

function readerFor(header: string, metric: MetricKey, hint: DecimalHint | null): (text: string) => number | null {
	const general = generalReaderFor(header, metric, hint);
	return (text) => (PLAIN_INTEGER.test(text) ? Number(text) : general(text));
}

function generalReaderFor(header: string, metric: MetricKey, hint: DecimalHint | null): (text: string) => number | null {
	const unit = METRICS[metric].unit;
	if (unit === 'fraction') {
		const percent = isPercentHeader(header);
		return (text) => parseRate(text, { percent, hint });
	}
	if (unit === 'seconds') return (text) => parseDuration(text) ?? parseNumber(text, hint);
	return (text) => parseNumber(text.replace(/^[$€£¥]\s?/, ''), hint);
}

function accountFromCell(text: string, platform: Platform): AccountRef | null {
	const value = text.trim();
	if (value === '' || isMissing(value)) return null;
	// a single token is a handle (`@brand`, `brand.fr`); anything with spaces is a page or channel name
	return /^@?[\p{L}\p{N}_.-]+$/u.test(value) ? { platform, handle: value.replace(/^@/, '') } : { platform, displayName: value };
}

function accountKey(account: AccountRef | null): string {
	return account ? `${account.handle ?? ''}\u0000${account.displayName ?? ''}` : '';
}

function issueText(error: { issues: { message: string }[] }): string {
	return error.issues.map((issue) => issue.message).join(' ');
}

/**
 * Reads a table with a mapping: one series per mapped column (per account when an account column
 * is mapped). Rows with an unreadable or implausible date are skipped with an error naming the
 * line; unreadable numbers are left empty with a warning. Never throws.
 */
export function applyMapping(table: Table, preset: MappingPreset, now: Date, headerIndex: number = preset.headerRow): ImportResult {
	const valid = mappingPresetSchema.safeParse(preset);
	if (!valid.success) return unreadableResult(fileMessage('mapping.invalid', { mapping: preset.name, detail: issueText(valid.error) }));
	const mapping = valid.data;
	const headerCells = table.rows[headerIndex];
	if (!headerCells)
		return unreadableResult(fileMessage('mapping.headerRowMissing', { mapping: mapping.name, row: headerIndex + 1, rows: table.rows.length }));
	const keys = columnKeys(headerCells);
	const positions = new Map(keys.map((key, index) => [key.toLowerCase(), index]));
	const find = (name: string) => positions.get(cleanHeader(name).toLowerCase());
	const found = keys.filter((key) => !key.startsWith('Column ')).slice(0, 12).join(', ');
	const issues = new IssueLog();

	const dateIndex = find(mapping.dateColumn);
	if (dateIndex === undefined)
		return unreadableResult(fileMessage('mapping.dateColumnMissing', { column: mapping.dateColumn, mapping: mapping.name, found }));
	const accountIndex = mapping.accountColumn === undefined ? undefined : find(mapping.accountColumn);
	if (mapping.accountColumn !== undefined && accountIndex === undefined)
		issues.warning(fileMessage('mapping.accountColumnMissing', { column: mapping.accountColumn }));

	const rowIndexes: number[] = [];
	for (let i = headerIndex + 1; i < table.rows.length; i++) if (table.rows[i].some((cell) => cell.trim() !== '')) rowIndexes.push(i);
	const lineOf = (row: number) => table.lineOf[row] ?? row + 1;

	const readers: ColumnReader[] = [];
	for (const column of mapping.columns) {
		const index = find(column.header);
		if (index === undefined) {
			issues.warning(fileMessage('mapping.columnMissing', { column: column.header, metric: column.metric }));
			continue;
		}
		const hint = inferDecimalHint(rowIndexes.slice(0, 2000).map((row) => table.rows[row][index] ?? ''));
		const cumulative = column.semantics === 'level' && METRICS[column.metric].semantics === 'flow';
		readers.push({ header: keys[index], index, metric: column.metric, cumulative, read: readerFor(keys[index], column.metric, hint) });
	}
	if (readers.length === 0)
		return unreadableResult(fileMessage('mapping.noColumns', { mapping: mapping.name, found }));

	const dateTexts = rowIndexes.map((row) => table.rows[row][dateIndex] ?? '');
	let order: DateOrder | null = mapping.dateFormat === 'mdy' ? 'MDY' : mapping.dateFormat === 'dmy' ? 'DMY' : null;
	if (mapping.dateFormat === 'auto') {
		order = inferDateOrder(dateTexts);
		const ambiguous = order === null ? dateTexts.find((text) => /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(text)) : undefined;
		if (ambiguous !== undefined) {
			order = /^\s*\d{1,2}\//.test(ambiguous) ? 'MDY' : 'DMY';
			issues.warning(fileMessage(order === 'MDY' ? 'mapping.ambiguousMdy' : 'mapping.ambiguousDmy', { example: ambiguous.trim() }));
		}
	}
	const { earliest, latest } = plausibleDays(now);

	const builders = new Map<string, { account: AccountRef | null; series: SeriesBuilder; running: Map<MetricKey, { days: DayNumber[]; values: number[] }> }>();
	const fixed: AccountRef | null = mapping.fixedAccount ? { platform: mapping.fixedAccount.platform, handle: mapping.fixedAccount.handle } : null;
	let rowCount = 0;
	// files with several accounts or metrics per day repeat each date many times
	const dateCache = new Map<string, ParsedDateTime | null>();

	rowIndexes.forEach((row, position) => {
		rowCount++;
		const cells = table.rows[row];
		const line = lineOf(row);
		const dateText = dateTexts[position];
		if (isMissing(dateText)) {
			issues.error(fileMessage('mapping.dateEmpty', { column: keys[dateIndex] }), line, 'date-empty');
			return;
		}
		if (mapping.dateFormat === 'ymd' && !/^\s*\d{4}/.test(dateText)) {
			issues.error(fileMessage('mapping.notYmd', { cell: dateText.trim() }), line, 'date-format');
			return;
		}
		let parsed = dateCache.get(dateText);
		if (parsed === undefined) {
			parsed = parseDateTime(dateText, { order, allowSerial: /^\s*\d{5}(\.\d+)?\s*$/.test(dateText) });
			dateCache.set(dateText, parsed);
		}
		if (parsed === null) {
			issues.error(fileMessage('mapping.notRealDate', { cell: dateText.trim(), column: keys[dateIndex] }), line, 'date-invalid');
			return;
		}
		if (parsed.day < earliest || parsed.day > latest) {
			issues.error(
				fileMessage('mapping.dateOutside', { day: isoFromDay(parsed.day), earliest: isoFromDay(earliest), latest: isoFromDay(latest) }),
				line,
				'date-range'
			);
			return;
		}
		const account = accountIndex === undefined ? fixed : accountFromCell(cells[accountIndex] ?? '', mapping.platform);
		const key = accountKey(account);
		let holder = builders.get(key);
		if (!holder) {
			holder = { account, series: new SeriesBuilder(account), running: new Map() };
			builders.set(key, holder);
		}
		for (const reader of readers) {
			const text = cells[reader.index] ?? '';
			if (isMissing(text)) continue;
			const value = reader.read(text);
			if (value === null) {
				issues.warning(fileMessage('mapping.notNumber', { cell: shownCell(text), column: reader.header }), line, `number-${reader.index}`);
				continue;
			}
			const implausible = implausibleValueReason(reader.metric, value);
			if (implausible) {
				issues.warning(fileMessage('mapping.implausible', { cell: shownCell(text), column: reader.header, ...implausible }), line, `implausible-${reader.index}`);
				continue;
			}
			if (reader.cumulative) {
				let totals = holder.running.get(reader.metric);
				if (!totals) {
					totals = { days: [], values: [] };
					holder.running.set(reader.metric, totals);
				}
				totals.days.push(parsed.day);
				totals.values.push(value);
			} else holder.series.add(reader.metric, parsed.day, value);
		}
	});

	// Running totals become daily amounts between consecutive days; the first day has no previous total.
	for (const holder of builders.values()) {
		for (const [metric, totals] of holder.running) {
			const order = totals.days.map((_, i) => i).sort((a, b) => totals.days[a] - totals.days[b]);
			for (let k = 1; k < order.length; k++) {
				const day = totals.days[order[k]];
				if (day - totals.days[order[k - 1]] !== 1) continue;
				const delta = totals.values[order[k]] - totals.values[order[k - 1]];
				if (delta < 0)
					issues.warning(fileMessage('mapping.runningTotalDrops', { metric, day: isoFromDay(day) }), undefined, `drop-${metric}`);
				else holder.series.add(metric, day, delta);
			}
		}
	}

	const holders = [...builders.values()];
	const account = fixed ?? (holders.length === 1 ? holders[0].account : null);
	if (rowCount === 0) issues.warning(fileMessage('mapping.noRows'), lineOf(headerIndex));

	return importResult({ account, series: holders.flatMap((holder) => holder.series.build()), rowCount, issues });
}

/** A saved mapping as an importer: it recognises exactly the header set it was made from. */
export function presetImporter(preset: MappingPreset): Importer {
	return {
		id: `preset:${preset.id}`,
		label: `Saved mapping “${preset.name}”`,
		platform: preset.platform,
		detect: (sample) => (headerSignature(sample.headers) === preset.signature ? 1 : 0),
		parse: (context) => applyMapping(context.table, preset, context.now, context.headerIndex)
	};
}
