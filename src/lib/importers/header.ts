/**
 * Finding the header row. Exports put things above it: Excel's `sep=,` hint, a one-cell title
 * padded with commas (`Video overview,,,,,`), Meta's metric-name line (`"Facebook follows"`),
 * LinkedIn's one-cell description row. Rather than hard-coding each, every plausible row near the
 * top is offered to every importer as a header candidate and the best (importer, row) pair wins.
 */
import { HEADER_SEARCH_ROWS } from './limits';
import type { DetectSample, Importer, Table } from './types';

/** detect() scores at or above this count as "recognised"; below it the user is offered the mapping step. */
export const RECOGNISED_SCORE = 0.5;

const PREAMBLE_ROWS = 5;
const SAMPLE_ROWS = 10;

/** Trimmed, BOM and zero-width characters removed, inner whitespace collapsed. */
export function cleanHeader(cell: string): string {
	return cell.replace(/[\uFEFF\u200B-\u200D]/g, '').replace(/\s+/g, ' ').trim();
}

export function normalizeHeader(cell: string): string {
	return cleanHeader(cell).toLowerCase();
}

function nonEmptyCells(row: string[]): number {
	let count = 0;
	for (const cell of row) if (cell.trim() !== '') count++;
	return count;
}

/** `sep=,` and rows with a single filled cell (titles, metric names, description lines). */
export function isPreambleRow(row: string[]): boolean {
	if (/^\s*sep=.?\s*$/i.test(row[0] ?? '')) return true;
	return nonEmptyCells(row) < 2;
}

export function buildSample(table: Table, headerIndex: number): DetectSample {
	const header = table.rows[headerIndex] ?? [];
	const headers = header.map(cleanHeader);
	return {
		fileName: table.fileName,
		containerName: table.containerName,
		sheetName: table.sheetName,
		headers,
		normalizedHeaders: headers.map((cell) => cell.toLowerCase()),
		preamble: table.rows.slice(Math.max(0, headerIndex - PREAMBLE_ROWS), headerIndex),
		firstRows: table.rows.slice(headerIndex + 1, headerIndex + 1 + SAMPLE_ROWS)
	};
}

export interface HeaderCandidate {
	headerIndex: number;
	sample: DetectSample;
}

/** The rows that may be the header: preamble-looking rows are skipped unless nothing else is there. */
function candidateIndexes(table: Table): number[] {
	const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
	const indexes: number[] = [];
	for (let i = 0; i < limit; i++) if (!isPreambleRow(table.rows[i])) indexes.push(i);
	if (indexes.length === 0)
		for (let i = 0; i < limit; i++) if (nonEmptyCells(table.rows[i]) > 0 && !/^\s*sep=/i.test(table.rows[i][0])) indexes.push(i);
	return indexes;
}

/** Header candidates among the first rows; preamble-looking rows are skipped unless nothing else is there. */
export function candidateSamples(table: Table): HeaderCandidate[] {
	return candidateIndexes(table).map((headerIndex) => ({ headerIndex, sample: buildSample(table, headerIndex) }));
}

export interface Detection {
	importer: Importer;
	headerIndex: number;
	score: number;
}

function safeScore(importer: Importer, sample: DetectSample): number {
	try {
		const score = importer.detect(sample);
		return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
	} catch {
		// one importer's bug must not stop the others from recognising the file
		return 0;
	}
}

/**
 * The highest-scoring (importer, header row) pair with a score above 0, recognised or not.
 * Ties go to the earlier row, then to the importer listed first.
 */
export function bestGuess(table: Table, registry: readonly Importer[]): Detection | null {
	let best: Detection | null = null;
	// each row's sample is built only when its turn comes: most tables stop at the first
	for (const headerIndex of candidateIndexes(table)) {
		const sample = buildSample(table, headerIndex);
		for (const importer of registry) {
			const score = safeScore(importer, sample);
			if (score > 0 && (!best || score > best.score)) best = { importer, headerIndex, score };
		}
		// a full score cannot be beaten by a later row (ties go to the earlier one): the rows below
		// are data, and offering them to every importer was most of detection's cost
		if (best && best.score >= 1) break;
	}
	return best;
}

/** The recognised format of a table, or null when no importer is sure enough (score < RECOGNISED_SCORE). */
export function detectFormat(table: Table, registry: readonly Importer[]): Detection | null {
	const best = bestGuess(table, registry);
	return best && best.score >= RECOGNISED_SCORE ? best : null;
}

const NUMBER_LIKE = /^[-+(]?[$€£¥]?\s?\d[\d\s.,\u00a0\u202f']*%?\)?$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|^\d{4}-\d{2}-\d{2}T/;

/** A cell that holds a value rather than a column name. */
export function isValueLike(cell: string): boolean {
	const text = cell.trim();
	return text !== '' && (NUMBER_LIKE.test(text) || DATE_LIKE.test(text));
}

/**
 * For a table no importer recognised: the first candidate row made of names rather than values,
 * or -1 when the first rows already hold data (the file has no header row).
 */
export function guessHeaderIndex(table: Table): number {
	for (const headerIndex of candidateIndexes(table)) {
		const row = table.rows[headerIndex];
		const filled = row.filter((cell) => cell.trim() !== '');
		const values = filled.filter(isValueLike).length;
		// column names are words; a row that is mostly numbers and dates is already data
		if (values === 0 || values * 2 < filled.length) return headerIndex;
	}
	return -1;
}
