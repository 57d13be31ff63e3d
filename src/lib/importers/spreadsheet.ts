/**
 * XLS / XLSX / ODS (and the HTML-table or SpreadsheetML files some tools name `.xls`) → one Table
 * per sheet, via SheetJS (`@e965/xlsx`), loaded on first use because it is the largest dependency.
 *
 * Cells become strings the same way for every workbook, so importers see one shape whether a
 * LinkedIn export arrives as .xls or was converted to CSV:
 * - date-formatted numbers → ISO `YYYY-MM-DD` (or `YYYY-MM-DDTHH:mm:ss` when there is a time),
 *   computed from the serial number with SheetJS's calendar code, not from the cell's display
 *   text: display formats vary by locale and often carry two-digit years (`1/15/24`);
 * - time-only and elapsed-time formats (`h:mm:ss`, `[h]:mm:ss`) → `H:MM:SS`, as YouTube writes
 *   durations;
 * - other numbers → their raw value (`0.105`, not the `10.5%` a percent format would show), so
 *   no locale grouping or rounding from the display format reaches the parsers; a whole number
 *   past 2^53 (a 19-digit id stored as a number) in scientific notation, since its digits are lost;
 * - text as written; booleans `TRUE`/`FALSE`; error cells (`#N/A`) empty.
 * Table.lineOf holds the sheet's row numbers (1-based), so issues point at the row Excel shows.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { SkippedEntry } from './archive';
import { MAX_ROWS_PER_TABLE, MAX_SHEETS } from './limits';
import type { Table } from './types';
import { fileMessage, shownCount, type CodedText } from './messages';

type SheetJS = typeof import('@e965/xlsx');

let sheetJs: Promise<SheetJS> | null = null;

function loadSheetJs(): Promise<SheetJS> {
	sheetJs ??= import('@e965/xlsx');
	return sheetJs;
}

export type WorkbookResult = { ok: true; tables: Table[]; skipped: SkippedEntry[] } | ({ ok: false } & CodedText);

export interface WorkbookOptions {
	/** The workbook's display path (`book.xlsx`, `export.zip/Viewers.xlsx`); sheets are named `<path> › <sheet>`. */
	fileName: string;
	/** Recorded as the tables' encoding (`xlsx`, `xls`, …) so the preview can say what was read. */
	format?: string;
	maxSheets?: number;
	maxRows?: number;
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

function isElapsedFormat(format: string): boolean {
	return /\[[hms]+\]/i.test(format);
}

function clockText(totalSeconds: number): string {
	const seconds = Math.round(totalSeconds);
	return `${Math.floor(seconds / 3600)}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

function cellText(XLSX: SheetJS, cell: CellObject | undefined, date1904: boolean): string {
	if (!cell) return '';
	switch (cell.t) {
		case 's':
			return String(cell.v ?? '');
		case 'b':
			return cell.v ? 'TRUE' : 'FALSE';
		case 'e':
		case 'z':
			return '';
		case 'd': {
			const date = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
			if (Number.isNaN(date.getTime())) return '';
			const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
			const time = date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds();
			return time === 0 ? day : `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
		}
		case 'n': {
			const value = Number(cell.v);
			const format = typeof cell.z === 'string' ? cell.z : '';
			if (format && format !== 'General' && XLSX.SSF.is_date(format)) {
				if (isElapsedFormat(format) || (value >= 0 && value < 1)) return clockText(value * 86400);
				const parts = XLSX.SSF.parse_date_code(value, { date1904 });
				if (!parts) return String(value);
				const day = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
				return parts.H || parts.M || parts.S ? `${day}T${pad(parts.H)}:${pad(parts.M)}:${pad(parts.S)}` : day;
			}
			// Past 2^53 a double has lost digits: a 19-digit post id typed into Excel is already wrong.
			// Written as Excel shows it (1.46571223005443E+18), the importers recognise the damage
			// instead of storing an id that looks intact and names another post.
			if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return value.toExponential().toUpperCase();
			return String(value);
		}
		default:
			return cell.v === undefined || cell.v === null ? '' : String(cell.v);
	}
}

function rowCountOf(XLSX: SheetJS, ref: string | undefined): number {
	if (!ref) return 0;
	const range = XLSX.utils.decode_range(ref);
	return range.e.r - range.s.r + 1;
}

