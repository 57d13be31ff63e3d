import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountRef } from '../domain/model';
import { commitImport } from './commit';
import type { ChorusDatabase } from './database';
import { planImport } from './import-plan';
import type { ImportItem } from './prepare';
import { listImports } from './queries';
import { daily, dispose, freshDatabase, parsedFile } from './test-support';

const SHA = 'a'.repeat(64);
const FABRIKAM: AccountRef = { platform: 'x', handle: 'Fabrikam' };
const TAILSPIN: AccountRef = { platform: 'x', handle: 'Tailspin' };

/** The same bytes (a quiet month: all zeros) exported for an account named only by the file name. */
function quietExport(account: AccountRef | null, fileName: string): ImportItem {
	return {
		parsed: parsedFile({ fileName, account, series: [daily(account, 'impressions', '2025-01-01', [0, 0, 0])], coversUntil: null }),
		fileName,
		size: 120,
		sha256: SHA
	};
}

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(() => dispose(database));

describe('duplicate detection', () => {
	it('stores byte-identical exports of two different accounts, each for its own account', async () => {
		const fabrikam = quietExport(FABRIKAM, 'daily_tweet_activity_metrics_Fabrikam_20250101_20250103_en.csv');
		const tailspin = quietExport(TAILSPIN, 'daily_tweet_activity_metrics_Tailspin_20250101_20250103_en.csv');
		const plan = await planImport(database, [fabrikam, tailspin]);
		expect(plan.items.map((item) => item.status)).toEqual(['ready', 'ready']);

		const result = await commitImport(database, [fabrikam, tailspin]);
		expect(result.ok && result.imported.map((entry) => entry.accountIds)).toEqual([['x:fabrikam'], ['x:tailspin']]);
		const stored = await listImports(database);
		expect(stored.map((record) => record.sha256).sort()).toEqual([SHA, `${SHA}#x:tailspin`]);
	});

	it('still finds each of them again as already imported, in any order', async () => {
		const fabrikam = quietExport(FABRIKAM, 'f.csv');
		const tailspin = quietExport(TAILSPIN, 't.csv');
		expect((await commitImport(database, [fabrikam])).ok).toBe(true);
		expect((await commitImport(database, [tailspin])).ok).toBe(true);
		const again = await commitImport(database, [tailspin, fabrikam]);
		expect(again.ok && again.skipped.map((skip) => [skip.fileName, skip.reason])).toEqual([
			['t.csv', 'duplicate'],
			['f.csv', 'duplicate']
		]);
		expect(again.ok && again.imported).toEqual([]);
	});

	it('calls the same file for the same account twice in one drop a repeat', async () => {
		const result = await commitImport(database, [quietExport(FABRIKAM, 'f.csv'), quietExport(FABRIKAM, 'f (1).csv')]);
		expect(result.ok && result.skipped.map((skip) => [skip.fileName, skip.message])).toEqual([
			['f (1).csv', expect.stringContaining('f.csv')]
		]);
	});

	it('treats a stored file dropped again before its account is chosen as already imported', async () => {
		expect((await commitImport(database, [{ ...quietExport(null, 'overview.csv'), accountOverride: FABRIKAM }])).ok).toBe(true);
		const plan = await planImport(database, [quietExport(null, 'overview.csv')]);
		expect(plan.items.map((item) => item.status)).toEqual(['duplicate']);
	});
});
