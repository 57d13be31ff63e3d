/** Display formatting for the UI, with Intl for the active language (it follows a switch). */
import { isoFromDay, type DayNumber } from '$lib/domain/days';
import { currentLocale } from '$lib/i18n/i18n.svelte';

export { currentLocale };

/** One set of Intl formatters per language, made on first use: creating them is not free. */
function formattersFor(locale: string) {
	return {
		integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
		compact: new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }),
		percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
		day: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
		dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
	};
}
const cache = new Map<string, ReturnType<typeof formattersFor>>();
function formatters() {
	const locale = currentLocale();
	let found = cache.get(locale);
	if (!found) cache.set(locale, (found = formattersFor(locale)));
	return found;
}

export function formatCount(value: number | null | undefined): string {
	return value === null || value === undefined || Number.isNaN(value) ? '—' : formatters().integer.format(value);
}

export function formatCompact(value: number | null | undefined): string {
	return value === null || value === undefined || Number.isNaN(value) ? '—' : formatters().compact.format(value);
}

export function formatPercent(fraction: number | null | undefined): string {
	return fraction === null || fraction === undefined || Number.isNaN(fraction) ? '—' : formatters().percent.format(fraction);
}

export function formatDay(day: DayNumber | null | undefined): string {
	return day === null || day === undefined ? '—' : formatters().day.format(new Date(day * 86_400_000));
}

export function formatDayRange(first: DayNumber | null | undefined, last: DayNumber | null | undefined): string {
	if (first === null || first === undefined || last === null || last === undefined) return '—';
	return first === last ? formatDay(first) : `${formatDay(first)} – ${formatDay(last)}`;
}

export function formatDateTime(iso: string | null | undefined): string {
	return iso ? formatters().dateTime.format(new Date(iso)) : '—';
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${formatters().integer.format(bytes)} B`;
	const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
	return `${new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

export { isoFromDay };
