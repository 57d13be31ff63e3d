/**
 * Workspace bookkeeping in the `meta` key/value table. Values are validated on read: a missing or
 * unreadable value reads as its default rather than breaking the page that asked. The checks are
 * meta-values.ts (the same rules as the Zod schemas, without loading Zod: every page reads this).
 */
import type { MetaKey, MetaValue } from '../schemas/db-records';
import { META_DEFAULTS, readMetaValue } from '../schemas/meta-values';
import type { ChorusDatabase } from './database';

export async function getMeta<K extends MetaKey>(database: ChorusDatabase, key: K): Promise<MetaValue<K>> {
	const record = await database.meta.get(key);
	if (!record) return structuredClone(META_DEFAULTS[key]);
	return readMetaValue(key, record.value) ?? structuredClone(META_DEFAULTS[key]);
}

/** Writes a bookkeeping value. Not a workspace change: it does not count toward changesSinceSnapshot. */
export async function setMeta<K extends MetaKey>(database: ChorusDatabase, key: K, value: MetaValue<K>): Promise<void> {
	const checked = readMetaValue(key, value);
	if (checked === undefined) throw new TypeError(`meta ${key}: not a value this key holds`);
	await database.meta.put({ key, value: checked });
}

/**
 * Counts one more change since the last snapshot export. Call it inside the write's own transaction
 * (with `meta` in its scope) so the count and the change commit or fail together.
 */
export async function countWorkspaceChange(database: ChorusDatabase): Promise<void> {
	const changes = await getMeta(database, 'changesSinceSnapshot');
	await database.meta.put({ key: 'changesSinceSnapshot', value: changes + 1 });
}

/** After a snapshot was saved: remember when, and start counting changes from zero. */
export async function markSnapshotExported(database: ChorusDatabase, at: Date = new Date()): Promise<void> {
	await database.transaction('rw', database.meta, async () => {
		await database.meta.bulkPut([
			{ key: 'lastSnapshotExportAt', value: at.toISOString() },
			{ key: 'changesSinceSnapshot', value: 0 }
		]);
	});
}
