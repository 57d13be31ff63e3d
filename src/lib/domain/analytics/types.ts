/**
 * Shapes shared by the analytics core. Everything here is columnar (typed arrays indexed by day)
 * because a redraw aggregates ~40 accounts × 10 years of days: no per-day objects, no Date objects.
 */
import type { DayNumber } from '../days';
import type { MetricKey, MetricSemantics } from '../metrics';

/** An inclusive range of calendar days. */
export interface DayRange {
	from: DayNumber;
	to: DayNumber;
}

/** Bits of `DailyValues.flags`: why a day's value deserves a mark in charts and tables. */
export const DAY_DERIVED = 1;
/** Some account that should have contributed to a combined value had nothing that day. */
export const DAY_INCOMPLETE = 2;
/** A level carried forward from an earlier day (within the staleness window) by a combination. */
export const DAY_CARRIED = 4;

/**
 * One metric of one account (or a combination of accounts), day by day: `values[i]` is the value
 * for day `startDay + i`, NaN when there is none (a gap, never a zero). The storage layer's
 * per-account series (`{ accountId, metric, startDay, values, sources }`) fits this shape as is.
 */
export interface DailyValues {
	accountId: string;
	metric: MetricKey;
	startDay: DayNumber;
	values: Float64Array;
	/** The import each value came from (0 = none); carried through untouched, not needed here. */
	sources?: Uint32Array;
	/** Per-day DAY_* bits, same length as values; absent = no marks. */
	flags?: Uint8Array;
	/** Overrides the metric's own semantics (a combination of ratios, for instance). */
	semantics?: MetricSemantics;
	/** True when some values were rebuilt rather than reported (see derive.ts). */
	derived?: boolean;
	/** Plain words on how the values were obtained, shown next to the chart or card. */
	note?: string;
}

/** Days since the start of the series for `day`, or -1 when outside. */
export function indexOfDay(series: DailyValues, day: DayNumber): number {
	const index = day - series.startDay;
	return index >= 0 && index < series.values.length ? index : -1;
}

/** First and last day holding a value, or null when the series holds none. */
export function dataExtent(series: DailyValues): DayRange | null {
	const { values } = series;
	let first = 0;
	while (first < values.length && Number.isNaN(values[first])) first++;
	if (first === values.length) return null;
	let last = values.length - 1;
	while (Number.isNaN(values[last])) last--;
	return { from: series.startDay + first, to: series.startDay + last };
}

/**
 * Smallest and largest of many numbers without spreading them into arguments (a spread of 100,000
 * post days overflows the call stack); null for none.
 */
export function numberExtent(values: Iterable<number>): DayRange | null {
	let from = Number.POSITIVE_INFINITY;
	let to = Number.NEGATIVE_INFINITY;
	for (const value of values) {
		if (value < from) from = value;
		if (value > to) to = value;
	}
	return from <= to ? { from, to } : null;
}

/** True when the series exists and holds at least one value. */
export function hasValues(series: DailyValues | undefined | null): series is DailyValues {
	return series !== undefined && series !== null && dataExtent(series) !== null;
}

/** The value on `day`, or NaN when the series has none. */
export function valueOn(series: DailyValues, day: DayNumber): number {
	const index = day - series.startDay;
	return index >= 0 && index < series.values.length ? series.values[index] : Number.NaN;
}

/**
 * A post as analytics reads it. The stored post (`StoredPost` in schemas/db-records.ts) fits this
 * shape as is.
 */
export interface AnalyticsPost {
	postId: string;
	accountId: string;
	/** Local `YYYY-MM-DDTHH:mm[:ss]` as the export gives it, or null. */
	publishedAt: string | null;
	day: DayNumber | null;
	text: string;
	/** The platform's content type (Photo, Video, IG reel, …). */
	type?: string;
	/** Lifetime metrics as of the export; a missing metric is absent, not 0. */
	metrics: Partial<Record<MetricKey, number>>;
}
