import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesRecord } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import {
	addAnnotation,
	addManualAccount,
	addNorthStar,
	bulkUpdateAccounts,
	deleteAnnotation,
	deleteMappingPreset,
	deleteNorthStar,
	getAccount,
	getDecisionHistory,
	getMergedSeries,
	getMeta,
	getPosts,
	listImports,
	getRememberedAccount,
	listAccounts,
	listAnnotations,
	listDecisions,
	listMappingPresets,
	listNorthStars,
	markSnapshotExported,
	moveDecision,
	saveMappingPreset,
	setMeta,
	undoLastDecision,
	updateAccount,
	updateAnnotation,
	updateNorthStar,
	countStoredPosts,
	snapshotBookkeeping,
	workspaceOverview,
	workspaceSummary
} from './queries';
import { day, dispose, freshDatabase } from './test-support';

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(async () => {
	await dispose(database);
});

const changes = () => getMeta(database, 'changesSinceSnapshot');
const NOW = new Date('2024-06-01T08:00:00Z');

describe('inventory', () => {
	it('adds a manual account, refuses a second one with the same id, and edits it', async () => {
		expect(await addManualAccount(database, { platform: 'linkedin', displayName: 'Acme Careers', segments: [' HR ', 'HR', ''] }, NOW)).toEqual({
			ok: true,
			accountId: 'linkedin:acme careers'
		});
		expect(await addManualAccount(database, { platform: 'linkedin', displayName: 'ACME careers' })).toEqual({
			ok: false,
			message: '“Acme Careers” is already in the inventory.',
			existingId: 'linkedin:acme careers'
		});
		expect(await addManualAccount(database, { platform: 'linkedin', displayName: '  ' })).toMatchObject({ ok: false });

		const account = await getAccount(database, 'linkedin:acme careers');
		expect(account).toMatchObject({ origin: 'manual', segments: ['HR'], handle: null, editedAt: NOW.toISOString() });

		const later = new Date('2024-06-02T08:00:00Z');
		expect(await updateAccount(database, 'linkedin:acme careers', { owner: 'Dana', purpose: 'Hiring' }, later)).toBe(true);
		expect(await getAccount(database, 'linkedin:acme careers')).toMatchObject({
			owner: 'Dana',
			purpose: 'Hiring',
			updatedAt: later.toISOString(),
			editedAt: later.toISOString(),
			createdAt: NOW.toISOString()
		});
		expect(await updateAccount(database, 'linkedin:nobody', { owner: 'x' })).toBe(false);
		expect(await changes()).toBe(2);
	});

	it('edits several accounts at once, adding to and removing from list fields', async () => {
		await addManualAccount(database, { platform: 'x', handle: 'one', regions: ['EU'] });
		await addManualAccount(database, { platform: 'x', handle: 'two', regions: ['US', 'EU'] });
		const updated = await bulkUpdateAccounts(database, ['x:one', 'x:two', 'x:missing'], {
			set: { owner: 'Team Social' },
			add: { regions: ['APAC'] },
			remove: { regions: ['EU'] }
		});
		expect(updated).toBe(2);
		const accounts = await listAccounts(database);
		expect(accounts.map((account) => [account.id, account.owner, account.regions])).toEqual([
			['x:one', 'Team Social', ['APAC']],
			['x:two', 'Team Social', ['US', 'APAC']]
		]);
		expect(await changes()).toBe(3);
	});
});

describe('board decisions', () => {
	it('records each decision, lets a reorder pass without history, and undoes the last one', async () => {
		await moveDecision(database, 'x:a', { column: 'keep', order: 1, rationale: 'Core channel' }, NOW);
		await moveDecision(database, 'x:a', { column: 'keep', order: 0.5 }, NOW);
		await moveDecision(database, 'x:a', { column: 'merge', order: 2, mergeTargetId: 'x:b', rationale: 'Same audience' }, NOW);

		expect(await listDecisions(database)).toEqual([
			{ accountId: 'x:a', column: 'merge', order: 2, mergeTargetId: 'x:b', rationale: 'Same audience', decidedAt: NOW.toISOString() }
		]);
		const history = await getDecisionHistory(database, 'x:a');
		expect(history.map((entry) => [entry.from, entry.to])).toEqual([
			['keep', 'merge'],
			[null, 'keep']
		]);

		expect(await undoLastDecision(database, 'x:a')).toBe(true);
		expect(await listDecisions(database)).toMatchObject([{ column: 'keep', order: 0.5, rationale: 'Core channel', mergeTargetId: null }]);
		expect(await undoLastDecision(database, 'x:a')).toBe(true);
		expect(await listDecisions(database)).toEqual([]);
		expect(await undoLastDecision(database, 'x:a')).toBe(false);
		expect(await getDecisionHistory(database)).toEqual([]);
	});

	it('keeps no history for reordering an undecided account within Undecided', async () => {
		await moveDecision(database, 'x:a', { column: 'undecided', order: 3 }, NOW);
		expect(await listDecisions(database)).toMatchObject([{ accountId: 'x:a', column: 'undecided', order: 3 }]);
		expect(await getDecisionHistory(database, 'x:a')).toEqual([]);
		await moveDecision(database, 'x:a', { column: 'retire', order: 1, rationale: 'Dormant since 2022' }, NOW);
		expect((await getDecisionHistory(database, 'x:a')).map((entry) => [entry.from, entry.to])).toEqual([['undecided', 'retire']]);
	});

	it('drops the merge target outside the merge column and refuses a merge into itself', async () => {
		const decision = await moveDecision(database, 'x:a', { column: 'retire', order: 1, mergeTargetId: 'x:b' });
		expect(decision.mergeTargetId).toBeNull();
		await expect(moveDecision(database, 'x:a', { column: 'merge', order: 1, mergeTargetId: 'x:a' })).rejects.toThrow(
			'An account cannot be merged into itself.'
		);
	});
});

