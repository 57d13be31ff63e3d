import { describe, expect, it } from 'vitest';
import { dayFromISO, isoFromDay } from '../days';
import type { MetricKey } from '../metrics';
import { aggregateSeries, bucketsOf, combineAccounts, isPartialBucket, membershipByBucket } from './aggregate';
import { bucketFrame } from './grain';
import { DAY_CARRIED, DAY_DERIVED, DAY_INCOMPLETE, type DailyValues } from './types';

const day = (iso: string) => dayFromISO(iso)!;
const N = Number.NaN;
const MONDAY = day('2024-01-01');

function series(metric: MetricKey, startDay: number, values: number[], accountId = 'x:a'): DailyValues {
	return { accountId, metric, startDay, values: Float64Array.from(values) };
}

const twoWeeks = { grain: 'week' as const, range: { from: MONDAY, to: MONDAY + 13 } };

describe('aggregateSeries', () => {
	it('sums a flow over the days present and leaves an empty week a gap, not 0', () => {
		const result = aggregateSeries(series('impressions', MONDAY, [1, 2, 3, N, 5, 6, 7, N, N, N, N, N, N, N]), twoWeeks);
		expect(result.aggregation).toBe('sum');
		expect([...result.values]).toEqual([24, N]);
		expect([...result.covered]).toEqual([6, 0]);
		const [first, second] = bucketsOf(result);
		expect(first).toMatchObject({ key: '2024-W01', value: 24, daysWithData: 6, daysInBucket: 7, partial: true });
		expect(second).toMatchObject({ key: '2024-W02', value: null, daysWithData: 0, partial: false });
	});

	it('takes the last known value of a level, never a sum, and says which day it was read', () => {
		const result = aggregateSeries(series('followers', MONDAY, [100, 101, N, 103, N, N, N, 110, 111, 112, 113, 114, 115, 116]), twoWeeks);
		expect(result.aggregation).toBe('last value');
		expect([...result.values]).toEqual([103, 116]);
		expect(isoFromDay(result.asOf[0])).toBe('2024-01-04');
		expect(isPartialBucket(result, 0)).toBe(true);
		expect(isPartialBucket(result, 1)).toBe(false);
	});

	it('averages uniques per day and labels the result a daily average', () => {
		const result = aggregateSeries(series('reach', MONDAY, [10, 20, N, N, N, N, N, 30, 30, 30, 30, 30, 30, 40]), twoWeeks);
		expect(result.aggregation).toBe('daily average');
		expect(result.values[0]).toBe(15);
		expect(result.values[1]).toBeCloseTo(220 / 7, 12);
	});

	it('averages ratios over the days that have one', () => {
		const result = aggregateSeries(series('engagement_rate', MONDAY, [0.1, N, 0.3, N, N, N, N]), {
			grain: 'week',
			range: { from: MONDAY, to: MONDAY + 6 }
		});
		expect(result.aggregation).toBe('average of daily values');
		expect(result.values[0]).toBeCloseTo(0.2, 12);
	});

	it('reads only the days inside the range and flags a bucket the range cuts as partial', () => {
		const january = Array.from({ length: 31 }, () => 1);
		const result = aggregateSeries(series('impressions', MONDAY, january), {
			grain: 'month',
			range: { from: day('2024-01-10'), to: day('2024-01-20') }
		});
		expect(result.values[0]).toBe(11);
		expect(bucketsOf(result)[0]).toMatchObject({ key: '2024-01', daysWithData: 11, daysInBucket: 31, partial: true });
	});

	it('handles a series that starts after and ends before the range', () => {
		const result = aggregateSeries(series('impressions', MONDAY + 8, [5, 5]), twoWeeks);
		expect([...result.values]).toEqual([N, 10]);
	});

	it('carries day flags to buckets: any day for sums, the day read for levels', () => {
		const flows = series('followers_net', MONDAY, [1, 1, 1, 1, 1, 1, 1]);
		flows.flags = Uint8Array.from([0, DAY_DERIVED, 0, 0, 0, 0, 0]);
		const range = { grain: 'week' as const, range: { from: MONDAY, to: MONDAY + 6 } };
		expect(aggregateSeries(flows, range).flags[0]).toBe(DAY_DERIVED);
		const level = series('followers', MONDAY, [1, 2, 3, 4, 5, 6, 7]);
		level.flags = Uint8Array.from([DAY_DERIVED, 0, 0, 0, 0, 0, 0]);
		expect(aggregateSeries(level, range).flags[0]).toBe(0);
		level.flags[6] = DAY_DERIVED;
		expect(bucketsOf(aggregateSeries(level, range))[0].derived).toBe(true);
	});

	it('aggregates 40 accounts × 10 years of days to weeks', () => {
		const days = 3650;
		const start = day('2015-01-01');
		const accounts = Array.from({ length: 40 }, (_, a) => {
			const values = new Float64Array(days);
			for (let i = 0; i < days; i++) values[i] = (i * 7 + a) % 13 === 0 ? Number.NaN : 100 + ((i * 31 + a) % 17);
			return series('impressions', start, [...values], `x:${a}`);
		});
		const range = { from: start, to: start + days - 1 };
		const run = () => {
			const frame = bucketFrame(range, 'week');
			let checksum = 0;
			for (const account of accounts) checksum += aggregateSeries(account, { grain: 'week', range, frame }).values[10];
			return checksum;
		};
		// its speed is measured by npm run bench; here the whole portfolio must aggregate correctly
		expect(Number.isFinite(run())).toBe(true);
		// week 10 of account 0 checks the sums are real, not just fast
		const check = aggregateSeries(accounts[0], { grain: 'week', range });
		let expected = 0;
		for (let i = 0; i < days; i++) {
			const d = start + i;
			if (d >= check.frame.starts[10] && d <= check.frame.ends[10] && i % 13 !== 0) expected += 100 + ((i * 31) % 17);
		}
		expect(check.values[10]).toBe(expected);
	});
});

