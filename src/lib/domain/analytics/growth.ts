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
 * The time between two days in words: `1 day`, `45 days` (under 60 days), `3 months` (calendar
 * months, rounded to the nearest), `2 years`, `2 years 3 months` (from 24 months on).
 */
export function describeDuration(fromDay: DayNumber, toDay: DayNumber): string {
	const start = Math.min(fromDay, toDay);
	const end = Math.max(fromDay, toDay);
	const days = end - start;
	if (days < 60) return days === 1 ? '1 day' : `${days} days`;
	let months = monthSerialOfDay(end) - monthSerialOfDay(start);
	if (dayOfMonth(end) < dayOfMonth(start)) months--;
	if (end - addMonths(start, months) >= 15) months++;
	if (months < 24) return `${months} months`;
	const years = Math.floor(months / 12);
	const rest = months - years * 12;
	if (rest === 0) return `${years} years`;
	return `${years} years ${rest === 1 ? '1 month' : `${rest} months`}`;
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

export interface Growth {
	kind: GrowthKind;
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
	const period = `in ${describeDuration(from.day, to.day)}`;
	const notApplicable = (reason: string, difference: number | null = null): Growth => ({
		kind: 'n/a',
		text: 'n/a',
		change: '',
		period: '',
		ratio: null,
		difference,
		reason
	});
	if (!isNumber(from.value)) return notApplicable('No value at the start of the period.');
	if (!isNumber(to.value)) return notApplicable('No value at the end of the period.');
	const start = from.value;
	const end = to.value;
	const difference = end - start;
	if (difference === 0) {
		return { kind: 'unchanged', text: `no change ${period}`, change: 'no change', period, ratio: start === 0 ? null : 1, difference };
	}
	if (start === 0) {
		if (end < 0) return notApplicable('The value started at zero and went negative; there is no ratio to a zero start.', difference);
		const text = `new since ${formatDay(from.day, locale)}`;
		return { kind: 'new', text, change: '', period: '', ratio: null, difference, reason: 'The value was zero at the start.' };
	}
	if (start < 0) {
		return notApplicable('The value was negative at the start, so a percentage change would mislead.', difference);
	}
	const ratio = end / start;
	const style = options.style ?? 'auto';
	if (style === 'multiple' || (style === 'auto' && ratio >= 2)) {
		const digits = ratio >= 100 ? 0 : 1;
		const change = `x${format(ratio, { maximumFractionDigits: digits, minimumFractionDigits: 0 })}`;
		return { kind: 'multiple', text: `${change} ${period}`, change, period, ratio, difference };
	}
	const percent = (ratio - 1) * 100;
	const digits = Math.abs(percent) < 10 ? 1 : 0;
	const magnitude = format(Math.abs(percent), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
	const rounded = Number(Math.abs(percent).toFixed(digits));
	const sign = rounded === 0 ? '±' : percent > 0 ? '+' : MINUS;
	const change = `${sign}${magnitude}%`;
	return { kind: 'percent', text: `${change} ${period}`, change, period, ratio, difference };
}
