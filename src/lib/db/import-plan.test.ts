import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountRef, ParsedFile } from '../domain/model';
import { commitImport } from './commit';
import type { ChorusDatabase } from './database';
import { ImportPlanner, planImport, type DataPlan, type ImportPlan } from './import-plan';
import type { ImportItem } from './prepare';
import { ACME_IG, ACME_X, daily, dispose, freshDatabase, importItem, parsedFile, post, range } from './test-support';

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(async () => {
	await dispose(database);
});

const OTHER_X: AccountRef = { platform: 'x', handle: 'OtherCorp' };
const THIRD_X: AccountRef = { platform: 'x', handle: 'ThirdCorp' };

/** An X overview export: it names no account, so the person chooses one. */
function overview(fileName: string, fromISO: string, values: number[], coversUntil: number | null = null): ParsedFile {
	return parsedFile({
		fileName,
		account: null,
		series: [daily(null, 'impressions', fromISO, values), daily(null, 'engagements', fromISO, values.map((value) => value % 7))],
		posts: [post(null, `p-${fileName}`, fromISO, { impressions: values[0] })],
		rowCount: values.length,
		coversUntil
	});
}

/** A file that names its account, overlapping the overviews' days. */
function named(account: AccountRef, fileName: string, fromISO: string, values: number[]): ParsedFile {
	return parsedFile({
		fileName,
		account,
		series: [daily(account, 'impressions', fromISO, values)],
		posts: [post(account, `p-${fileName}`, fromISO, { impressions: values[0] }), post(account, 'shared-post', fromISO, { impressions: 1 })],
		rowCount: values.length
	});
}

function choose(items: ImportItem[], index: number, account: AccountRef | null): ImportItem[] {
	return items.map((item, position) => {
		if (position !== index) return item;
		const { accountOverride: _dropped, ...rest } = item;
		return account ? { ...rest, accountOverride: { ...account } } : rest;
	});
}

/** The same plan as a fresh, full one of the same items. */
async function expectSameAsFull(plan: ImportPlan, items: readonly ImportItem[]) {
	expect(plan).toEqual(await planImport(database, items));
}

