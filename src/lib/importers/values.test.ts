import { describe, expect, it } from 'vitest';
import { dayFromYMD, isoFromDay } from '../domain/days';
import {
	assignYears,
	cleanId,
	excelSerialToDay,
	inferDateOrder,
	inferDecimalHint,
	isDamagedId,
	isMissing,
	isPercentHeader,
	localDateTime,
	parseCount,
	parseDateTime,
	parseDay,
	parseDuration,
	parseMonthDay,
	parseNumber,
	parseRate,
	type DateOptions,
	type MonthDay
} from './values';

describe('parseNumber', () => {
	it.each([
		['1,234', 1234],
		['1777.0', 1777],
		['  42 ', 42],
		['-4', -4],
		['−12', -12],
		['+7', 7],
		['1,234,567', 1234567],
		['1,234.5', 1234.5],
		['1.234,5', 1234.5],
		['28 000', 28000],
		['28\u00a0000', 28000],
		['28\u202f000', 28000],
		['1\u202f234\u202f567,25', 1234567.25],
		['62,1', 62.1],
		['0,045', 0.045],
		['0.0028137310073157004', 0.0028137310073157004],
		['80048.665', 80048.665],
		['1.5E+3', 1500],
		['0', 0]
	])('reads %j as %d', (text, expected) => {
		expect(parseNumber(text)).toBe(expected);
	});

	it.each(['', '   ', '-', '--', 'undefined', 'N/A', 'n/a', 'null', 'abc', '12abc', '1,2,3', '1.2.3.4', '12%', '1,2345,6'])(
		'treats %j as missing, not 0',
		(text) => {
			expect(parseNumber(text)).toBeNull();
		}
	);

	it('is null for a null or undefined cell', () => {
		expect(parseNumber(undefined)).toBeNull();
		expect(parseNumber(null)).toBeNull();
	});

	it('follows the locale hint when a file uses decimal commas', () => {
		expect(parseNumber('1,234', 'comma')).toBe(1.234);
		expect(parseNumber('1.234', 'comma')).toBe(1234);
		expect(parseNumber('28 000', 'comma')).toBe(28000);
		expect(parseNumber('62,1', 'comma')).toBe(62.1);
		expect(parseNumber('1.234', 'dot')).toBe(1.234);
		expect(parseNumber('1,234', 'dot')).toBe(1234);
	});
});

describe('parseCount', () => {
	it.each([
		['1777.0', 1777],
		['1,234', 1234],
		['1.234', 1234],
		['3,593', 3593],
		['0', 0],
		['-1', -1],
		['12.5', 12.5]
	])('reads %j as %d', (text, expected) => {
		expect(parseCount(text)).toBe(expected);
	});

	it('keeps the hint above the whole-number guess', () => {
		expect(parseCount('1.234', 'dot')).toBe(1.234);
		expect(parseCount('1,234', 'comma')).toBe(1.234);
	});

	it('treats `-`, `undefined` and empty as missing', () => {
		expect([parseCount('-'), parseCount('undefined'), parseCount('')]).toEqual([null, null, null]);
	});
});

describe('inferDecimalHint', () => {
	it('sees decimal commas in a French YouTube row', () => {
		expect(inferDecimalHint(['28 000', '44 531', '62,1', '0:00:34', '62,3'])).toBe('comma');
	});
	it('sees decimal points in an English row', () => {
		expect(inferDecimalHint(['1179894', '80048.665', '5.02'])).toBe('dot');
	});
	it('says nothing when no value tells', () => {
		expect(inferDecimalHint(['1,234', '5', '1.234'])).toBeNull();
	});
});

describe('parseRate', () => {
	it.each<[string, { percent?: boolean; hint?: 'comma' | 'dot' }, number | null]>([
		['4.5%', {}, 0.045],
		['10.5%', {}, 0.105],
		['0.045', {}, 0.045],
		['0.066', {}, 0.066],
		['5.02', { percent: true }, 0.0502],
		['71.07', { percent: true }, 0.7107],
		['12.22%', {}, 0.1222],
		['62,1', { percent: true, hint: 'comma' }, 0.621],
		['-', {}, null],
		['', { percent: true }, null]
	])('reads %j %j as %s', (text, options, expected) => {
		expect(parseRate(text, options)).toBe(expected);
	});

	it('recognises percentage headers', () => {
		expect(isPercentHeader('Impressions click-through rate (%)')).toBe(true);
		expect(isPercentHeader('Views (%)')).toBe(true);
		expect(isPercentHeader('engagement rate')).toBe(false);
	});
});

