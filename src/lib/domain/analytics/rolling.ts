/**
 * Trailing rolling averages and year-over-year alignment.
 *
 * Rolling rule: the average at day (or bucket) i covers the `window` positions ending at i, uses only
 * the positions that have a value, and is blank (NaN) unless at least half the window has values.
 * Half is the compromise between drawing nothing for a series with a few missing days and drawing a
 * "28-day average" that really rests on three days.
 */
import type { DayNumber } from '../days';
import { membershipByBucket, type AggregatedSeries, type BucketMembership, type MembershipChange } from './aggregate';
import { addYears, firstMondayOfIsoYear, isoWeekOfDay, isoWeeksInYear } from './calendar';
import { bucketStart, type BucketFrame, type Grain } from './grain';
import type { DailyValues, DayRange } from './types';

/** The windows the dashboard offers, in days. */
export const ROLLING_WINDOWS = [7, 28, 90] as const;

/** At least half the window: ceil(window / 2). */
export function minimumValuesFor(window: number): number {
	return Math.ceil(window / 2);
}

/**
 * Trailing mean over `window` positions, ignoring NaN; NaN where fewer than `minValues` positions
 * of the window have a value. O(n), one output array.
 */
export function rollingMean(values: Float64Array, window: number, minValues = minimumValuesFor(window)): Float64Array {
	const out = new Float64Array(values.length);
	let sum = 0;
	let count = 0;
	for (let i = 0; i < values.length; i++) {
		const entering = values[i];
		if (entering === entering) {
			sum += entering;
			count++;
		}
		if (i >= window) {
			const leaving = values[i - window];
			if (leaving === leaving) {
				sum -= leaving;
				count--;
			}
		}
		out[i] = count >= minValues && count > 0 ? sum / count : Number.NaN;
	}
	return out;
}

/**
 * The trailing mean plus, for each position, the mean position of the values it averaged: where
 * the average "is" in time. A trailing mean lags its window (by (window − 1) / 2 when full, by other
 * amounts when days are missing or the series has just begun); a trend fitted at these centres does
 * not inherit that lag.
 */
export function rollingMeanWithCentres(
	values: Float64Array,
	window: number,
	minValues = minimumValuesFor(window)
): { means: Float64Array; centres: Float64Array } {
	const means = new Float64Array(values.length);
	const centres = new Float64Array(values.length);
	let sum = 0;
	let positions = 0;
	let count = 0;
	for (let i = 0; i < values.length; i++) {
		const entering = values[i];
		if (entering === entering) {
			sum += entering;
			positions += i;
			count++;
		}
		if (i >= window) {
			const leaving = values[i - window];
			if (leaving === leaving) {
				sum -= leaving;
				positions -= i - window;
				count--;
			}
		}
		const enough = count >= minValues && count > 0;
		means[i] = enough ? sum / count : Number.NaN;
		centres[i] = enough ? positions / count : Number.NaN;
	}
	return { means, centres };
}

/** A daily series' trailing `window`-day average, as a series of its own. */
export function rollingSeries(series: DailyValues, window: number, minValues = minimumValuesFor(window)): DailyValues {
	return {
		accountId: series.accountId,
		metric: series.metric,
		startDay: series.startDay,
		values: rollingMean(series.values, window, minValues),
		semantics: series.semantics,
		derived: series.derived,
		note: `${window}-day trailing average of the days that have a value (blank when fewer than ${minValues} do).`
	};
}

/**
 * Trailing average over buckets. A flow bucket enters only when every one of its days has a value:
 * a week with two missing days holds a smaller sum and would pull the average down as if activity
 * had dropped. Levels, uniques and ratios are per-day readings, so a partial bucket is still fair.
 */
