/**
 * The bounds the import pipeline enforces. Everything runs in the user's browser tab (in a worker),
 * so a hostile or accidental input must be refused with a message before it exhausts memory.
 * Each limit sits well above the largest real export seen (see platform-exports.md) and well below
 * what a tab can hold.
 */
import { dayFromYMD, isoFromDay, type DayNumber } from '../domain/days';

const MB = 1024 * 1024;

/**
 * Largest single input file. The widest real export seen (legacy Facebook page-level, 2,325 columns
 * for six months) is a few MB; a lifetime YouTube `Chart data.csv` for many videos reaches tens of MB.
 * The file, its decoded text (2 bytes per char in JS) and the parsed grid must fit together in a tab.
 */
export const MAX_FILE_BYTES = 200 * MB;

/**
 * Total bytes all entries of one zip (nested zips included) may inflate to. A zip of a whole year of
 * exports for many accounts stays far below this; a zip bomb does not.
 */
export const MAX_INFLATED_BYTES = 512 * MB;

/** One entry inside a zip may not inflate past what a file given directly may be. */
export const MAX_ENTRY_BYTES = MAX_FILE_BYTES;

/**
 * Entries per zip. Platform downloads hold 1–4 files; a folder of exports zipped by hand holds
 * hundreds. Tens of thousands of entries is an archive of something else, and the central
 * directory alone can then cost real time to walk.
 */
export const MAX_ZIP_ENTRIES = 5000;

/**
 * Largest inflated ÷ compressed ratio accepted for an entry above RATIO_CHECK_MIN_BYTES. Real CSV
 * exports compress 5–40×; deflate tops out near 1032×, which is exactly where zip bombs sit.
 */
export const MAX_COMPRESSION_RATIO = 200;

/** Small entries may compress extremely well (a header and a few zeros) without being a threat. */
export const RATIO_CHECK_MIN_BYTES = 1 * MB;

/**
 * How many zips deep the pipeline opens. TikTok and YouTube downloads are zips that users sometimes
 * zip again together (one level). Deeper nesting is never how a platform delivers data and is a
 * classic way to multiply a bomb.
 */
export const MAX_ZIP_NESTING = 1;

/**
 * Rows per table (CSV text or sheet). A 150,000-row file is a realistic worst case (daily rows per
 * video over years); a million rows of strings is around what a worker can still hold and preview.
 */
export const MAX_ROWS_PER_TABLE = 1_000_000;

/**
 * Longest physical line in a text file. The longest real line is a post caption or a 2,325-column
 * header (~100 KB). A multi-megabyte line means the file is not line-oriented CSV (minified JSON,
 * a binary blob, line breaks stripped) and the CSV parser would spend its time on one giant field.
 */
export const MAX_LINE_CHARS = 1 * MB;

/** Sheets per workbook. Real workbooks hold 1–8 (LinkedIn followers: 6); more is not an export. */
export const MAX_SHEETS = 50;

/** Rows examined when looking for the header row (preambles are at most 2–3 rows in real exports). */
export const HEADER_SEARCH_ROWS = 8;

/**
 * Days before this are not analytics data (social platforms' analytics start in the mid-2000s);
 * they are typically Excel's zero date (1899/1900) or a Unix epoch 0 that leaked into a file.
 */
export const EARLIEST_PLAUSIBLE_YEAR = 2000;

/** The days a row of analytics data may carry, inclusive. */
export interface DayRange {
	earliest: DayNumber;
	latest: DayNumber;
}

/**
 * From 2000-01-01 to the end of the year after the import. Storage keeps one slot per day from a
 * file's first to its last day, so a single damaged date such as `0100-01-01` or `9999-12-31` would
 * otherwise make one file span thousands of years. The far end is generous on purpose: a computer
 * whose clock lags must still import this year's exports.
 */
export function plausibleDays(now: Date): DayRange {
	return { earliest: dayFromYMD(EARLIEST_PLAUSIBLE_YEAR, 1, 1)!, latest: dayFromYMD(now.getFullYear() + 1, 12, 31)! };
}

/**
 * Why a day lies outside the range, as values for the `outside.*` messages (the end of a sentence
 * about a cell); null when it is inside.
 */
export function implausibleDayReason(day: DayNumber, range: DayRange): { outside: 'early' | 'late'; limit: string } | null {
	if (day < range.earliest) return { outside: 'early', limit: isoFromDay(range.earliest) };
	if (day > range.latest) return { outside: 'late', limit: isoFromDay(range.latest) };
	return null;
}

/** Sizes in messages: `512 MB`, `1.5 MB`, `340 KB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
	const mb = bytes / MB;
	if (mb >= 10) return `${Math.round(mb)} MB`;
	if (mb >= 1) return `${mb.toFixed(1).replace(/\.0$/, '')} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}
