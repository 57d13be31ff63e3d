import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { detectBom, guessUtf16WithoutBom, sniffBytes } from './sniff';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const utf16le = (value: string) => {
	const out = new Uint8Array(value.length * 2);
	for (let i = 0; i < value.length; i++) {
		out[i * 2] = value.charCodeAt(i) & 0xff;
		out[i * 2 + 1] = value.charCodeAt(i) >> 8;
	}
	return out;
};
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
};

describe('sniffBytes: containers and spreadsheets', () => {
	it('recognises a zip by PK\\x03\\x04', () => {
		expect(sniffBytes(zipSync({ 'Totals.csv': strToU8('Date,Views\n') }), 'export.zip')).toEqual({ kind: 'zip' });
	});

	it('recognises an empty zip (end record only, PK\\x05\\x06)', () => {
		const empty = new Uint8Array(22);
		empty.set([0x50, 0x4b, 0x05, 0x06]);
		expect(sniffBytes(empty, 'empty.zip')).toEqual({ kind: 'zip' });
	});

	it('recognises an xlsx as a zip with an xl/ folder', () => {
		const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
		expect(sniffBytes(xlsx, 'renamed.zip')).toEqual({ kind: 'spreadsheet', format: 'xlsx' });
	});

	it('recognises an ODS spreadsheet by its mimetype entry', () => {
		const ods = zipSync({
			mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
			'content.xml': strToU8('<office:document-content/>')
		});
		expect(sniffBytes(ods, 'book.ods')).toEqual({ kind: 'spreadsheet', format: 'ods' });
	});

	it('rejects a Word document with a message naming the file', () => {
		const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
		expect(sniffBytes(docx, 'report.xlsx')).toMatchObject({
			kind: 'rejected',
			message:
				'report.xlsx looks like a Word document saved with a .xlsx name, not an analytics export. Export the data again from the platform’s analytics page (choose CSV or Excel) and import the file it downloads.'
		});
	});

	it('recognises the OLE compound file header of .xls', () => {
		expect(sniffBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'page_content.xls')).toEqual({
			kind: 'spreadsheet',
			format: 'xls'
		});
	});

	it('reads an HTML table named .xls as a spreadsheet (web "Export to Excel")', () => {
		expect(sniffBytes(text('<html><body><table><tr><td>Date</td></tr></table></body></html>'), 'export.xls')).toEqual({
			kind: 'spreadsheet',
			format: 'html'
		});
	});

	it('reads Excel 2003 XML (SpreadsheetML) as a spreadsheet', () => {
		const xml = '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
		expect(sniffBytes(text(xml), 'old.xls')).toEqual({ kind: 'spreadsheet', format: 'xml' });
	});
});

describe('sniffBytes: text and byte-order marks', () => {
	it.each([
		['UTF-8 BOM', concat(bytes(0xef, 0xbb, 0xbf), text('"Date","Video Views"\n')), { kind: 'text', encoding: 'utf-8', bomLength: 3 }],
		['UTF-16LE BOM', concat(bytes(0xff, 0xfe), utf16le('sep=,\n')), { kind: 'text', encoding: 'utf-16le', bomLength: 2 }],
		['UTF-16BE BOM', bytes(0xfe, 0xff, 0, 0x44, 0, 0x61), { kind: 'text', encoding: 'utf-16be', bomLength: 2 }],
		['UTF-16LE without BOM', utf16le('Date,Views\n2024-01-01,5\n'), { kind: 'text', encoding: 'utf-16le', bomLength: 0 }],
		['plain ASCII CSV', text('Date,Views\n2024-01-01,5\n'), { kind: 'text', encoding: null, bomLength: 0 }],
		['UTF-8 without BOM', text('时间,新关注人数\n'), { kind: 'text', encoding: null, bomLength: 0 }]
	])('%s', (_label, input, expected) => {
		expect(sniffBytes(input, 'file.csv')).toEqual(expected);
	});

	it('detectBom returns the encoding and BOM length', () => {
		expect(detectBom(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ encoding: 'utf-8', length: 3 });
		expect(detectBom(bytes(0xff, 0xfe, 0x41, 0))).toEqual({ encoding: 'utf-16le', length: 2 });
		expect(detectBom(bytes(0xfe, 0xff, 0, 0x41))).toEqual({ encoding: 'utf-16be', length: 2 });
		expect(detectBom(text('Date'))).toBeNull();
	});

	it('guessUtf16WithoutBom tells LE from BE and ignores ordinary text', () => {
		const le = utf16le('Date,Views');
		const be = le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]);
		expect(guessUtf16WithoutBom(le)).toBe('utf-16le');
		expect(guessUtf16WithoutBom(be)).toBe('utf-16be');
		expect(guessUtf16WithoutBom(text('Date,Views'))).toBeNull();
	});
});

