import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import { calendarCsv, type CalendarCsvColumn, type CalendarCsvWords } from './export-csv';
import type { PlannedItem } from './items';

const HEADERS: Record<CalendarCsvColumn, string> = {
	date: 'Date',
	title: 'Title',
	angle: 'Angle',
	status: 'Status',
	segments: 'Audience segments',
	productLines: 'Product lines',
	accounts: 'Accounts',
	owner: 'Owner',
	link: 'Link',
	notes: 'Notes',
	linkedPosts: 'Linked posts',
	impressions: 'Impressions',
	engagements: 'Engagements',
	engagementRate: 'Engagement rate',
	created: 'Created',
	updated: 'Updated',
	id: 'ID'
};
const ENGLISH: CalendarCsvWords = {
	header: (column) => HEADERS[column],
	angle: (angle) => ({ story: 'Story', product: 'Product', both: 'Story + product' })[angle],
	status: (status) => ({ idea: 'Idea', planned: 'Planned', published: 'Published' })[status]
};

const ITEM: PlannedItem = {
	id: 'i1',
	title: 'Fabrikam',
	angle: 'story',
	segments: ['buyers'],
	productLines: [],
	accountIds: [],
	owner: '',
	status: 'planned',
	day: dayFromISO('2021-11-22'),
	notes: '',
	link: '',
	linkedPostIds: [],
	createdAt: '2021-11-01T10:00:00.000Z',
	updatedAt: '2021-11-02T10:00:00.000Z'
};

describe('calendar CSV', () => {
	it('writes one row per item with lists joined, performance beside the plan, and risky text neutralised', () => {
		const item: PlannedItem = {
			id: 'i1',
			title: '=HYPERLINK("x") story, part 1',
			angle: 'story',
			segments: ['buyers', 'end users'],
			productLines: ['ERP'],
			accountIds: ['x:contosoerp', 'linkedin:contoso'],
			owner: 'Jana',
			status: 'published',
			day: dayFromISO('2021-11-22'),
			notes: 'two\nlines',
			link: 'https://example.com/a',
			linkedPostIds: ['x:contosoerp|1'],
			createdAt: '2021-11-01T10:00:00.000Z',
			updatedAt: '2021-11-02T10:00:00.000Z'
		};
		const text = calendarCsv([item, { ...item, id: 'i2', title: 'Idea', day: null, status: 'idea', angle: 'odd', linkedPostIds: [] }], {
			words: ENGLISH,
			accountName: (id) => (id === 'x:contosoerp' ? '@ContosoERP' : 'Contoso'),
			performance: (one) => (one.id === 'i1' ? { posts: 1, missing: 0, impressions: 1000, engagements: 25, engagementRate: 0.025 } : null)
		});
		// a cell starting with @ is a formula to Excel: it gets the leading quote, which spreadsheets hide
		expect(text).toBe(
			'\uFEFF' +
				'Date,Title,Angle,Status,Audience segments,Product lines,Accounts,Owner,Link,Notes,Linked posts,Impressions,Engagements,Engagement rate,Created,Updated,ID\r\n' +
				`2021-11-22,"'=HYPERLINK(""x"") story, part 1",Story,Published,buyers; end users,ERP,'@ContosoERP; Contoso,Jana,https://example.com/a,"two\nlines",1,1000,25,0.025,2021-11-01T10:00:00.000Z,2021-11-02T10:00:00.000Z,i1\r\n` +
				`,Idea,odd,Idea,buyers; end users,ERP,'@ContosoERP; Contoso,Jana,https://example.com/a,"two\nlines",0,,,,2021-11-01T10:00:00.000Z,2021-11-02T10:00:00.000Z,i2\r\n`
		);
	});

	it('words headers, angles and statuses as the caller says, and keeps dates, numbers and lists machine-readable', () => {
		const chinese: CalendarCsvWords = {
			header: (column) => (column === 'date' ? '日期' : column === 'angle' ? '角度' : column === 'status' ? '状态' : HEADERS[column]),
			angle: (angle) => (angle === 'story' ? '故事' : angle),
			status: (status) => (status === 'planned' ? '已计划' : status)
		};
		const text = calendarCsv([{ ...ITEM, segments: ['buyers', '终端用户'] }], { words: chinese });
		const [header, row] = text.replace('\uFEFF', '').split('\r\n');
		expect(header.split(',').slice(0, 4)).toEqual(['日期', 'Title', '角度', '状态']);
		expect(row).toBe('2021-11-22,Fabrikam,故事,已计划,buyers; 终端用户,,,,,,0,,,,2021-11-01T10:00:00.000Z,2021-11-02T10:00:00.000Z,i1');
	});
});
