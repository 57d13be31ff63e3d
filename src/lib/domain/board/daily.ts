/**
 * Day-indexed reads over the board's series (one slot per day, NaN = no data). Small helpers shared
 * by the facts and the sparkline; they never treat a missing day as zero.
 */
import type { DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import type { BoardSeries } from './types';

/** A day → value lookup; NaN where there is no data. */
export interface DailyValues {
	firstDay: DayNumber;
	/** Exclusive. */
	endDay: DayNumber;
	at(day: DayNumber): number;
}

export function fromSeries(series: BoardSeries): DailyValues {
	const { startDay, values } = series;
	return {
		firstDay: startDay,
		endDay: startDay + values.length,
		at: (day) => (day >= startDay && day < startDay + values.length ? values[day - startDay] : NaN)
	};
}

export function findSeries(series: BoardSeries[], metric: MetricKey): BoardSeries | undefined {
	return series.find((one) => one.metric === metric && one.values.length > 0);
}

/** Per day, the sum of whichever parts have a value; NaN when none has. */
export function sumOfParts(parts: DailyValues[]): DailyValues | undefined {
	if (parts.length === 0) return undefined;
	if (parts.length === 1) return parts[0];
	return {
		firstDay: Math.min(...parts.map((part) => part.firstDay)),
		endDay: Math.max(...parts.map((part) => part.endDay)),
		at(day) {
			let total = NaN;
			for (const part of parts) {
				const value = part.at(day);
				if (!Number.isNaN(value)) total = Number.isNaN(total) ? value : total + value;
			}
			return total;
		}
	};
}

/** The metrics that make up "engagements" when an export has no engagements column (see METRICS). */
export const ENGAGEMENT_PARTS: readonly MetricKey[] = ['likes', 'comments', 'shares', 'clicks'];

/** Daily engagements: the platform's own figure, else likes + comments + shares (+ clicks). */
export function dailyEngagements(series: BoardSeries[]): DailyValues | undefined {
	const direct = findSeries(series, 'engagements');
	if (direct) return fromSeries(direct);
	const parts = ENGAGEMENT_PARTS.map((metric) => findSeries(series, metric)).filter((one) => one !== undefined);
	return sumOfParts(parts.map(fromSeries));
}

/** The last day in [from, to] with a value, searching backwards; null when there is none. */
export function lastDayWithValue(values: DailyValues, from: DayNumber, to: DayNumber): DayNumber | null {
	const start = Math.max(from, values.firstDay);
	for (let day = Math.min(to, values.endDay - 1); day >= start; day--) {
		if (!Number.isNaN(values.at(day))) return day;
	}
	return null;
}

/** Post engagements: the export's figure, else likes + comments + shares (+ clicks) where given. */
export function postEngagements(metrics: Partial<Record<MetricKey, number>>): number | null {
	const direct = metrics.engagements;
	if (direct !== undefined && Number.isFinite(direct)) return direct;
	let total: number | null = null;
	for (const metric of ENGAGEMENT_PARTS) {
		const value = metrics[metric];
		if (value !== undefined && Number.isFinite(value)) total = (total ?? 0) + value;
	}
	return total;
}
