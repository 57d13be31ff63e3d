/**
 * The analytics phrasing every screen shares (dashboard, account page, charts), in the active
 * language. The core (src/lib/domain/analytics) returns numbers and kinds; these functions word
 * them with t() from the `analytics` namespace and Intl for currentLocale(). Each reads the
 * language, so a caller inside $derived or markup follows a switch.
 *
 * API (kept stable; other areas call it):
 * - growthText(growth)    the whole phrase: `x10.2 in 12 months`, `+12% in 3 months`, `new since …`, `n/a`
 * - growthChange(growth)  just the change: `x10.2`, `+12%`, `−3.4%`, `no change`; '' for 'new' and 'n/a'
 * - growthReason(growth)  why there is no ratio (a tooltip), or undefined
 * - durationText(duration) `45 days`, `3 months`, `2 years 3 months`
 * - rangeText(range)      `Mar 18, 2024 – Jun 15, 2024` (describeRange in the active language)
 * - presetLabel(preset)   `Last 90 days` (a button, a heading)
 * - presetPhrase(preset)  `last 90 days` (inside a sentence)
 * - grainLabel(grain)     `Weekly` (a menu, a heading)
 * - grainPhrase(grain)    `weekly` (inside a sentence)
 * - bucketText(day, grain) `Mar 18, 2024`, `Week of Mar 18, 2024`, `March 2024`, `Q1 2024`, `2024`
 * - dayText(day)          a calendar day, `Mar 18, 2024`
 * - chartWords()          the words and date-fns locale the chart builders (src/lib/charts) take
 * - northStarMeasure(result), northStarSentence(goal, result), verdictLabel(verdict)
 */
import type { DayNumber } from '$lib/domain/days';
import type { Duration, Growth } from '$lib/domain/analytics/growth';
import { bucketStart, type Grain } from '$lib/domain/analytics/grain';
import { monthSerialOfDay } from '$lib/domain/analytics/calendar';
import type { PeriodPreset } from '$lib/domain/analytics/periods';
import type { DayRange } from '$lib/domain/analytics/types';
import { formatMetricValue, paceOf, type NorthStarResult, type NorthStarTarget, type NorthStarVerdict } from '$lib/domain/analytics/northstar';
import { intlNumberFormatter } from '$lib/domain/analytics/growth';
import type { ChartTextKey, ChartWords } from '$lib/charts/build-shared';
import { northStarMeasure as measureIn } from '$lib/charts/build-northstar';
import { zhCN } from 'date-fns/locale/zh-CN';
import { currentLocale, t } from './i18n.svelte';
import { metricLabel } from './labels';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const locale = currentLocale();
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	// days are calendar dates stored as UTC midnights: format them in UTC or they shift a day west of Greenwich
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
	return format;
}