describe('parseDuration', () => {
	it.each<[string, number | null]>([
		['0:04:04', 244],
		['4:04', 244],
		['1:02:03', 3723],
		['0:00:34', 34],
		['978', 978],
		['0:61', null],
		['1:75:00', null],
		['', null],
		['soon', null]
	])('reads %j as %s seconds', (text, expected) => {
		expect(parseDuration(text)).toBe(expected);
	});
});

describe('ids', () => {
	it('detects ids destroyed by scientific notation', () => {
		expect(isDamagedId('1.22158E+17')).toBe(true);
		expect(isDamagedId('1,22158E+17')).toBe(true);
		expect(isDamagedId('1465712230054432768')).toBe(false);
		expect(isDamagedId(' -HHGH-TTqYM')).toBe(false);
	});
	it('trims YouTube’s formula-guard space and keeps 19 digits as text', () => {
		expect(cleanId(' -HHGH-TTqYM')).toBe('-HHGH-TTqYM');
		expect(cleanId('1465712230054432768')).toBe('1465712230054432768');
		expect(cleanId("'1827720132094663")).toBe('1827720132094663');
		expect(cleanId('  ')).toBeNull();
	});
	it('knows the missing markers', () => {
		expect(['-', 'undefined', 'N/A', '', ' '].every(isMissing)).toBe(true);
		expect(isMissing('0')).toBe(false);
	});
});

describe('parseDateTime', () => {
	const cases: [string, DateOptions, string | null, string | null][] = [
		['2021-08-01', {}, '2021-08-01', null],
		['2021-11-30 16:00 +0000', {}, '2021-11-30', '16:00'],
		['2025-08-01T00:00:00', {}, '2025-08-01', '00:00:00'],
		['2026-07-12 09:00', {}, '2026-07-12', '09:00'],
		['2024/01/15', {}, '2024-01-15', null],
		['Thu, Sep 11, 2025', {}, '2025-09-11', null],
		['Mon, Jun 2, 2025', {}, '2025-06-02', null],
		['Thu Mar 20 2025', {}, '2025-03-20', null],
		['Sep 27, 2024', {}, '2024-09-27', null],
		['8/24/2014', {}, '2014-08-24', null],
		['02/19/2014 04:29:18 AM', {}, '2014-02-19', '04:29:18'],
		['02/10/2016 12:56:03 AM', {}, '2016-02-10', '00:56:03'],
		['01/26/2016 12:11:42 PM', {}, '2016-01-26', '12:11:42'],
		['09/28/2026 18:12', {}, '2026-09-28', '18:12'],
		['10/1/2015 21:00', {}, '2015-10-01', '21:00'],
		['13-06-2025', {}, '2025-06-13', null],
		['10-Jun-26', {}, '2026-06-10', null],
		['1/1/2022', {}, '2022-01-01', null],
		['7/16/2026', {}, '2026-07-16', null],
		['28 sept. 2026', {}, '2026-09-28', null],
		['25 de setembro de 2025', {}, '2025-09-25', null],
		['2025年9月25日', {}, '2025-09-25', null],
		['20240115', {}, '2024-01-15', null],
		['45658', { allowSerial: true }, '2025-01-01', null],
		['45658.75', { allowSerial: true }, '2025-01-01', '18:00'],
		['03/04/2025', { order: 'DMY' }, '2025-04-03', null],
		['03/04/2025', { order: 'MDY' }, '2025-03-04', null],
		['04/03/2025', {}, '2025-04-03', null]
	];
	it.each(cases)('reads %j %j as %s %s', (text, options, day, time) => {
		const parsed = parseDateTime(text, options);
		expect(parsed === null ? null : isoFromDay(parsed.day)).toBe(day);
		expect(parsed?.time ?? null).toBe(time);
	});

	it.each(['', '-', 'Lifetime', '2021-02-30', '13/13/2025', '02/19/2014 13:29:18 PM', 'September 25', '45658', 'Tuesday'])(
		'rejects %j',
		(text) => {
			expect(parseDateTime(text)).toBeNull();
		}
	);

	it('is strict once the file’s order is known', () => {
		expect(parseDay('13/06/2025', { order: 'MDY' })).toBeNull();
		expect(parseDay('13/06/2025', { order: 'DMY' })).toBe(dayFromYMD(2025, 6, 13));
	});

	it('maps Excel serials and rejects implausible ones', () => {
		expect(excelSerialToDay(25569)).toBe(0);
		expect(excelSerialToDay(12)).toBeNull();
	});

	it('formats publishedAt only when there is a time', () => {
		expect(localDateTime(dayFromYMD(2014, 2, 19)!, '04:29:18')).toBe('2014-02-19T04:29:18');
		expect(localDateTime(dayFromYMD(2014, 2, 19)!, null)).toBeNull();
	});
});

