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

export function tabulateText(
	text: string,
	fileName: string,
	encoding: string,
	containerName?: string
): TabulateResult {
	const sepHint = /^\s*"?sep=(.)"?\s*\r?\n/i.exec(text);
	const delimiter = sepHint ? sepHint[1] : guessDelimiter(text);
	const starts = lineStarts(text);
	const rows: string[][] = [];
	const lineOf: number[] = [];
	const issues: RowIssue[] = [];
	let rowStart = 0;

	Papa.parse<string[]>(text, {
		header: false,
		skipEmptyLines: false,
		delimiter,
		step(result) {
			const row = result.data;
			const line = lineAt(starts, rowStart);
			rowStart = result.meta.cursor;
			// the newline that ends this row belongs to it; skip it for the next row's start
			if (text.charCodeAt(rowStart) === 13) rowStart++;
			if (text.charCodeAt(rowStart) === 10) rowStart++;
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
			rows.push(row);
			lineOf.push(line);
		}
	});

	return { table: { fileName, containerName, rows, lineOf, encoding }, issues };
}
