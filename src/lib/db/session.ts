/**
 * The merged records a batch of imports touches, loaded once and merged in memory. Planning uses it
 * to count what a batch would do without writing; commit uses the same code inside its transaction
 * and then writes the records it changed. Loading is a handful of bulk reads: merged series by key,
 * merged posts by account (with the post layers their rows name, merged-posts.ts), and the ranks of
 * the imports their values came from.
 */
import { YEAR_SLOTS, type ImportRecord, type PostsRecord, type SeriesRecord, type StoredPost, type StoredPostsRecord } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import type { MetricKey } from '../domain/metrics';
import {
	emptyTally,
	hasAnyValue,
	overlayLayer,
	overlayPosts,
	postKey,
	postLayerId,
	rankOfImport,
	seriesRecordId,
	sortPosts,
	yearsSpanned,
	type ImportRank,
	type PostTally,
	type SlotTally
} from './merge';
import type { PreparedItem, PreparedLayer } from './prepare';
import { readMergedPosts, storedPostsForm } from './merged-posts';

/**
 * New year records are cut from slabs of many records: a large drop creates thousands of them, and
 * two small typed arrays apiece (with the garbage collections their external memory sets off) made
 * record creation the largest cost of planning an import (docs/performance.md). A view is stored
 * together with its whole buffer, so changedSeries() copies records out of the slab before storage.
 *
 * Slabs start small and double up to SLAB_RECORDS: a re-plan after an account choice simulates one
 * or two accounts (a few dozen records), and a full-size first slab (1.1 MB, filled with NaN) per
 * choice was most of the memory a choice allocated, and the garbage collections that came with it.
 */
const FIRST_SLAB_RECORDS = 16;
const SLAB_RECORDS = 256;

class RecordSlab {
	#values = new Float64Array(0);
	#sources = new Uint32Array(0);
	#size = 0;
	#next = 0;

	take(accountId: string, metric: MetricKey, year: number): SeriesRecord {
		if (this.#next === this.#size) {
			this.#size = Math.min(SLAB_RECORDS, Math.max(FIRST_SLAB_RECORDS, this.#size * 2));
			this.#values = new Float64Array(this.#size * YEAR_SLOTS).fill(Number.NaN);
			this.#sources = new Uint32Array(this.#size * YEAR_SLOTS);
			this.#next = 0;
		}
		const from = this.#next++ * YEAR_SLOTS;
		return {
			id: seriesRecordId(accountId, metric, year),
			accountId,
			metric,
			year,
			values: this.#values.subarray(from, from + YEAR_SLOTS),
			sources: this.#sources.subarray(from, from + YEAR_SLOTS)
		};
	}
}

/** Merged records a reader found empty: series year records by key, accounts without a posts row. */
export interface KnownMissing {
	series: Set<string>;
	postAccounts: Set<string>;
	/**
	 * Per account, the key of every series year record it had when first read: any other key of
	 * that account holds nothing. A drop of monthly exports touches a new year or metric of the same
	 * account with many choices, and each was a read (an IndexedDB round trip) that found nothing.
	 */
	seriesKeysOf: Map<string, Set<string>>;
}

/** Nothing known yet: every account's keys are listed before its records are read. */
export function emptyKnowledge(): KnownMissing {
	return { series: new Set(), postAccounts: new Set(), seriesKeysOf: new Map() };
}

export class MergeSession {
	readonly #series: Map<string, SeriesRecord>;
	readonly #slab = new RecordSlab();
	/** Records cut from the slab (the others were read from storage and own their buffers). */
	readonly #fromSlab = new Set<string>();
	readonly #posts: Map<string, Map<string, StoredPost>>;
	readonly #ranks: Map<number, ImportRank>;
	readonly #dirtySeries = new Set<string>();
	readonly #dirtyPosts = new Set<string>();
	/**
	 * Post layers whose posts are in memory, by layer id: the layers stored rows referred to, and the
	 * layers this session applied. The merged posts of an account are stored as a reference to
	 * those of these whose posts they are (merged-posts.ts).
	 */
	readonly #layerPosts: Map<string, readonly StoredPost[]>;

