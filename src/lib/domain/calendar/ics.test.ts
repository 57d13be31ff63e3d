import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import { calendarToIcs, escapeText, foldLine, icsDate, icsFileName, icsUtcDateTime, ICS_PRODID, type IcsDescriptionField, type IcsWords } from './ics';
import type { PlannedItem } from './items';

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/** RFC 5545 3.1: a folded line continues after CRLF followed by one space or tab. */
function unfold(text: string): string[] {
	return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** RFC 5545 3.3.11, the other way round. */
function unescapeText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** The structural rules every iCalendar file must follow; returns the unfolded content lines. */
function expectValidIcs(text: string): string[] {
	expect(text.endsWith('\r\n')).toBe(true);
	const physical = text.slice(0, -2).split('\r\n');
	for (const line of physical) {
		expect(line).not.toMatch(/[\r\n]/);
		expect(octets(line)).toBeLessThanOrEqual(75);
	}
	const lines = unfold(text.slice(0, -2));
	const stack: string[] = [];
	for (const line of lines) {
		// name *(";" param) ":" value
		expect(line).toMatch(/^[A-Z][A-Z0-9-]*(;[A-Z0-9-]+=[^;:,]+)*:/);
		if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
		if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
	}
	expect(stack).toEqual([]);
	expect(lines[0]).toBe('BEGIN:VCALENDAR');
	expect(lines).toContain('VERSION:2.0');
	expect(lines).toContain(`PRODID:${ICS_PRODID}`);
	return lines;
}

function item(fields: Partial<PlannedItem> = {}): PlannedItem {
	return {
		id: '7f3c2a10-0000-4000-8000-000000000001',
		title: 'Fabrikam: close the books, in 3 days; no more spreadsheets\\ever',
		angle: 'both',
		segments: ['buyers', 'end users'],
		productLines: ['ERP'],
		accountIds: ['x:contosoerp'],
		owner: 'Jana',
		status: 'planned',
		day: dayFromISO('2021-11-22'),
		notes: 'Quote from the CFO.\nCheck with legal.',
		link: 'https://example.com/stories/fabrikam?a=1,2',
		linkedPostIds: [],
		createdAt: '2021-11-01T10:00:00.000Z',
		updatedAt: '2021-11-02T10:00:30.000Z',
		...fields
	};
}

const NOW = new Date(Date.UTC(2024, 2, 18, 9, 30, 5));

const FIELDS: Record<IcsDescriptionField, string> = {
	angle: 'Angle',
	status: 'Status',
	segments: 'Audience segments',
	productLines: 'Product lines',
	accounts: 'Accounts',
	owner: 'Owner',
	link: 'Link',
	publishedAs: 'Published as'
};
const ENGLISH: IcsWords = {
	line: (field, value) => `${FIELDS[field]}: ${value}`,
	listSeparator: ', ',
	angle: (angle) => ({ story: 'Story', product: 'Product', both: 'Story + product' })[angle],
	status: (status) => ({ idea: 'Idea', planned: 'Planned', published: 'Published' })[status]
};

describe('values', () => {
	it.each<[string, string]>([
		['plain', 'plain'],
		['a, b; c', 'a\\, b\\; c'],
		['C:\\path', 'C:\\\\path'],
		['one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
		['tab\tkept, bell\u0007 and null\u0000 dropped', 'tab\tkept\\, bell and null dropped'],
		['colons: stay', 'colons: stay']
	])('escapes %j', (text, expected) => {
		expect(escapeText(text)).toBe(expected);
	});

	it('writes dates and UTC date-times in the basic format', () => {
		expect(icsDate(dayFromISO('2021-11-22')!)).toBe('20211122');
		expect(icsDate(dayFromISO('0999-01-05')!)).toBe('09990105');
		expect(icsUtcDateTime(NOW)).toBe('20240318T093005Z');
		// a local-time instant is written in UTC
		expect(icsUtcDateTime(new Date('2024-03-18T01:00:00+02:00'))).toBe('20240317T230000Z');
		expect(icsFileName(dayFromISO('2024-03-18')!)).toBe('chorus-calendar-2024-03-18.ics');
	});
});

describe('folding', () => {
	it('leaves a line of 75 octets alone', () => {
		const line = `SUMMARY:${'x'.repeat(67)}`;
		expect(foldLine(line)).toBe(line);
	});

	it('folds ASCII at 75 octets, with continuation lines of a space plus 74', () => {
		const line = `DESCRIPTION:${'a'.repeat(200)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		// 12 + 200 = 212 characters: 75, then a space plus 74, then a space plus the last 63
		expect(parts.map((part) => part.length)).toEqual([75, 75, 64]);
		expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});

	it('counts octets, not characters, and never cuts a UTF-8 character', () => {
		const line = `SUMMARY:${'春'.repeat(40)}`;
		const parts = foldLine(line).split('\r\n');
		// 8 + 22 × 3 = 74 octets (a 23rd character would make 77); then a space and the other 18 (1 + 54)
		expect(parts.map(octets)).toEqual([74, 55]);
		expect(parts[0]).toBe(`SUMMARY:${'春'.repeat(22)}`);
		expect(parts[1]).toBe(` ${'春'.repeat(18)}`);
	});

	it('keeps four-octet characters (emoji, two UTF-16 units) whole', () => {
		const line = `SUMMARY:${'😀'.repeat(30)}`;
		const parts = foldLine(line).split('\r\n');
		for (const part of parts) {
			expect(octets(part)).toBeLessThanOrEqual(75);
			expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
		}
		// 8 + 16 × 4 = 72; 1 + 14 × 4 = 57
		expect(parts.map(octets)).toEqual([72, 57]);
		expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
	});
});

describe('calendar file', () => {
	it('writes a valid VCALENDAR with one all-day event per dated item', () => {
		const { text, events, skipped } = calendarToIcs([item(), item({ id: 'idea-1', title: 'Undated idea', day: null, status: 'idea' })], {
			now: NOW,
			words: ENGLISH,
			calendarName: 'Chorus editorial calendar',
			accountName: (id) => (id === 'x:contosoerp' ? '@ContosoERP' : id)
		});
		expect([events, skipped]).toEqual([1, 1]);
		const lines = expectValidIcs(text);
		expect(lines.slice(0, 6)).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			`PRODID:${ICS_PRODID}`,
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH',
			'X-WR-CALNAME:Chorus editorial calendar'
		]);
		const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
		const description = event.find((line) => line.startsWith('DESCRIPTION:'))!;
		expect(event.filter((line) => !line.startsWith('DESCRIPTION:'))).toEqual([
			'BEGIN:VEVENT',
			'UID:7f3c2a10-0000-4000-8000-000000000001@chorus',
			'DTSTAMP:20240318T093005Z',
			'DTSTART;VALUE=DATE:20211122',
			'DTEND;VALUE=DATE:20211123',
			'SUMMARY:Fabrikam: close the books\\, in 3 days\\; no more spreadsheets\\\\ever',
			'CATEGORIES:Story + product,buyers,end users',
			'STATUS:CONFIRMED',
			'URL:https://example.com/stories/fabrikam?a=1,2',
			'CREATED:20211101T100000Z',
			'LAST-MODIFIED:20211102T100030Z',
			// 1 day and 30 seconds between creation and the last edit
			'SEQUENCE:86430',
			'TRANSP:TRANSPARENT',
			'END:VEVENT'
		]);
		expect(unescapeText(description.slice('DESCRIPTION:'.length))).toBe(
			[
				'Angle: Story + product',
				'Status: Planned',
				'Audience segments: buyers, end users',
				'Product lines: ERP',
				'Accounts: @ContosoERP',
				'Owner: Jana',
				'Link: https://example.com/stories/fabrikam?a=1,2',
				'',
				'Quote from the CFO.',
				'Check with legal.'
			].join('\n')
		);
		expect(lines.at(-1)).toBe('END:VCALENDAR');
		expect(text).not.toContain('Undated idea');
	});

	it('marks ideas as tentative, leaves out a link that is not a web address, and folds long non-Latin titles', () => {
		const title = '客户故事：北风贸易如何在三天内完成月结，并且不再使用电子表格，全程只用一个系统完成所有对账工作';
		const { text } = calendarToIcs([item({ title, status: 'idea', link: 'intranet/page', segments: [], angle: 'story' })], { now: NOW, words: ENGLISH });
		const lines = expectValidIcs(text);
		expect(lines).toContain('STATUS:TENTATIVE');
		expect(lines).toContain('CATEGORIES:Story');
		expect(lines.some((line) => line.startsWith('URL:'))).toBe(false);
		// full-width commas are not the TEXT separator and stay as they are
		expect(lines).toContain(`SUMMARY:${title}`);
		expect(text.split('\r\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
	});

	it('writes an empty calendar when there is nothing dated', () => {
		const { text, events } = calendarToIcs([], { now: NOW, words: ENGLISH });
		expect(events).toBe(0);
		expect(text).toBe(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:${ICS_PRODID}\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n`);
	});

	it('writes the human text in the words it is given and leaves the machine fields as they are', () => {
		const chinese: IcsWords = {
			line: (field, value) => `${field === 'angle' ? '角度' : field === 'status' ? '状态' : field === 'segments' ? '受众群体' : FIELDS[field]}：${value}`,
			listSeparator: '、',
			angle: (angle) => (angle === 'both' ? '故事 + 产品' : angle),
			status: (status) => (status === 'planned' ? '已计划' : status)
		};
		const lines = expectValidIcs(calendarToIcs([item({ productLines: [], accountIds: [], owner: '', link: '', notes: '' })], { now: NOW, words: chinese }).text);
		const description = lines.find((line) => line.startsWith('DESCRIPTION:'))!;
		expect(unescapeText(description.slice('DESCRIPTION:'.length))).toBe('角度：故事 + 产品\n状态：已计划\n受众群体：buyers、end users');
		expect(lines).toContain('CATEGORIES:故事 + 产品,buyers,end users');
		expect(lines).toContain('STATUS:CONFIRMED');
		expect(lines).toContain('DTSTART;VALUE=DATE:20211122');
	});
});
