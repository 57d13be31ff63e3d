import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedFile } from '../domain/model';
import { commitImport, postLayerWeight, writeInSlices, type CommitResult } from './commit';
import type { ChorusDatabase } from './database';
import { planImport, type DataPlan } from './import-plan';
import {
	getBreakdowns,
	getMergedSeries,
	getPosts,
	listAccounts,
	listImports,
	listMetricsAvailable,
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
import { exportAllTables } from './wipe';
import { countRequests, resetCounts } from './test-requests';
import { undoImport } from './undo';
import { fileMessage } from '../importers/messages';
import { serializeSnapshot } from '../snapshot/serialize';

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(async () => {
	await dispose(database);
});

function committed(result: CommitResult) {
	if (!result.ok) throw new Error(`commit failed: ${result.error.message}`);
	return result;
}

/** January: impressions 100..130 for Jan 1–31. */
const january = () =>
	parsedFile({
		fileName: 'january.csv',
		series: [daily(ACME_X, 'impressions', '2024-01-01', range(31, (i) => 100 + i))],
		rowCount: 31,
		coversUntil: day('2024-01-31')
	});

/**
 * Mid-January to February: Jan 15–31 again (Jan 15–20 revised up by 1, Jan 21–31 the same) and
 * Feb 1–29 new, values 200..228.
 */
const midJanuaryToFebruary = () =>
	parsedFile({
		fileName: 'jan15-feb.csv',
		series: [
			daily(ACME_X, 'impressions', '2024-01-15', [
				...range(17, (i) => 114 + i + (i < 6 ? 1 : 0)),
				...range(29, (i) => 200 + i)
			])
		],
		rowCount: 46,
		coversUntil: day('2024-02-29')
	});

describe('commitImport then queries', () => {
	it('stores a file and every query reads it back with its provenance', async () => {
		const file = parsedFile({
			fileName: 'acme_overview.csv',
			series: [
				daily(ACME_X, 'impressions', '2024-03-01', [10, 20, null, 40]),
				daily(ACME_X, 'followers', '2024-03-01', [500, 501, 502, 503])
			],
			posts: [post(ACME_X, '1790000000000000001', '2024-03-02', { likes: 3, impressions: 90 }, 'Launch day')],
			breakdowns: [breakdown(ACME_X, '2024-03-04', [['DE', 0.6], ['FR', 0.4]])],
			rowCount: 4,
			coversUntil: day('2024-03-04')
		});
		const result = committed(
			await commitImport(database, [importItem(file, { sha256: 'a'.repeat(64) })], {
				now: new Date('2024-03-05T10:00:00Z'),
				batchId: 'batch-1'
			})
		);

		expect(result.createdAccountIds).toEqual([ACME_X_ID]);
		expect(result.imported).toEqual([
			{
				importId: 1,
				fileName: 'acme_overview.csv',
				accountIds: [ACME_X_ID],
				counts: { seriesPoints: 7, posts: 1, breakdowns: 1, newDays: 7, overlapDays: 0, updatedPosts: 0 }
			}
		]);

		const [account] = await listAccounts(database);
		expect(account).toMatchObject({
			id: ACME_X_ID,
			platform: 'x',
			handle: 'AcmeCorp',
			displayName: 'Acme Corp',
			origin: 'import',
			editedAt: null,
			createdAt: '2024-03-05T10:00:00.000Z'
		});

		const [record] = await listImports(database);
		expect(record).toMatchObject({
			id: 1,
			sha256: 'a'.repeat(64),
			batchId: 'batch-1',
			firstDay: day('2024-03-01'),
			lastDay: day('2024-03-04'),
			coversUntil: day('2024-03-04'),
			importedAt: '2024-03-05T10:00:00.000Z'
		});

		const impressions = await getMergedSeries(database, { metric: 'impressions' });
		expect(impressions).toHaveLength(1);
		expect(impressions[0].startDay).toBe(day('2024-03-01'));
		expect([...impressions[0].values]).toEqual([10, 20, NaN, 40]);
		expect([...impressions[0].sources]).toEqual([1, 1, 0, 1]);
		expect(impressions[0].values).toBeInstanceOf(Float64Array);

		expect(await listMetricsAvailable(database)).toEqual(['followers', 'impressions']);
		expect(await listMetricsAvailable(database, ACME_X_ID)).toEqual(['followers', 'impressions']);
		expect(await listMetricsAvailable(database, 'x:nobody')).toEqual([]);

		const posts = await getPosts(database, ACME_X_ID);
		expect(posts).toEqual([
			{
				platform: 'x',
				postId: '1790000000000000001',
				accountId: ACME_X_ID,
				sourceImportId: 1,
				publishedAt: '2024-03-02T09:00',
				day: day('2024-03-02'),
				text: 'Launch day',
				metrics: { likes: 3, impressions: 90 }
			}
		]);
		const [audience] = await getBreakdowns(database, ACME_X_ID);
		expect(audience).toMatchObject({ importId: 1, dimension: 'country', entries: [{ key: 'DE', value: 0.6 }, { key: 'FR', value: 0.4 }] });

		expect(await workspaceSummary(database)).toEqual({
			accounts: 1,
			imports: 1,
			firstDay: day('2024-03-01'),
			lastDay: day('2024-03-04'),
			lastImportedAt: '2024-03-05T10:00:00.000Z',
			posts: 1,
			breakdowns: 1,
			metrics: 2,
			changesSinceSnapshot: 1,
			lastSnapshotExportAt: null,
			isEmpty: false
		});
	});

	it('joins a series that crosses New Year into one span', async () => {
		committed(
			await commitImport(database, [importItem(parsedFile({ series: [daily(ACME_X, 'views', '2023-12-30', [1, 2, 3, 4])] }))])
		);
		expect(await database.series.count()).toBe(2);
		const [views] = await getMergedSeries(database, { accountIds: [ACME_X_ID], metric: 'views' });
		expect(views.startDay).toBe(day('2023-12-30'));
		expect([...views.values]).toEqual([1, 2, 3, 4]);
	});

	it('handles 40 accounts × 10 years × 3 metrics with one layer per (account, metric)', async () => {
		const accounts = range(40, (i) => ({ platform: 'x' as const, handle: `acct${i}` }));
		const days = day('2024-12-31') - day('2015-01-01') + 1;
		const items = accounts.map((account, i) =>
			importItem(
				parsedFile({
					fileName: `acct${i}.csv`,
					account,
					series: (['impressions', 'followers', 'likes'] as const).map((metric) =>
						daily(account, metric, '2015-01-01', range(days, (d) => d + i))
					)
				})
			)
		);
		const result = committed(await commitImport(database, items));
		expect(result.imported).toHaveLength(40);
		expect(await database.seriesLayers.count()).toBe(120);
		expect(await database.series.count()).toBe(1200);
		const [series] = await getMergedSeries(database, { accountIds: ['x:acct7'], metric: 'likes' });
		expect(series.values.length).toBe(days);
		expect(series.values[days - 1]).toBe(days - 1 + 7);
	});
});

describe('re-importing the same content', () => {
	it('is a no-op that says when it was imported', async () => {
		const first = importItem(january(), { sha256: 'f'.repeat(64) });
		committed(await commitImport(database, [first], { now: new Date(2024, 4, 2, 12, 0) }));
		const before = await exportAllTables(database);

		const again = importItem(january(), { sha256: 'f'.repeat(64), fileName: 'january (1).csv' });
		const plan = await planImport(database, [again]);
		expect(plan.items[0]).toMatchObject({
			status: 'duplicate',
			existingImportId: 1,
			message: 'Already imported on 2024-05-02 (as “january.csv”): nothing to do.'
		});
		expect(plan.canCommit).toBe(false);

		const result = committed(await commitImport(database, [again]));
		expect(result.imported).toEqual([]);
		expect(result.skipped).toMatchObject([
			{
				fileName: 'january (1).csv',
				sha256: 'f'.repeat(64),
				reason: 'duplicate',
				message: 'Already imported on 2024-05-02 (as “january.csv”): nothing to do.',
				existingImportId: 1
			}
		]);
		expect(await exportAllTables(database)).toEqual(before);
	});

	it('is recognised by the parsed content when the browser could not hash the files', async () => {
		const result = committed(
			await commitImport(database, [
				importItem(january(), { sha256: '' }),
				importItem(midJanuaryToFebruary(), { sha256: '' }),
				importItem(january(), { sha256: '', fileName: 'january again.csv' })
			])
		);
		expect(result.imported.map((record) => record.fileName)).toEqual(['january.csv', 'jan15-feb.csv']);
		expect(result.skipped.map((skip) => skip.fileName)).toEqual(['january again.csv']);
		expect((await listImports(database)).every((record) => record.sha256.startsWith('parsed:'))).toBe(true);
	});

	it('saves a file given twice in one batch once', async () => {
		const plan = await planImport(database, [
			importItem(january(), { sha256: 'b'.repeat(64) }),
			importItem(january(), { sha256: 'b'.repeat(64), fileName: 'copy.csv' })
		]);
		expect(plan.items.map((item) => item.status)).toEqual(['ready', 'duplicate']);
		expect(plan.items[1].message).toBe('The same file is already in this batch (“january.csv”): it is saved once.');

		const result = committed(
			await commitImport(database, [
				importItem(january(), { sha256: 'b'.repeat(64) }),
				importItem(january(), { sha256: 'b'.repeat(64), fileName: 'copy.csv' })
			])
		);
		expect(result.imported).toHaveLength(1);
		expect(result.skipped.map((skip) => skip.reason)).toEqual(['duplicate']);
		expect(await database.imports.count()).toBe(1);
	});
});

describe('overlapping exports', () => {
	it('merge without double counting, the newer export winning the overlap; the plan counts the overlap', async () => {
		committed(await commitImport(database, [importItem(january())]));

		const plan = await planImport(database, [importItem(midJanuaryToFebruary())]);
		const planned = plan.items[0] as DataPlan;
		expect(planned.status).toBe('ready');
		expect(planned.metrics).toEqual([
			{
				accountId: ACME_X_ID,
				metric: 'impressions',
				firstDay: day('2024-01-15'),
				lastDay: day('2024-02-29'),
				days: 46,
				newDays: 29,
				overlapDays: 17,
				changedDays: 6,
				keptDays: 0
			}
		]);
		expect(plan.totals).toMatchObject({ newDays: 29, overlapDays: 17, changedDays: 6 });
		// planning writes nothing
		expect(await database.imports.count()).toBe(1);

		const result = committed(await commitImport(database, [importItem(midJanuaryToFebruary())]));
		expect(result.imported[0].counts).toMatchObject({ seriesPoints: 46, newDays: 29, overlapDays: 17 });

		const [series] = await getMergedSeries(database, { metric: 'impressions' });
		expect(series.startDay).toBe(day('2024-01-01'));
		expect(series.values.length).toBe(60);
		// Jan 1–14 from January, Jan 15–Feb 29 from the newer export
		const expected = [...range(14, (i) => 100 + i), ...range(17, (i) => 114 + i + (i < 6 ? 1 : 0)), ...range(29, (i) => 200 + i)];
		expect([...series.values]).toEqual(expected);
		expect([...series.sources]).toEqual([...range(14, () => 1), ...range(46, () => 2)]);
		const total = series.values.reduce((sum, value) => sum + value, 0);
		expect(total).toBe(expected.reduce((sum, value) => sum + value, 0));
	});

	it('keep the newer export’s values when the older export is imported second', async () => {
		committed(await commitImport(database, [importItem(midJanuaryToFebruary())]));
		const plan = await planImport(database, [importItem(january())]);
		expect((plan.items[0] as DataPlan).metrics[0]).toMatchObject({ newDays: 14, overlapDays: 17, changedDays: 0, keptDays: 6 });

		committed(await commitImport(database, [importItem(january())]));
		const [series] = await getMergedSeries(database, { metric: 'impressions' });
		expect(series.values[14]).toBe(115); // Jan 15 keeps the revised value
		expect([...series.sources.slice(13, 15)]).toEqual([2, 1]);
	});

	it('count a later file of the same batch against the earlier one', async () => {
		const plan = await planImport(database, [importItem(january()), importItem(midJanuaryToFebruary())]);
		expect((plan.items[1] as DataPlan).metrics[0]).toMatchObject({ newDays: 29, overlapDays: 17, changedDays: 6 });
		expect(plan.newAccounts.map((account) => account.id)).toEqual([ACME_X_ID]);
	});
});

describe('posts', () => {
	it('merge by id; a later export updates lifetime metrics', async () => {
		const older = parsedFile({
			fileName: 'tweets-march.csv',
			posts: [post(ACME_X, '1', '2024-03-01', { likes: 5, impressions: 100 }), post(ACME_X, '2', '2024-03-02', { likes: 1 })],
			coversUntil: day('2024-03-31')
		});
		const newer = parsedFile({
			fileName: 'tweets-april.csv',
			posts: [post(ACME_X, '1', '2024-03-01', { likes: 9, impressions: 180 }), post(ACME_X, '3', '2024-04-02', { likes: 4 })],
			coversUntil: day('2024-04-30')
		});
		committed(await commitImport(database, [importItem(older)]));
		const plan = await planImport(database, [importItem(newer)]);
		expect((plan.items[0] as DataPlan).posts).toEqual({ total: 2, new: 1, updated: 1, kept: 0 });

		const result = committed(await commitImport(database, [importItem(newer)]));
		expect(result.imported[0].counts).toMatchObject({ posts: 2, updatedPosts: 1 });
		const posts = await getPosts(database, ACME_X_ID);
		expect(posts.map((stored) => [stored.postId, stored.metrics.likes, stored.sourceImportId])).toEqual([
			['1', 9, 2],
			['2', 1, 1],
			['3', 4, 2]
		]);
	});
});

describe('accounts', () => {
	it('are never overwritten where a person edited them; empty identity fields are filled', async () => {
		committed(await commitImport(database, [importItem(parsedFile({ series: [daily({ platform: 'x', handle: 'AcmeCorp' }, 'views', '2024-01-01', [1])] }))]));
		expect((await listAccounts(database))[0].displayName).toBe('AcmeCorp');
		await updateAccount(database, ACME_X_ID, { displayName: 'Acme (global)', owner: 'Dana' });

		const richer = { ...ACME_X, externalId: '12345' };
		committed(await commitImport(database, [importItem(parsedFile({ account: richer, series: [daily(richer, 'views', '2024-01-02', [2])] }))]));
		const [account] = await listAccounts(database);
		expect(account).toMatchObject({ displayName: 'Acme (global)', owner: 'Dana', externalId: '12345' });
	});

	it('take the display name a later file brings while nobody has edited the account', async () => {
		committed(await commitImport(database, [importItem(parsedFile({ series: [daily({ platform: 'x', handle: 'AcmeCorp' }, 'views', '2024-01-01', [1])] }))]));
		committed(await commitImport(database, [importItem(parsedFile({ series: [daily(ACME_X, 'views', '2024-01-02', [2])] }))]));
		expect((await listAccounts(database))[0].displayName).toBe('Acme Corp');
	});
});

describe('files that name no account', () => {
	const anonymous = (fileName: string): ParsedFile =>
		parsedFile({
			fileName,
			format: 'meta-business-suite',
			platform: 'instagram',
			account: null,
			series: [daily(null, 'reach', '2024-01-01', [5, 6])]
		});

	it('are refused until an account is chosen, and the choice is suggested for the next file of that kind', async () => {
		const plan = await planImport(database, [importItem(anonymous('Jan-01-2024_Jan-31-2024_1.csv'))]);
		expect(plan.items[0].status).toBe('needs-account');
		expect(plan.canCommit).toBe(false);
		expect((plan.items[0] as DataPlan).unresolved).toEqual({ series: 1, posts: 0, breakdowns: 0 });

		const refused = await commitImport(database, [importItem(anonymous('Jan-01-2024_Jan-31-2024_1.csv'))]);
		expect(refused.ok).toBe(false);
		if (!refused.ok) {
			expect(refused.error.kind).toBe('account-missing');
			expect(refused.error.message).toBe(
				'Choose the account for “Jan-01-2024_Jan-31-2024_1.csv” first: it does not say whose data it is. Nothing was saved.'
			);
		}
		expect(await database.imports.count()).toBe(0);

		const result = committed(
			await commitImport(database, [importItem(anonymous('Jan-01-2024_Jan-31-2024_1.csv'), { accountOverride: ACME_IG })])
		);
		expect(result.createdAccountIds).toEqual([ACME_IG_ID]);
		expect((await listImports(database))[0].accountOverride).toEqual(ACME_IG);

		const next = await planImport(database, [importItem(anonymous('Feb-01-2024_Feb-29-2024_2.csv'))]);
		expect((next.items[0] as DataPlan).rememberedAccount).toEqual(ACME_IG);
	});

	it('need no account when they are already stored', async () => {
		const file = anonymous('Jan-01-2024_Jan-31-2024_1.csv');
		committed(await commitImport(database, [importItem(file, { sha256: 'c'.repeat(64), accountOverride: ACME_IG })]));
		const again = committed(await commitImport(database, [importItem(file, { sha256: 'c'.repeat(64) })]));
		expect(again.skipped.map((skip) => skip.reason)).toEqual(['duplicate']);
	});
});

describe('a failure inside the transaction', () => {
	async function failingCommit(error: unknown) {
		committed(await commitImport(database, [importItem(january())]));
		const before = await exportAllTables(database);
		const result = await commitImport(
			database,
			[
				importItem(
					parsedFile({
						...midJanuaryToFebruary(),
						account: ACME_IG,
						series: [...midJanuaryToFebruary().series, daily(ACME_IG, 'reach', '2024-02-01', [1, 2])],
						posts: [post(ACME_X, '9', '2024-02-01', { likes: 1 })],
						breakdowns: [breakdown(ACME_X, '2024-02-29', [['DE', 1]])]
					})
				)
			],
			{
				afterLayersWritten: () => {
					throw error;
				}
			}
		);
		expect(await exportAllTables(database)).toEqual(before);
		return result;
	}

	it('leaves every table exactly as before', async () => {
		const result = await failingCommit(new Error('disk went away'));
		expect(result).toMatchObject({
			ok: false,
			error: {
				kind: 'failed',
				message:
					"The browser's storage refused the change: nothing from this import was saved. Try again; if it keeps failing, export a snapshot and reload.",
				detail: 'Error: disk went away'
			}
		});
	});

	it('reports a full disk in words a person can act on', async () => {
		const result = await failingCommit(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error.kind).toBe('quota');
			expect(result.error.message).toBe(
				"Your browser's storage is full: nothing from this import was saved. Free space or export a snapshot and clear old data."
			);
		}
	});
});

