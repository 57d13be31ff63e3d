/**
 * Calendar arithmetic on DayNumbers with integers only (Howard Hinnant's civil-date algorithms),
 * so bucketing a decade of days never builds a Date. Proleptic Gregorian, like `Date.UTC`.
 */
import type { DayNumber } from '../days';

export function dayFromCivil(year: number, month: number, dayOfMonth: number): DayNumber {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

/**
 * `year * 12 + (month - 1)`: one integer per calendar month, so "which month" needs no object.
 * Month serials subtract to month counts and compare in calendar order.
 */
export function monthSerialOfDay(day: DayNumber): number {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365
	);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
	const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	return year * 12 + month - 1;
}

export function firstDayOfMonthSerial(serial: number): DayNumber {
	const year = Math.floor(serial / 12);
	return dayFromCivil(year, serial - year * 12 + 1, 1);
}

export function yearOfDay(day: DayNumber): number {
	return Math.floor(monthSerialOfDay(day) / 12);
}

/** 1..12 */
export function monthOfDay(day: DayNumber): number {
	const serial = monthSerialOfDay(day);
	return serial - Math.floor(serial / 12) * 12 + 1;
}

/** 1..31 */
export function dayOfMonth(day: DayNumber): number {
	return day - firstDayOfMonthSerial(monthSerialOfDay(day)) + 1;
}

export function daysInMonthSerial(serial: number): number {
	return firstDayOfMonthSerial(serial + 1) - firstDayOfMonthSerial(serial);
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekday(day: DayNumber): number {
	return (((day + 3) % 7) + 7) % 7;
}

export function mondayOfWeek(day: DayNumber): DayNumber {
	return day - isoWeekday(day);
}

/** ISO 8601 week: weeks start on Monday and belong to the year that holds their Thursday. */
export function isoWeekOfDay(day: DayNumber): { year: number; week: number } {
	const thursday = mondayOfWeek(day) + 3;
	const year = yearOfDay(thursday);
	return { year, week: Math.floor((thursday - dayFromCivil(year, 1, 1)) / 7) + 1 };
}

/** Monday of ISO week 1 of `year` (the week holding 4 January). */
export function firstMondayOfIsoYear(year: number): DayNumber {
	return mondayOfWeek(dayFromCivil(year, 1, 4));
}

/** 52 or 53. */
export function isoWeeksInYear(year: number): number {
	return (firstMondayOfIsoYear(year + 1) - firstMondayOfIsoYear(year)) / 7;
}

/** The same calendar date `years` later (negative: earlier); 29 February falls back to the 28th. */
export function addYears(day: DayNumber, years: number): DayNumber {
	const serial = monthSerialOfDay(day);
	const target = serial + years * 12;
	const dom = day - firstDayOfMonthSerial(serial) + 1;
	return firstDayOfMonthSerial(target) + Math.min(dom, daysInMonthSerial(target)) - 1;
}

/** The same day-of-month `months` later, clamped to the month's length (31 March − 1 month = 28/29 February). */
export function addMonths(day: DayNumber, months: number): DayNumber {
	const serial = monthSerialOfDay(day);
	const target = serial + months;
	const dom = day - firstDayOfMonthSerial(serial) + 1;
	return firstDayOfMonthSerial(target) + Math.min(dom, daysInMonthSerial(target)) - 1;
}
