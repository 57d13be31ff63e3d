import { describe, expect, it } from 'vitest';
import { dayFromISO, isoFromDay, ymdFromDay } from '../days';
import {
	addMonths,
	addYears,
	dayFromCivil,
	dayOfMonth,
	isoWeekOfDay,
	isoWeeksInYear,
	monthOfDay,
	monthSerialOfDay,
	yearOfDay
} from './calendar';

const day = (iso: string) => dayFromISO(iso)!;

describe('calendar arithmetic without Date', () => {
	it('agrees with Date for every day from 1899 to 2101', () => {
		let mismatches = 0;
		for (let d = day('1899-01-01'); d <= day('2101-12-31'); d++) {
			const { year, month, day: dom } = ymdFromDay(d);
			if (dayFromCivil(year, month, dom) !== d) mismatches++;
			if (yearOfDay(d) !== year || monthOfDay(d) !== month || dayOfMonth(d) !== dom) mismatches++;
		}
		expect(mismatches).toBe(0);
	});

	it('numbers months consecutively across years', () => {
		expect(monthSerialOfDay(day('2024-12-31')) + 1).toBe(monthSerialOfDay(day('2025-01-01')));
		expect(monthSerialOfDay(day('2024-03-15'))).toBe(2024 * 12 + 2);
	});

	it.each([
		['2021-01-03', 2020, 53], // a Sunday that still belongs to 2020's last week
		['2021-01-04', 2021, 1],
		['2024-12-30', 2025, 1], // a Monday in December that starts 2025's first week
		['2026-01-01', 2026, 1],
		['2024-03-18', 2024, 12]
	])('puts %s in ISO week %i-W%i', (iso, year, week) => {
		expect(isoWeekOfDay(day(iso))).toEqual({ year, week });
	});

	it('knows which years have 53 ISO weeks', () => {
		expect(isoWeeksInYear(2020)).toBe(53);
		expect(isoWeeksInYear(2026)).toBe(53);
		expect(isoWeeksInYear(2024)).toBe(52);
	});

	it.each([
		['2024-02-29', -1, '2023-02-28'],
		['2024-02-29', 1, '2025-02-28'],
		['2023-03-15', 1, '2024-03-15']
	])('adds years to %s (%i) → %s', (from, years, expected) => {
		expect(isoFromDay(addYears(day(from), years))).toBe(expected);
	});

	it.each([
		['2024-03-31', -1, '2024-02-29'],
		['2024-01-31', 1, '2024-02-29'],
		['2024-05-15', -5, '2023-12-15']
	])('adds months to %s (%i) → %s', (from, months, expected) => {
		expect(isoFromDay(addMonths(day(from), months))).toBe(expected);
	});
});
