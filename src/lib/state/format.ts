/** Display formatting for the UI, with Intl for the active locale. */
import { isoFromDay, type DayNumber } from '$lib/domain/days';

export const locale = 'en';

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export function formatCount(value: number | null | undefined): string {
	return value === null || value === undefined || Number.isNaN(value) ? '—' : integer.format(value);
}

export function formatCompact(value: number | null | undefined): string {
	return value === null || value === undefined || Number.isNaN(value) ? '—' : compact.format(value);
}

export function formatPercent(fraction: number | null | undefined): string {
	return fraction === null || fraction === undefined || Number.isNaN(fraction) ? '—' : percent.format(fraction);
}

export function formatDay(day: DayNumber | null | undefined): string {
	return day === null || day === undefined ? '—' : dayFormat.format(new Date(day * 86_400_000));
}

export function formatDayRange(first: DayNumber | null | undefined, last: DayNumber | null | undefined): string {
	if (first === null || first === undefined || last === null || last === undefined) return '—';
	return first === last ? formatDay(first) : `${formatDay(first)} – ${formatDay(last)}`;
}

export function formatDateTime(iso: string | null | undefined): string {
	return iso ? dateTimeFormat.format(new Date(iso)) : '—';
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export { isoFromDay };