describe('annotations', () => {
	it('are created, listed per account with the portfolio ones, updated and deleted', async () => {
		const portfolio = await addAnnotation(database, { startDay: day('2024-02-01'), label: 'Rebrand' }, NOW);
		const own = await addAnnotation(database, { startDay: day('2024-01-10'), endDay: day('2024-01-20'), label: 'Campaign', accountId: 'x:a' }, NOW);
		await addAnnotation(database, { startDay: day('2024-01-01'), label: 'Other', accountId: 'x:b' }, NOW);

		expect((await listAnnotations(database, 'x:a')).map((note) => note.label)).toEqual(['Campaign', 'Rebrand']);
		expect((await listAnnotations(database)).map((note) => note.label)).toEqual(['Other', 'Campaign', 'Rebrand']);
		expect(portfolio).toMatchObject({ accountId: null, endDay: null, note: '' });

		expect(await updateAnnotation(database, own.id, { note: 'Paid push' })).toBe(true);
		expect((await listAnnotations(database, 'x:a'))[0]).toMatchObject({ label: 'Campaign', note: 'Paid push' });
		expect(await deleteAnnotation(database, own.id)).toBe(true);
		expect(await deleteAnnotation(database, own.id)).toBe(false);
		expect(await updateAnnotation(database, 'missing', { note: 'x' })).toBe(false);
		expect(await changes()).toBe(5);
	});
});

describe('north stars', () => {
	it('are created, filtered by account, updated and deleted', async () => {
		const goal = await addNorthStar(database, {
			metric: 'followers',
			baselineDay: day('2024-01-01'),
			baselineValue: 1000,
			target: 1500,
			targetDay: day('2024-12-31')
		});
		await addNorthStar(database, {
			metric: 'impressions',
			accountId: 'x:a',
			baselineDay: day('2024-01-01'),
			baselineValue: 10,
			target: 20,
			targetDay: day('2024-06-30')
		});
		expect((await listNorthStars(database, null)).map((star) => star.metric)).toEqual(['followers']);
		expect((await listNorthStars(database, 'x:a')).map((star) => star.metric)).toEqual(['impressions']);
		expect(await updateNorthStar(database, goal.id, { target: 1600 })).toBe(true);
		expect((await listNorthStars(database, null))[0].target).toBe(1600);
		expect(await deleteNorthStar(database, goal.id)).toBe(true);
		expect(await listNorthStars(database)).toHaveLength(1);
	});
});

describe('mapping presets', () => {
	it('are saved as opaque objects and found by signature', async () => {
		const id = await saveMappingPreset(database, { signature: 'date,reach,likes', columns: { Date: 'day' } });
		await saveMappingPreset(database, { signature: 'other', columns: {} });
		const [preset] = await listMappingPresets(database, 'date,reach,likes');
		expect(preset).toEqual({ id, signature: 'date,reach,likes', columns: { Date: 'day' } });
		await saveMappingPreset(database, { ...preset, columns: { Date: 'day', Reach: 'reach' } });
		expect(await listMappingPresets(database)).toHaveLength(2);
		expect(await deleteMappingPreset(database, id)).toBe(true);
		expect(await listMappingPresets(database, 'date,reach,likes')).toEqual([]);
	});
});

