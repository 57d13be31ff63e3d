/**
 * The two stored forms of an account's merged posts (merged-posts.ts): which one is chosen, that
 * every reader gets the same posts either way, and that commit, undo, restore, wipe and the
 * version 2 upgrade never leave a reference without its layer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRef } from '../domain/model';
import type { PostLayerRecord, PostsRecord, StoredPost } from '../schemas/db-records';
import { rebuildPosts } from '../snapshot/rebuild';
import { commitImport } from './commit';
import { SCHEMA_VERSIONS, openDatabase, type ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import { newId } from './ids';
import { overlayPosts, rankOfImport, sortPosts } from './merge';
import { isPostsReference, layerLookup, readAllMergedPosts, resolvePostsRow, sourceLayersOf, storedPostsForm } from './merged-posts';
import { postCountOf, postDaysOf } from './post-reads';
import { countStoredPosts, getAllPosts, getPostCounts, getPosts, listImports } from './queries';
import { ACME_X, ACME_X_ID, dispose, freshDatabase, importItem, parsedFile, post } from './test-support';
import { undoImport } from './undo';
import { clearWorkspace, exportAllTables, replaceAllTables } from './wipe';

function stored(importId: number, postId: string, day: number | null, metrics: StoredPost['metrics'] = {}, accountId = 'x:a'): StoredPost {
	return {
		platform: 'x',
		postId,
		accountId,
		sourceImportId: importId,
		publishedAt: day === null ? null : `2024-01-0${(day % 9) + 1}T10:00`,
		day,
		text: `post ${postId}`,
		metrics
	};
}

function layer(importId: number, posts: StoredPost[], accountId = 'x:a'): PostLayerRecord {
	return { id: `${importId}|${accountId}`, importId, accountId, posts };
}

/** What the merge gives for these layers, as commit and rebuild compute it. */
function merged(layers: PostLayerRecord[]): PostsRecord {
	const rankOf = (importId: number) => rankOfImport({ id: importId, coversUntil: importId, lastDay: null });
	const byKey = new Map<string, StoredPost>();
	for (const entry of layers) overlayPosts(byKey, entry.posts, rankOf(entry.importId), rankOf);
	return { accountId: layers[0].accountId, posts: sortPosts([...byKey.values()]) };
}

const whole = (layerId: string) => ({ layerId, without: [] });

