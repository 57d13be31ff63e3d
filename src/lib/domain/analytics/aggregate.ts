/**
 * Turning daily values into buckets (week, month, …) and accounts into a portfolio, by each metric's
 * semantics (see metrics.ts):
 *
 * - level  → the last value known inside the bucket (followers are a stock: summing days is wrong);
 * - flow   → the sum of the days that have a value;
 * - unique → the average per day (a person reached on Monday and Tuesday is one person each day,
 *            not two people over the week, so a sum would overstate and a max would understate);
 * - ratio  → the mean of the daily values.
 *
 * A bucket with no value on any day is a gap (NaN, shown as null), never 0. A bucket where only some
 * days have values is partial: its coverage says how many.
 *
 * Hot loops read the Float64Arrays directly and allocate nothing per day.
 */
import type { DayNumber } from '../days';
import { METRICS, type MetricKey, type MetricSemantics } from '../metrics';
import { bucketFrame, bucketKey, bucketLabel, type BucketFrame, type Grain } from './grain';
import { DAY_CARRIED, DAY_DERIVED, DAY_INCOMPLETE, type DailyValues, type DayRange } from './types';

export type Aggregation = 'last value' | 'sum' | 'daily average' | 'average of daily values';

export const AGGREGATION_OF: Record<MetricSemantics, Aggregation> = {
	level: 'last value',
	flow: 'sum',
	unique: 'daily average',
	ratio: 'average of daily values'
};

export function semanticsOf(series: Pick<DailyValues, 'metric' | 'semantics'>): MetricSemantics {
	return series.semantics ?? METRICS[series.metric].semantics;
}

export interface AggregateOptions {
	grain: Grain;
	range: DayRange;
	/** Pass the same frame to every series of one chart to compute bucket boundaries once. */
	frame?: BucketFrame;
}

/** Buckets of one series, column by column (index i = bucket i of `frame`). */
export interface AggregatedSeries {
	accountId: string;
	metric: MetricKey;
	semantics: MetricSemantics;
	aggregation: Aggregation;
	frame: BucketFrame;
	/** NaN = gap: no day in the bucket (inside the range) had a value. */
	values: Float64Array;
	/** Days inside the bucket and the range that had a value. */
	covered: Int32Array;
	/** Last day with a value in the bucket (for a level: the day its value was read); NaN when none. */
	asOf: Float64Array;
	/** DAY_* bits of the days the value was made from (a level: just the day it was read). */
	flags: Uint8Array;
	derived: boolean;
	note?: string;
}

export function aggregateSeries(series: DailyValues, options: AggregateOptions): AggregatedSeries {
	const frame = options.frame ?? bucketFrame(options.range, options.grain);
	const semantics = semanticsOf(series);
	const count = frame.count;
	const values = new Float64Array(count).fill(Number.NaN);
	const covered = new Int32Array(count);
	const asOf = new Float64Array(count).fill(Number.NaN);
	const flags = new Uint8Array(count);
	const source = series.values;
	const dayFlags = series.flags;
	const seriesStart = series.startDay;
	const seriesEnd = seriesStart + source.length - 1;
	const from = Math.max(frame.range.from, seriesStart);
	const to = Math.min(frame.range.to, seriesEnd);
	const isLevel = semantics === 'level';
	const isSum = semantics === 'flow';
	for (let b = 0; b < count; b++) {
		const lo = Math.max(frame.starts[b], from);
		const hi = Math.min(frame.ends[b], to);
		if (lo > hi) continue;
		let sum = 0;
		let n = 0;
		let last = Number.NaN;
		let lastDay = -1;
		let bits = 0;
		for (let i = lo - seriesStart, end = hi - seriesStart; i <= end; i++) {
			const v = source[i];
			if (v !== v) continue;
			sum += v;
			n++;
			last = v;
			lastDay = i;
			if (dayFlags !== undefined && !isLevel) bits |= dayFlags[i];
		}
		if (n === 0) continue;
		covered[b] = n;
		asOf[b] = lastDay + seriesStart;
		if (isLevel) {
			values[b] = last;
			if (dayFlags !== undefined) bits = dayFlags[lastDay];
		} else values[b] = isSum ? sum : sum / n;
		flags[b] = bits;
	}
	return {
		accountId: series.accountId,
		metric: series.metric,
		semantics,
		aggregation: AGGREGATION_OF[semantics],
		frame,
		values,
		covered,
		asOf,
		flags,
		derived: series.derived === true,
		note: series.note
	};
}

