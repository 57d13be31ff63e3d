import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TABLE_NAMES, recordSchemas, storedPostsRecordSchema } from '../schemas/db-records';
import { rebuildPosts } from '../snapshot/rebuild';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, db, openDatabase, type ChorusDatabase } from './database';
import { newId } from './ids';
import { layerLookup, readAllMergedPosts, storedPostsForm } from './merged-posts';
import { getMergedSeries, getMeta, getPosts, listAccounts, listImports } from './queries';
import { undoImport } from './undo';
import { exportAllTables } from './wipe';

interface TypedArrayJSON {
	$typed: 'Float64Array' | 'Uint32Array';
	length: number;
	set: [number, number][];
}

interface Fixture {
	version: number;
	tables: Record<string, unknown[]>;
	expect: {
		accountIds: string[];
		importIdsNewestFirst: number[];
		impressions: { accountId: string; startDay: number; values: number[]; sources: number[] };
		impressionsAfterUndoingNewest: { startDay: number; values: number[]; sources: number[] };
		posts: Record<string, number>;
		changesSinceSnapshot: number;
		/** v2 on: each account's post ids after undoing the newest import. */
		postIdsAfterUndoingNewest?: Record<string, string[]>;
	};
}

/**
 * The posts table holds what the current code would write for what it reads (the upgrade left no
 * row that should name its layer as a copy, or the reverse), every read gives what a rebuild from
 * the layers gives, and every row is valid in its stored form.
 */
async function expectPostsStoredAsTheCodeWrites(database: ChorusDatabase): Promise<void> {
	const [rows, layers, imports] = await Promise.all([database.posts.toArray(), database.postLayers.toArray(), database.imports.toArray()]);
	for (const row of rows) expect(storedPostsRecordSchema.safeParse(row).success, `posts row ${row.accountId}`).toBe(true);
	const read = await readAllMergedPosts(database);
	const lookup = layerLookup(layers);
	expect(read.map((record) => storedPostsForm(record, lookup))).toStrictEqual(rows);
	expect(read).toStrictEqual(rebuildPosts({ imports, postLayers: layers }));
	for (const record of read) expect(await getPosts(database, record.accountId)).toStrictEqual(record.posts);
}

function isTypedArrayJSON(value: unknown): value is TypedArrayJSON {
	return value !== null && typeof value === 'object' && '$typed' in value;
}

/** Rebuilds the typed arrays the fixture spells out as sparse JSON. */
function revive(value: unknown): unknown {
	if (isTypedArrayJSON(value)) {
		const array = value.$typed === 'Float64Array' ? new Float64Array(value.length).fill(NaN) : new Uint32Array(value.length);
		for (const [index, slot] of value.set) array[index] = slot;
		return array;
	}
	if (Array.isArray(value)) return value.map(revive);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revive(inner)]));
	}
	return value;
}

function loadFixture(version: number): Fixture {
	const text = readFileSync(new URL(`../../../tests/fixtures/db/v${version}.json`, import.meta.url), 'utf8');
	const raw = JSON.parse(text) as Fixture;
	return { ...raw, tables: revive(raw.tables) as Record<string, unknown[]> };
}

const opened: ChorusDatabase[] = [];
function track(database: ChorusDatabase): ChorusDatabase {
	opened.push(database);
	return database;
}
afterEach(async () => {
	for (const database of opened.splice(0)) await database.delete();
	vi.restoreAllMocks();
});

describe('SCHEMA_VERSIONS', () => {
	it('is append-only history: versions strictly increase and the last is current', () => {
		const versions = SCHEMA_VERSIONS.map((entry) => entry.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(new Set(versions).size).toBe(versions.length);
		expect(CURRENT_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
	});

	it('declares a store for every table the record schemas describe', () => {
		const declared = new Set(SCHEMA_VERSIONS.flatMap((entry) => Object.keys(entry.stores)));
		expect([...declared].sort()).toEqual([...TABLE_NAMES].sort());
	});
});

describe.each(SCHEMA_VERSIONS.map((entry) => entry.version))('a database created at schema version %i', (version) => {
	it('opens with the current code, every record valid and every query answering as before', async () => {
		const fixture = loadFixture(version);
		expect(fixture.version).toBe(version);
		const name = `chorus-migration-${newId()}`;

		const old = openDatabase(name, { versions: SCHEMA_VERSIONS.filter((entry) => entry.version <= version) });
		await old.open();
		await old.transaction('rw', old.tables, async () => {
			for (const [table, records] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(records);
		});
		old.close();

		const current = track(openDatabase(name));
		await current.open();
		expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);

		const tables = await exportAllTables(current);
		for (const table of TABLE_NAMES) {
			for (const record of tables[table]) {
				const result = recordSchemas[table].safeParse(record);
				expect(result.success, `${table}: ${result.error?.message}`).toBe(true);
			}
		}

		expect((await listAccounts(current)).map((account) => account.id).sort()).toEqual(fixture.expect.accountIds);
		expect((await listImports(current)).map((record) => record.id)).toEqual(fixture.expect.importIdsNewestFirst);
		const [impressions] = await getMergedSeries(current, { metric: 'impressions' });
		expect({
			accountId: impressions.accountId,
			startDay: impressions.startDay,
			values: [...impressions.values],
			sources: [...impressions.sources]
		}).toEqual(fixture.expect.impressions);
		for (const [accountId, count] of Object.entries(fixture.expect.posts)) {
			expect(await getPosts(current, accountId)).toHaveLength(count);
		}
		expect(await getMeta(current, 'changesSinceSnapshot')).toBe(fixture.expect.changesSinceSnapshot);
		await expectPostsStoredAsTheCodeWrites(current);

		// the migrated layers still merge: undoing the newest import restores what lay underneath
		const result = await undoImport(current, fixture.expect.importIdsNewestFirst[0]);
		expect(result.ok).toBe(true);
		const [restored] = await getMergedSeries(current, { metric: 'impressions' });
		expect({ startDay: restored.startDay, values: [...restored.values], sources: [...restored.sources] }).toEqual(
			fixture.expect.impressionsAfterUndoingNewest
		);
		await expectPostsStoredAsTheCodeWrites(current);
		for (const [accountId, ids] of Object.entries(fixture.expect.postIdsAfterUndoingNewest ?? {})) {
			expect((await getPosts(current, accountId)).map((post) => post.postId)).toEqual(ids);
		}
	});
});

describe('ChorusDatabase', () => {
	it('closes for good and tells its listeners when another tab upgrades the schema', async () => {
		const warn = vi.spyOn(console, 'warn');
		const name = `chorus-versionchange-${newId()}`;
		const thisTab = track(openDatabase(name));
		await thisTab.accounts.count();
		const heard: string[] = [];
		thisTab.onVersionChange((event) => heard.push(event.type));

		const newerTab = track(
			openDatabase(name, { versions: [...SCHEMA_VERSIONS, { version: CURRENT_SCHEMA_VERSION + 1, stores: { extra: 'id' } }] })
		);
		await newerTab.open();

		expect(heard).toEqual(['versionchange']);
		expect(thisTab.isOpen()).toBe(false);
		await expect(thisTab.accounts.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
		// Dexie's default handler (which warns and leaves auto-reopen on) did not run
		expect(warn).not.toHaveBeenCalled();
		newerTab.close();
	});

	it('is created lazily: db() returns one instance and opens nothing until queried', () => {
		const first = db();
		expect(db()).toBe(first);
		expect(first.name).toBe('chorus');
		expect(first.isOpen()).toBe(false);
	});
});
