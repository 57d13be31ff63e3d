/**
 * Property test for the two stored forms of merged posts (merged-posts.ts), through real storage
 * (fake-indexeddb): random posts exports of a few accounts, overlapping or covering each other,
 * committed one by one or in batches, then some undone, then the workspace restored elsewhere.
 * After every step each reader (getPosts, getAllPosts, getPostCounts, countStoredPosts, the
 * post-reads worker's day and count reading) gives exactly what a rebuild from the layers gives
 * (`rebuildPosts`, the rule that held before posts rows could name layers), and every row is in
 * the form the code writes for it: the layers its posts come from, each less the posts replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountRef, ParsedPost } from '../domain/model';
import { rebuildPosts } from '../snapshot/rebuild';
import { commitImport } from './commit';
import type { ChorusDatabase } from './database';
import { isPostsReference, layerLookup, readAllMergedPosts, storedPostsForm } from './merged-posts';
import { postCountOf, postDaysOf } from './post-reads';
import { countStoredPosts, getAllPosts, getPostCounts, getPosts, listImports } from './queries';
import { dispose, freshDatabase, importItem, parsedFile } from './test-support';
import { undoImport } from './undo';
import { exportAllTables, replaceAllTables } from './wipe';

const FIRST_DAY = 19723;
const ACCOUNTS: AccountRef[] = [
	{ platform: 'x', handle: 'one' },
	{ platform: 'x', handle: 'two' }
];

interface Export {
	account: number;
	coversUntil: number;
	posts: { postId: string; likes: number; day: number | null }[];
}

const exportArbitrary: fc.Arbitrary<Export> = fc.record({
	account: fc.integer({ min: 0, max: ACCOUNTS.length - 1 }),
	coversUntil: fc.integer({ min: 0, max: 30 }),
	posts: fc.uniqueArray(
		fc.record({
			postId: fc.constantFrom('1', '2', '3', '4'),
			likes: fc.integer({ min: 0, max: 3 }),
			day: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null })
		}),
		{ selector: (post) => post.postId, minLength: 1, maxLength: 4 }
	)
});

const scenarioArbitrary = fc.record({
	exports: fc.array(exportArbitrary, { minLength: 1, maxLength: 6 }),
	batchSize: fc.integer({ min: 1, max: 3 }),
	undo: fc.array(fc.nat(), { maxLength: 3 })
});

function itemOf(entry: Export, index: number) {
	const account = ACCOUNTS[entry.account];
	const posts: ParsedPost[] = entry.posts.map((post) => ({
		platform: 'x',
		postId: post.postId,
		account,
		publishedAt: post.day === null ? null : `2024-01-0${post.day + 1}T10:00`,
		day: post.day === null ? null : FIRST_DAY + post.day,
		text: `post ${post.postId}`,
		metrics: { likes: post.likes }
	}));
	return importItem(parsedFile({ fileName: `export-${index}.csv`, account, posts, coversUntil: FIRST_DAY + entry.coversUntil, rowCount: posts.length }));
}

/** Every reader against the rebuild, and every row in the form the code writes. Returns how many rows name layers, and how many leave posts out. */
async function check(database: ChorusDatabase): Promise<{ named: number; leavingOut: number }> {
	const [rows, layers, imports] = await Promise.all([database.posts.toArray(), database.postLayers.toArray(), database.imports.toArray()]);
	const rebuilt = rebuildPosts({ imports, postLayers: layers });
	const read = await readAllMergedPosts(database);
	expect(read).toStrictEqual(rebuilt);
	expect(read.map((record) => storedPostsForm(record, layerLookup(layers)))).toStrictEqual(rows);
	expect(await getAllPosts(database)).toStrictEqual(rebuilt.flatMap((record) => record.posts));
	expect(await countStoredPosts(database)).toBe(rebuilt.reduce((sum, record) => sum + record.posts.length, 0));
	expect(await getPostCounts(database)).toHaveLength(rebuilt.length);
	const layerById = new Map(layers.map((entry) => [entry.id, entry]));
	for (const record of rebuilt) {
		expect(await getPosts(database, record.accountId)).toStrictEqual(record.posts);
		const row = rows.find((entry) => entry.accountId === record.accountId);
		const days = postDaysOf(record.accountId, row, (id) => layerById.get(id)).days;
		expect([...days]).toEqual(record.posts.map((post) => post.day ?? Number.NaN));
		expect(postCountOf(row)).toBe(record.posts.length);
	}
	const named = rows.filter(isPostsReference);
	return { named: named.length, leavingOut: named.filter((row) => row.layers.some((part) => part.without.length > 0)).length };
}

describe('merged posts stored once or copied', () => {
	it('read back exactly as rebuilt from the layers, through commits, undos and a restore', async () => {
		let named = 0;
		let leavingOut = 0;
		let rowsSeen = 0;
		await fc.assert(
			fc.asyncProperty(scenarioArbitrary, async ({ exports, batchSize, undo }) => {
				const database = freshDatabase();
				const target = freshDatabase();
				try {
					const items = exports.map(itemOf);
					for (let from = 0; from < items.length; from += batchSize) {
						expect((await commitImport(database, items.slice(from, from + batchSize))).ok).toBe(true);
						const seen = await check(database);
						named += seen.named;
						leavingOut += seen.leavingOut;
						rowsSeen += await database.posts.count();
					}
					for (const pick of undo) {
						const stored = await listImports(database);
						if (stored.length === 0) break;
						expect((await undoImport(database, stored[pick % stored.length].id)).ok).toBe(true);
						await check(database);
					}
					const data = await exportAllTables(database);
					expect((await replaceAllTables(target, data)).ok).toBe(true);
					await check(target);
					expect(await target.posts.toArray()).toStrictEqual(await database.posts.toArray());
				} finally {
					await dispose(database);
					await dispose(target);
				}
			}),
			{ numRuns: 60 }
		);
		// every post layer was written by commit, so every row names its layers (a copy is only for
		// rows whose posts no layer at hand holds), and overlapping exports leave posts out
		expect(named).toBe(rowsSeen);
		expect(leavingOut).toBeGreaterThan(0);
	});
});