export function rollingBuckets(series: AggregatedSeries, window: number, minValues = minimumValuesFor(window)): Float64Array {
	if (series.semantics !== 'flow') return rollingMean(series.values, window, minValues);
	const { frame } = series;
	const complete = new Float64Array(frame.count);
	for (let i = 0; i < frame.count; i++) {
		complete[i] = series.covered[i] === frame.ends[i] - frame.starts[i] + 1 ? series.values[i] : Number.NaN;
	}
	return rollingMean(complete, window, minValues);
}

/**
 * The bucket a year earlier than the bucket starting at `start`: the same calendar day (29 February
 * → 28 February), the same ISO week number of the previous ISO year (week 53 → week 52 when that
 * year has none), the same month, quarter or the previous year.
 */
export function yearAgoBucketStart(start: DayNumber, grain: Grain): DayNumber {
	if (grain === 'week') {
		const { year, week } = isoWeekOfDay(start);
		const previousWeek = Math.min(week, isoWeeksInYear(year - 1));
		return firstMondayOfIsoYear(year - 1) + (previousWeek - 1) * 7;
	}
	return bucketStart(addYears(bucketStart(start, grain), -1), grain);
}

/** The same calendar day a year earlier. */
export function sameDayLastYear(day: DayNumber): DayNumber {
	return addYears(day, -1);
}

/** The range one year earlier, calendar day for calendar day. */
export function yearAgoRange(range: DayRange): DayRange {
	return { from: addYears(range.from, -1), to: addYears(range.to, -1) };
}

/**
 * Last year's bucket values lined up with this year's buckets: out[i] is the value of the bucket a
 * year before `current`'s bucket i, read from `earlier` (aggregated at the same grain over a range
 * reaching a year back), NaN when `earlier` has no such bucket or it is a gap. Drawing out[i] at
 * bucket i's date is the "last year, shifted forward one year" overlay.
 */
export function alignYearOverYear(current: AggregatedSeries, earlier: AggregatedSeries): Float64Array {
	const indices = yearAgoIndices(current.frame, earlier.frame);
	const out = new Float64Array(indices.length).fill(Number.NaN);
	for (let i = 0; i < indices.length; i++) if (indices[i] >= 0) out[i] = earlier.values[indices[i]];
	return out;
}

/** For each bucket of `frame`, the index of the bucket a year before it in `earlier` (same grain), or -1. */
export function yearAgoIndices(frame: BucketFrame, earlier: BucketFrame): Int32Array {
	const indexByStart = new Map<number, number>();
	for (let i = 0; i < earlier.count; i++) indexByStart.set(earlier.starts[i], i);
	const out = new Int32Array(frame.count).fill(-1);
	for (let i = 0; i < frame.count; i++) out[i] = indexByStart.get(yearAgoBucketStart(frame.starts[i], frame.grain)) ?? -1;
	return out;
}

/**
 * Accounts joining or leaving a total a year earlier, lined up with `frame`'s buckets as the
 * year-over-year overlay draws last year's values: bucket i counts the changes in the bucket a year
 * before it (bucketed over `earlier`, a frame reaching a year back), and `firstDay` is the first
 * change's day moved forward with its bucket, so a mark sits where the overlay steps. Without this a
 * rise in last year's line reads as last year's growth when it was accounts starting to count.
 * None in bucket 0: the overlay's first point shows no step.
 */
export function alignYearAgoMembership(frame: BucketFrame, earlier: BucketFrame, changes: readonly MembershipChange[]): BucketMembership {
	const before = membershipByBucket(earlier, changes);
	const indices = yearAgoIndices(frame, earlier);
	const joined = new Uint16Array(frame.count);
	const left = new Uint16Array(frame.count);
	const firstDay = new Float64Array(frame.count).fill(Number.NaN);
	for (let i = 1; i < frame.count; i++) {
		const j = indices[i];
		if (j < 0 || (before.joined[j] === 0 && before.left[j] === 0)) continue;
		joined[i] = before.joined[j];
		left[i] = before.left[j];
		firstDay[i] = Math.min(frame.ends[i], frame.starts[i] + (before.firstDay[j] - earlier.starts[j]));
	}
	return { joined, left, firstDay };
}
