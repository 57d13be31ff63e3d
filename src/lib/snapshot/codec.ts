/**
 * Stored tables ↔ snapshot content. Typed arrays become JSON number arrays (null for a missing
 * day), posts become columns, device bookkeeping stays behind, and every table is written in
 * primary-key order so the same workspace always gives the same content. The merged tables are
 * left out and rebuilt on the way back (see rebuild.ts).
 */
import type { MetricKey } from '../domain/metrics';
import type {
	MetaRecord,
	PostLayerRecord,
	SeriesLayerRecord,
	StoredPost,
	TableName,
	WorkspaceTables
} from '../schemas/db-records';
import {
	LOCAL_META_KEYS,
	type PostColumns,
	type SnapshotContent,
	type SnapshotPostLayer,
	type SnapshotSeriesLayer
} from '../schemas/snapshot';
import { rebuildMergedTables } from './rebuild';
import type { MessageParam } from '../domain/coded-message';
import { snapshotMessage } from './messages';

/** Storage holds data the format cannot represent: a broken invariant, reported instead of written. */
/** Why a workspace cannot be written; `code` and `params` word the message in the active language. */
export class SnapshotEncodeError extends Error {
	readonly code: string;
	readonly params: Record<string, MessageParam>;
	constructor(text: { message: string; code: string; params: Record<string, MessageParam> }) {
		super(text.message);
		this.name = 'SnapshotEncodeError';
		this.code = text.code;
		this.params = text.params;
	}
}

type Key = string | number;

/** IndexedDB's key order for the keys Chorus uses: numbers before strings, strings by code unit. */
export function compareKeys(a: Key, b: Key): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'number') return -1;
	if (typeof b === 'number') return 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

function sortedBy<T>(records: readonly T[], keyOf: (record: T) => Key): T[] {
	return [...records].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}

export function encodeValues(values: Float64Array): (number | null)[] {
	const out = new Array<number | null>(values.length);
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		out[i] = Number.isNaN(value) ? null : value;
	}
	return out;
}

export function decodeValues(values: readonly (number | null)[]): Float64Array<ArrayBuffer> {
	const out = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		out[i] = value === null ? Number.NaN : value;
	}
	return out;
}

function encodeSeriesLayer(layer: SeriesLayerRecord): SnapshotSeriesLayer {
	for (const value of layer.values) {
		if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
			throw new SnapshotEncodeError(snapshotMessage('snapshot.infiniteValue', { series: layer.id }));
		}
	}
	return { ...layer, values: encodeValues(layer.values) };
}

export function encodePostColumns(layer: Pick<PostLayerRecord, 'id' | 'importId' | 'accountId' | 'posts'>): PostColumns {
	const { posts } = layer;
	const columns: PostColumns = {
		postId: [],
		platform: [],
		publishedAt: [],
		day: [],
		text: [],
		link: [],
		type: [],
		metrics: {}
	};
	const metricKeys = new Set<MetricKey>();
	for (const post of posts) for (const key of Object.keys(post.metrics) as MetricKey[]) metricKeys.add(key);
	for (const key of metricKeys) columns.metrics[key] = new Array<number | null>(posts.length).fill(null);
	posts.forEach((post, index) => {
		if (post.accountId !== layer.accountId || post.sourceImportId !== layer.importId) {
			throw new SnapshotEncodeError(snapshotMessage('snapshot.foreignPost', { posts: layer.id, post: post.postId, importId: layer.importId }));
		}
		columns.postId.push(post.postId);
		columns.platform.push(post.platform);
		columns.publishedAt.push(post.publishedAt);
		columns.day.push(post.day);
		columns.text.push(post.text);
		columns.link.push(post.link ?? null);
		columns.type.push(post.type ?? null);
		for (const [key, value] of Object.entries(post.metrics) as [MetricKey, number | undefined][]) {
			if (value !== undefined) columns.metrics[key]![index] = value;
		}
	});
	return columns;
}

export function decodePostColumns(columns: PostColumns, accountId: string, importId: number): StoredPost[] {
	const metricColumns = Object.entries(columns.metrics) as [MetricKey, (number | null)[]][];
	return columns.postId.map((postId, index) => {
		const metrics: Partial<Record<MetricKey, number>> = {};
		for (const [key, column] of metricColumns) {
			const value = column[index];
			if (value !== null) metrics[key] = value;
		}
		const post: StoredPost = {
			platform: columns.platform[index],
			postId,
			accountId,
			sourceImportId: importId,
			publishedAt: columns.publishedAt[index],
			day: columns.day[index],
			text: columns.text[index],
			metrics
		};
		const link = columns.link[index];
		const type = columns.type[index];
		if (link !== null) post.link = link;
		if (type !== null) post.type = type;
		return post;
	});
}

