/** Display formatting for the UI, with Intl for the active language (it follows a switch). */
import { isoFromDay, type DayNumber } from '$lib/domain/days';
import { currentLocale } from '$lib/i18n/i18n.svelte';

export { currentLocale };

/**
 * Intl formatters per language, each made on its first use: creating one is not free (the first
 * of a kind starts ICU's data for it, tens of milliseconds on a cold page), and a page that shows
 * only counts need not pay for date formats. The cards of an import preview format a thousand file
 * sizes: a formatter made per call was a tenth of each account choice's script time.
 */
const OPTIONS = {
	integer: { maximumFractionDigits: 0 },
	compact: { notation: 'compact', maximumFractionDigits: 1 },
	percent: { style: 'percent', maximumFractionDigits: 1 },
	oneDecimal: { minimumFractionDigits: 1, maximumFractionDigits: 1 }
} satisfies Record<string, Intl.NumberFormatOptions>;
const DATE_OPTIONS = {
	day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
	dateTime: { dateStyle: 'medium', timeStyle: 'short' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function madeOnce<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, make: (locale: string) => T): T {
	const locale = currentLocale();
	const key = `${locale}|${kind}`;
	let found = made.get(key) as T | undefined;
	if (!found) made.set(key, (found = make(locale)));
	return found;
}

const numberFormat = (kind: keyof typeof OPTIONS) => madeOnce(kind, (locale) => new Intl.NumberFormat(locale, OPTIONS[kind]));
const dateFormat = (kind: keyof typeof DATE_OPTIONS) => madeOnce(kind, (locale) => new Intl.DateTimeFormat(locale, DATE_OPTIONS[kind]));

export function formatCount(value: number | null | undefined): string {
	return value === null || value === undefined || Number.isNaN(value) ? '—' : numberFormat('integer').format(value);
}

export function formatCompact(value: number | null | undefined): string {
	return value === null || value === undefined || Number.isNaN(value) ? '—' : numberFormat('compact').format(value);
}

export function formatPercent(fraction: number | null | undefined): string {
	return fraction === null || fraction === undefined || Number.isNaN(fraction) ? '—' : numberFormat('percent').format(fraction);
}

export function formatDay(day: DayNumber | null | undefined): string {
	return day === null || day === undefined ? '—' : dateFormat('day').format(new Date(day * 86_400_000));
}

export function formatDayRange(first: DayNumber | null | undefined, last: DayNumber | null | undefined): string {
	if (first === null || first === undefined || last === null || last === undefined) return '—';
	return first === last ? formatDay(first) : `${formatDay(first)} – ${formatDay(last)}`;
}

export function formatDateTime(iso: string | null | undefined): string {
	return iso ? dateFormat('dateTime').format(new Date(iso)) : '—';
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${numberFormat('integer').format(bytes)} B`;
	const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
	return `${numberFormat('oneDecimal').format(value)} ${unit}`;
}

export { isoFromDay };
