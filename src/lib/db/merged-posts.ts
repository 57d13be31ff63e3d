/**
 * The `posts` table (each account's merged posts) in both directions: the form a row is stored in,
 * and the posts every reader gets back from it. Every reader and writer of `posts` goes through here
 * (commit, undo, the import plan, queries, the post-reads worker, wipe/restore, the v2 upgrade).
 *
 * Why two forms: an IndexedDB write in Chromium costs what its bytes cost, and every post was
 * stored twice, in its import's layer (`postLayers`, what the import brought, never changed) and
 * again in the account's merged posts, so a large commit or a snapshot replace wrote the posts'
 * bytes twice (docs/performance.md). But every merged post is some layer's post: the merge
 * (`overlayPosts`) keeps the winning version whole, the layer's own object, never a blend of fields
 * of several imports. So a row can name the layers its posts come from instead of copying them:
 * `{ accountId, layers: [{ layerId, without }], count }`, the posts being those layers' posts
 * except, per layer, the ones a higher-ranked export replaced (`without`, their keys). An account
 * with one export names one layer; periodic exports (a year of posts each) name every layer with
 * nothing left out; overlapping exports leave out only the overlap.
 *
 * The rule: a row names layers when, for every import its posts come from (`sourceImportId`),
 * that import's layer of the account is at hand, each merged post is that layer's version of it
 * (the very object after a commit, an undo or a rebuild; equal field by field for a restore's or
 * the upgrade's copies: "equal to", nothing less), and leaving out `without` gives back exactly the
 * merged posts. Resolving concatenates them and sorts with `sortPosts`, the order a full copy holds;
 * the form is chosen only when that sort gives back the very list (no two posts tie in that order).
 * Anything else keeps the full copy, which is always correct.
 *
 * A reference never dangles: layers are written once and only deleted by undo, which rewrites the
 * rows of the accounts it touches in the same transaction, and restores write layers and rows
 * together. A reference to a missing layer is a StoredDataError naming the table and key.
 */
import type { Transaction } from 'dexie';
import type { PostLayerRecord, PostsRecord, PostsReferenceRecord, StoredPost, StoredPostsRecord } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import { comparePosts, postKey, postLayerId, sortPosts } from './merge';

/** The posts of a post layer, by the layer's id, where the caller has them in memory. */
export type LayerPostsLookup = (layerId: string) => readonly StoredPost[] | undefined;

/** A stored `posts` row in the reference form (it names layers); anything else is read as a full copy. */
export function isPostsReference(record: unknown): record is PostsReferenceRecord {
	return record !== null && typeof record === 'object' && 'layers' in record;
}

/** A lookup over post layer records (undo's, a restore's, the ones a read just loaded). */
export function layerLookup(layers: Iterable<Pick<PostLayerRecord, 'id' | 'posts'> | undefined>): LayerPostsLookup {
	const byId = new Map<string, readonly StoredPost[]>();
	for (const layer of layers) if (layer) byId.set(layer.id, layer.posts);
	return (layerId) => byId.get(layerId);
}

/**
 * The form to store an account's merged posts in (`posts` in sortPosts order): a reference to the
 * layers they are when `layerPostsOf` has them all, else the record itself.
 */
export function storedPostsForm(record: PostsRecord, layerPostsOf: LayerPostsLookup): StoredPostsRecord {
	const layers = sourceLayersOf(record, layerPostsOf);
	return layers === null ? record : { accountId: record.accountId, layers, count: record.posts.length };
}

export type LayerPart = PostsReferenceRecord['layers'][number];

/** The layers (each minus the posts left out) whose posts `record.posts` are, by import id; or null. */
export function sourceLayersOf(record: PostsRecord, layerPostsOf: LayerPostsLookup): LayerPart[] | null {
	const { accountId, posts } = record;
	if (posts.length === 0) return null;
	// resolving sorts the layers' posts: that gives back this list only if it is in that order and
	// no two of its posts tie in it
	for (let i = 1; i < posts.length; i++) if (comparePosts(posts[i - 1], posts[i]) >= 0) return null;
	const groups = new Map<number, StoredPost[]>();
	for (const post of posts) {
		const group = groups.get(post.sourceImportId);
		if (group) group.push(post);
		else groups.set(post.sourceImportId, [post]);
	}
	const parts: LayerPart[] = [];
	for (const importId of [...groups.keys()].sort((a, b) => a - b)) {
		const layerId = postLayerId(importId, accountId);
		const layer = layerPostsOf(layerId);
		if (!layer) return null;
		const without = leftOut(groups.get(importId)!, layer);
		if (without === null) return null;
		parts.push({ layerId, without });
	}
	return parts;
}

/**
 * The keys of the layer's posts that are not among `group` (the merged posts from its import), when
 * leaving the posts with those keys out of the layer gives exactly `group`; else null.
 */
