/**
 * Decoded text → a grid of string cells with the line each row starts on, via PapaParse.
 * Delimiter is sniffed (`,`, `;`, tab) because spreadsheet programs in comma-decimal locales
 * re-save CSVs with semicolons. A leading `sep=X` line (Excel's hint, written by Meta Business
 * Suite) fixes the delimiter and stays in the grid as a preamble row for detection to see.
 */
import Papa from 'papaparse';
import type { RowIssue } from '../domain/model';
import type { Table } from './types';
import { fileMessage } from './messages';

export interface TabulateResult {
	table: Table;
	issues: RowIssue[];
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	return starts;
}

/** 1-based line of a character offset, by binary search over line starts. */
function lineAt(starts: number[], offset: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];
const DELIMITER_CODES = CANDIDATE_DELIMITERS.map((delimiter) => delimiter.charCodeAt(0));
const QUOTE = 34;

/** How often each candidate delimiter occurs outside double quotes on one line, all in one pass. */
function countOutsideQuotes(line: string): number[] {
	const counts = DELIMITER_CODES.map(() => 0);
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code === QUOTE) quoted = !quoted;
		else if (!quoted) {
			const candidate = DELIMITER_CODES.indexOf(code);
			if (candidate >= 0) counts[candidate]++;
		}
	}
	return counts;
}

/**
 * PapaParse's own guess is thrown off by decimal commas inside `;`-separated rows, so score each
 * candidate over the first lines: the one that splits the most lines into the same number of
 * fields wins; ties go to the comma, the platforms' own choice.
 */
export function guessDelimiter(text: string): string {
	const lines = text.slice(0, 64 * 1024).split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 12);
	const perLine = lines.map(countOutsideQuotes);
	let best = ',';
	let bestScore = -1;
	CANDIDATE_DELIMITERS.forEach((delimiter, candidate) => {
		const counts = perLine.map((line) => line[candidate]).filter((n) => n > 0);
		if (counts.length === 0) return;
		const modal = counts.sort((a, b) => counts.filter((n) => n === b).length - counts.filter((n) => n === a).length)[0];
		const score = counts.filter((n) => n === modal).length * 1000 + modal;
		if (score > bestScore) {
			best = delimiter;
			bestScore = score;
		}
	});
	return best;
}

export type LineEnding = '\n' | '\r\n' | '\r';

/**
 * The line ending PapaParse would guess for this text (its `guessLineEndings`, which `Papa.parse`
 * runs on every text), found in one pass. Papa's own removes every quoted section with a regular
 * expression and splits the first megabyte on `\r` and on `\n`: arrays of every line, per file,
 * for the garbage collector. Same answer (a property test compares the two): text inside quotes is
 * ignored; `\n` when there is no `\r` or a `\n` comes before the first `\r`; otherwise `\r\n` when
 * at least half of the pieces between `\r`s start with `\n`, else `\r`.
 */
export function guessLineEnding(input: string): LineEnding {
	const end = Math.min(input.length, 1024 * 1024);
	let crs = 0;
	let crlfs = 0;
	let firstCr = -1;
	let firstLf = -1;
	// positions in the text with its quoted sections removed, as Papa measures them
	let kept = 0;
	let previousKept = -1;
	let startsWithLf = false;
	for (let i = 0; i < end; i++) {
		const code = input.charCodeAt(i);
		if (code === QUOTE) {
			const close = input.indexOf('"', i + 1);
			// an unmatched quote stays, as does everything after it
			if (close >= 0 && close < end) {
				i = close;
				continue;
			}
		}
		if (code === 10) {
			if (firstLf < 0) firstLf = kept;
			if (kept === 0) startsWithLf = true;
			else if (previousKept === 13) crlfs++;
		} else if (code === 13) {
			if (firstCr < 0) firstCr = kept;
			crs++;
		}
		previousKept = code;
		kept++;
	}
	const firstPieceLength = firstCr < 0 ? kept : firstCr;
	if (crs === 0 || (firstLf >= 0 && firstLf < firstPieceLength)) return '\n';
	const pieces = crs + 1;
	const withLf = crlfs + (startsWithLf ? 1 : 0);
	return withLf >= pieces / 2 ? '\r\n' : '\r';
}

