/**
 * Calendar days as whole numbers: days since 1970-01-01. Exports give calendar dates in the
 * account's or exporter's local time with no zone, so a day is a calendar date, not an instant.
 * Integers make columnar storage (one slot per day) and arithmetic trivial and exact.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function dayFromYMD(year: number, month: number, day: number): DayNumber | null {
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
	if (month < 1 || month > 12 || day < 1 || day > 31) return null;
	const ms = Date.UTC(year, month - 1, day);
	const check = new Date(ms);
	// reject 2021-02-30 and friends instead of silently rolling over to March
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
	return Math.round(ms / MS_PER_DAY);
}

/** `YYYY-MM-DD` (optionally followed by a time) → day; null when it is not a real date. */
export function dayFromISO(text: string): DayNumber | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
	if (!match) return null;
	return dayFromYMD(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isoFromDay(day: DayNumber): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
	const date = new Date(day * MS_PER_DAY);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday (ISO weekday order, as social teams plan weeks). */
export function weekdayOfDay(day: DayNumber): number {
	// 1970-01-01 was a Thursday (ISO weekday index 3)
	return (((day + 3) % 7) + 7) % 7;
}

export function todayDay(now: Date = new Date()): DayNumber {
	return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
