import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../schemas/db-records';
import { commitImport } from './commit';
import type { ChorusDatabase } from './database';
import { addAnnotation, getMergedSeries, moveDecision } from './queries';
import { ACME_X, breakdown, daily, day, dispose, freshDatabase, importItem, parsedFile, post } from './test-support';
import { clearWorkspace, exportAllTables, replaceAllTables } from './wipe';

let source: ChorusDatabase;
let target: ChorusDatabase;
beforeEach(async () => {
	source = freshDatabase();
	target = freshDatabase();
	await commitImport(source, [
		importItem(
			parsedFile({
				series: [daily(ACME_X, 'impressions', '2024-01-01', [1, 2, 3])],
				posts: [post(ACME_X, '1', '2024-01-02', { likes: 4 })],
				breakdowns: [breakdown(ACME_X, '2024-01-03', [['DE', 1]])]
			})
		)
	]);
	await moveDecision(source, 'x:acmecorp', { column: 'keep', order: 1 });
	await addAnnotation(source, { startDay: day('2024-01-02'), label: 'Launch' });
});
afterEach(async () => {
	await dispose(source);
	await dispose(target);
});

describe('exportAllTables / replaceAllTables', () => {
	it('carry a workspace into another database unchanged, typed arrays still typed', async () => {
		const data = await exportAllTables(source);
		expect(Object.keys(data).sort()).toEqual([...TABLE_NAMES].sort());
		expect(data.series[0].values).toBeInstanceOf(Float64Array);

		await commitImport(target, [importItem(parsedFile({ series: [daily(ACME_X, 'views', '2020-01-01', [9])] }))]);
		const result = await replaceAllTables(target, data);
		expect(result.ok && result.counts).toMatchObject({ accounts: 1, imports: 1, series: 1, decisions: 1, annotations: 1 });
		expect(await exportAllTables(target)).toEqual(data);
		const [series] = await getMergedSeries(target);
		expect(series.sources).toBeInstanceOf(Uint32Array);
		expect([...series.values]).toEqual([1, 2, 3]);
	});

	it.each([
		[
			'a record in the wrong shape',
			(data: Awaited<ReturnType<typeof exportAllTables>>) => ({ ...data, accounts: [{ ...data.accounts[0], platform: 'myspace' }] }),
			'Record 1 of "accounts" is not in the shape Chorus expects (platform:'
		],
		[
			'a series value without the import it came from',
			(data: Awaited<ReturnType<typeof exportAllTables>>) => {
				const sources = new Uint32Array(data.series[0].sources);
				sources[0] = 0;
				return { ...data, series: [{ ...data.series[0], sources }] };
			},
			'Every value names the import it came from'
		],
		[
			'values pointing at an import the data lacks',
			(data: Awaited<ReturnType<typeof exportAllTables>>) => ({ ...data, imports: [] }),
			'Some stored values name imports the data does not contain (#1).'
		]
	])('refuse %s and change nothing', async (_case, corrupt, message) => {
		const data = await exportAllTables(source);
		const before = await exportAllTables(target);
		const result = await replaceAllTables(target, corrupt(data));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error.kind).toBe('invalid-data');
			expect(result.error.message).toContain(message);
			expect(result.error.message).toContain('The snapshot was not loaded and your data is unchanged.');
		}
		expect(await exportAllTables(target)).toEqual(before);
	});

	it('treat a table left out as empty', async () => {
		const result = await replaceAllTables(target, { annotations: (await exportAllTables(source)).annotations });
		expect(result.ok).toBe(true);
		const tables = await exportAllTables(target);
		expect(tables.annotations).toHaveLength(1);
		expect(tables.accounts).toEqual([]);
	});
});

describe('clearWorkspace', () => {
	it('empties every table', async () => {
		expect(await clearWorkspace(source)).toEqual({ ok: true });
		const tables = await exportAllTables(source);
		for (const name of TABLE_NAMES) expect(tables[name], name).toEqual([]);
	});
});