describe('combineAccounts', () => {
	const d0 = MONDAY;

	it('sums flows per day and marks days where an account that has begun had no value', () => {
		const combined = combineAccounts(
			[series('impressions', d0, [1, 2, N, 4], 'x:a'), series('impressions', d0 + 1, [10, 20, 30], 'x:b')],
			'flow'
		)!;
		expect(combined.startDay).toBe(d0);
		expect([...combined.values]).toEqual([1, 12, 20, 34]);
		expect([...combined.reporting]).toEqual([1, 2, 1, 2]);
		expect([...combined.active]).toEqual([1, 2, 2, 2]);
		expect([...combined.flags].map((bits) => (bits & DAY_INCOMPLETE) !== 0)).toEqual([false, false, true, false]);
		expect(combined.accountId).toBe('portfolio');
	});

	it('sums levels from each account’s last value, carried only within the staleness window', () => {
		const combined = combineAccounts(
			[series('followers', d0, [100, N, N, N, N, 110], 'x:a'), series('followers', d0, [50, 51, 52, 53, 54, 55], 'x:b')],
			'level',
			{ staleDays: 2 }
		)!;
		// d1, d2: a's 100 carried; d3, d4: a is 3–4 days stale, so left out and the day marked incomplete
		expect([...combined.values]).toEqual([150, 151, 152, 53, 54, 165, 165, 165]);
		const carried = [...combined.flags].map((bits) => (bits & DAY_CARRIED) !== 0);
		const incomplete = [...combined.flags].map((bits) => (bits & DAY_INCOMPLETE) !== 0);
		expect(carried).toEqual([false, true, true, false, false, false, true, true]);
		expect(incomplete).toEqual([false, false, false, true, true, false, false, false]);
		expect(combined.note).toContain('at most 2 days');
	});

	it('picks up a level read before the requested range', () => {
		const combined = combineAccounts([series('followers', d0, [100, N, N])], 'level', {
			range: { from: d0 + 2, to: d0 + 3 }
		})!;
		expect([...combined.values]).toEqual([100, 100]);
		expect(combined.flags[0] & DAY_CARRIED).toBe(DAY_CARRIED);
	});

	it('sums uniques per day and says the same person may be counted more than once', () => {
		const combined = combineAccounts([series('reach', d0, [5, 6]), series('reach', d0, [1, 1])], 'unique')!;
		expect([...combined.values]).toEqual([6, 7]);
		expect(combined.note).toBe('Sum of daily uniques; the same person may follow several accounts.');
	});

	it('averages ratios instead of adding them', () => {
		const combined = combineAccounts([series('engagement_rate', d0, [0.02]), series('engagement_rate', d0, [0.04])], 'ratio')!;
		expect(combined.values[0]).toBeCloseTo(0.03, 12);
	});

	it('lists accounts joining and leaving a total of flows: a total that moves with its members', () => {
		const combined = combineAccounts(
			[
				series('impressions', d0, [1, 1, 1, 1, 1, 1], 'x:whole'),
				series('impressions', d0 + 2, [5, 5, N, 5], 'x:late'),
				series('impressions', d0, [7, 7, 7], 'x:stops')
			],
			'flow'
		)!;
		// x:late counts from d2 (its first value) to d5; x:stops counts up to d2, so from d3 it is out
		expect(combined.changes).toEqual([
			{ day: d0 + 2, accountId: 'x:late', kind: 'joins', valueDay: d0 + 2 },
			{ day: d0 + 3, accountId: 'x:stops', kind: 'leaves', valueDay: d0 + 2 }
		]);
		expect([...combined.active]).toEqual([2, 2, 3, 2, 2, 2]);
	});

	it('has a level leave the total only when its last value is no longer carried forward', () => {
		const combined = combineAccounts(
			[series('followers', d0, [100, 100, 100, 100, 100, 100, 100, 100], 'x:a'), series('followers', d0, [50, 51], 'x:b')],
			'level',
			{ staleDays: 2 }
		)!;
		// b's 51 (d1) is carried on d2 and d3, then b is out: the total falls by 51 on d4 and says why
		expect([...combined.values]).toEqual([150, 151, 151, 151, 100, 100, 100, 100, 100, 100]);
		expect(combined.changes).toEqual([{ day: d0 + 4, accountId: 'x:b', kind: 'leaves', valueDay: d0 + 1 }]);
		expect(combined.flags[4] & DAY_INCOMPLETE).toBe(0);
	});

	it('names no change for accounts already there when a range begins, nor for one that ends with it', () => {
		const combined = combineAccounts(
			[series('impressions', d0, [1, 1, 1, 1, 1], 'x:a'), series('impressions', d0 + 1, [2, 2, 2], 'x:b')],
			'flow',
			{ range: { from: d0 + 2, to: d0 + 3 } }
		)!;
		expect(combined.changes).toEqual([]);
		const after = combineAccounts(
			[series('impressions', d0, [1, 1, 1, 1, 1], 'x:a'), series('impressions', d0 + 1, [2, 2, 2], 'x:b')],
			'flow',
			{ range: { from: d0, to: d0 + 6 } }
		)!;
		expect(after.changes.map(({ accountId, kind, day }) => [accountId, kind, day - d0])).toEqual([
			['x:b', 'joins', 1],
			['x:b', 'leaves', 4],
			['x:a', 'leaves', 5]
		]);
	});

	it('keeps derived marks and returns null for no accounts', () => {
		const derived = series('followers', d0, [10, 11]);
		derived.flags = Uint8Array.from([DAY_DERIVED, 0]);
		derived.derived = true;
		const combined = combineAccounts([derived, series('followers', d0, [1, 1])], 'level')!;
		expect(combined.derived).toBe(true);
		expect(combined.flags[0] & DAY_DERIVED).toBe(DAY_DERIVED);
		expect(combined.flags[1] & DAY_DERIVED).toBe(0);
		expect(combineAccounts([], 'flow')).toBeNull();
	});
});