	private constructor(
		series: Map<string, SeriesRecord>,
		posts: Map<string, Map<string, StoredPost>>,
		ranks: Map<number, ImportRank>,
		layerPosts: Map<string, readonly StoredPost[]>
	) {
		this.#series = series;
		this.#posts = posts;
		this.#ranks = ranks;
		this.#layerPosts = layerPosts;
	}

	/**
	 * The merged records the items can touch, less those `known` says hold nothing; `unlistedAccounts`:
	 * the accounts of the series keys to read whose stored keys `known` does not list yet.
	 */
	static keysToRead(items: readonly PreparedItem[], known?: KnownMissing): { seriesKeys: string[]; postAccounts: string[]; unlistedAccounts: string[] } {
		const seriesIds = new Set<string>();
		const accountIds = new Set<string>();
		const unlisted = new Set<string>();
		for (const prepared of items) {
			for (const layer of prepared.layers) {
				const stored = known?.seriesKeysOf.get(layer.accountId);
				for (const year of layerYears(layer)) {
					const key = seriesRecordId(layer.accountId, layer.metric, year);
					if ((stored && !stored.has(key)) || known?.series.has(key)) continue;
					seriesIds.add(key);
					if (known && !stored) unlisted.add(layer.accountId);
				}
			}
			for (const accountId of prepared.posts.keys()) accountIds.add(accountId);
		}
		return {
			seriesKeys: [...seriesIds],
			postAccounts: known ? [...accountIds].filter((accountId) => !known.postAccounts.has(accountId)) : [...accountIds],
			unlistedAccounts: [...unlisted]
		};
	}

	/** A session over a workspace that holds none of the records the items touch. */
	static nothingStored(): MergeSession {
		return new MergeSession(new Map(), new Map(), new Map(), new Map());
	}

	/**
	 * Reads everything the items can touch. Inside a transaction when the result will be written.
	 * `known` (the import planner's, between two plans of one drop): keys found empty before are not
	 * read again, and what this read learns is added.
	 *
	 * Series year records are read in two steps: first the keys each account holds (one key-only read
	 * per account), then only those of its candidate keys that exist. A first import of ten years of
	 * 40 accounts asked for 2,876 keys one request each and found none: IndexedDB's cost here is per
	 * request, on the page's thread (the request and its answer) and in the browser's (docs/performance.md).
	 */
	static async load(database: ChorusDatabase, items: readonly PreparedItem[], known: KnownMissing = emptyKnowledge()): Promise<MergeSession> {
		const { postAccounts, unlistedAccounts } = MergeSession.keysToRead(items, known);
		const layerPosts = new Map<string, readonly StoredPost[]>();
		const [postsRecords, listed] = await Promise.all([
			readMergedPosts(database, postAccounts, layerPosts),
			Promise.all(unlistedAccounts.map((accountId) => database.series.where('accountId').equals(accountId).primaryKeys()))
		]);
		postsRecords.forEach((record, index) => record || known.postAccounts.add(postAccounts[index]));
		unlistedAccounts.forEach((accountId, index) => known.seriesKeysOf.set(accountId, new Set(listed[index].map(String))));
		// every account is listed now: only keys that hold a record are left
		const { seriesKeys } = MergeSession.keysToRead(items, known);
		const seriesRecords = await database.series.bulkGet(seriesKeys);
		seriesRecords.forEach((record, index) => record || known.series.add(seriesKeys[index]));

		const series = new Map<string, SeriesRecord>();
		const sourceIds = new Set<number>();
		for (const record of seriesRecords) {
			if (!record) continue;
			series.set(record.id, record);
			let last = 0;
			for (const source of record.sources) {
				if (source !== 0 && source !== last) sourceIds.add(source);
				last = source;
			}
		}
		const posts = new Map<string, Map<string, StoredPost>>();
		for (const record of postsRecords) {
			if (!record) continue;
			posts.set(record.accountId, new Map(record.posts.map((post) => [postKey(post), post])));
			for (const post of record.posts) sourceIds.add(post.sourceImportId);
		}

		const ranks = new Map<number, ImportRank>();
		const sourceImports = await database.imports.bulkGet([...sourceIds]);
		for (const record of sourceImports) if (record) ranks.set(record.id, rankOfImport(record));
		return new MergeSession(series, posts, ranks, layerPosts);
	}

