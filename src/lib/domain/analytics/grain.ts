/**
 * Time grains and their buckets: day, ISO week (Monday start), calendar month, quarter and year.
 * A bucket is identified by its first day; keys are stable strings for tables and CSV, labels are
 * for people. Bucket boundaries for a range are computed once (a BucketFrame) and shared by every
 * series aggregated over that range.
 */
import type { DayNumber } from '../days';
import {
	dayFromCivil,
	firstDayOfMonthSerial,
	isoWeekOfDay,
	mondayOfWeek,
	monthSerialOfDay
} from './calendar';
import type { DayRange } from './types';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export const GRAIN_LABELS: Record<Grain, string> = {
	day: 'Daily',
	week: 'Weekly',
	month: 'Monthly',
	quarter: 'Quarterly',
	year: 'Yearly'
};

/** First day of the bucket holding `day`. */
export function bucketStart(day: DayNumber, grain: Grain): DayNumber {
	switch (grain) {
		case 'day':
			return day;
		case 'week':
			return mondayOfWeek(day);
		case 'month':
			return firstDayOfMonthSerial(monthSerialOfDay(day));
		case 'quarter': {
			const serial = monthSerialOfDay(day);
			return firstDayOfMonthSerial(serial - (((serial % 3) + 3) % 3));
		}
		case 'year': {
			const serial = monthSerialOfDay(day);
			return firstDayOfMonthSerial(serial - (((serial % 12) + 12) % 12));
		}
	}
}

/** First day of the bucket after the one holding `day`. */
export function nextBucketStart(day: DayNumber, grain: Grain): DayNumber {
	const start = bucketStart(day, grain);
	switch (grain) {
		case 'day':
			return start + 1;
		case 'week':
			return start + 7;
		case 'month':
			return firstDayOfMonthSerial(monthSerialOfDay(start) + 1);
		case 'quarter':
			return firstDayOfMonthSerial(monthSerialOfDay(start) + 3);
		case 'year':
			return firstDayOfMonthSerial(monthSerialOfDay(start) + 12);
	}
}

/** Last day (inclusive) of the bucket holding `day`. */
export function bucketEnd(day: DayNumber, grain: Grain): DayNumber {
	return nextBucketStart(day, grain) - 1;
}

/** Calendar length of the bucket holding `day`: 1, 7, 28–31, 90–92, 365–366. */
export function bucketLength(day: DayNumber, grain: Grain): number {
	return nextBucketStart(day, grain) - bucketStart(day, grain);
}

const pad = (value: number, width: number) => {
	const text = String(Math.abs(value)).padStart(width, '0');
	return value < 0 ? `-${text}` : text;
};

/**
 * Stable key of the bucket holding `day`: `2024-03-18`, `2024-W12` (ISO week-year, which can differ
 * from the calendar year around New Year), `2024-03`, `2024-Q1`, `2024`.
 */
export function bucketKey(day: DayNumber, grain: Grain): string {
	switch (grain) {
		case 'day': {
			const serial = monthSerialOfDay(day);
			const year = Math.floor(serial / 12);
			return `${pad(year, 4)}-${pad(serial - year * 12 + 1, 2)}-${pad(day - firstDayOfMonthSerial(serial) + 1, 2)}`;
		}
		case 'week': {
			const { year, week } = isoWeekOfDay(day);
			return `${pad(year, 4)}-W${pad(week, 2)}`;
		}
		case 'month': {
			const serial = monthSerialOfDay(day);
			const year = Math.floor(serial / 12);
			return `${pad(year, 4)}-${pad(serial - year * 12 + 1, 2)}`;
		}
		case 'quarter': {
			const serial = monthSerialOfDay(day);
			const year = Math.floor(serial / 12);
			return `${pad(year, 4)}-Q${Math.floor((serial - year * 12) / 3) + 1}`;
		}
		case 'year':
			return pad(Math.floor(monthSerialOfDay(day) / 12), 4);
	}
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let formatter = formatterCache.get(key);
	if (!formatter) {
		// days are calendar dates stored as UTC midnights: format them in UTC or they shift a day west of Greenwich
		formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
		formatterCache.set(key, formatter);
	}
	return formatter;
}

/** A calendar day for people, e.g. `Mar 18, 2024` in 'en'. */
export function formatDay(day: DayNumber, locale = 'en'): string {
	return dateFormatter(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(day * 86_400_000);
}

/** `Mar 2024` in 'en'. */
export function formatMonth(day: DayNumber, locale = 'en'): string {
	return dateFormatter(locale, { month: 'short', year: 'numeric' }).format(day * 86_400_000);
}

/**
 * Label of the bucket holding `day`, for tooltips and table rows: `Mar 18, 2024`,
 * `Week of Mar 18, 2024`, `March 2024`, `Q1 2024`, `2024`.
 */
export function bucketLabel(day: DayNumber, grain: Grain, locale = 'en'): string {
	const start = bucketStart(day, grain);
	switch (grain) {
		case 'day':
			return formatDay(start, locale);
		case 'week':
			return `Week of ${formatDay(start, locale)}`;
		case 'month':
			return dateFormatter(locale, { month: 'long', year: 'numeric' }).format(start * 86_400_000);
		case 'quarter': {
			const serial = monthSerialOfDay(start);
			const year = Math.floor(serial / 12);
			return `Q${Math.floor((serial - year * 12) / 3) + 1} ${year}`;
		}
		case 'year':
			return String(Math.floor(monthSerialOfDay(start) / 12));
	}
}

/**
 * The buckets covering a range: `starts[i]` is the calendar start of bucket i and `ends[i]` its
 * calendar end (inclusive). The first and last bucket may stick out of the range; aggregation only
 * reads days inside the range and reports those buckets as partially covered.
 */
export interface BucketFrame {
	grain: Grain;
	range: DayRange;
	count: number;
	starts: Int32Array;
	ends: Int32Array;
}

export function bucketFrame(range: DayRange, grain: Grain): BucketFrame {
	if (range.to < range.from) {
		return { grain, range, count: 0, starts: new Int32Array(0), ends: new Int32Array(0) };
	}
	const first = bucketStart(range.from, grain);
	let count: number;
	if (grain === 'day') count = range.to - range.from + 1;
	else if (grain === 'week') count = Math.floor((range.to - first) / 7) + 1;
	else {
		const monthsPerBucket = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
		count = Math.floor((monthSerialOfDay(range.to) - monthSerialOfDay(first)) / monthsPerBucket) + 1;
	}
	const starts = new Int32Array(count);
	const ends = new Int32Array(count);
	let start = first;
	for (let i = 0; i < count; i++) {
		const next = nextBucketStart(start, grain);
		starts[i] = start;
		ends[i] = next - 1;
		start = next;
	}
	return { grain, range, count, starts, ends };
}

/** Index of the bucket holding `day` in a frame, or -1 (binary search; frames are sorted). */
export function bucketIndexOf(frame: BucketFrame, day: DayNumber): number {
	let lo = 0;
	let hi = frame.count - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (day < frame.starts[mid]) hi = mid - 1;
		else if (day > frame.ends[mid]) lo = mid + 1;
		else return mid;
	}
	return -1;
}

/** 1 January of `year`, exported for callers building year ranges without Date. */
export function firstDayOfYear(year: number): DayNumber {
	return dayFromCivil(year, 1, 1);
}
