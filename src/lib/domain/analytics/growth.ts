/**
 * Growth between two values, worded as people say it: `x10.2 in 12 months` once the value has at
 * least doubled, `+12% in 3 months` / `−12% in 3 months` otherwise. A zero start reads
 * `new since …`, and a negative or missing start reads `n/a` with the reason, because a percentage
 * of a negative or absent baseline means nothing.
 */
import type { DayNumber } from '../days';
import { addMonths, dayOfMonth, monthSerialOfDay } from './calendar';
import { formatDay } from './grain';

/** Formats a non-negative number; the caller adds signs and units. */
export type NumberFormatter = (value: number, options: Intl.NumberFormatOptions) => string;

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat for `locale`, cached per option set. */
export function intlNumberFormatter(locale = 'en'): NumberFormatter {
	return (value, options) => {
		const key = `${locale}|${JSON.stringify(options)}`;
		let format = numberFormats.get(key);
		if (!format) {
			format = new Intl.NumberFormat(locale, options);
			numberFormats.set(key, format);
		}
		return format.format(value);
	};
}

/** U+2212, the typographic minus: a hyphen reads as a dash next to a number. */
export const MINUS = '\u2212';

/**
 * The time between two days as people count it: days under 60 days, calendar months (rounded to
 * the nearest) under 24 months, years and months from then on. Structured so the UI words it in
 * the active language (see $lib/i18n/analytics).
 */
export type Duration =
	| { unit: 'days'; days: number }
	| { unit: 'months'; months: number }
	| { unit: 'years'; years: number; months: number };

export function measureDuration(fromDay: DayNumber, toDay: DayNumber): Duration {
	const start = Math.min(fromDay, toDay);
	const end = Math.max(fromDay, toDay);
	const days = end - start;
	if (days < 60) return { unit: 'days', days };
	let months = monthSerialOfDay(end) - monthSerialOfDay(start);
	if (dayOfMonth(end) < dayOfMonth(start)) months--;
	if (end - addMonths(start, months) >= 15) months++;
	if (months < 24) return { unit: 'months', months };
	const years = Math.floor(months / 12);
	return { unit: 'years', years, months: months - years * 12 };
}

/**
 * The duration in English, for logs and tests: `1 day`, `45 days`, `3 months`, `2 years`,
 * `2 years 3 months`. Screens use durationText from $lib/i18n/analytics.
 */
export function describeDuration(fromDay: DayNumber, toDay: DayNumber): string {
	const duration = measureDuration(fromDay, toDay);
	if (duration.unit === 'days') return duration.days === 1 ? '1 day' : `${duration.days} days`;
	if (duration.unit === 'months') return `${duration.months} months`;
	const years = `${duration.years} years`;
	if (duration.months === 0) return years;
	return `${years} ${duration.months === 1 ? '1 month' : `${duration.months} months`}`;
}

export interface GrowthPoint {
	day: DayNumber;
	value: number | null | undefined;
}

export interface GrowthOptions {
	locale?: string;
	/** Defaults to Intl.NumberFormat for `locale`. */
	format?: NumberFormatter;
	/** 'auto' (default): a multiple from ×2 up, a percentage below. */
	style?: 'auto' | 'percent' | 'multiple';
}

export type GrowthKind = 'multiple' | 'percent' | 'unchanged' | 'new' | 'n/a';

/** Why a growth has no ratio. */
export type GrowthReason = 'no-start' | 'no-end' | 'zero-to-negative' | 'zero-start' | 'negative-start';

/**
 * A growth between two values. The structured fields (kind, ratio, percent, sign, digits,
 * duration, since, reasonCode) are what screens word in the active language with growthText and
 * friends in $lib/i18n/analytics; `text`, `change`, `period` and `reason` are the English wording,
 * kept for logs, exports and tests.
 */
export interface Growth {
	kind: GrowthKind;
	/** Time between the two values; null for 'new' and 'n/a'. */
	duration: Duration | null;
	/** (end ÷ start − 1) × 100 for 'percent', else null. */
	percent: number | null;
	/** Sign of the shown percentage: '±' when it rounds to zero; null unless 'percent'. */
	sign: '+' | '−' | '±' | null;
	/** Fraction digits to show the multiple or the percentage with. */
	digits: number;
	/** The start day, for 'new' (`new since …`). */
	since: DayNumber | null;
	/** Why there is no ratio ('n/a', 'new'). */
	reasonCode?: GrowthReason;
	/** The whole phrase: `x10.2 in 12 months`, `new since Mar 1, 2024`, `n/a`. */
	text: string;
	/** Just the change: `x10.2`, `+12%`, `−3.4%`; empty for 'new' and 'n/a'. */
	change: string;
	/** `in 12 months`; empty for 'new' and 'n/a'. */
	period: string;
	/** end ÷ start, when meaningful. */
	ratio: number | null;
	/** end − start, whenever both values exist. */
	difference: number | null;
	/** Why there is no ratio, for a tooltip. */
	reason?: string;
}

const isNumber = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

export function describeGrowth(from: GrowthPoint, to: GrowthPoint, options: GrowthOptions = {}): Growth {
	const locale = options.locale ?? 'en';
	const format = options.format ?? intlNumberFormatter(locale);
	const duration = measureDuration(from.day, to.day);
	const period = `in ${describeDuration(from.day, to.day)}`;
	const none = { duration: null, percent: null, sign: null, digits: 0, since: null };
	const notApplicable = (reasonCode: GrowthReason, reason: string, difference: number | null = null): Growth => ({
		...none,
		reasonCode,
		kind: 'n/a',
		text: 'n/a',
		change: '',
		period: '',
		ratio: null,
		difference,
		reason
	});
	if (!isNumber(from.value)) return notApplicable('no-start', 'No value at the start of the period.');
	if (!isNumber(to.value)) return notApplicable('no-end', 'No value at the end of the period.');
	const start = from.value;
	const end = to.value;
	const difference = end - start;
	if (difference === 0) {
		return { ...none, duration, kind: 'unchanged', text: `no change ${period}`, change: 'no change', period, ratio: start === 0 ? null : 1, difference };
	}
	if (start === 0) {
		if (end < 0) return notApplicable('zero-to-negative', 'The value started at zero and went negative; there is no ratio to a zero start.', difference);
		const text = `new since ${formatDay(from.day, locale)}`;
		return {
			...none,
			since: from.day,
			reasonCode: 'zero-start',
			kind: 'new',
			text,
			change: '',
			period: '',
			ratio: null,
			difference,
			reason: 'The value was zero at the start.'
		};
	}
	if (start < 0) {
		return notApplicable('negative-start', 'The value was negative at the start, so a percentage change would mislead.', difference);
	}
	const ratio = end / start;
	const style = options.style ?? 'auto';
	if (style === 'multiple' || (style === 'auto' && ratio >= 2)) {
		const digits = ratio >= 100 ? 0 : 1;
		const change = `x${format(ratio, { maximumFractionDigits: digits, minimumFractionDigits: 0 })}`;
		return { ...none, duration, digits, kind: 'multiple', text: `${change} ${period}`, change, period, ratio, difference };
	}
	const percent = (ratio - 1) * 100;
	const digits = Math.abs(percent) < 10 ? 1 : 0;
	const magnitude = format(Math.abs(percent), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
	const rounded = Number(Math.abs(percent).toFixed(digits));
	const sign = rounded === 0 ? '±' : percent > 0 ? '+' : MINUS;
	const change = `${sign}${magnitude}%`;
	return { ...none, duration, percent, sign, digits, kind: 'percent', text: `${change} ${period}`, change, period, ratio, difference };
}
