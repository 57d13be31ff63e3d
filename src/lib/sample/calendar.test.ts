import { describe, expect, it } from 'vitest';
import { dayFromISO, ymdFromDay as domainYmd } from '../domain/days';
import {
	abbreviatedDate,
	addMonths,
	calendarChunks,
	compactDate,
	dateString,
	isoDate,
	metaFileDate,
	monthDayYear,
	monthNameDay,
	nthWeekdayOfMonth,
	paddedMonthDayYear,
	trailingChunks,
	weekdayAbbreviatedDate,
	ymdFromDay
} from './calendar';

const day = (iso: string) => dayFromISO(iso)!;

describe('date styles of the exports', () => {
	it.each([
		[compactDate, '2021-11-30', '20211130'],
		[monthDayYear, '2014-08-24', '8/24/2014'],
		[paddedMonthDayYear, '2026-08-02', '08/02/2026'],
		[abbreviatedDate, '2024-09-27', 'Sep 27, 2024'],
		[weekdayAbbreviatedDate, '2025-09-11', 'Thu, Sep 11, 2025'],
		[weekdayAbbreviatedDate, '2025-06-02', 'Mon, Jun 2, 2025'],
		[dateString, '2025-03-20', 'Thu Mar 20 2025'],
		[metaFileDate, '2025-08-01', 'Aug-01-2025'],
		[monthNameDay, '2025-09-25', 'September 25']
	] as const)('%o(%s) = %s', (format, iso, expected) => {
		expect(format(day(iso))).toBe(expected);
	});

	it('computes calendar dates without Date objects, matching the domain helper', () => {
		for (let d = day('1899-12-25'); d < day('2101-01-10'); d += 13) {
			expect(ymdFromDay(d)).toEqual(domainYmd(d));
			expect(isoDate(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
		}
	});
});

describe('calendar arithmetic', () => {
	it('finds the n-th weekday of a month', () => {
		expect(isoDate(nthWeekdayOfMonth(2025, 10, 1, 2))).toBe('2025-10-14'); // second Tuesday
		expect(isoDate(nthWeekdayOfMonth(2025, 4, 2, 1))).toBe('2025-04-02'); // first Wednesday
	});

	it('adds months from any day to the first of a later month', () => {
		expect(isoDate(addMonths(day('2024-11-25'), 1))).toBe('2024-12-01');
		expect(isoDate(addMonths(day('2024-11-25'), 2))).toBe('2025-01-01');
		expect(isoDate(addMonths(day('2024-03-31'), -3))).toBe('2023-12-01');
	});

	it('cuts calendar-aligned chunks clipped to the range', () => {
		expect(calendarChunks(day('2022-11-26'), day('2023-07-04'), 3).map(({ from, to }) => `${isoDate(from)}..${isoDate(to)}`)).toEqual([
			'2022-11-26..2022-12-31',
			'2023-01-01..2023-03-31',
			'2023-04-01..2023-06-30',
			'2023-07-01..2023-07-04'
		]);
	});

	it('cuts fixed-length chunks back from the end, optionally overlapping', () => {
		expect(trailingChunks(day('2025-01-01'), day('2025-01-10'), 4).map(({ from, to }) => `${isoDate(from)}..${isoDate(to)}`)).toEqual([
			'2025-01-01..2025-01-02',
			'2025-01-03..2025-01-06',
			'2025-01-07..2025-01-10'
		]);
		expect(trailingChunks(day('2025-01-01'), day('2025-01-10'), 4, 3).map(({ from, to }) => `${isoDate(from)}..${isoDate(to)}`)).toEqual([
			'2025-01-01..2025-01-01',
			'2025-01-01..2025-01-04',
			'2025-01-04..2025-01-07',
			'2025-01-07..2025-01-10'
		]);
	});
});
