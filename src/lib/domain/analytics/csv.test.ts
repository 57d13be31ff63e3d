import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, neutraliseFormula, tableToCsv, toCsv } from './csv';

describe('neutraliseFormula', () => {
	it.each([
		['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
		['+1+cmd|/C calc!A0', `'+1+cmd|/C calc!A0`],
		['-2+3', `'-2+3`],
		['@SUM(A1)', `'@SUM(A1)`],
		['\tindented', `'\tindented`],
		['\rcarriage', `'\rcarriage`],
		['＝1+1', `'＝1+1`],
		['-', `'-`],
		['-12', '-12'],
		['-0.5', '-0.5'],
		['+3', '+3'],
		['1e5', '1e5'],
		['-.5', '-.5'],
		['+1 555 0100', `'+1 555 0100`],
		['Plain text = fine', 'Plain text = fine'],
		['', '']
	])('%j → %j', (input, expected) => {
		expect(neutraliseFormula(input)).toBe(expected);
	});
});

describe('toCsv', () => {
	it('quotes per RFC 4180, ends records with CRLF and starts with a BOM', () => {
		const csv = toCsv([
			['Post', 'Likes'],
			['Say "hi", world', 3],
			['two\nlines', null]
		]);
		expect(csv).toBe('\uFEFFPost,Likes\r\n"Say ""hi"", world",3\r\n"two\nlines",\r\n');
	});

	it('writes missing values as empty cells, never 0', () => {
		expect(toCsv([[null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 0, false]], { bom: false })).toBe(',,,,0,false\r\n');
	});

	it('quotes for the delimiter in use', () => {
		expect(toCsv([['1,5', 'a;b']], { delimiter: ';', bom: false })).toBe('1,5;"a;b"\r\n');
	});

	it('neutralises formulas inside quoted cells too and round-trips through a CSV parser', () => {
		const csv = toCsv([['=1+1, "x"', -12, 'ok']], { bom: false });
		expect(csv).toBe(`"'=1+1, ""x""",-12,ok\r\n`);
		expect(Papa.parse<string[]>(csv.trim()).data).toEqual([[`'=1+1, "x"`, '-12', 'ok']]);
	});

	it('builds a table from column definitions', () => {
		const rows = [{ week: '2024-W01', value: 24 }, { week: '2024-W02', value: null }];
		const csv = tableToCsv(
			[
				{ header: 'Week', value: (row: (typeof rows)[number]) => row.week },
				{ header: 'Impressions (sum)', value: (row: (typeof rows)[number]) => row.value }
			],
			rows,
			{ bom: false }
		);
		expect(csv).toBe('Week,Impressions (sum)\r\n2024-W01,24\r\n2024-W02,\r\n');
	});
});

describe('csvFileName', () => {
	it('makes a safe file name', () => {
		expect(csvFileName('chorus', 'Impressions / views', '2024-03-18')).toBe('chorus-Impressions-views-2024-03-18.csv');
		expect(csvFileName('')).toBe('export.csv');
	});
});
