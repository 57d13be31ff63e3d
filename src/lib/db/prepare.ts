/**
 * Turns one parsed file into what storage writes: accounts resolved, each (account, metric) as one
 * columnar layer over the file's own date range, posts keyed per account, breakdowns. Pure CPU, run
 * before any transaction opens, so the transaction itself only moves ready-made records.
 */
import type { DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import { accountIdOf, type AccountRef, type ParsedFile, type RowIssue } from '../domain/model';
import type { BreakdownRecord, StoredPost } from '../schemas/db-records';
import { postKey } from './merge';
import { fileMessage } from '../importers/messages';

/** One confirmed file of an import batch. */
export interface ImportItem {
	parsed: ParsedFile;
	fileName: string;
	size: number;
	/**
	 * SHA-256 of this logical file's own bytes (for a zip entry: the entry's bytes, not the zip's), hex.
	 * Two items with the same hash are the same content and are stored once. Empty when the browser
	 * could not hash: see contentKeyOf.
	 */
	sha256: string;
	/**
	 * The account the person chose for this file. It stands in for the file's own account: data the
	 * file attributes to no account or to the file-level account goes to it; rows that name a
	 * different account of their own keep theirs.
	 */
	accountOverride?: AccountRef;
}

export interface PreparedLayer {
	accountId: string;
	metric: MetricKey;
	startDay: DayNumber;
	/** values[i] is day startDay + i; NaN = no value. */
	values: Float64Array<ArrayBuffer>;
	/** Days with a value. */
	count: number;
}

export type PreparedPost = Omit<StoredPost, 'sourceImportId'>;
export type PreparedBreakdown = Omit<BreakdownRecord, 'id' | 'importId'>;

export interface PreparedItem {
	item: ImportItem;
	/** What identifies this content among imports (the item's SHA-256, or a fingerprint: contentKeyOf). */
	contentKey: string;
	/** Every account the file's data resolves to, by id. */
	accounts: Map<string, AccountRef>;
	/** Entries that still have no account: the person must choose one before this file can be saved. */
	unresolved: { series: number; posts: number; breakdowns: number };
	layers: PreparedLayer[];
	posts: Map<string, PreparedPost[]>;
	breakdowns: PreparedBreakdown[];
	firstDay: DayNumber | null;
	lastDay: DayNumber | null;
	seriesPoints: number;
	postCount: number;
	/** Problems found here on top of the parser's own (values that were not numbers). */
	issues: RowIssue[];
	/** Groups files of the same kind, so an account chosen for one can be suggested for the next. */
	signature: string;
}

export function needsAccount(prepared: PreparedItem): boolean {
	const { series, posts, breakdowns } = prepared.unresolved;
	return series + posts + breakdowns > 0;
}

export function isEmptyItem(prepared: PreparedItem): boolean {
	return prepared.layers.length === 0 && prepared.postCount === 0 && prepared.breakdowns.length === 0 && !needsAccount(prepared);
}

const MONTH_WORDS =
	/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\b/g;

/**
 * What kind of file this is, independent of the period it covers: the format plus the file name with
 * folders, extension, numbers and month names taken out. `Jan-01-2024_Mar-31-2024_8812.csv` and
 * `Apr-01-2024_Jun-30-2024_9120.csv` from the same exporter share one signature.
 */
export function fileKindSignature(fileName: string, format: string): string {
	const base = fileName.split('/').pop() ?? fileName;
	const shape = base
		.toLowerCase()
		.replace(/\.[a-z0-9]{1,5}$/, '')
		.replace(/[^\p{L}]+/gu, ' ')
		.replace(MONTH_WORDS, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return `${format}|${shape}`;
}

/**
 * Which export a file came from, independent of the period: its container (the zip, for a zip's
 * entry; the file itself otherwise) by the same rule as fileKindSignature. All the daily files of
 * one page's `Meta Insights - Facebook - <page> - <from> - <to>.zip` downloads share one family; two
 * pages' downloads do not. Lets one account choice answer for the other files of the family.
 */
export function exportFamilySignature(fileName: string, platform: string): string {
	const zip = fileName.toLowerCase().lastIndexOf('.zip/');
	return fileKindSignature(zip >= 0 ? fileName.slice(0, zip + 4) : fileName, platform);
}

/** Two independent 32-bit FNV-1a lanes: a 64-bit fingerprint, plenty to tell exports apart. */
function fingerprint(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x050c5d1f;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193);
		b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The key duplicates are found by. Normally the file's SHA-256. Web Crypto's digest only exists on
 * https and localhost, so on a plain-http intranet host the pipeline hands over an empty hash; then
 * the key is a fingerprint of the parsed content, so a re-import is still recognised and two
 * different files never collide on the empty string.
 */
export function contentKeyOf(item: ImportItem): string {
	if (item.sha256) return item.sha256;
	const { format, platform, account, series, posts, breakdowns, rowCount, coversUntil } = item.parsed;
	return `parsed:${fingerprint(JSON.stringify({ format, platform, account, series, posts, breakdowns, rowCount, coversUntil }))}`;
}

function makeResolver(parsed: ParsedFile, override: AccountRef | undefined) {
	const fileAccountId = parsed.account ? accountIdOf(parsed.account) : null;
	return (own: AccountRef | null): AccountRef | null => {
		if (override) {
			if (!own) return override;
			return fileAccountId !== null && accountIdOf(own) === fileAccountId ? override : own;
		}
		return own ?? parsed.account;
	};
}

/**
 * The preview is planned again each time the person chooses an account, and commit prepares the
 * same items once more: preparing was the costliest step of planning a large drop (see
 * docs/performance.md), so the result is remembered per parsed file and item details. Parsed files
 * are never changed after the pipeline made them; a different choice of account is another key.
 */
const preparedCache = new WeakMap<ParsedFile, Map<string, PreparedItem>>();

function preparedCacheKey(item: ImportItem): string {
	const override = item.accountOverride;
	return JSON.stringify([item.fileName, item.size, item.sha256, override ? [override.platform, override.handle, override.displayName, override.externalId] : null]);
}

export function prepareItem(item: ImportItem): PreparedItem {
	const key = preparedCacheKey(item);
	let byKey = preparedCache.get(item.parsed);
	const cached = byKey?.get(key);
	if (cached) return cached.item === item ? cached : { ...cached, item };
	const prepared = prepareUncached(item);
	if (!byKey) {
		byKey = new Map();
		preparedCache.set(item.parsed, byKey);
	}
	byKey.set(key, prepared);
	return prepared;
}

function prepareUncached(item: ImportItem): PreparedItem {
	const { parsed } = item;
	const resolve = makeResolver(parsed, item.accountOverride);
	const accounts = new Map<string, AccountRef>();
	const unresolved = { series: 0, posts: 0, breakdowns: 0 };
	let firstDay: DayNumber | null = null;
	let lastDay: DayNumber | null = null;
	let skippedValues = 0;

	const refsById = new Map<string, AccountRef>();
	const accountOf = (own: AccountRef | null): string | null => {
		const ref = resolve(own);
		const id = ref ? accountIdOf(ref) : null;
		if (ref && id && !refsById.has(id)) refsById.set(id, ref);
		return id;
	};
	// only accounts that end up with data are the file's accounts
	const claim = (accountId: string) => {
		if (!accounts.has(accountId)) accounts.set(accountId, refsById.get(accountId)!);
	};
	const widen = (day: DayNumber) => {
		if (firstDay === null || day < firstDay) firstDay = day;
		if (lastDay === null || day > lastDay) lastDay = day;
	};

	// Group the file's series by (account, metric): one file may split a metric across several entries.
	const groups = new Map<string, { accountId: string; metric: MetricKey; entries: ParsedFile['series'] }>();
	for (const entry of parsed.series) {
		if (entry.days.length === 0) continue;
		const accountId = accountOf(entry.account);
		if (!accountId) {
			unresolved.series++;
			continue;
		}
		const key = `${accountId}|${entry.metric}`;
		const group = groups.get(key) ?? { accountId, metric: entry.metric, entries: [] };
		group.entries.push(entry);
		groups.set(key, group);
	}

	const layers: PreparedLayer[] = [];
	let seriesPoints = 0;
	for (const { accountId, metric, entries } of groups.values()) {
		let min = Number.POSITIVE_INFINITY;
		let max = Number.NEGATIVE_INFINITY;
		for (const { days, values } of entries) {
			for (let i = 0; i < days.length; i++) {
				if (!Number.isInteger(days[i]) || !Number.isFinite(values[i])) continue;
				if (days[i] < min) min = days[i];
				if (days[i] > max) max = days[i];
			}
		}
		const usable = min <= max;
		const values = usable ? new Float64Array(max - min + 1).fill(Number.NaN) : new Float64Array(0);
		// in file order, so a day given twice keeps its last value
		for (const entry of entries) {
			for (let i = 0; i < entry.days.length; i++) {
				const day = entry.days[i];
				const value = entry.values[i];
				if (!Number.isInteger(day) || !Number.isFinite(value)) {
					skippedValues++;
					continue;
				}
				values[day - min] = value;
			}
		}
		if (!usable) continue;
		let count = 0;
		for (const value of values) if (!Number.isNaN(value)) count++;
		seriesPoints += count;
		widen(min);
		widen(max);
		claim(accountId);
		layers.push({ accountId, metric, startDay: min, values, count });
	}

	const postsByAccount = new Map<string, Map<string, PreparedPost>>();
	for (const post of parsed.posts) {
		const accountId = accountOf(post.account);
		if (!accountId) {
			unresolved.posts++;
			continue;
		}
		const metrics: PreparedPost['metrics'] = {};
		for (const [metric, value] of Object.entries(post.metrics) as [MetricKey, number | undefined][]) {
			if (value === undefined) continue;
			if (Number.isFinite(value)) metrics[metric] = value;
			else skippedValues++;
		}
		const stored: PreparedPost = {
			platform: post.platform,
			postId: post.postId,
			accountId,
			publishedAt: post.publishedAt,
			day: post.day,
			text: post.text,
			metrics
		};
		if (post.link !== undefined) stored.link = post.link;
		if (post.type !== undefined) stored.type = post.type;
		if (post.day !== null) widen(post.day);
		claim(accountId);
		const byKey = postsByAccount.get(accountId) ?? new Map<string, PreparedPost>();
		// a post listed twice in one file keeps its last row, like a day given twice
		byKey.delete(postKey(stored));
		byKey.set(postKey(stored), stored);
		postsByAccount.set(accountId, byKey);
	}
	const posts = new Map<string, PreparedPost[]>();
	let postCount = 0;
	for (const [accountId, byKey] of postsByAccount) {
		posts.set(accountId, [...byKey.values()]);
		postCount += byKey.size;
	}

	const breakdowns: PreparedBreakdown[] = [];
	for (const breakdown of parsed.breakdowns) {
		const accountId = accountOf(breakdown.account);
		if (!accountId) {
			unresolved.breakdowns++;
			continue;
		}
		const entries = breakdown.entries.filter((entry) => Number.isFinite(entry.value));
		skippedValues += breakdown.entries.length - entries.length;
		widen(breakdown.asOf);
		claim(accountId);
		breakdowns.push({
			accountId,
			dimension: breakdown.dimension,
			asOf: breakdown.asOf,
			unit: breakdown.unit,
			measure: breakdown.measure,
			entries: entries.map((entry) => ({ key: entry.key, value: entry.value }))
		});
	}

	const issues: RowIssue[] = [];
	if (skippedValues > 0) {
		issues.push({ severity: 'warning', ...fileMessage('row.valuesLeftOut', { count: skippedValues }) });
	}

	return {
		item,
		contentKey: contentKeyOf(item),
		accounts,
		unresolved,
		layers,
		posts,
		breakdowns,
		firstDay,
		lastDay,
		seriesPoints,
		postCount,
		issues,
		signature: fileKindSignature(item.fileName, parsed.format)
	};
}
