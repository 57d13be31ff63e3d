import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { valueOn } from '../../../tests/fixtures/load';
import { readDailyTable, readValue, type MetricColumn } from './daily';
import { tabulateText } from './tabulate';

const NOW = new Date(2026, 6, 1, 12);
const VIEWS: MetricColumn = { metric: 'views', column: 1, kind: 'count', header: 'Views' };

function read(text: string, metrics: MetricColumn[] = [VIEWS]) {
	const { table } = tabulateText(text, 't.csv', 'utf-8');
	return readDailyTable({ now: NOW, table, headerIndex: 0, account: null, dateColumn: 0, dateHeader: 'Date', metrics });
}

describe('readValue', () => {
	it.each([
		['1,234', 'count', null, 1234],
		['62,1', 'number', 'comma', 62.1],
		['5.02', 'percent', null, 0.0502],
		['4.5%', 'fraction', null, 0.045],
		['0:04:04', 'duration', null, 244],
		['undefined', 'count', null, null]
	] as const)('%j as %s', (text, kind, hint, expected) => {
		expect(readValue(text, kind, hint)).toBe(expected);
	});
});

describe('readDailyTable', () => {
	it('decides day-first for the whole file from one value above 12', () => {
		const result = read('Date,Views\n01/02/2025,10\n13/02/2025,20\n');
		expect(valueOn(result, 'views', '2025-02-01')).toBe(10);
		expect(valueOn(result, 'views', '2025-02-13')).toBe(20);
	});

	it('reads month-first when nothing says otherwise', () => {
		const result = read('Date,Views\n01/02/2025,10\n');
		expect(valueOn(result, 'views', '2025-01-02')).toBe(10);
	});

	it('decides the decimal comma per file', () => {
		const hours: MetricColumn = { metric: 'watch_time_hours', column: 2, kind: 'number', header: 'Hours' };
		const result = read('Date;Views;Hours\n2025-01-01;1.204;62,1\n2025-01-02;980;0,5\n', [VIEWS, hours]);
		expect(valueOn(result, 'watch_time_hours', '2025-01-01')).toBe(62.1);
		expect(valueOn(result, 'views', '2025-01-01')).toBe(1204);
		expect(valueOn(result, 'watch_time_hours', '2025-01-02')).toBe(0.5);
	});

	it('warns about text in a number column and skips rows without a date, by line', () => {
		const result = read('Date,Views\n2025-01-01,12\n,5\n2025-01-03,many\n2025-01-04,0\n');
		expect(result.rowCount).toBe(4);
		expect(result.issues.list()).toMatchObject([
			{ line: 3, severity: 'error', message: 'Row skipped: the “Date” cell is empty.' },
			{ line: 4, severity: 'warning', message: '“many” in column “Views” is not a number; that value was left empty.' }
		]);
		expect(result.series[0].days).toEqual([dayFromYMD(2025, 1, 1), dayFromYMD(2025, 1, 4)]);
		expect(result.lastDay).toBe(dayFromYMD(2025, 1, 4));
	});

	it('skips rows dated before 2000 or after the import, by line, saying which end they miss', () => {
		const result = read('Date,Views\n1899-12-31,1\n2024-03-01,2\n2028-01-01,3\n2027-12-31,4\n');
		expect(result.issues.list()).toMatchObject([
			{
				line: 2,
				severity: 'error',
				message:
					'Row skipped: “1899-12-31” in column “Date” is before 2000-01-01, earlier than any social media analytics: usually a spreadsheet\'s empty date or a damaged cell.'
			},
			{
				line: 4,
				severity: 'error',
				message:
					'Row skipped: “2028-01-01” in column “Date” is after 2027-12-31, and analytics cannot cover days that have not happened: check the date in the file, and this computer\'s clock.'
			}
		]);
		// the end of the next year is still accepted: a computer whose clock lags must import this year's exports
		expect(result.series[0].days).toEqual([dayFromYMD(2024, 3, 1), dayFromYMD(2027, 12, 31)]);
		expect(result.days.map((entry) => entry.day)).toEqual([null, dayFromYMD(2024, 3, 1), null, dayFromYMD(2027, 12, 31)]);
	});

	it.each([
		['-5', 'followers', 'is negative, which followers cannot be'],
		['-0.5', 'engagement_rate', 'is negative, which engagement rate cannot be'],
		['99999999999999999999', 'views', 'is too large to be a real views figure (more than 9,007,199,254,740,991)'],
		['9007199254740993', 'views', 'is too large to be a real views figure (more than 9,007,199,254,740,991)']
	] as const)('leaves %s out of %s with a warning on its line', (text, metric, reason) => {
		const result = read(`Date,Views\n2025-01-01,${text}\n2025-01-02,7\n`, [{ ...VIEWS, metric, kind: metric === 'engagement_rate' ? 'fraction' : 'count' }]);
		expect(result.issues.list()).toMatchObject([{ line: 2, severity: 'warning', message: `“${text}” in column “Views” ${reason}; that value was left empty.` }]);
		expect(result.series[0].values).toEqual([7]);
	});

	it.each(['views', 'followers_net', 'comments'] as const)('keeps a negative %s: a day’s change may be a correction', (metric) => {
		const result = read('Date,Views\n2025-01-01,-3\n', [{ ...VIEWS, metric }]);
		expect(result.issues.list()).toEqual([]);
		expect(result.series[0].values).toEqual([-3]);
	});

	it('quotes a long or multi-line cell in one short line', () => {
		const result = read(`Date,Views\n2025-01-01,"${'many\n'.repeat(20)}"\n`);
		expect(result.issues.list()).toMatchObject([
			{ line: 2, severity: 'warning', message: '“many many many many many many many many…” in column “Views” is not a number; that value was left empty.' }
		]);
	});

	it('reads 150k rows (speed itself is measured by npm run bench)', () => {
		const lines = ['Date,Views'];
		for (let i = 0; i < 150_000; i++) lines.push(`${new Date(Date.UTC(2000, 0, 1 + (i % 9000))).toISOString().slice(0, 10)},${i}`);
		const { table } = tabulateText(lines.join('\n'), 'big.csv', 'utf-8');
		const result = readDailyTable({ now: NOW, table, headerIndex: 0, account: null, dateColumn: 0, dateHeader: 'Date', metrics: [VIEWS] });
		expect(result.series[0].days).toHaveLength(150_000);
	});
});
