/**
 * The import pipeline: bytes in → parsed files out. Per input file: size check → SHA-256 →
 * sniff → (unzip → per entry) → decode → tabulate / read sheets → find header → detect → parse.
 * Pure and async: no DOM, runs in a worker (parse.worker.ts) or in Node tests.
 *
 * Each input file yields exactly one FileOutcome, and a failure in one never touches another:
 * everything is caught per file and turned into a message that names the file (and the line,
 * where one applies) and says what to do. readFiles never throws.
 *
 * Names and containers: a zip entry is called `archive.zip/Folder/Table data.csv`; a sheet is
 * `book.xlsx › Sheet`. Table.containerName is everything before the last `/` or ` › `, i.e. the
 * zip name followed by any folders (`Content 2021-08-22_2025-10-17 Channel.zip/Content
 * 2021-08-22_2025-10-17 Channel`), or the workbook's own path for a sheet. Importers read account
 * and date hints from its segments (YouTube's folder name carries the channel; TikTok's zip name
 * carries the handle and the year).
 */
import type { ParsedFile, RowIssue } from '../domain/model';
import type { MappingPreset } from '../schemas/mapping-preset';
import { DEFAULT_ARCHIVE_LIMITS, openZip, verifyZip, type ArchiveLimits, type InflateBudget, type SkippedEntry } from './archive';
import { decodeText } from './decode';
import { sha256Hex, sha256HexSync } from '../domain/sha256';
import { bestGuess, buildSample, cleanHeader, guessHeaderIndex, RECOGNISED_SCORE } from './header';
import {
	formatBytes,
	MAX_FILE_BYTES,
	MAX_LINE_CHARS,
	MAX_ROWS_PER_TABLE,
	MAX_SHEETS,
	MAX_ZIP_NESTING
} from './limits';
import { presetImporter, suggestMapping, type MappingSuggestion } from './mapping';
import { sniffBytes } from './sniff';
import { readWorkbook } from './spreadsheet';
import { tabulateText } from './tabulate';
import type { DetectSample, Importer, Table } from './types';
import { duplicateColumnsCode, entryCodeOf, fileMessage, shownCount, type CodedText } from './messages';
import type { CodedMessage } from '../domain/coded-message';

export type { SkippedEntry } from './archive';

export interface ReadInput {
	name: string;
	bytes: Uint8Array;
}

export interface ReadProgress {
	file: string;
	/** Bytes of this input handled so far (for a zip: compressed bytes of the entries read). */
	bytesDone: number;
	bytesTotal: number;
	/** Data rows read so far from this input. */
	rows: number;
}

export interface PipelineLimits {
	maxFileBytes: number;
	maxLineChars: number;
	/** Lines per text file (a row spans at least one line) and rows per sheet. */
	maxRows: number;
	maxSheets: number;
	maxZipNesting: number;
	archive: ArchiveLimits;
}

export const DEFAULT_PIPELINE_LIMITS: PipelineLimits = {
	maxFileBytes: MAX_FILE_BYTES,
	maxLineChars: MAX_LINE_CHARS,
	maxRows: MAX_ROWS_PER_TABLE,
	maxSheets: MAX_SHEETS,
	maxZipNesting: MAX_ZIP_NESTING,
	archive: DEFAULT_ARCHIVE_LIMITS
};

export interface ReadOptions {
	registry: readonly Importer[];
	/** Saved mappings; they take part in detection like importers (and win ties). */
	presets?: readonly MappingPreset[];
	/** The import moment (TikTok dates have no year). Defaults to the current time. */
	now?: Date;
	onProgress?: (progress: ReadProgress) => void;
	signal?: AbortSignal;
	/** Lower bounds for tests; the defaults are the ones in limits.ts. */
	limits?: Partial<Omit<PipelineLimits, 'archive'>> & { archive?: Partial<ArchiveLimits> };
}