/**
 * Where PapaParse hands each row. One parser per delimiter and line ending, made once and reused:
 * `Papa.parse` builds a new parser (a dozen closures, `parse` among them) for every text, and V8
 * keeps a function's optimised code only while a closure using it lives, so after each major
 * garbage collection the next file's parser was optimised again from the start (V8's compile
 * threads used about as much CPU as the parse workers, docs/performance.md). `parse` is
 * synchronous and keeps no state between texts but its cursor, which it resets.
 */
let rowSink: RowSink | null = null;

function stepToSink(result: Papa.ParseStepResult<string[]>): void {
	rowSink!.take(result);
}

const parsers = new Map<string, Papa.Parser>();

function parserFor(delimiter: string, newline: LineEnding): Papa.Parser {
	const key = `${delimiter}\u0000${newline}`;
	let parser = parsers.get(key);
	if (!parser) {
		// what `Papa.parse(text, { delimiter, step })` hands its parser, with the line ending it guesses
		parser = new Papa.Parser({ delimiter, newline, header: false, skipEmptyLines: false, step: stepToSink });
		parsers.set(key, parser);
	}
	return parser;
}

class RowSink {
	readonly rows: string[][] = [];
	readonly lineOf: number[] = [];
	readonly issues: RowIssue[] = [];
	private rowStart = 0;

	constructor(
		private readonly text: string,
		private readonly starts: number[]
	) {}

	take(result: Papa.ParseStepResult<string[]>): void {
		// the parser hands a one-row batch; Papa.parse unwraps it the same way
		const row = (result.data as unknown as string[][])[0];
		const text = this.text;
		const issues = this.issues;
		const line = lineAt(this.starts, this.rowStart);
		let rowStart = result.meta.cursor;
		// the newline that ends this row belongs to it; skip it for the next row's start
		if (text.charCodeAt(rowStart) === 13) rowStart++;
		if (text.charCodeAt(rowStart) === 10) rowStart++;
		this.rowStart = rowStart;
		for (const error of result.errors) {
			// Papa reports "TooFewFields"/"TooManyFields" for ragged rows; ragged rows are normal
			// in exports (trailing empty columns get trimmed by spreadsheet programs).
			if (error.type === 'FieldMismatch') continue;
			const coded =
				error.code === 'MissingQuotes'
					? fileMessage('row.unclosedQuote')
					: error.code === 'InvalidQuotes'
						? fileMessage('row.badQuotes')
						: fileMessage('row.csvError', { detail: error.message });
			// Papa reports one bad quote once per field it spoils; one line needs saying once
			const previous = issues[issues.length - 1];
			if (previous?.line === line && previous.message === coded.message) continue;
			issues.push({ line, severity: 'error', ...coded });
		}
		if (row.length === 1 && row[0] === '') return; // blank line
		this.rows.push(row);
		this.lineOf.push(line);
	}
}

export function tabulateText(
	text: string,
	fileName: string,
	encoding: string,
	containerName?: string
): TabulateResult {
	const sepHint = /^\s*"?sep=(.)"?\s*\r?\n/i.exec(text);
	const delimiter = sepHint ? sepHint[1] : guessDelimiter(text);
	// as Papa.parse does with a string: a leading BOM is not part of the first cell
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const sink = new RowSink(text, lineStarts(text));
	const parser = parserFor(delimiter, guessLineEnding(input));
	const outer = rowSink;
	rowSink = sink;
	try {
		parser.parse(input, 0, false);
	} finally {
		rowSink = outer;
	}
	return { table: { fileName, containerName, rows: sink.rows, lineOf: sink.lineOf, encoding }, issues: sink.issues };
}
