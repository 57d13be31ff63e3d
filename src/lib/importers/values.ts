/**
 * Cell-value converters shared by every importer: numbers, rates, durations, ids and dates as the
 * platforms (and spreadsheet programs that re-saved their files) write them. Every converter returns
 * null for a missing or unreadable cell — never 0 — so a gap stays a gap.
 */
import { dayFromYMD, todayDay, ymdFromDay, type DayNumber } from '../domain/days';

/** Which character separates decimals in a file; null/undefined = decide per value. */
export type DecimalHint = 'dot' | 'comma';

// `-` (X promoted columns, WeChat), `undefined` (TikTok), `N/A` (Meta caption type) all mean "no value".
const MISSING_MARKERS = new Set(['', '-', '--', '–', '—', 'undefined', 'null', 'n/a', 'nan', '#n/a']);

/** True when a cell means "no value" rather than a number or text. */
export function isMissing(text: string | null | undefined): boolean {
	if (text == null) return true;
	// called for most cells: one that starts with a digit is a value, without trimming and lower-casing a copy
	const first = text.charCodeAt(0);
	if (first >= 48 && first <= 57) return false;
	return MISSING_MARKERS.has(text.trim().toLowerCase());
}

// Ordinary, no-break (U+00A0), narrow no-break (U+202F) and thin (U+2009) spaces group thousands in
// French/Swedish/Russian exports; apostrophes do in Swiss ones.
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009'’]/g;
const MINUS_SIGNS = /^[-\u2212\u2012\u2013]/;

/**
 * Normalise a numeric cell to a canonical `-1234.5` string, or null. `integral` resolves a lone
 * separator followed by exactly three digits as thousands grouping (a count cannot be fractional).
 */
const PLAIN_INTEGER = /^-?\d{1,15}$/;
/** `261.0`, `0.0114`, `-3.5`: already canonical unless the file writes decimal commas or it reads as `1.234` grouping. */
const PLAIN_DECIMAL = /^-?\d{1,15}\.\d+$/;
const DOT_GROUPED = /^-?[1-9]\d{0,2}\.\d{3}$/;

