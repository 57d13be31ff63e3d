import { describe, expect, it } from 'vitest';
import { dayFromISO, isoFromDay } from '../days';
import { aggregateSeries, type MembershipChange } from './aggregate';
import { bucketFrame, type Grain } from './grain';
import {
	alignYearAgoMembership,
	alignYearOverYear,
	minimumValuesFor,
	rollingBuckets,
	rollingMean,
	rollingMeanWithCentres,
	rollingSeries,
	sameDayLastYear,
	yearAgoBucketStart,
	yearAgoRange
} from './rolling';
import type { DailyValues } from './types';

const N = Number.NaN;
const day = (iso: string) => dayFromISO(iso)!;

describe('rolling averages', () => {
	it('needs at least half the window', () => {
		expect([7, 28, 90].map(minimumValuesFor)).toEqual([4, 14, 45]);
	});

	it('averages the trailing window over the days that have a value', () => {
		// window 3 needs 2 values: [1] → blank, [1,2] → 1.5, [1,2,3] → 2, [2,3,–] → 2.5, [3,–,5] → 4, [–,5,–] → blank
		expect([...rollingMean(Float64Array.from([1, 2, 3, N, 5, N]), 3)]).toEqual([N, 1.5, 2, 2.5, 4, N]);
	});

	it('computes a 7-day average that drops out where the week is mostly missing', () => {
		const values = Float64Array.from([7, 7, 7, 7, 14, 14, 14, N, N, N, N, N, 21]);
		const out = rollingMean(values, 7);
		expect(out[5]).toBeCloseTo(56 / 6, 12);
		expect(out[6]).toBe(10); // (4 × 7 + 3 × 14) / 7
		expect(out[9]).toBe(12.25); // days 3..9 hold 7, 14, 14, 14: 49 / 4
		expect(out[10]).toBeNaN(); // days 4..10: only three values
		expect(out[12]).toBeNaN();
	});

	it('says where in time each average sits', () => {
		const { means, centres } = rollingMeanWithCentres(Float64Array.from([1, N, 3, 4]), 3, 1);
		expect([...means]).toEqual([1, 1, 2, 3.5]);
		// day 2 averages days 0 and 2 (centre 1); day 3 averages days 2 and 3 (centre 2.5)
		expect([...centres]).toEqual([0, 0, 1, 2.5]);
	});

	it('wraps a daily series with its own note', () => {
		const series: DailyValues = { accountId: 'x:a', metric: 'impressions', startDay: 5, values: Float64Array.from([2, 4]) };
		const rolled = rollingSeries(series, 2);
		expect([...rolled.values]).toEqual([2, 3]);
		expect(rolled.note).toMatch(/2-day trailing average/);
	});

	it('leaves incomplete flow buckets out of a rolling average over buckets', () => {
		const monday = day('2024-01-01');
		const values = [...Array(7).fill(1), ...Array(7).fill(2), 3, 3, 3, N, N, N, N];
		const weeks = aggregateSeries(
			{ accountId: 'x:a', metric: 'impressions', startDay: monday, values: Float64Array.from(values) },
			{ grain: 'week', range: { from: monday, to: monday + 20 } }
		);
		expect([...weeks.values]).toEqual([7, 14, 9]);
		// window 2 needs 1 value: week 3 (3 of 7 days) is left out, so its average is week 2 alone
		expect([...rollingBuckets(weeks, 2)]).toEqual([7, 10.5, 14]);
	});
});

describe('year over year', () => {
	it.each<[string, Grain, string]>([
		['2024-02-29', 'day', '2023-02-28'],
		['2025-03-01', 'day', '2024-03-01'],
		['2021-01-04', 'week', '2019-12-30'], // 2021-W01 → 2020-W01, which began in December 2019
		['2020-12-28', 'week', '2019-12-23'], // 2020-W53 → 2019-W52 (2019 has no week 53)
		['2024-03-01', 'month', '2023-03-01'],
		['2024-04-01', 'quarter', '2023-04-01'],
		['2024-01-01', 'year', '2023-01-01']
	])('the bucket a year before %s (%s) starts %s', (start, grain, expected) => {
		expect(isoFromDay(yearAgoBucketStart(day(start), grain))).toBe(expected);
	});

	it('shifts a range back a calendar year', () => {
		const range = yearAgoRange({ from: day('2024-02-29'), to: day('2024-12-31') });
		expect([isoFromDay(range.from), isoFromDay(range.to)]).toEqual(['2023-02-28', '2023-12-31']);
		expect(isoFromDay(sameDayLastYear(day('2024-07-04')))).toBe('2023-07-04');
	});

	it('lines last year’s weeks up with this year’s', () => {
		const start = day('2023-01-02'); // Monday of 2023-W01
		const values = new Float64Array(371).fill(1);
		values[0] = 5; // 2023-W01 sums to 11
		values[7] = N; // 2023-W02 sums to 6
		const series: DailyValues = { accountId: 'x:a', metric: 'impressions', startDay: start, values };
		const thisYear = aggregateSeries(series, { grain: 'week', range: { from: day('2024-01-01'), to: day('2024-01-14') } });
		const lastYear = aggregateSeries(series, { grain: 'week', range: { from: start, to: day('2023-12-31') } });
		expect([...alignYearOverYear(thisYear, lastYear)]).toEqual([11, 6]);
		const beforeData = aggregateSeries(series, { grain: 'week', range: { from: day('2023-01-02'), to: day('2023-01-08') } });
		expect([...alignYearOverYear(beforeData, lastYear)]).toEqual([N]);
	});

	it('lines last year’s account changes up with this year’s buckets, where the overlay steps', () => {
		const changes: MembershipChange[] = [
			{ day: day('2023-03-20'), accountId: 'x:a', kind: 'joins', valueDay: day('2023-03-20') },
			{ day: day('2023-03-25'), accountId: 'x:b', kind: 'joins', valueDay: day('2023-03-25') },
			{ day: day('2023-05-02'), accountId: 'x:c', kind: 'leaves', valueDay: day('2023-04-01') },
			// in the bucket lined up with this year's first: the overlay's first point shows no step
			{ day: day('2023-01-10'), accountId: 'x:d', kind: 'joins', valueDay: day('2023-01-10') },
			// this year's: not the overlay's
			{ day: day('2024-04-15'), accountId: 'x:e', kind: 'joins', valueDay: day('2024-04-15') }
		];
		const frame = bucketFrame({ from: day('2024-01-01'), to: day('2024-06-30') }, 'month');
		// the dashboard's earlier frame reaches a week beyond the shifted range on each side
		const earlier = bucketFrame({ from: day('2022-12-25'), to: day('2023-07-07') }, 'month');
		const aligned = alignYearAgoMembership(frame, earlier, changes);
		expect([...aligned.joined]).toEqual([0, 0, 2, 0, 0, 0]);
		expect([...aligned.left]).toEqual([0, 0, 0, 0, 1, 0]);
		// 20 March 2023 is day 19 of its month: the mark sits on day 19 of March 2024
		expect([...aligned.firstDay].map((d) => (Number.isNaN(d) ? null : isoFromDay(d)))).toEqual([null, null, '2024-03-20', null, '2024-05-02', null]);
	});
});