function leftOut(group: readonly StoredPost[], layer: readonly StoredPost[]): string[] | null {
	if (layer.length < group.length) return null;
	// the layer's own objects (commit, undo, rebuild)
	const mine = new Set(group);
	let kept = 0;
	const without: string[] = [];
	for (const post of layer) {
		if (mine.has(post)) kept++;
		else without.push(postKey(post));
	}
	if (kept === group.length && mine.size === group.length) {
		if (without.length === 0) return without;
		// a post kept and one left out with the same key: leaving out by key would drop both
		const out = new Set(without);
		return group.some((post) => out.has(postKey(post))) ? null : without;
	}
	// copies (a validated restore, the upgrade): each merged post equal to the layer's version of it
	const byKey = new Map<string, StoredPost>();
	for (const post of layer) byKey.set(postKey(post), post);
	if (byKey.size !== layer.length) return null;
	const matched = new Set<string>();
	for (const post of group) {
		const key = postKey(post);
		const version = byKey.get(key);
		if (version === undefined || matched.has(key) || (version !== post && !sameValue(version, post))) return null;
		matched.add(key);
	}
	return [...byKey.keys()].filter((key) => !matched.has(key));
}

/** Equal as stored data: the same keys and, recursively, the same values (`Object.is` for primitives). */
function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	if (keysA.length !== keysB.length) return false;
	for (const key of keysA) {
		if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
		if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
	}
	return true;
}

/** The layers a list of stored rows names, each once. */
export function referencedLayerIds(rows: readonly unknown[]): string[] {
	const ids = new Set<string>();
	for (const row of rows) {
		if (!isPostsReference(row) || !Array.isArray(row.layers)) continue;
		for (const part of row.layers as unknown[]) {
			const layerId = (part as { layerId?: unknown } | null)?.layerId;
			if (typeof layerId === 'string') ids.add(layerId);
		}
	}
	return [...ids];
}

// i18n-exempt: StoredDataError details, worded like db/queries' shape checks; the page puts them after its own translated sentence
const PROBLEMS = {
	badReference: 'layers: expected post layer ids, each with the keys of the posts left out, and a count of posts',
	missingLayer: (layerId: string) => `layers: the post layer ${JSON.stringify(layerId)} is not stored`,
	otherLayer: (layerId: string) => `layers: the post layer ${JSON.stringify(layerId)} is another account's or holds no list of posts`,
	wrongCount: (held: number, count: number) => `count: the post layers hold ${held} of these posts, not ${count}`
} as const;

function keyOf(post: unknown): string {
	return post !== null && typeof post === 'object' ? postKey(post as StoredPost) : '';
}

/**
 * The posts a reference row stands for, unsorted (the named layers' posts, less the ones left out),
 * or the problem with it: `layerOf` gives a layer as read (undefined when not stored). Shared with
 * the post-reads worker, which reads IndexedDB without Dexie and sorts only the days.
 */
export function referencedPosts(row: PostsReferenceRecord, layerOf: (layerId: string) => unknown): unknown[] | string {
	const { layers, count } = row as { layers: unknown; count: unknown };
	if (!Array.isArray(layers) || layers.length === 0 || !Number.isInteger(count) || (count as number) < 0) return PROBLEMS.badReference;
	const posts: unknown[] = [];
	for (const part of layers as unknown[]) {
		const { layerId, without } = (part ?? {}) as { layerId?: unknown; without?: unknown };
		if (typeof layerId !== 'string' || !Array.isArray(without)) return PROBLEMS.badReference;
		const layer = layerOf(layerId);
		if (layer === undefined || layer === null) return PROBLEMS.missingLayer(layerId);
		const { accountId, posts: layerPosts } = layer as { accountId?: unknown; posts?: unknown };
		if (accountId !== row.accountId || !Array.isArray(layerPosts)) return PROBLEMS.otherLayer(layerId);
		if (without.length === 0) {
			for (const post of layerPosts) posts.push(post);
			continue;
		}
		const out = new Set(without);
		for (const post of layerPosts) if (!out.has(keyOf(post))) posts.push(post);
	}
	if (posts.length !== count) return PROBLEMS.wrongCount(posts.length, count as number);
	return posts;
}

/**
 * The record a stored row stands for: a full copy as it is (readers check its shape as before), a
 * reference as the named layers' posts in sortPosts order (a new array; the posts are the layers').
 * Throws a StoredDataError for a reference whose layers are missing or do not match.
 */
export function resolvePostsRow<Row>(row: Row, layerOf: (layerId: string) => unknown): Exclude<Row, PostsReferenceRecord> | PostsRecord {
	if (!isPostsReference(row)) return row as Exclude<Row, PostsReferenceRecord>;
	const posts = referencedPosts(row, layerOf);
	if (typeof posts === 'string') throw new StoredDataError('posts', row.accountId, posts);
	return { accountId: row.accountId, posts: sortPosts(posts as StoredPost[]) };
}

