import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricKey } from '../domain/metrics';
import type { ChorusDatabase } from './database';
import { yearStartDay } from './merge';
import type { PreparedLayer } from './prepare';
import { MergeSession } from './session';
import { dispose, freshDatabase } from './test-support';

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

		const records = session.changedSeries();
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
