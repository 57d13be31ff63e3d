/**
 * The editorial calendar as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple
 * Calendar import: one all-day VEVENT per dated item.
 *
 * What the format asks for, and where it is done:
 * - every line ends in CRLF (3.1), and lines longer than 75 octets are folded: CRLF plus one space,
 *   the space counting toward the next line's 75 (`foldLine`). Octets, not characters: a Chinese
 *   title is 3 octets a character in UTF-8, and a fold never cuts a character in two;
 * - TEXT values escape backslash, semicolon, comma and line breaks (3.3.11, `escapeText`); other
 *   control characters are not allowed in TEXT at all and are dropped;
 * - all-day items are `DTSTART;VALUE=DATE` with the exclusive `DTEND` of the next day (3.6.1);
 * - `UID` is the item's random id, so importing an updated file updates the same events; `DTSTAMP`
 *   (when the file was made), `CREATED` and `LAST-MODIFIED` are UTC date-times ending in `Z`;
 * - `SEQUENCE` grows with every edit (seconds between creation and last edit), which is what lets
 *   Outlook accept a re-import of an edited item instead of keeping its older copy.
 */
import { ymdFromDay } from '../days';
import { angleWord, statusWord, webLink, type ItemWords, type PlannedItem } from './items';

export const ICS_PRODID = '-//Chorus//Editorial calendar 1.0//EN';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 3.3.11); forbidden control characters are dropped. */
export function escapeText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		// eslint-disable-next-line no-control-regex -- removing control characters is the point
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\n/g, '\\n');
}

function octets(text: string): number {
	return encoder.encode(text).length;
}