describe('storedPostsForm', () => {
	it('names the layer when the account has one posts export', () => {
		const only = layer(1, [stored(1, '2', 19725), stored(1, '1', 19724), stored(1, '3', null)]);
		const record = merged([only]);
		expect(storedPostsForm(record, layerLookup([only]))).toEqual({ accountId: 'x:a', layers: [whole('1|x:a')], count: 3 });
	});

	it('names only the newest layer when it covers every older one', () => {
		const older = layer(1, [stored(1, '1', 19724, { likes: 1 }), stored(1, '2', 19725, { likes: 2 })]);
		const newest = layer(2, [stored(2, '3', 19726), stored(2, '2', 19725, { likes: 5 }), stored(2, '1', 19724, { likes: 4 })]);
		// the order the imports came in does not matter: the newest export wins every post
		for (const order of [[older, newest], [newest, older]]) {
			expect(storedPostsForm(merged(order), layerLookup(order))).toEqual({ accountId: 'x:a', layers: [whole('2|x:a')], count: 3 });
		}
	});

	it('names every layer of exports that do not overlap (a year of posts each)', () => {
		const first = layer(1, [stored(1, '1', 19724), stored(1, '2', 19725)]);
		const second = layer(2, [stored(2, '3', 19726), stored(2, '4', 19727)]);
		const record = merged([second, first]);
		expect(storedPostsForm(record, layerLookup([first, second]))).toEqual({ accountId: 'x:a', layers: [whole('1|x:a'), whole('2|x:a')], count: 4 });
	});

	it('leaves out of an older layer the posts a newer export replaced', () => {
		const older = layer(1, [stored(1, '1', 19724), stored(1, '2', 19725)]);
		const newer = layer(2, [stored(2, '2', 19725, { likes: 5 }), stored(2, '3', 19726)]);
		const record = merged([older, newer]);
		expect(record.posts.map((entry) => entry.sourceImportId)).toEqual([1, 2, 2]);
		expect(storedPostsForm(record, layerLookup([older, newer]))).toEqual({
			accountId: 'x:a',
			layers: [{ layerId: '1|x:a', without: ['x:2'] }, whole('2|x:a')],
			count: 3
		});
	});

	it('keeps the posts when the winning layer lists a post twice (the merge keeps one of them)', () => {
		const twice = layer(1, [stored(1, '1', 19724, { likes: 1 }), stored(1, '1', 19724, { likes: 9 }), stored(1, '2', 19725)]);
		const record = merged([twice]);
		expect(record.posts).toHaveLength(2);
		expect(storedPostsForm(record, layerLookup([twice]))).toBe(record);
		// and by value: two equal copies of a post in a layer are still two posts
		const copies = layer(1, [stored(1, '1', 19724), stored(1, '1', 19724)]);
		expect(sourceLayersOf({ accountId: 'x:a', posts: [stored(1, '1', 19724)] }, layerLookup([copies]))).toBeNull();
	});

	it('recognises copies of the layers’ posts field by field, and nothing short of equal', () => {
		const only = layer(1, [stored(1, '1', 19724, { likes: 1 }), stored(1, '2', 19725, { likes: 2 })]);
		const copy = structuredClone(merged([only]));
		expect(storedPostsForm(copy, layerLookup([only]))).toEqual({ accountId: 'x:a', layers: [whole('1|x:a')], count: 2 });
		const fewer = { accountId: 'x:a', posts: [structuredClone(copy.posts[1])] };
		expect(storedPostsForm(fewer, layerLookup([only]))).toEqual({ accountId: 'x:a', layers: [{ layerId: '1|x:a', without: ['x:1'] }], count: 1 });
		const changed = structuredClone(copy);
		changed.posts[1].metrics.likes = 3;
		expect(storedPostsForm(changed, layerLookup([only]))).toBe(changed);
		const extra = structuredClone(copy);
		extra.posts[0].link = 'https://x.com/a/status/1';
		expect(storedPostsForm(extra, layerLookup([only]))).toBe(extra);
		const undefinedField = structuredClone(copy);
		undefinedField.posts[0].type = undefined;
		expect(storedPostsForm(undefinedField, layerLookup([only]))).toBe(undefinedField);
	});

	it('keeps the posts when a layer is not at hand, the list is empty, or not in the merged order', () => {
		const only = layer(1, [stored(1, '1', 19724), stored(1, '2', 19725)]);
		const record = merged([only]);
		expect(storedPostsForm(record, () => undefined)).toBe(record);
		const two = merged([only, layer(2, [stored(2, '3', 19726)])]);
		expect(storedPostsForm(two, layerLookup([only]))).toBe(two);
		expect(storedPostsForm({ accountId: 'x:a', posts: [] }, layerLookup([only]))).toEqual({ accountId: 'x:a', posts: [] });
		const reversed = { accountId: 'x:a', posts: [...record.posts].reverse() };
		expect(storedPostsForm(reversed, layerLookup([only]))).toBe(reversed);
	});
});

