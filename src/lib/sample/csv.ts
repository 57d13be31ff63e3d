/**
 * CSV writing with the platforms' own quoting habits:
 * - `all`: every field quoted (X legacy, TikTok, Meta per-metric files);
 * - `minimal`: quoted only when a comma, quote or line break forces it (YouTube, legacy Facebook
 *   page-level, X Premium);
 * - `spaced`: Meta Business Suite also quotes any field containing a space (`"Post ID"`, `Title`).
 */
export type QuoteRule = 'all' | 'minimal' | 'spaced';

export interface CsvOptions {
	quote: QuoteRule;
	/** Extra per-cell override: Instagram's export quotes the word `"Lifetime"` though it has no space. */
	forceQuote?: (cell: string, column: number) => boolean;
	eol: '\n' | '\r\n';
	trailingNewline: boolean;
}

const MINIMAL_TRIGGER = /[",\r\n]/;
const SPACED_TRIGGER = /[", \r\n]/;

/** `"cell"` with inner quotes doubled. */
export function quoted(cell: string): string {
	return cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : `"${cell}"`;
}

/** Quoted only when a comma, quote or line break forces it. */
export function quotedIfNeeded(cell: string): string {
	return MINIMAL_TRIGGER.test(cell) ? quoted(cell) : cell;
}

/** Meta's habit: also quote anything with a space. */
export function quotedIfSpaced(cell: string): string {
	return SPACED_TRIGGER.test(cell) ? quoted(cell) : cell;
}

const QUOTERS: Record<QuoteRule, (cell: string) => string> = { all: quoted, minimal: quotedIfNeeded, spaced: quotedIfSpaced };

export function csvRow(cells: readonly string[], options: CsvOptions): string {
	const quote = QUOTERS[options.quote];
	const force = options.forceQuote;
	let line = '';
	for (let i = 0; i < cells.length; i++) {
		const cell = cells[i];
		if (i > 0) line += ',';
		line += force?.(cell, i) ? quoted(cell) : quote(cell);
	}
	return line;
}

export function csvText(rows: readonly (readonly string[])[], options: CsvOptions): string {
	return csvLines(rows.map((row) => csvRow(row, options)), options);
}

/** Joins ready-made lines with the file's line ending. */
export function csvLines(lines: readonly string[], options: Pick<CsvOptions, 'eol' | 'trailingNewline'>): string {
	return lines.join(options.eol) + (options.trailingNewline ? options.eol : '');
}

/** Rounded to `places` decimals, trailing zeros dropped (`80048.665`, `5.02`, `100`), as YouTube writes. */
export function decimal(value: number, places: number): string {
	const factor = 10 ** places;
	return String(Math.round(value * factor) / factor);
}

/** A ratio as the platform's JSON-ish serializer prints it (`0.0028137310073157004`, `0.0`). */
export function fraction(numerator: number, denominator: number): string {
	if (denominator <= 0 || numerator === 0) return '0.0';
	const text = String(numerator / denominator);
	return text.includes('.') || text.includes('e') ? text : `${text}.0`;
}
