import { describe, expect, it } from 'vitest';
import { dayFromISO, isoFromDay } from '../days';
import {
	dataExtentOf,
	describeRange,
	periodLength,
	previousPeriod,
	resolvePeriod,
	samePeriodLastYear,
	type PeriodPreset
} from './periods';
import type { DayRange } from './types';

const day = (iso: string) => dayFromISO(iso)!;
const iso = (range: DayRange | null) => (range ? [isoFromDay(range.from), isoFromDay(range.to)] : null);
const today = day('2024-06-15');

describe('period presets', () => {
	it.each<[PeriodPreset, string[] | null]>([
		['last-90-days', ['2024-03-18', '2024-06-15']],
		['last-12-months', ['2023-06-16', '2024-06-15']],
		['year-to-date', ['2024-01-01', '2024-06-15']],
		['all-time', ['2016-03-01', '2024-06-10']],
		['custom', ['2024-02-01', '2024-02-29']]
	])('%s as of 2024-06-15 is %o', (preset, expected) => {
		const range = resolvePeriod(preset, {
			today,
			dataExtent: { from: day('2016-03-01'), to: day('2024-06-10') },
			custom: { from: day('2024-02-29'), to: day('2024-02-01') }
		});
		expect(iso(range)).toEqual(expected);
	});

	it('has 90 days in the last 90 days and 366 in a 12 months that hold a 29 February', () => {
		expect(periodLength(resolvePeriod('last-90-days', { today })!)).toBe(90);
		expect(periodLength(resolvePeriod('last-12-months', { today })!)).toBe(366);
		expect(periodLength(resolvePeriod('last-12-months', { today: day('2023-06-15') })!)).toBe(365);
	});

	it('has no all-time or custom range without data or a choice', () => {
		expect(resolvePeriod('all-time', { today })).toBeNull();
		expect(resolvePeriod('custom', { today })).toBeNull();
	});

	it('compares with the equal-length period just before and the same dates a year earlier', () => {
		const range = { from: day('2024-03-18'), to: day('2024-06-15') };
		expect(iso(previousPeriod(range))).toEqual(['2023-12-19', '2024-03-17']);
		expect(iso(samePeriodLastYear(range))).toEqual(['2023-03-18', '2023-06-15']);
		expect(iso(samePeriodLastYear({ from: day('2024-02-29'), to: day('2024-02-29') }))).toEqual(['2023-02-28', '2023-02-28']);
	});

	it('finds the days with data across series', () => {
		const N = Number.NaN;
		const extent = dataExtentOf([
			{ accountId: 'a', metric: 'impressions', startDay: 10, values: Float64Array.from([N, 1, N]) },
			{ accountId: 'b', metric: 'impressions', startDay: 5, values: Float64Array.from([N, N]) },
			{ accountId: 'c', metric: 'impressions', startDay: 12, values: Float64Array.from([N, 2]) }
		]);
		expect(extent).toEqual({ from: 11, to: 13 });
		expect(dataExtentOf([])).toBeNull();
	});

	it('words a range', () => {
		expect(describeRange({ from: day('2024-03-18'), to: day('2024-06-15') })).toBe('Mar 18, 2024 – Jun 15, 2024');
	});
});
