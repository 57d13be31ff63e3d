import { describe, expect, it } from 'vitest';
import { dayFromISO, dayFromYMD, isoFromDay, weekdayOfDay } from './days';

describe('days', () => {
	it('round-trips ISO dates', () => {
		for (const iso of ['1970-01-01', '2000-02-29', '2024-12-31', '2026-11-26']) {
			expect(isoFromDay(dayFromISO(iso)!)).toBe(iso);
		}
	});
	it('rejects impossible dates instead of rolling them over', () => {
		expect(dayFromYMD(2021, 2, 30)).toBeNull();
		expect(dayFromYMD(2023, 2, 29)).toBeNull();
		expect(dayFromISO('2021-13-01')).toBeNull();
	});
	it('numbers weekdays from Monday', () => {
		expect(weekdayOfDay(dayFromISO('2026-11-23')!)).toBe(0); // a Monday
		expect(weekdayOfDay(dayFromISO('2026-11-29')!)).toBe(6); // a Sunday
	});
});
