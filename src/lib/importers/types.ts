/**
 * The one shape every importer has. The pipeline (sniff → decode → tabulate → find header →
 * detect → parse) lives in `pipeline.ts`; an importer only says how well it recognises a table
 * and how to turn that table into the canonical model.
 */
import type { ParsedBreakdown, ParsedPost, Platform, RowIssue, SeriesPoints, AccountRef } from '../domain/model';
import type { DayNumber } from '../domain/days';

/** A grid of cells read from a CSV text or a spreadsheet sheet, before any interpretation. */
export interface Table {
	/** Display name: `file.csv`, `book.xlsx › Sheet`, `archive.zip/inner/Totals.csv`. */
	fileName: string;
	/**
	 * Name of the enclosing zip or workbook, when there is one (account and year hints live there).
	 * Exactly: for a zip entry, fileName up to its last `/`, i.e. the zip's name followed by the entry's
	 * folders (`Content 2021-08-22_2025-10-17 Channel.zip/Content 2021-08-22_2025-10-17 Channel` for
	 * `…/Table data.csv`; `outer.zip/Overview_2026-07-01_1751328000_handle.zip` for a zip in a zip);
	 * for a sheet, the workbook's path, i.e. fileName before ` › ` (`book.xlsx`, `export.zip/Viewers.xlsx`).
	 * Split on `/` to look at each zip and folder name. Absent for a file given directly.
	 */
	containerName?: string;
	/** Sheet name for spreadsheets. */
	sheetName?: string;
	/** All rows as strings, exactly as read (cells not trimmed). */
	rows: string[][];
	/** rows[i] starts on line lineOf[i] of the file (1-based); quoted newlines make these differ. */
	lineOf: number[];
	encoding: string;
}

/** What an importer sees when asked whether it recognises a table. */
export interface DetectSample {
	fileName: string;
	containerName?: string;
	sheetName?: string;
	/** The candidate header row, trimmed. */
	headers: string[];
	/** Lower-cased, trimmed headers (for case-insensitive matching). */
	normalizedHeaders: string[];
	/** Up to 5 rows before the header (preamble: `sep=,`, a metric title, a description line). */
	preamble: string[][];
	/** Up to 10 rows after the header. */
	firstRows: string[][];
}

export interface ParseContext {
	table: Table;
	/** Index of the header row in table.rows. */
	headerIndex: number;
	/** When the import happens: TikTok dates have no year and need a reference point. */
	now: Date;
}

/** What one importer returns for one table (file/encoding are filled in by the pipeline). */
export interface ImportResult {
	account: AccountRef | null;
	series: SeriesPoints[];
	posts: ParsedPost[];
	breakdowns: ParsedBreakdown[];
	rowCount: number;
	issues: RowIssue[];
	coversUntil: DayNumber | null;
}

export interface Importer {
	/** Stable id, stored with every import (e.g. `x-tweet-activity`). */
	id: string;
	/** Human name shown in the preview (e.g. 'X/Twitter — Tweet activity (per tweet)'). */
	label: string;
	platform: Platform;
	/**
	 * 0..1: how sure this importer is that the sample is its format. Matches header names (trimmed,
	 * case-insensitive, with aliases and localized names), never positions.
	 */
	detect(sample: DetectSample): number;
	/** Never throws: problems come back as issues (with line numbers where they apply). */
	parse(context: ParseContext): ImportResult;
}
