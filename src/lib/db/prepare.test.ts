import { describe, expect, it } from 'vitest';
import type { AccountRef } from '../domain/model';
import { contentKeyOf, exportFamilySignature, fileKindSignature, isEmptyItem, needsAccount, prepareItem } from './prepare';
import { ACME_IG, ACME_X, ACME_X_ID, daily, day, importItem, parsedFile, post } from './test-support';

const OTHER: AccountRef = { platform: 'x', handle: 'AcmeSupport' };

describe('prepareItem: accounts', () => {
	it.each([
		// [file account, entry account, override, resolved id or null]
		['file', 'none', 'none', ACME_X_ID],
		['none', 'none', 'none', null],
		['none', 'none', 'override', 'instagram:acme.ig'],
		['file', 'file', 'override', 'instagram:acme.ig'],
		['file', 'other', 'override', 'x:acmesupport'],
		['file', 'other', 'none', 'x:acmesupport']
	] as const)('file %s, entry %s, %s → %s', (fileAccount, entryAccount, override, expected) => {
		const entryRef = entryAccount === 'file' ? ACME_X : entryAccount === 'other' ? OTHER : null;
		const prepared = prepareItem(
			importItem(
				parsedFile({
					account: fileAccount === 'file' ? ACME_X : null,
					series: [daily(entryRef, 'impressions', '2024-01-01', [1])]
				}),
				override === 'override' ? { accountOverride: ACME_IG } : {}
			)
		);
		if (expected === null) {
			expect(prepared.unresolved.series).toBe(1);
			expect(needsAccount(prepared)).toBe(true);
			expect(prepared.accounts.size).toBe(0);
		} else {
			expect([...prepared.accounts.keys()]).toEqual([expected]);
			expect(prepared.layers[0].accountId).toBe(expected);
			expect(needsAccount(prepared)).toBe(false);
		}
	});

	it('counts posts and breakdowns that name no account', () => {
		const prepared = prepareItem(
			importItem(parsedFile({ account: null, posts: [post(null, '1', '2024-01-01', { likes: 1 })] }))
		);
		expect(prepared.unresolved).toEqual({ series: 0, posts: 1, breakdowns: 0 });
		expect(isEmptyItem(prepared)).toBe(false);
	});
});

describe('prepareItem: series layers', () => {
	it('joins a metric split over entries into one layer; a day given twice keeps its last value', () => {
		const prepared = prepareItem(
			importItem(
				parsedFile({
					series: [
						daily(ACME_X, 'impressions', '2024-01-03', [30, 40]),
						daily(ACME_X, 'impressions', '2024-01-01', [10, null, 33])
					]
				})
			)
		);
		expect(prepared.layers).toHaveLength(1);
		const [layer] = prepared.layers;
		expect(layer.startDay).toBe(day('2024-01-01'));
		expect([...layer.values]).toEqual([10, NaN, 33, 40]);
		expect(layer.count).toBe(3);
		expect(prepared.seriesPoints).toBe(3);
		expect(prepared.firstDay).toBe(day('2024-01-01'));
		expect(prepared.lastDay).toBe(day('2024-01-04'));
	});

	it('leaves out values that are not numbers and says how many', () => {
		const prepared = prepareItem(
			importItem(
				parsedFile({
					series: [{ account: ACME_X, metric: 'views', days: [day('2024-01-01'), day('2024-01-02'), 1.5], values: [NaN, 5, 6] }]
				})
			)
		);
		expect([...prepared.layers[0].values]).toEqual([5]);
		expect(prepared.issues).toMatchObject([
			{ severity: 'warning', message: '2 values were not a number or had no valid date and were left out.' }
		]);
	});

	it('treats a file with nothing in it as empty', () => {
		const prepared = prepareItem(importItem(parsedFile({ series: [daily(ACME_X, 'views', '2024-01-01', [])] })));
		expect(isEmptyItem(prepared)).toBe(true);
		expect(prepared.accounts.size).toBe(0);
	});
});

describe('prepareItem: posts', () => {
	it('keeps the last row of a post listed twice, and drops non-numeric metrics', () => {
		const prepared = prepareItem(
			importItem(
				parsedFile({
					posts: [
						post(ACME_X, '1790000000000000001', '2024-01-01', { likes: 1 }),
						post(ACME_X, '1790000000000000001', '2024-01-01', { likes: 2, shares: NaN })
					]
				})
			)
		);
		const posts = prepared.posts.get(ACME_X_ID)!;
		expect(posts).toHaveLength(1);
		expect(posts[0].metrics).toEqual({ likes: 2 });
		expect(posts[0].postId).toBe('1790000000000000001');
		expect(prepared.postCount).toBe(1);
	});
});

describe('fileKindSignature', () => {
	it.each([
		['Jan-01-2024_Mar-31-2024_8812.csv', 'meta-bs', 'meta-bs|'],
		['exports.zip/Apr-01-2024_Jun-30-2024_9120.csv', 'meta-bs', 'meta-bs|'],
		['acme_followers_1712345678901.xls', 'linkedin-followers', 'linkedin-followers|acme followers'],
		['Table data.csv', 'youtube-table', 'youtube-table|table data']
	])('%s → %s', (fileName, format, expected) => {
		expect(fileKindSignature(fileName, format)).toBe(expected);
	});
});

describe('exportFamilySignature', () => {
	const family = (fileName: string) => exportFamilySignature(fileName, 'facebook');

	it('groups the entries of one page\'s downloads, whatever the period, and keeps pages apart', () => {
		const events = family('Meta Insights - Facebook - Contoso Events - 2025-01-01 - 2025-06-30.zip/Follows.csv');
		expect(family('Meta Insights - Facebook - Contoso Events - 2025-07-01 - 2025-12-31.zip/Reach.csv')).toBe(events);
		expect(family('Meta Insights - Facebook - Contoso Events - 2025-07-01 - 2025-12-31.zip/folder/Views.csv')).toBe(events);
		expect(family('Meta Insights - Facebook - Contoso Careers - 2025-01-01 - 2025-06-30.zip/Follows.csv')).not.toBe(events);
	});

	it('is the file\'s own kind outside a zip', () => {
		expect(family('Contoso China_用户分析_20240101_20240630.csv')).toBe(family('Contoso China_用户分析_20240701_20241231.csv'));
		expect(family('Contoso China_用户分析_20240101_20240630.csv')).not.toBe(family('Contoso Shop_用户分析_20240101_20240630.csv'));
	});
});

describe('contentKeyOf', () => {
	it('is the SHA-256 when the pipeline could hash the file', () => {
		expect(contentKeyOf(importItem(parsedFile(), { sha256: 'ab'.repeat(32) }))).toBe('ab'.repeat(32));
	});

	it('fingerprints the parsed content when the browser could not hash (plain http)', () => {
		const january = parsedFile({ series: [daily(ACME_X, 'views', '2024-01-01', [1, 2])] });
		const february = parsedFile({ series: [daily(ACME_X, 'views', '2024-02-01', [1, 2])] });
		const key = contentKeyOf(importItem(january, { sha256: '' }));
		expect(key).toMatch(/^parsed:[0-9a-f]{16}$/);
		expect(contentKeyOf(importItem(parsedFile({ ...january, fileName: 'renamed.csv' }), { sha256: '' }))).toBe(key);
		expect(contentKeyOf(importItem(february, { sha256: '' }))).not.toBe(key);
	});
});