describe('meta', () => {
	it('reads defaults, stores values, and resets the change count when a snapshot is exported', async () => {
		expect(await getMeta(database, 'lastSnapshotExportAt')).toBeNull();
		expect(await getMeta(database, 'accountResolutions')).toEqual({});
		await setMeta(database, 'accountResolutions', { 'meta|': { platform: 'instagram', handle: 'acme' } });
		expect(await getRememberedAccount(database, 'meta|')).toEqual({ platform: 'instagram', handle: 'acme' });
		expect(await getRememberedAccount(database, 'other|')).toBeNull();

		await addAnnotation(database, { startDay: 0, label: 'a' });
		expect(await changes()).toBe(1);
		await markSnapshotExported(database, NOW);
		expect(await workspaceSummary(database)).toMatchObject({ changesSinceSnapshot: 0, lastSnapshotExportAt: NOW.toISOString() });
	});

	it('gives the summary in parts: overview without posts or bookkeeping, the post count, the bookkeeping', async () => {
		await addManualAccount(database, { platform: 'x', handle: 'acme' }, NOW);
		await database.posts.bulkPut([
			{ accountId: 'x:acme', posts: [{ platform: 'x', postId: '1', accountId: 'x:acme', publishedAt: null, day: null, text: 'a', metrics: {}, sourceImportId: 1 }] },
			{ accountId: 'x:other', posts: [] }
		]);
		await markSnapshotExported(database, NOW);
		await addAnnotation(database, { startDay: 0, label: 'a' });

		const overview = await workspaceOverview(database);
		expect(overview).toMatchObject({ accounts: 1, imports: 0, isEmpty: false });
		expect(overview).not.toHaveProperty('posts');
		expect(overview).not.toHaveProperty('changesSinceSnapshot');
		expect(await countStoredPosts(database)).toBe(1);
		expect(await snapshotBookkeeping(database)).toEqual({ changesSinceSnapshot: 1, lastSnapshotExportAt: NOW.toISOString() });
		expect(await workspaceSummary(database)).toEqual({ ...overview, posts: 1, changesSinceSnapshot: 1, lastSnapshotExportAt: NOW.toISOString() });
	});

	it('reads an unreadable stored value as its default', async () => {
		await database.meta.put({ key: 'changesSinceSnapshot', value: 'many' });
		expect(await changes()).toBe(0);
	});
});

describe('reads check the shape of what storage gives back', () => {
	const goodYear = (): SeriesRecord => ({
		id: 'x:a|views|2024',
		accountId: 'x:a',
		metric: 'views',
		year: 2024,
		values: new Float64Array(366).fill(Number.NaN),
		sources: new Uint32Array(366)
	});

	it('name the table and record that is not in the expected shape', async () => {
		await database.series.put({ ...goodYear(), values: new Float64Array(10) });
		const read = getMergedSeries(database);
		await expect(read).rejects.toBeInstanceOf(StoredDataError);
		await expect(getMergedSeries(database)).rejects.toThrow('Stored data in "series" (x:a|views|2024)');
		await expect(getMergedSeries(database)).rejects.toThrow('values: A year holds 366 slots.');
	});

	it('refuse a series record with an unknown metric or a plain array for its sources', async () => {
		await database.series.put({ ...goodYear(), metric: 'nonsense' as never });
		await expect(getMergedSeries(database)).rejects.toThrow('metric: not a known metric');
		await database.series.put({ ...goodYear(), sources: Array.from({ length: 366 }, () => 0) as unknown as SeriesRecord['sources'] });
		await expect(getMergedSeries(database)).rejects.toThrow('sources: A year holds 366 slots.');
	});

	it('refuse accounts, imports and posts whose fields a view would trip over', async () => {
		await addManualAccount(database, { platform: 'x', handle: 'acme' }, NOW);
		await database.accounts.update('x:acme', { segments: 'Buyers' as unknown as string[] });
		await expect(listAccounts(database)).rejects.toThrow('Stored data in "accounts" (x:acme)');
		await expect(listAccounts(database)).rejects.toThrow('segments: expected an array');

		await database.imports.add({ id: 7, fileName: 'a.csv', accountIds: 'x:acme' } as never);
		await expect(listImports(database)).rejects.toThrow('Stored data in "imports" (7) is not in the shape');

		await database.posts.put({ accountId: 'x:acme', posts: [{ postId: '', day: 3, metrics: {} }] as never });
		await expect(getPosts(database, 'x:acme')).rejects.toThrow('posts.0.postId: expected a non-empty string');
	});

	it('give back well-formed records as stored, without copying them field by field', async () => {
		const year = goodYear();
		year.values[10] = 5;
		year.sources[10] = 1;
		await database.series.put(year);
		const [series] = await getMergedSeries(database);
		expect(series).toMatchObject({ accountId: 'x:a', metric: 'views', startDay: day('2024-01-11') });
		expect([...series.values]).toEqual([5]);
		expect([...series.sources]).toEqual([1]);
	});
});
