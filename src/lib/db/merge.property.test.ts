/**
 * Property tests for storing imports (fake-indexeddb): random overlapping exports of one account,
 * committed in random orders, against a plain-language oracle.
 *
 * - Newest export wins, whatever the order: the merged value of a day is the value of the export
 *   that covers the latest period among those giving that day, so the order files are imported in
 *   changes nothing. (Two exports covering the same period are told apart by import order: the
 *   later import wins. That is order-dependent on purpose, so the generator avoids such ties.)
 * - Importing is idempotent: the same files again store nothing and change nothing.
 * - Undo is the inverse of import: importing A, B, C and undoing B leaves exactly what importing
 *   A and C leaves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedPost } from '../domain/model';
import { commitImport } from './commit';
import type { ChorusDatabase } from './database';
import { getMergedSeries, getPosts, listImports } from './queries';
import { ACME_X, ACME_X_ID, dispose, freshDatabase, parsedFile } from './test-support';
import type { ImportItem } from './prepare';
import { undoImport } from './undo';
import { exportAllTables } from './wipe';

const FIRST_DAY = 19723; // 2024-01-01

interface Export {
	/** Distinct per export: the period it covers ends here. */
	coversUntil: number;
	startDay: number;
	values: (number | null)[];
	posts: { postId: string; impressions: number }[];
}

const exportsArbitrary = fc
	.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 4 })
	.chain((ends) =>
		fc.tuple(
			...ends.map((end) =>
				fc.record({
					coversUntil: fc.constant(FIRST_DAY + end),
					startDay: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + end }),
					values: fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(null)), { minLength: 1, maxLength: 40 }),
					posts: fc.uniqueArray(
						fc.record({ postId: fc.constantFrom('101', '102', '103', '104', '105'), impressions: fc.integer({ min: 0, max: 5000 }) }),
						{ selector: (post) => post.postId, maxLength: 4 }
					)
				})
			)
		)
	)
	.map((exports) =>
		exports.map((entry) => {
			// a file's own days never run past the period it covers
			const room = entry.coversUntil - entry.startDay + 1;
			return { ...entry, values: entry.values.slice(0, room) };
		})
	);

function itemOf(entry: Export, index: number): ImportItem {
	const days: number[] = [];
	const values: number[] = [];
	entry.values.forEach((value, offset) => {
		if (value === null) return;
		days.push(entry.startDay + offset);
		values.push(value);
	});
	const posts: ParsedPost[] = entry.posts.map((post) => ({
		platform: 'x',
		postId: post.postId,
		account: ACME_X,
		publishedAt: null,
		day: FIRST_DAY,
		text: `post ${post.postId}`,
		metrics: { impressions: post.impressions }
	}));
	return {
		parsed: parsedFile({
			fileName: `export-${index}.csv`,
			series: days.length > 0 ? [{ account: ACME_X, metric: 'impressions', days, values }] : [],
			posts,
			coversUntil: entry.coversUntil,
			rowCount: entry.values.length
		}),
		fileName: `export-${index}.csv`,
		size: 100 + index,
		sha256: String(index + 1).padStart(64, '0')
	};
}

/** A file with no values and no posts: never stored, so there is nothing to undo. */
const empty = (entry: Export) => entry.posts.length === 0 && entry.values.every((value) => value === null);

/** What a person expects to see: per day and per post, the export covering the latest period wins. */
function oracle(exports: readonly Export[]) {
	const byNewest = [...exports].sort((a, b) => b.coversUntil - a.coversUntil);
	const days = new Map<number, number>();
	const posts = new Map<string, number>();
	for (const entry of byNewest) {
		entry.values.forEach((value, offset) => {
			if (value !== null && !days.has(entry.startDay + offset)) days.set(entry.startDay + offset, value);
		});
		for (const post of entry.posts) if (!posts.has(post.postId)) posts.set(post.postId, post.impressions);
	}
	return { days: [...days].sort((a, b) => a[0] - b[0]), posts: [...posts].sort((a, b) => a[0].localeCompare(b[0])) };
}

