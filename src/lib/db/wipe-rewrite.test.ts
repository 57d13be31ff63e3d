import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from './commit';
import { openDatabase, type ChorusDatabase } from './database';
import type { StorageError } from './errors';
import { addAnnotation } from './queries';
import { ACME_X, daily, day, dispose, freshDatabase, importItem, parsedFile, post } from './test-support';
import { exportAllTables, rewriteWorkspace, WRITE_ORDER } from './wipe';
import { TABLE_NAMES } from '../schemas/db-records';
import { countRequests } from './test-requests';

let source: ChorusDatabase;
let target: ChorusDatabase;
beforeEach(async () => {
	source = freshDatabase();
	target = freshDatabase();
	await commitImport(source, [
		importItem(parsedFile({ series: [daily(ACME_X, 'impressions', '2024-01-01', [1, 2, 3])], posts: [post(ACME_X, '1', '2024-01-02', { likes: 4 })] }))
	]);
	await addAnnotation(target, { startDay: day('2024-02-01'), label: 'Ours' });
});
afterEach(async () => {
	await dispose(source);
	await dispose(target);
});

const REFUSAL: StorageError = { kind: 'failed', message: 'Refused on purpose.' };

describe('rewriteWorkspace', () => {
	it('hands the current bookkeeping, read in the write’s transaction, to build, and writes what it returns', async () => {
		const data = await exportAllTables(source);
		const seen: unknown[] = [];
		const result = await rewriteWorkspace(target, (meta) => {
			seen.push(...meta);
			return data;
		});
		expect(result.ok && result.counts).toMatchObject({ accounts: 1, imports: 1, series: 1, posts: 1, annotations: 0 });
		expect(seen).toEqual([{ key: 'changesSinceSnapshot', value: 1 }]);
		expect(await exportAllTables(target)).toEqual(data);
	});

	it('adds the imports after every other table (a unique index’s seek over the cleared records), and every table once', async () => {
		const data = await exportAllTables(source);
		const recorded = freshDatabase();
		const counts = countRequests(recorded);
		try {
			const result = await rewriteWorkspace(recorded, () => data);
			expect(result.ok).toBe(true);
			const written = TABLE_NAMES.filter((name) => data[name].length > 0);
			expect(written).toContain('imports');
			expect(written.length).toBeGreaterThan(2);
			const added = counts.writeOrder.filter((key) => key.endsWith(' add')).map((key) => key.split(' ')[0]);
			expect(added.at(-1)).toBe('imports');
			expect([...added].sort()).toEqual([...written].sort());
			expect([...WRITE_ORDER].sort()).toEqual([...TABLE_NAMES].sort());
			expect(await exportAllTables(recorded)).toEqual(data);
		} finally {
			await dispose(recorded);
		}
	});

	it('changes nothing when build refuses', async () => {
		const before = await exportAllTables(target);
		expect(await rewriteWorkspace(target, () => REFUSAL)).toEqual({ ok: false, error: REFUSAL });
		expect(await exportAllTables(target)).toEqual(before);
	});

	it('refuses values whose import is missing, and changes nothing', async () => {
		const before = await exportAllTables(target);
		const data = await exportAllTables(source);
		const result = await rewriteWorkspace(target, () => ({ ...data, imports: [] }));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toMatchObject({ kind: 'invalid-data' });
		expect(!result.ok && result.error.message).toContain('Some stored values name imports the data does not contain (#1).');
		expect(await exportAllTables(target)).toEqual(before);
	});

	it('holds off a write from elsewhere until it is done, so that write is applied on top, not lost', async () => {
		const data = await exportAllTables(source);
		// another tab: its own connection to the same database, outside this transaction
		const otherTab = openDatabase(target.name);
		let other: Promise<unknown> | null = null;
		const result = await rewriteWorkspace(target, () => {
			other = Dexie.ignoreTransaction(() => addAnnotation(otherTab, { startDay: day('2024-03-01'), label: 'Meanwhile' }));
			return data;
		});
		await other;
		otherTab.close();
		expect(result.ok).toBe(true);
		const stored = await exportAllTables(target);
		expect(stored.annotations.map((annotation) => annotation.label)).toEqual(['Meanwhile']);
		expect(stored.accounts).toEqual(data.accounts);
	});
});