/** A table no importer recognised: offered to the mapping step. */
export interface UnrecognisedTable {
	table: Table;
	/** The sample at the most likely header row. */
	sample: DetectSample;
	/** The closest importer, when one scored above zero but below the recognition threshold. */
	bestGuess?: { importerId: string; importerLabel: string; score: number };
	/** A proposed mapping (date column, metric columns) for the mapping step to start from. */
	suggestion: MappingSuggestion;
	/** Problems found while reading the text (malformed quoting), with lines. */
	issues: RowIssue[];
}

interface OutcomeBase {
	name: string;
	size: number;
	/** Hex SHA-256 of the file's bytes; empty for a file over the size limit (never read). */
	sha256: string;
}

export interface ParsedOutcome extends OutcomeBase {
	outcome: 'parsed';
	/** One per recognised table: each CSV in a zip, each sheet of a workbook. */
	parsed: ParsedFile[];
	/** Entries or sheets that could not be read, with the reason. */
	skipped: SkippedEntry[];
	/** Tables in the same file that no importer recognised (e.g. one CSV of a zip). */
	unrecognised: UnrecognisedTable[];
}

/** `message` is the English text; `code` and `params` word it in the active language (issueText). */
export interface UnrecognisedOutcome extends OutcomeBase, CodedMessage {
	outcome: 'unrecognised';
	tables: UnrecognisedTable[];
	skipped: SkippedEntry[];
}

export interface ErrorOutcome extends OutcomeBase, CodedMessage {
	outcome: 'error';
}

export type FileOutcome = ParsedOutcome | UnrecognisedOutcome | ErrorOutcome;

// ---------------------------------------------------------------------------------------------

interface Context {
	registry: readonly Importer[];
	now: Date;
	limits: PipelineLimits;
	budget: InflateBudget;
	signal?: AbortSignal;
	report: (bytesDone: number) => void;
	/** The input file's SHA-256, computed once in readOne: a top-level CSV or workbook is its own source. */
	fileSha256: string;
}

/** What one input file produced so far. `fatal` ends reading the file: the outcome is an error. */
interface Collected {
	parsed: ParsedFile[];
	unrecognised: UnrecognisedTable[];
	skipped: SkippedEntry[];
	fatal: CodedText | null;
	rows: number;
}

class Cancelled extends Error {}

function containerOf(path: string): string | undefined {
	const slash = path.lastIndexOf('/');
	return slash > 0 ? path.slice(0, slash) : undefined;
}

/**
 * A file-level failure (`file.*`, naming the file first) ends a top-level file; inside a zip or
 * workbook the same failure skips only that entry, listed under its name with the `entry.*` form
 * of the message (the same words without the leading name).
 */
function fail(collected: Collected, name: string, problem: CodedText, topLevel: boolean): void {
	if (topLevel) collected.fatal ??= problem;
	else {
		const reason = fileMessage(entryCodeOf(problem.code), problem.params);
		collected.skipped.push({ entry: name, reason: reason.message, code: reason.code, params: reason.params });
	}
}

interface LineScan {
	lines: number;
	/** First line longer than the limit, 1-based, and its length. */
	longLine: { line: number; length: number } | null;
}

/** One pass over the text: line count and the first over-long line (CR, LF and CRLF endings). */
function scanLines(text: string, maxLineChars: number): LineScan {
	let lines = 0;
	let start = 0;
	// the text after a final line break is not a line
	const end = text.endsWith('\n') ? text.length - 1 : text.length;
	while (start <= end) {
		let lineEnd = text.indexOf('\n', start);
		if (lineEnd < 0) lineEnd = text.length;
		if (lineEnd - start > maxLineChars) {
			// a file with old Mac (CR-only) endings is one LF "line"; look inside before blaming it
			let from = start;
			while (from < lineEnd) {
				let cr = text.indexOf('\r', from);
				if (cr < 0 || cr > lineEnd) cr = lineEnd;
				lines++;
				if (cr - from > maxLineChars) return { lines, longLine: { line: lines, length: cr - from } };
				from = cr + 1;
			}
		} else lines++;
		start = lineEnd + 1;
	}
	return { lines, longLine: null };
}

