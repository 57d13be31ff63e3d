import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError, toStorageError } from './errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
	it.each([
		['the DOMException itself', quota(), true],
		["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full'), true],
		['an AbortError wrapping it', new Dexie.AbortError('Transaction aborted', quota()), true],
		['a BulkError with it among the failures', new Dexie.BulkError('bulkAdd failed', { 3: quota() }), true],
		['an Error whose cause it is', new Error('write failed', { cause: quota() }), true],
		['a ConstraintError', new Dexie.ConstraintError('Key already exists'), false],
		['a plain string', 'QuotaExceededError', false],
		['null', null, false]
	])('%s → %s', (_name, error, expected) => {
		expect(isQuotaError(error)).toBe(expected);
	});
});

describe('toStorageError', () => {
	it.each([
		[
			'import',
			quota(),
			'quota',
			"Your browser's storage is full: nothing from this import was saved. Free space or export a snapshot and clear old data."
		],
		[
			'undo',
			new Dexie.AbortError('Transaction aborted', quota()),
			'quota',
			"Your browser's storage is full: the import was not undone and nothing changed. Free space or export a snapshot and clear old data."
		],
		[
			'restore',
			new Dexie.DatabaseClosedError(),
			'closed',
			'Chorus was updated or closed in another tab: the snapshot was not loaded and your data is unchanged. Reload this page to continue.'
		],
		[
			'save',
			new Dexie.ConstraintError('Key already exists'),
			'failed',
			"The browser's storage refused the change: the change was not saved. Try again; if it keeps failing, export a snapshot and reload."
		]
	] as const)('%s: %s', (action, error, kind, message) => {
		const result = toStorageError(error, action);
		expect(result.kind).toBe(kind);
		expect(result.message).toBe(message);
		expect(result.detail).toMatch(/Error/);
	});
});

describe('a read-only snapshot view', () => {
	it('refuses every write with a message that says why, and keeps what it shows', async () => {
		const { openDatabase, openReadOnlyDatabase } = await import('./database');
		const { addAnnotation, listAnnotations } = await import('./queries');
		const name = `view-${Math.random()}`;
		const writable = openDatabase(name);
		await writable.meta.put({ key: 'changesSinceSnapshot', value: 3 });
		writable.close();
		const view = openReadOnlyDatabase(name);
		await expect(addAnnotation(view, { startDay: 1, label: 'x' })).rejects.toThrow(/read-only/);
		let caught: unknown;
		try {
			await view.meta.put({ key: 'changesSinceSnapshot', value: 4 });
		} catch (error) {
			caught = error;
		}
		expect(toStorageError(caught, 'save')).toMatchObject({ kind: 'read-only' });
		expect(toStorageError(caught, 'save').message).toContain('viewing a snapshot read-only');
		expect(await view.meta.get('changesSinceSnapshot')).toEqual({ key: 'changesSinceSnapshot', value: 3 });
		expect(await listAnnotations(view)).toEqual([]);
		view.close();
	});
});
