import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../schemas/db-records';
import {
	emptySeriesRecord,
	outranks,
	overlayLayer,
	overlayPosts,
	parseSeriesRecordId,
	rankOfImport,
	seriesRecordId,
	sortPosts,
	yearsSpanned,
	type ImportRank
} from './merge';
import { day } from './test-support';

function layer(fromISO: string, values: number[]) {
	return { startDay: day(fromISO), values: Float64Array.from(values) };
}

describe('rankOfImport / outranks', () => {
	it.each([
		// [candidate, incumbent, candidate wins]
		[{ coversUntil: 20, importId: 1 }, { coversUntil: 10, importId: 2 }, true],
		[{ coversUntil: 10, importId: 2 }, { coversUntil: 20, importId: 1 }, false],
		[{ coversUntil: 10, importId: 3 }, { coversUntil: 10, importId: 2 }, true],
		[{ coversUntil: 10, importId: 2 }, { coversUntil: 10, importId: 3 }, false]
	])('%o over %o → %s', (candidate, incumbent, wins) => {
		expect(outranks(candidate, incumbent)).toBe(wins);
	});

	it('falls back to the last data day, then to lowest, when the export does not say what it covers', () => {
		expect(rankOfImport({ id: 4, coversUntil: 100, lastDay: 90 })).toEqual({ coversUntil: 100, importId: 4 });
		expect(rankOfImport({ id: 4, coversUntil: null, lastDay: 90 })).toEqual({ coversUntil: 90, importId: 4 });
		expect(rankOfImport({ id: 4, coversUntil: null, lastDay: null })).toEqual({ coversUntil: -Infinity, importId: 4 });
	});
});

describe('record ids', () => {
	it('reads account, metric and year back from the right, even when the account key has a bar', () => {
		const id = seriesRecordId('facebook:acme | news', 'impressions', 2024);
		expect(parseSeriesRecordId(id)).toEqual({ accountId: 'facebook:acme | news', metric: 'impressions', year: 2024 });
	});

	it('lists the years a span touches', () => {
		expect(yearsSpanned(day('2023-12-30'), day('2025-01-02'))).toEqual([2023, 2024, 2025]);
		expect(yearsSpanned(day('2024-03-01'), day('2024-03-01'))).toEqual([2024]);
	});
});

