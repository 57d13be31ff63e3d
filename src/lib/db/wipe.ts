/**
 * The whole workspace in and out, for snapshots: every table as a plain array of records (typed
 * arrays stay typed; turning them into JSON is the snapshot format's job). Each operation is one
 * transaction over every table, so a restore either replaces everything or changes nothing.
 */
import { TABLE_NAMES, recordSchemas, type MetaRecord, type PostLayerRecord, type TableName, type WorkspaceTables } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { toStorageError, type StorageError } from './errors';
import { layerLookup, readAllMergedPosts, storedPostsForm } from './merged-posts';

export function exportAllTables(database: ChorusDatabase): Promise<WorkspaceTables> {
	return exportTables(database, TABLE_NAMES);
}

/**
 * Some tables, read in one transaction; the others come back empty. Saving a snapshot reads only
 * what the file holds: the merged tables are a third of the workspace's bytes in IndexedDB, and
 * reading them back costs more than rebuilding them from the layers. `posts` comes back as every
 * reader gets it (merged-posts.ts resolves the rows that name their layers). `onTable` is given
 * each table as soon as it is read, `onPostLayers` the post layers batch by batch
 * (readPostLayersInBatches).
 */
export async function exportTables(
	database: ChorusDatabase,
	names: readonly TableName[],
	onPostLayers?: (layers: PostLayerRecord[]) => void,
	onTable?: (name: TableName, records: unknown[]) => void
): Promise<WorkspaceTables> {
	const scope = names.includes('posts') && !names.includes('postLayers') ? [...names, 'postLayers' as const] : names;
	return database.transaction('r', scope.map((name) => database.table(name)), async () => {
		const read = (name: TableName): Promise<unknown[]> =>
			name === 'posts'
				? readAllMergedPosts(database)
				: name === 'postLayers' && onPostLayers
					? readPostLayersInBatches(database, onPostLayers)
					: database.table(name).toArray();
		const arrays = await Promise.all(
			names.map((name) =>
				read(name).then((records) => {
					// each table as soon as it is read: saving starts writing the file with the first ones
					onTable?.(name, records);
					return records;
				})
			)
		);
		const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as Record<TableName, unknown[]>;
		names.forEach((name, index) => (tables[name] = arrays[index]));
		return tables as WorkspaceTables;
	});
}

/** Post layers per read: about 30 reads for the large workspace's 711 layers (89 MB of posts). */
const POST_LAYER_BATCH = 24;
const READS_AHEAD = 1;

/**
 * Every post layer, in key order as `toArray` gives them, read a few layers at a time, each batch
 * handed to `onBatch` as it arrives: IndexedDB reads the next batch (in the browser's own process)
 * while the script works on the one it has, instead of the script waiting for the whole table.
 * One read at a time, the next asked for before the batch at hand is handed over: with all of them
 * asked for at once, Chromium handed the first batch over only when it had read nearly all (the
 * large workspace at a load of 8: the first of 30 batches 4.2–5.3 s after the keys, of 6.6–9.4 s in
 * all); one at a time, the first came 0.15–0.4 s after the keys and the last at 7.2–8.7 s. Inside
 * the caller's transaction, so the batches are one consistent reading of the table (a write in
 * another tab waits for it, or is not seen at all).
 */
async function readPostLayersInBatches(database: ChorusDatabase, onBatch: (layers: PostLayerRecord[]) => void): Promise<PostLayerRecord[]> {
	const keys = await database.postLayers.toCollection().primaryKeys();
	const read = (start: number) =>
		database.postLayers
			.where(':id')
			.between(keys[start], keys[Math.min(start + POST_LAYER_BATCH, keys.length) - 1], true, true)
			.toArray();
	const all: PostLayerRecord[] = [];
	const ahead: Promise<PostLayerRecord[]>[] = [];
	let issued = 0;
	const issue = () => {
		while (ahead.length < READS_AHEAD && issued < keys.length) {
			ahead.push(read(issued));
			issued += POST_LAYER_BATCH;
		}
	};
	issue();
	while (ahead.length > 0) {
		const layers = await ahead.shift()!;
		issue();
		onBatch(layers);
		for (const layer of layers) all.push(layer);
	}
	return all;
}

export type ReplaceResult =
	| { ok: true; counts: Record<TableName, number> }
	| { ok: false; error: StorageError };

function invalid(message: string, detail?: string): ReplaceResult & { ok: false } {
	return {
		ok: false,
		error: {
			kind: 'invalid-data',
			message: `${message} The snapshot was not loaded and your data is unchanged.`,
			detail
		}
	};
}

/** Every table's records checked against its storage schema: for data from outside storage. */
function validateTables(data: Partial<Record<TableName, readonly unknown[]>>): { ok: true; tables: WorkspaceTables } | (ReplaceResult & { ok: false }) {
	const parsed: Partial<WorkspaceTables> = {};
	for (const name of TABLE_NAMES) {
		const records = data[name] ?? [];
		if (!Array.isArray(records)) return invalid(`The table "${name}" is not a list of records.`);
		const schema = recordSchemas[name];
		const valid: unknown[] = [];
		for (let index = 0; index < records.length; index++) {
			const result = schema.safeParse(records[index]);
			if (!result.success) {
				const issue = result.error.issues[0];
				return invalid(
					`Record ${index + 1} of "${name}" is not in the shape Chorus expects (${issue.path.join('.') || 'record'}: ${issue.message}).`
				);
			}
			valid.push(result.data);
		}
		(parsed as Record<TableName, unknown[]>)[name] = valid;
	}
	return { ok: true, tables: parsed as WorkspaceTables };
}

