/**
 * A north-star target: one metric (of one account or the portfolio), a baseline, a target value and
 * a target day. Progress is how far the current value has moved from the baseline towards the
 * target; the trend is a least-squares line through the smoothed series over the recent past, and
 * the projection extends that line to the target day. The verdict compares projection and target
 * with a tolerance of 5% of the distance baseline → target.
 *
 * What is tracked depends on the metric: a level (followers), a unique or a ratio is tracked as its
 * daily value, smoothed by a 28-day trailing average for the trend; a flow (impressions) is tracked
 * as its trailing 30-day total ("per 30 days"), because a target like "1M impressions a month" is
 * about a period's total, not a day's.
 */
import type { DayNumber } from '../days';
import { METRICS, type MetricKey, type MetricUnit } from '../metrics';
import { semanticsOf, type MembershipChange } from './aggregate';
import { formatDay } from './grain';
import { intlNumberFormatter, MINUS, type NumberFormatter } from './growth';
import { minimumValuesFor, rollingMeanWithCentres } from './rolling';
import type { DailyValues } from './types';

/** Field names match the stored NorthStarRecord, so a record can be passed as is. */
export interface NorthStarTarget {
	metric: MetricKey;
	/** null / absent: the portfolio. */
	accountId?: string | null;
	baselineDay: DayNumber;
	baselineValue: number;
	target: number;
	targetDay: DayNumber;
}

export interface NorthStarOptions {
	/** The last day that counts as now; default: the last day with data. */
	today?: DayNumber;
	/** Trailing window smoothing a level/unique/ratio before the trend fit (default 28). */
	smoothingDays?: number;
	/** Window of a flow's trailing total (default 30). */
	flowWindowDays?: number;
	/** Days before now the trend is fitted over (default 90, never before the baseline). */
	fitDays?: number;
	/** Share of |target − baseline| within which a projection counts as on track (default 0.05). */
	tolerance?: number;
	/**
	 * A portfolio goal: accounts joining or leaving the total (CombinedSeries.changes). The trend is
	 * fitted only on days whose smoothed value (or trailing total) lies wholly after the last of them,
	 * so a step in the total is not read as pace; and progress says when it spans such changes.
	 */
	membership?: readonly MembershipChange[];
	locale?: string;
	format?: NumberFormatter;
}

export type NorthStarVerdict = 'ahead' | 'on track' | 'behind' | 'achieved' | 'missed' | 'not enough data';

export interface TrendLine {
	/** Value per day. */
	slope: number;
	fromDay: DayNumber;
	toDay: DayNumber;
	points: number;
	valueAt(day: DayNumber): number;
}

export interface NorthStarResult {
	metric: MetricKey;
	/** A flow is tracked as its trailing total over this many days; null for other metrics. */
	flowWindowDays: number | null;
	/** The trend is fitted over this many days before now, and needs minFitPoints of them with values. */
	fitDays: number;
	minFitPoints: number;
	/** What is tracked, in English (logs, tests): `Followers`, `Impressions per 30 days`. Screens word it from metric and flowWindowDays. */
	measure: string;
	unit: MetricUnit;
	/** The tracked value day by day (a flow: its trailing total). */
	tracked: Float64Array;
	/** What the trend is fitted on (smoothed), same days as `tracked`; the same array for a flow. */
	smoothed: Float64Array;
	/** Window of the smoothing average; null for a flow (its trailing total is smooth already). */
	smoothingDays: number | null;
	startDay: DayNumber;
	current: { day: DayNumber; value: number } | null;
	/** 0 at the baseline, 1 at the target; can be below 0 or above 1. */
	progress: number | null;
	/** (target − baseline) ÷ days from baseline to target. */
	requiredPacePerDay: number | null;
	/** (target − current) ÷ days left. */
	remainingPacePerDay: number | null;
	/** The trend's slope. */
	actualPacePerDay: number | null;
	trend: TrendLine | null;
	projection: { day: DayNumber; value: number } | null;
	/** The day accounts last joined or left the total, when that moved the trend's first day later. */
	trendAfterChange: DayNumber | null;
	/** Accounts that joined or left the total after the baseline, up to now (a goal of one account: none). */
	changedSinceBaseline: { joined: number; left: number };
	verdict: NorthStarVerdict;
	/** The verdict in an English sentence (logs, tests); screens compose theirs from the fields above. */
	sentence: string;
}

const MIN_FIT_POINTS = 14;

