import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import { calendarCsv } from './export-csv';
import type { PlannedItem } from './items';

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
});