/**
 * Stored rows resolved with the layers they name, read with `database` (called inside a transaction
 * that holds both tables, so no undo can come between the row and its layer).
 */
async function resolveRows<Row>(
	database: ChorusDatabase,
	rows: readonly Row[],
	layersRead?: Map<string, readonly StoredPost[]>
): Promise<(Exclude<Row, PostsReferenceRecord> | PostsRecord)[]> {
	const layerIds = referencedLayerIds(rows);
	if (layerIds.length === 0) return rows as (Exclude<Row, PostsReferenceRecord> | PostsRecord)[];
	const layers = await database.postLayers.bulkGet(layerIds);
	const byId = new Map<string, PostLayerRecord>();
	layers.forEach((layer, index) => {
		if (layer) byId.set(layerIds[index], layer);
	});
	const resolved = rows.map((row) => resolvePostsRow(row, (layerId) => byId.get(layerId)));
	for (const [layerId, layer] of byId) layersRead?.set(layerId, layer.posts);
	return resolved;
}

/**
 * Some accounts' merged posts (undefined: none stored), in one read transaction over `posts` and
 * `postLayers` (inside a caller's transaction, which must hold both). Rows come back unchecked, as
 * `database.posts.bulkGet` gave them before: the readers check their shape. `layersRead` gets the
 * posts of every layer a reference named (commit keeps them, to store the row the same way again).
 */
export function readMergedPosts(
	database: ChorusDatabase,
	accountIds: readonly string[],
	layersRead?: Map<string, readonly StoredPost[]>
): Promise<(PostsRecord | undefined)[]> {
	return database.transaction('r', database.posts, database.postLayers, async () =>
		resolveRows(database, await database.posts.bulkGet([...accountIds]), layersRead)
	) as Promise<(PostsRecord | undefined)[]>;
}

/** Every account's merged posts, by account id, resolved as readMergedPosts does. */
export function readAllMergedPosts(database: ChorusDatabase): Promise<PostsRecord[]> {
	return database.transaction('r', database.posts, database.postLayers, async () =>
		resolveRows(database, await database.posts.toArray())
	) as Promise<PostsRecord[]>;
}

/** Rows read per round trip by the upgrade: a handful, so one account's posts at a time stay small in memory. */
const UPGRADE_CHUNK = 8;

/**
 * The schema version 2 upgrade: every `posts` row whose posts are its layers' posts becomes a
 * reference to them. Compared field by field (the row and the layers are separate copies on disk);
 * a row that is not in the expected shape stays as it is, for the read checks to report, rather
 * than stop the database from opening.
 */
export async function storeMergedPostsByReference(transaction: Transaction): Promise<void> {
	const posts = transaction.table('posts');
	const layers = transaction.table('postLayers');
	const keys = await posts.toCollection().primaryKeys();
	for (let start = 0; start < keys.length; start += UPGRADE_CHUNK) {
		const rows: unknown[] = await posts.bulkGet(keys.slice(start, start + UPGRADE_CHUNK));
		const candidates = rows.filter(isFullCopy);
		if (candidates.length === 0) continue;
		const layerIds = [...new Set(candidates.flatMap(sourceLayerIds))];
		const found: unknown[] = await layers.bulkGet(layerIds);
		const byId = new Map<string, readonly StoredPost[]>();
		found.forEach((layer, index) => {
			const { accountId, posts: layerPosts } = (layer ?? {}) as Partial<PostLayerRecord>;
			const layerId = layerIds[index];
			if (Array.isArray(layerPosts) && layerId.slice(layerId.indexOf('|') + 1) === accountId) byId.set(layerId, layerPosts);
		});
		const rewritten: PostsReferenceRecord[] = [];
		for (const row of candidates) {
			try {
				const form = storedPostsForm(row, (layerId) => byId.get(layerId));
				if (isPostsReference(form)) rewritten.push(form);
			} catch {
				// a malformed post: the row stays a full copy
			}
		}
		if (rewritten.length > 0) await posts.bulkPut(rewritten);
	}
}

/** A row holding a list of posts, each naming its import. */
function isFullCopy(row: unknown): row is PostsRecord {
	if (row === null || typeof row !== 'object') return false;
	const { accountId, posts } = row as { accountId?: unknown; posts?: unknown };
	return (
		typeof accountId === 'string' &&
		Array.isArray(posts) &&
		posts.length > 0 &&
		posts.every((post) => Number.isInteger((post as { sourceImportId?: unknown } | null)?.sourceImportId))
	);
}

/** The post layers a full copy's posts can come from: its account's layer of each import they name. */
function sourceLayerIds(row: PostsRecord): string[] {
	return [...new Set(row.posts.map((post) => post.sourceImportId))].map((importId) => postLayerId(importId, row.accountId));
}