/** Least squares through (x, y) pairs; x centred to keep day numbers from eating precision. */
function fitLine(xs: number[], ys: number[]): { slope: number; meanX: number; meanY: number } | null {
	const n = xs.length;
	if (n < 2) return null;
	let meanX = 0;
	let meanY = 0;
	for (let i = 0; i < n; i++) {
		meanX += xs[i];
		meanY += ys[i];
	}
	meanX /= n;
	meanY /= n;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - meanX) * (ys[i] - meanY);
		sxx += (xs[i] - meanX) ** 2;
	}
	if (sxx === 0) return null;
	return { slope: sxy / sxx, meanX, meanY };
}

export function formatMetricValue(value: number, unit: MetricUnit, format: NumberFormatter, signed = false): string {
	const sign = signed ? (value > 0 ? '+' : value < 0 ? MINUS : '') : value < 0 ? MINUS : '';
	const magnitude = Math.abs(value);
	switch (unit) {
		case 'fraction':
			return `${sign}${format(magnitude * 100, { maximumFractionDigits: 2 })}${signed ? ' pp' : '%'}`;
		case 'seconds':
			return `${sign}${format(magnitude, { maximumFractionDigits: 1 })} s`;
		case 'hours':
			return `${sign}${format(magnitude, { maximumFractionDigits: 1 })} h`;
		default:
			return `${sign}${format(magnitude, { maximumFractionDigits: magnitude < 10 ? 1 : 0 })}`;
	}
}

/** A pace as people say it: per day, or per month when the daily pace of a count is below one. */
export function paceOf(perDay: number, unit: MetricUnit): { value: number; per: 'day' | 'month' } {
	if (unit === 'count' && Math.abs(perDay) < 1 && perDay !== 0) return { value: perDay * 30.4375, per: 'month' };
	return { value: perDay, per: 'day' };
}

/** `+41 a day`, or `+9 a month` when the daily pace is below one unit (English). */
function formatPace(perDay: number, unit: MetricUnit, format: NumberFormatter): string {
	const pace = paceOf(perDay, unit);
	return `${formatMetricValue(pace.value, unit, format, true)} ${pace.per === 'month' ? 'a month' : 'a day'}`;
}