/** The file mixes separators: a one-cell row splits into exactly as many cells as its neighbours have. */
function mixedDelimiterProblem(table: Table): CodedText | null {
	const head = table.rows.slice(0, 12);
	const widths = head.filter((row) => row.length > 1).map((row) => row.length);
	if (widths.length === 0) return null;
	for (let i = 0; i < head.length; i++) {
		const row = head[i];
		if (row.length !== 1) continue;
		for (const separator of [',', ';', '\t', '|']) {
			const parts = row[0].split(separator).length;
			if (parts > 1 && widths.includes(parts)) {
				const other = table.lineOf[table.rows.indexOf(head.find((r) => r.length > 1)!)];
				const values = { name: table.fileName, line: table.lineOf[i], otherLine: other };
				return separator === '\t' ? fileMessage('file.mixedSeparatorsTabs', values) : fileMessage('file.mixedSeparators', { ...values, separator });
			}
		}
	}
	return null;
}

function hasDataAfter(table: Table, headerIndex: number): boolean {
	for (let i = headerIndex + 1; i < table.rows.length; i++) if (table.rows[i].some((cell) => cell.trim() !== '')) return true;
	return false;
}

function headerList(sample: DetectSample): string {
	const names = sample.headers.filter((header) => header !== '');
	const shown = names.slice(0, 8).join(', ');
	return names.length > 8 ? `${shown}, …` : shown;
}

/**
 * Column names given twice on the header row (`Date,Views,Views`). An importer reads the first of
 * each, so the person should know the other was not read. A saved mapping names its columns
 * itself (`Views #2`), so it is not warned about.
 */
function duplicateColumnsIssue(table: Table, headerIndex: number): RowIssue | null {
	const header = table.rows[headerIndex] ?? [];
	const firstAt = new Map<string, number>();
	const repeats: { column: string; first: number; second: number }[] = [];
	header.forEach((cell, index) => {
		const name = cleanHeader(cell);
		const key = name.toLowerCase();
		if (key === '') return;
		const first = firstAt.get(key);
		if (first === undefined) firstAt.set(key, index);
		else repeats.push({ column: name, first: first + 1, second: index + 1 });
	});
	if (repeats.length === 0) return null;
	const line = table.lineOf[headerIndex];
	// the first three by name, numbered: a message's values are flat (see duplicateColumnsMessage)
	const values: Record<string, string | number> = { name: table.fileName, line };
	repeats.slice(0, 3).forEach((repeat, index) => {
		values[`column${index + 1}`] = repeat.column;
		values[`first${index + 1}`] = repeat.first;
		values[`second${index + 1}`] = repeat.second;
	});
	if (repeats.length > 3) values.more = repeats.length - 3;
	return { line, severity: 'warning', ...fileMessage(duplicateColumnsCode(repeats.length), values) };
}

/** Characters the forced encoding could not decode: say how many and where the first is. */
function undecodableIssue(name: string, text: string, encoding: string, count: number): RowIssue {
	const at = text.indexOf('\uFFFD');
	let line = 1;
	for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
	return {
		line,
		severity: 'warning',
		...fileMessage('file.undecodable', { name, encoding: encoding.toUpperCase(), count, characters: shownCount(count), line })
	};
}

/** `source`: the bytes the table was read from (a CSV or zip entry; a workbook for each of its sheets). */
interface TableSource {
	sha256: string;
	size: number;
}