export function encodePostLayer(layer: PostLayerRecord): SnapshotPostLayer {
	return { id: layer.id, importId: layer.importId, accountId: layer.accountId, posts: encodePostColumns(layer) };
}

export function isLocalMeta(record: Pick<MetaRecord, 'key'>): boolean {
	return LOCAL_META_KEYS.includes(record.key);
}

/** Each table's primary key, as storage declares it (db/database.ts). */
export const PRIMARY_KEYS: { [T in TableName]: (record: WorkspaceTables[T][number]) => Key } = {
	accounts: (record) => record.id,
	imports: (record) => record.id,
	seriesLayers: (record) => record.id,
	series: (record) => record.id,
	postLayers: (record) => record.id,
	posts: (record) => record.accountId,
	breakdowns: (record) => record.id,
	decisions: (record) => record.accountId,
	decisionHistory: (record) => record.id,
	annotations: (record) => record.id,
	northStars: (record) => record.id,
	mappingPresets: (record) => record.id,
	calendarItems: (record) => record.id,
	tagRules: (record) => record.id,
	postTags: (record) => record.key,
	meta: (record) => record.key
};

/** A table's records in primary-key order, as storage lists them. */
export function inKeyOrder<T extends TableName>(table: T, records: readonly WorkspaceTables[T][number][]): WorkspaceTables[T][number][] {
	return sortedBy(records, PRIMARY_KEYS[table] as (record: WorkspaceTables[T][number]) => Key);
}

/** Every table in primary-key order, as storage lists them and as a snapshot decodes to. */
export function tablesInKeyOrder(tables: WorkspaceTables): WorkspaceTables {
	const sorted = { ...tables } as Record<TableName, unknown[]>;
	for (const name of Object.keys(PRIMARY_KEYS) as TableName[]) sorted[name] = inKeyOrder(name, tables[name] as never);
	return sorted as WorkspaceTables;
}

/** The file's content for a workspace. Throws SnapshotEncodeError when storage broke an invariant. */
export function encodeContent(tables: WorkspaceTables): SnapshotContent {
	return {
		accounts: inKeyOrder('accounts', tables.accounts),
		imports: inKeyOrder('imports', tables.imports),
		seriesLayers: inKeyOrder('seriesLayers', tables.seriesLayers).map(encodeSeriesLayer),
		postLayers: inKeyOrder('postLayers', tables.postLayers).map(encodePostLayer),
		breakdowns: inKeyOrder('breakdowns', tables.breakdowns),
		decisions: inKeyOrder('decisions', tables.decisions),
		decisionHistory: inKeyOrder('decisionHistory', tables.decisionHistory),
		annotations: inKeyOrder('annotations', tables.annotations),
		northStars: inKeyOrder('northStars', tables.northStars),
		mappingPresets: inKeyOrder('mappingPresets', tables.mappingPresets),
		calendarItems: inKeyOrder('calendarItems', tables.calendarItems),
		tagRules: inKeyOrder('tagRules', tables.tagRules),
		postTags: inKeyOrder('postTags', tables.postTags),
		meta: inKeyOrder(
			'meta',
			tables.meta.filter((record) => !isLocalMeta(record))
		)
	};
}

/** The workspace a (validated, current-version) content describes, merged tables rebuilt. */
export function decodeContent(content: SnapshotContent): WorkspaceTables {
	const seriesLayers: SeriesLayerRecord[] = content.seriesLayers.map((layer) => ({
		...layer,
		values: decodeValues(layer.values)
	}));
	const postLayers: PostLayerRecord[] = content.postLayers.map((layer) => ({
		id: layer.id,
		importId: layer.importId,
		accountId: layer.accountId,
		posts: decodePostColumns(layer.posts, layer.accountId, layer.importId)
	}));
	const { series, posts } = rebuildMergedTables({ imports: content.imports, seriesLayers, postLayers });
	return {
		accounts: content.accounts,
		imports: content.imports,
		seriesLayers,
		series,
		postLayers,
		posts,
		breakdowns: content.breakdowns,
		decisions: content.decisions,
		decisionHistory: content.decisionHistory,
		annotations: content.annotations,
		northStars: content.northStars,
		mappingPresets: content.mappingPresets,
		calendarItems: content.calendarItems,
		tagRules: content.tagRules,
		postTags: content.postTags,
		meta: content.meta
	};
}
