/**
 * Two-column audience tables (`Gender,Distribution`, `Top territories,Distribution`,
 * `Location,Total followers`): one key column, one value column, read into a ParsedBreakdown.
 */
import type { DayNumber } from '../domain/days';
import type { AccountRef, BreakdownDimension, ParsedBreakdown } from '../domain/model';
import { cellAt, dataRowsAfter, importResult, IssueLog } from './columns';
import type { ImportResult, Table } from './types';
import { inferDecimalHint, isMissing, parseCount, parseRate } from './values';
import { fileMessage } from './messages';

export interface BreakdownTableSpec {
	table: Table;
	headerIndex: number;
	account: AccountRef | null;
	dimension: BreakdownDimension;
	asOf: DayNumber;
	measure: string;
	keyColumn: number;
	valueColumn: number;
	valueHeader: string;
	/**
	 * 'share': fractions (`0.55`) or percentages (`55.3`, `55.3%`), told apart by the column's sum
	 * (about 1 vs about 100); 'count': whole numbers.
	 */
	unit: 'share' | 'count';
}

/** True when the values look like percentages (sum well above 1) rather than fractions. */
export function looksLikePercentages(values: readonly number[]): boolean {
	const sum = values.reduce((total, value) => total + value, 0);
	return sum > 1.5 || values.some((value) => value > 1);
}

export function readBreakdownTable(spec: BreakdownTableSpec): ImportResult {
	const issues = new IssueLog();
	const rows = dataRowsAfter(spec.table, spec.headerIndex);
	const hint = inferDecimalHint(rows.map(({ row }) => row[spec.valueColumn] ?? ''));
	const raw: { key: string; value: number; percentSign: boolean }[] = [];
	for (const { row, line } of rows) {
		const key = cellAt(row, spec.keyColumn);
		const text = cellAt(row, spec.valueColumn);
		if (!key) {
			issues.warning(fileMessage('breakdown.noKey'), line, 'no-key');
			continue;
		}
		if (text === undefined || isMissing(text)) continue;
		const value = spec.unit === 'count' ? parseCount(text, hint) : parseRate(text, { hint });
		if (value === null) {
			issues.warning(fileMessage('breakdown.notNumber', { cell: text, column: spec.valueHeader, key }), line, 'nan');
			continue;
		}
		raw.push({ key, value, percentSign: text.endsWith('%') });
	}
	let entries = raw.map(({ key, value }) => ({ key, value }));
	if (spec.unit === 'share' && !raw.some((entry) => entry.percentSign) && looksLikePercentages(entries.map((entry) => entry.value))) {
		// `55.3` meaning 55.3 %: shift by the exponent so 55.3 becomes exactly 0.553
		entries = entries.map(({ key, value }) => ({ key, value: Number(`${value}e-2`) }));
	}
	const breakdowns: ParsedBreakdown[] =
		entries.length > 0
			? [{ account: spec.account, dimension: spec.dimension, asOf: spec.asOf, unit: spec.unit, measure: spec.measure, entries }]
			: [];
	return importResult({ account: spec.account, breakdowns, rowCount: rows.length, issues });
}
