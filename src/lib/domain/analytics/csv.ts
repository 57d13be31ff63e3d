/**
 * CSV for every "export CSV" button: RFC 4180 (fields with the delimiter, a quote, CR or LF are
 * quoted, quotes doubled, CRLF between records) plus formula-injection neutralisation.
 *
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as
 * a formula, and post texts are written by strangers (OWASP "CSV Injection"). Such text cells get a
 * leading single quote (`'`), which Excel, LibreOffice and Google Sheets show as text. The exception
 * is a plain number such as `-12`, `+3` or `-0.5`: it is data, a spreadsheet reads it as the number it
 * is, and quoting it would turn every negative change in an export into text. Full-width `＝＋－＠`
 * are treated like their ASCII forms because some spreadsheet locales accept them as formula starts.
 *
 * A UTF-8 byte-order mark is written by default: without it Excel opens UTF-8 as the system code
 * page and garbles every non-ASCII character (Chinese post texts, accented names).
 */

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
	/** ',' (default), ';' for spreadsheet locales that use a decimal comma, or a tab. */
	delimiter?: ',' | ';' | '\t';
	/** Start with a UTF-8 byte-order mark (default true). */
	bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A text cell made safe to open in a spreadsheet (see the module comment for the rule). */
export function neutraliseFormula(text: string): string {
	if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
	return `'${text}`;
}

function cellText(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	if (typeof cell === 'boolean') return cell ? 'true' : 'false';
	return neutraliseFormula(cell);
}

function quote(text: string, delimiter: string): string {
	if (text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')) {
		return `"${text.replaceAll('"', '""')}"`;
	}
	return text;
}

/** Rows → CSV text. Missing values (null, undefined, NaN) are empty cells, never 0. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
	const delimiter = options.delimiter ?? ',';
	const body = rows.map((row) => row.map((cell) => quote(cellText(cell), delimiter)).join(delimiter)).join('\r\n');
	return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

export interface CsvColumn<T> {
	header: string;
	value: (row: T) => CsvCell;
}

/** A header row plus one row per item, by column definitions. */
export function tableToCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], options: CsvOptions = {}): string {
	return toCsv([columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => column.value(row)))], options);
}

/** A file name safe on every OS: `chorus-impressions-2024-03-18.csv`. */
export function csvFileName(...parts: string[]): string {
	const stem = parts
		.map((part) =>
			Array.from(part.normalize('NFKC'), (char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '-' : char))
				.join('')
				.trim()
		)
		.filter(Boolean)
		.join('-')
		.replace(/\s+/g, '-')
		.replace(/-+/g, '-');
	return `${stem || 'export'}.csv`;
}
