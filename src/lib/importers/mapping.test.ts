import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { MappingPreset } from '../schemas/mapping-preset';
import { buildSample } from './header';
import {
	applyMapping,
	columnKeys,
	headerSignature,
	metricFromHeader,
	presetFromSuggestion,
	presetImporter,
	suggestMapping
} from './mapping';
import { tabulateText } from './tabulate';
import type { Table } from './types';

const NOW = new Date(2026, 6, 1, 12, 0, 0);
const fixtureText = (name: string) => readFileSync(new URL(`../../../tests/fixtures/bad/${name}`, import.meta.url), 'utf8');
const table = (text: string, fileName = 'file.csv'): Table => tabulateText(text, fileName, 'utf-8').table;
const day = (y: number, m: number, d: number) => dayFromYMD(y, m, d)!;

function preset(overrides: Partial<MappingPreset> & Pick<MappingPreset, 'signature' | 'dateColumn' | 'columns'>): MappingPreset {
	return {
		id: 'p1',
		name: 'Blog stats',
		platform: 'blog',
		headerRow: 0,
		dateFormat: 'auto',
		createdAt: '2026-06-30T10:00:00.000Z',
		...overrides
	};
}

const seriesOf = (result: ReturnType<typeof applyMapping>, metric: MetricKey) => {
	const found = result.series.filter((series) => series.metric === metric);
	return found.map(({ account, days, values }) => ({ account, days, values }));
};

describe('columnKeys and headerSignature', () => {
	it('names repeated and empty headers so each column can be referred to', () => {
		expect(columnKeys(['Date', 'Views', ' views ', '', 'Views'])).toEqual(['Date', 'Views', 'views #2', 'Column 4', 'Views #3']);
	});

	it('ignores order, case, spacing and empty cells, but not an added column', () => {
		const base = headerSignature(['Day', 'Sessions', 'Bounce count']);
		expect(headerSignature([' bounce COUNT', 'sessions', 'Day', ''])).toBe(base);
		expect(headerSignature(['Day', 'Sessions', 'Bounce count', 'Signups'])).not.toBe(base);
		expect(headerSignature(['Day', 'Sessions'])).not.toBe(base);
		expect(base).toMatch(/^h1-3-[0-9a-f]{16}$/);
	});
});

describe('metricFromHeader', () => {
	it.each([
		['Impressions', 'impressions'],
		['Impressions (total)', 'impressions'],
		['New followers', 'followers_gained'],
		['Unfollows', 'followers_lost'],
		['Total followers', 'followers'],
		['Subscribers', 'followers'],
		['Link clicks', 'link_clicks'],
		['Clicks (organic)', 'clicks'],
		['Profile views', 'profile_visits'],
		['Page views', 'page_views'],
		['Video Views', 'views'],
		['Watch time (hours)', 'watch_time_hours'],
		['Average view duration', 'average_view_duration'],
		['Impressions click-through rate (%)', 'click_through_rate'],
		['Engagement rate', 'engagement_rate'],
		['Reposts', 'shares'],
		['Bookmarks', 'saves'],
		['Reach', 'reach'],
		['Unique visitors', 'unique_visitors'],
		['Estimated revenue (USD)', 'revenue'],
		['新关注人数', 'followers_gained'],
		['取消关注人数', 'followers_lost'],
		['净增关注人数', 'followers_net'],
		['累积关注人数', 'followers'],
		['阅读次数', 'views']
	])('%s → %s', (header, metric) => {
		expect(metricFromHeader(header)).toBe(metric);
	});

	it.each(['Sessions', 'Bounce count', 'Views (%)', 'Day', 'Video title'])('%s → nothing', (header) => {
		expect(metricFromHeader(header)).toBeNull();
	});
});