/** One bucket as an object, for tables, tooltips and CSV (not for hot loops). */
export interface Bucket {
	key: string;
	label: string;
	start: DayNumber;
	/** Calendar end of the bucket, inclusive. */
	end: DayNumber;
	value: number | null;
	daysWithData: number;
	/** Calendar days in the bucket (7 for a week, 28–31 for a month). */
	daysInBucket: number;
	/** Some but not all of the bucket's days had a value (or the range cut the bucket). */
	partial: boolean;
	derived: boolean;
	/** A combination where some account had no value on the day(s) used. */
	incomplete: boolean;
	/** A combination that used a level carried forward from an earlier day. */
	carried: boolean;
	asOf: DayNumber | null;
}

export function isPartialBucket(series: AggregatedSeries, index: number): boolean {
	const n = series.covered[index];
	return n > 0 && n < series.frame.ends[index] - series.frame.starts[index] + 1;
}

export function bucketsOf(series: AggregatedSeries, locale = 'en'): Bucket[] {
	const { frame } = series;
	const buckets: Bucket[] = [];
	for (let i = 0; i < frame.count; i++) {
		const value = series.values[i];
		const bits = series.flags[i];
		buckets.push({
			key: bucketKey(frame.starts[i], frame.grain),
			label: bucketLabel(frame.starts[i], frame.grain, locale),
			start: frame.starts[i],
			end: frame.ends[i],
			value: Number.isNaN(value) ? null : value,
			daysWithData: series.covered[i],
			daysInBucket: frame.ends[i] - frame.starts[i] + 1,
			partial: isPartialBucket(series, i),
			derived: (bits & DAY_DERIVED) !== 0,
			incomplete: (bits & DAY_INCOMPLETE) !== 0,
			carried: (bits & DAY_CARRIED) !== 0,
			asOf: Number.isNaN(series.asOf[i]) ? null : series.asOf[i]
		});
	}
	return buckets;
}

/** How long a level may be carried forward when accounts are added up (see combineAccounts). */
export const DEFAULT_STALE_DAYS = 31;

export interface CombineOptions {
	/**
	 * Levels only: an account's last known value counts for at most this many days after it was read.
	 * 31 by default, so a follower total exported once a month still joins every day's sum until the
	 * next export, while an account whose exports stopped drops out after a month instead of
	 * inflating the total forever.
	 */
	staleDays?: number;
	/** Id of the combined series; 'portfolio' by default. */
	accountId?: string;
	/** Restrict the combination to these days; default: from the first to the last day any input covers. */
	range?: DayRange;
}

/**
 * An account starting or ceasing to count in a combination: a total that moves because its members
 * changed must not read as growth or loss. `day` is the first day the account counts (`joins`) or
 * the first day it no longer does (`leaves`: the day after its last value, or for a level the day
 * after its last value stopped being carried forward).
 */
export interface MembershipChange {
	day: DayNumber;
	accountId: string;
	kind: 'joins' | 'leaves';
	/** The account's first (`joins`) or last (`leaves`) day with a value. */
	valueDay: DayNumber;
}

export interface CombinedSeries extends DailyValues {
	semantics: MetricSemantics;
	flags: Uint8Array;
	note: string;
	/** Accounts that contributed a value (fresh or carried) each day. */
	reporting: Uint16Array;
	/**
	 * Accounts expected each day: those whose data has begun and not yet ended (levels: ended more
	 * than staleDays ago). A day with reporting < active is flagged DAY_INCOMPLETE.
	 */
	active: Uint16Array;
	accounts: number;
	staleDays: number;
	/**
	 * Accounts joining after the first day or leaving before the last, by day (then account): what
	 * makes `active` change. An account present from the first day to the last has none.
	 */
	changes: MembershipChange[];
}

/** Per bucket of a frame: accounts joining and leaving a total, and the day of the bucket's first such change. */
export interface BucketMembership {
	joined: Uint16Array;
	left: Uint16Array;
	/** NaN where the bucket has no change. */
	firstDay: Float64Array;
}

/**
 * Changes bucketed over `frame`. Changes outside the frame's range are dropped, and so are those
 * inside its first bucket: that bucket is a line's first point, so no step shows there to explain.
 */
export function membershipByBucket(frame: BucketFrame, changes: readonly MembershipChange[]): BucketMembership {
	const joined = new Uint16Array(frame.count);
	const left = new Uint16Array(frame.count);
	const firstDay = new Float64Array(frame.count).fill(Number.NaN);
	let bucket = 1;
	for (const change of [...changes].sort((a, b) => a.day - b.day)) {
		if (frame.count < 2 || change.day <= frame.ends[0] || change.day > frame.range.to) continue;
		while (bucket < frame.count && frame.ends[bucket] < change.day) bucket++;
		if (bucket === frame.count) break;
		if (frame.starts[bucket] > change.day) continue;
		if (change.kind === 'joins') joined[bucket]++;
		else left[bucket]++;
		if (Number.isNaN(firstDay[bucket])) firstDay[bucket] = change.day;
	}
	return { joined, left, firstDay };
}

