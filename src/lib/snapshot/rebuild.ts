/**
 * The merged tables (`series`, `posts`) rebuilt from scratch from the layers every import left,
 * with storage's own rule from db/merge.ts: per account, metric and day the value of the
 * highest-ranked import; per post the version from the highest-ranked import. Because that rule is
 * a per-slot maximum, the result does not depend on the order of the layers, so a snapshot need
 * not carry the merged tables, and a merge of two workspaces is just a rebuild over the union.
 */
import {
	emptySeriesRecord,
	hasAnyValue,
	overlayLayer,
	overlayPosts,
	rankOfImport,
	seriesRecordId,
	sortPosts,
	yearsSpanned,
	type ImportRank
} from '../db/merge';
import type {
	ImportRecord,
	PostLayerRecord,
	PostsRecord,
	SeriesLayerRecord,
	SeriesRecord,
	StoredPost
} from '../schemas/db-records';

export interface LayerTables {
	imports: readonly ImportRecord[];
	seriesLayers: readonly SeriesLayerRecord[];
	postLayers: readonly PostLayerRecord[];
}

function byKey(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A lookup of each import's rank; an id with no import ranks lowest, as storage treats orphans. */
export function rankLookup(imports: readonly Pick<ImportRecord, 'id' | 'coversUntil' | 'lastDay'>[]) {
	const ranks = new Map<number, ImportRank>(imports.map((record) => [record.id, rankOfImport(record)]));
	return (importId: number): ImportRank => ranks.get(importId) ?? { coversUntil: Number.NEGATIVE_INFINITY, importId: 0 };
}

/** Merged year records with at least one value, sorted by id (as storage lists them). */
export function rebuildSeries(tables: Pick<LayerTables, 'imports' | 'seriesLayers'>): SeriesRecord[] {
	const rankOf = rankLookup(tables.imports);
	const years = new Map<string, SeriesRecord>();
	for (const layer of tables.seriesLayers) {
		const rank = rankOf(layer.importId);
		for (const year of yearsSpanned(layer.startDay, layer.startDay + layer.values.length - 1)) {
			const id = seriesRecordId(layer.accountId, layer.metric, year);
			let record = years.get(id);
			if (!record) {
				record = emptySeriesRecord(layer.accountId, layer.metric, year);
				years.set(id, record);
			}
			overlayLayer(record, layer, rank, rankOf);
		}
	}
	return [...years.values()].filter(hasAnyValue).sort((a, b) => byKey(a.id, b.id));
}

/** Each account's merged posts by post id (the version of the highest-ranked import, overlayPosts). */
export function mergePostLayers(tables: Pick<LayerTables, 'imports' | 'postLayers'>): Map<string, Map<string, StoredPost>> {
	const rankOf = rankLookup(tables.imports);
	const byAccount = new Map<string, Map<string, StoredPost>>();
	for (const layer of tables.postLayers) {
		let merged = byAccount.get(layer.accountId);
		if (!merged) {
			merged = new Map();
			byAccount.set(layer.accountId, merged);
		}
		overlayPosts(merged, layer.posts, rankOf(layer.importId), rankOf);
	}
	return byAccount;
}

/** Merged posts per account, sorted by account id; posts in storage's order (see sortPosts). */
export function rebuildPosts(tables: Pick<LayerTables, 'imports' | 'postLayers'>): PostsRecord[] {
	return [...mergePostLayers(tables).entries()]
		.filter(([, merged]) => merged.size > 0)
		.sort(([a], [b]) => byKey(a, b))
		.map(([accountId, merged]) => ({ accountId, posts: sortPosts([...merged.values()]) }));
}

export function rebuildMergedTables(tables: LayerTables): { series: SeriesRecord[]; posts: PostsRecord[] } {
	return { series: rebuildSeries(tables), posts: rebuildPosts(tables) };
}
