import { describe, expect, it } from 'vitest';
import { bestGuess, candidateSamples, cleanHeader, detectFormat, guessHeaderIndex, isPreambleRow, RECOGNISED_SCORE } from './header';
import { tabulateText } from './tabulate';
import type { DetectSample, ImportResult, Importer, Table } from './types';

const EMPTY_RESULT: ImportResult = { account: null, series: [], posts: [], breakdowns: [], rowCount: 0, issues: [], coversUntil: null };

function importer(id: string, detect: (sample: DetectSample) => number): Importer {
	return { id, label: id, platform: 'other', detect, parse: () => EMPTY_RESULT };
}

/** Recognises a header row holding all the given names (case-insensitive). */
const recognising = (id: string, names: string[], score = 1) =>
	importer(id, (sample) => (names.every((name) => sample.normalizedHeaders.includes(name)) ? score : 0));

const table = (text: string, fileName = 'file.csv'): Table => tabulateText(text, fileName, 'utf-8').table;

describe('isPreambleRow', () => {
	it.each([
		[['sep=', ''], true],
		[['Video overview', '', '', '', '', ''], true],
		[['Facebook follows'], true],
		[['Aggregated metrics for all posts by date'], true],
		[['Date', 'Primary'], false],
		[['', 'Lifetime: The total number of people who have liked your Page.', 'Daily: new likes'], false]
	])('%j → %s', (row, expected) => {
		expect(isPreambleRow(row)).toBe(expected);
	});
});

describe('candidateSamples', () => {
	it('skips the sep= hint and Meta’s metric-name line, and keeps them as preamble', () => {
		const candidates = candidateSamples(table('sep=,\n"Facebook follows"\n"Date","Primary"\n"2025-08-01T00:00:00","20"\n'));
		expect(candidates.map((candidate) => candidate.headerIndex)).toEqual([2, 3]);
		const [first] = candidates;
		expect(first.sample.headers).toEqual(['Date', 'Primary']);
		expect(first.sample.normalizedHeaders).toEqual(['date', 'primary']);
		expect(first.sample.preamble).toEqual([['sep=', ''], ['Facebook follows']]);
		expect(first.sample.firstRows).toEqual([['2025-08-01T00:00:00', '20']]);
	});

	it('trims headers and drops BOM and zero-width characters, keeping positions', () => {
		const [first] = candidateSamples(table('\ufeff Date ,Video\u200b Views,,Likes\n1,2,3,4\n'));
		expect(first.sample.headers).toEqual(['Date', 'Video Views', '', 'Likes']);
		expect(first.sample.normalizedHeaders).toEqual(['date', 'video views', '', 'likes']);
	});

	it('looks only at the first 8 rows and carries file, container and sheet names', () => {
		const rows = Array.from({ length: 20 }, (_, i) => [`a${i}`, `b${i}`]);
		const input: Table = { fileName: 'z.zip/F/t.csv', containerName: 'z.zip/F', sheetName: undefined, rows, lineOf: rows.map((_, i) => i + 1), encoding: 'utf-8' };
		const candidates = candidateSamples(input);
		expect(candidates.map((candidate) => candidate.headerIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(candidates[0].sample.fileName).toBe('z.zip/F/t.csv');
		expect(candidates[0].sample.containerName).toBe('z.zip/F');
		expect(candidates[0].sample.firstRows).toHaveLength(10);
	});

	it('falls back to one-cell rows when the table has nothing wider', () => {
		const candidates = candidateSamples(table('Followers\n10\n12\n'));
		expect(candidates.map((candidate) => candidate.headerIndex)).toEqual([0, 1, 2]);
	});

	it('cleanHeader collapses inner whitespace', () => {
		expect(cleanHeader('  Watch   time\t(hours) ')).toBe('Watch time (hours)');
	});
});

describe('detectFormat', () => {
	const meta = recognising('meta-daily', ['date', 'primary']);
	const xVideo = recognising('x-video', ['date', 'views', 'watch time (ms)']);
	const linkedin = recognising('linkedin-metrics', ['date', 'impressions (total)']);

	it('finds the header under sep= and a metric title (Meta per-metric export)', () => {
		const detection = detectFormat(table('sep=,\n"Facebook follows"\n"Date","Primary"\n"2025-08-01T00:00:00","20"\n'), [xVideo, meta]);
		expect(detection).toEqual({ importer: meta, headerIndex: 2, score: 1 });
	});

	it('finds the header under a one-cell title padded with commas (X video overview)', () => {
		const text = 'Video overview,,,,,\nDate,Views,Watch Time (ms),Completion Rate,Average Watch Time (ms),Estimated Revenue\n2024-01-01,5,100,0.5,20,0\n';
		expect(detectFormat(table(text), [meta, xVideo])).toEqual({ importer: xVideo, headerIndex: 1, score: 1 });
	});

	it('finds the header under LinkedIn’s one-cell description row', () => {
		const text = '"Aggregated metrics for all posts by date"\nDate,Impressions (organic),Impressions (total)\n08/22/2026,5,7\n';
		expect(detectFormat(table(text), [linkedin])).toEqual({ importer: linkedin, headerIndex: 1, score: 1 });
	});

	it('picks the highest score; ties go to the earlier row, then to the importer listed first', () => {
		const weak = recognising('weak', ['date'], 0.6);
		const strong = recognising('strong', ['date', 'views'], 0.9);
		const twin = recognising('twin', ['date', 'views'], 0.9);
		const input = table('Date,Views\nDate,Views\n2024-01-01,5\n');
		expect(detectFormat(input, [weak, strong, twin])).toEqual({ importer: strong, headerIndex: 0, score: 0.9 });
	});

	it('returns null below the recognition score, while bestGuess still names the closest importer', () => {
		const unsure = recognising('unsure', ['date'], 0.3);
		const input = table('Date,Sessions\n2024-01-01,5\n');
		expect(RECOGNISED_SCORE).toBe(0.5);
		expect(detectFormat(input, [unsure])).toBeNull();
		expect(bestGuess(input, [unsure])).toEqual({ importer: unsure, headerIndex: 0, score: 0.3 });
		expect(bestGuess(input, [recognising('none', ['views'])])).toBeNull();
	});

	it('survives an importer whose detect throws or returns nonsense', () => {
		const broken = importer('broken', () => {
			throw new Error('bug');
		});
		const nan = importer('nan', () => Number.NaN);
		const tooHigh = importer('too-high', () => 7);
		const input = table('Date,Views\n2024-01-01,5\n');
		expect(detectFormat(input, [broken, nan, recognising('ok', ['date', 'views'], 0.8)])?.importer.id).toBe('ok');
		expect(detectFormat(input, [tooHigh])?.score).toBe(1);
	});
});

describe('guessHeaderIndex', () => {
	it.each([
		['a plain header', 'Day,Sessions\n2024-01-01,5\n', 0],
		['a title line first', 'Blog report\nDay,Sessions\n2024-01-01,5\n', 1],
		['no header row at all', '2024-01-01,120,5\n2024-01-02,130,6\n', -1],
		['a numeric-looking title row before the names', '2024,2025,Total\nDay,Sessions,Signups\n2024-01-01,5,1\n', 1]
	])('%s', (_label, text, expected) => {
		expect(guessHeaderIndex(table(text))).toBe(expected);
	});
});