describe('sniffBytes: content that is not an export', () => {
	const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
	const REEXPORT =
		'Export the data again from the platform’s analytics page (choose CSV or Excel) and import the file it downloads.';

	it.each([
		['a PNG image', PNG],
		['a JPEG image', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
		['a GIF image', text('GIF89a\x01\x00')],
		['a PDF document', text('%PDF-1.7\n%âãÏÓ\n')]
	])('%s saved with a .csv name', (label, input) => {
		expect(sniffBytes(input, 'Table data.csv')).toMatchObject({
			kind: 'rejected',
			message: `Table data.csv looks like ${label} saved with a .csv name, not an analytics export. ${REEXPORT}`
		});
	});

	it('says plainly what a file is when its name does not claim to be data', () => {
		expect(sniffBytes(PNG, 'screenshot.png')).toMatchObject({
			kind: 'rejected',
			message: `screenshot.png is a PNG image, not an analytics export. ${REEXPORT}`
		});
	});

	it('rejects NUL bytes and says where the first one is', () => {
		const input = concat(text('Date,Views\n'), bytes(0x00, 0x01, 0x02));
		const result = sniffBytes(input, 'binary.csv');
		expect(result).toMatchObject({
			kind: 'rejected',
			message: `binary.csv looks like a binary file saved with a .csv name, not an analytics export. It contains NUL bytes (the first at byte 12), which never occur in a CSV export. ${REEXPORT}`
		});
	});

	it('rejects text full of control characters', () => {
		const input = new Uint8Array(200).map((_, i) => (i % 4 === 0 ? 0x01 : 0x41));
		const result = sniffBytes(input, 'weird.csv');
		expect(result.kind === 'rejected' && result.message).toMatch(/^weird\.csv looks like a binary file saved with a \.csv name, not an analytics export\. Many of its bytes are control characters, not text\./);
	});

	it.each(['<!DOCTYPE html>\n<html>', '  <html lang="en">', '\ufeff<!doctype HTML><head>'])('rejects an HTML page: %j', (page) => {
		const result = sniffBytes(text(page), 'Overview.csv');
		expect(result).toMatchObject({
			kind: 'rejected',
			message:
				'Overview.csv looks like a web page (HTML) saved with a .csv name, not an analytics export. The download probably failed, or the analytics page itself was saved. Use the platform’s Export button and import the file it downloads.'
		});
	});

	it('rejects JSON with a hint about data downloads', () => {
		const result = sniffBytes(text('{"likes_media_likes": []}'), 'likes.json');
		expect(result.kind === 'rejected' && result.message).toMatch(/^likes\.json is a JSON file, not an analytics export\. .*export the analytics as CSV or Excel/);
	});

	it('tells the user to unpack gzip, RAR and 7-Zip archives', () => {
		for (const [input, label] of [
			[bytes(0x1f, 0x8b, 8, 0), 'a gzip-compressed file'],
			[text('Rar!\x1a\x07'), 'a RAR archive'],
			[bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c), 'a 7-Zip archive']
		] as const) {
			expect(sniffBytes(input, 'export.zip')).toMatchObject({
				kind: 'rejected',
				message: `export.zip looks like ${label} saved with a .zip name, not an analytics export. Chorus opens .zip files only: unpack it first and import the files inside.`
			});
		}
	});
});