function handleTable(
	table: Table,
	preIssues: RowIssue[],
	context: Context,
	collected: Collected,
	topLevel: boolean,
	source: TableSource
): void {
	const name = table.fileName;
	if (table.rows.length === 0) {
		fail(collected, name, fileMessage('file.noRows', { name }), topLevel);
		return;
	}
	const detection = bestGuess(table, context.registry);
	if (detection && detection.score >= RECOGNISED_SCORE) {
		const { importer, headerIndex } = detection;
		let result;
		try {
			result = importer.parse({ table, headerIndex, now: context.now });
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			fail(collected, name, fileMessage('file.parseFailed', { name, format: importer.label, detail }), topLevel);
			return;
		}
		const duplicates = importer.id.startsWith('preset:') ? null : duplicateColumnsIssue(table, headerIndex);
		const issues = [...preIssues, ...(duplicates ? [duplicates] : []), ...result.issues];
		if (!hasDataAfter(table, headerIndex))
			issues.push({
				line: table.lineOf[headerIndex],
				severity: 'warning',
				...fileMessage('file.headersNoRows', { name, line: table.lineOf[headerIndex] })
			});
		collected.parsed.push({
			fileName: name,
			format: importer.id,
			formatLabel: importer.label,
			platform: importer.platform,
			encoding: table.encoding,
			account: result.account,
			series: result.series,
			posts: result.posts,
			breakdowns: result.breakdowns,
			rowCount: result.rowCount,
			issues,
			coversUntil: result.coversUntil,
			// a sheet shares its workbook's bytes: the sheet name keeps the hashes of two sheets apart
			sha256: table.sheetName === undefined ? source.sha256 : sha256HexSync(new TextEncoder().encode(`${source.sha256}|${table.sheetName}`)),
			size: source.size
		});
		collected.rows += result.rowCount;
		return;
	}

	const mixed = mixedDelimiterProblem(table);
	if (mixed) {
		fail(collected, name, mixed, topLevel);
		return;
	}
	const headerIndex = guessHeaderIndex(table);
	if (headerIndex < 0) {
		const first = table.rows[0];
		fail(collected, name, fileMessage('file.noHeader', { name, line: table.lineOf[0], cells: first.slice(0, 4).join(', ') }), topLevel);
		return;
	}
	if (!hasDataAfter(table, headerIndex)) {
		fail(collected, name, fileMessage('file.onlyHeader', { name, line: table.lineOf[headerIndex] }), topLevel);
		return;
	}
	const sample = buildSample(table, headerIndex);
	collected.unrecognised.push({
		table,
		sample,
		...(detection
			? { bestGuess: { importerId: detection.importer.id, importerLabel: detection.importer.label, score: detection.score } }
			: {}),
		suggestion: suggestMapping(table),
		issues: preIssues
	});
}

function checkCancelled(context: Context): void {
	if (context.signal?.aborted) throw new Cancelled();
}