describe('resolvePostsRow', () => {
	const only = layer(1, [stored(1, '2', 19725), stored(1, '3', null), stored(1, '1', 19724)]);
	const byId = (id: string) => (id === only.id ? only : undefined);

	it('gives the layer’s posts in the merged order, and a full copy as it is', () => {
		const resolved = resolvePostsRow({ accountId: 'x:a', layers: [whole('1|x:a')], count: 3 }, byId);
		expect(resolved).toEqual(merged([only]));
		expect(resolved.posts[0]).toBe(only.posts[2]);
		expect(only.posts.map((entry) => entry.postId)).toEqual(['2', '3', '1']);
		const copy = merged([only]);
		expect(resolvePostsRow(copy, byId)).toBe(copy);
	});

	it('leaves out the posts it lists', () => {
		const resolved = resolvePostsRow({ accountId: 'x:a', layers: [{ layerId: '1|x:a', without: ['x:3', 'x:2'] }], count: 1 }, byId);
		expect(resolved.posts).toEqual([only.posts[2]]);
	});

	it('raises a StoredDataError naming the table and key for a reference without its layer', () => {
		const read = (row: unknown) => () => resolvePostsRow(row, byId);
		const missing = { accountId: 'x:a', layers: [whole('1|x:a'), whole('7|x:a')], count: 3 };
		expect(read(missing)).toThrow(StoredDataError);
		expect(read(missing)).toThrow(expect.objectContaining({ table: 'posts', recordKey: 'x:a' }));
		expect(read(missing)).toThrow('7|x:a');
		expect(read({ accountId: 'x:a', layers: [whole('1|x:a')], count: 4 })).toThrow('hold 3 of these posts, not 4');
		expect(read({ accountId: 'x:b', layers: [whole('1|x:a')], count: 3 })).toThrow('another account');
		expect(read({ accountId: 'x:a', layers: [{ layerId: 5 }], count: 3 })).toThrow('expected post layer ids');
		expect(read({ accountId: 'x:a', layers: [], count: 0 })).toThrow('expected post layer ids');
	});
});

describe('the post-reads worker’s reading of a row that names its layer', () => {
	it('gives the days and count a full copy gives', () => {
		const only = layer(1, [stored(1, '2', 19725), stored(1, '3', null), stored(1, '1', 19724), stored(1, '0', 19724)]);
		const copy = merged([only]);
		const reference = storedPostsForm(copy, layerLookup([only]));
		expect(isPostsReference(reference)).toBe(true);
		const fromCopy = postDaysOf('x:a', copy);
		const fromReference = postDaysOf('x:a', reference, (id) => (id === only.id ? only : undefined));
		expect([...fromReference.days]).toEqual([...fromCopy.days]);
		expect([...fromCopy.days]).toEqual([19724, 19724, 19725, Number.NaN]);
		expect(postCountOf(reference)).toBe(postCountOf(copy));
		expect(() => postDaysOf('x:a', reference)).toThrow('is not stored');
	});
});

// ───────────────────────────── through storage (fake-indexeddb) ─────────────────────────────

const LABS: AccountRef = { platform: 'x', handle: 'AcmeLabs' };
const LABS_ID = 'x:acmelabs';

const opened: ChorusDatabase[] = [];
function fresh(): ChorusDatabase {
	const database = freshDatabase();
	opened.push(database);
	return database;
}
afterEach(async () => {
	for (const database of opened.splice(0)) await dispose(database);
});

/** A posts export of one account: `ids` as posts with `likes`, covering until `until`. */
function postsExport(account: AccountRef, name: string, until: string, ids: string[], likes: number) {
	const posts = ids.map((id, index) => post(account, id, `2024-01-${String((index % 9) + 1).padStart(2, '0')}`, { likes: likes + index }, `${name} ${id}`));
	return importItem(parsedFile({ fileName: `${name}.csv`, account, posts, coversUntil: Number(new Date(until)) / 86_400_000, rowCount: posts.length }));
}

/** Per account: the layers its row names (`-n`: n posts left out), or how many posts it copies. */
async function rows(database: ChorusDatabase) {
	return Object.fromEntries(
		(await database.posts.toArray()).map((row) => [
			row.accountId,
			isPostsReference(row)
				? row.layers.map(({ layerId, without }) => (without.length > 0 ? `${layerId}-${without.length}` : layerId)).join(' + ')
				: `${row.posts.length} posts`
		])
	);
}

