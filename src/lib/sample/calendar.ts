/** Calendar arithmetic and every date style the exports use, on whole DayNumbers (UTC calendar days). */
import { dayFromYMD, weekdayOfDay, type DayNumber } from '../domain/days';

export const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;
const MONTH_ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3));
/** ISO order, matching weekdayOfDay (0 = Monday). */
const WEEKDAY_ABBREVIATIONS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const SECONDS_PER_DAY = 86_400;

function pad2(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

/**
 * Calendar date of a day number by integer arithmetic (Howard Hinnant's civil_from_days): the
 * generator formats millions of dates, and going through Date objects dominated its run time.
 */
export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
	const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1 };
}

const isoCache = new Map<DayNumber, string>();

/** `2021-11-30` */
export function isoDate(day: DayNumber): string {
	let text = isoCache.get(day);
	if (text === undefined) {
		const { year, month, day: date } = ymdFromDay(day);
		text = `${year}-${pad2(month)}-${pad2(date)}`;
		if (isoCache.size > 50_000) isoCache.clear();
		isoCache.set(day, text);
	}
	return text;
}

export function dayOf(year: number, month: number, day: number): DayNumber {
	const result = dayFromYMD(year, month, day);
	if (result === null) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
	return result;
}

/** `20211130` (X legacy and WeChat file names) */
export function compactDate(day: DayNumber): string {
	return isoDate(day).replaceAll('-', '');
}

/** `8/24/2014` (legacy Facebook page-level) */
export function monthDayYear(day: DayNumber): string {
	const { year, month, day: date } = ymdFromDay(day);
	return `${month}/${date}/${year}`;
}

/** `08/24/2014` (LinkedIn, Meta Business Suite publish time) */
export function paddedMonthDayYear(day: DayNumber): string {
	const { year, month, day: date } = ymdFromDay(day);
	return `${pad2(month)}/${pad2(date)}/${year}`;
}

/** `Sep 27, 2024` (YouTube publish time) */
export function abbreviatedDate(day: DayNumber): string {
	const { year, month, day: date } = ymdFromDay(day);
	return `${MONTH_ABBREVIATIONS[month - 1]} ${date}, ${year}`;
}

/** `Thu, Sep 11, 2025` (X Premium overview and late-2025 content exports) */
export function weekdayAbbreviatedDate(day: DayNumber): string {
	return `${WEEKDAY_ABBREVIATIONS[weekdayOfDay(day)]}, ${abbreviatedDate(day)}`;
}

/** `Thu Mar 20 2025` (JS Date.toDateString(), early-2025 X Premium content exports) */
export function dateString(day: DayNumber): string {
	const { year, month, day: date } = ymdFromDay(day);
	return `${WEEKDAY_ABBREVIATIONS[weekdayOfDay(day)]} ${MONTH_ABBREVIATIONS[month - 1]} ${pad2(date)} ${year}`;
}

/** `Aug-01-2025` (Meta Business Suite content file names) */
export function metaFileDate(day: DayNumber): string {
	const { year, month, day: date } = ymdFromDay(day);
	return `${MONTH_ABBREVIATIONS[month - 1]}-${pad2(date)}-${year}`;
}

/** `September 25`: TikTok Studio's year-less English dates */
export function monthNameDay(day: DayNumber): string {
	const { month, day: date } = ymdFromDay(day);
	return `${MONTH_NAMES[month - 1]} ${date}`;
}

/** `16:05` from minutes after midnight */
export function clock(minuteOfDay: number): string {
	return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

export function yearOf(day: DayNumber): number {
	return ymdFromDay(day).year;
}

export function firstOfMonth(day: DayNumber): DayNumber {
	const { year, month } = ymdFromDay(day);
	return dayOf(year, month, 1);
}

/** First day of the month `months` after the month containing `day`. */
export function addMonths(day: DayNumber, months: number): DayNumber {
	const { year, month } = ymdFromDay(day);
	const index = year * 12 + (month - 1) + months;
	return dayOf(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The n-th given weekday (0 = Monday) of a month, e.g. the second Tuesday of October. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): DayNumber {
	const first = dayOf(year, month, 1);
	const offset = (weekday - weekdayOfDay(first) + 7) % 7;
	return first + offset + (n - 1) * 7;
}

export interface DayRange {
	from: DayNumber;
	/** Inclusive. */
	to: DayNumber;
}

/**
 * Calendar-aligned chunks of `months` months (1, 3, 6 or 12, counted from January) that cover
 * [from, to], each clipped to it: the ranges someone exporting "each quarter" would pick.
 */
export function calendarChunks(from: DayNumber, to: DayNumber, months: number): DayRange[] {
	const chunks: DayRange[] = [];
	const { year, month } = ymdFromDay(from);
	let start = dayOf(year, month - ((month - 1) % months), 1);
	while (start <= to) {
		const next = addMonths(start, months);
		chunks.push({ from: Math.max(start, from), to: Math.min(next - 1, to) });
		start = next;
	}
	return chunks;
}

/** Consecutive ranges of `length` days ending at `to`, oldest first; the first may be shorter. */
export function trailingChunks(from: DayNumber, to: DayNumber, length: number, step = length): DayRange[] {
	const chunks: DayRange[] = [];
	for (let end = to; end >= from; end -= step) chunks.unshift({ from: Math.max(from, end - length + 1), to: end });
	return chunks;
}

/** Month-of-year seasonality for B2B attention: summer and December holidays are quiet. */
const MONTH_SEASON = [0.95, 1.0, 1.05, 1.04, 1.0, 0.96, 0.82, 0.8, 1.04, 1.1, 1.06, 0.84];

export function seasonOf(day: DayNumber): number {
	const { month, day: date } = ymdFromDay(day);
	// linear blend towards the neighbouring month so the curve has no monthly steps
	const here = MONTH_SEASON[month - 1];
	const neighbour = date < 15 ? MONTH_SEASON[(month + 10) % 12] : MONTH_SEASON[month % 12];
	const weight = Math.abs(date - 15) / 30;
	return here * (1 - weight) + neighbour * weight;
}