export const COMBINATION_NOTES: Record<MetricSemantics, (staleDays: number) => string> = {
	flow: () => 'Sum across accounts, day by day.',
	level: (staleDays) =>
		`Sum of each account’s latest known value; a value is carried forward at most ${staleDays} days, and days where an account had none are marked.`,
	unique: () => 'Sum of daily uniques; the same person may follow several accounts.',
	ratio: () => 'Unweighted mean of the accounts’ daily values: a rate cannot be added up across accounts.'
};

/**
 * Adds accounts up day by day for the portfolio. Flows and uniques are summed per day; levels are
 * summed from each account's last known value (carried forward within `staleDays`); ratios are
 * averaged. Returns null for an empty list.
 */
export function combineAccounts(
	seriesList: readonly DailyValues[],
	semantics: MetricSemantics,
	options: CombineOptions = {}
): CombinedSeries | null {
	if (seriesList.length === 0) return null;
	const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
	const isLevel = semantics === 'level';
	let start = Number.POSITIVE_INFINITY;
	let end = Number.NEGATIVE_INFINITY;
	if (options.range) {
		start = options.range.from;
		end = options.range.to;
	} else {
		for (const series of seriesList) {
			if (series.values.length === 0) continue;
			start = Math.min(start, series.startDay);
			end = Math.max(end, series.startDay + series.values.length - 1 + (isLevel ? staleDays : 0));
		}
		if (!Number.isFinite(start)) {
			start = seriesList[0].startDay;
			end = start - 1;
		}
	}
	const length = Math.max(0, end - start + 1);
	const sums = new Float64Array(length);
	const reporting = new Uint16Array(length);
	const active = new Uint16Array(length);
	const flags = new Uint8Array(length);
	const changes: MembershipChange[] = [];
	let anyDerived = false;

	for (const series of seriesList) {
		const source = series.values;
		const dayFlags = series.flags;
		if (series.derived) anyDerived = true;
		let first = 0;
		while (first < source.length && source[first] !== source[first]) first++;
		if (first === source.length) continue;
		let last = source.length - 1;
		while (source[last] !== source[last]) last--;
		const offset = series.startDay - start;
		const activeEnd = Math.min(length - 1, last + offset + (isLevel ? staleDays : 0));
		const activeStart = Math.max(0, first + offset);
		if (activeStart <= activeEnd) {
			if (activeStart > 0) changes.push({ day: start + activeStart, accountId: series.accountId, kind: 'joins', valueDay: start + activeStart });
			if (activeEnd < length - 1) {
				changes.push({ day: start + activeEnd + 1, accountId: series.accountId, kind: 'leaves', valueDay: series.startDay + last });
			}
		}
		let carriedValue = Number.NaN;
		let carriedFrom = Number.NEGATIVE_INFINITY;
		let carriedBits = 0;
		if (isLevel && activeStart > first + offset) {
			// the range starts after this account's first value: pick up the value in force at the range start
			const lowest = Math.max(first, activeStart - offset - staleDays);
			for (let i = Math.min(last, activeStart - offset - 1); i >= lowest; i--) {
				const v = source[i];
				if (v === v) {
					carriedValue = v;
					carriedFrom = i + offset;
					carriedBits = dayFlags !== undefined ? dayFlags[i] : 0;
					break;
				}
			}
		}
		for (let d = activeStart; d <= activeEnd; d++) {
			active[d]++;
			const i = d - offset;
			const v = i <= last ? source[i] : Number.NaN;
			if (v === v) {
				sums[d] += v;
				reporting[d]++;
				if (dayFlags !== undefined) flags[d] |= dayFlags[i] & DAY_DERIVED;
				if (isLevel) {
					carriedValue = v;
					carriedFrom = d;
					carriedBits = dayFlags !== undefined ? dayFlags[i] : 0;
				}
			} else if (isLevel && d - carriedFrom <= staleDays) {
				sums[d] += carriedValue;
				reporting[d]++;
				flags[d] |= DAY_CARRIED | (carriedBits & DAY_DERIVED);
			}
		}
	}

	const values = new Float64Array(length);
	for (let d = 0; d < length; d++) {
		const n = reporting[d];
		if (n === 0) {
			values[d] = Number.NaN;
			continue;
		}
		values[d] = semantics === 'ratio' ? sums[d] / n : sums[d];
		if (n < active[d]) flags[d] |= DAY_INCOMPLETE;
	}

	return {
		accountId: options.accountId ?? 'portfolio',
		metric: seriesList[0].metric,
		startDay: start,
		values,
		flags,
		semantics,
		derived: anyDerived,
		note: COMBINATION_NOTES[semantics](staleDays),
		reporting,
		active,
		accounts: seriesList.length,
		staleDays,
		changes: changes.sort((a, b) => a.day - b.day || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
	};
}
