import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricKey } from '../domain/metrics';
import type { ChorusDatabase } from './database';
import { commitImport } from './commit';
import { yearStartDay } from './merge';
import { prepareItem, type PreparedLayer } from './prepare';
import { MergeSession, type KnownMissing } from './session';
import { ACME_IG, ACME_X, ACME_X_ID, daily, dispose, freshDatabase, importItem, parsedFile, range } from './test-support';
import { countRequests, resetCounts } from './test-requests';

let database: ChorusDatabase;
beforeEach(() => {
	database = freshDatabase();
});
afterEach(async () => {
	await dispose(database);
});

const METRICS: MetricKey[] = ['impressions', 'engagements', 'followers', 'likes'];

describe('MergeSession year records', () => {
	// new records are cut from slabs that grow (16, 32, 64… records): records on both sides of every
	// slab boundary must hold their own values, and be stored with buffers of their own
	it('keeps every new record apart across growing slabs', async () => {
		const layers: PreparedLayer[] = [];
		for (let account = 0; account < 25; account++) {
			for (const [position, metric] of METRICS.entries()) {
				// one day in each of 2020, 2021 and 2022: three new year records per layer, 300 in all
				const startDay = yearStartDay(2020) + 200;
				const values = new Float64Array(yearStartDay(2022) + 200 - startDay + 1).fill(Number.NaN);
				const value = account * 10 + position;
				values[0] = value;
				values[yearStartDay(2021) + 200 - startDay] = value + 0.5;
				values[values.length - 1] = value + 0.25;
				layers.push({ accountId: `x:a${account}`, metric, startDay, values, count: 3 });
			}
		}
		const session = await MergeSession.load(database, []);
		const rank = session.addImport({ id: 1, coversUntil: null, lastDay: yearStartDay(2023) });
		for (const layer of layers) expect(session.applyLayer(layer, rank).filled).toBe(3);

		const records = session.changedSeries().map(session.storable);
		expect(records).toHaveLength(300);
		for (const record of records) {
			const [, account, metric] = /^x:a(\d+)\|(\w+)\|\d+$/.exec(record.id)!;
			const value = Number(account) * 10 + METRICS.indexOf(metric as MetricKey);
			const expected = record.year === 2020 ? value : record.year === 2021 ? value + 0.5 : value + 0.25;
			const filled = [...record.sources.keys()].filter((slot) => record.sources[slot] !== 0);
			expect(filled).toEqual([200]);
			expect(record.values[200]).toBe(expected);
			expect(record.values.buffer.byteLength).toBe(record.values.byteLength);
			expect(record.sources.buffer.byteLength).toBe(record.sources.byteLength);
		}
	});
});

const nothingKnown = (): KnownMissing => ({ series: new Set(), postAccounts: new Set(), seriesKeysOf: new Map() });

describe('MergeSession.load', () => {
	// IndexedDB's cost is per request: a first import of ten years of 40 accounts asked for 2,876
	// year records one by one and found none
	it('reads only the year records an account holds, after listing its keys', async () => {
		const requests = countRequests(database);
		const stored = parsedFile({ series: [daily(ACME_X, 'impressions', '2024-12-30', [1, 2])], rowCount: 2 });
		expect((await commitImport(database, [importItem(stored)])).ok).toBe(true);
		resetCounts(requests);

		// X: 2023–2025 of impressions (2024 is stored) and of likes (nothing stored); Instagram: nothing stored
		const incoming = prepareItem(
			importItem(
				parsedFile({
					series: [
						daily(ACME_X, 'impressions', '2023-12-31', range(368, () => 5)),
						daily(ACME_X, 'likes', '2023-12-31', range(368, () => 1)),
						daily(ACME_IG, 'reach', '2024-06-01', [3])
					],
					rowCount: 3
				})
			)
		);
		const known = nothingKnown();
		const session = await database.transaction('r', [database.series, database.posts, database.postLayers, database.imports], () =>
			MergeSession.load(database, [incoming], known)
		);
		expect(requests.keysRead.get('series')).toEqual([`${ACME_X_ID}|impressions|2024`]);
		expect([...known.seriesKeysOf.get(ACME_X_ID)!]).toEqual([`${ACME_X_ID}|impressions|2024`]);

		// the stored values are merged as before: the two stored days overlap, the rest is new
		const rank = session.addImport({ id: 99, coversUntil: null, lastDay: yearStartDay(2026) });
		const impressions = incoming.layers.find((layer) => layer.metric === 'impressions')!;
		expect(session.applyLayer(impressions, rank)).toMatchObject({ filled: 366, overlapped: 2 });
	});

	it('reads no year record again that a plan found missing or not listed', async () => {
		const requests = countRequests(database);
		const item = prepareItem(importItem(parsedFile({ series: [daily(ACME_X, 'impressions', '2024-03-01', [1])], rowCount: 1 })));
		const known = nothingKnown();
		await MergeSession.load(database, [item], known);
		await MergeSession.load(database, [item], known);
		expect(requests.keysRead.get('series') ?? []).toEqual([]);
		expect(known.seriesKeysOf.get(ACME_X_ID)).toEqual(new Set());
	});
});