/** Every read gives what a rebuild from the layers gives, and each row is in the form the code writes. */
async function expectConsistent(database: ChorusDatabase) {
	const [storedRows, layers, imports] = await Promise.all([database.posts.toArray(), database.postLayers.toArray(), database.imports.toArray()]);
	const rebuilt = rebuildPosts({ imports, postLayers: layers });
	const read = await readAllMergedPosts(database);
	expect(read).toStrictEqual(rebuilt);
	expect(read.map((record) => storedPostsForm(record, layerLookup(layers)))).toStrictEqual(storedRows);
	for (const record of rebuilt) expect(await getPosts(database, record.accountId)).toStrictEqual(record.posts);
	expect(await getAllPosts(database)).toStrictEqual(rebuilt.flatMap((record) => record.posts));
	expect(await countStoredPosts(database)).toBe(rebuilt.reduce((sum, record) => sum + record.posts.length, 0));
	expect((await getPostCounts(database)).map((count) => count.posts)).toEqual(rebuilt.map((record) => record.posts.length));
	const layerById = new Map(layers.map((entry) => [entry.id, entry]));
	for (const row of storedRows) {
		const days = postDaysOf(row.accountId, row, (id) => layerById.get(id)).days;
		const expected = rebuilt.find((record) => record.accountId === row.accountId)!.posts.map((entry) => entry.day ?? Number.NaN);
		expect([...days]).toEqual(expected);
	}
}

async function importId(database: ChorusDatabase, fileName: string): Promise<number> {
	return (await listImports(database)).find((record) => record.fileName === fileName)!.id;
}