describe('empty files', () => {
	it('are skipped with a reason', async () => {
		const plan = await planImport(database, [importItem(parsedFile({ fileName: 'empty.csv' }))]);
		expect(plan.items[0]).toMatchObject({ status: 'empty', message: 'This file holds no data Chorus can store: nothing to import.' });
		expect(plan.canCommit).toBe(false);
		const result = committed(await commitImport(database, [importItem(parsedFile({ fileName: 'empty.csv' }))]));
		expect(result.skipped).toMatchObject([{ fileName: 'empty.csv', reason: 'empty' }]);
		expect(await database.imports.count()).toBe(0);
		expect((await workspaceSummary(database)).changesSinceSnapshot).toBe(0);
	});
});

describe('stored row issues', () => {
	it('keep line, severity and the English text only, so a snapshot of the workspace can still be saved', async () => {
		const file = parsedFile({
			fileName: 'acme_overview.csv',
			series: [daily(ACME_X, 'impressions', '2024-03-01', [10, 20])],
			rowCount: 3,
			coversUntil: day('2024-03-02'),
			issues: [{ line: 4, severity: 'error', ...fileMessage('row.notDate', { cell: 'soon', column: 'Date' }) }]
		});
		committed(await commitImport(database, [importItem(file, { sha256: 'c'.repeat(64) })], { now: new Date('2024-03-05T10:00:00Z') }));
		const [record] = await listImports(database);
		expect(record.issues).toEqual([{ line: 4, severity: 'error', message: 'Row skipped: “soon” in column “Date” is not a date.' }]);
		// the snapshot format refuses keys it does not define, so nothing unknown may be stored
		const bytes = await serializeSnapshot(await exportAllTables(database), { appVersion: 'test', exportedAt: new Date('2024-03-05T10:00:00Z') });
		expect(bytes.length).toBeGreaterThan(0);
	});
});

