/**
 * The whole workspace in and out, for snapshots: every table as a plain array of records (typed
 * arrays stay typed; turning them into JSON is the snapshot format's job). Each operation is one
 * transaction over every table, so a restore either replaces everything or changes nothing.
 */
import { TABLE_NAMES, recordSchemas, type TableName, type WorkspaceTables } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { toStorageError, type StorageError } from './errors';

export async function exportAllTables(database: ChorusDatabase): Promise<WorkspaceTables> {
	return database.transaction('r', database.tables, async () => {
		const arrays = await Promise.all(TABLE_NAMES.map((name) => database.table(name).toArray()));
		return Object.fromEntries(TABLE_NAMES.map((name, index) => [name, arrays[index]])) as WorkspaceTables;
	});
}

export type ReplaceResult =
	| { ok: true; counts: Record<TableName, number> }
	| { ok: false; error: StorageError };

function invalid(message: string, detail?: string): ReplaceResult {
	return {
		ok: false,
		error: {
			kind: 'invalid-data',
			message: `${message} The snapshot was not loaded and your data is unchanged.`,
			detail
		}
	};
}

/**
 * Replaces every table with `data` (a table left out becomes empty). Every record is checked
 * against its schema, and every value's provenance must point at an import the data contains,
 * before anything is touched.
 */
export async function replaceAllTables(
	database: ChorusDatabase,
	data: Partial<Record<TableName, readonly unknown[]>>
): Promise<ReplaceResult> {
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
	const tables = parsed as WorkspaceTables;

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
	if (missing.size > 0) {
		const list = [...missing].sort((a, b) => a - b).slice(0, 5).map((id) => `#${id}`).join(', ');
		return invalid(`Some stored values name imports the data does not contain (${list}).`);
	}

	try {
		await database.transaction('rw', database.tables, async () => {
			await Promise.all(database.tables.map((table) => table.clear()));
			for (const name of TABLE_NAMES) {
				if (tables[name].length > 0) await database.table(name).bulkAdd(tables[name]);
			}
		});
	} catch (error) {
		return { ok: false, error: toStorageError(error, 'restore') };
	}
	const counts = Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].length])) as Record<TableName, number>;
	return { ok: true, counts };
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
