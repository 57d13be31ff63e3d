import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readWorkbook, type WorkbookResult } from './spreadsheet';
import { verifyZip } from './archive';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/bad/${name}`, import.meta.url)));

type Cell = XLSX.CellObject;
const cell = (v: unknown, t: Cell['t'], z?: string): Cell => ({ v, t, ...(z ? { z } : {}) }) as Cell;

function workbook(sheets: Record<string, (Cell | string | number | null)[][]>, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
	const book = XLSX.utils.book_new();
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet: XLSX.WorkSheet = {};
		let maxColumn = 0;
		rows.forEach((row, r) =>
			row.forEach((value, c) => {
				if (value === null) return;
				maxColumn = Math.max(maxColumn, c);
				sheet[XLSX.utils.encode_cell({ r, c })] =
					typeof value === 'string' ? cell(value, 's') : typeof value === 'number' ? cell(value, 'n') : value;
			})
		);
		sheet['!ref'] = rows.length ? XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: maxColumn } }) : undefined;
		XLSX.utils.book_append_sheet(book, sheet, name);
	}
	return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

function tables(result: WorkbookResult) {
	if (!result.ok) throw new Error(result.message);
	return result.tables;
}

// Excel serials: 45306 = 2024-01-15; .5 = noon; 0.00282407… = 0:04:04
const SERIAL_2024_01_15 = 45306;
const FOUR_MIN_FOUR = 244 / 86400;

describe('readWorkbook: cell values', () => {
	for (const bookType of ['xlsx', 'biff8'] as const) {
		it(`turns ${bookType} cells into consistent strings`, async () => {
			const bytes = workbook(
				{
					Metrics: [
						['Date', 'Impressions (total)', 'Engagement rate (total)', 'Average view duration', 'Posted', 'Promoted', 'Error'],
						[cell(SERIAL_2024_01_15, 'n', 'm/d/yy'), 1234, cell(0.066, 'n', '0.00%'), cell(FOUR_MIN_FOUR, 'n', 'h:mm:ss'), cell(SERIAL_2024_01_15 + 0.5, 'n', 'm/d/yyyy h:mm'), cell(true, 'b'), cell(0x2a, 'e')],
						[],
						['08/22/2026', 5, '10.5%', cell(1.5, 'n', '[h]:mm:ss'), null, cell(false, 'b'), null]
					]
				},
				bookType
			);
			const [table] = tables(await readWorkbook(bytes, { fileName: 'page_content.xls', format: 'xls' }));
			expect(table.rows).toEqual([
				['Date', 'Impressions (total)', 'Engagement rate (total)', 'Average view duration', 'Posted', 'Promoted', 'Error'],
				['2024-01-15', '1234', '0.066', '0:04:04', '2024-01-15T12:00:00', 'TRUE'],
				['08/22/2026', '5', '10.5%', '36:00:00', '', 'FALSE']
			]);
			// blank row 3 is dropped; line numbers are the sheet's row numbers
			expect(table.lineOf).toEqual([1, 2, 4]);
			expect(table.fileName).toBe('page_content.xls › Metrics');
			expect(table.containerName).toBe('page_content.xls');
			expect(table.sheetName).toBe('Metrics');
			expect(table.encoding).toBe('xls');
		});
	}

	it('gives one table per sheet and lists empty sheets as skipped', async () => {
		const bytes = workbook({
			'New followers': [['Date', 'Total followers'], ['08/22/2026', 3]],
			Location: [],
			'Job function': [['Job function', 'Total followers'], ['Engineering', 40]]
		});
		const result = await readWorkbook(bytes, { fileName: 'x.zip/acme_followers_1766385928211.xls' });
		expect(tables(result).map((table) => table.fileName)).toEqual([
			'x.zip/acme_followers_1766385928211.xls › New followers',
			'x.zip/acme_followers_1766385928211.xls › Job function'
		]);
		expect(result.ok && result.skipped).toMatchObject([{ entry: 'x.zip/acme_followers_1766385928211.xls › Location', reason: 'is empty.' }]);
	});

	it('reads an HTML table named .xls with its text kept as written', async () => {
		const html = '<html><body><table><tr><td>Date</td><td>Views</td></tr><tr><td>2024-01-01</td><td>1,234</td></tr></table></body></html>';
		const [table] = tables(await readWorkbook(new TextEncoder().encode(html), { fileName: 'export.xls' }));
		expect(table.rows).toEqual([
			['Date', 'Views'],
			['2024-01-01', '1,234']
		]);
	});
});

describe('readWorkbook: bounds and failures', () => {
	it('reads at most maxSheets sheets and says so for the rest', async () => {
		const bytes = workbook({ A: [['a', 'b']], B: [['a', 'b']], C: [['a', 'b']] });
		const result = await readWorkbook(bytes, { fileName: 'three.xlsx', maxSheets: 2 });
		expect(tables(result).map((table) => table.sheetName)).toEqual(['A', 'B']);
		expect(result.ok && result.skipped).toMatchObject([{ entry: 'three.xlsx › C', reason: 'was not read: Chorus reads the first 2 sheets of a workbook.' }]);
	});

	it('skips a sheet with more rows than the limit instead of reading part of it', async () => {
		const rows = [['Date', 'Views'], ...Array.from({ length: 9 }, (_, i) => [`2024-01-0${i + 1}`, i])];
		const result = await readWorkbook(workbook({ Daily: rows, Small: [['Date', 'Views'], ['2024-01-01', 1]] }), { fileName: 'big.xlsx', maxRows: 5 });
		expect(tables(result).map((table) => table.sheetName)).toEqual(['Small']);
		expect(result.ok && result.skipped).toMatchObject([
			{ entry: 'big.xlsx › Daily', reason: 'has 10 rows, more than the 5 Chorus reads per sheet. Split it into smaller exports (a shorter date range).' }
		]);
	});

	it('reports a workbook with no sheets (fixture)', async () => {
		expect(await readWorkbook(fixture('no-sheets.xlsx'), { fileName: 'no-sheets.xlsx' })).toMatchObject({
			ok: false,
			message: 'no-sheets.xlsx is a workbook with no sheets, so there is nothing to import. Export the data again.'
		});
	});

	it('reports a workbook whose sheets are all empty', async () => {
		expect(await readWorkbook(workbook({ Sheet1: [] }), { fileName: 'blank.xlsx' })).toMatchObject({
			ok: false,
			message: 'blank.xlsx has no data: every sheet is empty. Export the data again.'
		});
	});

	it('reports an encrypted workbook (fixture) as password-protected', async () => {
		const result = await readWorkbook(fixture('encrypted.xlsx'), { fileName: 'encrypted.xlsx' });
		expect(result).toMatchObject({
			ok: false,
			message:
				'encrypted.xlsx is password-protected (encrypted), so Chorus cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and import it again.'
		});
	});

	it('reports a truncated workbook as damaged', async () => {
		const bytes = workbook({ Metrics: [['Date', 'Views'], ['2024-01-01', 1]] }, 'biff8');
		const result = await readWorkbook(bytes.subarray(0, 1000), { fileName: 'cut.xls' });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toMatch(/^cut\.xls could not be read as a spreadsheet: it is damaged or incomplete \(.+\)\. Download it again\.$/);
	});

	it('reports an Office file that is not a workbook', async () => {
		const cfb = XLSX.CFB.utils.cfb_new();
		XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', new Uint8Array(64));
		const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
		const result = await readWorkbook(bytes, { fileName: 'letter.xls' });
		expect(!result.ok && result.message).toMatch(/^letter\.xls is an Office file but not an Excel workbook \(.+\)\. Export the data again as CSV or Excel\.$/);
	});
});

describe('readWorkbook on the stored copy verifyZip hands back', () => {
	for (const bookType of ['xlsx', 'ods'] as const) {
		it(`reads a compressed ${bookType} the same from its verified, stored entries`, async () => {
			const book = XLSX.utils.book_new();
			const rows = [['Date', 'Views', 'Title'], ...Array.from({ length: 300 }, (_, i) => [cell(SERIAL_2024_01_15 + i, 'n', 'm/d/yy'), i * 7, `post ${i} «${'x'.repeat(i % 13)}»`])];
			XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Daily');
			XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Total', 12]]), 'Summary');
			const original = new Uint8Array(XLSX.write(book, { type: 'array', bookType, compression: true }) as ArrayBuffer);
			const verified = verifyZip(original, `book.${bookType}`);
			if (!verified.ok || !verified.unpacked) throw new Error('expected a stored copy');
			// nothing in it is compressed any more: SheetJS only copies
			expect(verified.unpacked.length).toBeGreaterThan(original.length);
			const options = { fileName: `book.${bookType}`, format: bookType };
			expect(await readWorkbook(verified.unpacked, options)).toEqual(await readWorkbook(original, options));
			expect(tables(await readWorkbook(verified.unpacked, options)).map((table) => table.rows.length)).toEqual([301, 1]);
		});
	}
});