describe('planning again after an account choice', () => {
	it('gives the same plan as planning the whole batch again, choice after choice', async () => {
		// something stored already, so stored values and ranks take part
		const stored = await commitImport(database, [importItem(named(ACME_X, 'stored.csv', '2024-01-10', range(20, (i) => 1000 + i)))]);
		expect(stored.ok).toBe(true);

		const shared = overview('account_overview_copy.csv', '2024-02-01', range(10, (i) => 70 + i));
		let items: ImportItem[] = [
			importItem(overview('account_overview_1.csv', '2024-01-01', range(40, (i) => 10 + i), 20_000)),
			importItem(named(ACME_X, 'acme_a.csv', '2024-01-15', range(30, (i) => 500 + i))),
			importItem(overview('account_overview_2.csv', '2024-01-20', range(40, (i) => 30 + (i % 5)))),
			importItem(named(OTHER_X, 'other.csv', '2024-01-01', range(60, (i) => 900 + i))),
			// the same bytes twice: whether the second is a repeat depends on the accounts chosen
			importItem(shared, { sha256: 'd'.repeat(64) }),
			importItem(shared, { sha256: 'd'.repeat(64), fileName: 'account_overview_copy (1).csv' }),
			importItem(named(ACME_X, 'acme_b.csv', '2024-02-01', range(30, (i) => 600 + (i % 3)))),
			importItem(parsedFile({ fileName: 'empty.csv' })),
			importItem(parsedFile({ fileName: 'mixed.csv', account: ACME_IG, series: [daily(ACME_IG, 'reach', '2024-01-05', [1, 2, 3]), daily(ACME_X, 'impressions', '2024-01-18', [4, 5, 6])] }))
		];
		const planner = new ImportPlanner(database);
		await expectSameAsFull(await planner.plan(items), items);

		const steps: [number, AccountRef | null][] = [
			[0, ACME_X],
			[2, OTHER_X],
			[4, ACME_X],
			[5, ACME_X], // now a repeat of the file before it
			[5, THIRD_X], // no longer a repeat
			[0, OTHER_X], // moved from one account to another
			[2, null], // back to no account
			[4, THIRD_X],
			[2, ACME_X]
		];
		for (const [index, account] of steps) {
			items = choose(items, index, account);
			await expectSameAsFull(await planner.plan(items), items);
		}
		const last = await planner.plan(items);
		expect(last.canCommit).toBe(true);
		// both copies now go to the same account: the second is a repeat of the first
		expect(last.items.map((item) => item.status)).toEqual(['ready', 'ready', 'ready', 'ready', 'ready', 'duplicate', 'ready', 'empty', 'ready']);
	});

	it('keeps the planned items of files whose accounts the choice does not touch', async () => {
		let items: ImportItem[] = [
			importItem(named(ACME_X, 'acme.csv', '2024-01-01', [1, 2, 3])),
			importItem(overview('account_overview.csv', '2024-01-02', [5, 6])),
			importItem(named(OTHER_X, 'other.csv', '2024-01-01', [7, 8]))
		];
		const planner = new ImportPlanner(database);
		const before = await planner.plan(items);
		items = choose(items, 1, ACME_X);
		const after = await planner.plan(items);
		expect(after.items[2]).toBe(before.items[2]);
		expect(after.items[0]).not.toBe(before.items[0]);
		expect((after.items[1] as DataPlan).metrics.map((metric) => metric.overlapDays)).toEqual([2, 0]);
		await expectSameAsFull(after, items);
	});

	it('reads storage again only for what it has not read: a second choice for the same new account reads nothing', async () => {
		let items: ImportItem[] = [
			importItem(overview('account_overview_1.csv', '2024-01-01', [5, 6])),
			importItem(overview('account_overview_2.csv', '2024-02-01', [7, 8])),
			importItem(named(ACME_X, 'acme.csv', '2024-01-01', [1, 2, 3]))
		];
		const planner = new ImportPlanner(database);
		const transactions = vi.spyOn(database, 'transaction');
		await planner.plan(items);
		expect(transactions).toHaveBeenCalled();

		// a new account: it and its records are looked up once
		transactions.mockClear();
		items = choose(items, 0, THIRD_X);
		await expectSameAsFull(await planner.plan(items), items);
		expect(transactions).toHaveBeenCalled();

		// the same account, the same metrics and year, all found empty: nothing to read
		transactions.mockClear();
		items = choose(items, 1, THIRD_X);
		const plan = await planner.plan(items);
		expect(transactions).not.toHaveBeenCalled();
		await expectSameAsFull(plan, items);
		expect(plan.canCommit).toBe(true);

		// an account with stored data is read, whatever was read before
		expect((await commitImport(database, [importItem(named(OTHER_X, 'other.csv', '2024-02-01', [40, 41]))])).ok).toBe(true);
		const again = new ImportPlanner(database);
		await again.plan(items);
		transactions.mockClear();
		items = choose(items, 1, OTHER_X);
		const overlapping = await again.plan(items);
		expect(transactions).toHaveBeenCalled();
		expect((overlapping.items[1] as DataPlan).metrics[0].overlapDays).toBe(2);
		await expectSameAsFull(overlapping, items);
	});

	it('lists the series records of an account once: a later choice for another year or metric of it reads nothing', async () => {
		expect((await commitImport(database, [importItem(named(OTHER_X, 'other.csv', '2024-02-01', [40, 41]))])).ok).toBe(true);
		// daily figures only, as X's account overview gives them
		const figures = (fileName: string, fromISO: string, metric: 'impressions' | 'engagements', values: number[]) =>
			importItem(parsedFile({ fileName, account: null, series: [daily(null, metric, fromISO, values)], rowCount: values.length }));
		let items: ImportItem[] = [
			figures('overview_2023.csv', '2023-03-01', 'impressions', [1, 2]),
			figures('overview_2022.csv', '2022-05-01', 'engagements', [3, 4]),
			figures('overview_2024.csv', '2024-02-02', 'impressions', [5, 6])
		];
		const planner = new ImportPlanner(database);
		await planner.plan(items);
		const transactions = vi.spyOn(database, 'transaction');

		items = choose(items, 0, OTHER_X);
		const first = await planner.plan(items);
		expect(transactions).toHaveBeenCalled();
		await expectSameAsFull(first, items);

		// another year and another metric of the same account: its stored records are known
		transactions.mockClear();
		items = choose(items, 1, OTHER_X);
		const second = await planner.plan(items);
		expect(transactions).not.toHaveBeenCalled();
		await expectSameAsFull(second, items);

		// a year it has stored figures for is read, and the overlap shows
		transactions.mockClear();
		items = choose(items, 2, OTHER_X);
		const plan = await planner.plan(items);
		expect(transactions).toHaveBeenCalled();
		expect((plan.items[2] as DataPlan).metrics[0].overlapDays).toBe(1);
		await expectSameAsFull(plan, items);
	});

	it('runs plans one after the other, each on the batch it was given', async () => {
		const base: ImportItem[] = [importItem(overview('account_overview.csv', '2024-01-02', [5, 6])), importItem(named(ACME_X, 'acme.csv', '2024-01-01', [1, 2, 3]))];
		const planner = new ImportPlanner(database);
		const first = planner.plan(base);
		const chosen = choose(base, 0, ACME_X);
		const second = planner.plan(chosen);
		const [one, two] = await Promise.all([first, second]);
		expect(one).toEqual(await planImport(database, base));
		expect(two).toEqual(await planImport(database, chosen));
	});
});