/** Lets a pending abort (and the worker's message queue) through between pieces of work. */
function breathe(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

async function readBytes(
	name: string,
	bytes: Uint8Array,
	depth: number,
	context: Context,
	collected: Collected
): Promise<void> {
	const topLevel = depth === 0;
	if (bytes.length === 0) {
		fail(collected, name, fileMessage('file.empty', { name }), topLevel);
		return;
	}
	const sniffed = sniffBytes(bytes, name);
	switch (sniffed.kind) {
		case 'rejected':
			fail(collected, name, sniffed, topLevel);
			return;

		case 'zip': {
			if (depth > context.limits.maxZipNesting) {
				fail(collected, name, fileMessage('file.zipTooDeep', { name }), false);
				return;
			}
			const zip = openZip(bytes, name, { limits: context.limits.archive, budget: context.budget });
			if (!zip.ok) {
				if (zip.problem === 'bomb') collected.fatal ??= zip;
				else fail(collected, name, zip, topLevel);
				return;
			}
			for (const skipped of zip.skipped) collected.skipped.push({ ...skipped, entry: `${name}/${skipped.entry}` });
			let done = 0;
			for (const entry of zip.entries) {
				checkCancelled(context);
				const entryName = `${name}/${entry.path}`;
				const read = entry.read();
				if (!read.ok) {
					if (read.fatal) {
						collected.fatal ??= { message: read.reason, code: read.code ?? 'file.unexpected', params: read.params ?? {} };
						return;
					}
					collected.skipped.push({ entry: entryName, reason: read.reason, code: read.code, params: read.params });
				} else {
					await readBytes(entryName, read.bytes, depth + 1, context, collected);
					if (collected.fatal) return;
				}
				done += entry.compressedSize;
				if (topLevel) context.report(done);
				await breathe();
			}
			return;
		}

		case 'spreadsheet': {
			// what SheetJS reads: for a zip-based workbook, its verified entries stored (see verifyZip)
			let readable = bytes;
			if (sniffed.format === 'xlsx' || sniffed.format === 'ods') {
				const verified = verifyZip(bytes, name, { limits: context.limits.archive, budget: context.budget });
				if (!verified.ok) {
					if (verified.hostile) collected.fatal ??= verified;
					else fail(collected, name, verified, topLevel);
					return;
				}
				if (verified.unpacked) readable = verified.unpacked;
			}
			const workbook = await readWorkbook(readable, {
				fileName: name,
				format: sniffed.format,
				maxSheets: context.limits.maxSheets,
				maxRows: context.limits.maxRows
			});
			if (!workbook.ok) {
				fail(collected, name, workbook, topLevel);
				return;
			}
			collected.skipped.push(...workbook.skipped);
			const workbookSource = { sha256: topLevel ? context.fileSha256 : await sha256Hex(bytes), size: bytes.length };
			for (const table of workbook.tables) {
				checkCancelled(context);
				handleTable(table, [], context, collected, false, workbookSource);
			}
			return;
		}

		case 'text': {
			const decoded = decodeText(bytes, { encoding: sniffed.encoding, bomLength: sniffed.bomLength });
			if (decoded.text.trim() === '') {
				fail(collected, name, fileMessage('file.blank', { name }), topLevel);
				return;
			}
			const scan = scanLines(decoded.text, context.limits.maxLineChars);
			if (scan.longLine) {
				fail(
					collected,
					name,
					fileMessage('file.longLine', {
						name,
						line: scan.longLine.line,
						length: formatBytes(scan.longLine.length),
						limit: formatBytes(context.limits.maxLineChars)
					}),
					topLevel
				);
				return;
			}
			if (scan.lines > context.limits.maxRows) {
				fail(
					collected,
					name,
					fileMessage('file.tooManyLines', { name, count: scan.lines, lines: shownCount(scan.lines), limit: shownCount(context.limits.maxRows) }),
					topLevel
				);
				return;
			}
			const { table, issues } = tabulateText(decoded.text, name, decoded.encoding, containerOf(name));
			if (decoded.undecodable) issues.unshift(undecodableIssue(name, decoded.text, decoded.encoding, decoded.undecodable));
			const source = { sha256: topLevel ? context.fileSha256 : await sha256Hex(bytes), size: bytes.length };
			handleTable(table, issues, context, collected, topLevel, source);
			return;
		}
	}
}

/** The outcome for a file over the size limit (also used by the worker before reading such a file). */
export function tooLargeOutcome(name: string, size: number, maxFileBytes: number = MAX_FILE_BYTES): ErrorOutcome {
	return {
		name,
		size,
		sha256: '',
		outcome: 'error',
		...fileMessage('file.tooLarge', { name, size: formatBytes(size), limit: formatBytes(maxFileBytes) })
	};
}

type WithoutBase<T> = T extends OutcomeBase ? Omit<T, keyof OutcomeBase> : never;
type OutcomeBody = WithoutBase<FileOutcome>;

function summarise(name: string, collected: Collected): OutcomeBody {
	if (collected.fatal) return { outcome: 'error', ...collected.fatal };
	if (collected.parsed.length > 0)
		return { outcome: 'parsed', parsed: collected.parsed, skipped: collected.skipped, unrecognised: collected.unrecognised };
	if (collected.unrecognised.length > 0) {
		const tables = collected.unrecognised;
		const first = tables[0];
		const coded =
			tables.length > 1
				? fileMessage('file.unrecognisedTables', {
						name,
						count: tables.length,
						tables: shownCount(tables.length),
						names: tables.map((item) => item.table.fileName).join('; ')
					})
				: first.bestGuess
					? fileMessage('file.unrecognisedClosest', { name: first.table.fileName, columns: headerList(first.sample), format: first.bestGuess.importerLabel })
					: fileMessage('file.unrecognised', { name: first.table.fileName, columns: headerList(first.sample) });
		return { outcome: 'unrecognised', tables, skipped: collected.skipped, ...coded };
	}
	if (collected.skipped.length > 0) {
		const reasons = collected.skipped.slice(0, 5).map((item) =>
			fileMessage('file.skippedEntry', { entry: item.entry, reason: { message: item.reason, code: item.code, params: item.params } })
		);
		const more = collected.skipped.length - 5;
		return {
			outcome: 'error',
			...(more > 0 ? fileMessage('file.nothingImportableMore', { name, reasons, more }) : fileMessage('file.nothingImportable', { name, reasons }))
		};
	}
	return { outcome: 'error', ...fileMessage('file.noData', { name }) };
}

async function readOne(input: ReadInput, options: ReadOptions, registry: readonly Importer[], limits: PipelineLimits): Promise<FileOutcome> {
	const { name, bytes } = input;
	const size = bytes.length;
	const base = { name, size, sha256: '' };
	if (size > limits.maxFileBytes) return tooLargeOutcome(name, size, limits.maxFileBytes);
	base.sha256 = await sha256Hex(bytes);
	const collected: Collected = { parsed: [], unrecognised: [], skipped: [], fatal: null, rows: 0 };
	const context: Context = {
		registry,
		now: options.now ?? new Date(),
		limits,
		budget: { remaining: limits.archive.maxInflatedBytes },
		signal: options.signal,
		fileSha256: base.sha256,
		report: (bytesDone) => options.onProgress?.({ file: name, bytesDone: Math.min(bytesDone, size), bytesTotal: size, rows: collected.rows })
	};
	context.report(0);
	try {
		await readBytes(name, bytes, 0, context, collected);
	} catch (error) {
		if (error instanceof Cancelled) return { ...base, outcome: 'error', ...fileMessage('file.cancelledWhile', { name }) };
		const detail = error instanceof Error ? error.message : String(error);
		return { ...base, outcome: 'error', ...fileMessage('file.unexpected', { name, detail }) };
	}
	context.report(size);
	return { ...base, ...summarise(name, collected) } as FileOutcome;
}

/**
 * Reads every input into one FileOutcome each, in order, one file at a time (so memory holds one
 * file's data at once). Never throws; a cancelled import turns the remaining files into error outcomes.
 */
export async function readFiles(inputs: readonly ReadInput[], options: ReadOptions): Promise<FileOutcome[]> {
	const limits: PipelineLimits = {
		...DEFAULT_PIPELINE_LIMITS,
		...options.limits,
		archive: { ...DEFAULT_PIPELINE_LIMITS.archive, ...options.limits?.archive }
	};
	// saved mappings first: on a tie, the user's explicit mapping wins
	const registry: readonly Importer[] = [...(options.presets ?? []).map(presetImporter), ...options.registry];
	const outcomes: FileOutcome[] = [];
	for (const input of inputs) {
		if (options.signal?.aborted) {
			outcomes.push({
				name: input.name,
				size: input.bytes?.length ?? 0,
				sha256: '',
				outcome: 'error',
				...fileMessage('file.cancelledBefore', { name: input.name })
			});
			continue;
		}
		try {
			outcomes.push(await readOne(input, options, registry, limits));
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			outcomes.push({
				name: input.name,
				size: input.bytes?.length ?? 0,
				sha256: '',
				outcome: 'error',
				...fileMessage('file.unexpected', { name: input.name, detail })
			});
		}
		await breathe();
	}
	return outcomes;
}
