import { describe, expect, it } from 'vitest';
import { dayFromISO, isoFromDay } from '../days';
import { isCalendarView, monthGrid, monthRange, shiftAnchor, visibleRange, weekDays, type CalendarView } from './grid';

const day = (iso: string) => dayFromISO(iso)!;
const iso = (days: number[]) => days.map(isoFromDay);

describe('month grid', () => {
	it.each<[string, string, number, string, string]>([
		// November 2021 starts on a Monday and ends on a Tuesday
		['2021-11-17', 'November 2021', 5, '2021-11-01', '2021-12-05'],
		// February 2021 is exactly four Monday-to-Sunday weeks
		['2021-02-10', 'February 2021', 4, '2021-02-01', '2021-02-28'],
		// May 2021 starts on a Saturday and ends on a Monday: six rows
		['2021-05-31', 'May 2021', 6, '2021-04-26', '2021-06-06']
	])('%s (%s) has %i weeks from %s to %s', (anchor, _month, weeks, first, last) => {
		const grid = monthGrid(day(anchor));
		expect(grid.weeks).toHaveLength(weeks);
		expect(isoFromDay(grid.weeks[0][0])).toBe(first);
		expect(isoFromDay(grid.weeks[weeks - 1][6])).toBe(last);
		for (const week of grid.weeks) expect(week).toHaveLength(7);
	});

	it('knows the month itself', () => {
		const { from, to } = monthRange(day('2024-02-14'));
		expect([isoFromDay(from), isoFromDay(to)]).toEqual(['2024-02-01', '2024-02-29']);
	});
});

describe('weeks and ranges', () => {
	it('puts a Sunday in the week that started the Monday before', () => {
		expect(iso(weekDays(day('2021-11-28')))).toEqual([
			'2021-11-22',
			'2021-11-23',
			'2021-11-24',
			'2021-11-25',
			'2021-11-26',
			'2021-11-27',
			'2021-11-28'
		]);
	});

	it.each<[CalendarView, string, string, string]>([
		['month', '2021-11-24', '2021-11-01', '2021-12-05'],
		['week', '2021-11-24', '2021-11-22', '2021-11-28'],
		['agenda', '2021-11-24', '2021-11-22', '2021-12-19']
	])('the %s view around %s shows %s to %s', (view, anchor, from, to) => {
		const range = visibleRange(view, day(anchor));
		expect([isoFromDay(range.from), isoFromDay(range.to)]).toEqual([from, to]);
	});

	it.each<[CalendarView, string, number, string]>([
		['month', '2021-01-31', 1, '2021-02-28'],
		['month', '2021-03-31', -1, '2021-02-28'],
		['month', '2021-11-15', 12, '2022-11-15'],
		['week', '2021-11-24', 1, '2021-12-01'],
		['week', '2021-11-24', -2, '2021-11-10'],
		['agenda', '2021-11-24', 1, '2021-12-22']
	])('paging the %s view from %s by %i lands on %s', (view, anchor, steps, expected) => {
		expect(isoFromDay(shiftAnchor(view, day(anchor), steps))).toBe(expected);
	});

	it('recognises view names and nothing else', () => {
		expect(['month', 'week', 'agenda', 'year', '', null].map(isCalendarView)).toEqual([true, true, true, false, false, false]);
	});
});
