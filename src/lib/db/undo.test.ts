import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../schemas/db-records';
import { commitImport, type CommitResult } from './commit';
import type { ChorusDatabase } from './database';
import {
	addAnnotation,
	getBreakdowns,
	getMergedSeries,
	getPosts,
	listAccounts,
	moveDecision,
	updateAccount,
	workspaceSummary
} from './queries';
import {
	ACME_IG,
	ACME_IG_ID,
	ACME_X,
	ACME_X_ID,
	breakdown,
	daily,
	day,
	dispose,
	freshDatabase,
	importItem,
	parsedFile,
	post,
	range
} from './test-support';
import { undoImport } from './undo';
import { exportAllTables } from './wipe';

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(async () => {
	await dispose(database);
});

function idOf(result: CommitResult): number {
	if (!result.ok) throw new Error(result.error.message);
	return result.imported[0].importId;
}

const january = () =>
	parsedFile({
		fileName: 'january.csv',
		series: [daily(ACME_X, 'impressions', '2024-01-01', range(31, (i) => 100 + i))],
		posts: [post(ACME_X, '1', '2024-01-05', { likes: 5 })],
		breakdowns: [breakdown(ACME_X, '2024-01-31', [['DE', 0.5], ['FR', 0.5]])],
		coversUntil: day('2024-01-31')
	});

const midJanuaryToFebruary = () =>
	parsedFile({
		fileName: 'jan15-feb.csv',
		series: [daily(ACME_X, 'impressions', '2024-01-15', [...range(17, (i) => 1000 + i), ...range(29, (i) => 200 + i)])],
		posts: [post(ACME_X, '1', '2024-01-05', { likes: 9 }), post(ACME_X, '2', '2024-02-01', { likes: 1 })],
		breakdowns: [breakdown(ACME_X, '2024-01-31', [['DE', 0.7], ['FR', 0.3]])],
		coversUntil: day('2024-02-29')
	});

describe('undoImport', () => {
	it('of the newer export brings back the older values it had overwritten', async () => {
		idOf(await commitImport(database, [importItem(january())]));
		const afterJanuary = await exportAllTables(database);
		const newer = idOf(await commitImport(database, [importItem(midJanuaryToFebruary())]));
		expect((await getBreakdowns(database, ACME_X_ID))[0].entries[0].value).toBe(0.7);

		const result = await undoImport(database, newer);
		expect(result).toEqual({
			ok: true,
			summary: {
				importId: newer,
				fileName: 'jan15-feb.csv',
				restoredDays: 17,
				clearedDays: 29,
				restoredPosts: 1,
				removedPosts: 1,
				removedAccountIds: []
			}
		});

		const [series] = await getMergedSeries(database, { metric: 'impressions' });
		expect(series.startDay).toBe(day('2024-01-01'));
		expect([...series.values]).toEqual(range(31, (i) => 100 + i));
		expect([...series.sources]).toEqual(range(31, () => 1));
		expect((await getPosts(database, ACME_X_ID)).map((stored) => [stored.postId, stored.metrics.likes])).toEqual([['1', 5]]);
		expect((await getBreakdowns(database, ACME_X_ID))[0].entries[0].value).toBe(0.5);

		// Everything is as right after January, except the change counter that counts the undo.
		const now = await exportAllTables(database);
		expect({ ...now, meta: [] }).toEqual({ ...afterJanuary, meta: [] });
	});

	it('of the older export keeps the newer values and clears the days only it had', async () => {
		const older = idOf(await commitImport(database, [importItem(january())]));
		idOf(await commitImport(database, [importItem(midJanuaryToFebruary())]));
		const result = await undoImport(database, older);
		expect(result.ok && result.summary).toMatchObject({ restoredDays: 0, clearedDays: 14 });
		const [series] = await getMergedSeries(database, { metric: 'impressions' });
		expect(series.startDay).toBe(day('2024-01-15'));
		expect(series.values[0]).toBe(1000);
		expect([...new Set(series.sources)]).toEqual([2]);
	});

	it('of the only import leaves an empty workspace', async () => {
		const only = idOf(await commitImport(database, [importItem(january())]));
		const result = await undoImport(database, only);
		expect(result.ok && result.summary.removedAccountIds).toEqual([ACME_X_ID]);

		const tables = await exportAllTables(database);
		for (const name of TABLE_NAMES) {
			if (name !== 'meta') expect(tables[name], name).toEqual([]);
		}
		expect(await workspaceSummary(database)).toMatchObject({ accounts: 0, imports: 0, posts: 0, firstDay: null, isEmpty: true });
	});

	it('keeps an imported account someone has edited, decided on or annotated', async () => {
		const batch = [
			importItem(
				parsedFile({
					account: null,
					series: [
						daily(ACME_X, 'views', '2024-01-01', [1]),
						daily(ACME_IG, 'views', '2024-01-01', [2]),
						daily({ platform: 'x', handle: 'decided' }, 'views', '2024-01-01', [3]),
						daily({ platform: 'x', handle: 'annotated' }, 'views', '2024-01-01', [4]),
						daily({ platform: 'x', handle: 'untouched' }, 'views', '2024-01-01', [5])
					]
				})
			)
		];
		const only = idOf(await commitImport(database, batch));
		await updateAccount(database, ACME_IG_ID, { owner: 'Dana' });
		await moveDecision(database, 'x:decided', { column: 'keep', order: 1 });
		await addAnnotation(database, { startDay: day('2024-01-01'), label: 'Campaign', accountId: 'x:annotated' });

		const result = await undoImport(database, only);
		expect(result.ok && result.summary.removedAccountIds.sort()).toEqual([ACME_X_ID, 'x:untouched']);
		expect((await listAccounts(database)).map((account) => account.id).sort()).toEqual([ACME_IG_ID, 'x:annotated', 'x:decided']);
	});

	it('keeps an account another import still has data for', async () => {
		const first = idOf(await commitImport(database, [importItem(january())]));
		idOf(await commitImport(database, [importItem(parsedFile({ series: [daily(ACME_X, 'followers', '2024-03-01', [10])] }))]));
		const result = await undoImport(database, first);
		expect(result.ok && result.summary.removedAccountIds).toEqual([]);
		expect(await getMergedSeries(database, { metric: 'impressions' })).toEqual([]);
		expect((await getMergedSeries(database, { metric: 'followers' }))[0].values[0]).toBe(10);
	});

	it('says so when the import is not stored', async () => {
		const result = await undoImport(database, 42);
		expect(result).toMatchObject({
			ok: false,
			error: { kind: 'not-found', message: 'That import is no longer stored (it may have been undone in another tab): nothing to undo.' }
		});
	});
});
