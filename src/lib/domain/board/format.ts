/**
 * Number and name formatting for the board's plain-word sentences ("no post for 14 months",
 * "1.2k followers", "@ContosoERP"). Fixed English formatting on purpose: these sentences are also
 * exported to CSV and Markdown, where they must read the same on every machine.
 */
import { PLATFORM_LABELS } from '../model';
import type { BoardAccount, Range } from './types';

/** 950 → "950", 1234 → "1.2k", 12_345 → "12k", 1_234_567 → "1.2M". */
export function formatCount(value: number): string {
	if (!Number.isFinite(value)) return 'unknown';
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	if (abs < 1000) return sign + String(Math.round(abs));
	const [scaled, suffix] = abs < 999_500 ? [abs / 1000, 'k'] : abs < 999_500_000 ? [abs / 1e6, 'M'] : [abs / 1e9, 'B'];
	const text = scaled < 9.95 ? scaled.toFixed(1).replace(/\.0$/, '') : String(Math.round(scaled));
	return sign + text + suffix;
}

export function formatMonths(months: number): string {
	if (months < 1) return 'less than a month';
	return months === 1 ? '1 month' : `${months} months`;
}

/** 0.423 → "42%", 0.004 → "<1%", 0 → "0%". */
export function formatPercent(fraction: number): string {
	if (!Number.isFinite(fraction)) return 'unknown';
	if (fraction > 0 && fraction < 0.005) return '<1%';
	return `${Math.round(fraction * 100)}%`;
}

/** A range of fractions as "20–35%", collapsing to "30%" when both ends round the same. */
export function formatPercentRange(range: Pick<Range, 'low' | 'high'>): string {
	const low = Math.round(range.low * 100);
	const high = Math.round(range.high * 100);
	return low === high ? `${low}%` : `${low}–${high}%`;
}

export function formatCountRange(range: Pick<Range, 'low' | 'high'>): string {
	const low = formatCount(range.low);
	const high = formatCount(range.high);
	return low === high ? low : `${low}–${high}`;
}

/** 2.345 → "2.3", 0.04 → "0.04", 12 → "12". */
export function formatRate(value: number): string {
	if (value === 0) return '0';
	if (Math.abs(value) < 0.1) return value.toFixed(2);
	return value.toFixed(1).replace(/\.0$/, '');
}

/** How people name an account: "@handle" where platforms use handles, else its display name. */
export function accountLabel(account: Pick<BoardAccount, 'id' | 'platform' | 'handle' | 'displayName'>): string {
	const handle = account.handle?.trim().replace(/^@/, '');
	const name = account.displayName?.trim();
	if (handle && account.platform !== 'blog' && !/[/\s]/.test(handle)) return `@${handle}`;
	return name || handle || account.id;
}

export function platformLabel(platform: BoardAccount['platform']): string {
	return PLATFORM_LABELS[platform];
}

/** "a", "a and b", "a, b and c"; longer lists end in "and N more". */
export function joinWords(words: string[], max = 4): string {
	if (words.length === 0) return '';
	const shown = words.length > max ? [...words.slice(0, max), `${words.length - max} more`] : words;
	if (shown.length === 1) return shown[0];
	return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
