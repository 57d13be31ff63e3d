import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { formatBytes, formatCount, formatDay, formatDayRange, formatPercent } from './format';

describe('display formatting', () => {
	afterEach(() => i18n.set('en'));

	it('writes sizes in bytes, kilobytes with one decimal, and megabytes with one decimal', () => {
		expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(5 * 1024 * 1024), formatBytes(1234 * 1024 * 1024)]).toEqual([
			'0 B',
			'1,023 B',
			'1.5 KB',
			'5.0 MB',
			'1,234.0 MB'
		]);
	});

	it('writes counts, percentages and days, a dash for what is missing', () => {
		expect([formatCount(1234567.4), formatCount(null), formatPercent(0.1234), formatPercent(Number.NaN)]).toEqual(['1,234,567', '—', '12.3%', '—']);
		expect([formatDay(0), formatDayRange(0, 0), formatDayRange(0, 31), formatDayRange(null, 3)]).toEqual([
			'Jan 1, 1970',
			'Jan 1, 1970',
			'Jan 1, 1970 – Feb 1, 1970',
			'—'
		]);
	});

	it('follows a language switch with formatters made for the new language', async () => {
		expect(formatBytes(2_500_000)).toBe('2.4 MB');
		await i18n.set('zh-CN');
		expect(formatDay(0)).toBe(new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(0));
		expect(formatDay(0)).not.toBe('Jan 1, 1970');
		await i18n.set('en');
		expect(formatDay(0)).toBe('Jan 1, 1970');
	});
});