/** Every value's provenance must point at an import the data contains (0 = no value). */
function provenanceProblem(tables: WorkspaceTables): (ReplaceResult & { ok: false }) | null {
	const importIds = new Set(tables.imports.map((record) => record.id));
	const missing = new Set<number>();
	const need = (id: number) => {
		if (id !== 0 && !importIds.has(id)) missing.add(id);
	};
	for (const record of tables.series) for (const source of record.sources) need(source);
	for (const record of tables.seriesLayers) need(record.importId);
	for (const record of tables.postLayers) {
		need(record.importId);
		for (const post of record.posts) need(post.sourceImportId);
	}
	for (const record of tables.posts) for (const post of record.posts) need(post.sourceImportId);
	for (const record of tables.breakdowns) need(record.importId);
	if (missing.size === 0) return null;
	const list = [...missing].sort((a, b) => a - b).slice(0, 5).map((id) => `#${id}`).join(', ');
	return invalid(`Some stored values name imports the data does not contain (${list}).`);
}

function countsOf(tables: WorkspaceTables): Record<TableName, number> {
	return Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].length])) as Record<TableName, number>;
}

/**
 * The order a restore adds the tables in: `imports` last. Chromium checks a unique index
 * (`imports.sha256`) on every add by seeking in it; right after the clears, the first such seek
 * walks over every key the clears deleted after it (the old records of the tables that follow it on
 * disk) up to the first live one, which took 0.3–1.0 s of IndexedDB's own time on the large
 * workspace. Added after the others, their new records end that walk at once (docs/performance.md,
 * "Evening of 27 November").
 */
export const WRITE_ORDER: readonly TableName[] = [...TABLE_NAMES.filter((name) => name !== 'imports'), 'imports'];

/**
 * Empties every table and adds `tables`, inside the caller's transaction. Every request is issued
 * before any is awaited, so IndexedDB works through them back to back instead of waiting for a
 * round trip to the script between tables. `onProgress` gets the share of records written so far.
 * An account's merged posts that are the posts of layers written with them are stored as a
 * reference to those layers (merged-posts.ts), so a restore writes each such post's bytes once.
 */
async function writeAll(database: ChorusDatabase, tables: WorkspaceTables, onProgress?: (fraction: number) => void): Promise<void> {
	const total = TABLE_NAMES.reduce((sum, name) => sum + tables[name].length, 0);
	const layers = layerLookup(tables.postLayers);
	const stored: Record<TableName, readonly unknown[]> = { ...tables, posts: tables.posts.map((record) => storedPostsForm(record, layers)) };
	let written = 0;
	const requests: Promise<unknown>[] = database.tables.map((table) => table.clear());
	for (const name of WRITE_ORDER) {
		const records = stored[name];
		if (records.length === 0) continue;
		requests.push(
			database
				.table(name)
				.bulkAdd(records)
				.then(() => {
					written += records.length;
					onProgress?.(written / total);
				})
		);
	}
	await Promise.all(requests);
}

/**
 * Replaces every table with `data` (a table left out becomes empty). Every record is checked
 * against its schema, and every value's provenance must point at an import the data contains,
 * before anything is touched. For data from outside storage; see `rewriteWorkspace` for data
 * already validated.
 */
export async function replaceAllTables(
	database: ChorusDatabase,
	data: Partial<Record<TableName, readonly unknown[]>>
): Promise<ReplaceResult> {
	const validated = validateTables(data);
	if (!validated.ok) return validated;
	const { tables } = validated;
	const problem = provenanceProblem(tables);
	if (problem) return problem;
	try {
		await database.transaction('rw', database.tables, () => writeAll(database, tables));
	} catch (error) {
		return { ok: false, error: toStorageError(error, 'restore') };
	}
	return { ok: true, counts: countsOf(tables) };
}

/** Thrown inside the write transaction to abort it with a message for the person. */
class Refused extends Error {
	constructor(readonly error: StorageError) {
		super(error.message);
	}
}

/**
 * Rewrites the whole workspace in one transaction: reads the current bookkeeping (`meta`), lets
 * `build` decide from it what to write (or refuse, with a message: then nothing is written), checks
 * provenance, then empties every table and writes the result. Reading and writing in the same
 * transaction means nothing another tab writes can slip in between and be lost.
 *
 * The records are not checked against their schemas again: this is for data validated at the
 * boundary it came through (a snapshot file by `parseSnapshot`, stored records when they were
 * stored), where a second pass over hundreds of thousands of records only costs time.
 */
export async function rewriteWorkspace(
	database: ChorusDatabase,
	build: (currentMeta: MetaRecord[]) => WorkspaceTables | StorageError,
	onProgress?: (fraction: number) => void
): Promise<ReplaceResult> {
	let written: WorkspaceTables;
	try {
		written = await database.transaction('rw', database.tables, async () => {
			const next = build(await database.meta.toArray());
			if ('kind' in next) throw new Refused(next);
			const problem = provenanceProblem(next);
			if (problem) throw new Refused(problem.error);
			await writeAll(database, next, onProgress);
			return next;
		});
	} catch (error) {
		if (error instanceof Refused) return { ok: false, error: error.error };
		return { ok: false, error: toStorageError(error, 'restore') };
	}
	return { ok: true, counts: countsOf(written) };
}

/** Empties every table: the workspace as on first visit. */
export async function clearWorkspace(database: ChorusDatabase): Promise<{ ok: true } | { ok: false; error: StorageError }> {
	try {
		await database.transaction('rw', database.tables, async () => {
			await Promise.all(database.tables.map((table) => table.clear()));
		});
		return { ok: true };
	} catch (error) {
		return { ok: false, error: toStorageError(error, 'save') };
	}
}