function sheetToTable(XLSX: SheetJS, sheet: WorkSheet, name: string, options: WorkbookOptions, date1904: boolean): Table {
	const data = (sheet['!data'] ?? []) as (CellObject[] | undefined)[];
	const firstColumn = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']).s.c : 0;
	const rows: string[][] = [];
	const lineOf: number[] = [];
	for (let r = 0; r < data.length; r++) {
		const cells = data[r];
		if (!cells) continue;
		const row: string[] = [];
		let lastFilled = -1;
		for (let c = firstColumn; c < cells.length; c++) {
			const text = cellText(XLSX, cells[c], date1904);
			row.push(text);
			if (text.trim() !== '') lastFilled = row.length - 1;
		}
		// blank rows are dropped as in CSV; trailing empty cells are formatting, not columns
		if (lastFilled < 0) continue;
		row.length = lastFilled + 1;
		rows.push(row);
		lineOf.push(r + 1);
	}
	return {
		fileName: `${options.fileName} › ${name}`,
		containerName: options.fileName,
		sheetName: name,
		rows,
		lineOf,
		encoding: options.format ?? 'spreadsheet'
	};
}

/** A sheet's reason for being skipped, from its `entry.*` message. */
function skippedBecause(coded: CodedText): Omit<SkippedEntry, 'entry'> {
	return { reason: coded.message, code: coded.code, params: coded.params };
}

function readFailure(fileName: string, error: unknown): CodedText {
	const detail = error instanceof Error ? error.message : String(error);
	if (/password|encrypt/i.test(detail)) return fileMessage('file.workbookPassword', { name: fileName });
	if (/workbook stream|Workbook|CFB/i.test(detail) && !/zip/i.test(detail)) return fileMessage('file.notWorkbook', { name: fileName, detail });
	return fileMessage('file.workbookDamaged', { name: fileName, detail });
}

/** Reads every sheet of a workbook into Tables. Never throws. */
export async function readWorkbook(bytes: Uint8Array, options: WorkbookOptions): Promise<WorkbookResult> {
	const maxSheets = options.maxSheets ?? MAX_SHEETS;
	const maxRows = options.maxRows ?? MAX_ROWS_PER_TABLE;
	let XLSX: SheetJS;
	try {
		XLSX = await loadSheetJs();
	} catch (error) {
		return { ok: false, ...fileMessage('file.readerNotLoaded', { name: options.fileName, detail: String(error) }) };
	}

	let workbook: WorkBook;
	try {
		workbook = XLSX.read(bytes, {
			type: 'array',
			dense: true,
			cellNF: true,
			cellDates: false,
			cellText: false,
			cellFormula: false,
			cellHTML: false,
			cellStyles: false,
			// HTML and text "spreadsheets": keep cell text as written instead of guessing dates
			raw: true,
			sheetRows: maxRows + 1
		});
	} catch (error) {
		return { ok: false, ...readFailure(options.fileName, error) };
	}

	const names = workbook.SheetNames ?? [];
	if (names.length === 0)
		return { ok: false, ...fileMessage('file.noSheets', { name: options.fileName }) };

	const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
	const tables: Table[] = [];
	const skipped: SkippedEntry[] = [];
	names.forEach((name, index) => {
		const entry = `${options.fileName} › ${name}`;
		if (index >= maxSheets) {
			skipped.push({ entry, ...skippedBecause(fileMessage('entry.tooManySheets', { limit: maxSheets })) });
			return;
		}
		const sheet = workbook.Sheets[name];
		if (!sheet || !sheet['!ref']) {
			skipped.push({ entry, ...skippedBecause(fileMessage('entry.sheetEmpty')) });
			return;
		}
		const fullRows = rowCountOf(XLSX, (sheet['!fullref'] as string | undefined) ?? sheet['!ref']);
		if (fullRows > maxRows) {
			skipped.push({
				entry,
				...skippedBecause(fileMessage('entry.sheetTooLong', { rows: shownCount(fullRows), limit: shownCount(maxRows) }))
			});
			return;
		}
		const table = sheetToTable(XLSX, sheet, name, options, date1904);
		if (table.rows.length === 0) skipped.push({ entry, ...skippedBecause(fileMessage('entry.sheetEmpty')) });
		else tables.push(table);
	});
	if (tables.length === 0 && skipped.every((item) => item.code === 'entry.sheetEmpty'))
		return { ok: false, ...fileMessage('file.sheetsEmpty', { name: options.fileName }) };
	return { ok: true, tables, skipped };
}