/** One content line folded into physical lines of at most 75 octets each, joined by CRLF + space. */
export function foldLine(line: string): string {
	if (octets(line) <= MAX_OCTETS) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	// continuation lines start with the folding space, which counts toward their 75 octets
	let limit = MAX_OCTETS;
	for (const char of line) {
		const code = char.codePointAt(0)!;
		// UTF-8 length; a lone surrogate is written as U+FFFD, three octets
		const charSize = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
		if (size + charSize > limit) {
			parts.push(current);
			current = '';
			size = 0;
			limit = MAX_OCTETS - 1;
		}
		current += char;
		size += charSize;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

/** `YYYYMMDD` of a calendar day (a DATE value). */
export function icsDate(day: number): string {
	const { year, month, day: date } = ymdFromDay(day);
	return `${pad(year, 4)}${pad(month, 2)}${pad(date, 2)}`;
}

/** `YYYYMMDDTHHMMSSZ`: a DATE-TIME in UTC. */
export function icsUtcDateTime(at: Date): string {
	return (
		`${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1, 2)}${pad(at.getUTCDate(), 2)}` +
		`T${pad(at.getUTCHours(), 2)}${pad(at.getUTCMinutes(), 2)}${pad(at.getUTCSeconds(), 2)}Z`
	);
}

function parseInstant(iso: string): Date | null {
	const at = new Date(iso);
	return Number.isNaN(at.getTime()) ? null : at;
}

/** The labelled lines of an event's description, in this order. */
export const ICS_DESCRIPTION_FIELDS = ['angle', 'status', 'segments', 'productLines', 'accounts', 'owner', 'link', 'publishedAs'] as const;
export type IcsDescriptionField = (typeof ICS_DESCRIPTION_FIELDS)[number];

/**
 * The human text of the events, in the language of whoever exports: the description's labelled
 * lines and the angle in CATEGORIES. Property names, dates, UID and STATUS are machine fields
 * and never change with the language.
 */
export interface IcsWords extends ItemWords {
	/** One description line, e.g. "Angle: Story". */
	line: (field: IcsDescriptionField, value: string) => string;
	/** Between the entries of a list (segments, product lines, accounts), e.g. ", ". */
	listSeparator: string;
}

export interface IcsOptions {
	/** When the file is made (a Date or epoch milliseconds): every event's DTSTAMP. */
	now: Date | number;
	words: IcsWords;
	/** The name calendar programs show for an imported or subscribed file. */
	calendarName?: string;
	/** How to name a target account in the description (default: its id). */
	accountName?: (accountId: string) => string;
	/** Words for the linked posts, e.g. "2 posts, 12,400 impressions" (default: none). */
	linkedSummary?: (item: PlannedItem) => string | null;
}

export interface IcsResult {
	text: string;
	/** Items written as events. */
	events: number;
	/** Undated ideas, left out: an event needs a day. */
	skipped: number;
}

const EVENT_STATUS: Record<string, string> = { idea: 'TENTATIVE', planned: 'CONFIRMED', published: 'CONFIRMED' };

function description(item: PlannedItem, options: IcsOptions): string {
	const { words } = options;
	const lines: string[] = [];
	const list = (values: readonly string[]) => values.join(words.listSeparator);
	lines.push(words.line('angle', angleWord(words, item.angle)));
	lines.push(words.line('status', statusWord(words, item.status)));
	if (item.segments.length > 0) lines.push(words.line('segments', list(item.segments)));
	if (item.productLines.length > 0) lines.push(words.line('productLines', list(item.productLines)));
	if (item.accountIds.length > 0) {
		const name = options.accountName ?? ((id: string) => id);
		lines.push(words.line('accounts', list(item.accountIds.map(name))));
	}
	if (item.owner) lines.push(words.line('owner', item.owner));
	if (item.link) lines.push(words.line('link', item.link));
	const linked = options.linkedSummary?.(item);
	if (linked) lines.push(words.line('publishedAs', linked));
	if (item.notes) lines.push('', item.notes);
	return lines.join('\n');
}

function eventLines(item: PlannedItem & { day: number }, options: IcsOptions): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${item.id}@chorus`,
		`DTSTAMP:${icsUtcDateTime(new Date(options.now))}`,
		`DTSTART;VALUE=DATE:${icsDate(item.day)}`,
		`DTEND;VALUE=DATE:${icsDate(item.day + 1)}`,
		`SUMMARY:${escapeText(item.title)}`,
		`DESCRIPTION:${escapeText(description(item, options))}`
	];
	const categories = [angleWord(options.words, item.angle), ...item.segments].filter(Boolean);
	if (categories.length > 0) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
	const status = EVENT_STATUS[item.status];
	if (status) lines.push(`STATUS:${status}`);
	// a URI, not TEXT: commas and semicolons in it are not escaped; URL parsing has removed any line break
	const url = webLink(item.link);
	if (url) lines.push(`URL:${url.href}`);
	const created = parseInstant(item.createdAt);
	const modified = parseInstant(item.updatedAt);
	if (created) lines.push(`CREATED:${icsUtcDateTime(created)}`);
	if (modified) lines.push(`LAST-MODIFIED:${icsUtcDateTime(modified)}`);
	if (created && modified) lines.push(`SEQUENCE:${Math.max(0, Math.floor((modified.getTime() - created.getTime()) / 1000))}`);
	// planning entries should not make anyone look busy
	lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
	return lines;
}

/** The items as one VCALENDAR; undated ideas are counted in `skipped`. */
export function calendarToIcs(items: readonly PlannedItem[], options: IcsOptions): IcsResult {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${ICS_PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
	if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
	let events = 0;
	let skipped = 0;
	for (const item of items) {
		if (item.day === null) {
			skipped++;
			continue;
		}
		lines.push(...eventLines(item as PlannedItem & { day: number }, options));
		events++;
	}
	lines.push('END:VCALENDAR');
	return { text: `${lines.map(foldLine).join('\r\n')}\r\n`, events, skipped };
}

/** `chorus-calendar-2024-03-18.ics` */
export function icsFileName(today: number): string {
	const { year, month, day } = ymdFromDay(today);
	return `chorus-calendar-${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}.ics`;
}