	/** Registers an import the session will apply (a pending one in a plan, a just-added one in commit). */
	addImport(record: Pick<ImportRecord, 'id' | 'coversUntil' | 'lastDay'>): ImportRank {
		const rank = rankOfImport(record);
		this.#ranks.set(record.id, rank);
		return rank;
	}

	readonly #rankOf = (importId: number): ImportRank => {
		const rank = this.#ranks.get(importId);
		// A value whose import record is gone would be a broken invariant; rank it lowest so any
		// real import replaces it instead of the orphan value sticking forever.
		return rank ?? { coversUntil: Number.NEGATIVE_INFINITY, importId: 0 };
	};

	applyLayer(layer: PreparedLayer, rank: ImportRank): SlotTally {
		const tally = emptyTally();
		for (const year of layerYears(layer)) {
			const id = seriesRecordId(layer.accountId, layer.metric, year);
			let record = this.#series.get(id);
			if (!record) {
				record = this.#slab.take(layer.accountId, layer.metric, year);
				this.#series.set(id, record);
				this.#fromSlab.add(id);
			}
			overlayLayer(record, layer, rank, this.#rankOf, tally);
			this.#dirtySeries.add(id);
		}
		return tally;
	}

	applyPosts(accountId: string, incoming: readonly StoredPost[], rank: ImportRank): PostTally {
		let merged = this.#posts.get(accountId);
		if (!merged) {
			merged = new Map();
			this.#posts.set(accountId, merged);
		}
		this.#dirtyPosts.add(accountId);
		// the import's post layer of this account (commit stores this very array as the layer)
		this.#layerPosts.set(postLayerId(rank.importId, accountId), incoming);
		return overlayPosts(merged, incoming, rank, this.#rankOf);
	}

	/**
	 * Merged year records that gained values (a layer spanning a year it has no values in adds none),
	 * as held in memory: records cut from a slab still share its buffers, so pass each through
	 * storable() before storing it. Commit does that chunk by chunk as it writes: copying 2,876
	 * records at once was a task of over 100 ms.
	 */
	changedSeries(): SeriesRecord[] {
		return [...this.#dirtySeries].map((id) => this.#series.get(id)!).filter(hasAnyValue);
	}

	/** The record with buffers of its own (IndexedDB stores a view together with its whole buffer). */
	readonly storable = (record: SeriesRecord): SeriesRecord =>
		this.#fromSlab.has(record.id) ? { ...record, values: record.values.slice(), sources: record.sources.slice() } : record;

	changedPosts(): PostsRecord[] {
		return this.changedPostAccounts().map((accountId) => this.mergedPosts(accountId));
	}

	/** The accounts whose merged posts changed (with mergedPosts: one account at a time, so commit can yield between them). */
	changedPostAccounts(): string[] {
		return [...this.#dirtyPosts];
	}

	mergedPosts(accountId: string): PostsRecord {
		return { accountId, posts: sortPosts([...(this.#posts.get(accountId)?.values() ?? [])]) };
	}

	/** The row to store for an account's merged posts: a reference to the layers they are, else the posts. */
	storedPosts(accountId: string): StoredPostsRecord {
		return storedPostsForm(this.mergedPosts(accountId), (layerId) => this.#layerPosts.get(layerId));
	}
}

export function layerYears(layer: Pick<PreparedLayer, 'startDay' | 'values'>): number[] {
	return yearsSpanned(layer.startDay, layer.startDay + layer.values.length - 1);
}
