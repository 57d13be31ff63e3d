import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { dayFromISO, dayFromYMD } from '../domain/days';
import type { MappingPreset } from '../schemas/mapping-preset';
import { headerSignature } from './mapping';
import { readFiles, type FileOutcome, type ParsedOutcome, type ReadProgress, type UnrecognisedOutcome } from './pipeline';
import type { RowIssue } from '../domain/model';
import type { ImportResult, Importer, ParseContext } from './types';

const NOW = new Date(2026, 6, 1, 12, 0, 0);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/bad/${name}`, import.meta.url)));
const input = (name: string, text: string) => ({ name, bytes: strToU8(text) });
const badFile = (name: string) => ({ name, bytes: fixture(name) });

/** Test-only importer: a daily table with `Date` and `Views` columns (ISO dates). */
function dailyImporter(seen: ParseContext[] = []): Importer {
	return {
		id: 'test-daily',
		label: 'Test daily views',
		platform: 'youtube',
		detect: (sample) => {
			const names = sample.normalizedHeaders;
			if (names.includes('date') && names.includes('views')) return 1;
			return names.includes('date') ? 0.3 : 0;
		},
		parse(context): ImportResult {
			seen.push(context);
			const header = context.table.rows[context.headerIndex].map((cell) => cell.trim().toLowerCase());
			const dateAt = header.indexOf('date');
			const viewsAt = header.indexOf('views');
			const days: number[] = [];
			const values: number[] = [];
			const issues: RowIssue[] = [];
			let rowCount = 0;
			for (let i = context.headerIndex + 1; i < context.table.rows.length; i++) {
				rowCount++;
				const row = context.table.rows[i];
				const day = dayFromISO(row[dateAt] ?? '');
				const value = Number(row[viewsAt]);
				if (day === null || !Number.isFinite(value) || (row[viewsAt] ?? '').trim() === '') {
					issues.push({ line: context.table.lineOf[i], severity: 'error', message: 'Row skipped: unreadable date or views.' });
					continue;
				}
				days.push(day);
				values.push(value);
			}
			return {
				account: null,
				series: days.length ? [{ account: null, metric: 'views', days, values }] : [],
				posts: [],
				breakdowns: [],
				rowCount,
				issues,
				coversUntil: days.length ? days.reduce((a, b) => Math.max(a, b)) : null
			};
		}
	};
}

/** Test-only importer for Meta's per-metric daily file: "Date","Primary" under a metric title. */
const metaImporter: Importer = {
	id: 'test-meta-daily',
	label: 'Test Meta daily metric',
	platform: 'facebook',
	detect: (sample) =>
		sample.normalizedHeaders.join('|') === 'date|primary' && sample.preamble.some((row) => row[0] === 'Facebook follows') ? 1 : 0,
	parse: (context) => ({
		account: null,
		series: [],
		posts: [],
		breakdowns: [],
		rowCount: context.table.rows.length - context.headerIndex - 1,
		issues: [],
		coversUntil: null
	})
};

const boomImporter: Importer = {
	id: 'test-boom',
	label: 'Test boom',
	platform: 'other',
	detect: (sample) => (sample.normalizedHeaders.includes('boom') ? 1 : 0),
	parse: () => {
		throw new Error('kaboom');
	}
};

const registry = [dailyImporter(), metaImporter, boomImporter];

async function readOne(file: { name: string; bytes: Uint8Array }, options: Partial<Parameters<typeof readFiles>[1]> = {}): Promise<FileOutcome> {
	const [outcome] = await readFiles([file], { registry, now: NOW, ...options });
	return outcome;
}

function parsed(outcome: FileOutcome): ParsedOutcome {
	if (outcome.outcome !== 'parsed') throw new Error(`expected parsed, got ${outcome.outcome}: ${'message' in outcome ? outcome.message : ''}`);
	return outcome;
}

function unrecognised(outcome: FileOutcome): UnrecognisedOutcome {
	if (outcome.outcome !== 'unrecognised') throw new Error(`expected unrecognised, got ${outcome.outcome}`);
	return outcome;
}

const errorMessage = (outcome: FileOutcome) => (outcome.outcome === 'error' ? outcome.message : `(not an error: ${outcome.outcome})`);

describe('readFiles: a recognised CSV', () => {
	it('returns one ParsedFile with the importer’s data, the encoding and the file’s SHA-256', async () => {
		const text = 'Date,Views\n2025-02-27,16481\n2025-02-28,15020\n';
		const outcome = parsed(await readOne(input('Totals.csv', text)));
		expect(outcome.name).toBe('Totals.csv');
		expect(outcome.size).toBe(text.length);
		expect(outcome.sha256).toBe(createHash('sha256').update(text).digest('hex'));
		expect(outcome.skipped).toEqual([]);
		expect(outcome.unrecognised).toEqual([]);
		expect(outcome.parsed).toEqual([
			{
				fileName: 'Totals.csv',
				format: 'test-daily',
				formatLabel: 'Test daily views',
				platform: 'youtube',
				encoding: 'utf-8',
				account: null,
				series: [{ account: null, metric: 'views', days: [dayFromYMD(2025, 2, 27), dayFromYMD(2025, 2, 28)], values: [16481, 15020] }],
				posts: [],
				breakdowns: [],
				rowCount: 2,
				issues: [],
				coversUntil: dayFromYMD(2025, 2, 28),
				// a loose CSV's own bytes are the input's bytes
				sha256: createHash('sha256').update(text).digest('hex'),
				size: text.length
			}
		]);
	});

	it('reports progress from 0 to the whole file, with the rows read', async () => {
		const progress: ReadProgress[] = [];
		await readOne(input('Totals.csv', 'Date,Views\n2025-02-27,1\n'), { onProgress: (p) => progress.push(p) });
		expect(progress[0]).toEqual({ file: 'Totals.csv', bytesDone: 0, bytesTotal: 24, rows: 0 });
		expect(progress.at(-1)).toEqual({ file: 'Totals.csv', bytesDone: 24, bytesTotal: 24, rows: 1 });
	});
});

describe('readFiles: bad and hostile files (tests/fixtures/bad)', () => {
	it.each([
		['empty.csv', 'empty.csv is empty (0 bytes). Download the export again.'],
		[
			'image-renamed.csv',
			'image-renamed.csv looks like a PNG image saved with a .csv name, not an analytics export. Export the data again from the platform’s analytics page (choose CSV or Excel) and import the file it downloads.'
		],
		[
			'page-saved-as.csv',
			'page-saved-as.csv looks like a web page (HTML) saved with a .csv name, not an analytics export. The download probably failed, or the analytics page itself was saved. Use the platform’s Export button and import the file it downloads.'
		],
		['truncated.zip', 'truncated.zip: the zip is incomplete or damaged — download it again.'],
		[
			'corrupt.zip',
			'corrupt.zip contains nothing Chorus can import: corrupt.zip/Totals.csv is damaged inside the zip (its data cannot be unpacked); download the zip again.'
		],
		[
			'nested-3-deep.zip',
			'nested-3-deep.zip contains nothing Chorus can import: nested-3-deep.zip/level2.zip/level3.zip is a zip inside a zip inside a zip; Chorus opens one level of zips within a zip. Unzip it and import the files inside.'
		],
		[
			'mixed-delimiters.csv',
			'mixed-delimiters.csv mixes separators: line 1 is separated by “,”, but line 2 is separated by a different character. The file was probably edited by hand or pieced together from two exports; open it in a spreadsheet program, save it as CSV, and import that file.'
		],
		[
			'missing-headers.csv',
			'missing-headers.csv has no header row: line 1 already holds data (2024-01-01, 120, 5), so its columns cannot be told apart by name. Add a first line with column names (for example Date,Views) and import the file again.'
		],
		['no-sheets.xlsx', 'no-sheets.xlsx is a workbook with no sheets, so there is nothing to import. Export the data again.'],
		[
			'encrypted.xlsx',
			'encrypted.xlsx is password-protected (encrypted), so Chorus cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and import it again.'
		]
	])('%s → error', async (name, message) => {
		const outcome = await readOne(badFile(name));
		expect(outcome.outcome).toBe('error');
		expect(errorMessage(outcome)).toBe(message);
	});

	it('binary.csv → error naming the first NUL byte', async () => {
		const outcome = await readOne(badFile('binary.csv'));
		const firstNul = fixture('binary.csv').indexOf(0) + 1;
		expect(errorMessage(outcome)).toBe(
			`binary.csv looks like a binary file saved with a .csv name, not an analytics export. It contains NUL bytes (the first at byte ${firstNul}), which never occur in a CSV export. Export the data again from the platform’s analytics page (choose CSV or Excel) and import the file it downloads.`
		);
	});

	it('zip-bomb.zip → refused before inflating anything', async () => {
		const outcome = await readOne(badFile('zip-bomb.zip'));
		expect(errorMessage(outcome)).toMatch(
			/^zip-bomb\.zip: Table data 1\.csv would expand \d+× \(\d+ KB → 20 MB\), which real exports never do: this looks like a zip bomb\. Chorus refused to unpack it to protect your browser\. If this is a real export, unzip it yourself and import the files inside\.$/
		);
	});

	it('single-huge-line.csv (5.5 MB on one line, generated) → error naming the line', async () => {
		const text = `Date,Views\n${'1,'.repeat(2_883_584)}\n`;
		const outcome = await readOne(input('single-huge-line.csv', text));
		expect(errorMessage(outcome)).toBe(
			'single-huge-line.csv: line 2 is about 5.5 MB long, more than the 1 MB Chorus accepts for one line. This is not a line-by-line CSV export (line breaks missing, or another kind of file); export the data again as CSV.'
		);
	});

	it('malformed-quoting.csv → parsed, with the quoting error on line 3', async () => {
		const outcome = parsed(await readOne(badFile('malformed-quoting.csv')));
		const [file] = outcome.parsed;
		expect(file.fileName).toBe('malformed-quoting.csv');
		expect(file.issues[0]).toMatchObject({
			line: 3,
			severity: 'error',
			message: 'A quoted field is never closed (malformed quoting); the rest of the file cannot be read reliably.'
		});
		// the unterminated quote swallows the rest: only the first row is readable
		expect(file.series[0].values).toEqual([5]);
	});

	it('headers-only.csv → parsed (recognised) with a warning that there are no rows', async () => {
		const [file] = parsed(await readOne(badFile('headers-only.csv'))).parsed;
		expect(file.rowCount).toBe(0);
		expect(file.issues).toMatchObject([
			{
				line: 1,
				severity: 'warning',
				message: 'headers-only.csv has column names (line 1) but no data rows: the export covers a period with no data. Export a longer date range.'
			}
		]);
	});

	it('headers-only, unrecognised → error', async () => {
		const outcome = await readOne(input('sessions.csv', 'Day,Sessions\n'));
		expect(errorMessage(outcome)).toBe(
			'sessions.csv has only column names (line 1) and no data rows. Export a date range that has data and import that file.'
		);
	});

	it('unknown-layout.csv → unrecognised, with a sample and a suggested mapping', async () => {
		const outcome = unrecognised(await readOne(badFile('unknown-layout.csv')));
		expect(outcome.message).toBe(
			'Chorus does not recognise the layout of unknown-layout.csv (columns: Day, Sessions, Bounce count, Newsletter signups). Map its columns to metrics to import it; the mapping is remembered for files like it.'
		);
		const [table] = outcome.tables;
		expect(table.sample.headers).toEqual(['Day', 'Sessions', 'Bounce count', 'Newsletter signups']);
		expect(table.bestGuess).toBeUndefined();
		expect(table.suggestion.dateColumn).toBe('Day');
		expect(table.table.rows).toHaveLength(5);
	});

	it('names the closest importer when one scored below the threshold', async () => {
		const outcome = unrecognised(await readOne(input('visits.csv', 'Date,Visits\n2024-01-01,5\n')));
		expect(outcome.tables[0].bestGuess).toEqual({ importerId: 'test-daily', importerLabel: 'Test daily views', score: 0.3 });
		expect(outcome.message).toBe(
			'Chorus does not recognise the layout of visits.csv (columns: Date, Visits). It is closest to Test daily views, but the columns do not match it well enough to read it safely. Map its columns to metrics to import it; the mapping is remembered for files like it.'
		);
	});

	it('gb18030-wechat.csv → decoded as GB18030 (unrecognised by the test registry)', async () => {
		const outcome = unrecognised(await readOne(badFile('gb18030-wechat.csv')));
		expect(outcome.tables[0].table.encoding).toBe('gb18030');
		expect(outcome.tables[0].sample.headers).toEqual(['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数']);
		expect(outcome.tables[0].suggestion.columns.map((column) => column.metric)).toEqual([
			null,
			'followers_gained',
			'followers_lost',
			'followers_net',
			'followers'
		]);
	});

	it('utf16le-sep.csv → recognised under its sep= line and metric title', async () => {
		const [file] = parsed(await readOne(badFile('utf16le-sep.csv'))).parsed;
		expect(file.format).toBe('test-meta-daily');
		expect(file.encoding).toBe('utf-16le');
		expect(file.rowCount).toBe(3);
	});

	it('out-of-range-dates.csv with a saved mapping → parsed, rows with bad dates reported by line', async () => {
		const preset: MappingPreset = {
			id: 'blog',
			name: 'Blog',
			signature: headerSignature(['Day', 'Sessions']),
			platform: 'blog',
			headerRow: 0,
			dateColumn: 'Day',
			dateFormat: 'auto',
			columns: [{ header: 'Sessions', metric: 'page_views' }],
			createdAt: '2026-06-01T00:00:00Z'
		};
		const [file] = parsed(await readOne(badFile('out-of-range-dates.csv'), { presets: [preset] })).parsed;
		expect(file.format).toBe('preset:blog');
		expect(file.formatLabel).toBe('Saved mapping “Blog”');
		expect(file.issues.map((issue) => issue.line)).toEqual([2, 3, 4]);
		expect(file.series[0].values).toEqual([8]);
	});

	it('duplicate-headers.csv and comma-decimal.csv with saved mappings → numbers read as written', async () => {
		const dup: MappingPreset = {
			id: 'dup',
			name: 'Dup',
			signature: headerSignature(['Date', 'Views', 'Views', 'Likes']),
			platform: 'facebook',
			headerRow: 0,
			dateColumn: 'Date',
			dateFormat: 'ymd',
			columns: [{ header: 'Views #2', metric: 'impressions' }],
			createdAt: '2026-06-01T00:00:00Z'
		};
		const comma: MappingPreset = {
			id: 'comma',
			name: 'Comma',
			signature: headerSignature(['Datum', 'Sitzungen', 'Quote']),
			platform: 'blog',
			headerRow: 0,
			dateColumn: 'Datum',
			dateFormat: 'dmy',
			columns: [{ header: 'Sitzungen', metric: 'page_views' }],
			createdAt: '2026-06-01T00:00:00Z'
		};
		// the test registry also recognises Date + Views; the user's mapping wins the tie
		const outcomes = await readFiles([badFile('duplicate-headers.csv'), badFile('comma-decimal.csv')], { registry, presets: [dup, comma], now: NOW });
		expect(parsed(outcomes[0]).parsed[0].series[0]).toMatchObject({ metric: 'impressions', values: [3, 4] });
		expect(parsed(outcomes[1]).parsed[0].series[0]).toMatchObject({ metric: 'page_views', values: [1234.5, 2000.25, 999] });
	});
});

describe('readFiles: zips and workbooks', () => {
	it('names zip entries by path and passes zip and folder to the importer as containerName', async () => {
		const seen: ParseContext[] = [];
		const folder = 'Content 2021-08-22_2025-10-17 Channel Name';
		const zip = zipSync({
			[`${folder}/Totals.csv`]: strToU8('Date,Views\n2025-02-27,16481\n'),
			[`${folder}/Table data.csv`]: strToU8('Content,Video title,Engagement\nTotal,,5\nabc,Hello,5\n'),
			[`${folder}/thumbnail.pdf`]: strToU8('%PDF-1.4\n'),
			[`__MACOSX/${folder}/._Totals.csv`]: strToU8('junk'),
			[`${folder}/.DS_Store`]: strToU8('junk')
		});
		const outcome = parsed(await readOne({ name: 'yt.zip', bytes: zip }, { registry: [dailyImporter(seen)] }));
		expect(outcome.parsed.map((file) => file.fileName)).toEqual([`yt.zip/${folder}/Totals.csv`]);
		expect(seen[0].table.containerName).toBe(`yt.zip/${folder}`);
		expect(outcome.unrecognised.map((table) => table.table.fileName)).toEqual([`yt.zip/${folder}/Table data.csv`]);
		expect(outcome.skipped).toMatchObject([
			{
				entry: `yt.zip/${folder}/thumbnail.pdf`,
				reason:
					'is a PDF document, not an analytics export. Export the data again from the platform’s analytics page (choose CSV or Excel) and import the file it downloads.'
			}
		]);
	});

	it('hashes each zip entry by its own bytes, so the same CSV loose or zipped is the same content', async () => {
		const csv = strToU8('Date,Views\n2025-02-27,16481\n');
		const other = strToU8('Date,Views\n2025-03-01,7\n');
		const zip = zipSync({ 'a/Totals.csv': csv, 'b/Totals.csv': other });
		const zipped = parsed(await readOne({ name: 'two.zip', bytes: zip }, { registry: [dailyImporter([])] })).parsed;
		const loose = parsed(await readOne({ name: 'Totals.csv', bytes: csv }, { registry: [dailyImporter([])] })).parsed;
		expect(zipped.map((file) => file.sha256)).toEqual([
			createHash('sha256').update(csv).digest('hex'),
			createHash('sha256').update(other).digest('hex')
		]);
		expect(zipped.map((file) => file.size)).toEqual([csv.length, other.length]);
		expect(loose[0].sha256).toBe(zipped[0].sha256);
	});

	it('gives a TikTok zip’s name (handle and date) as the container of its CSV', async () => {
		const seen: ParseContext[] = [];
		const name = 'Overview_2026-07-01_1751328000_handle.zip';
		const zip = zipSync({ 'Overview.csv': [strToU8('\ufeff"Date","Views"\n"2026-06-01","118"\n'), { level: 0 }] });
		const [file] = parsed(await readOne({ name, bytes: zip }, { registry: [dailyImporter(seen)] })).parsed;
		expect(file.fileName).toBe(`${name}/Overview.csv`);
		expect(file.encoding).toBe('utf-8');
		expect(seen[0].table.containerName).toBe(name);
	});

	it('opens one level of zip inside a zip', async () => {
		const inner = zipSync({ 'Totals.csv': strToU8('Date,Views\n2025-01-01,3\n') });
		const outer = zipSync({ 'Overview_handle.zip': inner });
		const [file] = parsed(await readOne({ name: 'all.zip', bytes: outer })).parsed;
		expect(file.fileName).toBe('all.zip/Overview_handle.zip/Totals.csv');
	});

	it('reads each sheet of a workbook; sheets are named book › sheet with the workbook as container', async () => {
		const seen: ParseContext[] = [];
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Date', 'Views'], ['2024-03-01', 7]]), 'Daily');
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Country', 'Share'], ['FR', 0.4]]), 'Location');
		const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const outcome = parsed(await readOne({ name: 'acme_followers.xlsx', bytes }, { registry: [dailyImporter(seen)] }));
		expect(outcome.parsed.map((file) => [file.fileName, file.encoding, file.series[0].values])).toEqual([['acme_followers.xlsx › Daily', 'xlsx', [7]]]);
		expect(seen[0].table.containerName).toBe('acme_followers.xlsx');
		expect(outcome.unrecognised.map((table) => table.table.sheetName)).toEqual(['Location']);
	});

	it('checks a workbook’s zip before SheetJS unpacks it (an xlsx bomb is refused)', async () => {
		const bomb = zipSync({
			'[Content_Types].xml': strToU8('<Types/>'),
			'xl/workbook.xml': strToU8('<workbook/>'),
			'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024)
		});
		expect(errorMessage(await readOne({ name: 'report.xlsx', bytes: bomb }))).toMatch(
			/^report\.xlsx: xl\/worksheets\/sheet1\.xml would expand \d+× \(\d+ KB → 8 MB\), which real exports never do: this looks like a zip bomb\./
		);
	});

	it('a zip with only junk has nothing to import', async () => {
		const zip = zipSync({ '__MACOSX/._x.csv': strToU8('junk'), '.DS_Store': strToU8('junk') });
		expect(errorMessage(await readOne({ name: 'mac.zip', bytes: zip }))).toBe(
			'mac.zip contains no files or sheets with data. Download the export again.'
		);
	});
});

describe('readFiles: isolation, limits, cancelling', () => {
	it('keeps files independent: one outcome per input, in order, whatever happens to the others', async () => {
		const outcomes = await readFiles(
			[badFile('empty.csv'), input('boom.csv', 'Boom,Date\n1,2\n'), input('ok.csv', 'Date,Views\n2024-01-01,1\n'), badFile('zip-bomb.zip')],
			{ registry, now: NOW }
		);
		expect(outcomes.map((outcome) => [outcome.name, outcome.outcome])).toEqual([
			['empty.csv', 'error'],
			['boom.csv', 'error'],
			['ok.csv', 'parsed'],
			['zip-bomb.zip', 'error']
		]);
		expect(errorMessage(outcomes[1])).toBe(
			'boom.csv was recognised as Test boom, but reading it failed unexpectedly (kaboom). Other files are not affected; please report this file.'
		);
	});

	it('refuses a file over the size limit without reading it', async () => {
		const outcome = await readOne(input('big.csv', 'Date,Views\n'.repeat(200)), { limits: { maxFileBytes: 1024 } });
		expect(outcome).toMatchObject({
			name: 'big.csv',
			size: 2200,
			sha256: '',
			outcome: 'error',
			message: 'big.csv is 2 KB; Chorus reads files of up to 1 KB. Export a shorter date range, or split the file.'
		});
	});

	it('refuses a text file with more lines than the row limit', async () => {
		const outcome = await readOne(input('long.csv', 'Date,Views\n2024-01-01,1\n2024-01-02,2\n'), { limits: { maxRows: 2 } });
		expect(errorMessage(outcome)).toBe('long.csv has 3 lines; Chorus reads files of up to 2 lines. Export a shorter date range, or split the file.');
	});

	it('turns every file into a cancelled error when the signal is already aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		const outcomes = await readFiles([input('a.csv', 'Date,Views\n'), input('b.csv', 'x')], { registry, signal: controller.signal });
		expect(outcomes.map(errorMessage)).toEqual(['Import cancelled before a.csv was read.', 'Import cancelled before b.csv was read.']);
	});

	it('stops part-way through a zip when cancelled, and says so', async () => {
		const controller = new AbortController();
		const zip = zipSync({ 'a/Totals.csv': strToU8('Date,Views\n2024-01-01,1\n'), 'b/Totals.csv': strToU8('Date,Views\n2024-01-02,2\n') });
		const outcome = await readOne(
			{ name: 'two.zip', bytes: zip },
			{ signal: controller.signal, onProgress: (p) => p.bytesDone > 0 && controller.abort() }
		);
		expect(errorMessage(outcome)).toBe('Import cancelled while two.zip was being read; nothing from it was imported.');
	});

	it('tabulates and parses a 150,000-row CSV (its speed is measured by npm run bench)', async () => {
		const lines = ['Date,Views'];
		const start = Date.UTC(2000, 0, 1);
		for (let i = 0; i < 150_000; i++) lines.push(`${new Date(start + (i % 9000) * 86_400_000).toISOString().slice(0, 10)},${i}`);
		const text = lines.join('\n');
		const outcome = parsed(await readOne(input('big.csv', text)));
		expect(outcome.parsed[0].rowCount).toBe(150_000);
	});
});