describe('import records', () => {
	// each record used to be added as a draft (for its id) and written again with its counts
	it('are written once each, with the ids auto-increment gives them', async () => {
		const requests = countRequests(database);
		const file = (month: number) =>
			parsedFile({
				fileName: `month-${month}.csv`,
				series: [daily(ACME_X, 'impressions', `2024-0${month}-01`, [month, month + 1])],
				rowCount: 2,
				coversUntil: day(`2024-0${month}-02`)
			});
		const first = committed(await commitImport(database, [importItem(file(1)), importItem(file(2))]));
		expect(first.imported.map((entry) => entry.importId)).toEqual([1, 2]);
		// the key generator does not go back when the newest import is undone: the next id is 3, not 2
		expect((await undoImport(database, 2)).ok).toBe(true);
		resetCounts(requests);

		const second = committed(await commitImport(database, [importItem(file(3)), importItem(file(4)), importItem(file(5))]));
		expect(second.imported.map((entry) => entry.importId)).toEqual([3, 4, 5]);
		// the first record is added ahead for its id and written again with its counts; the others once
		expect((requests.writes.get('imports add') ?? 0) + (requests.writes.get('imports put') ?? 0)).toBe(4);
		const stored = await listImports(database);
		expect(stored.map((record) => [record.id, record.fileName, record.counts.newDays])).toEqual(
			expect.arrayContaining([
				[1, 'month-1.csv', 2],
				[3, 'month-3.csv', 2],
				[4, 'month-4.csv', 2],
				[5, 'month-5.csv', 2]
			])
		);
		expect(stored).toHaveLength(4);
		// and the generator carries on after the ids given explicitly
		const third = committed(await commitImport(database, [importItem(file(6))]));
		expect(third.imported.map((entry) => entry.importId)).toEqual([6]);
	});
});

