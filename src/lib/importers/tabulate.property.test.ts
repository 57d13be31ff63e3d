/**
 * tabulateText drives PapaParse's parser itself (one parser per delimiter and line ending, reused)
 * instead of calling `Papa.parse` per text. These tests hold it to what `Papa.parse` gave: the same
 * rows, lines and issues for any text, and the same line-ending guess.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RowIssue } from '../domain/model';
import { fileMessage } from './messages';
import { guessDelimiter, guessLineEnding, tabulateText } from './tabulate';

/** tabulateText as it was with `Papa.parse` (before 27 November), the reference. */
function tabulateWithPapaParse(text: string) {
	const sepHint = /^\s*"?sep=(.)"?\s*\r?\n/i.exec(text);
	const delimiter = sepHint ? sepHint[1] : guessDelimiter(text);
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	const lineAt = (offset: number) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};
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
			const line = lineAt(rowStart);
			rowStart = result.meta.cursor;
			if (text.charCodeAt(rowStart) === 13) rowStart++;
			if (text.charCodeAt(rowStart) === 10) rowStart++;
			for (const error of result.errors) {
				if (error.type === 'FieldMismatch') continue;
				const coded =
					error.code === 'MissingQuotes'
						? fileMessage('row.unclosedQuote')
						: error.code === 'InvalidQuotes'
							? fileMessage('row.badQuotes')
							: fileMessage('row.csvError', { detail: error.message });
				const previous = issues[issues.length - 1];
				if (previous?.line === line && previous.message === coded.message) continue;
				issues.push({ line, severity: 'error', ...coded });
			}
			if (row.length === 1 && row[0] === '') return;
			rows.push(row);
			lineOf.push(line);
		}
	});
	return { rows, lineOf, issues };
}

/** Papa's own line-ending guess (ParserHandle is exported, untyped). */
function papaLineEnding(text: string): string {
	const Handle = (Papa as unknown as { ParserHandle: new (config: object) => { guessLineEndings(input: string, quote: string): string } }).ParserHandle;
	return new Handle({}).guessLineEndings(text, '"');
}

/** Text made of what matters to a CSV parser: separators, quotes, line breaks, spaces, a BOM. */
const csvText = fc
	.array(fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', 'a', '1', '2.5', 'x y', '\ufeff', 'sep=;\n'), { maxLength: 60 })
	.map((parts) => parts.join(''));

const RUNS = { numRuns: 1500 };

describe('tabulateText with a reused parser', () => {
	afterEach(() => vi.restoreAllMocks());

	it('gives what Papa.parse gave, for any text', () => {
		fc.assert(
			fc.property(csvText, (text) => {
				const { table, issues } = tabulateText(text, 'a.csv', 'utf-8');
				expect({ rows: table.rows, lineOf: table.lineOf, issues }).toEqual(tabulateWithPapaParse(text));
			}),
			RUNS
		);
	});

	it('gives the same for texts read one after another, whatever came before', () => {
		fc.assert(
			fc.property(fc.array(csvText, { minLength: 2, maxLength: 6 }), (texts) => {
				for (const text of texts) {
					const { table, issues } = tabulateText(text, 'a.csv', 'utf-8');
					expect({ rows: table.rows, lineOf: table.lineOf, issues }).toEqual(tabulateWithPapaParse(text));
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('makes no new parser per text', () => {
		const parse = vi.spyOn(Papa, 'parse');
		const Parser = vi.spyOn(Papa, 'Parser');
		for (let i = 0; i < 20; i++) tabulateText(`Date,Views\n2024-01-${10 + i},${i}\n`, 'a.csv', 'utf-8');
		for (let i = 0; i < 20; i++) tabulateText(`Date;Views\r\n2024-01-${10 + i};"${i},5"\r\n`, 'b.csv', 'utf-8');
		expect(parse).not.toHaveBeenCalled();
		// at most one per delimiter and line ending (none when an earlier test made them)
		expect(Parser.mock.calls.length).toBeLessThanOrEqual(2);
	});
});

describe('guessLineEnding', () => {
	it("answers as PapaParse's guessLineEndings does", () => {
		fc.assert(
			fc.property(csvText, (text) => {
				expect(guessLineEnding(text)).toBe(papaLineEnding(text));
			}),
			{ numRuns: 3000 }
		);
	});

	it('looks only at the first megabyte, as PapaParse does', () => {
		const cr = 'a\r'.repeat(600_000);
		for (const text of [cr + 'b\n', 'x'.repeat(1024 * 1024 - 1) + '"\r\n"\n', '"' + 'y'.repeat(1024 * 1024) + '"\r\n']) {
			expect(guessLineEnding(text)).toBe(papaLineEnding(text));
		}
	});
});