describe('stored through commit, undo, restore and wipe', () => {
	it('names one export’s layer, the newest export’s when it covers the older, both less the overlap when they overlap', async () => {
		const database = fresh();
		expect((await commitImport(database, [postsExport(ACME_X, 'jan', '2024-01-31', ['1', '2'], 1)])).ok).toBe(true);
		expect((await commitImport(database, [postsExport(LABS, 'labs-jan', '2024-01-31', ['7', '8'], 1)])).ok).toBe(true);
		const ids = { jan: await importId(database, 'jan.csv'), labsJan: await importId(database, 'labs-jan.csv') };
		expect(await rows(database)).toEqual({ [ACME_X_ID]: `${ids.jan}|${ACME_X_ID}`, [LABS_ID]: `${ids.labsJan}|${LABS_ID}` });
		await expectConsistent(database);

		// a newer export with every older post: only it; a newer one with some: both, the older without the overlap
		expect((await commitImport(database, [postsExport(ACME_X, 'feb', '2024-02-29', ['1', '2', '3'], 10)])).ok).toBe(true);
		expect((await commitImport(database, [postsExport(LABS, 'labs-feb', '2024-02-29', ['8', '9'], 10)])).ok).toBe(true);
		const feb = await importId(database, 'feb.csv');
		const labsFeb = await importId(database, 'labs-feb.csv');
		expect(await rows(database)).toEqual({ [ACME_X_ID]: `${feb}|${ACME_X_ID}`, [LABS_ID]: `${ids.labsJan}|${LABS_ID}-1 + ${labsFeb}|${LABS_ID}` });
		await expectConsistent(database);

		// an older export imported afterwards, with posts the newest has: still the newest layer
		expect((await commitImport(database, [postsExport(ACME_X, 'dec', '2023-12-31', ['1', '2'], 100)])).ok).toBe(true);
		expect((await rows(database))[ACME_X_ID]).toBe(`${feb}|${ACME_X_ID}`);
		await expectConsistent(database);
		// one with a post nobody else has: that layer too
		expect((await commitImport(database, [postsExport(ACME_X, 'nov', '2023-11-30', ['0'], 100)])).ok).toBe(true);
		const nov = await importId(database, 'nov.csv');
		expect((await rows(database))[ACME_X_ID]).toBe(`${feb}|${ACME_X_ID} + ${nov}|${ACME_X_ID}`);
		await expectConsistent(database);
	});

	it('rewrites the row when the import it names is undone, and when another is', async () => {
		const database = fresh();
		for (const item of [
			postsExport(ACME_X, 'jan', '2024-01-31', ['1', '2'], 1),
			postsExport(ACME_X, 'feb', '2024-02-29', ['1', '2', '3'], 10),
			postsExport(LABS, 'labs-jan', '2024-01-31', ['7', '8'], 1),
			postsExport(LABS, 'labs-feb', '2024-02-29', ['8', '9'], 10)
		]) {
			expect((await commitImport(database, [item])).ok).toBe(true);
		}
		const jan = await importId(database, 'jan.csv');
		const labsJan = await importId(database, 'labs-jan.csv');
		// undo the named import: back to the older layer, named again
		expect((await undoImport(database, await importId(database, 'feb.csv'))).ok).toBe(true);
		expect((await rows(database))[ACME_X_ID]).toBe(`${jan}|${ACME_X_ID}`);
		await expectConsistent(database);
		// undo the import that replaced a post of the other layer: the other layer, whole
		expect((await undoImport(database, await importId(database, 'labs-feb.csv'))).ok).toBe(true);
		expect((await rows(database))[LABS_ID]).toBe(`${labsJan}|${LABS_ID}`);
		await expectConsistent(database);
		// undo an import another account's row does not name: that row stays as it was
		const before = (await database.posts.toArray()).find((row) => row.accountId === LABS_ID);
		expect((await undoImport(database, jan)).ok).toBe(true);
		expect(await rows(database)).toEqual({ [LABS_ID]: `${labsJan}|${LABS_ID}` });
		expect((await database.posts.toArray()).find((row) => row.accountId === LABS_ID)).toEqual(before);
		await expectConsistent(database);
		// the last one: no posts row, no layer
		expect((await undoImport(database, labsJan)).ok).toBe(true);
		expect(await database.posts.count()).toBe(0);
		expect(await database.postLayers.count()).toBe(0);
	});

	it('restores and exports the posts as readers see them, storing references; wipe leaves nothing', async () => {
		const source = fresh();
		for (const item of [
			postsExport(ACME_X, 'jan', '2024-01-31', ['1', '2'], 1),
			postsExport(ACME_X, 'feb', '2024-02-29', ['1', '2', '3'], 10),
			postsExport(LABS, 'labs-jan', '2024-01-31', ['7', '8'], 1),
			postsExport(LABS, 'labs-feb', '2024-02-29', ['8', '9'], 10)
		]) {
			expect((await commitImport(source, [item])).ok).toBe(true);
		}
		const data = await exportAllTables(source);
		// exported as every reader gets them, never as a reference
		expect(data.posts).toStrictEqual(rebuildPosts(data));
		const target = fresh();
		expect((await replaceAllTables(target, data)).ok).toBe(true);
		expect(await rows(target)).toEqual(await rows(source));
		expect(await exportAllTables(target)).toEqual(data);
		await expectConsistent(target);

		expect(await clearWorkspace(target)).toEqual({ ok: true });
		expect(await database(target)).toEqual({ posts: 0, postLayers: 0 });
		expect(await getAllPosts(target)).toEqual([]);
	});

	it('keeps a row stored as a copy right through a commit that cannot name its layers', async () => {
		const database = fresh();
		expect((await commitImport(database, [postsExport(ACME_X, 'jan', '2024-01-31', ['1', '2'], 1)])).ok).toBe(true);
		// as version 1 stored it (a row the upgrade left, say): the posts themselves, separate copies
		await database.posts.put((await readAllMergedPosts(database))[0]);
		expect((await rows(database))[ACME_X_ID]).toBe('2 posts');
		expect((await commitImport(database, [postsExport(ACME_X, 'feb', '2024-02-29', ['2', '3'], 10)])).ok).toBe(true);
		expect((await rows(database))[ACME_X_ID]).toBe('3 posts');
		const [imports, postLayers] = await Promise.all([database.imports.toArray(), database.postLayers.toArray()]);
		expect(await readAllMergedPosts(database)).toStrictEqual(rebuildPosts({ imports, postLayers }));
		// an undo reads every remaining layer of the account, and names them
		expect((await undoImport(database, await importId(database, 'feb.csv'))).ok).toBe(true);
		expect((await rows(database))[ACME_X_ID]).toBe(`${await importId(database, 'jan.csv')}|${ACME_X_ID}`);
		await expectConsistent(database);
	});

	it('reports a row that names a missing layer as stored data in the wrong shape', async () => {
		const database = fresh();
		await database.posts.put({ accountId: ACME_X_ID, layers: [whole(`9|${ACME_X_ID}`)], count: 2 });
		await expect(getPosts(database, ACME_X_ID)).rejects.toThrow(StoredDataError);
		await expect(getPosts(database, ACME_X_ID)).rejects.toMatchObject({ table: 'posts', recordKey: ACME_X_ID });
		await expect(getAllPosts(database)).rejects.toThrow(`9|${ACME_X_ID}`);
		// counting trusts the count, as it trusts a list's length
		expect(await countStoredPosts(database)).toBe(2);
	});
});