describe('suggestMapping', () => {
	it('finds the date column and the numeric columns of an unknown layout (fixture)', () => {
		const suggestion = suggestMapping(table(fixtureText('unknown-layout.csv')));
		expect(suggestion.headerRow).toBe(0);
		expect(suggestion.dateColumn).toBe('Day');
		expect(suggestion.dateFormat).toBe('ymd');
		expect(suggestion.columns.map(({ header, kind, metric }) => ({ header, kind, metric }))).toEqual([
			{ header: 'Day', kind: 'date', metric: null },
			{ header: 'Sessions', kind: 'number', metric: null },
			{ header: 'Bounce count', kind: 'number', metric: null },
			{ header: 'Newsletter signups', kind: 'number', metric: null }
		]);
		expect(suggestion.signature).toBe(headerSignature(['Day', 'Sessions', 'Bounce count', 'Newsletter signups']));
		expect(suggestion.problems).toEqual([]);
	});

	it('proposes metrics from header names, one column per metric (the "total" variant wins)', () => {
		const text = 'Report for Acme\nDate,Impressions (organic),Impressions (total),Clicks (total),Page,Reach (%)\n03/15/2024,5,7,1,Acme,0.5\n03/16/2024,6,9,2,Acme,0.4\n';
		const suggestion = suggestMapping(table(text));
		expect(suggestion.headerRow).toBe(1);
		expect(suggestion.dateFormat).toBe('mdy');
		expect(suggestion.accountColumn).toBe('Page');
		expect(suggestion.columns.map((column) => [column.header, column.metric])).toEqual([
			['Date', null],
			['Impressions (organic)', null],
			['Impressions (total)', 'impressions'],
			['Clicks (total)', 'clicks'],
			['Page', null],
			['Reach (%)', null]
		]);
	});

	it('reads day-first dates and decimal commas (fixture re-saved in a comma locale)', () => {
		const suggestion = suggestMapping(table(fixtureText('comma-decimal.csv')));
		expect(suggestion.dateColumn).toBe('Datum');
		expect(suggestion.dateFormat).toBe('dmy');
		expect(suggestion.columns.map((column) => column.kind)).toEqual(['date', 'number', 'number']);
	});

	it('says when the file has no header row (fixture)', () => {
		const suggestion = suggestMapping(table(fixtureText('missing-headers.csv')));
		expect(suggestion.headerRow).toBe(-1);
		expect(suggestion.problems).toEqual([
			'There is no header row: line 1 already holds data (2024-01-01, 120, 5). Add a first line with column names (for example Date,Views) and import the file again.'
		]);
	});

	it('says when there are no data rows, no dates or no numbers', () => {
		expect(suggestMapping(table('Day,Sessions\n')).problems).toEqual(['There are no data rows below the column names on line 1.']);
		expect(suggestMapping(table('Name,Sessions\nA,1\nB,2\n')).problems).toEqual(['No column holds dates, so the values cannot be placed on days.']);
		expect(suggestMapping(table('Day,Note\n2024-01-01,hello\n')).problems).toEqual(['No column holds numbers, so there is nothing to chart.']);
	});

	it('turns a suggestion into a valid preset', () => {
		const input = table('Date,Impressions,Likes\n2024-03-01,10,2\n');
		const made = presetFromSuggestion(suggestMapping(input), { id: 'x', name: 'Newsletter', platform: 'blog', createdAt: '2026-07-01T10:00:00Z' });
		expect(made).toEqual({
			id: 'x',
			name: 'Newsletter',
			signature: headerSignature(['Date', 'Impressions', 'Likes']),
			platform: 'blog',
			headerRow: 0,
			dateColumn: 'Date',
			dateFormat: 'ymd',
			columns: [
				{ header: 'Impressions', metric: 'impressions' },
				{ header: 'Likes', metric: 'likes' }
			],
			createdAt: '2026-07-01T10:00:00Z'
		});
		expect(presetFromSuggestion(suggestMapping(table('2024-01-01,5\n')), { id: 'y', name: 'n', platform: 'blog', createdAt: '2026-07-01T10:00:00Z' })).toBeNull();
	});
});