export function evaluateNorthStar(goal: NorthStarTarget, series: DailyValues, options: NorthStarOptions = {}): NorthStarResult {
	const definition = METRICS[goal.metric];
	const semantics = semanticsOf(series);
	const format = options.format ?? intlNumberFormatter(options.locale ?? 'en');
	const locale = options.locale ?? 'en';
	const unit = definition.unit;
	const isFlow = semantics === 'flow';
	const flowWindow = options.flowWindowDays ?? 30;
	const smoothingDays = options.smoothingDays ?? 28;
	const fitDays = options.fitDays ?? 90;
	const tolerance = options.tolerance ?? 0.05;

	let tracked: Float64Array;
	let smoothed: Float64Array;
	let centres: Float64Array;
	if (isFlow) {
		const rolled = rollingMeanWithCentres(series.values, flowWindow, minimumValuesFor(flowWindow));
		tracked = rolled.means;
		// the mean over the days with data, scaled to the window: a total that a missing day does not drag down
		for (let i = 0; i < tracked.length; i++) tracked[i] *= flowWindow;
		smoothed = tracked;
		centres = rolled.centres;
	} else {
		const rolled = rollingMeanWithCentres(series.values, smoothingDays, minimumValuesFor(smoothingDays));
		tracked = series.values;
		smoothed = rolled.means;
		centres = rolled.centres;
	}
	const measure = isFlow ? `${definition.label} per ${flowWindow} days` : definition.label;
	const startDay = series.startDay;
	const fmt = (value: number) => formatMetricValue(value, unit, format);

	const lastIndex = Math.min(tracked.length - 1, (options.today ?? Number.POSITIVE_INFINITY) - startDay);
	let currentIndex = lastIndex;
	while (currentIndex >= 0 && Number.isNaN(tracked[currentIndex])) currentIndex--;
	const current = currentIndex >= 0 ? { day: startDay + currentIndex, value: tracked[currentIndex] } : null;

	const distance = goal.target - goal.baselineValue;
	const direction = distance >= 0 ? 1 : -1;
	const totalDays = goal.targetDay - goal.baselineDay;
	const requiredPacePerDay = totalDays > 0 ? distance / totalDays : null;
	const progress = current && distance !== 0 ? (current.value - goal.baselineValue) / distance : null;
	const daysLeft = current ? goal.targetDay - current.day : 0;
	const remainingPacePerDay = current && daysLeft > 0 ? (goal.target - current.value) / daysLeft : null;

	const changedSinceBaseline = { joined: 0, left: 0 };
	let lastChange: DayNumber | null = null;
	if (current) {
		for (const change of options.membership ?? []) {
			if (change.day > current.day) continue;
			if (lastChange === null || change.day > lastChange) lastChange = change.day;
			if (change.day <= goal.baselineDay) continue;
			if (change.kind === 'joins') changedSinceBaseline.joined++;
			else changedSinceBaseline.left++;
		}
	}

	let trend: TrendLine | null = null;
	let trendAfterChange: DayNumber | null = null;
	if (current) {
		const xs: number[] = [];
		const ys: number[] = [];
		let firstDay = Math.max(goal.baselineDay, current.day - fitDays + 1);
		// the first day whose smoothing window (or trailing total) holds no day from before the change
		const settled = lastChange === null ? null : lastChange + (isFlow ? flowWindow : smoothingDays) - 1;
		if (settled !== null && settled > firstDay) {
			firstDay = settled;
			trendAfterChange = lastChange;
		}
		for (let day = Math.max(firstDay, startDay); day <= current.day; day++) {
			const v = smoothed[day - startDay];
			if (v !== v) continue;
			// a trailing average describes the middle of the days it averaged: placing it there removes the lag
			xs.push(startDay + centres[day - startDay]);
			ys.push(v);
		}
		const fit = xs.length >= MIN_FIT_POINTS ? fitLine(xs, ys) : null;
		if (fit) {
			const valueAt = (day: DayNumber) => fit.meanY + fit.slope * (day - fit.meanX);
			trend = { slope: fit.slope, fromDay: firstDay, toDay: current.day, points: xs.length, valueAt };
		}
	}
	const projection = trend ? { day: goal.targetDay, value: trend.valueAt(goal.targetDay) } : null;

	const goalText = `${fmt(goal.target)} by ${formatDay(goal.targetDay, locale)}`;
	let verdict: NorthStarVerdict;
	let sentence: string;
	if (!current) {
		verdict = 'not enough data';
		sentence = `${measure}: no data yet for the target of ${goalText}.`;
	} else if ((current.value - goal.target) * direction >= 0) {
		verdict = 'achieved';
		sentence = `${measure}: ${fmt(current.value)} on ${formatDay(current.day, locale)} — the target of ${fmt(goal.target)} is reached.`;
	} else if (current.day >= goal.targetDay) {
		verdict = 'missed';
		sentence = `${measure}: the target date ${formatDay(goal.targetDay, locale)} has passed at ${fmt(current.value)}, short of ${fmt(goal.target)}.`;
	} else {
		const progressText =
			progress === null ? '' : ` (${format(Math.round(progress * 100), { maximumFractionDigits: 0 })}% of the way from ${fmt(goal.baselineValue)})`;
		const now = `${measure}: ${fmt(current.value)} now${progressText}, target ${goalText}.`;
		if (!trend || !projection) {
			verdict = 'not enough data';
			sentence =
				trendAfterChange === null
					? `${now} Not enough recent data for a trend (it needs ${MIN_FIT_POINTS} days with values in the last ${fitDays}).`
					: `${now} Not enough data for a trend since the accounts in the total last changed on ${formatDay(trendAfterChange, locale)}.`;
		} else {
			const margin = (projection.value - goal.target) * direction;
			const band = tolerance * Math.abs(distance);
			verdict = margin > band ? 'ahead' : margin >= -band ? 'on track' : 'behind';
			const pace = formatPace(trend.slope, unit, format);
			const reaches = `At the recent pace (${pace}) the trend reaches ${fmt(projection.value)} by then`;
			sentence =
				verdict === 'behind'
					? `${now} ${reaches} — behind: ${formatPace(remainingPacePerDay ?? 0, unit, format)} is needed from now.`
					: verdict === 'ahead'
						? `${now} ${reaches} — ahead of target.`
						: `${now} ${reaches} — on track.`;
			if (trendAfterChange !== null) {
				sentence += ` The trend starts on ${formatDay(trend.fromDay, locale)}, after the accounts in the total last changed (${formatDay(trendAfterChange, locale)}).`;
			}
		}
	}
	if (current && changedSinceBaseline.joined + changedSinceBaseline.left > 0) {
		sentence += ` Since the baseline the accounts in the total have changed (${changedSinceBaseline.joined} joined, ${changedSinceBaseline.left} left), so progress is partly a change of accounts.`;
	}

	return {
		metric: goal.metric,
		flowWindowDays: isFlow ? flowWindow : null,
		fitDays,
		minFitPoints: MIN_FIT_POINTS,
		measure,
		unit,
		tracked,
		smoothed,
		smoothingDays: isFlow ? null : smoothingDays,
		startDay,
		current,
		progress,
		requiredPacePerDay,
		remainingPacePerDay,
		actualPacePerDay: trend ? trend.slope : null,
		trend,
		projection,
		trendAfterChange,
		changedSinceBaseline,
		verdict,
		sentence
	};
}