describe('inferDateOrder', () => {
	it('reads a column as day-first when any first part exceeds 12', () => {
		expect(inferDateOrder(['01-06-2025', '12-06-2025', '13-06-2025'])).toBe('DMY');
	});
	it('reads a column as month-first when any second part exceeds 12', () => {
		expect(inferDateOrder(['1/1/2022', '1/2/2022', '1/13/2022'])).toBe('MDY');
	});
	it('says nothing when every value is ambiguous or values contradict', () => {
		expect(inferDateOrder(['1/2/2022', '3/4/2022'])).toBeNull();
		expect(inferDateOrder(['13/1/2022', '1/13/2022'])).toBeNull();
		expect(inferDateOrder(['2022-01-13'])).toBeNull();
	});
});

describe('parseMonthDay', () => {
	it.each<[string, MonthDay]>([
		['September 25', { month: 9, day: 25 }],
		['28 May', { month: 5, day: 28 }],
		['Sep 25', { month: 9, day: 25 }],
		['18 tháng Sáu', { month: 6, day: 18 }],
		['1 tháng Mười Hai', { month: 12, day: 1 }],
		['3 tháng 7', { month: 7, day: 3 }],
		['28 апреля', { month: 4, day: 28 }],
		['1 мая', { month: 5, day: 1 }],
		['25 de setembro', { month: 9, day: 25 }],
		['25 de septiembre', { month: 9, day: 25 }],
		['25 sep.', { month: 9, day: 25 }],
		['3 januari', { month: 1, day: 3 }],
		['9月25日', { month: 9, day: 25 }],
		['February 29', { month: 2, day: 29 }]
	])('reads %j', (text, expected) => {
		expect(parseMonthDay(text)).toEqual(expected);
	});

	it.each(['April 31', 'Smarch 3', '', 'undefined', '2025-09-25 10:00'])('rejects %j', (text) => {
		expect(parseMonthDay(text)).toBeNull();
	});
});

describe('assignYears', () => {
	const md = (month: number, day: number): MonthDay => ({ month, day });
	const iso = (days: (number | null)[]) => days.map((d) => (d === null ? null : isoFromDay(d)));

	it('walks across New Year, oldest first, ending by the export day', () => {
		const days = assignYears([md(12, 30), md(12, 31), md(1, 1), md(1, 2)], { day: dayFromYMD(2026, 1, 3)!, edge: 'end' });
		expect(iso(days)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
	});

	it('puts a December run exported in January into the previous year', () => {
		const days = assignYears([md(12, 1), md(12, 2)], { day: dayFromYMD(2026, 1, 10)!, edge: 'end' });
		expect(iso(days)).toEqual(['2025-12-01', '2025-12-02']);
	});

	it('places a run from its start day', () => {
		const days = assignYears([md(12, 31), md(1, 1)], { day: dayFromYMD(2025, 12, 31)!, edge: 'start' });
		expect(iso(days)).toEqual(['2025-12-31', '2026-01-01']);
	});

	it('handles newest-first runs and keeps gaps as null', () => {
		const days = assignYears([md(1, 2), null, md(12, 31)], { day: dayFromYMD(2026, 1, 5)!, edge: 'end' });
		expect(iso(days)).toEqual(['2026-01-02', null, '2025-12-31']);
	});

	it('does not invent a new year for a small step back (unsorted rows)', () => {
		const days = assignYears([md(6, 1), md(6, 3), md(6, 2), md(6, 4)], { day: dayFromYMD(2025, 6, 10)!, edge: 'end' });
		expect(iso(days)).toEqual(['2025-06-01', '2025-06-03', '2025-06-02', '2025-06-04']);
	});
});