describe('applyMapping', () => {
	const unknown = () => table(fixtureText('unknown-layout.csv'), 'unknown-layout.csv');
	const blogPreset = preset({
		signature: headerSignature(['Day', 'Sessions', 'Bounce count', 'Newsletter signups']),
		dateColumn: 'Day',
		columns: [
			{ header: 'Sessions', metric: 'page_views' },
			{ header: 'Newsletter signups', metric: 'followers_gained' }
		],
		fixedAccount: { platform: 'blog', handle: 'acme-blog' }
	});

	it('reads each mapped column into a series, for the fixed account', () => {
		const result = applyMapping(unknown(), blogPreset, NOW);
		const account = { platform: 'blog', handle: 'acme-blog' };
		const days = [day(2024, 3, 1), day(2024, 3, 2), day(2024, 3, 3), day(2024, 3, 4)];
		expect(result.account).toEqual(account);
		expect(seriesOf(result, 'page_views')).toEqual([{ account, days, values: [120, 135, 98, 160] }]);
		// a real 0 stays a value
		expect(seriesOf(result, 'followers_gained')).toEqual([{ account, days, values: [4, 2, 0, 7] }]);
		expect(result.rowCount).toBe(4);
		expect(result.issues).toEqual([]);
		expect(result.coversUntil).toBe(day(2024, 3, 4));
	});

	it('skips rows with impossible or implausible dates, naming the line (fixture)', () => {
		const input = table(fixtureText('out-of-range-dates.csv'), 'out-of-range-dates.csv');
		const result = applyMapping(input, preset({ signature: 's', dateColumn: 'Day', columns: [{ header: 'Sessions', metric: 'page_views' }] }), NOW);
		expect(result.issues).toMatchObject([
			{ line: 2, severity: 'error', message: 'Row skipped: “2024-02-30” in column “Day” is not a real date.' },
			{ line: 3, severity: 'error', message: 'Row skipped: the date 1899-12-31 is outside the range analytics data can cover (2000-01-01 to 2027-12-31).' },
			{ line: 4, severity: 'error', message: 'Row skipped: the date 2099-01-01 is outside the range analytics data can cover (2000-01-01 to 2027-12-31).' }
		]);
		expect(seriesOf(result, 'page_views')).toEqual([{ account: null, days: [day(2024, 3, 1)], values: [8] }]);
		expect(result.rowCount).toBe(4);
	});

	it('reads 1.234,5 numbers, percentages and day-first dates (fixture)', () => {
		const input = table(fixtureText('comma-decimal.csv'));
		const result = applyMapping(
			input,
			preset({
				signature: 's',
				dateColumn: 'Datum',
				columns: [
					{ header: 'Sitzungen', metric: 'page_views' },
					{ header: 'Quote', metric: 'engagement_rate' }
				]
			}),
			NOW
		);
		const days = [day(2024, 3, 1), day(2024, 3, 2), day(2024, 3, 13)];
		expect(seriesOf(result, 'page_views')).toEqual([{ account: null, days, values: [1234.5, 2000.25, 999] }]);
		expect(seriesOf(result, 'engagement_rate')).toEqual([{ account: null, days, values: [0.125, 0.075, 0.1] }]);
		expect(result.issues).toEqual([]);
	});

	it('maps repeated headers by their numbered names (fixture)', () => {
		const input = table(fixtureText('duplicate-headers.csv'));
		const result = applyMapping(
			input,
			preset({
				signature: 's',
				dateColumn: 'Date',
				columns: [
					{ header: 'Views', metric: 'views' },
					{ header: 'Views #2', metric: 'impressions' }
				]
			}),
			NOW
		);
		expect(seriesOf(result, 'views')[0].values).toEqual([10, 12]);
		expect(seriesOf(result, 'impressions')[0].values).toEqual([3, 4]);
	});

	it('warns once about ambiguous a/b/yyyy dates and reads them month first', () => {
		const input = table('Date,Views\n03/04/2024,5\n05/06/2024,6\n');
		const result = applyMapping(input, preset({ signature: 's', dateColumn: 'Date', columns: [{ header: 'Views', metric: 'views' }] }), NOW);
		expect(result.issues).toMatchObject([
			{
				severity: 'warning',
				message: 'Dates such as “03/04/2024” can be read two ways; Chorus read them as month/day. If that is wrong, set the date format in the mapping.'
			}
		]);
		expect(seriesOf(result, 'views')[0].days).toEqual([day(2024, 3, 4), day(2024, 5, 6)]);
		const dayFirst = applyMapping(input, preset({ signature: 's', dateColumn: 'Date', dateFormat: 'dmy', columns: [{ header: 'Views', metric: 'views' }] }), NOW);
		expect(dayFirst.issues).toEqual([]);
		expect(seriesOf(dayFirst, 'views')[0].days).toEqual([day(2024, 4, 3), day(2024, 6, 5)]);
	});

	it('holds the column to year-month-day when the mapping says so', () => {
		const input = table('Date,Views\n2024-01-01,5\n01/02/2024,6\n');
		const result = applyMapping(input, preset({ signature: 's', dateColumn: 'Date', dateFormat: 'ymd', columns: [{ header: 'Views', metric: 'views' }] }), NOW);
		expect(result.issues).toMatchObject([
			{ line: 3, severity: 'error', message: 'Row skipped: “01/02/2024” is not a year-month-day date, as the mapping says the column holds.' }
		]);
	});

	it('leaves unreadable numbers and missing markers empty, never 0', () => {
		const input = table('Date,Views\n2024-01-01,abc\n2024-01-02,-\n2024-01-03,undefined\n2024-01-04,\n2024-01-05,0\n');
		const result = applyMapping(input, preset({ signature: 's', dateColumn: 'Date', columns: [{ header: 'Views', metric: 'views' }] }), NOW);
		expect(seriesOf(result, 'views')).toEqual([{ account: null, days: [day(2024, 1, 5)], values: [0] }]);
		expect(result.issues).toMatchObject([{ line: 2, severity: 'warning', message: '“abc” in column “Views” is not a number; left empty.' }]);
	});

	it('turns a running total into daily amounts between consecutive days', () => {
		const input = table('Date,Total views\n2024-01-01,100\n2024-01-02,110\n2024-01-03,125\n2024-01-05,140\n2024-01-06,139\n');
		const result = applyMapping(
			input,
			preset({ signature: 's', dateColumn: 'Date', columns: [{ header: 'Total views', metric: 'views', semantics: 'level' }] }),
			NOW
		);
		expect(seriesOf(result, 'views')).toEqual([{ account: null, days: [day(2024, 1, 2), day(2024, 1, 3)], values: [10, 15] }]);
		expect(result.issues).toMatchObject([
			{ severity: 'warning', message: 'The running total of Views drops on 2024-01-06; that day was left empty.' }
		]);
	});

	it('splits rows by an account column (handles and display names)', () => {
		const input = table('Date,Account,Views\n2024-01-01,@acme,5\n2024-01-01,Acme Europe,7\n2024-01-02,@acme,6\n');
		const result = applyMapping(
			input,
			preset({ signature: 's', dateColumn: 'Date', accountColumn: 'Account', columns: [{ header: 'Views', metric: 'views' }] }),
			NOW
		);
		expect(result.account).toBeNull();
		expect(seriesOf(result, 'views')).toEqual([
			{ account: { platform: 'blog', handle: 'acme' }, days: [day(2024, 1, 1), day(2024, 1, 2)], values: [5, 6] },
			{ account: { platform: 'blog', displayName: 'Acme Europe' }, days: [day(2024, 1, 1)], values: [7] }
		]);
	});

	it('reports columns the file lacks: a missing metric column is left out, a missing date column stops', () => {
		const input = table('Day,Sessions\n2024-03-01,5\n');
		const partial = applyMapping(input, blogPreset, NOW);
		expect(partial.issues).toMatchObject([
			{ severity: 'warning', message: 'The column “Newsletter signups” (mapped to New followers) is not in this file; it was left out.' }
		]);
		expect(seriesOf(partial, 'page_views')[0].values).toEqual([5]);
		const noDate = applyMapping(table('When,Sessions\n2024-03-01,5\n'), blogPreset, NOW);
		expect(noDate.issues).toMatchObject([
			{
				severity: 'error',
				message: 'The date column “Day” of the mapping “Blog stats” is not in this file (columns found: When, Sessions). Map the file again.'
			}
		]);
		expect(noDate.series).toEqual([]);
	});

	it('refuses an invalid preset with the validation message', () => {
		const broken = { ...blogPreset, columns: [] };
		expect(applyMapping(unknown(), broken, NOW).issues).toMatchObject([
			{ severity: 'error', message: 'The saved mapping “Blog stats” is not valid: Map at least one column to a metric.' }
		]);
	});

	it('reads 150,000 rows', () => {
		const lines = ['Day,Sessions,Signups'];
		for (let i = 0; i < 150_000; i++) lines.push(`${2000 + Math.floor(i / 365) % 25}-0${1 + (i % 9)}-1${i % 10},${i},${i % 7}`);
		const input = table(lines.join('\n'));
		const result = applyMapping(
			input,
			preset({ signature: 's', dateColumn: 'Day', columns: [{ header: 'Sessions', metric: 'page_views' }, { header: 'Signups', metric: 'followers_gained' }] }),
			NOW
		);
		expect(result.rowCount).toBe(150_000);
		expect(seriesOf(result, 'page_views')[0].values).toHaveLength(150_000);
	});
});

describe('presetImporter', () => {
	const saved = preset({
		signature: headerSignature(['Day', 'Sessions', 'Bounce count', 'Newsletter signups']),
		dateColumn: 'Day',
		columns: [{ header: 'Sessions', metric: 'page_views' }]
	});

	it('recognises exactly the header set it was made from, in any order', () => {
		const importer = presetImporter(saved);
		expect(importer.id).toBe('preset:p1');
		expect(importer.label).toBe('Saved mapping “Blog stats”');
		expect(importer.platform).toBe('blog');
		expect(importer.detect(buildSample(table('Newsletter signups,DAY,Bounce count,Sessions\n1,2024-01-01,2,3\n'), 0))).toBe(1);
		expect(importer.detect(buildSample(table('Day,Sessions\n2024-01-01,3\n'), 0))).toBe(0);
	});

	it('parses at the header row detection found, not necessarily the saved one', () => {
		const input = table('Blog report\nDay,Sessions,Bounce count,Newsletter signups\n2024-03-01,120,30,4\n');
		const result = presetImporter(saved).parse({ table: input, headerIndex: 1, now: NOW });
		expect(seriesOf(result, 'page_views')).toEqual([{ account: null, days: [day(2024, 3, 1)], values: [120] }]);
	});
});
