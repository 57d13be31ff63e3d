import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { unzipSync, strFromU8 } from 'fflate';
import { writeXlsx } from './xlsx';

const MOMENT = { day: 20_000, second: 12 * 3600 };

describe('writeXlsx', () => {
	const bytes = writeXlsx(
		[
			{
				name: 'Metrics',
				rows: [
					['Aggregated metrics for all posts by date'],
					['Date', 'Impressions (organic)', 'Engagement rate (organic)'],
					['08/22/2026', 716, 0.066],
					['08/23/2026', null, 0.05]
				]
			},
			{ name: 'All posts', rows: [['Post title'], ['Fish & "chips" <b>', 3], [' padded ', null, 'line\nbreak']] }
		],
		MOMENT
	);

	it('writes a zip-based workbook', () => {
		expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		expect(Object.keys(unzipSync(bytes))).toContain('xl/sharedStrings.xml');
	});

	it('reads back with SheetJS, the reader the importers use: sheets, gaps, numbers and text', () => {
		const book = XLSX.read(bytes, { type: 'array' });
		expect(book.SheetNames).toEqual(['Metrics', 'All posts']);
		const metrics = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Metrics, { header: 1, blankrows: true, defval: null });
		expect(metrics).toEqual([
			['Aggregated metrics for all posts by date', null, null],
			['Date', 'Impressions (organic)', 'Engagement rate (organic)'],
			['08/22/2026', 716, 0.066],
			['08/23/2026', null, 0.05]
		]);
		const posts = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['All posts'], { header: 1, defval: null });
		expect(posts).toEqual([
			['Post title', null, null],
			['Fish & "chips" <b>', 3, null],
			[' padded ', null, 'line\nbreak']
		]);
	});

	it('writes balanced sheet XML, one <row> per row', () => {
		const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
		expect(sheet.match(/<row /g)).toHaveLength(4);
		expect(sheet.match(/<\/row>/g)).toHaveLength(4);
		expect(sheet).toContain('<dimension ref="A1:C4"/>');
		expect(sheet.endsWith('</sheetData></worksheet>')).toBe(true);
	});

	it('shares repeated strings and escapes XML', () => {
		const shared = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']);
		expect(shared).toContain('Fish &amp; &quot;chips&quot; &lt;b&gt;');
		expect(shared).toContain('<t xml:space="preserve"> padded </t>');
	});

	it('is byte-identical for the same input and moment', () => {
		const again = writeXlsx([{ name: 'Metrics', rows: [['a', 1]] }], MOMENT);
		expect(writeXlsx([{ name: 'Metrics', rows: [['a', 1]] }], MOMENT)).toEqual(again);
	});

	it('rejects sheet names Excel would refuse', () => {
		expect(() => writeXlsx([{ name: 'a/b', rows: [] }], MOMENT)).toThrow(RangeError);
		expect(() => writeXlsx([{ name: 'x'.repeat(32), rows: [] }], MOMENT)).toThrow(RangeError);
	});
});