function canonicalNumber(text: string, hint: DecimalHint | null | undefined, integral: boolean): string | null {
	// most cells are plain integers: skip the separator analysis for them
	if (PLAIN_INTEGER.test(text)) return text;
	// X writes every count as `261.0`: with a dot (or no) hint, the analysis below returns such a cell as it is
	if (hint !== 'comma' && PLAIN_DECIMAL.test(text) && !(integral && hint !== 'dot' && DOT_GROUPED.test(text))) return text;
	let body = text.trim();
	if (isMissing(body)) return null;
	let sign = '';
	if (body.startsWith('+')) body = body.slice(1);
	else if (MINUS_SIGNS.test(body)) {
		sign = '-';
		body = body.slice(1);
	}
	body = body.replace(GROUPING_SPACES, '');
	if (/^\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(body)) return sign + body.replace(',', '.');
	if (!/^(?:\d[\d.,]*|[.,]\d+)$/.test(body)) return null;

	const dots = body.split('.').length - 1;
	const commas = body.split(',').length - 1;
	let decimal: '.' | ',' | null;
	if (hint === 'comma') decimal = ',';
	else if (hint === 'dot') decimal = '.';
	else if (dots > 0 && commas > 0) decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
	else if (commas === 1) decimal = /^[1-9]\d{0,2},\d{3}$/.test(body) ? null : ',';
	else if (dots === 1) decimal = integral && /^[1-9]\d{0,2}\.\d{3}$/.test(body) ? null : '.';
	else decimal = null;

	const grouping = decimal === ',' ? '.' : decimal === '.' ? ',' : commas > 0 ? ',' : '.';
	let integer = body;
	let fraction = '';
	if (decimal && body.includes(decimal)) {
		const at = body.indexOf(decimal);
		if (at !== body.lastIndexOf(decimal)) return null;
		integer = body.slice(0, at);
		fraction = body.slice(at + 1);
		if (!/^\d+$/.test(fraction)) return null;
	}
	if (integer.includes(grouping)) {
		// grouped digits must come in threes, or `1,2,3` would silently become 123
		if (!new RegExp(`^[1-9]\\d{0,2}(?:\\${grouping}\\d{3})+$`).test(integer)) return null;
		integer = integer.split(grouping).join('');
	}
	if (!/^\d*$/.test(integer) || (integer === '' && fraction === '')) return null;
	return `${sign}${integer || '0'}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A number as exports write it: `1,234`, `"1777.0"`, `28 000`, `62,1` (decimal comma), `-4`.
 * Returns null for `-`, `undefined`, `N/A`, empty or text.
 * Without a hint, a single comma is grouping only in the `1,234` shape; otherwise it is a decimal comma.
 */
export function parseNumber(text: string | null | undefined, hint?: DecimalHint | null): number | null {
	if (text == null) return null;
	const canonical = canonicalNumber(text, hint, false);
	if (canonical === null) return null;
	const value = Number(canonical);
	return Number.isFinite(value) ? value : null;
}

/**
 * A count: like parseNumber, but since a count is whole, a lone `.` or `,` followed by exactly three
 * digits (`1.234`, `1,234`) is thousands grouping unless the hint says otherwise; `1777.0` → 1777.
 */
export function parseCount(text: string | null | undefined, hint?: DecimalHint | null): number | null {
	if (text == null) return null;
	const canonical = canonicalNumber(text, hint, true);
	if (canonical === null) return null;
	const value = Number(canonical);
	return Number.isFinite(value) ? value : null;
}

/**
 * Which decimal separator a column/file uses, from values that only one reading explains:
 * `62,1` or `1.234,5` say comma; `5.02` or `1,234.5` say dot. null when nothing tells.
 */
export function inferDecimalHint(values: Iterable<string>): DecimalHint | null {
	let comma = 0;
	let dot = 0;
	for (const raw of values) {
		// every shape that votes has a `,` or a `.`: most cells (whole counts) have neither
		if (raw.indexOf(',') < 0 && raw.indexOf('.') < 0) continue;
		const text = raw.trim().replace(GROUPING_SPACES, '').replace(/%$/, '').replace(MINUS_SIGNS, '');
		if (/^\d+,\d{1,2}$/.test(text) || /^\d+,\d{4,}$/.test(text) || /\d\.\d{3},\d+$/.test(text)) comma++;
		else if (/^\d+\.\d{1,2}$/.test(text) || /^\d+\.\d{4,}$/.test(text) || /\d,\d{3}\.\d+$/.test(text)) dot++;
	}
	if (comma > dot) return 'comma';
	if (dot > comma) return 'dot';
	return null;
}

/** Header says the column holds percentages: `Views (%)`, `Impressions click-through rate (%)`. */
export function isPercentHeader(header: string): boolean {
	return /\(\s*%\s*\)|%\s*$|\bpercent/i.test(header.trim());
}

export interface RateOptions {
	/** The column holds percentages without a `%` sign (YouTube `… (%)` columns): `5.02` → 0.0502. */
	percent?: boolean;
	hint?: DecimalHint | null;
}

/** A rate as a fraction: `4.5%` → 0.045; `0.045` → 0.045; `5.02` in a `(%)` column → 0.0502. */
export function parseRate(text: string | null | undefined, options: RateOptions = {}): number | null {
	if (text == null) return null;
	let body = text.trim();
	let percent = options.percent ?? false;
	if (body.endsWith('%')) {
		body = body.slice(0, -1);
		percent = true;
	}
	const canonical = canonicalNumber(body, options.hint, false);
	if (canonical === null) return null;
	// shifting the exponent keeps 5.02% exactly 0.0502 (5.02 / 100 would be 0.050199999999999995)
	const value = Number(percent ? `${canonical}e-2` : canonical);
	return Number.isFinite(value) ? value : null;
}

/** `0:04:04` → 244, `4:04` → 244 (M:SS), `978` → 978 (plain seconds). null for anything else. */
export function parseDuration(text: string | null | undefined): number | null {
	if (text == null || isMissing(text)) return null;
	const body = text.trim();
	const clock = /^(-)?(\d+):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d+))?$/.exec(body);
	if (clock) {
		const [, minus, first, second, third, fraction] = clock;
		const hasHours = third !== undefined;
		const hours = hasHours ? Number(first) : 0;
		const minutes = hasHours ? Number(second) : Number(first);
		const seconds = hasHours ? Number(third) : Number(second);
		if ((hasHours && minutes > 59) || seconds > 59) return null;
		const total = hours * 3600 + minutes * 60 + seconds + (fraction ? Number(`0.${fraction}`) : 0);
		return minus ? -total : total;
	}
	return parseNumber(body, 'dot');
}

/**
 * An id a spreadsheet program has turned into scientific notation (`1.22158E+17`): the digits
 * are gone for good, so the row cannot be matched to anything.
 */
export function isDamagedId(text: string | null | undefined): boolean {
	return text != null && /^\s*-?\d+(?:[.,]\d+)?e[+-]?\d+\s*$/i.test(text);
}

/**
 * An id cell as a clean string: trimmed (YouTube writes ` -HHGH-TTqYM` with a leading space so
 * spreadsheets do not read it as a formula), Excel's text prefix `'` removed; null when empty.
 */
export function cleanId(text: string | null | undefined): string | null {
	if (text == null) return null;
	const id = text.trim().replace(/^'/, '');
	return id === '' || isMissing(id) ? null : id;
}

// ---------------------------------------------------------------------------------------------
// Dates

export type DateOrder = 'MDY' | 'DMY';

export interface DateOptions {
	/** How to read `a/b/yyyy` and `a-b-yyyy`; decide once per file with inferDateOrder. */
	order?: DateOrder | null;
	/** Accept Excel serial day numbers (`45123`, `45123.5`): only for cells known to be dates. */
	allowSerial?: boolean;
}

export interface ParsedDateTime {
	day: DayNumber;
	/** Local time of day as the file gives it, `HH:mm` or `HH:mm:ss`; null when there is none. */
	time: string | null;
}

export interface MonthDay {
	month: number;
	day: number;
}

const MONTH_NAMES: Record<string, readonly string[]> = {
	en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
	sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
	pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
	es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
	fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
	de: ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
	// Russian dates use the genitive ("28 апреля"); month headings use the nominative
	ruGenitive: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
	ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь']
};

// Spanish `setiembre` is a common regional spelling.
const EXTRA_MONTH_WORDS: Record<string, number> = { setiembre: 9, sept: 9 };

function foldAccents(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Full names plus every prefix of 3+ letters that names only one month (`sep`, `sept`, `févr`, `апр`). */
const MONTH_LOOKUP: ReadonlyMap<string, number> = (() => {
	const candidates = new Map<string, Set<number>>();
	const add = (word: string, month: number) => {
		for (const form of new Set([word, foldAccents(word)])) {
			for (let length = 3; length <= form.length; length++) {
				const prefix = form.slice(0, length);
				const months = candidates.get(prefix) ?? new Set<number>();
				months.add(month);
				candidates.set(prefix, months);
			}
		}
	};
	for (const names of Object.values(MONTH_NAMES)) names.forEach((name, index) => add(name, index + 1));
	const lookup = new Map<string, number>();
	for (const [prefix, months] of candidates) if (months.size === 1) lookup.set(prefix, [...months][0]);
	// a full name stays its own month even if it is also the start of another language's name for a different month
	for (const names of Object.values(MONTH_NAMES)) names.forEach((name, index) => lookup.set(name, index + 1));
	for (const [word, month] of Object.entries(EXTRA_MONTH_WORDS)) lookup.set(word, month);
	return lookup;
})();

function monthFromWord(word: string): number | null {
	const key = word.normalize('NFC').toLowerCase().replace(/\.$/, '');
	return MONTH_LOOKUP.get(key) ?? MONTH_LOOKUP.get(foldAccents(key)) ?? null;
}

const WEEKDAY_WORDS = new Set([
	'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
	'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
	'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag',
	'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
	'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'
]);
// Glue words between day, month and year: "25 de setembro", "le 3 mars", "25th of May".
const FILLER_WORDS = new Set(['de', 'del', 'of', 'the', 'le', 'den', 'г', 'года']);

// Vietnamese month names are ordinal numerals after "tháng": tháng Sáu = June, tháng Mười Hai = December.
const VIETNAMESE_MONTHS: Record<string, number> = {
	'một': 1, 'giêng': 1, 'hai': 2, 'ba': 3, 'tư': 4, 'bốn': 4, 'năm': 5, 'sáu': 6, 'bảy': 7, 'tám': 8,
	'chín': 9, 'mười': 10, 'mười một': 11, 'mười hai': 12
};

const TIME_PATTERN = /(?:^|[\sT,])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*([ap])?\.?\s?(m\.?)?(?=$|\s|[+-]\d{2}:?\d{2}$|z$|utc$|gmt$)/i;

interface DateParts {
	year: number | null;
	month: number;
	day: number;
	time: string | null;
}

function formatTime(hours: number, minutes: number, seconds: number | null, meridiem: string | undefined): string | null {
	let hour = hours;
	if (meridiem) {
		if (hour < 1 || hour > 12) return null;
		const pm = meridiem.toLowerCase() === 'p';
		if (pm && hour !== 12) hour += 12;
		if (!pm && hour === 12) hour = 0;
	}
	if (hour > 23 || minutes > 59 || (seconds !== null && seconds > 59)) return null;
	const pad = (n: number) => String(n).padStart(2, '0');
	return seconds === null ? `${pad(hour)}:${pad(minutes)}` : `${pad(hour)}:${pad(minutes)}:${pad(seconds)}`;
}

function expandYear(text: string): number {
	const year = Number(text);
	if (text.length > 2) return year;
	// Excel's two-digit years (`10-Jun-26`): the same pivot spreadsheet programs use
	return year < 70 ? 2000 + year : 1900 + year;
}

/** Month-name and CJK/Vietnamese dates, with or without a year. */
function readWordDate(input: string): DateParts | null {
	let text = input.normalize('NFC').trim();
	let time: string | null = null;
	const timeMatch = TIME_PATTERN.exec(text);
	if (timeMatch) {
		const [whole, h, m, s, meridiem] = timeMatch;
		time = formatTime(Number(h), Number(m), s === undefined ? null : Number(s), meridiem);
		if (time === null) return null;
		text = (text.slice(0, timeMatch.index) + ' ' + text.slice(timeMatch.index + whole.length))
			.replace(/\s(?:[+-]\d{2}:?\d{2}|z|utc|gmt)\s*$/i, '')
			.trim();
	}

	const cjk = /^(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号]?$/.exec(text);
	if (cjk) return { year: cjk[1] ? Number(cjk[1]) : null, month: Number(cjk[2]), day: Number(cjk[3]), time };

	const vietnamese = /^(?:ngày\s+)?(\d{1,2})\s+(?:tháng|thg)\s+(.+?)(?:[,\s]+(?:năm\s+)?(\d{4}))?$/iu.exec(text);
	if (vietnamese) {
		const monthText = vietnamese[2].toLowerCase().trim();
		const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : VIETNAMESE_MONTHS[monthText];
		if (!month) return null;
		return { year: vietnamese[3] ? Number(vietnamese[3]) : null, month, day: Number(vietnamese[1]), time };
	}

	const tokens = text
		.toLowerCase()
		.split(/[\s,/-]+|\.(?=\s|$|\d)/)
		.map((token) => token.replace(/\.$/, ''))
		.filter((token) => token !== '' && !FILLER_WORDS.has(token));
	let month: number | null = null;
	const numbers: string[] = [];
	for (const token of tokens) {
		const ordinal = /^(\d{1,4})(?:st|nd|rd|th|e|er|º|ª)?$/.exec(token);
		if (ordinal) {
			numbers.push(ordinal[1]);
			continue;
		}
		if (WEEKDAY_WORDS.has(token)) continue;
		const named = monthFromWord(token);
		if (named === null || month !== null) return null;
		month = named;
	}
	if (month === null || numbers.length === 0 || numbers.length > 2) return null;
	let day: string;
	let year: string | null = null;
	if (numbers.length === 1) day = numbers[0];
	else {
		const fourDigit = numbers.findIndex((n) => n.length === 4);
		if (fourDigit >= 0) {
			year = numbers[fourDigit];
			day = numbers[1 - fourDigit];
		} else {
			// `10-Jun-26`: Excel's d-MMM-yy, day first
			[day, year] = numbers;
		}
	}
	if (day.length > 2) return null;
	return { year: year === null ? null : expandYear(year), month, day: Number(day), time };
}

const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_PATTERN =
	/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC_PATTERN =
	/^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?)?$/i;

// Excel's day 25569 is 1970-01-01 (its 1900 date system counts the non-existent 1900-02-29).
const EXCEL_EPOCH_OFFSET = 25569;

/** An Excel serial day number (1900 date system) → day; null outside 1954–2119. */
export function excelSerialToDay(serial: number): DayNumber | null {
	if (!Number.isFinite(serial) || serial < 20000 || serial > 80000) return null;
	return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

/**
 * Any date the exports write, with its local time when there is one: ISO (`2021-11-30 16:00 +0000`,
 * `2025-08-01T00:00:00`), `Thu, Sep 11, 2025`, `Thu Mar 20 2025`, `Sep 27, 2024`, `M/D/YYYY`,
 * `02/19/2014 04:29:18 AM`, `09/28/2026 18:12`, Excel re-saves (`13-06-2025`, `10-Jun-26`, `1/1/2022`),
 * localized words (`28 sept. 2026`), CJK (`2025年9月25日`) and, when allowed, Excel serials.
 * Year-less dates return null: use parseMonthDay + assignYears. An offset (`+0000`) is dropped:
 * the day and time are the ones written.
 */
export function parseDateTime(text: string | null | undefined, options: DateOptions = {}): ParsedDateTime | null {
	if (text == null || isMissing(text)) return null;
	const body = text.trim();
	if (ISO_DATE_ONLY.test(body)) {
		const day = dayFromYMD(Number(body.slice(0, 4)), Number(body.slice(5, 7)), Number(body.slice(8, 10)));
		return day === null ? null : { day, time: null };
	}

	const iso = ISO_PATTERN.exec(body);
	if (iso) {
		const day = dayFromYMD(Number(iso[1]), Number(iso[3]), Number(iso[4]));
		if (day === null) return null;
		if (iso[5] === undefined) return { day, time: null };
		const time = formatTime(Number(iso[5]), Number(iso[6]), iso[7] === undefined ? null : Number(iso[7]), undefined);
		return time === null ? null : { day, time };
	}
	const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(body);
	if (compact && !options.allowSerial) {
		const day = dayFromYMD(Number(compact[1]), Number(compact[2]), Number(compact[3]));
		return day === null ? null : { day, time: null };
	}

	const numeric = NUMERIC_PATTERN.exec(body);
	if (numeric) {
		const first = Number(numeric[1]);
		const second = Number(numeric[3]);
		const separator = numeric[2];
		const order =
			options.order ??
			(separator === '/' ? (first > 12 ? 'DMY' : 'MDY') : second > 12 ? 'MDY' : 'DMY');
		const [month, dayOfMonth] = order === 'MDY' ? [first, second] : [second, first];
		const day = dayFromYMD(expandYear(numeric[4]), month, dayOfMonth);
		if (day === null) return null;
		if (numeric[5] === undefined) return { day, time: null };
		const time = formatTime(
			Number(numeric[5]),
			Number(numeric[6]),
			numeric[7] === undefined ? null : Number(numeric[7]),
			numeric[8]
		);
		return time === null ? null : { day, time };
	}

	if (options.allowSerial && /^\d{5}(?:\.\d+)?$/.test(body)) {
		const serial = Number(body);
		const day = excelSerialToDay(serial);
		if (day === null) return null;
		const fraction = serial - Math.floor(serial);
		if (fraction === 0) return { day, time: null };
		const totalMinutes = Math.round(fraction * 1440);
		return { day, time: formatTime(Math.floor(totalMinutes / 60) % 24, totalMinutes % 60, null, undefined) };
	}

	const words = readWordDate(body);
	if (!words || words.year === null) return null;
	const day = dayFromYMD(words.year, words.month, words.day);
	return day === null ? null : { day, time: words.time };
}

/** The day of a date cell (see parseDateTime), or null. */
export function parseDay(text: string | null | undefined, options: DateOptions = {}): DayNumber | null {
	return parseDateTime(text, options)?.day ?? null;
}

/**
 * A year-less date as TikTok writes it in the UI language: `September 25`, `28 May`,
 * `18 tháng Sáu`, `28 апреля`, `25 de setembro`, `25 de septiembre`, `25 sep.`, `9月25日`.
 */
export function parseMonthDay(text: string | null | undefined): MonthDay | null {
	if (text == null || isMissing(text)) return null;
	const parts = readWordDate(text);
	if (!parts || parts.time !== null) return null;
	if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return null;
	// Feb 29 is valid in some year; reject only days no year has (April 31)
	if (dayFromYMD(2000, parts.month, parts.day) === null) return null;
	return { month: parts.month, day: parts.day };
}

/**
 * How a file writes `a/b/yyyy` (or `a-b-yyyy`, `a.b.yyyy`): a first part above 12 anywhere in the
 * column means day first; a second part above 12 means month first. null when no value tells, or
 * when values contradict each other (then each value is read on its own).
 */
export function inferDateOrder(values: Iterable<string>): DateOrder | null {
	let dayFirst = 0;
	let monthFirst = 0;
	for (const value of values) {
		const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})\b/.exec(value);
		if (!match) continue;
		const first = Number(match[1]);
		const second = Number(match[2]);
		if (first > 12 && second <= 12) dayFirst++;
		else if (second > 12 && first <= 12) monthFirst++;
	}
	if (dayFirst > 0 && monthFirst === 0) return 'DMY';
	if (monthFirst > 0 && dayFirst === 0) return 'MDY';
	return null;
}

/** `YYYY-MM-DDTHH:mm[:ss]` for ParsedPost.publishedAt; null when there is no time of day. */
export function localDateTime(day: DayNumber, time: string | null): string | null {
	if (time === null) return null;
	const { year, month, day: dayOfMonth } = ymdFromDay(day);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(month)}-${pad(dayOfMonth)}T${time}`;
}

/** Where the year of a year-less series comes from. */
export interface YearAnchor {
	day: DayNumber;
	/** 'end': the data ends on or before this day (export time); 'start': it begins on or after it. */
	edge: 'end' | 'start';
}

const CUMULATIVE_DAYS = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
function ordinalOf(monthDay: MonthDay): number {
	return CUMULATIVE_DAYS[monthDay.month - 1] + monthDay.day;
}

/**
 * Give year-less dates their years. The rows form a timeline (oldest first, or newest first —
 * found from the steps); a backward jump of more than half a year along the timeline is a new
 * year (December → January). The whole run is then placed so that it ends by the anchor day
 * (export time) or starts from it. One day of slack absorbs time-zone differences.
 */
export function assignYears(dates: readonly (MonthDay | null)[], anchor: YearAnchor): (DayNumber | null)[] {
	const present = dates.map((date, index) => ({ date, index })).filter((item): item is { date: MonthDay; index: number } => item.date !== null);
	const result: (DayNumber | null)[] = dates.map(() => null);
	if (present.length === 0) return result;

	let forward = 0;
	let backward = 0;
	for (let i = 1; i < present.length; i++) {
		const step = ordinalOf(present[i].date) - ordinalOf(present[i - 1].date);
		if ((step > 0 && step <= 183) || step < -183) forward++;
		else if ((step < 0 && step >= -183) || step > 183) backward++;
	}
	const timeline = forward >= backward ? present : [...present].reverse();

	const offsets: number[] = [0];
	for (let i = 1; i < timeline.length; i++) {
		const drop = ordinalOf(timeline[i - 1].date) - ordinalOf(timeline[i].date);
		offsets.push(offsets[i - 1] + (drop > 183 ? 1 : 0));
	}

	const anchorYear = ymdFromDay(anchor.day).year;
	const place = (baseYear: number, position: number) =>
		dayFromYMD(baseYear + offsets[position], timeline[position].date.month, timeline[position].date.day);
	let baseYear: number;
	if (anchor.edge === 'end') {
		const last = timeline.length - 1;
		baseYear = anchorYear - offsets[last];
		const lastDay = place(baseYear, last) ?? place(baseYear - 1, last);
		if (lastDay === null || lastDay > anchor.day + 1) baseYear -= 1;
	} else {
		baseYear = anchorYear;
		const firstDay = place(baseYear, 0) ?? place(baseYear + 1, 0);
		if (firstDay === null || firstDay < anchor.day - 1) baseYear += 1;
	}
	timeline.forEach((item, position) => {
		result[item.index] = place(baseYear, position);
	});
	return result;
}

/** The local calendar day of an instant (export time stamps in file names). */
export function dayOfInstant(epochMs: number): DayNumber | null {
	if (!Number.isFinite(epochMs)) return null;
	return todayDay(new Date(epochMs));
}
