/**
 * A minimal, fast SpreadsheetML (.xlsx) writer: workbook, shared strings, one XML part per sheet.
 *
 * Why not SheetJS's writer: it takes ~50 ms per LinkedIn-sized workbook, and the large benchmark
 * workspace needs a couple of hundred of them (40 accounts × 10 years), which alone would blow the
 * "a few seconds" budget. Reading is unaffected: importers read these files with @e965/xlsx like
 * any other workbook (xlsx.test.ts reads them back that way).
 */
import { Utf8Writer, utf8 } from './bytes';
import { writeZip, type ExportMoment } from './zip';

export type XlsxCell = string | number | null;

export interface XlsxSheet {
	/** Excel limits sheet names to 31 characters without []:*?/\ */
	name: string;
	rows: readonly (readonly XlsxCell[])[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// XML 1.0 forbids most C0 control characters even when escaped
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
	return text
		.replace(INVALID_XML_CHARS, '')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;');
}

function columnName(index: number): string {
	let name = '';
	let n = index + 1;
	while (n > 0) {
		const remainder = (n - 1) % 26;
		name = String.fromCharCode(65 + remainder) + name;
		n = Math.floor((n - 1) / 26);
	}
	return name;
}

function validateSheetName(name: string): void {
	if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
		throw new RangeError(`Invalid sheet name for Excel: ${JSON.stringify(name)}`);
	}
}

export function writeXlsx(sheets: readonly XlsxSheet[], modified: ExportMoment): Uint8Array {
	const sharedIndex = new Map<string, number>();
	const sharedStrings: string[] = [];
	let stringCellCount = 0;
	const sheetParts: Uint8Array[] = [];
	const columnNames: string[] = [];

	for (const sheet of sheets) {
		validateSheetName(sheet.name);
		// the sheet XML is ASCII (numbers and shared-string indexes), written straight to bytes
		const body = new Utf8Writer({ capacity: 1024 + sheet.rows.length * 256 });
		let maxColumns = 1;
		for (let r = 0; r < sheet.rows.length; r++) {
			const row = sheet.rows[r];
			let last = row.length - 1;
			while (last >= 0 && (row[last] === null || row[last] === '')) last--;
			// cells without `r` follow each other (the attribute is optional in SpreadsheetML and
			// leaving it out makes the XML a third smaller); an empty <c/> holds a gap
			let xml = `<row r="${r + 1}">`;
			for (let c = 0; c <= last; c++) {
				const value = row[c];
				if (value === null || value === '') {
					xml += '<c/>';
				} else if (typeof value === 'number') {
					xml += `<c><v>${value}</v></c>`;
				} else {
					let index = sharedIndex.get(value);
					if (index === undefined) {
						index = sharedStrings.length;
						sharedIndex.set(value, index);
						sharedStrings.push(value);
					}
					stringCellCount++;
					xml += `<c t="s"><v>${index}</v></c>`;
				}
			}
			body.ascii(xml + '</row>');
			maxColumns = Math.max(maxColumns, last + 1);
		}
		while (columnNames.length < maxColumns) columnNames.push(columnName(columnNames.length));
		const dimension = `A1:${columnNames[maxColumns - 1]}${Math.max(1, sheet.rows.length)}`;
		const head = `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="${dimension}"/><sheetData>`;
		const rows = body.ascii('</sheetData></worksheet>').toBytes();
		const part = new Uint8Array(head.length + rows.length);
		part.set(utf8(head), 0);
		part.set(rows, head.length);
		sheetParts.push(part);
	}

	const shared = new Utf8Writer().ascii(`${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${stringCellCount}" uniqueCount="${sharedStrings.length}">`);
	for (const text of sharedStrings) {
		const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
		shared.ascii(`<si><t${preserve}>`).text(escapeXml(text)).ascii('</t></si>');
	}
	const sharedXml = shared.ascii('</sst>').toBytes();

	const sheetCount = sheets.length;
	const contentTypes =
		`${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		sheets
			.map(
				(_, i) =>
					`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
			)
			.join('') +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
		'</Types>';
	const packageRels = `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
	const workbook =
		`${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
		sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
		'</sheets></workbook>';
	const workbookRels =
		`${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
		sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
		`<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
		'</Relationships>';
	const styles =
		`${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
		'<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
		'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
		'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
		'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
		'<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
		'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
		'</styleSheet>';

	return writeZip(
		[
			{ path: '[Content_Types].xml', bytes: utf8(contentTypes) },
			{ path: '_rels/.rels', bytes: utf8(packageRels) },
			{ path: 'xl/workbook.xml', bytes: utf8(workbook) },
			{ path: 'xl/_rels/workbook.xml.rels', bytes: utf8(workbookRels) },
			{ path: 'xl/styles.xml', bytes: utf8(styles) },
			{ path: 'xl/sharedStrings.xml', bytes: sharedXml },
			...sheetParts.map((bytes, i) => ({ path: `xl/worksheets/sheet${i + 1}.xml`, bytes }))
		],
		modified
	);
}
