/**
 * The toolkit the per-platform importers share: header matching by name (trimmed, case-insensitive,
 * with aliases), walking data rows with their line numbers, collecting series/posts, and issue
 * reporting that stays readable on a 150k-row file.
 */
import { z } from 'zod';
import type { DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, ParsedBreakdown, ParsedPost, RowIssue, SeriesPoints } from '../domain/model';
import type { DetectSample, ImportResult, ParseContext, Table } from './types';
import { implausibleDayReason, plausibleDays } from './limits';
import { isDamagedId } from './values';
import { isoFromDay } from '../domain/days';
import { fileMessage, type FormatName, type RowMessage } from './messages';

const NORMALIZED_CACHE_LIMIT = 4096;
const normalizedCache = new Map<string, string>();

/**
 * A header as compared: BOM dropped, NFC, trimmed, inner whitespace collapsed, lower-cased, and a
 * stray pair of quotes removed (`Date, "Total Viewers"` leaves the quotes in the cell, since a
 * space before a quote makes the field unquoted).
 */
export function normalizeHeader(text: string): string {
	let normalized = normalizedCache.get(text);
	if (normalized === undefined) {
		normalized = text
			.replace(/^\uFEFF/, '')
			.normalize('NFC')
			.trim()
			.replace(/^"(.*)"$/s, '$1')
			.trim()
			.replace(/\s+/g, ' ')
			.toLowerCase();
		// Detection offers the first rows of every table to every importer, and each compares the
		// same cells: remembering the answer made header detection the largest cost of an import
		// (docs/performance.md). Bounded, so long post texts offered as header candidates cannot pile up.
		if (normalizedCache.size >= NORMALIZED_CACHE_LIMIT) normalizedCache.clear();
		normalizedCache.set(text, normalized);
	}
	return normalized;
}

/** Column key → accepted header names (any case/spacing; English first, then localized aliases). */
export type ColumnAliases<K extends string> = Record<K, readonly string[]>;

/** Normalise every alias once, so tables can be written as the platforms spell them. */
export function defineColumns<K extends string>(aliases: ColumnAliases<K>): ColumnAliases<K> {
	const result = {} as Record<K, readonly string[]>;
	for (const key of Object.keys(aliases) as K[]) result[key] = aliases[key].map(normalizeHeader);
	return result;
}

/** Where each known column sits; the first occurrence wins when a name repeats. */
export function locateColumns<K extends string>(headers: readonly string[], aliases: ColumnAliases<K>): Partial<Record<K, number>> {
	const positions = new Map<string, number>();
	headers.forEach((header, index) => {
		const key = normalizeHeader(header);
		if (!positions.has(key)) positions.set(key, index);
	});
	const found: Partial<Record<K, number>> = {};
	for (const key of Object.keys(aliases) as K[]) {
		for (const alias of aliases[key]) {
			const index = positions.get(alias);
			if (index !== undefined) {
				found[key] = index;
				break;
			}
		}
	}
	return found;
}

/** Longer cells are text, never a column name any alias could match. */
const MAX_HEADER_CHARS = 200;

/** One sample's headers as a set, built once for all the importers that look at that sample. */
const headerSets = new WeakMap<readonly string[], Set<string>>();

/** Keys of `aliases` whose column is present in normalized headers. */
export function presentColumns<K extends string>(normalizedHeaders: readonly string[], aliases: ColumnAliases<K>): Set<K> {
	let set = headerSets.get(normalizedHeaders);
	if (!set) {
		// a data row offered as a header candidate holds post texts; no column name is that long
		set = new Set(normalizedHeaders.filter((header) => header.length <= MAX_HEADER_CHARS).map(normalizeHeader));
		headerSets.set(normalizedHeaders, set);
	}
	const present = new Set<K>();
	for (const key of Object.keys(aliases) as K[]) if (aliases[key].some((alias) => set.has(alias))) present.add(key);
	return present;
}

/** Fraction (0..1) of the given keys that are present. */
export function coverage<K extends string>(present: Set<K>, keys: readonly K[]): number {
	if (keys.length === 0) return 0;
	return keys.filter((key) => present.has(key)).length / keys.length;
}

/** The trimmed cell, or undefined when the column is absent or the row is short. */
export function cellAt(row: readonly string[], index: number | undefined): string | undefined {
	if (index === undefined || index < 0 || index >= row.length) return undefined;
	return row[index].trim();
}

export function isBlankRow(row: readonly string[]): boolean {
	return row.every((cell) => cell.trim() === '');
}

/** The last path segment of a file or container name (`a.zip/b/Totals.csv` → `Totals.csv`). */
export function baseName(path: string | undefined): string {
	if (!path) return '';
	const withoutSheet = path.split(' › ')[0];
	const segments = withoutSheet.split(/[\\/]/);
	return segments[segments.length - 1];
}