function numberFormat(digits: number): Intl.NumberFormat {
	const locale = currentLocale();
	const key = `${locale}|${digits}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
	return format;
}

const ms = (day: DayNumber) => day * 86_400_000;

/** A calendar day: `Mar 18, 2024` / `2024年3月18日`. */
export function dayText(day: DayNumber): string {
	return dateFormat({ day: 'numeric', month: 'short', year: 'numeric' }).format(ms(day));
}

/** `Mar 18, 2024 – Jun 15, 2024`, or one day. */
export function rangeText(range: DayRange): string {
	if (range.from === range.to) return dayText(range.from);
	return t('analytics:range', { from: dayText(range.from), to: dayText(range.to) });
}

export function durationText(duration: Duration): string {
	switch (duration.unit) {
		case 'days':
			return t('analytics:duration.days', { count: duration.days, n: numberFormat(0).format(duration.days) });
		case 'months':
			return t('analytics:duration.months', { count: duration.months, n: numberFormat(0).format(duration.months) });
		case 'years': {
			const years = t('analytics:duration.years', { count: duration.years, n: numberFormat(0).format(duration.years) });
			if (duration.months === 0) return years;
			const months = t('analytics:duration.months', { count: duration.months, n: numberFormat(0).format(duration.months) });
			return t('analytics:duration.yearsMonths', { years, months });
		}
	}
}

/** Just the change: `x10.2`, `+12%`, `−3.4%`, `no change`; '' for 'new' and 'n/a'. */
export function growthChange(growth: Growth): string {
	switch (growth.kind) {
		case 'multiple':
			return t('analytics:growth.multiple', { value: numberFormat(growth.digits).format(growth.ratio ?? 0) });
		case 'percent':
			return t('analytics:growth.percent', {
				sign: growth.sign ?? '',
				value: numberFormat(growth.digits).format(Math.abs(growth.percent ?? 0))
			});
		case 'unchanged':
			return t('analytics:growth.unchanged');
		default:
			return '';
	}
}

/** The whole phrase: `x10.2 in 12 months`, `no change in 30 days`, `new since Jan 1, 2024`, `n/a`. */
export function growthText(growth: Growth): string {
	switch (growth.kind) {
		case 'multiple':
		case 'percent':
			return t('analytics:growth.inPeriod', { change: growthChange(growth), duration: growth.duration ? durationText(growth.duration) : '' });
		case 'unchanged':
			return t('analytics:growth.unchangedInPeriod', { duration: growth.duration ? durationText(growth.duration) : '' });
		case 'new':
			return t('analytics:growth.newSince', { day: growth.since === null ? '' : dayText(growth.since) });
		default:
			return t('analytics:growth.notApplicable');
	}
}

/** Why the growth has no ratio, for a tooltip; undefined when it has one. */
export function growthReason(growth: Growth): string | undefined {
	switch (growth.reasonCode) {
		case 'no-start':
			return t('analytics:growth.reason.noStart');
		case 'no-end':
			return t('analytics:growth.reason.noEnd');
		case 'zero-to-negative':
			return t('analytics:growth.reason.zeroToNegative');
		case 'zero-start':
			return t('analytics:growth.reason.zeroStart');
		case 'negative-start':
			return t('analytics:growth.reason.negativeStart');
		default:
			return undefined;
	}
}

/** `Last 90 days`, for a button or a heading. */
export function presetLabel(preset: PeriodPreset): string {
	switch (preset) {
		case 'last-90-days':
			return t('analytics:preset.last90Days');
		case 'last-12-months':
			return t('analytics:preset.last12Months');
		case 'year-to-date':
			return t('analytics:preset.yearToDate');
		case 'all-time':
			return t('analytics:preset.allTime');
		case 'custom':
			return t('analytics:preset.custom');
	}
}

/** `last 90 days`, inside a sentence. */
export function presetPhrase(preset: PeriodPreset): string {
	switch (preset) {
		case 'last-90-days':
			return t('analytics:presetPhrase.last90Days');
		case 'last-12-months':
			return t('analytics:presetPhrase.last12Months');
		case 'year-to-date':
			return t('analytics:presetPhrase.yearToDate');
		case 'all-time':
			return t('analytics:presetPhrase.allTime');
		case 'custom':
			return t('analytics:presetPhrase.custom');
	}
}

/** `Weekly`, for a menu or a heading. */
export function grainLabel(grain: Grain): string {
	switch (grain) {
		case 'day':
			return t('analytics:grain.day');
		case 'week':
			return t('analytics:grain.week');
		case 'month':
			return t('analytics:grain.month');
		case 'quarter':
			return t('analytics:grain.quarter');
		case 'year':
			return t('analytics:grain.year');
	}
}

/** `weekly`, inside a sentence. */
export function grainPhrase(grain: Grain): string {
	switch (grain) {
		case 'day':
			return t('analytics:grainPhrase.day');
		case 'week':
			return t('analytics:grainPhrase.week');
		case 'month':
			return t('analytics:grainPhrase.month');
		case 'quarter':
			return t('analytics:grainPhrase.quarter');
		case 'year':
			return t('analytics:grainPhrase.year');
	}
}

/**
 * The bucket holding `day`, for tooltips and table rows: `Mar 18, 2024`, `Week of Mar 18, 2024`,
 * `March 2024`, `Q1 2024`, `2024` (bucketLabel in the active language).
 */
export function bucketText(day: DayNumber, grain: Grain): string {
	const start = bucketStart(day, grain);
	switch (grain) {
		case 'day':
			return dayText(start);
		case 'week':
			return t('analytics:bucket.week', { day: dayText(start) });
		case 'month':
			return dateFormat({ month: 'long', year: 'numeric' }).format(ms(start));
		case 'quarter': {
			const serial = monthSerialOfDay(start);
			const year = Math.floor(serial / 12);
			return t('analytics:bucket.quarter', { quarter: Math.floor((serial - year * 12) / 3) + 1, year });
		}
		case 'year':
			return dateFormat({ year: 'numeric' }).format(ms(start));
	}
}

/**
 * The chart builders' words in the active language: templates from `analytics:chart.*`, metric
 * names, days and buckets, and date-fns's Chinese locale for the time axis in zh-CN. Call it where
 * the chart config is built (inside $derived), so a language switch rebuilds the chart.
 */
const ZH_TIME_FORMATS = { day: 'M月d日', week: 'M月d日', month: 'yyyy年M月', quarter: 'yyyy年第q季度', year: 'yyyy年' };

export function chartWords(): ChartWords {
	const locale = currentLocale();
	return {
		locale,
		dateLocale: locale === 'zh-CN' ? zhCN : undefined,
		// Chart.js's default tick patterns (`MMM yyyy`) read "12月 2023" in Chinese; these read as Chinese dates
		timeFormats: locale === 'zh-CN' ? ZH_TIME_FORMATS : undefined,
		text: (key: ChartTextKey, values?: Record<string, string | number>) => t(`analytics:chart.${key}`, values),
		metric: metricLabel,
		day: dayText,
		bucket: bucketText,
		grain: grainPhrase
	};
}

/** What a goal tracks: `Impressions per 30 days`, `Followers`. */
export function northStarMeasure(result: Pick<NorthStarResult, 'metric' | 'flowWindowDays'>): string {
	return measureIn(result, chartWords());
}

/** `Ahead`, `On track`, for the verdict's heading. */
export function verdictLabel(verdict: NorthStarVerdict): string {
	switch (verdict) {
		case 'achieved':
			return t('analytics:northStar.verdict.achieved');
		case 'ahead':
			return t('analytics:northStar.verdict.ahead');
		case 'on track':
			return t('analytics:northStar.verdict.onTrack');
		case 'behind':
			return t('analytics:northStar.verdict.behind');
		case 'missed':
			return t('analytics:northStar.verdict.missed');
		case 'not enough data':
			return t('analytics:northStar.verdict.notEnoughData');
	}
}

/** The verdict in a sentence (the core's `sentence`, in the active language). */
export function northStarSentence(goal: NorthStarTarget, result: NorthStarResult): string {
	const format = intlNumberFormatter(currentLocale());
	const fmt = (value: number) => formatMetricValue(value, result.unit, format);
	const pace = (perDay: number) => {
		const { value, per } = paceOf(perDay, result.unit);
		const amount = formatMetricValue(value, result.unit, format, true);
		return per === 'month' ? t('analytics:northStar.pace.month', { value: amount }) : t('analytics:northStar.pace.day', { value: amount });
	};
	const measure = northStarMeasure(result);
	const goalText = t('analytics:northStar.goal', { target: fmt(goal.target), day: dayText(goal.targetDay) });
	const { current, progress, trend, projection } = result;
	if (!current) return t('analytics:northStar.sentence.noData', { measure, goal: goalText });
	const { joined, left } = result.changedSinceBaseline;
	const accountsChanged = joined + left > 0 ? t('analytics:northStar.sentence.accountsChanged', { joined: format(joined, { maximumFractionDigits: 0 }), left: format(left, { maximumFractionDigits: 0 }) }) : '';
	if (result.verdict === 'achieved') {
		return (
			t('analytics:northStar.sentence.achieved', { measure, value: fmt(current.value), day: dayText(current.day), target: fmt(goal.target) }) + accountsChanged
		);
	}
	if (result.verdict === 'missed') {
		return t('analytics:northStar.sentence.missed', { measure, day: dayText(goal.targetDay), value: fmt(current.value), target: fmt(goal.target) }) + accountsChanged;
	}
	const progressText =
		progress === null
			? ''
			: t('analytics:northStar.sentence.progress', {
					percent: format(Math.round(progress * 100), { maximumFractionDigits: 0 }),
					baseline: fmt(goal.baselineValue)
				});
	const now = t('analytics:northStar.sentence.now', { measure, value: fmt(current.value), progress: progressText, goal: goalText });
	if (!trend || !projection) {
		return (
			(result.trendAfterChange === null
				? t('analytics:northStar.sentence.noTrend', { now, points: result.minFitPoints, days: result.fitDays })
				: t('analytics:northStar.sentence.noTrendAfterChange', { now, day: dayText(result.trendAfterChange) })) + accountsChanged
		);
	}
	const reaches = t('analytics:northStar.sentence.reaches', { pace: pace(trend.slope), value: fmt(projection.value) });
	const afterChange =
		result.trendAfterChange === null
			? ''
			: t('analytics:northStar.sentence.trendAfterChange', { from: dayText(trend.fromDay), day: dayText(result.trendAfterChange) });
	switch (result.verdict) {
		case 'behind':
			return t('analytics:northStar.sentence.behind', { now, reaches, pace: pace(result.remainingPacePerDay ?? 0) }) + afterChange + accountsChanged;
		case 'ahead':
			return t('analytics:northStar.sentence.ahead', { now, reaches }) + afterChange + accountsChanged;
		default:
			return t('analytics:northStar.sentence.onTrack', { now, reaches }) + afterChange + accountsChanged;
	}
}