describe('writeInSlices', () => {
	it('hands the next chunk over before the answer to the last one arrives, never more than two', async () => {
		const answers: (() => void)[] = [];
		const handed: number[][] = [];
		let waiting = 0;
		let most = 0;
		const writing = writeInSlices(
			range(100, (index) => index),
			(chunk) =>
				new Promise<void>((resolve) => {
					handed.push(chunk);
					most = Math.max(most, ++waiting);
					answers.push(() => {
						waiting--;
						resolve();
					});
				})
		);
		// the first two chunks are handed over before any answer
		expect(handed).toHaveLength(2);
		while (answers.length > 0) {
			answers.shift()!();
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		await writing;
		expect(handed.flat()).toEqual(range(100, (index) => index));
		expect(most).toBe(2);
	});

	it('cuts chunks by what the records weigh when given their weight', async () => {
		// post layers hold a few posts to thousands: a chunk of heavy ones was a long task
		const records = [...range(20, () => ({ posts: 1 })), ...range(3, () => ({ posts: 40 })), ...range(5, () => ({ posts: 1 }))];
		const chunks: { posts: number }[][] = [];
		await writeInSlices(
			records,
			async (chunk) => {
				chunks.push(chunk);
			},
			{ weightOf: (record) => record.posts }
		);
		expect(chunks.flat()).toEqual(records);
		// the first chunk weighs what the first chunk of plain records counts (16), and a record heavier
		// than the budget goes alone
		expect(chunks[0]).toHaveLength(16);
		expect(chunks.some((chunk) => chunk.length === 1 && chunk[0].posts === 40)).toBe(true);
	});

	it('weighs a post layer by its posts and their text', () => {
		const posts = (count: number, text: string) => range(count, (index) => ({ ...post(ACME_X, String(index), '2024-01-01', {}, text), accountId: ACME_X_ID, sourceImportId: 1 }));
		expect(postLayerWeight({ posts: posts(10, '') })).toBe(11);
		expect(postLayerWeight({ posts: posts(10, 'x'.repeat(640)) })).toBe(111);
	});

	it('awaits each chunk before the next when asked not to overlap them', async () => {
		const answers: (() => void)[] = [];
		const handed: number[][] = [];
		const writing = writeInSlices(
			range(100, (index) => index),
			(chunk) =>
				new Promise<void>((resolve) => {
					handed.push(chunk);
					answers.push(resolve);
				}),
			{ overlap: false }
		);
		expect(handed).toHaveLength(1);
		while (answers.length > 0) {
			answers.shift()!();
			await new Promise((resolve) => setTimeout(resolve, 0));
			expect(answers.length).toBeLessThanOrEqual(1);
		}
		await writing;
		expect(handed.flat()).toEqual(range(100, (index) => index));
	});

	it('fails when a chunk fails, with that chunk’s error', async () => {
		let calls = 0;
		const failing = writeInSlices(range(100, (index) => index), async () => {
			if (++calls === 2) throw new Error('second chunk refused');
		});
		await expect(failing).rejects.toThrow('second chunk refused');
	});

	it('hands every record over once, in order, in chunks that follow the time a chunk took', async () => {
		const records = range(1000, (index) => index);
		const chunks: number[][] = [];
		await writeInSlices(records, async (chunk) => {
			chunks.push(chunk);
		});
		expect(chunks.flat()).toEqual(records);
		// quick chunks grow: far fewer writes than records
		expect(chunks.length).toBeLessThan(10);
		expect(chunks[1].length).toBeGreaterThan(chunks[0].length);
	});

	it('shrinks the chunks when handing one over takes long', async () => {
		const sizes: number[] = [];
		await writeInSlices(range(100, (index) => index), async (chunk) => {
			sizes.push(chunk.length);
			const until = performance.now() + 70;
			while (performance.now() < until) {
				// the synchronous part of a write (IndexedDB's copy of the records) is what is timed
			}
		});
		expect(sizes.slice(0, 4)).toEqual([16, 8, 4, 2]);
	});
});
