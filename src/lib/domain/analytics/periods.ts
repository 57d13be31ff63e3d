/**
 * Period presets for the dashboard and the periods a KPI is compared with. "Today" is injected so
 * tests (and "as of the last import" views) can pin it; ranges are inclusive.
 */
import { todayDay, type DayNumber } from '../days';
import { addYears, dayFromCivil, yearOfDay } from './calendar';
import { formatDay } from './grain';
import { yearAgoRange } from './rolling';
import { dataExtent, type DailyValues, type DayRange } from './types';

export const PERIOD_PRESETS = ['last-90-days', 'last-12-months', 'year-to-date', 'all-time', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
	'last-90-days': 'Last 90 days',
	'last-12-months': 'Last 12 months',
	'year-to-date': 'Year to date',
	'all-time': 'All time',
	custom: 'Custom'
};

export interface PeriodContext {
	/** Defaults to the local calendar date now. */
	today?: DayNumber;
	/** First and last day with data (for 'all-time'). */
	dataExtent?: DayRange | null;
	/** The range for 'custom'. */
	custom?: DayRange | null;
}

/**
 * The days a preset covers, ending today: last 90 days = today and the 89 before it; last 12
 * months = the day after the same date last year through today; year to date = 1 January through
 * today; all time = first through last day with data. Null when there is nothing to cover (no data
 * for 'all-time', no custom range).
 */
export function resolvePeriod(preset: PeriodPreset, context: PeriodContext = {}): DayRange | null {
	const today = context.today ?? todayDay();
	switch (preset) {
		case 'last-90-days':
			return { from: today - 89, to: today };
		case 'last-12-months':
			return { from: addYears(today, -1) + 1, to: today };
		case 'year-to-date':
			return { from: dayFromCivil(yearOfDay(today), 1, 1), to: today };
		case 'all-time':
			return context.dataExtent ? { ...context.dataExtent } : null;
		case 'custom': {
			const custom = context.custom;
			if (!custom) return null;
			return { from: Math.min(custom.from, custom.to), to: Math.max(custom.from, custom.to) };
		}
	}
}

export function periodLength(range: DayRange): number {
	return range.to - range.from + 1;
}

/** The period of equal length that ends the day before `range` starts. */
export function previousPeriod(range: DayRange): DayRange {
	const length = periodLength(range);
	return { from: range.from - length, to: range.from - 1 };
}

/** The same calendar dates a year earlier (29 February → 28 February). */
export function samePeriodLastYear(range: DayRange): DayRange {
	return yearAgoRange(range);
}

/** First to last day holding a value in any of the series, or null when none holds one. */
export function dataExtentOf(seriesList: Iterable<DailyValues>): DayRange | null {
	let from = Number.POSITIVE_INFINITY;
	let to = Number.NEGATIVE_INFINITY;
	for (const series of seriesList) {
		const extent = dataExtent(series);
		if (!extent) continue;
		from = Math.min(from, extent.from);
		to = Math.max(to, extent.to);
	}
	return Number.isFinite(from) ? { from, to } : null;
}

/** `Mar 18, 2024 – Jun 15, 2024` */
export function describeRange(range: DayRange, locale = 'en'): string {
	if (range.from === range.to) return formatDay(range.from, locale);
	return `${formatDay(range.from, locale)} – ${formatDay(range.to, locale)}`;
}
