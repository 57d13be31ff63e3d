/**
 * The merging rule, as pure functions over in-memory records (no Dexie here, so it is tested
 * directly). For every account, metric and day the stored value comes from the highest-ranked
 * import that has one; an import ranks above another when its export covers a later day, ties
 * going to the later import. That is a per-slot maximum, so it does not depend on the order layers
 * are applied in: commit overlays a new layer on the merged record, undo rebuilds from the layers
 * that remain, and both arrive at the same numbers.
 */
import { dayFromCivil, yearOfDay as civilYearOfDay } from '../domain/analytics/calendar';
import type { DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { ImportRecord, SeriesRecord, StoredPost } from '../schemas/db-records';
import { YEAR_SLOTS } from '../schemas/record-constants';

export interface ImportRank {
	/** The last day the export covers (its last data day when the file does not say). */
	coversUntil: number;
	importId: number;
}

export function rankOfImport(record: Pick<ImportRecord, 'id' | 'coversUntil' | 'lastDay'>): ImportRank {
	return { coversUntil: record.coversUntil ?? record.lastDay ?? Number.NEGATIVE_INFINITY, importId: record.id };
}

export function outranks(candidate: ImportRank, incumbent: ImportRank): boolean {
	if (candidate.coversUntil !== incumbent.coversUntil) return candidate.coversUntil > incumbent.coversUntil;
	return candidate.importId > incumbent.importId;
}

export type RankLookup = (importId: number) => ImportRank;

// Integer calendar arithmetic rather than a Date per call: planning a large drop asks these for
// every layer and year record, and the Date objects showed up in its profile (docs/performance.md).
export function yearStartDay(year: number): DayNumber {
	return dayFromCivil(year, 1, 1);
}

export function yearOfDay(day: DayNumber): number {
	return civilYearOfDay(day);
}

/** Years a span of days touches, in order. */
export function yearsSpanned(startDay: DayNumber, endDay: DayNumber): number[] {
	const years: number[] = [];
	for (let year = yearOfDay(startDay); year <= yearOfDay(endDay); year++) years.push(year);
	return years;
}

export function seriesRecordId(accountId: string, metric: MetricKey, year: number): string {
	return `${accountId}|${metric}|${year}`;
}

export function seriesLayerId(importId: number, accountId: string, metric: MetricKey): string {
	return `${importId}|${accountId}|${metric}`;
}

export function postLayerId(importId: number, accountId: string): string {
	return `${importId}|${accountId}`;
}

/** Reads `accountId|metric|year` from the right: display-name keys may themselves contain `|`. */
export function parseSeriesRecordId(id: string): { accountId: string; metric: string; year: number } {
	const parts = id.split('|');
	const year = Number(parts.pop());
	const metric = parts.pop() ?? '';
	return { accountId: parts.join('|'), metric, year };
}

export function emptySeriesRecord(accountId: string, metric: MetricKey, year: number): SeriesRecord {
	return {
		id: seriesRecordId(accountId, metric, year),
		accountId,
		metric,
		year,
		values: new Float64Array(YEAR_SLOTS).fill(Number.NaN),
		sources: new Uint32Array(YEAR_SLOTS)
	};
}

export function hasAnyValue(record: Pick<SeriesRecord, 'sources'>): boolean {
	return record.sources.some((source) => source !== 0);
}

/** What overlaying one layer did, in account × metric × day slots. */
export interface SlotTally {
	/** The slot was empty. */
	filled: number;
	/** The slot already held a value from another import. */
	overlapped: number;
	/** Overlapped, this import won, and the value it brings differs. */
	changed: number;
	/** Overlapped, the stored import ranks higher and keeps a value that differs from this one. */
	keptDifferent: number;
}

export function emptyTally(): SlotTally {
	return { filled: 0, overlapped: 0, changed: 0, keptDifferent: 0 };
}

export function addTally(into: SlotTally, from: SlotTally): void {
	into.filled += from.filled;
	into.overlapped += from.overlapped;
	into.changed += from.changed;
	into.keptDifferent += from.keptDifferent;
}

export interface LayerSpan {
	startDay: DayNumber;
	/** NaN = no value that day. */
	values: Float64Array;
}

/**
 * Lays one import's values over a merged year record, in place. A slot takes the layer's value when
 * it is empty or when the layer's import outranks the import the slot's value came from.
 */
export function overlayLayer(
	target: SeriesRecord,
	layer: LayerSpan,
	rank: ImportRank,
	rankOf: RankLookup,
	tally: SlotTally = emptyTally()
): SlotTally {
	const yearStart = yearStartDay(target.year);
	const yearEnd = yearStartDay(target.year + 1) - 1;
	const layerEnd = layer.startDay + layer.values.length - 1;
	const from = Math.max(layer.startDay, yearStart);
	const to = Math.min(layerEnd, yearEnd);
	// Runs of days share a source, so remember the last verdict instead of looking the rank up per day.
	let lastSource = -1;
	let lastSourceLoses = false;
	for (let day = from; day <= to; day++) {
		const value = layer.values[day - layer.startDay];
		if (Number.isNaN(value)) continue;
		const slot = day - yearStart;
		const source = target.sources[slot];
		if (source === 0) {
			tally.filled++;
			target.values[slot] = value;
			target.sources[slot] = rank.importId;
			continue;
		}
		tally.overlapped++;
		if (source !== lastSource) {
			lastSource = source;
			lastSourceLoses = source !== rank.importId && outranks(rank, rankOf(source));
		}
		const differs = target.values[slot] !== value;
		if (lastSourceLoses) {
			if (differs) tally.changed++;
			target.values[slot] = value;
			target.sources[slot] = rank.importId;
		} else if (differs) {
			tally.keptDifferent++;
		}
	}
	return tally;
}

export function postKey(post: Pick<StoredPost, 'platform' | 'postId'>): string {
	return `${post.platform}:${post.postId}`;
}

export interface PostTally {
	added: number;
	/** Stored posts this import's newer version replaced. */
	replaced: number;
	/** Posts this import also has, where the stored version comes from a newer export and stays. */
	kept: number;
}

/**
 * Merges one import's posts into an account's posts, in place. A post is replaced whole by the
 * version from the higher-ranked export: lifetime metrics keep growing, so the newer export's
 * numbers are the current ones, and mixing metrics from two exports would give a row no export had.
 */
export function overlayPosts(
	merged: Map<string, StoredPost>,
	incoming: readonly StoredPost[],
	rank: ImportRank,
	rankOf: RankLookup
): PostTally {
	const tally: PostTally = { added: 0, replaced: 0, kept: 0 };
	for (const post of incoming) {
		const key = postKey(post);
		const stored = merged.get(key);
		if (!stored) {
			merged.set(key, post);
			tally.added++;
		} else if (stored.sourceImportId !== rank.importId && outranks(rank, rankOf(stored.sourceImportId))) {
			merged.set(key, post);
			tally.replaced++;
		} else {
			tally.kept++;
		}
	}
	return tally;
}

/** Oldest first; undated posts last; then by id, so a rebuild gives the same order as a commit. */
export function comparePosts(a: StoredPost, b: StoredPost): number {
	const dayA = a.day ?? Number.POSITIVE_INFINITY;
	const dayB = b.day ?? Number.POSITIVE_INFINITY;
	if (dayA !== dayB) return dayA - dayB;
	const timeA = a.publishedAt ?? '';
	const timeB = b.publishedAt ?? '';
	if (timeA !== timeB) return timeA < timeB ? -1 : 1;
	return a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0;
}

/** Sorts in place by comparePosts. */
export function sortPosts(posts: StoredPost[]): StoredPost[] {
	return posts.sort(comparePosts);
}