/** Every path segment of the container and file names, innermost folder names included. */
export function nameSegments(...paths: (string | undefined)[]): string[] {
	const segments: string[] = [];
	for (const path of paths) {
		if (!path) continue;
		for (const part of path.split(' › ')[0].split(/[\\/]/)) if (part) segments.push(part);
	}
	return segments;
}

/** The header row the importer expects: the pipeline's pick, or a nearby row that fits better. */
export function resolveHeaderIndex(table: Table, headerIndex: number, fits: (normalized: string[]) => boolean): number {
	const at = (index: number) => table.rows[index]?.map(normalizeHeader) ?? [];
	if (fits(at(headerIndex))) return headerIndex;
	for (let index = 0; index < Math.min(table.rows.length, headerIndex + 8); index++) if (fits(at(index))) return index;
	return headerIndex;
}

export interface DataRow {
	row: readonly string[];
	line: number;
	/** Position in table.rows. */
	index: number;
}

/** The rows after the header (blank ones dropped), each with its line number. */
export function dataRowsAfter(table: Table, headerIndex: number): DataRow[] {
	const rows: DataRow[] = [];
	for (let index = headerIndex + 1; index < table.rows.length; index++) {
		const row = table.rows[index];
		if (isBlankRow(row)) continue;
		rows.push({ row, line: table.lineOf[index] ?? index + 1, index });
	}
	return rows;
}

const MAX_ISSUES_PER_KIND = 20;

/**
 * Issues with line numbers. After 20 of one kind the rest are counted and summarised, so a file
 * with 100k bad rows yields a readable list instead of 100k entries.
 */
export class IssueLog {
	readonly #issues: RowIssue[] = [];
	readonly #kinds = new Map<string, { shown: number; extra: number; severity: RowIssue['severity'] }>();

	add(severity: RowIssue['severity'], coded: RowMessage, line?: number, kind: string = coded.message): void {
		const tally = this.#kinds.get(kind) ?? { shown: 0, extra: 0, severity };
		this.#kinds.set(kind, tally);
		if (tally.shown >= MAX_ISSUES_PER_KIND) {
			tally.extra++;
			return;
		}
		tally.shown++;
		const issue: RowIssue = { severity, message: coded.message, code: coded.code, params: coded.params };
		this.#issues.push(line === undefined ? issue : { line, ...issue });
	}

	error(coded: RowMessage, line?: number, kind?: string): void {
		this.add('error', coded, line, kind);
	}

	warning(coded: RowMessage, line?: number, kind?: string): void {
		this.add('warning', coded, line, kind);
	}

	get errorCount(): number {
		return this.#issues.filter((issue) => issue.severity === 'error').length;
	}

	list(): RowIssue[] {
		const summaries: RowIssue[] = [];
		for (const { extra, severity } of this.#kinds.values()) {
			if (extra > 0) summaries.push({ severity, ...fileMessage('row.more', { count: extra }) });
		}
		return [...this.#issues, ...summaries];
	}
}

/** Collects day values per metric for one account; the parallel arrays SeriesPoints wants. */
export class SeriesBuilder {
	readonly #account: AccountRef | null;
	readonly #points = new Map<MetricKey, { days: DayNumber[]; values: number[] }>();
	#lastDay: DayNumber | null = null;

	constructor(account: AccountRef | null) {
		this.#account = account;
	}