describe('overlayLayer', () => {
	const older: ImportRank = { coversUntil: day('2024-01-31'), importId: 1 };
	const newer: ImportRank = { coversUntil: day('2024-02-29'), importId: 2 };
	const ranks = new Map([
		[1, older],
		[2, newer]
	]);
	const rankOf = (id: number) => ranks.get(id)!;

	it('fills empty days and records the import each value came from', () => {
		const record = emptySeriesRecord('x:acme', 'impressions', 2024);
		const tally = overlayLayer(record, layer('2024-01-01', [10, NaN, 30]), older, rankOf);
		expect(tally).toEqual({ filled: 2, overlapped: 0, changed: 0, keptDifferent: 0 });
		expect([...record.values.slice(0, 4)]).toEqual([10, NaN, 30, NaN]);
		expect([...record.sources.slice(0, 4)]).toEqual([1, 0, 1, 0]);
	});

	it('lets the newer export win overlapping days, and counts only real changes', () => {
		const record = emptySeriesRecord('x:acme', 'impressions', 2024);
		overlayLayer(record, layer('2024-01-01', [10, 20, 30]), older, rankOf);
		const tally = overlayLayer(record, layer('2024-01-02', [20, 31, 40]), newer, rankOf);
		// Jan 2 overlaps with an equal value, Jan 3 overlaps and changes, Jan 4 is new
		expect(tally).toEqual({ filled: 1, overlapped: 2, changed: 1, keptDifferent: 0 });
		expect([...record.values.slice(0, 4)]).toEqual([10, 20, 31, 40]);
		expect([...record.sources.slice(0, 4)]).toEqual([1, 2, 2, 2]);
	});

	it('keeps the newer export’s values when an older export arrives later', () => {
		const record = emptySeriesRecord('x:acme', 'impressions', 2024);
		overlayLayer(record, layer('2024-01-02', [20, 31]), newer, rankOf);
		const tally = overlayLayer(record, layer('2024-01-01', [10, 20, 30]), older, rankOf);
		expect(tally).toEqual({ filled: 1, overlapped: 2, changed: 0, keptDifferent: 1 });
		expect([...record.values.slice(0, 3)]).toEqual([10, 20, 31]);
		expect([...record.sources.slice(0, 3)]).toEqual([1, 2, 2]);
	});

	it('writes only the part of a layer that falls inside the record’s year', () => {
		const y2023 = emptySeriesRecord('x:acme', 'views', 2023);
		const y2024 = emptySeriesRecord('x:acme', 'views', 2024);
		const span = layer('2023-12-31', [1, 2]);
		overlayLayer(y2023, span, older, rankOf);
		overlayLayer(y2024, span, older, rankOf);
		expect(y2023.values[364]).toBe(1); // 2023 is not a leap year: Dec 31 is slot 364
		expect(Number.isNaN(y2023.values[365])).toBe(true);
		expect(y2024.values[0]).toBe(2);
		expect(y2024.sources.filter((source) => source !== 0)).toHaveLength(1);
	});

	it('uses slot 365 for 31 December of a leap year', () => {
		const record = emptySeriesRecord('x:acme', 'views', 2024);
		overlayLayer(record, layer('2024-12-31', [7]), older, rankOf);
		expect(record.values[365]).toBe(7);
	});

	it('gives the same merged record whatever order the layers are applied in', () => {
		const layerArb = fc.record({
			offset: fc.integer({ min: 0, max: 20 }),
			values: fc.array(fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 15 }),
			coversUntil: fc.integer({ min: 0, max: 3 })
		});
		fc.assert(
			fc.property(fc.array(layerArb, { minLength: 1, maxLength: 5 }), (specs) => {
				const layerRanks = new Map(specs.map((spec, index) => [index + 1, { coversUntil: spec.coversUntil, importId: index + 1 }]));
				const lookup = (id: number) => layerRanks.get(id)!;
				const build = (order: number[]) => {
					const record = emptySeriesRecord('x:acme', 'views', 2024);
					for (const index of order) {
						const spec = specs[index];
						overlayLayer(record, { startDay: day('2024-03-01') + spec.offset, values: Float64Array.from(spec.values) }, lookup(index + 1), lookup);
					}
					return record;
				};
				const forward = build(specs.map((_, index) => index));
				const backward = build(specs.map((_, index) => index).reverse());
				expect([...backward.sources]).toEqual([...forward.sources]);
				expect([...backward.values]).toEqual([...forward.values]);
			})
		);
	});
});

describe('overlayPosts', () => {
	const stored = (postId: string, sourceImportId: number, likes: number): StoredPost => ({
		platform: 'x',
		postId,
		accountId: 'x:acme',
		sourceImportId,
		publishedAt: null,
		day: null,
		text: '',
		metrics: { likes }
	});
	const ranks = new Map<number, ImportRank>([
		[1, { coversUntil: 10, importId: 1 }],
		[2, { coversUntil: 20, importId: 2 }]
	]);
	const rankOf = (id: number) => ranks.get(id)!;

	it('adds new posts, replaces posts from an older export, keeps posts from a newer one', () => {
		const merged = new Map([
			['x:a', stored('a', 1, 5)],
			['x:b', stored('b', 2, 9)]
		]);
		const incoming = [stored('a', 3, 50), stored('b', 3, 1), stored('c', 3, 2)];
		const tally = overlayPosts(merged, incoming, { coversUntil: 15, importId: 3 }, rankOf);
		expect(tally).toEqual({ added: 1, replaced: 1, kept: 1 });
		expect(merged.get('x:a')!.metrics.likes).toBe(50);
		expect(merged.get('x:b')!.metrics.likes).toBe(9);
		expect(merged.get('x:c')!.sourceImportId).toBe(3);
	});

	it('sorts by day, then time, then id, with undated posts last', () => {
		const posts = [
			{ ...stored('z', 1, 0), day: null },
			{ ...stored('b', 1, 0), day: 5, publishedAt: '1970-01-06T10:00' },
			{ ...stored('a', 1, 0), day: 5, publishedAt: '1970-01-06T10:00' },
			{ ...stored('c', 1, 0), day: 5, publishedAt: '1970-01-06T08:00' },
			{ ...stored('d', 1, 0), day: 2 }
		];
		expect(sortPosts(posts).map((post) => post.postId)).toEqual(['d', 'c', 'a', 'b', 'z']);
	});
});