describe('membershipByBucket', () => {
	const frame = bucketFrame({ from: day('2024-01-01'), to: day('2024-01-28') }, 'week');
	const change = (iso: string, kind: 'joins' | 'leaves', accountId = 'x:a') => ({ day: day(iso), accountId, kind, valueDay: day(iso) });

	it('counts joins and leaves per bucket, with the day of each bucket’s first change', () => {
		const membership = membershipByBucket(frame, [change('2024-01-17', 'leaves', 'x:c'), change('2024-01-10', 'joins'), change('2024-01-12', 'joins', 'x:b')]);
		expect([...membership.joined]).toEqual([0, 2, 0, 0]);
		expect([...membership.left]).toEqual([0, 0, 1, 0]);
		expect([...membership.firstDay].map((d) => (Number.isNaN(d) ? null : isoFromDay(d)))).toEqual([null, '2024-01-10', '2024-01-17', null]);
	});

	it('leaves out the first bucket (no step to explain there) and days outside the frame', () => {
		const membership = membershipByBucket(frame, [change('2024-01-03', 'joins'), change('2023-12-20', 'joins', 'x:b'), change('2024-02-02', 'leaves', 'x:c')]);
		expect([...membership.joined, ...membership.left].every((n) => n === 0)).toBe(true);
	});
});