	/** A null value is a gap and is not recorded. */
	add(metric: MetricKey, day: DayNumber, value: number | null): void {
		if (value === null || !Number.isFinite(value)) return;
		let points = this.#points.get(metric);
		if (!points) {
			points = { days: [], values: [] };
			this.#points.set(metric, points);
		}
		points.days.push(day);
		points.values.push(value);
		if (this.#lastDay === null || day > this.#lastDay) this.#lastDay = day;
	}

	get lastDay(): DayNumber | null {
		return this.#lastDay;
	}

	build(): SeriesPoints[] {
		return [...this.#points].map(([metric, { days, values }]) => ({ account: this.#account, metric, days, values }));
	}
}

// Row-level guard for posts: ids must be intact text and metrics real numbers. A Zod parse per
// post was a fifth of reading X's post exports (300,000 posts in the large benchmark drop), so the
// usual post is checked by plainlyValidPost and only the others go through the schema.
export const postSchema = z.object({
	postId: z
		.string()
		.trim()
		.min(1)
		.refine((id) => !isDamagedId(id), 'damaged id'),
	day: z.number().int().nullable(),
	publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/).nullable(),
	metrics: z.record(z.string(), z.number().finite())
});

const PUBLISHED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/**
 * True only for a post postSchema accepts (a narrower test: a false sends the post to Zod): an id
 * with a character other than whitespace that is not a spreadsheet's scientific notation, a whole
 * day or null, a local date-time or null, and finite numbers as metrics.
 */
export function plainlyValidPost(post: ParsedPost): boolean {
	const { postId, day, publishedAt, metrics } = post;
	if (typeof postId !== 'string' || postId.trim() === '' || isDamagedId(postId)) return false;
	if (day !== null && !Number.isSafeInteger(day)) return false;
	if (publishedAt !== null && (typeof publishedAt !== 'string' || !PUBLISHED_AT.test(publishedAt))) return false;
	if (typeof metrics !== 'object' || metrics === null || Object.getPrototypeOf(metrics) !== Object.prototype) return false;
	for (const key of Object.keys(metrics)) {
		const value = (metrics as Record<string, unknown>)[key];
		if (typeof value !== 'number' || !Number.isFinite(value)) return false;
	}
	return true;
}

/** Accept a post only if its shape holds and its date is plausible (see plausibleDays); otherwise log why, against its line. */
export function acceptPost(post: ParsedPost, posts: ParsedPost[], issues: IssueLog, line: number, now: Date): void {
	const outside = post.day === null ? null : implausibleDayReason(post.day, plausibleDays(now));
	if (outside) {
		issues.error(fileMessage('row.postDateOutside', { day: isoFromDay(post.day!), ...outside }), line, 'post-date-range');
		return;
	}
	// the schema's answer for the usual post, without building Zod's result; anything unusual, and
	// every message, still comes from the schema
	if (plainlyValidPost(post)) {
		posts.push(post);
		return;
	}
	const check = postSchema.safeParse(post);
	if (check.success) {
		posts.push(post);
		return;
	}
	const fields = [...new Set(check.error.issues.map((issue) => String(issue.path[0] ?? 'row')))].join(', ');
	issues.error(fileMessage('row.postShape', { fields }), line, 'post-shape');
}

/** Drop metrics the file left empty: absent means "not given", never 0. */
export function compactMetrics(metrics: Partial<Record<MetricKey, number | null>>): Partial<Record<MetricKey, number>> {
	const result: Partial<Record<MetricKey, number>> = {};
	for (const key of Object.keys(metrics) as MetricKey[]) {
		const value = metrics[key];
		if (value !== null && value !== undefined) result[key] = value;
	}
	return result;
}

export interface ResultParts {
	account: AccountRef | null;
	series?: SeriesPoints[];
	posts?: ParsedPost[];
	breakdowns?: ParsedBreakdown[];
	rowCount: number;
	issues: IssueLog | RowIssue[];
	/** Defaults to the latest day found in series, posts and breakdowns. */
	coversUntil?: DayNumber | null;
}

export function importResult(parts: ResultParts): ImportResult {
	const series = parts.series ?? [];
	const posts = parts.posts ?? [];
	const breakdowns = parts.breakdowns ?? [];
	let last: DayNumber | null = null;
	const consider = (day: DayNumber | null) => {
		if (day !== null && (last === null || day > last)) last = day;
	};
	for (const points of series) for (const day of points.days) consider(day);
	for (const post of posts) consider(post.day);
	for (const breakdown of breakdowns) consider(breakdown.asOf);
	return {
		account: parts.account,
		series,
		posts,
		breakdowns,
		rowCount: parts.rowCount,
		issues: Array.isArray(parts.issues) ? parts.issues : parts.issues.list(),
		coversUntil: parts.coversUntil === undefined ? last : parts.coversUntil
	};
}

/** The result for a table that is not what the importer expects: nothing read, one clear error. */
export function unreadableResult(coded: RowMessage): ImportResult {
	return importResult({ account: null, rowCount: 0, issues: [{ severity: 'error', ...coded }] });
}

/** Text of an absent-column error that names what was expected and what the file has. */
export function missingColumnsMessage(format: FormatName, missing: readonly string[], headers: readonly string[]): RowMessage {
	const found = headers.filter((header) => header.trim() !== '').slice(0, 12).join(', ');
	return fileMessage('file.missingColumns', { format, count: missing.length, columns: missing.map((name) => `“${name}”`).join(', '), found });
}

/** Every header (trimmed) of the chosen header row. */
export function headerRow(context: ParseContext, headerIndex: number = context.headerIndex): string[] {
	return (context.table.rows[headerIndex] ?? []).map((cell) => cell.replace(/^\uFEFF/, '').trim());
}

/** Lower-cased text of the preamble rows (metric titles, descriptions), one string per row. */
export function preambleTexts(sample: DetectSample): string[] {
	return sample.preamble.map((row) => row.map((cell) => cell.trim()).filter(Boolean).join(' ').trim()).filter(Boolean);
}