async function database(target: ChorusDatabase) {
	return { posts: await target.posts.count(), postLayers: await target.postLayers.count() };
}

describe('the version 2 upgrade', () => {
	it('names the layers of every row whose posts they are, more rows than it reads at once, and leaves the rest', async () => {
		const name = `chorus-upgrade-${newId()}`;
		const layers: PostLayerRecord[] = [];
		const rowsV1: unknown[] = [];
		const expected: Record<string, string> = {};
		for (let index = 0; index < 20; index++) {
			const accountId = `x:account${index}`;
			const posts = (importId: number, ids: string[], likes: number) => ids.map((id) => stored(importId, id, 19723 + Number(id), { likes }, accountId));
			const older = layer(1, posts(1, ['1', '2'], 1), accountId);
			const newer = layer(2, posts(2, index % 4 === 1 ? ['2', '3'] : ['1', '2', '3'], 2), accountId);
			layers.push(older, newer);
			const record = merged([older, newer]);
			const copy = { accountId, posts: structuredClone(record.posts) };
			switch (index % 4) {
				case 0: // the newest covers everything: named
					expected[accountId] = newer.id;
					break;
				case 1: // overlapping: both layers, the older without the post the newer replaced
					expected[accountId] = `${older.id}-1 + ${newer.id}`;
					break;
				case 2: // one post differs from the layer's version: stays a copy
					copy.posts[0].metrics = { likes: 99 };
					expected[accountId] = '3 posts';
					break;
				case 3: // only the older export: named
					copy.posts = structuredClone(older.posts);
					layers.pop();
					expected[accountId] = older.id;
					break;
			}
			rowsV1.push(copy);
		}
		rowsV1.push({ accountId: 'x:broken', posts: [null, { sourceImportId: 1 }] });
		expected['x:broken'] = '2 posts';

		const old = openDatabase(name, { versions: SCHEMA_VERSIONS.filter((entry) => entry.version < 2) });
		await old.transaction('rw', old.postLayers, old.posts, async () => {
			await old.postLayers.bulkAdd(layers);
			await old.posts.bulkAdd(rowsV1 as PostsRecord[]);
		});
		old.close();

		const current = openDatabase(name);
		opened.push(current);
		await current.open();
		expect(await rows(current)).toEqual(expected);
		// every row that the upgrade turned into a reference reads back as the copy it was
		const read = new Map((await readAllMergedPosts(current)).map((record) => [record.accountId, record]));
		for (const row of rowsV1 as PostsRecord[]) {
			if (row.accountId === 'x:broken') continue;
			expect(read.get(row.accountId)).toStrictEqual(row);
		}
	});
});