async function stored(database: ChorusDatabase) {
	const days: [number, number][] = [];
	for (const series of await getMergedSeries(database, { metric: 'impressions' })) {
		series.values.forEach((value, offset) => {
			if (!Number.isNaN(value)) days.push([series.startDay + offset, value]);
		});
	}
	const posts = (await getPosts(database, ACME_X_ID)).map((post) => [post.postId, post.metrics.impressions] as [string, number]);
	return { days, posts: posts.sort((a, b) => a[0].localeCompare(b[0])) };
}

async function withDatabase<T>(run: (database: ChorusDatabase) => Promise<T>): Promise<T> {
	const database = freshDatabase();
	try {
		return await run(database);
	} finally {
		await dispose(database);
	}
}

async function commitEach(database: ChorusDatabase, items: readonly ImportItem[]) {
	for (const item of items) {
		const result = await commitImport(database, [item]);
		expect(result.ok).toBe(true);
	}
}

describe('merging imports', () => {
	it('shows the newest export’s value for every day and post, in whatever order the files came', async () => {
		await fc.assert(
			fc.asyncProperty(
				exportsArbitrary.chain((exports) => fc.tuple(fc.constant(exports), fc.shuffledSubarray(exports.map((_, index) => index), { minLength: exports.length }))),
				async ([exports, order]) => {
					const items = exports.map(itemOf);
					const result = await withDatabase(async (database) => {
						await commitEach(database, order.map((index) => items[index]));
						return stored(database);
					});
					expect(result).toEqual(oracle(exports));
				}
			),
			{ numRuns: 40 }
		);
	});

	it('is the same whether the files come one by one or in one batch', async () => {
		await fc.assert(
			fc.asyncProperty(exportsArbitrary, async (exports) => {
				const items = exports.map(itemOf);
				const batch = await withDatabase(async (database) => {
					expect((await commitImport(database, items)).ok).toBe(true);
					return stored(database);
				});
				expect(batch).toEqual(oracle(exports));
			}),
			{ numRuns: 25 }
		);
	});

	it('is idempotent: importing the same files again stores nothing and changes nothing', async () => {
		await fc.assert(
			fc.asyncProperty(exportsArbitrary, async (exports) => {
				const items = exports.map(itemOf);
				await withDatabase(async (database) => {
					await commitEach(database, items);
					const before = await exportAllTables(database);
					const again = await commitImport(database, [...items].reverse());
					expect(again.ok && again.imported).toEqual([]);
					// a file with no values was never stored, so it is skipped as empty rather than as a duplicate
					expect(again.ok && again.skipped.map((skip) => skip.reason)).toEqual(
						[...exports].reverse().map((entry) => (empty(entry) ? 'empty' : 'duplicate'))
					);
					expect(await exportAllTables(database)).toEqual(before);
				});
			}),
			{ numRuns: 25 }
		);
	});

	it('undo is the inverse of import: undoing one leaves what importing the others leaves', async () => {
		await fc.assert(
			fc.asyncProperty(
				exportsArbitrary.chain((exports) => fc.tuple(fc.constant(exports), fc.integer({ min: 0, max: exports.length - 1 }))),
				async ([exports, undone]) => {
					fc.pre(!empty(exports[undone]));
					const items = exports.map(itemOf);
					const afterUndo = await withDatabase(async (database) => {
						await commitEach(database, items);
						const record = (await listImports(database)).find((entry) => entry.fileName === items[undone].fileName)!;
						expect((await undoImport(database, record.id)).ok).toBe(true);
						return stored(database);
					});
					const others = exports.filter((_, index) => index !== undone);
					expect(afterUndo).toEqual(oracle(others));
				}
			),
			{ numRuns: 30 }
		);
	});
});
